/**
 * Resources (cards and vocabularies, templates with listing and completion),
 * the consultation prompt, and the protocol basics a 2025-11-25 client
 * relies on: capabilities, ping, logging level.
 */
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { connectInMemory } from '../helpers/mcp.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;
let client: Client;
let close: () => Promise<void>;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
    ({ client, close } = await connectInMemory(service));
});

afterAll(async () => {
    await close();
    await service.close();
});

describe('lifecycle and utilities', () => {
    it('declares tools, resources with list_changed, prompts, completions and logging', () => {
        const caps = client.getServerCapabilities();
        expect(caps).toMatchObject({ tools: {}, resources: { listChanged: true }, prompts: {}, completions: {}, logging: {} });
        expect(client.getServerVersion()).toMatchObject({ name: 'kejin' });
        expect(client.getInstructions()).toContain('match_financing_products');
    });

    it('answers ping and accepts a logging level', async () => {
        await expect(client.ping()).resolves.toEqual({});
        await expect(client.setLoggingLevel('warning')).resolves.toEqual({});
    });
});

describe('resources', () => {
    it('lists every card under its folder, and the vocabularies', async () => {
        const { resources } = await client.listResources();
        const uris = resources.map((r) => r.uri).sort();
        // Every card of the shipped folder, under the folder it sits in.
        const cards = [...service.snapshot().items.values()].map((i) => `kejin://${i.file.replace(/\.md$/, '')}`);
        expect(cards).toContain('kejin://products/gaoqidai');
        expect(uris).toEqual([...cards, 'kejin://vocabulary'].sort());
        const card = resources.find((r) => r.uri === 'kejin://products/gaoqidai')!;
        expect(card).toMatchObject({ name: 'gaoqidai', mimeType: 'text/markdown' });
        expect(card.title).toContain('高企贷');
    });

    it('offers one template per folder', async () => {
        const { resourceTemplates } = await client.listResourceTemplates();
        expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual([
            'kejin://organizations/{id}',
            'kejin://policies/{id}',
            'kejin://products/{id}',
        ]);
    });

    it('reads a card as Markdown and as JSON', async () => {
        const { contents } = await client.readResource({ uri: 'kejin://products/gaoqidai' });
        const markdown = contents.find((c) => c.mimeType === 'text/markdown') as { text: string };
        const json = contents.find((c) => c.mimeType === 'application/json') as { text: string };
        expect(markdown.text).toMatch(/^# 高企贷/);
        expect(JSON.parse(json.text)).toMatchObject({ id: 'gaoqidai', kind: 'product' });
    });

    it('refuses a card in the wrong folder or an unknown id with "resource not found" and a hint', async () => {
        await expect(client.readResource({ uri: 'kejin://products/stcsm' })).rejects.toMatchObject({
            code: -32602,
            data: { uri: 'kejin://products/stcsm' },
            message: expect.stringContaining('kejin://organizations/stcsm'),
        });
        await expect(client.readResource({ uri: 'kejin://products/gaoqi' })).rejects.toMatchObject({
            code: -32602,
            data: { uri: 'kejin://products/gaoqi' },
            message: expect.stringContaining('kejin://products/gaoqidai'),
        });
    });

    it('reads the vocabularies', async () => {
        const { contents } = await client.readResource({ uri: 'kejin://vocabulary' });
        const vocab = JSON.parse((contents[0] as { text: string }).text);
        expect(vocab.stage.map((s: { value: string }) => s.value)).toEqual(['seed', 'startup', 'growth', 'mature']);
        expect(vocab.qualifications[1]).toEqual({ value: 'high-tech', zh: '高新技术企业', en: 'High-Tech Enterprise' });
    });

    it('completes ids within a folder', async () => {
        const ref = { type: 'ref/resource' as const, uri: 'kejin://products/{id}' };
        const ke = await client.complete({ ref, argument: { name: 'id', value: 'ke' } });
        const idsOf = (kinds: readonly string[]) =>
            [...service.snapshot().items.values()]
                .filter((i) => kinds.includes(i.kind))
                .map((i) => i.id)
                .sort();
        const productIds = idsOf(['product', 'platform', 'program']);
        // Ids that start with the typed text first, then those containing it.
        expect(ke.completion.values).toEqual([
            ...productIds.filter((id) => id.startsWith('ke')),
            ...productIds.filter((id) => !id.startsWith('ke') && id.includes('ke')),
        ]);
        expect(ke.completion.values.indexOf('keji-lvyuedai')).toBeLessThan(ke.completion.values.indexOf('huke-zhuandai'));
        expect(ke.completion.values).toEqual(expect.arrayContaining(['kechuang-zhulidai', 'keji-lvyuedai']));
        const lvyue = await client.complete({ ref, argument: { name: 'id', value: 'lvyue' } });
        expect(lvyue.completion.values).toEqual(['keji-lvyuedai']);
        const orgs = await client.complete({ ref: { type: 'ref/resource', uri: 'kejin://organizations/{id}' }, argument: { name: 'id', value: '' } });
        expect(orgs.completion.values).toEqual(idsOf(['organization']));
    });
});

describe('prompt financing_consultation', () => {
    it('is listed with its arguments', async () => {
        const { prompts } = await client.listPrompts();
        const prompt = prompts.find((p) => p.name === 'financing_consultation')!;
        expect(prompt.arguments).toEqual([
            expect.objectContaining({ name: 'firm_description', required: true }),
            expect.objectContaining({ name: 'lang', required: false }),
        ]);
    });

    it('guides the model through profile, match, contacts and sources', async () => {
        const firm = '我们是一家成长期的高新技术企业，年营收3000万元，想借500万流动资金';
        const { messages } = await client.getPrompt({ name: 'financing_consultation', arguments: { firm_description: firm } });
        const text = (messages[0]!.content as { text: string }).text;
        expect(text).toContain(firm);
        for (const word of ['match_financing_products', 'get_financing_contacts', '万元', 'sources', 'Answer in Chinese'])
            expect(text).toContain(word);
        const en = await client.getPrompt({
            name: 'financing_consultation',
            arguments: { firm_description: 'a seed-stage AI start-up', lang: 'en' },
        });
        expect((en.messages[0]!.content as { text: string }).text).toContain('Answer in English');
    });

    it('completes the language and refuses an oversized description', async () => {
        const done = await client.complete({ ref: { type: 'ref/prompt', name: 'financing_consultation' }, argument: { name: 'lang', value: 'e' } });
        expect(done.completion.values).toEqual(['en']);
        await expect(client.getPrompt({ name: 'financing_consultation', arguments: { firm_description: 'x'.repeat(2001) } })).rejects.toThrow(
            /firm_description is too long/,
        );
    });
});
