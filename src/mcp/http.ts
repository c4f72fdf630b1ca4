/**
 * Streamable HTTP at `/mcp`, stateless, for both protocol eras, each request
 * answered by a fresh server from one factory, so any instance behind a load
 * balancer can answer any request:
 * - 2026-07-28 requests (no session, `server/discover`, per-request `_meta`,
 *   the `Mcp-Method` / `Mcp-Name` headers checked against the body,
 *   `subscriptions/listen` for change events) go to SDK v2's
 *   `createMcpHandler`;
 * - 2025-era requests (`initialize` clients), told apart by the SDK's own
 *   `isLegacyRequest`, get JSON answers from a per-request transport, as
 *   before v2 (the SDK's stateless fallback would answer each with an SSE
 *   stream: slower, and unreadable to `curl | jq`); a 2025-era GET opens a
 *   notification stream on which this instance announces snapshot changes
 *   (`notifications/resources/list_changed`), which that fallback refuses.
 * A 2026 client hears of the same changes on its `subscriptions/listen` stream.
 *
 * Security: the Host and Origin headers must name an allowed host (DNS
 * rebinding), a bearer token is checked when configured and required to bind
 * beyond loopback, bodies are bounded, a client must send its headers and its
 * body within set times (a trickling client is cut off), and the open
 * notification streams are capped. `/healthz` answers without Host or token
 * checks: it tells only the knowledge version and item count, and load
 * balancer probes rarely send the public host name or a token.
 *
 * Per request only a thin McpServer is new; the JSON-schema validator and the
 * tool list are built once (see SharedServerParts), and the tool list is
 * serialised once per revision (see ToolListBodies). Both legs get one web
 * Request holding the headers, with the body already parsed, and their
 * answers are written here: a JSON answer in one write, an event stream as
 * it comes.
 *
 * Why not the SDK's HTTP guards: `localhostHostValidation` accepts any port
 * and answers in its own words; the checks below are small, look at the port
 * (the tests pin 403 for `localhost:1`) and keep kejin's answers.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node';
import { createMcpHandler, isLegacyRequest, WebStandardStreamableHTTPServerTransport, type McpServer } from '@modelcontextprotocol/server';
import { defaultAllowedHosts, hostRules, isLoopback, refusedHeader, type HostRules } from '../allowed-hosts.ts';
import { ConfigError } from '../config.ts';
import type { McpDeps } from './deps.ts';
import { announceReloads, createMcpServer, createSharedServerParts } from './server.ts';

const MCP_PATH = '/mcp';
const HEALTH_PATH = '/healthz';

/** A client has this long to send its request headers. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** A client has this long to send its whole request, body included. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/**
 * Notification streams open at once (2025 GET streams and 2026
 * `subscriptions/listen` streams, each counted on its own): each holds a
 * socket and a server, about 40 KB; a client past the cap is told to retry.
 */
export const DEFAULT_MAX_STREAMS = 256;

export interface HttpOptions {
    readonly host: string;
    /** 0 picks a free port. */
    readonly port: number;
    /** Bearer token clients must send; required when `host` is not loopback. */
    readonly token?: string;
    /** Accepted Host header values (`name` or `name:port`); default: the loopback names with the port. */
    readonly allowedHosts?: readonly string[];
    readonly maxBodyBytes: number;
    /** Default DEFAULT_HEADERS_TIMEOUT_MS. */
    readonly headersTimeoutMs?: number;
    /** Default DEFAULT_REQUEST_TIMEOUT_MS. */
    readonly requestTimeoutMs?: number;
    /** Default DEFAULT_MAX_STREAMS. */
    readonly maxStreams?: number;
}

export interface RunningHttpServer {
    /** e.g. `http://127.0.0.1:3000/mcp` */
    readonly url: string;
    readonly port: number;
    /** Ends the open notification streams and stops listening. */
    close(): Promise<void>;
}

/** Refuses a configuration that would expose the server unauthenticated. */
function assertSafeHttpOptions(options: HttpOptions): void {
    if (!isLoopback(options.host) && !options.token) {
        throw new ConfigError(
            `kejin: MCP_AUTH_TOKEN is required when the MCP server binds beyond loopback (MCP_HTTP_HOST=${options.host}); ` +
                `set a long random token, or bind to 127.0.0.1`,
        );
    }
}

/** The endpoint as a request listener, for a server of someone else's (`kejin serve` mounts it beside the web chat). */
export interface McpRequestHandler {
    /** Answers `/mcp` and `/healthz`; anything else 404. */
    (req: IncomingMessage, res: ServerResponse): void;
    /** The Host (and Origin) values accepted; none until set. */
    setAllowedHosts(values: readonly string[]): void;
    /** Ends the open notification streams. */
    close(): Promise<void>;
}

export async function startHttpServer(deps: McpDeps, options: HttpOptions): Promise<RunningHttpServer> {
    assertSafeHttpOptions(options);
    const listener = await createMcpRequestHandler(deps, options);
    const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const http = createServer(
        {
            headersTimeout: Math.min(options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS, requestTimeout),
            requestTimeout,
            // Node checks both limits on this interval (default 30 s, which let a trickle last 90 s).
            connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(requestTimeout / 4))),
        },
        listener,
    );
    await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(options.port, options.host, () => {
            http.off('error', reject);
            resolve();
        });
    });
    const port = (http.address() as AddressInfo).port;
    listener.setAllowedHosts(options.allowedHosts ?? defaultAllowedHosts(options.host, port));
    const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
        url: `http://${shown}:${port}${MCP_PATH}`,
        port,
        close: async () => {
            await listener.close();
            await closeServer(http);
        },
    };
}

export async function createMcpRequestHandler(
    deps: McpDeps,
    options: Pick<HttpOptions, 'token' | 'maxBodyBytes' | 'maxStreams'>,
): Promise<McpRequestHandler> {
    const shared = await createSharedServerParts(deps);
    const maxStreams = options.maxStreams ?? DEFAULT_MAX_STREAMS;
    const streams = new Set<McpServer>();
    let allowed: HostRules = [];
    // A refused request is the client's mistake, answered 4xx: not worth a warning each.
    const onerror = (err: Error) => deps.logger.debug({ err: err.message }, 'mcp http request refused');
    const limits = { maxRequestBodySize: options.maxBodyBytes };
    const toolLists = new ToolListBodies();
    const turns = new Turns();
    /** The modern leg's requests whose server answers tools/list with the empty placeholder (see ToolListBodies). */
    const placeholders = new WeakSet<Request>();
    const mcp = createMcpHandler(
        ({ requestInfo }) => createMcpServer(deps, shared, { emptyToolList: requestInfo !== undefined && placeholders.has(requestInfo) }),
        {
            legacy: 'reject',
            onerror,
            maxSubscriptions: maxStreams,
            ...limits,
        },
    );
    const unsubscribe = deps.service.subscribe(() => mcp.notify.resourcesChanged());

    const listener = (req: IncomingMessage, res: ServerResponse): void => {
        const started = performance.now();
        res.once('finish', () =>
            deps.logger.debug({ method: req.method, url: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'mcp http'),
        );
        handle(req, res).catch((err: unknown) => {
            deps.logger.error({ err }, 'mcp http request failed');
            if (!res.headersSent) reply(res, 500, 'internal error');
            else res.destroy();
        });
    };

    async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const path = (req.url ?? '/').split('?')[0];
        if (path === HEALTH_PATH) return health(req, res, deps);
        if (path !== MCP_PATH) return reply(res, 404, `not found: the MCP endpoint is ${MCP_PATH}`);
        const refused = checkHost(req, allowed) ?? checkToken(req, options.token);
        if (refused) return reply(res, refused.status, refused.message, refused.headers);
        if (req.method === 'DELETE') return reply(res, 405, 'this server is stateless: there is no session to end', { Allow: 'GET, POST' });
        if (req.method === 'GET') return openStream(req, res);
        if (req.method !== 'POST') return reply(res, 405, `method ${req.method ?? '?'} not allowed`, { Allow: 'GET, POST' });
        const body = await readBody(req, options.maxBodyBytes);
        if (body === undefined) return reply(res, 413, `request body over ${options.maxBodyBytes} bytes (MCP_MAX_BODY_BYTES)`);
        // The answer's work waits its turn: one request per turn of the event loop (see Turns).
        await turns.next();
        const parsed = parseJson(body);
        // The client going away ends the exchange (a handler's signal, a listen stream).
        const abort = new AbortController();
        res.once('close', () => {
            if (!res.writableFinished) abort.abort();
        });
        // One web Request for the SDK, headers only: the body is handed over parsed (or, unparseable, as text for the SDK's own parse error).
        const request = webRequest(req, parsed === undefined ? body : undefined, abort.signal);
        const list = toolLists.keyOf(req, parsed);
        const placeholder = list !== undefined && toolLists.has(list);
        // Unparseable bodies too: the per-request transport answers them with a JSON-RPC parse error.
        if (parsed === undefined || (await isLegacyRequest(request, parsed, limits))) {
            const server = createMcpServer(deps, shared, { emptyToolList: placeholder });
            const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
            try {
                await server.connect(transport);
                server.server.onerror = onerror;
                const response = await transport.handleRequest(request, parsed === undefined ? {} : { parsedBody: parsed });
                await writeResponse(res, response, abort.signal, list, toolLists);
            } finally {
                server.close().catch((err: unknown) => deps.logger.debug({ err }, 'mcp server close failed'));
            }
            return;
        }
        if (placeholder) placeholders.add(request);
        await writeResponse(res, await mcp.fetch(request, { parsedBody: parsed }), abort.signal, list, toolLists);
    }

    /**
     * A 2025-era client's notification stream: the one thing the SDK's
     * stateless legacy serving does not give (it answers GET with 405), and
     * how clients such as the Inspector hear that the knowledge changed.
     */
    async function openStream(req: IncomingMessage, res: ServerResponse): Promise<void> {
        if (streams.size >= maxStreams) {
            return reply(res, 503, `too many open notification streams (${maxStreams}); retry later`, { 'Retry-After': '30' });
        }
        const server = createMcpServer(deps, shared);
        const transport = new NodeStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
        streams.add(server);
        const stop = announceReloads(server, deps);
        res.on('close', () => {
            streams.delete(server);
            stop();
            server.close().catch((err: unknown) => deps.logger.debug({ err }, 'mcp server close failed'));
        });
        await server.connect(transport);
        server.server.onerror = onerror;
        await transport.handleRequest(req, res);
    }

    return Object.assign(listener, {
        setAllowedHosts: (values: readonly string[]) => {
            allowed = hostRules(values);
        },
        close: async () => {
            unsubscribe();
            await Promise.allSettled([mcp.close(), ...[...streams].map((s) => s.close())]);
        },
    });
}

/**
 * Lets requests through one per turn of the event loop, in the order they
 * came. Why: Node (libuv 1.45 on) accepts one new connection per turn, and a
 * turn otherwise serves every request that is ready. With the loop saturated
 * a turn lasts as long as all those answers (a search costs milliseconds, at
 * 100 busy clients a turn is half a second), so a burst of new connections
 * waited in the kernel's accept queue a turn each, seconds, until the load
 * stopped. One request a turn makes a turn as long as one answer: a new
 * connection waits for about as many answers as there are requests before
 * it. The order of ready requests is kept (first come, first served).
 */
class Turns {
    private readonly _waiting: (() => void)[] = [];
    private _scheduled = false;

    /** Resolves in a turn of the loop that starts no other request. */
    next(): Promise<void> {
        return new Promise((resolve) => {
            this._waiting.push(resolve);
            if (!this._scheduled) {
                this._scheduled = true;
                setImmediate(this._run);
            }
        });
    }

    // An immediate set while immediates run waits for the next turn, after the poll (accepts, reads) of that turn.
    private readonly _run = (): void => {
        const go = this._waiting.shift();
        if (this._waiting.length > 0) setImmediate(this._run);
        else this._scheduled = false;
        go?.();
    };
}

async function closeServer(http: Server): Promise<void> {
    await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
        // Streams a client keeps open must not hold the shutdown.
        setTimeout(() => http.closeAllConnections(), 1000).unref();
    });
}

/** The whole body, or undefined once it passes `max` bytes (the rest is not read). */
async function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > max) return undefined;
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
    try {
        return text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
        return undefined;
    }
}

/** The node request as a web Request for the SDK: method, URL and headers; a body only when given. */
function webRequest(req: IncomingMessage, body: string | undefined, signal: AbortSignal): Request {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined || name.startsWith(':')) continue;
        if (Array.isArray(value)) for (const v of value) headers.append(name, v);
        else headers.set(name, value);
    }
    // The body was read already; what the SDK gets is the parsed value, and these would describe bytes it never sees.
    headers.delete('content-length');
    headers.delete('transfer-encoding');
    headers.delete('content-encoding');
    const init: RequestInit = { method: req.method ?? 'POST', headers, signal };
    if (body !== undefined && body !== '') init.body = body;
    return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, init);
}

/**
 * The SDK's answer written to the node response: a JSON answer whole, with
 * its length (and a placeholder tool list filled in, see ToolListBodies); an
 * event stream chunk by chunk as the SDK writes it, until it ends or the
 * client goes.
 */
async function writeResponse(
    res: ServerResponse,
    response: Response,
    signal: AbortSignal,
    list: string | undefined,
    toolLists: ToolListBodies,
): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of response.headers) headers[name] = value;
    if (response.body === null) {
        res.writeHead(response.status, headers);
        res.end();
        return;
    }
    if ((headers['content-type'] ?? '').startsWith('application/json')) {
        let body: Buffer = Buffer.from(await response.arrayBuffer());
        if (list !== undefined) body = toolLists.fill(list, body);
        headers['content-length'] = String(body.length);
        res.writeHead(response.status, headers);
        res.end(body);
        return;
    }
    res.writeHead(response.status, headers);
    res.flushHeaders();
    const reader = response.body.getReader();
    const stop = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done || signal.aborted) break;
            if (!res.write(value))
                await new Promise<void>((resolve) => {
                    const go = () => {
                        res.off('drain', go);
                        signal.removeEventListener('abort', go);
                        resolve();
                    };
                    res.on('drain', go);
                    signal.addEventListener('abort', go, { once: true });
                });
        }
    } catch {
        // The stream was cancelled (client gone) or failed: end what was sent.
    } finally {
        signal.removeEventListener('abort', stop);
        res.end();
    }
}

/** How every successful `tools/list` answer begins when its server listed the empty placeholder. */
const EMPTY_TOOL_LIST = Buffer.from('{"result":{"tools":[]');
const TOOL_LIST = Buffer.from('{"result":{"tools":[');

/**
 * The tool list, serialised once per protocol revision as the SDK words it
 * for that revision, spliced into each `tools/list` answer in place of the
 * empty list its server was told to give. The SDK still takes each request
 * through all its checks and words the rest of the answer (id, `ttlMs`,
 * `_meta`…); only the 43 KB list, the same on every call, is not serialised
 * again. The first list of each revision is served whole and kept.
 */
class ToolListBodies {
    private readonly _bodies = new Map<string, Buffer>();

    /** The revision key of a single `tools/list` request (batches and other methods: undefined). */
    keyOf(req: IncomingMessage, parsed: unknown): string | undefined {
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || (parsed as { method?: unknown }).method !== 'tools/list')
            return undefined;
        const version = req.headers['mcp-protocol-version'];
        return typeof version === 'string' ? version : '';
    }

    has(key: string): boolean {
        return this._bodies.has(key);
    }

    /** The answer with the list filled in; the first whole list of a revision is kept. */
    fill(key: string, body: Buffer): Buffer {
        const list = this._bodies.get(key);
        if (list !== undefined) {
            if (!startsWith(body, EMPTY_TOOL_LIST)) return body; // an error, or not our placeholder: as the SDK wrote it
            return Buffer.concat([body.subarray(0, EMPTY_TOOL_LIST.length - 2), list, body.subarray(EMPTY_TOOL_LIST.length)]);
        }
        if (startsWith(body, TOOL_LIST) && !startsWith(body, EMPTY_TOOL_LIST)) {
            const tools = (JSON.parse(body.toString('utf8')) as { result: { tools: unknown[] } }).result.tools;
            this._bodies.set(key, Buffer.from(JSON.stringify(tools)));
        }
        return body;
    }
}

function startsWith(buffer: Buffer, prefix: Buffer): boolean {
    return buffer.length >= prefix.length && buffer.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}

// ---- checks ---------------------------------------------------------------

interface Refusal {
    readonly status: number;
    readonly message: string;
    readonly headers?: Record<string, string>;
}

/** DNS-rebinding protection: a page on another site must not reach this server through a name that resolves to it. */
function checkHost(req: IncomingMessage, rules: HostRules): Refusal | undefined {
    const refused = refusedHeader(req.headers, rules);
    if (refused === 'host')
        return {
            status: 403,
            message: `Host "${req.headers.host ?? ''}" is not allowed; add it to MCP_ALLOWED_HOSTS if clients really use this name`,
        };
    if (refused === 'origin') return { status: 403, message: `Origin "${req.headers.origin ?? ''}" is not allowed` };
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
