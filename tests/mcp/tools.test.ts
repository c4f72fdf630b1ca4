/**
 * The five tools through a real SDK Client (in-memory transport) over the
 * shipped knowledge folder: names, schemas and annotations as advertised, every
 * answer checked against its outputSchema, and every error path an isError
 * result that names the field and what is allowed.
 */
import type { Client } from '@modelcontextprotocol/client';
import type { Tool } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { OrganizationItem } from '../../src/core/knowledge/schema.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import * as getContacts from '../../src/mcp/tools/get-financing-contacts.ts';
import * as getProduct from '../../src/mcp/tools/get-financing-product.ts';
import * as listProducts from '../../src/mcp/tools/list-financing-products.ts';
import * as matchProducts from '../../src/mcp/tools/match-financing-products.ts';
import * as searchKnowledge from '../../src/mcp/tools/search-financing-knowledge.ts';
import { TOOL_NAMES, callTool, connectInMemory, expectValidOutput, textOf } from '../helpers/mcp.ts';
import { FIXTURE_KNOWLEDGE, SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;
let client: Client;
let close: () => Promise<void>;
let tools: Map<string, Tool>;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
    ({ client, close } = await connectInMemory(service));
    tools = new Map((await client.listTools()).tools.map((t) => [t.name, t]));
});

afterAll(async () => {
    await close();
    await service.close();
});

/** Calls a tool that must succeed; its data typed by the tool's own outputSchema. */
function caller<S extends z.ZodType>(tool: { name: string; config: { outputSchema: S } }) {
    return async (args: Record<string, unknown>): Promise<{ data: z.infer<S>; text: string }> => {
        const result = await callTool(client, tool.name, args);
        return { data: expectValidOutput(tools.get(tool.name)!, result) as z.infer<S>, text: textOf(result) };
    };
}
const search = caller(searchKnowledge);
const match = caller(matchProducts);
const card = caller(getProduct);
const list = caller(listProducts);
const contacts = caller(getContacts);

function organization(id: string): OrganizationItem {
    const item = service.getItem(id);
    if (item?.kind !== 'organization') throw new Error(`the shipped knowledge has no organization ${id}`);
    return item;
}

async function refused(name: string, args: Record<string, unknown>): Promise<string> {
    const result = await callTool(client, name, args);
    expect(result.isError, textOf(result)).toBe(true);
    return textOf(result);
}

describe('tools/list', () => {
    it('advertises the five tools, read-only, with an output schema and a description on every input field', () => {
        expect([...tools.keys()].sort()).toEqual([...TOOL_NAMES].sort());
        for (const tool of tools.values()) {
            expect(tool.description!.length, tool.name).toBeGreaterThan(150);
            expect(tool.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, openWorldHint: false, destructiveHint: false });
            expect(tool.outputSchema?.type).toBe('object');
            expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
            for (const [field, schema] of Object.entries(tool.inputSchema.properties ?? {})) {
                expect((schema as { description?: string }).description, `${tool.name}.${field}`).toBeTruthy();
            }
        }
    });

    it('names the units and the vocabulary in the match tool', () => {
        const match = tools.get('match_financing_products')!;
        expect(match.description).toContain('万元');
        const props = match.inputSchema.properties as Record<string, { description: string; enum?: string[] }>;
        expect(props.annualRevenueWan!.description).toContain('万元');
        expect(Object.keys(props)).toEqual(
            expect.arrayContaining([
                'stage',
                'qualifications',
                'size',
                'needs',
                'amountWan',
                'hasIntellectualProperty',
                'employees',
                'district',
                'question',
                'limit',
                'lang',
            ]),
        );
        expect(props.stage!.enum).toEqual(['seed', 'startup', 'growth', 'mature']);
    });
});

describe('search_financing_knowledge', () => {
    it('finds a product by its Chinese name, with sources and contacts', async () => {
        const { data, text } = await search({ query: '科技履约贷' });
        expect(data.confident).toBe(true);
        expect(data.results[0]).toMatchObject({ id: 'keji-lvyuedai', kind: 'product', uri: 'kejin://products/keji-lvyuedai' });
        expect(data.results[0]!.contacts).toContain('stcsm');
        expect(text).toContain('keji-lvyuedai');
        expect(text).toContain('来源');
    });

    it('answers in English and filters by kind', async () => {
        const { data, text } = await search({ query: 'science commission address', kind: 'organization', lang: 'en', limit: 3 });
        expect(data.results.length).toBeGreaterThan(0);
        expect(data.results.every((r) => r.kind === 'organization')).toBe(true);
        expect(text).toMatch(/^## Answer/);
        expect(text).toContain('## Search results');
    });

    it('says plainly when nothing matches well', async () => {
        const { data, text } = await search({ query: 'xylophone quartz zebra', lang: 'zh' });
        expect(data.confident).toBe(false);
        expect(data.answer).toMatchObject({ status: 'unknown', confident: false });
        expect(text).toContain('知识库未能可靠回答');
    });
});

describe('a call that passes no lang', () => {
    it('is answered in the language the question is written in', async () => {
        const english = await search({ query: 'xylophone quartz zebra' });
        expect(english.data.lang).toBe('en');
        expect(english.text).toContain('holds nothing that reliably answers');
        const chinese = await search({ query: '高企贷的额度是多少' });
        expect(chinese.data.lang).toBe('zh');
        expect(chinese.text).toMatch(/^## 回答|^## 答/m);
    });

    it("matches in the language of the firm's own words, and in Chinese without any", async () => {
        const english = await match({ question: 'We are a high-tech enterprise and our loan is due next month', limit: 2 });
        expect(english.text).toContain('Read from the description');
        const chinese = await match({ question: '我们是高新技术企业，贷款下个月到期', limit: 2 });
        expect(chinese.text).not.toContain('Read from the description');
        const fields = await match({ stage: 'growth', limit: 1 });
        expect(fields.text).toContain('来源');
    });
});

describe('match_financing_products', () => {
    it('rates products for a high-tech firm, with reasons, contacts and sources', async () => {
        const { data, text } = await match({ stage: 'growth', qualifications: ['high-tech'], needs: ['credit-loan'], size: 'small' });
        const gaoqidai = data.matches.find((m) => m.id === 'gaoqidai')!;
        expect(gaoqidai).toBeDefined();
        expect(['eligible', 'possible']).toContain(gaoqidai.eligibility);
        expect(gaoqidai.reasons.length).toBeGreaterThan(0);
        expect(gaoqidai.contacts.map((c) => c.id)).toContain('stcsm');
        expect(gaoqidai.sources.length).toBeGreaterThan(0);
        expect(text).toContain('高企贷');
        expect(text).toContain('来源');
        for (const phone of organization('stcsm').phones) expect(text).toContain(phone.value);
    });

    it('reads the question and shows what it understood, in English', async () => {
        const { data, text } = await match({ question: 'We are a high-tech enterprise and our loan is due next month', lang: 'en', limit: 2 });
        expect(data.matches.length).toBeLessThanOrEqual(2);
        expect(data.understood.length).toBeGreaterThan(0);
        expect(text).toContain('Read from the description');
    });
});

describe('get_financing_product', () => {
    it('returns the whole card, facts cited by source key', async () => {
        const { data, text } = await card({ id: 'keji-lvyuedai' });
        expect(data).toMatchObject({ id: 'keji-lvyuedai', kind: 'product', name: '科技履约贷', uri: 'kejin://products/keji-lvyuedai' });
        expect(data.sources.length).toBeGreaterThan(0);
        expect(data.body.length).toBeGreaterThan(0);
        expect(text).toMatch(/^# 科技履约贷/);
        expect(text).toMatch(/\[[\w-]+(, [\w-]+)*\]/);
        expect(text).toContain('上海市科学技术委员会');
    });

    it('works for policies and organizations too, in English', async () => {
        const policy = await card({ id: 'premium-subsidy', lang: 'en' });
        expect(policy.data.kind).toBe('policy');
        expect(policy.text).toContain('沪科〔2025〕212号');
        const org = await card({ id: 'stcsm', lang: 'en' });
        expect(organization('stcsm').phones.length).toBeGreaterThan(0);
        for (const phone of organization('stcsm').phones) expect(org.text).toContain(phone.value);
        expect(org.text).toContain('The Science and Technology Commission');
        expect(org.text).not.toContain('上海市科学技术委员会（市科委）。');
    });
});

describe('list_financing_products', () => {
    it('lists every offering, and narrows by stage and kind', async () => {
        const all = await list({});
        const offerings = [...service.snapshot().items.values()].filter((i) => i.kind === 'product' || i.kind === 'platform' || i.kind === 'program');
        expect(all.data.products.map((p) => p.id).sort()).toEqual(offerings.map((p) => p.id).sort());
        // A stage narrows the list to what the matcher does not rule out for that stage.
        const seed = await list({ stage: 'seed' });
        const ruledOut = service
            .match({ stage: 'seed' })
            .matches.filter((m) => m.eligibility === 'ineligible')
            .map((m) => m.id);
        expect(seed.data.products.map((p) => p.id).sort()).toEqual(
            offerings
                .map((p) => p.id)
                .filter((id) => !ruledOut.includes(id))
                .sort(),
        );
        const platforms = await list({ kind: 'platform', lang: 'en' });
        expect(platforms.data.products.map((p) => p.id).sort()).toEqual(
            offerings
                .filter((p) => p.kind === 'platform')
                .map((p) => p.id)
                .sort(),
        );
        expect(platforms.data.count).toBeGreaterThan(0);
        const highTech = await list({ qualification: 'high-tech' });
        expect(highTech.data.products.map((p) => p.id)).toContain('gaoqidai');
    });
});

describe('on the small test folder', () => {
    it('says plainly that no platform fits, and gives a website with its source', async () => {
        const small = await createKnowledgeService({ dir: FIXTURE_KNOWLEDGE });
        const other = await connectInMemory(small);
        try {
            const result = await callTool(other.client, listProducts.name, { kind: 'platform', lang: 'en' });
            expect(expectValidOutput(tools.get(listProducts.name)!, result)).toMatchObject({ count: 0 });
            expect(textOf(result)).toContain('No product fits');
            const org = await callTool(other.client, getContacts.name, { organization_id: 'test-org' });
            const data = expectValidOutput(tools.get(getContacts.name)!, org) as {
                organizations: { website?: { value: string; sources: string[] } }[];
            };
            expect(data.organizations[0]!.website).toMatchObject({ value: 'https://example.org/agency', sources: ['s1'] });
            expect(textOf(org)).toContain('https://example.org/agency');
        } finally {
            await other.close();
            await small.close();
        }
    });
});

describe('get_financing_contacts', () => {
    it('gives the organizations of a product with phones, address and sources', async () => {
        const { data, text } = await contacts({ product_id: 'keji-lvyuedai' });
        const ids = data.organizations.map((o) => o.id);
        expect(ids).toEqual(expect.arrayContaining(['stcsm', 'shanghai-tech-entrepreneurship-center']));
        const stcsm = data.organizations.find((o) => o.id === 'stcsm')!;
        const phone = organization('stcsm').phones[0]!;
        expect(stcsm.phones[0]).toMatchObject({ value: phone.value, sources: phone.sources });
        expect(stcsm.address!.value).toContain('人民大道200号');
        expect(text).toContain(phone.value);
        expect(text).toContain(`[${phone.sources.join(', ')}]`);
    });

    it('finds one organization by id or by words, and all of them with no argument', async () => {
        expect((await contacts({ organization_id: 'stcsm' })).data.organizations).toHaveLength(1);
        const byWords = await contacts({ query: '科技创业中心', lang: 'en' });
        expect(byWords.data.organizations[0]!.id).toBe('shanghai-tech-entrepreneurship-center');
        const organizations = [...service.snapshot().items.values()].filter((i) => i.kind === 'organization');
        expect((await contacts({})).data.organizations.map((o) => o.id).sort()).toEqual(organizations.map((o) => o.id).sort());
    });
});

describe('errors are isError results the model can act on', () => {
    it('a bad enum value names the field and the allowed values', async () => {
        const kind = await refused('search_financing_knowledge', { query: '贷款', kind: 'bank' });
        expect(kind).toContain('kind');
        expect(kind).toContain('allowed: product, policy, platform, program, document, organization');
        const stage = await refused('match_financing_products', { stage: 'teenager' });
        expect(stage).toMatch(/unknown stage "teenager"; allowed: seed, startup, growth, mature/);
        const lang = await refused('get_financing_product', { id: 'gaoqidai', lang: 'fr' });
        expect(lang).toContain('allowed: zh, en');
        const qual = await refused('match_financing_products', { qualifications: ['high_tech'] });
        expect(qual).toContain('tech-sme, high-tech');
    });

    it('an unknown id names the closest ids', async () => {
        const text = await refused('get_financing_product', { id: 'keji-lvyudai' });
        expect(text).toContain('"keji-lvyuedai"');
        const en = await refused('get_financing_contacts', { product_id: 'gaoqi', lang: 'en' });
        expect(en).toMatch(/Closest ids: .*"gaoqidai"/);
    });

    it('oversized text is refused with the limit', async () => {
        const query = await refused('search_financing_knowledge', { query: '贷'.repeat(2001) });
        expect(query).toMatch(/query is too long \(2001 characters; at most 2000\)/);
        const question = await refused('match_financing_products', { question: 'x'.repeat(5000) });
        expect(question).toContain('question is too long');
        const elements = await refused('match_financing_products', { needs: Array.from({ length: 600 }, () => 'relief') });
        expect(elements).toContain('maximum of 500 elements');
    });

    it('an empty profile, an unknown argument, a bad limit and a missing query are refused', async () => {
        expect(await refused('match_financing_products', {})).toContain('at least one of');
        expect(await refused('match_financing_products', { qualification: 'high-tech' })).toMatch(
            /unknown argument\(s\) "qualification"; allowed: .*qualifications/,
        );
        expect(await refused('search_financing_knowledge', { query: '贷款', limit: 0 })).toContain('limit must be at least 1');
        expect(await refused('search_financing_knowledge', { query: '贷款', limit: 21 })).toContain('at most 20');
        expect(await refused('search_financing_knowledge', {})).toContain('query is required');
        expect(await refused('search_financing_knowledge', { query: '   ' })).toContain('query must not be empty');
        expect(await refused('match_financing_products', { amountWan: -5 })).toContain('amountWan');
    });

    it('keeps answering after every refusal', async () => {
        const { data } = await card({ id: 'gaoqidai' });
        expect(data.id).toBe('gaoqidai');
    });
});
