/**
 * The two servers `npm run bench:mcp` compares: kejin's stateless Streamable
 * HTTP server on a knowledge folder, and a bare SDK v2 echo server
 * (`createMcpHandler` with one trivial tool behind `toNodeHandler` on
 * node:http, the SDK's own recipe). Run as a script
 * (`node --import tsx bench/mcp-servers.ts kejin|echo [--knowledge DIR]`) it
 * serves one of them in a process of its own and prints its URL, for
 * `bench/mcp-http.ts --server-process`: the client then no longer shares the
 * servers' event loop, as in a deployment.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { createKnowledgeService } from '../src/core/service.ts';
import { silentLogger } from '../src/logger.ts';
import { startHttpServer } from '../src/mcp/http.ts';

export interface BenchServer {
    readonly url: string;
    close(): Promise<void>;
}

/** The SDK's own stateless recipe with one trivial tool: the ceiling kejin is measured against. */
export async function startEchoServer(): Promise<BenchServer> {
    const handler = createMcpHandler(() => {
        const server = new McpServer({ name: 'echo', version: '1.0.0' });
        server.registerTool('echo', { description: 'Echoes its text', inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
            content: [{ type: 'text', text }],
        }));
        return server;
    });
    const serve = toNodeHandler(handler);
    const http: Server = createServer((req, res) => void serve(req, res));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}/mcp`,
        close: async () => {
            await handler.close();
            await new Promise<void>((resolve) => {
                http.closeAllConnections();
                http.close(() => resolve());
            });
        },
    };
}

/** kejin's HTTP server on `dir`, as `kejin mcp --http` serves it (no token, loopback). */
export async function startKejinServer(dir: string): Promise<BenchServer> {
    const service = await createKnowledgeService({ dir });
    const kejin = await startHttpServer({ service, logger: silentLogger }, { host: '127.0.0.1', port: 0, maxBodyBytes: 256 * 1024 });
    return {
        url: kejin.url,
        close: async () => {
            await kejin.close();
            await service.close();
        },
    };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const { values, positionals } = parseArgs({
        options: { knowledge: { type: 'string', default: path.resolve('knowledge') } },
        allowPositionals: true,
    });
    const server = positionals[0] === 'kejin' ? await startKejinServer(values.knowledge) : await startEchoServer();
    process.stdout.write(`${server.url}\n`);
    process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}
