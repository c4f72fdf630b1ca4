/**
 * Issue 18, bad day 7: SIGTERM while Redis is unreachable ends the real
 * `kejin bot` in a few seconds with exit 0, as with Redis up; before, six
 * runs in nine hit the forced exit after 10 s (exit 1).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRedis } from '../../src/core/infra/redis.ts';
import { silentLogger } from '../../src/logger.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { redisSkipReason, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { ensureStopped, spawnBot, type SpawnedBot } from '../helpers/spawned-bot.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

/** The goal of the issue: three seconds from the signal to the exit. */
const STOP_WITHIN_MS = 3_000;

const update = (id: number) => ({
    message: {
        message_id: id,
        date: 0,
        chat: { id, type: 'private', first_name: 'T' },
        from: { id, is_bot: false, first_name: 'T' },
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    },
});

describe.skipIf(redisSkipReason())('SIGTERM with Redis unreachable', () => {
    const cleanups: (() => Promise<void> | void)[] = [];
    afterEach(async () => {
        for (const c of cleanups.splice(0).reverse()) await c();
    });

    async function world(): Promise<{ api: FakeBotApi; redis: RedisServer; dataDir: string }> {
        const api = await new FakeBotApi().start();
        const redis = await startRedisServer();
        const dataDir = tempDir('kejin-redis-sigterm-');
        cleanups.push(
            () => api.close(),
            () => redis.close(),
            () => removeDir(dataDir),
        );
        return { api, redis, dataDir };
    }

    async function terminate(bot: SpawnedBot): Promise<{ ms: number; code: number | null }> {
        const sent = performance.now();
        bot.child.kill('SIGTERM');
        const { code } = await bot.exited;
        return { ms: performance.now() - sent, code };
    }

    it.each(['polling', 'webhook'] as const)(
        '%s: stops within 3 s with exit 0 after Redis went away',
        async (mode) => {
            const { api, redis, dataDir } = await world();
            const webhook: Record<string, string> =
                mode === 'webhook' ? { WEBHOOK_URL: 'https://bot.example.invalid/hook', WEBHOOK_SECRET: 'sigterm-redis', WEBHOOK_PORT: '0' } : {};
            const bot = spawnBot(
                { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: dataDir, REDIS_URL: redis.url, ...webhook },
                dataDir,
            );
            cleanups.push(() => ensureStopped(bot));
            await bot.waitFor((l) => l.msg === 'bot started', 15_000, 'the bot to start');
            await redis.stop(true);
            await bot.waitFor((l) => l.msg === 'redis unreachable; retrying in the background', 10_000, 'the outage to be noticed');
            // Let ioredis get into its reconnect loop, where the stall was.
            await new Promise((r) => setTimeout(r, 1_500));
            const { ms, code } = await terminate(bot);
            console.log(`SIGTERM with Redis down (${mode}): exited in ${Math.round(ms)} ms, code ${code}`);
            expect(code, bot.stderr.join('\n')).toBe(0);
            expect(ms).toBeLessThan(STOP_WITHIN_MS);
        },
        40_000,
    );

    it('stops within 3 s with exit 0 while Redis hangs (stopped, not gone) with updates in flight', async () => {
        const { api, redis, dataDir } = await world();
        const probe = createRedis({ url: redis.url, logger: silentLogger });
        const pid = Number(/process_id:(\d+)/.exec(await probe.info('server'))?.[1]);
        probe.disconnect();
        const bot = spawnBot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: dataDir, REDIS_URL: redis.url }, dataDir);
        cleanups.push(() => ensureStopped(bot));
        await bot.waitFor((l) => l.msg === 'bot started', 15_000, 'the bot to start');
        // A network partition: the connection stays open and nothing answers.
        process.kill(pid, 'SIGSTOP');
        cleanups.push(() => void process.kill(pid, 'SIGCONT'));
        for (let i = 0; i < 5; i++) api.push(update(500 + i) as never);
        await api.until(() => api.calls.some((c) => c.method === 'getUpdates' && Number(c.payload.offset) > 0), 10_000, 'the updates to be taken');
        const { ms, code } = await terminate(bot);
        console.log(`SIGTERM with Redis hanging: exited in ${Math.round(ms)} ms, code ${code}`);
        expect(code, bot.stderr.join('\n')).toBe(0);
        expect(ms).toBeLessThan(STOP_WITHIN_MS);
    }, 40_000);

    it('stops within 3 s with exit 0 when Redis was never reachable', async () => {
        const { api, redis, dataDir } = await world();
        await redis.stop(true);
        const bot = spawnBot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: dataDir, REDIS_URL: redis.url }, dataDir);
        cleanups.push(() => ensureStopped(bot));
        await bot.waitFor((l) => l.msg === 'bot started', 15_000, 'the bot to start');
        await new Promise((r) => setTimeout(r, 1_500));
        const { ms, code } = await terminate(bot);
        console.log(`SIGTERM with Redis never up: exited in ${Math.round(ms)} ms, code ${code}`);
        expect(code, bot.stderr.join('\n')).toBe(0);
        expect(ms).toBeLessThan(STOP_WITHIN_MS);
    }, 40_000);
});
