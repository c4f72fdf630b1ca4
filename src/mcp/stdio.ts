/**
 * MCP over stdin/stdout: one server for the life of the process. Only the
 * transport writes to stdout; logs go to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer, type McpDeps } from './server.ts';

export interface RunningStdioServer {
    /** Resolves when the client goes away (stdin ends) or the transport closes. */
    readonly ended: Promise<void>;
    close(): Promise<void>;
}

export async function startStdioServer(deps: McpDeps, stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): Promise<RunningStdioServer> {
    const mcp = createMcpServer(deps);
    const transport = new StdioServerTransport(stdin, stdout);
    const ended = new Promise<void>((resolve) => {
        // The SDK transport does not watch for the end of stdin; without this an
        // orphaned server (its client gone) would live on, watching the folder.
        stdin.once('end', resolve);
        stdin.once('close', resolve);
        transport.onclose = resolve; // connect() chains its own handler after this one
    });
    await mcp.server.connect(transport);
    return { ended, close: () => mcp.close() };
}
