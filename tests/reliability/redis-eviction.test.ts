/**
 * Issue 18, bad day 5: a Redis that evicts keys under memory pressure
 * deletes saved profiles silently (allkeys-lru: 22 of 40 active users,
 * volatile-lru: 40 of 40). The bot now says so when it starts, and
 * docs/deploy.md asks for `maxmemory-policy noeviction`. With noeviction a
 * full Redis refuses writes instead, and nothing saved is lost: the eviction
 * half below shows both on a real redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRedis, createRedis, type RedisClient } from '../../src/core/infra/redis.ts';
import { silentLogger } from '../../src/logger.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { redisSkipReason, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { ensureStopped, spawnBot } from '../helpers/spawned-bot.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

const WARNING = /maxmemory-policy is not noeviction/;

describe.skipIf(redisSkipReason())('a Redis that may evict keys', () => {
    let server: RedisServer;
    let redis: RedisClient;
    let api: FakeBotApi;
    beforeAll(async () => {
        server = await startRedisServer();
        redis = createRedis({ url: server.url, logger: silentLogger });
        api = await new FakeBotApi().start();
    });
    afterAll(async () => {
        await closeRedis(redis);
        await api.close();
        await server.close();
    });

    async function startBot(): Promise<Record<string, unknown>[]> {
        const dataDir = tempDir('kejin-eviction-');
        const bot = spawnBot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: dataDir, REDIS_URL: server.url }, dataDir);
        try {
            await bot.waitFor((l) => l.msg === 'bot started', 20_000, 'the bot to start');
            // The check answers in a few ms; give it a generous moment.
            await new Promise((r) => setTimeout(r, 500));
            return bot.logs;
        } finally {
            await ensureStopped(bot);
            removeDir(dataDir);
        }
    }

    it.each(['volatile-lru', 'allkeys-lru'])(
        'is reported at start with %s',
        async (policy) => {
            await redis.config('SET', 'maxmemory-policy', policy);
            const warned = (await startBot()).filter((l) => WARNING.test(String(l.msg)));
            expect(warned).toHaveLength(1);
            expect(warned[0]).toMatchObject({ level: 40, maxmemoryPolicy: policy });
        },
        40_000,
    );

    it('is not reported with noeviction', async () => {
        await redis.config('SET', 'maxmemory-policy', 'noeviction');
        expect((await startBot()).filter((l) => WARNING.test(String(l.msg)))).toEqual([]);
    }, 40_000);

    it('evicts saved sessions under volatile-lru, and refuses writes instead under noeviction', async () => {
        // Sessions as the bot saves them (with a TTL), then a burst of other data past maxmemory.
        const fill = async (policy: string) => {
            await redis.flushall();
            await redis.config('SET', 'maxmemory', '0');
            await redis.config('SET', 'maxmemory-policy', policy);
            for (let i = 0; i < 40; i++)
                await redis.set(`kejin:session:${i}`, JSON.stringify({ profile: { stage: 'growth' }, pad: 'x'.repeat(2_000) }), 'EX', 86_400);
            const used = Number(/^used_memory:(\d+)/m.exec(await redis.info('memory'))?.[1]);
            await redis.config('SET', 'maxmemory', String(used + 200_000));
            let refused = 0;
            for (let i = 0; i < 200; i++) await redis.set(`kejin:session:new-${i}`, 'y'.repeat(5_000), 'EX', 86_400).catch(() => refused++);
            let kept = 0;
            for (let i = 0; i < 40; i++) kept += await redis.exists(`kejin:session:${i}`);
            await redis.config('SET', 'maxmemory', '0');
            return { kept, refused };
        };
        const lru = await fill('volatile-lru');
        const safe = await fill('noeviction');
        console.log(
            `40 saved sessions under memory pressure: volatile-lru keeps ${lru.kept}, noeviction keeps ${safe.kept} (and refuses ${safe.refused} writes)`,
        );
        expect(lru.kept).toBeLessThan(40);
        expect(safe.kept).toBe(40);
        expect(safe.refused).toBeGreaterThan(0);
    }, 40_000);
});
