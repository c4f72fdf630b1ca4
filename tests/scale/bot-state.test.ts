/**
 * The bot's shared state on a real redis-server: rate-limit counters born
 * with their expiry, the per-user lock across clients, each update handled
 * once with a dead holder's claim expiring, and sessions under the prefix
 * with a TTL and validated on read.
 */
import { limit } from '@grammyjs/ratelimiter';
import type { Context } from 'grammy';
import { beforeAll, describe, expect, it } from 'vitest';
import { guardedStorage } from '../../src/bot/storage/session.ts';
import { createSharedBotState, UpdateBusyError } from '../../src/bot/storage/shared.ts';
import { redisRateLimitStore } from '../../src/bot/storage/redis-rate-limit.ts';
import type { RedisClient } from '../../src/core/infra/redis.ts';
import { silentLogger } from '../../src/logger.ts';
import { redisForSuite, redisSkipReason } from '../helpers/redis-server.ts';

const PREFIX = 'state-test:';
const keyOf = (ctx: Context) => (ctx.from ? String(ctx.from.id) : undefined);
/** Just the fields the middleware reads: an update id and a sender. */
const ctxOf = (updateId: number, userId = 7) =>
    ({ update: { update_id: updateId }, from: { id: userId, is_bot: false, first_name: 'T' } }) as unknown as Context;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(redisSkipReason())('bot state on Redis', () => {
    const suite = redisForSuite();
    let a: RedisClient;
    let b: RedisClient;
    beforeAll(() => {
        a = suite.client({ prefix: PREFIX });
        b = suite.client({ prefix: PREFIX });
    });

    it('counts rate-limit hits exactly and gives every counter its expiry in the same step', async () => {
        const store = redisRateLimitStore(a, PREFIX, 60_000);
        const counts = await Promise.all(
            Array.from({ length: 40 }, (_, i) => (i % 2 ? store : redisRateLimitStore(b, PREFIX, 60_000)).incr('msg42')),
        );
        expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        const ttl = await a.pttl(`${PREFIX}ratelimit:msg42`);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(60_000);
    });

    it('the plugin, on this store, limits past the allowance and lets the user in again after the window', async () => {
        const passed: number[] = [];
        const limited: number[] = [];
        const mw = limit<Context, never>({
            timeFrame: 400,
            limit: 3,
            keyGenerator: keyOf,
            keyPrefix: 'msg',
            storageClient: redisRateLimitStore(a, PREFIX, 400) as never,
            onLimitExceeded: (ctx) => void limited.push(ctx.update.update_id),
        });
        for (let i = 1; i <= 5; i++) await mw(ctxOf(i, 99), async () => void passed.push(i));
        expect(passed).toEqual([1, 2, 3]);
        expect(limited).toEqual([4]);
        await sleep(500);
        await mw(ctxOf(6, 99), async () => void passed.push(6));
        expect(passed).toEqual([1, 2, 3, 6]);
    });

    it('lets one update per user run at a time across clients, and other users alongside', async () => {
        const stateA = createSharedBotState<Context>({ redis: a, prefix: PREFIX, sessionTtlDays: 1 }, keyOf);
        const stateB = createSharedBotState<Context>({ redis: b, prefix: PREFIX, sessionTtlDays: 1 }, keyOf);
        let inside = 0;
        let most = 0;
        const order: string[] = [];
        const work = (tag: string) => async () => {
            inside++;
            most = Math.max(most, inside);
            await sleep(20);
            order.push(tag);
            inside--;
        };
        await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? stateA : stateB).userLock(ctxOf(100 + i, 5), work(`u5-${i}`))));
        expect(most).toBe(1);
        expect(order).toHaveLength(10);
        // A different user is not held up by user 5.
        let otherRan = false;
        const slow = stateA.userLock(ctxOf(200, 5), async () => void (await sleep(300)));
        await sleep(30);
        await stateB.userLock(ctxOf(201, 6), async () => void (otherRan = true));
        expect(otherRan).toBe(true);
        await slow;
    });

    it('frees the lock of a holder that died once its lease runs out', async () => {
        const state = createSharedBotState<Context>({ redis: b, prefix: PREFIX, sessionTtlDays: 1, leaseMs: 300 }, keyOf);
        // A dead holder: its lease was taken and is never renewed nor released.
        await a.set(`${PREFIX}lock:user:77`, 'lease:dead', 'PX', 300);
        const started = Date.now();
        let ran = false;
        await state.userLock(ctxOf(300, 77), async () => void (ran = true));
        expect(ran).toBe(true);
        expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    });

    it('handles an update once: a copy during the run is refused as busy, a later copy is acknowledged unhandled', async () => {
        const stateA = createSharedBotState<Context>({ redis: a, prefix: PREFIX, sessionTtlDays: 1 }, keyOf);
        const stateB = createSharedBotState<Context>({ redis: b, prefix: PREFIX, sessionTtlDays: 1 }, keyOf);
        let handled = 0;
        const first = stateA.updateOnce(ctxOf(500), async () => {
            handled++;
            await sleep(150);
        });
        await sleep(30);
        await expect(stateB.updateOnce(ctxOf(500), async () => void handled++)).rejects.toBeInstanceOf(UpdateBusyError);
        await first;
        await stateB.updateOnce(ctxOf(500), async () => void handled++);
        expect(handled).toBe(1);
        expect(await a.ttl(`${PREFIX}update:500`)).toBeGreaterThan(80_000);
    });

    it('lets a copy run when the first handler failed, or when the instance running it died', async () => {
        const state = createSharedBotState<Context>({ redis: a, prefix: PREFIX, sessionTtlDays: 1, leaseMs: 300 }, keyOf);
        await expect(state.updateOnce(ctxOf(600), () => Promise.reject(new Error('crash outside the boundary')))).rejects.toThrow('crash');
        let handled = 0;
        await state.updateOnce(ctxOf(600), async () => void handled++);
        expect(handled).toBe(1);

        await b.set(`${PREFIX}update:601`, 'run:dead-instance', 'PX', 300);
        await expect(state.updateOnce(ctxOf(601), async () => void handled++)).rejects.toBeInstanceOf(UpdateBusyError);
        await sleep(350);
        await state.updateOnce(ctxOf(601), async () => void handled++);
        expect(handled).toBe(2);
    });

    it('keeps sessions under the prefix with a TTL, and validates what it reads like the file store', async () => {
        const state = createSharedBotState<Context>({ redis: a, prefix: PREFIX, sessionTtlDays: 180 }, keyOf);
        const storage = guardedStorage(state.storage, silentLogger);
        await storage.write('42', { lang: 'en', profile: { stage: 'growth', qualifications: ['high-tech'] } });
        const ttl = await a.ttl(`${PREFIX}session:42`);
        expect(ttl).toBeGreaterThan(179 * 86_400);
        expect(ttl).toBeLessThanOrEqual(180 * 86_400);
        expect(await storage.read('42')).toEqual({ lang: 'en', profile: { stage: 'growth', qualifications: ['high-tech'] } });
        await a.set(`${PREFIX}session:43`, JSON.stringify({ lang: 'fr', profile: { stage: 'growth' } }));
        expect(await storage.read('43')).toEqual({ profile: { stage: 'growth' } });
    });
});
