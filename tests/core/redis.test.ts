import { beforeAll, describe, expect, it } from 'vitest';
import { redisKey, type RedisClient } from '../../src/core/infra/redis.ts';
import { redisForSuite, redisSkipReason, type RedisServer } from '../helpers/redis-server.ts';

describe.skipIf(redisSkipReason())('createRedis against a real redis-server', () => {
    const suite = redisForSuite();
    let server: RedisServer;
    let redis: RedisClient;
    beforeAll(() => {
        server = suite.server;
        redis = suite.client();
    });

    it('connects over a Unix socket and keeps keys under the prefix', async () => {
        const key = redisKey('kejin:', 'test', 1);
        expect(key).toBe('kejin:test:1');
        await redis.set(key, 'v');
        expect(await redis.get(key)).toBe('v');
        expect(await redis.keys('kejin:*')).toEqual([key]);
    });

    it('fails a command fast while Redis is down, then recovers when it is back', async () => {
        await server.stop(true);
        await expect(redis.get('kejin:test:1')).rejects.toThrow();
        await server.start();
        // Fresh server without persistence: the client reconnects and works again.
        let value: string | null | undefined;
        for (let i = 0; i < 100 && value === undefined; i++) {
            value = await redis.get('kejin:test:1').catch(() => undefined);
            if (value === undefined) await new Promise((r) => setTimeout(r, 50));
        }
        expect(value).toBeNull();
    });
});
