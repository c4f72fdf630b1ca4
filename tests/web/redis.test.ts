/**
 * The web chat's shared state on a real redis-server: rate-limit counters
 * that every instance counts together, and one turn of a session at a time
 * across instances.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RedisClient } from '../../src/core/infra/redis.ts';
import { silentLogger } from '../../src/logger.ts';
import { redisLimiter } from '../../src/web/limit.ts';
import { createWebStores } from '../../src/web/stores.ts';
import { redisForSuite, redisSkipReason } from '../helpers/redis-server.ts';

describe.skipIf(redisSkipReason())('web chat state in Redis', () => {
    const suite = redisForSuite();
    let a: RedisClient;
    let b: RedisClient;
    beforeAll(() => {
        a = suite.client({ prefix: 'test:' });
        b = suite.client({ prefix: 'test:' });
    });

    it('counts one window for all instances and says when it ends', async () => {
        const one = redisLimiter(a, 'test:', 60_000);
        const two = redisLimiter(b, 'test:', 60_000);
        const verdicts = [
            await one.hit('ip:1.2.3.4', 3),
            await two.hit('ip:1.2.3.4', 3),
            await one.hit('ip:1.2.3.4', 3),
            await two.hit('ip:1.2.3.4', 3),
        ];
        expect(verdicts.map((v) => v.ok)).toEqual([true, true, true, false]);
        expect(verdicts[3]!.retryAfter).toBeGreaterThan(0);
        expect(verdicts[3]!.retryAfter).toBeLessThanOrEqual(60);
        // Every counter is born with its expiry, and its key names no address.
        const keys = await a.keys('test:ratelimit:web:*');
        expect(keys).toHaveLength(1);
        expect(keys[0]).not.toContain('1.2.3.4');
        expect(await a.pttl(keys[0]!)).toBeGreaterThan(0);
    });

    it('runs one turn of a session at a time across instances', async () => {
        const lockA = createWebStores({ redis: a, prefix: 'test:', ttlDays: 1 }, silentLogger).lock!;
        const lockB = createWebStores({ redis: b, prefix: 'test:', ttlDays: 1 }, silentLogger).lock!;
        const order: string[] = [];
        const job = (name: string) => async () => {
            order.push(`${name} in`);
            await new Promise((r) => setTimeout(r, 50));
            order.push(`${name} out`);
            return name;
        };
        const results = await Promise.all([lockA('web-x', job('a')), lockB('web-x', job('b'))]);
        expect(results).toEqual(['a', 'b']);
        expect(order).toEqual(order[0] === 'a in' ? ['a in', 'a out', 'b in', 'b out'] : ['b in', 'b out', 'a in', 'a out']);
    });
});
