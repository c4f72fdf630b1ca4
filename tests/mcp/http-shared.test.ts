/**
 * What the HTTP front builds once and shares between its per-request servers
 * (src/mcp/server.ts SharedServerParts, src/mcp/http.ts ToolListBodies):
 * - the tool list, serialised once per protocol revision and spliced into
 *   every later `tools/list` answer: the answers stay exactly what the SDK
 *   would send (both eras, the first answer and the later ones, any id),
 *   every request still goes through the SDK's checks, and the resource list
 *   still follows the knowledge while the tool list does not change;
 * - the answer checks compiled from the listed output schemas: every shipped
 *   card passes, and an answer that breaks the schema does not;
 * - a card's answer, made once per knowledge snapshot and day: the same
 *   answer again, until a reload (of the card, or of a card it names) or the
 *   next day.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import type { RunningHttpServer } from '../../src/mcp/http.ts';
import { createMcpServer, createSharedServerParts } from '../../src/mcp/server.ts';
import { KNOWLEDGE_VERSION_META } from '../../src/mcp/resources.ts';
import { cardMarkdown, productCard } from '../helpers/cards.ts';
import { TOOL_NAMES, callTool, connectInMemory, eventually, newProductCard, startLiveHttpServer, type LiveHttpServer } from '../helpers/mcp.ts';

let live: LiveHttpServer | undefined;
let folder: LiveHttpServer['folder'];
let service: KnowledgeService;
let http: RunningHttpServer;

beforeAll(async () => {
    live = await startLiveHttpServer();
    ({ folder, service, http } = live);
});
afterAll(() => live?.close());

const ENVELOPE = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': {},
};
const ACCEPT = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

interface Answer {
    readonly status: number;
    readonly text: string;
    readonly json: {
        id?: unknown;
        result?: Record<string, unknown> & { tools?: unknown[]; resources?: { uri: string }[] };
        error?: { code: number; message: string };
    };
}

/** One raw JSON-RPC request of either era, as a client sends it. */
async function send(era: 'legacy' | 'modern', method: string, id: string | number, headers: Record<string, string> = {}): Promise<Answer> {
    const params = era === 'modern' ? { _meta: ENVELOPE } : {};
    const eraHeaders: Record<string, string> =
        era === 'modern' ? { 'mcp-protocol-version': '2026-07-28', 'mcp-method': method } : { 'mcp-protocol-version': '2025-11-25' };
    const res = await fetch(http.url, {
        method: 'POST',
        headers: { ...ACCEPT, ...eraHeaders, ...headers },
        body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
    });
    const text = await res.text();
    return { status: res.status, text, json: JSON.parse(text) as Answer['json'] };
}

/** The answer without its id: what must be the same for every `tools/list`. */
const withoutId = (a: Answer) => ({ ...a.json, id: undefined });

/** A 2025-era tools/call without a prior initialize (stateless). */
async function call(
    name: string,
    args: Record<string, unknown>,
): Promise<{ isError?: boolean; structuredContent?: Record<string, unknown>; content: { text: string }[] }> {
    const res = await fetch(http.url, {
        method: 'POST',
        headers: { ...ACCEPT, 'mcp-protocol-version': '2025-11-25' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { result: Awaited<ReturnType<typeof call>> }).result;
}

describe('tools/list over HTTP, serialised once', () => {
    it.each(['legacy', 'modern'] as const)('gives every %s client the same list as the SDK, under its own id', async (era) => {
        const memory = await connectInMemory(service);
        try {
            const sdkTools = (await memory.client.listTools()).tools;
            const answers = [await send(era, 'tools/list', 1), await send(era, 'tools/list', 'second'), await send(era, 'tools/list', 3)];
            expect(answers.map((a) => a.json.id)).toEqual([1, 'second', 3]);
            for (const a of answers) {
                expect(a.status).toBe(200);
                expect(a.json.result!.tools!.map((t) => (t as { name: string }).name)).toEqual([...TOOL_NAMES]);
                expect(a.json.result!.tools).toEqual(sdkTools);
                // The first answer is the SDK's own; the later ones are spliced: byte for byte the same apart from the id.
                expect(withoutId(a)).toEqual(withoutId(answers[0]!));
            }
            if (era === 'modern')
                expect(answers[2]!.json.result).toMatchObject({
                    resultType: 'complete',
                    ttlMs: 24 * 60 * 60 * 1000,
                    cacheScope: 'public',
                    _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'kejin' } },
                });
        } finally {
            await memory.close();
        }
    });

    it('still takes each request through the SDK checks once the list is kept', async () => {
        await send('modern', 'tools/list', 1);
        // Mcp-Method naming another method than the body: the SDK's -32020 (header mismatch), not a list.
        const mismatch = await send('modern', 'tools/list', 2, { 'mcp-method': 'tools/call' });
        expect(mismatch.json.result).toBeUndefined();
        expect(mismatch.json.error).toBeDefined();
        const version = await send('legacy', 'tools/list', 3, { 'mcp-protocol-version': '1999-01-01' });
        expect(version.status).toBe(400);
        expect(version.json.result).toBeUndefined();
        const accept = await send('legacy', 'tools/list', 4, { Accept: 'application/json' });
        expect(accept.status).toBe(406);
    });

    it('keeps the tool list while the resource list follows the knowledge', async () => {
        const toolsBefore = { legacy: await send('legacy', 'tools/list', 1), modern: await send('modern', 'tools/list', 1) };
        const resourcesBefore = await send('modern', 'resources/list', 2);
        expect(resourcesBefore.json.result!.resources!.map((r) => r.uri)).not.toContain('kejin://products/list-loan');
        await folder.write('products/list-loan.md', newProductCard('list-loan', '列表贷'));
        const resourcesAfter = await eventually('the reload', async () => {
            const a = await send('modern', 'resources/list', 3);
            return a.json.result!.resources!.some((r) => r.uri === 'kejin://products/list-loan') ? a : undefined;
        });
        expect(resourcesAfter.json.result!._meta).toMatchObject({ [KNOWLEDGE_VERSION_META]: service.snapshot().version });
        expect(resourcesAfter.json.result!._meta).not.toEqual(resourcesBefore.json.result!._meta);
        for (const era of ['legacy', 'modern'] as const)
            expect(withoutId(await send(era, 'tools/list', 4)), era).toEqual(withoutId(toolsBefore[era]));
    });
});

describe('answer checks compiled once from the listed output schemas', () => {
    it("pass every card of the shipped knowledge and the other tools' answers", async () => {
        for (const id of service.snapshot().items.keys()) {
            const result = await call('get_financing_product', { id });
            expect(result.isError, `${id}: ${result.content[0]?.text}`).toBeFalsy();
            expect(result.structuredContent?.id).toBe(id);
        }
        for (const [name, args] of [
            ['search_financing_knowledge', { query: '高企贷的额度是多少' }],
            ['match_financing_products', { qualifications: ['high-tech'], stage: 'growth' }],
            ['list_financing_products', {}],
            ['get_financing_contacts', {}],
        ] as const) {
            const result = await call(name, args);
            expect(result.isError, `${name}: ${result.content[0]?.text}`).toBeFalsy();
            expect(result.structuredContent).toBeDefined();
        }
    });

    it('refuse an answer that breaks the schema a client validates against', async () => {
        const { outputChecks } = await createSharedServerParts({ service, logger: silentLogger });
        const check = outputChecks.get('get_financing_product')!['~standard'];
        const card = (await call('get_financing_product', { id: 'gaoqidai' })).structuredContent!;
        expect(await check.validate(card)).not.toHaveProperty('issues');
        expect(await check.validate({ ...card, id: 42 })).toHaveProperty('issues');
    });

    it('check a frozen answer that passed once no more, and anything else every time', async () => {
        const { outputChecks } = await createSharedServerParts({ service, logger: silentLogger });
        const check = outputChecks.get('get_financing_product')!['~standard'];
        const card = (await call('get_financing_product', { id: 'gaoqidai' })).structuredContent!;
        // Not frozen: passed once, then changed, it is checked again.
        const open = { ...card };
        expect(await check.validate(open)).not.toHaveProperty('issues');
        open.id = 42;
        expect(await check.validate(open)).toHaveProperty('issues');
        // Frozen and broken: refused every time.
        const broken = Object.freeze({ ...card, id: 42 });
        expect(await check.validate(broken)).toHaveProperty('issues');
        expect(await check.validate(broken)).toHaveProperty('issues');
        const frozen = Object.freeze({ ...card });
        expect(await check.validate(frozen)).toEqual({ value: frozen });
        expect(await check.validate(frozen)).toEqual({ value: frozen });
    });
});

describe("a card's answer, made once per knowledge snapshot and day", () => {
    const get = async (id: string, lang: 'zh' | 'en' = 'zh') => {
        const result = await call('get_financing_product', { id, lang });
        return result.isError ? undefined : result;
    };

    it('is the same answer again until a reload, then made from the new card', async () => {
        await folder.write('products/kept-loan.md', newProductCard('kept-loan', '留存贷'));
        const first = await eventually('the new card', () => get('kept-loan'));
        expect(first.content[0]!.text).toContain('留存贷');
        expect(await get('kept-loan')).toEqual(first);
        await folder.write('products/kept-loan.md', newProductCard('kept-loan', '改名贷'));
        const renamed = await eventually('the reload', async () => {
            const answer = await get('kept-loan');
            return answer?.structuredContent?.name === '改名贷' ? answer : undefined;
        });
        expect(renamed.content[0]!.text).toContain('改名贷');
        expect(renamed.content[0]!.text).not.toContain('留存贷');
    });

    it('follows a reload of a card it names, its own file unchanged', async () => {
        // A product whose contact is the shipped stcsm: its answer names the agency.
        await folder.write('products/named-loan.md', cardMarkdown(productCard({ id: 'named-loan', name: '具名贷' })));
        const before = await eventually('the new card', () => get('named-loan', 'en'));
        expect(before.content[0]!.text).not.toContain('Renamed Commission');
        await folder.edit('organizations/stcsm.md', (text) => text.replace(/^name_en: .*$/m, 'name_en: Renamed Commission (test)'));
        const after = await eventually('the reload', async () => {
            const answer = await get('named-loan', 'en');
            return answer?.content[0]!.text.includes('Renamed Commission') ? answer : undefined;
        });
        expect(after.structuredContent).toEqual(before.structuredContent);
    });

    it('follows the day: a card past its valid_until the next day says so', async () => {
        await folder.write('products/dated-loan.md', cardMarkdown(productCard({ id: 'dated-loan', name: '限期贷', valid_until: '2031-06-30' })));
        await eventually('the new card', () => get('dated-loan'));
        const memory = await connectInMemory(service);
        vi.useFakeTimers({ toFake: ['Date'] });
        try {
            vi.setSystemTime(new Date('2031-06-30T23:59:00Z'));
            const last = await callTool(memory.client, 'get_financing_product', { id: 'dated-loan' });
            expect(last.structuredContent).toMatchObject({ expired: false });
            expect(await callTool(memory.client, 'get_financing_product', { id: 'dated-loan' })).toEqual(last);
            vi.setSystemTime(new Date('2031-07-01T00:01:00Z'));
            const next = await callTool(memory.client, 'get_financing_product', { id: 'dated-loan' });
            expect(next.structuredContent).toMatchObject({ expired: true });
            expect(textOfResult(next)).not.toEqual(textOfResult(last));
        } finally {
            vi.useRealTimers();
            await memory.close();
        }
    });
});

const textOfResult = (result: { content?: unknown }) => (result.content as { text: string }[])[0]!.text;

describe('the input schemas the 2026 HTTP entry reads before each call', () => {
    it('are the listed ones, the same JSON Schema the SDK would convert anew for each server', async () => {
        const deps = { service, logger: silentLogger };
        const shared = await createSharedServerParts(deps);
        const fresh = createMcpServer(deps);
        const reused = createMcpServer(deps, shared);
        for (const name of TOOL_NAMES) {
            expect(reused.toolInputSchemaJson(name)).toBe(shared.inputSchemas.get(name));
            expect(reused.toolInputSchemaJson(name), name).toEqual(fresh.toolInputSchemaJson(name));
        }
        expect(reused.toolInputSchemaJson('no_such_tool')).toBeUndefined();
    });
});
