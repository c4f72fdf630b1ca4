/**
 * End to end: `node bin/kejin.js mcp` spawned as a client would spawn it,
 * with the SDK's StdioClientTransport, over a temp copy of the shipped knowledge that
 * the tests then edit (live reload). Also `mcp --http` spawned, stopped by
 * SIGTERM.
 */
import type { Client } from '@modelcontextprotocol/client';
import type { Tool } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { copyFolder } from '../helpers/knowledge.ts';
import { TOOL_NAMES, callTool, connectStdio, eventually, expectValidOutput, spawnHttp, textOf, newProductCard } from '../helpers/mcp.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

describe('kejin mcp over stdio', () => {
    let folder: Awaited<ReturnType<typeof copyFolder>>;
    let client: Client;
    let close: () => Promise<void>;
    const errors: Error[] = [];
    const stderr: string[] = [];
    let shippedItems = 0;

    beforeAll(async () => {
        folder = await copyFolder(SHIPPED_KNOWLEDGE);
        shippedItems = (await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!.items.size;
        ({ client, close } = await connectStdio({ KNOWLEDGE_DIR: folder.dir }, stderr));
        // Anything on stdout that is not a protocol message would surface here.
        client.onerror = (err) => errors.push(err);
    });

    afterAll(async () => {
        await close?.();
        await folder?.remove();
    });

    it('lists and calls every tool; each answer fits its outputSchema', async () => {
        const tools = new Map<string, Tool>((await client.listTools()).tools.map((t) => [t.name, t]));
        expect([...tools.keys()].sort()).toEqual([...TOOL_NAMES].sort());
        const calls: [string, Record<string, unknown>][] = [
            ['search_financing_knowledge', { query: '履约保证保险', lang: 'en' }],
            ['match_financing_products', { question: '我们是科技型中小企业，需要无抵押信用贷款', limit: 3 }],
            ['get_financing_product', { id: 'gaoqidai' }],
            ['list_financing_products', { qualification: 'high-tech', lang: 'en' }],
            ['get_financing_contacts', { organization_id: 'stcsm' }],
        ];
        for (const [name, args] of calls) expectValidOutput(tools.get(name)!, await callTool(client, name, args));
    });

    it('reads a resource and gets the prompt', async () => {
        const { contents } = await client.readResource({ uri: 'kejin://policies/premium-subsidy' });
        expect((contents[0] as { text: string }).text).toContain('50%');
        const { messages } = await client.getPrompt({ name: 'financing_consultation', arguments: { firm_description: '成长期高企' } });
        expect((messages[0]!.content as { text: string }).text).toContain('成长期高企');
    });

    it('answers an unknown id with the closest ids', async () => {
        const result = await callTool(client, 'get_financing_product', { id: 'kechuang-zhulida' });
        expect(result.isError).toBe(true);
        expect(textOf(result)).toContain('"kechuang-zhulidai"');
    });

    it('picks up an edited card: list_changed, a log notification, and the new answer', async () => {
        let changed = 0;
        const logs: unknown[] = [];
        client.setNotificationHandler('notifications/resources/list_changed', () => {
            changed++;
        });
        client.setNotificationHandler('notifications/message', (n) => {
            logs.push(n.params.data);
        });
        await folder.write('products/quantum-loan.md', newProductCard('quantum-loan', '量子科技贷'));
        // The two notifications are sent one after the other; wait for both.
        await eventually('list_changed and the log notification', () => (changed > 0 && logs.length > 0) || undefined);
        expect(logs).toEqual(expect.arrayContaining([expect.objectContaining({ message: 'knowledge reloaded', items: shippedItems + 1 })]));
        const { resources } = await client.listResources();
        expect(resources.map((r) => r.uri)).toContain('kejin://products/quantum-loan');
        const found = await callTool(client, 'search_financing_knowledge', { query: '量子科技贷' });
        expect((found.structuredContent as { results: { id: string }[] }).results[0]!.id).toBe('quantum-loan');

        await folder.edit('products/quantum-loan.md', (s) => s.replace('量子科技贷', '量子科技贷二期'));
        await eventually(
            'the edited name',
            async () => textOf(await callTool(client, 'get_financing_product', { id: 'quantum-loan' })).includes('量子科技贷二期') || undefined,
        );
    });

    it('wrote nothing but protocol messages to stdout', () => {
        expect(errors).toEqual([]);
    });
});

describe('kejin mcp --http, spawned', () => {
    it('serves /healthz, checks the token, and stops cleanly on SIGTERM', async () => {
        const { child, url, stderr } = await spawnHttp({ KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE, MCP_AUTH_TOKEN: 'spawned-secret' });
        try {
            expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
            const health = await fetch(url.replace('/mcp', '/healthz'));
            expect(await health.json()).toMatchObject({ status: 'ok', items: (await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!.items.size });
            const refused = await fetch(url, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
                body: '{}',
            });
            expect(refused.status).toBe(401);
            expect(stderr.join('')).not.toContain('spawned-secret');
        } finally {
            const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
            child.kill('SIGTERM');
            expect(await exited).toBe(0);
        }
    });
});
