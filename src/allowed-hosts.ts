/**
 * Security: the Host check both HTTP fronts make (the MCP endpoint, the web
 * page). A page on another site must not reach a kejin server through a DNS
 * name that resolves to it (DNS rebinding): Host must name an allowed host,
 * and Origin, when sent, too. A name listed without a port matches any port
 * (behind a TLS proxy the browser's Origin has the default port); the
 * default list is the loopback names, and the bound address, with the port.
 * Each front words its own refusal.
 */

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export function isLoopback(host: string): boolean {
    return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** The Host values accepted when none are configured: the loopback names, and the bound address unless it is a wildcard, with the port. */
export function defaultAllowedHosts(bindHost: string, port: number): string[] {
    const names =
        isLoopback(bindHost) || bindHost === '0.0.0.0' || bindHost === '::'
            ? LOOPBACK_NAMES
            : [...LOOPBACK_NAMES, bindHost.includes(':') ? `[${bindHost}]` : bindHost];
    return names.map((n) => `${n}:${port}`);
}

interface HostRule {
    readonly hostname: string;
    /** Empty: any port. */
    readonly port: string;
}

export type HostRules = readonly HostRule[];

function parseHost(value: string): HostRule | undefined {
    try {
        const url = new URL(`http://${value}`);
        if (url.username || url.password || url.pathname !== '/' || url.search) return undefined;
        return { hostname: url.hostname.toLowerCase(), port: url.port };
    } catch {
        return undefined;
    }
}

/** Host values (`name` or `name:port`) as rules; blanks are dropped. */
export function hostRules(values: readonly string[]): HostRules {
    return values
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v) => parseHost(v) ?? { hostname: v.toLowerCase(), port: '' });
}

function hostAllowed(value: string, rules: HostRules): boolean {
    const host = parseHost(value);
    return !!host && rules.some((r) => r.hostname === host.hostname && (r.port === '' || r.port === host.port));
}

export interface HostCheckOptions {
    /**
     * Whether `Origin: null` (a privacy setting, a sandboxed frame) passes:
     * it names no site, so the page lets its CSRF token decide; the MCP
     * endpoint, which has no such token, refuses it.
     */
    readonly allowNullOrigin?: boolean;
}

/** Which header is refused, or undefined when Host and Origin name allowed hosts. */
export function refusedHeader(
    headers: { readonly host?: string | undefined; readonly origin?: string | undefined },
    rules: HostRules,
    options: HostCheckOptions = {},
): 'host' | 'origin' | undefined {
    const { host, origin } = headers;
    if (!host || !hostAllowed(host, rules)) return 'host';
    if (origin !== undefined && !(options.allowNullOrigin && origin === 'null')) {
        const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
        if (!parsed || !hostAllowed(parsed.host, rules)) return 'origin';
    }
    return undefined;
}
