/**
 * Two `kejin mcp --http` processes behind the round-robin proxy, each over
 * its own clone of the knowledge repository, pulling on a timer: a commit
 * pushed by staff reaches both, both report the new version on /healthz,
 * and answers through the proxy agree whichever instance serves them.
 */
import type { ChildProcess } from 'node:child_process';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTool, eventually, newClient, spawnHttp, textOf } from '../helpers/mcp.ts';
import { redisSkipReason, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { startProxy, type Proxy } from '../helpers/cluster.ts';
import { createKnowledgeRepo, editGaoqidai, type KnowledgeRepo } from '../helpers/knowledge-repo.ts';

interface Health {
    readonly version: string;
    readonly items: number;
}

async function health(base: string): Promise<Health> {
    const res = await fetch(`${base}/healthz`);
    return (await res.json()) as Health;
}

describe.skipIf(redisSkipReason())('two MCP HTTP instances pulling one knowledge repository', () => {
    let repo: KnowledgeRepo;
    let redis: RedisServer;
    let proxy: Proxy;
    const children: ChildProcess[] = [];
    const bases: string[] = [];

    beforeAll(async () => {
        repo = await createKnowledgeRepo();
        redis = await startRedisServer();
        for (const name of ['mcp-a', 'mcp-b']) {
            const dir = await repo.clone(name);
            // Announcements on Redis make the second pull at once; the 2 s timer is the bound.
            const { child, url } = await spawnHttp({
                KNOWLEDGE_DIR: dir,
                KNOWLEDGE_PULL_INTERVAL: '2',
                REDIS_URL: redis.url,
                KEJIN_REDIS_PREFIX: 'mcp-scale:',
                MCP_ALLOWED_HOSTS: '127.0.0.1',
                QUESTION_LOG: 'off',
            });
            children.push(child);
            bases.push(new URL(url).origin);
        }
        proxy = await startProxy(bases.map((b) => new URL(b).host));
    }, 60_000);

    afterAll(async () => {
        for (const c of children) c.kill('SIGKILL');
        await proxy?.close();
        await redis?.close();
        await repo?.remove();
    });

    it('serves a pushed commit from both instances, with the same version and the same answers', async () => {
        const [a, b] = await Promise.all(bases.map(health));
        expect(a!.version).toBe(b!.version);
        const before = a!.version;

        await repo.commit('edit gaoqidai', { 'products/gaoqidai.md': editGaoqidai('两实例') });
        const versions = await eventually(
            'both instances to serve the commit',
            async () => {
                const now = await Promise.all(bases.map(health));
                return now.every((h) => h.version !== before) ? now : undefined;
            },
            20_000,
        );
        expect(versions[0]!.version).toBe(versions[1]!.version);

        const answers: string[] = [];
        // Four stateless calls through the proxy: two land on each instance.
        for (let i = 0; i < 4; i++) {
            const client = newClient();
            await client.connect(new StreamableHTTPClientTransport(new URL(`${proxy.url}/mcp`)));
            answers.push(textOf(await callTool(client, 'get_financing_product', { id: 'gaoqidai' })));
            await client.close();
        }
        for (const base of bases) expect(proxy.sent.get(new URL(base).host)).toBeGreaterThanOrEqual(2);
        expect(answers[0]).toContain('两实例');
        expect(new Set(answers).size).toBe(1);
    }, 60_000);
});
