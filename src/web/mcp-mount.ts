/**
 * `/mcp` inside `kejin serve`: the MCP endpoint of src/mcp, unchanged,
 * reached through its public entry `startHttpServer`. That server listens on
 * a loopback port of its own, never published; the web server passes every
 * request under /mcp to it as it came (method, path, headers, streamed body
 * both ways), so that the MCP endpoint's own checks (Host, Origin, bearer
 * token, body size) and its streams apply exactly as in `kejin mcp --http`.
 *
 * Why a pass-through and not a handler function: src/mcp/http.ts builds its
 * server and its checks in one function and is being moved to another SDK
 * version; using only its public start function keeps this file and that
 * work apart. The cost is one loopback hop per MCP request.
 */
import { Agent, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { startHttpServer, type RunningHttpServer } from '../mcp/http.ts';
import type { McpDeps } from '../mcp/server.ts';

export interface McpMount {
    readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
    close(): Promise<void>;
}

export interface McpMountOptions {
    readonly token?: string;
    /** The Host values the public server accepts (name or name:port), which MCP checks in its turn. */
    readonly allowedHosts: readonly string[];
    readonly maxBodyBytes: number;
}

export async function mountMcp(deps: McpDeps & { logger: Logger }, options: McpMountOptions): Promise<McpMount> {
    const inner: RunningHttpServer = await startHttpServer(deps, {
        host: '127.0.0.1',
        port: 0,
        ...(options.token ? { token: options.token } : {}),
        allowedHosts: options.allowedHosts,
        maxBodyBytes: options.maxBodyBytes,
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const handle = (req: IncomingMessage, res: ServerResponse): void => {
        const out = request({ host: '127.0.0.1', port: inner.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
        });
        out.on('error', (err) => {
            deps.logger.warn({ err: err.message }, 'mcp pass-through failed');
            if (!res.headersSent) {
                res.writeHead(502, { 'Content-Type': 'application/json' });
                res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'kejin: the MCP endpoint is not available' }, id: null }));
            } else res.destroy();
        });
        // A client that goes away ends the inner request (and its stream) too.
        res.on('close', () => out.destroy());
        req.pipe(out);
    };
    return {
        handle,
        close: async () => {
            agent.destroy();
            await inner.close();
        },
    };
}
