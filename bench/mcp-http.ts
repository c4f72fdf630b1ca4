/**
 * `npm run bench:mcp` (node --import tsx bench/mcp-http.ts): requests per
 * second of kejin's stateless Streamable HTTP server against a bare SDK echo
 * server built the same way (one McpServer and one transport per request,
 * JSON answers, node:http), in the same process and the same run, so that
 * the ratio says what kejin's own work per request costs.
 *
 * Each round sends the same JSON-RPC requests from `--concurrency` keep-alive
 * clients for `--seconds`, alternating the two servers so that noise from
 * other processes on the machine falls on both alike; the median round of
 * each is reported. Requests: `initialize`, `tools/list`, and a cheap
 * `tools/call` (kejin: get_financing_product; echo: echo).
 *
 * Options: --knowledge DIR (default ./knowledge), --seconds 3, --rounds 3,
 * --concurrency 8.
 */
import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { createKnowledgeService } from '../src/core/service.ts';
import { silentLogger } from '../src/logger.ts';
import { startHttpServer } from '../src/mcp/http.ts';

const { values } = parseArgs({
    options: {
        knowledge: { type: 'string', default: path.resolve('knowledge') },
        seconds: { type: 'string', default: '3' },
        rounds: { type: 'string', default: '3' },
        concurrency: { type: 'string', default: '8' },
    },
});
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);

const HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };

const rpc = (method: string, params: unknown) => JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
const initialize = rpc('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '1' } });
const toolsList = rpc('tools/list', {});

/** The SDK's own stateless pattern with one trivial tool: the ceiling kejin is measured against. */
async function startEchoServer(): Promise<{ url: string; close(): Promise<void> }> {
    const http: Server = createServer((req, res) => {
        const server = new McpServer({ name: 'echo', version: '1.0.0' });
        server.registerTool('echo', { description: 'Echoes its text', inputSchema: { text: z.string() } }, ({ text }) => ({ content: [{ type: 'text', text }] }));
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
        res.on('close', () => void server.close());
        server
            .connect(transport)
            .then(() => transport.handleRequest(req, res))
            .catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}/mcp`,
        close: () =>
            new Promise((resolve) => {
                http.closeAllConnections();
                http.close(() => resolve());
            }),
    };
}

function post(agent: Agent, url: string, body: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: HEADERS, agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
    });
}

/** Requests per second from CONCURRENCY clients sending `body` for SECONDS. */
async function load(url: string, body: string, seconds = SECONDS): Promise<number> {
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const end = performance.now() + seconds * 1000;
    let done = 0;
    const worker = async () => {
        while (performance.now() < end) {
            const status = await post(agent, url, body);
            if (status !== 200) throw new Error(`${url} answered ${status}`);
            done++;
        }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const rate = done / ((performance.now() - started) / 1000);
    agent.destroy();
    return rate;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
    const service = await createKnowledgeService({ dir: values.knowledge });
    const kejin = await startHttpServer({ service, logger: silentLogger }, { host: '127.0.0.1', port: 0, maxBodyBytes: 256 * 1024 });
    const echo = await startEchoServer();
    const cases = [
        { name: 'initialize', kejin: initialize, echo: initialize },
        { name: 'tools/list', kejin: toolsList, echo: toolsList },
        { name: 'tools/call', kejin: rpc('tools/call', { name: 'get_financing_product', arguments: { id: [...service.snapshot().items.keys()][0] } }), echo: rpc('tools/call', { name: 'echo', arguments: { text: 'hello' } }) },
    ];
    console.log(`MCP Streamable HTTP, stateless, ${CONCURRENCY} keep-alive clients, ${ROUNDS} rounds of ${SECONDS}s each, median round`);
    console.log(`${'request'.padEnd(12)}${'kejin req/s'.padStart(13)}${'echo req/s'.padStart(13)}${'ratio'.padStart(8)}`);
    try {
        for (const c of cases) {
            // Warm both up (JIT, first-use compilation) before timing.
            await load(kejin.url, c.kejin, 1);
            await load(echo.url, c.echo, 1);
            const k: number[] = [];
            const e: number[] = [];
            for (let r = 0; r < ROUNDS; r++) {
                k.push(await load(kejin.url, c.kejin));
                e.push(await load(echo.url, c.echo));
            }
            const [mk, me] = [median(k), median(e)];
            console.log(`${c.name.padEnd(12)}${mk.toFixed(0).padStart(13)}${me.toFixed(0).padStart(13)}${(mk / me).toFixed(2).padStart(8)}`);
        }
    } finally {
        await kejin.close();
        await echo.close();
        await service.close();
    }
}

await main();
