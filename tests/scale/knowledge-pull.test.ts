/**
 * Knowledge on N instances: each instance pulls its clone on a timer
 * (`git pull --ff-only`), reloads, and refuses a bad commit exactly as a bad
 * edit is refused; with Redis a new version is announced so the others sync
 * at once.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { announceKnowledge } from '../../src/core/infra/knowledge-announce.ts';
import { startKnowledgePull, type KnowledgePuller } from '../../src/core/infra/knowledge-pull.ts';
import { createRedis, type RedisClient } from '../../src/core/infra/redis.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { redisSkipReason, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { waitFor } from '../helpers/knowledge.ts';
import { BROKEN_CARD, createKnowledgeRepo, editGaoqidai, git, type KnowledgeRepo } from '../helpers/knowledge-repo.ts';

/** A logger whose lines the test can read. */
function capture() {
    const lines: string[] = [];
    const stream = new Writable({
        write(chunk: Buffer, _enc, done) {
            lines.push(JSON.parse(chunk.toString()).msg as string);
            done();
        },
    });
    return { logger: pino({ level: 'info' }, stream), lines };
}

/** One instance: a clone, a watching service over it, and a puller whose timer is too slow to matter here. */
async function instance(
    repo: KnowledgeRepo,
    name: string,
    logger = capture().logger,
): Promise<{ dir: string; service: KnowledgeService; puller: KnowledgePuller; close(): Promise<void> }> {
    const dir = await repo.clone(name);
    const service = await createKnowledgeService({ dir, watch: true, logger });
    const puller = startKnowledgePull({ dir, intervalMs: 3_600_000, onPulled: () => service.reload(), logger });
    return {
        dir,
        service,
        puller,
        close: async () => {
            await puller.close();
            await service.close();
        },
    };
}

describe('knowledge pull', () => {
    let repo: KnowledgeRepo;
    const closing: (() => Promise<void>)[] = [];
    beforeAll(async () => {
        repo = await createKnowledgeRepo();
    });
    afterEach(async () => {
        await Promise.all(closing.splice(0).map((c) => c()));
    });
    afterAll(async () => {
        await repo.remove();
    });

    it('goes live with a pushed commit as soon as the pull returns, and refuses a bad one like a bad edit', async () => {
        const { logger, lines } = capture();
        const a = await instance(repo, 'pull-a', logger);
        closing.push(a.close);
        const first = a.service.snapshot().version;
        expect(await a.puller.pull()).toMatchObject({ changed: false });

        await repo.commit('edit gaoqidai', { 'products/gaoqidai.md': editGaoqidai('pull-1') });
        expect(await a.puller.pull()).toMatchObject({ changed: true });
        const second = a.service.snapshot().version;
        expect(second).not.toBe(first);
        expect(a.service.requireItem('gaoqidai').summary.zh).toContain('pull-1');

        await repo.commit('a broken card', { 'products/broken-card.md': BROKEN_CARD });
        expect(await a.puller.pull()).toMatchObject({ changed: true });
        expect(a.service.snapshot().version).toBe(second);
        expect(a.service.getItem('broken-card')).toBeUndefined();
        expect(lines.some((l) => l.includes(`still serving version ${second}`) && l.includes('broken-card'))).toBe(true);

        await repo.commit('remove the broken card', { 'products/broken-card.md': null });
        expect(await a.puller.pull()).toMatchObject({ changed: true });
        expect(a.service.snapshot().version).toBe(second);
    });

    it('logs a clone that cannot fast-forward once, keeps serving, and never merges', async () => {
        const { logger, lines } = capture();
        const a = await instance(repo, 'pull-diverged', logger);
        closing.push(a.close);
        const served = a.service.snapshot().version;
        git(a.dir, 'commit', '--quiet', '--allow-empty', '-m', 'a local change nobody reviewed');
        await repo.commit('upstream edit', { 'products/gaoqidai.md': editGaoqidai('diverged') });
        expect(await a.puller.pull()).toBeUndefined();
        expect(await a.puller.pull()).toBeUndefined();
        expect(lines.filter((l) => l.startsWith('knowledge pull failed'))).toHaveLength(1);
        expect(a.service.snapshot().version).toBe(served);
    });
});

describe.skipIf(redisSkipReason())('knowledge announcements on Redis', () => {
    let redis: RedisServer;
    let repo: KnowledgeRepo;
    const clients: RedisClient[] = [];
    beforeAll(async () => {
        redis = await startRedisServer();
        repo = await createKnowledgeRepo();
    });
    afterAll(async () => {
        await Promise.allSettled(clients.map((c) => c.quit()));
        await redis?.close();
        await repo?.remove();
    });

    it('a pull on one instance makes the other pull at once', async () => {
        const a = await instance(repo, 'announce-a');
        const b = await instance(repo, 'announce-b');
        const connect = () => {
            const c = createRedis({ url: redis.url, prefix: 'test:' });
            clients.push(c);
            return c;
        };
        const announcers = [a, b].map((i) =>
            announceKnowledge({
                publisher: connect(),
                subscriber: connect(),
                prefix: 'test:',
                service: i.service,
                onAnnounced: () => i.puller.pull(),
            }),
        );
        try {
            // Both subscribed before the change: wait until Redis counts two subscribers.
            const probe = connect();
            const subscribers = async () => ((await probe.pubsub('NUMSUB', 'test:knowledge:version')) as [string, number])[1];
            for (let i = 0; i < 100 && (await subscribers()) < 2; i++) await new Promise((r) => setTimeout(r, 20));
            expect(await subscribers()).toBe(2);

            await repo.commit('announced edit', { 'products/gaoqidai.md': editGaoqidai('announced') });
            await a.puller.pull();
            const version = a.service.snapshot().version;
            expect(await waitFor(() => b.service.snapshot().version === version, 10_000)).toBe(true);
            expect(b.service.requireItem('gaoqidai').summary.zh).toContain('announced');
        } finally {
            await Promise.all(announcers.map((x) => x.close()));
            await a.close();
            await b.close();
        }
    });
});
