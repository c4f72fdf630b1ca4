/**
 * `/mcp` inside `kejin serve`: the MCP endpoint of src/mcp as a request
 * listener (`createMcpRequestHandler`, the body of `startHttpServer` without
 * its own server), called by the web server for every request under /mcp.
 * The endpoint keeps its own checks (Host, Origin, bearer token, body size)
 * and its notification streams, exactly as in `kejin mcp --http`; the web
 * server only hands the request over, on its one port.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMcpRequestHandler } from '../mcp/http.ts';
import type { McpDeps } from '../mcp/deps.ts';

export interface McpMount {
    readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
    /** Once the web server knows its port: the Host values MCP accepts. */
    setAllowedHosts(values: readonly string[]): void;
    close(): Promise<void>;
}

export interface McpMountOptions {
    readonly token?: string;
    readonly maxBodyBytes: number;
}

export async function mountMcp(deps: McpDeps, options: McpMountOptions): Promise<McpMount> {
    const handler = await createMcpRequestHandler(deps, { ...(options.token ? { token: options.token } : {}), maxBodyBytes: options.maxBodyBytes });
    return { handle: handler, setAllowedHosts: (values) => handler.setAllowedHosts(values), close: () => handler.close() };
}
