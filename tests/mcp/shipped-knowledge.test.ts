/**
 * A sweep over the shipped knowledge folder: every card through every tool
 * and as a resource, in both languages, with each answer checked against the
 * advertised outputSchema. Cards are written by hand; this catches a card
 * shape the output schemas or the renderers did not foresee.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { LANGS, NEEDS, QUALIFICATIONS, STAGES } from '../../src/core/vocabulary.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/knowledge.ts';
import { callTool, connectInMemory, expectValidOutput } from './helpers.ts';

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
