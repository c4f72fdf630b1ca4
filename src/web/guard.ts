/**
 * The page's safety checks, each small and alone:
 * - every answer carries a strict Content-Security-Policy (this server's
 *   own script and stylesheet only; no inline script, no eval; no framing),
 *   nosniff and no referrer;
 * - Host must name an allowed host (DNS rebinding), and Origin, when sent,
 *   too, as for the MCP endpoint (../allowed-hosts.ts, WEB_ALLOWED_HOSTS);
 * - a state-changing request must come from this site: Sec-Fetch-Site, when
 *   the browser sends it, must say so, and the session's CSRF token must be
 *   in the form or the X-CSRF-Token header;
 * - bodies are bounded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultAllowedHosts, hostRules, refusedHeader, type HostRules } from '../allowed-hosts.ts';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
    // Nothing by default; the page's own script, style, images, fetches and form posts; never framed.
    'Content-Security-Policy': [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    // Not no-referrer: under it Chromium sends "Origin: null" with the page's own form posts.
    // same-origin tells other sites nothing, and this site its own address.
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** WEB_ALLOWED_HOSTS (comma-separated, a name without port matches any port), or the loopback names with the port. */
export function webHostRules(configured: readonly string[] | undefined, bindHost: string, port: number): HostRules {
    return hostRules(configured ?? defaultAllowedHosts(bindHost, port));
}

/** A refusal's status and reason, or undefined when Host and Origin are fine. */
export function checkHostAndOrigin(req: IncomingMessage, rules: HostRules): { status: number; reason: string } | undefined {
    const refused = refusedHeader(req.headers, rules, { allowNullOrigin: true });
    return refused ? { status: 403, reason: refused } : undefined;
}

/** Fetch metadata: a request another site started says so. */
export function crossSite(req: IncomingMessage): boolean {
    const site = req.headers['sec-fetch-site'];
    return site !== undefined && site !== 'same-origin' && site !== 'none';
}

/** The body as text, or undefined when it is over `max` bytes (the rest is not read). */
export async function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) return undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > max) return undefined;
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}

/** The client's address: the socket's, or with a trusted proxy the one it appended last to X-Forwarded-For. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
    if (trustProxy) {
        const forwarded = String(req.headers['x-forwarded-for'] ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        const last = forwarded.at(-1);
        if (last) return last;
    }
    return req.socket.remoteAddress ?? 'unknown';
}

/** Whether the browser reached us over HTTPS (directly, or as the trusted proxy says). */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
    if ('encrypted' in req.socket && req.socket.encrypted) return true;
    return (
        trustProxy &&
        String(req.headers['x-forwarded-proto'] ?? '')
            .split(',')[0]
            ?.trim() === 'https'
    );
}

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
    res.end(body);
}
