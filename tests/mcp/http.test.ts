/**
 * Streamable HTTP on loopback with the SDK's real client: every tool, the
 * stateless contract, the safety checks (token, Host, Origin, body size,
 * malformed requests) and live reload announced on the notification stream.
 */
import { request } from 'node:http';
import type { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Tool } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { startHttpServer, type RunningHttpServer } from '../../src/mcp/http.ts';
import { copyFolder } from '../helpers/knowledge.ts';
import { TOOL_NAMES, callTool, connectInMemory, eventually, expectValidOutput, newClient, textOf, newProductCard } from '../helpers/mcp.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const TOKEN = 'test-token-0123456789';
const MAX_BODY = 8 * 1024;

let folder: Awaited<ReturnType<typeof copyFolder>>;
let service: KnowledgeService;
let open: RunningHttpServer;
let guarded: RunningHttpServer;

beforeAll(async () => {
    folder = await copyFolder(SHIPPED_KNOWLEDGE);
    service = await createKnowledgeService({ dir: folder.dir, watch: true, debounceMs: 50, logger: silentLogger });
    const deps = { service, logger: silentLogger };
    open = await startHttpServer(deps, { host: '127.0.0.1', port: 0, maxBodyBytes: MAX_BODY });
    guarded = await startHttpServer(deps, { host: '127.0.0.1', port: 0, token: TOKEN, maxBodyBytes: MAX_BODY });
});

afterAll(async () => {
    await open?.close();
    await guarded?.close();
    await service?.close();
    await folder?.remove();
});

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
    const client = newClient();
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
    return client;
}

interface Raw {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
}

/** A plain HTTP request, so that Host, Origin and bodies can be anything. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
    return new Promise((resolve, reject) => {
        const req = request(url, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end(options.body);
    });
}

const MCP_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
const initialize = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

describe('Streamable HTTP', () => {
    it('serves every tool, resource and the prompt to the SDK client', async () => {
        const client = await connect(open.url);
        try {
            const tools = new Map<string, Tool>((await client.listTools()).tools.map((t) => [t.name, t]));
            expect([...tools.keys()].sort()).toEqual([...TOOL_NAMES].sort());
            const calls: [string, Record<string, unknown>][] = [
                ['search_financing_knowledge', { query: '高企贷' }],
                ['match_financing_products', { qualifications: ['high-tech'], stage: 'growth' }],
                ['get_financing_product', { id: 'kechuang-zhulidai', lang: 'en' }],
                ['list_financing_products', { stage: 'startup' }],
                ['get_financing_contacts', { product_id: 'gaoqidai' }],
            ];
            for (const [name, args] of calls) expectValidOutput(tools.get(name)!, await callTool(client, name, args));
            const { contents } = await client.readResource({ uri: 'kejin://organizations/stcsm' });
            expect((contents[0] as { text: string }).text).toContain('人民大道200号');
            const prompt = await client.getPrompt({ name: 'financing_consultation', arguments: { firm_description: '初创期科技型中小企业' } });
            expect(prompt.messages).toHaveLength(1);
        } finally {
            await client.close();
        }
    });

    it("lists the same tools as an unshared server (the shared list is the SDK's own)", async () => {
        const client = await connect(open.url);
        const memory = await connectInMemory(service);
        try {
            expect((await client.listTools()).tools).toEqual((await memory.client.listTools()).tools);
        } finally {
            await client.close();
            await memory.close();
        }
    });

    it('negotiates revision 2025-11-25 and keeps no session', async () => {
        const res = await raw(open.url, { headers: MCP_HEADERS, body: initialize });
        expect(res.status).toBe(200);
        expect(JSON.parse(res.body).result.protocolVersion).toBe('2025-11-25');
        expect(res.headers['mcp-session-id']).toBeUndefined();
    });

    it('answers a call without a prior initialize on the same instance (stateless)', async () => {
        const body = JSON.stringify({
            jsonrpc: '2.0',
            id: 7,
            method: 'tools/call',
            params: { name: 'get_financing_product', arguments: { id: 'gaoqidai' } },
        });
        const res = await raw(open.url, { headers: { ...MCP_HEADERS, 'mcp-protocol-version': '2025-11-25' }, body });
        expect(res.status).toBe(200);
        expect(JSON.parse(res.body).result.structuredContent.id).toBe('gaoqidai');
    });

    it('reports the knowledge version and item count on /healthz', async () => {
        const res = await raw(open.url.replace('/mcp', '/healthz'), { method: 'GET' });
        expect(res.status).toBe(200);
        expect(JSON.parse(res.body)).toMatchObject({ status: 'ok', version: service.snapshot().version, items: service.snapshot().items.size });
    });
});

describe('HTTP safety', () => {
    it('asks for the bearer token when one is configured', async () => {
        const missing = await raw(guarded.url, { headers: MCP_HEADERS, body: initialize });
        expect(missing.status).toBe(401);
        expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(JSON.parse(missing.body).error.message).toContain('Authorization: Bearer');
        const wrong = await raw(guarded.url, { headers: { ...MCP_HEADERS, Authorization: 'Bearer nope' }, body: initialize });
        expect(wrong.status).toBe(401);
        const client = await connect(guarded.url, { Authorization: `Bearer ${TOKEN}` });
        expect((await client.listTools()).tools).toHaveLength(5);
        await client.close();
    });

    it('refuses to bind beyond loopback without a token', async () => {
        const deps = { service, logger: silentLogger };
        await expect(startHttpServer(deps, { host: '0.0.0.0', port: 0, maxBodyBytes: MAX_BODY })).rejects.toThrow(ConfigError);
        await expect(startHttpServer(deps, { host: '0.0.0.0', port: 0, maxBodyBytes: MAX_BODY })).rejects.toThrow(/MCP_AUTH_TOKEN is required/);
    });

    it('refuses a foreign Host or Origin (DNS rebinding)', async () => {
        const host = await raw(open.url, { headers: { ...MCP_HEADERS, Host: `evil.example:${open.port}` }, body: initialize });
        expect(host.status).toBe(403);
        expect(JSON.parse(host.body).error.message).toContain('MCP_ALLOWED_HOSTS');
        const port = await raw(open.url, { headers: { ...MCP_HEADERS, Host: 'localhost:1' }, body: initialize });
        expect(port.status).toBe(403);
        const origin = await raw(open.url, { headers: { ...MCP_HEADERS, Origin: 'https://evil.example' }, body: initialize });
        expect(origin.status).toBe(403);
        const local = await raw(open.url, {
            headers: { ...MCP_HEADERS, Host: `localhost:${open.port}`, Origin: `http://localhost:${open.port}` },
            body: initialize,
        });
        expect(local.status).toBe(200);
    });

    it('bounds the body: 413 past MCP_MAX_BODY_BYTES', async () => {
        const big = JSON.stringify({
            jsonrpc: '2.0',
            id: 1,
            method: 'tools/call',
            params: { name: 'search_financing_knowledge', arguments: { query: 'x'.repeat(MAX_BODY) } },
        });
        const res = await raw(open.url, { headers: MCP_HEADERS, body: big });
        expect(res.status).toBe(413);
    });

    it('answers malformed requests with a clear 4xx', async () => {
        const json = await raw(open.url, { headers: MCP_HEADERS, body: '{"jsonrpc": "2.0", "id": 1,' });
        expect(json.status).toBe(400);
        expect(JSON.parse(json.body).error).toMatchObject({ code: -32700, message: expect.stringContaining('Invalid JSON') });
        const rpc = await raw(open.url, { headers: MCP_HEADERS, body: '{"hello": "world"}' });
        expect(rpc.status).toBe(400);
        const type = await raw(open.url, { headers: { ...MCP_HEADERS, 'Content-Type': 'text/plain' }, body: initialize });
        expect(type.status).toBe(415);
        const accept = await raw(open.url, { headers: { ...MCP_HEADERS, Accept: 'text/html' }, body: initialize });
        expect(accept.status).toBe(406);
        expect((await raw(open.url.replace('/mcp', '/other'), { method: 'GET' })).status).toBe(404);
        expect((await raw(open.url, { method: 'DELETE' })).status).toBe(405);
        expect((await raw(open.url, { method: 'PUT', headers: MCP_HEADERS, body: initialize })).status).toBe(405);
    });

    it('keeps serving after the refusals', async () => {
        const res = await raw(open.url, { headers: MCP_HEADERS, body: initialize });
        expect(res.status).toBe(200);
    });
});

describe('live reload over HTTP', () => {
    it('announces list_changed on the notification stream and answers from the new snapshot', async () => {
        const client = await connect(open.url);
        let changed = 0;
        client.setNotificationHandler('notifications/resources/list_changed', () => {
            changed++;
        });
        try {
            let n = 0;
            // The client opens its notification stream just after initializing;
            // edit again until the stream is there to hear it.
            await eventually('list_changed', async () => {
                await folder.write('products/quantum-loan.md', newProductCard('quantum-loan', `量子贷${n++}`));
                await new Promise((r) => setTimeout(r, 300));
                return changed > 0 || undefined;
            });
            const { resources } = await client.listResources();
            expect(resources.map((r) => r.uri)).toContain('kejin://products/quantum-loan');
            const answer = await callTool(client, 'get_financing_product', { id: 'quantum-loan' });
            expect(textOf(answer)).toContain('量子贷');
        } finally {
            await client.close();
        }
    });
});
