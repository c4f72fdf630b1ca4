/**
 * A sweep over the shipped knowledge folder: every card through every tool
 * and as a resource, in both languages, with each answer checked against the
 * advertised outputSchema. Cards are written by hand; this catches a card
 * shape the output schemas or the renderers did not foresee.
 */
import type { Client } from '@modelcontextprotocol/client';
import type { Tool } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { LANGS, NEEDS, QUALIFICATIONS, STAGES } from '../../src/core/vocabulary.ts';
import { callTool, connectInMemory, expectValidOutput } from '../helpers/mcp.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

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

async function valid(name: string, args: Record<string, unknown>) {
    return expectValidOutput(tools.get(name)!, await callTool(client, name, args));
}

describe('the shipped knowledge through every tool', () => {
    it('renders every card, its contacts and its resource', async () => {
        for (const item of service.snapshot().items.values()) {
            for (const lang of LANGS) {
                await valid('get_financing_product', { id: item.id, lang });
                await valid('search_financing_knowledge', { query: lang === 'zh' ? item.name : item.name_en, lang });
            }
            if (item.kind !== 'organization') await valid('get_financing_contacts', { product_id: item.id });
            else await valid('get_financing_contacts', { organization_id: item.id, lang: 'en' });
            const { contents } = await client.readResource({ uri: (await valid('get_financing_product', { id: item.id })).uri as string });
            expect(contents).toHaveLength(2);
        }
    });

    it('matches and lists for every stage, qualification and need', async () => {
        for (const stage of STAGES.values) await valid('list_financing_products', { stage });
        for (const qualification of QUALIFICATIONS.values) {
            await valid('list_financing_products', { qualification, lang: 'en' });
            await valid('match_financing_products', { qualifications: [qualification], limit: 20 });
        }
        for (const need of NEEDS.values) await valid('match_financing_products', { needs: [need], stage: 'growth', lang: 'en', limit: 20 });
    });
});

describe('search_financing_knowledge answers on the shipped knowledge', () => {
    it('leads with the answer: the fact asked, with its own sources and status, beside the results', async () => {
        const name = 'search_financing_knowledge';
        const res = await callTool(client, name, { query: '科技履约贷的风险分担比例是多少' });
        const data = expectValidOutput(tools.get(name)!, res) as unknown as {
            answer: {
                status: string;
                confident: boolean;
                aspect: string;
                item: { id: string };
                facts: { field: string; status: string; sources: string[] }[];
                sources: { key: string }[];
            };
            results: { passages: { field: string; sources: string[] }[]; sources: { key: string }[] }[];
        };
        const text = (res.content as { type: string; text: string }[])[0]!.text;
        expect(data.answer).toMatchObject({ status: 'answered', confident: true, aspect: 'risk-sharing', item: { id: 'keji-lvyuedai' } });
        // The 2011 split rests on the S4 press conference alone, and the card marks it outdated.
        expect(data.answer.facts[0]).toMatchObject({ field: 'terms.risk_sharing', status: 'outdated', sources: ['S4'] });
        // answer.sources are those its facts cite, and only those.
        expect(data.answer.sources.map((s) => s.key).sort()).toEqual([...new Set(data.answer.facts.flatMap((f) => f.sources))].sort());
        expect(text.split('\n')[1]).toContain('25%');
        expect(data.results[0]!.passages[0]!.field).toBe('terms.risk_sharing');
        // Only the sources of the passages shown, not the card's nine.
        const shown = new Set(data.results[0]!.passages.flatMap((p) => p.sources));
        expect(data.results[0]!.sources.map((s) => s.key).sort()).toEqual([...shown].sort());
        expect(shown.size).toBeLessThan(9);
    });
});
