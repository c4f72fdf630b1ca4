/**
 * The 2026-07-28 revision, as Claude's clients, Copilot CLI and opencode
 * speak it: the SDK's own client pinned to that revision over HTTP and over
 * stdio (`node bin/kejin.js mcp`). No session, `server/discover`, the same
 * tools as 2025 clients see, cacheable lists that say for how long and for
 * whom, resource-not-found as -32602, and change events on
 * `subscriptions/listen`.
 */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeService } from '../../src/core/service.ts';
import type { RunningHttpServer } from '../../src/mcp/http.ts';
import { KNOWLEDGE_VERSION_META } from '../../src/mcp/resources.ts';
import {
    TOOL_NAMES,
    callTool,
    connectStdio,
    eventually,
    newClient,
    textOf,
    newProductCard,
    startLiveHttpServer,
    type LiveHttpServer,
} from '../helpers/mcp.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let live: LiveHttpServer | undefined;
let folder: LiveHttpServer['folder'];
let service: KnowledgeService;
let http: RunningHttpServer;

beforeAll(async () => {
    live = await startLiveHttpServer();
    ({ folder, service, http } = live);
});
afterAll(() => live?.close());

async function connectHttp(): Promise<Client> {
    const client = newClient('modern');
    await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
    return client;
}

const ENVELOPE = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': {},
};

/** One raw 2026-07-28 request, to see the fields the SDK client reads for itself. */
async function raw(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    // Mcp-Name mirrors the name or uri the request is about (SEP-2243).
    const name = params.uri ?? params.name;
    const headers = {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': method,
        ...(typeof name === 'string' ? { 'mcp-name': name } : {}),
    };
    const res = await fetch(http.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: { ...params, _meta: ENVELOPE } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('mcp-session-id')).toBeNull();
    return ((await res.json()) as { result: Record<string, unknown> }).result;
}

describe('2026-07-28 over HTTP', () => {
    it('negotiates the revision, lists the five tools and answers a search', async () => {
        const client = await connectHttp();
        try {
            expect(client.getProtocolEra()).toBe('modern');
            expect((await client.listTools()).tools.map((t) => t.name)).toEqual([...TOOL_NAMES]);
            const result = await callTool(client, 'search_financing_knowledge', { query: '高企贷的额度是多少' });
            expect(result.isError).toBeFalsy();
            expect(textOf(result)).toContain('高企贷');
            await expect(client.readResource({ uri: 'kejin://products/nope' })).rejects.toMatchObject({
                code: -32602,
                data: { uri: 'kejin://products/nope' },
            });
        } finally {
            await client.close();
        }
    });

    it("says how long each list may be kept: the code's for a day by anyone, the knowledge's for a minute, with its version", async () => {
        const discover = await raw('server/discover');
        expect(JSON.stringify(discover)).toContain('2026-07-28');
        expect(discover).toMatchObject({
            _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'kejin' } },
            ttlMs: 24 * 60 * 60 * 1000,
            cacheScope: 'public',
        });
        for (const method of ['tools/list', 'prompts/list', 'resources/templates/list']) {
            expect(await raw(method), method).toMatchObject({ ttlMs: 24 * 60 * 60 * 1000, cacheScope: 'public' });
        }
        const resources = await raw('resources/list');
        expect(resources).toMatchObject({ cacheScope: 'public', _meta: { [KNOWLEDGE_VERSION_META]: service.snapshot().version } });
        expect(resources.ttlMs).toBeLessThanOrEqual(60_000);
        const card = await raw('resources/read', { uri: 'kejin://products/gaoqidai' });
        expect(card).toMatchObject({ cacheScope: 'public', _meta: { [KNOWLEDGE_VERSION_META]: service.snapshot().version } });
    });

    it('tells a listening client that the knowledge changed', async () => {
        const client = await connectHttp();
        let changed = 0;
        client.setNotificationHandler('notifications/resources/list_changed', () => {
            changed++;
        });
        const subscription = await client.listen({ resourcesListChanged: true });
        try {
            await folder.write('products/modern-loan.md', newProductCard('modern-loan', '现代贷'));
            await eventually('list_changed on the listen stream', () => changed > 0 || undefined);
            const { resources } = await client.listResources({}, { cacheMode: 'bypass' });
            expect(resources.map((r) => r.uri)).toContain('kejin://products/modern-loan');
        } finally {
            await subscription.close();
            await client.close();
        }
    });
});

describe('asking back for a profile too thin to rate (2026-07-28 multi-round requests)', () => {
    const thin = { annualRevenueWan: 3000 };

    /** A client that shows forms, answering each with `answer`. */
    async function formClient(era: 'legacy' | 'modern', answer: Record<string, string | string[]>, asked: unknown[]): Promise<Client> {
        const negotiation = era === 'modern' ? ({ versionNegotiation: { mode: { pin: '2026-07-28' } } } as const) : {};
        const client = new Client({ name: 'kejin-form-test', version: '0' }, { capabilities: { elicitation: { form: {} } }, ...negotiation });
        client.setRequestHandler('elicitation/create', (request) => {
            asked.push(request.params);
            return { action: 'accept', content: answer };
        });
        await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
        return client;
    }

    it('asks a 2026 client for stage, qualifications and needs, with the vocabulary, and answers with them', async () => {
        const asked: unknown[] = [];
        const client = await formClient('modern', { stage: 'growth', qualifications: ['high-tech'], needs: ['working-capital'] }, asked);
        try {
            const result = await callTool(client, 'match_financing_products', { ...thin, lang: 'en' });
            expect(asked).toHaveLength(1);
            const form = asked[0] as {
                message: string;
                requestedSchema: {
                    properties: Record<string, { oneOf?: { const: string; title: string }[]; items?: { anyOf: { const: string; title: string }[] } }>;
                };
            };
            expect(Object.keys(form.requestedSchema.properties)).toEqual(['stage', 'qualifications', 'needs']);
            expect(form.requestedSchema.properties.stage!.oneOf).toContainEqual({ const: 'growth', title: '成长期 / growth stage' });
            expect(form.requestedSchema.properties.qualifications!.items!.anyOf.map((c) => c.const)).toContain('high-tech');
            const data = result.structuredContent as { profile: Record<string, unknown>; matches: { id: string }[] };
            expect(data.profile).toMatchObject({
                stage: 'growth',
                qualifications: ['high-tech'],
                needs: ['working-capital'],
                annualRevenueWan: 3000,
            });
            expect(data.matches.length).toBeGreaterThan(0);
        } finally {
            await client.close();
        }
    });

    it('does not ask when the profile says enough, and a 2025 client keeps the plain answer', async () => {
        const asked: unknown[] = [];
        const modern = await formClient('modern', {}, asked);
        const legacy = await formClient('legacy', {}, asked);
        try {
            await callTool(modern, 'match_financing_products', { stage: 'growth' });
            const plain = await callTool(legacy, 'match_financing_products', thin);
            expect(asked).toEqual([]);
            expect((plain.structuredContent as { profile: Record<string, unknown> }).profile).toEqual({ annualRevenueWan: 3000 });
            expect(textOf(plain)).toMatch(/待确认|缺|missing/i);
        } finally {
            await modern.close();
            await legacy.close();
        }
    });
});

describe('2026-07-28 over stdio', () => {
    it('negotiates the revision with node bin/kejin.js mcp and answers', async () => {
        const stderr: string[] = [];
        const { client, close } = await connectStdio({ KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE }, stderr, 'modern');
        try {
            expect(client.getProtocolEra()).toBe('modern');
            expect((await client.listTools()).tools.map((t) => t.name)).toEqual([...TOOL_NAMES]);
            const result = await callTool(client, 'get_financing_product', { id: 'gaoqidai' });
            expect((result.structuredContent as { id: string }).id).toBe('gaoqidai');
        } finally {
            await close();
        }
    });
});
