/**
 * Streamable HTTP at `/mcp`, stateless: every request gets its own server and
 * transport, so any instance behind a load balancer can answer any request.
 * A GET opens a notification stream on which this instance announces
 * snapshot changes (`notifications/resources/list_changed`).
 *
 * Security: the Host and Origin headers must name an allowed host (DNS
 * rebinding), a bearer token is checked when configured and required to bind
 * beyond loopback, and bodies are bounded. `/healthz` answers without either
 * check: it tells only the knowledge version and item count, and load
 * balancer probes rarely send the public host name or a token.
 *
 * Per request only the transport and a thin McpServer are new; the JSON-schema
 * validator and the tool list are built once (see SharedServerParts).
 *
 * Why not the SDK's HTTP helpers: `hostHeaderValidation` and `requireBearerAuth`
 * are Express middleware; taking them would put Express on every request, and
 * the host check ignores the port (the tests pin 403 for `localhost:1`) and
 * does not look at Origin. The checks below are small and keep those answers.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ConfigError } from '../config.ts';
import { createMcpServer, createSharedServerParts, type KejinMcpServer, type McpDeps } from './server.ts';

const MCP_PATH = '/mcp';
const HEALTH_PATH = '/healthz';

export interface HttpOptions {
    readonly host: string;
    /** 0 picks a free port. */
    readonly port: number;
    /** Bearer token clients must send; required when `host` is not loopback. */
    readonly token?: string;
    /** Accepted Host header values (`name` or `name:port`); default: the loopback names with the port. */
    readonly allowedHosts?: readonly string[];
    readonly maxBodyBytes: number;
}

export interface RunningHttpServer {
    /** e.g. `http://127.0.0.1:3000/mcp` */
    readonly url: string;
    readonly port: number;
    /** Ends the open notification streams and stops listening. */
    close(): Promise<void>;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

function isLoopback(host: string): boolean {
    return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Refuses a configuration that would expose the server unauthenticated. */
function assertSafeHttpOptions(options: HttpOptions): void {
    if (!isLoopback(options.host) && !options.token) {
        throw new ConfigError(
            `kejin: MCP_AUTH_TOKEN is required when the MCP server binds beyond loopback (MCP_HTTP_HOST=${options.host}); set a long random token, or bind to 127.0.0.1`,
        );
    }
}

export async function startHttpServer(deps: McpDeps, options: HttpOptions): Promise<RunningHttpServer> {
    assertSafeHttpOptions(options);
    const shared = await createSharedServerParts(deps);
    const open = new Set<KejinMcpServer>();
    let allowed: HostRule[] = [];
    const http = createServer((req, res) => {
        const started = performance.now();
        res.once('finish', () => deps.logger.debug({ method: req.method, url: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'mcp http'));
        handle(req, res).catch((err: unknown) => {
            deps.logger.error({ err }, 'mcp http request failed');
            if (!res.headersSent) reply(res, 500, 'internal error');
            else res.destroy();
        });
    });

    async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const path = (req.url ?? '/').split('?')[0];
        if (path === HEALTH_PATH) return health(req, res, deps);
        if (path !== MCP_PATH) return reply(res, 404, `not found: the MCP endpoint is ${MCP_PATH}`);
        const refused = checkHost(req, allowed) ?? checkToken(req, options.token);
        if (refused) return reply(res, refused.status, refused.message, refused.headers);
        if (req.method === 'DELETE') return reply(res, 405, 'this server is stateless: there is no session to end', { Allow: 'GET, POST' });
        if (req.method !== 'POST' && req.method !== 'GET') return reply(res, 405, `method ${req.method ?? '?'} not allowed`, { Allow: 'GET, POST' });
        await serve(req, res);
    }

    async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const mcp = createMcpServer(deps, shared);
        // JSON answers to POST: no stream to hold open; GET still streams notifications.
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: options.maxBodyBytes });
        open.add(mcp);
        res.on('close', () => {
            open.delete(mcp);
            mcp.close().catch((err: unknown) => deps.logger.debug({ err }, 'mcp server close failed'));
        });
        await mcp.server.connect(transport);
        // A malformed request is the client's mistake, answered 4xx: not worth a warning each.
        mcp.server.server.onerror = (err) => deps.logger.debug({ err: err.message }, 'mcp http request refused');
        await transport.handleRequest(req, res);
    }

    await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(options.port, options.host, () => {
            http.off('error', reject);
            resolve();
        });
    });
    const port = (http.address() as AddressInfo).port;
    allowed = hostRules(options.allowedHosts ?? defaultAllowedHosts(options.host, port));
    const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
        url: `http://${shown}:${port}${MCP_PATH}`,
        port,
        close: () => closeServer(http, open),
    };
}

async function closeServer(http: Server, open: Set<KejinMcpServer>): Promise<void> {
    await Promise.allSettled([...open].map((s) => s.close()));
    await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
        // Streams a client keeps open must not hold the shutdown.
        setTimeout(() => http.closeAllConnections(), 1000).unref();
    });
}

function defaultAllowedHosts(host: string, port: number): string[] {
    const names = isLoopback(host) || host === '0.0.0.0' || host === '::' ? LOOPBACK_NAMES : [...LOOPBACK_NAMES, host.includes(':') ? `[${host}]` : host];
    return names.map((n) => `${n}:${port}`);
}

// ---- checks ---------------------------------------------------------------

interface Refusal {
    readonly status: number;
    readonly message: string;
    readonly headers?: Record<string, string>;
}

interface HostRule {
    readonly hostname: string;
    /** Empty: any port. */
    readonly port: string;
}

function parseHost(value: string): HostRule | undefined {
    try {
        const url = new URL(`http://${value}`);
        if (url.username || url.password || url.pathname !== '/' || url.search) return undefined;
        return { hostname: url.hostname.toLowerCase(), port: url.port };
    } catch {
        return undefined;
    }
}

function hostRules(values: readonly string[]): HostRule[] {
    return values.map((v) => v.trim()).filter(Boolean).map((v) => parseHost(v) ?? { hostname: v.toLowerCase(), port: '' });
}

function hostAllowed(value: string, rules: readonly HostRule[]): boolean {
    const host = parseHost(value);
    return !!host && rules.some((r) => r.hostname === host.hostname && (r.port === '' || r.port === host.port));
}

/** DNS-rebinding protection: a page on another site must not reach this server through a name that resolves to it. */
function checkHost(req: IncomingMessage, rules: readonly HostRule[]): Refusal | undefined {
    const host = req.headers.host;
    if (!host || !hostAllowed(host, rules)) {
        return { status: 403, message: `Host "${host ?? ''}" is not allowed; add it to MCP_ALLOWED_HOSTS if clients really use this name` };
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
        const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
        if (!parsed || !hostAllowed(parsed.host, rules)) return { status: 403, message: `Origin "${origin}" is not allowed` };
    }
    return undefined;
}

function checkToken(req: IncomingMessage, token: string | undefined): Refusal | undefined {
    if (!token) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (match && sameSecret(match[1]!, token)) return undefined;
    return {
        status: 401,
        message: match ? 'wrong bearer token' : 'missing bearer token: send the header "Authorization: Bearer <MCP_AUTH_TOKEN>"',
        headers: { 'WWW-Authenticate': `Bearer realm="kejin", error="invalid_token"` },
    };
}

/** Compares digests so that the time taken says nothing about the token. */
function sameSecret(given: string, expected: string): boolean {
    const digest = (s: string) => createHash('sha256').update(s).digest();
    return timingSafeEqual(digest(given), digest(expected));
}

// ---- answers -------------------------------------------------------------------

function health(req: IncomingMessage, res: ServerResponse, deps: McpDeps): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, `method ${req.method ?? '?'} not allowed`, { Allow: 'GET, HEAD' });
    const snapshot = deps.service.snapshot();
    const body = JSON.stringify({ status: 'ok', version: snapshot.version, items: snapshot.items.size, loadedAt: snapshot.loadedAt });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
}

/** A JSON-RPC error body, as the SDK's own refusals have. */
function reply(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: `kejin: ${message}` }, id: null }));
}
