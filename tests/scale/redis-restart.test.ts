/**
 * Redis going away under a webhook instance that shares its state there:
 * each update meanwhile gets a short apology (not an answer from an empty
 * session, not a crash), and the bot works normally again once Redis is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { startWebhook } from '../../src/bot/runtime/run.ts';
import { sessionKey } from '../../src/bot/storage/session.ts';
import { createSharedBotState } from '../../src/bot/storage/shared.ts';
import { createRedis, type RedisClient } from '../../src/core/infra/redis.ts';
import { silentLogger } from '../../src/logger.ts';
import { FakeBotApi, TEST_BOT } from '../helpers/fake-bot-api.ts';
import { testConfig, TestUser } from '../helpers/bot-harness.ts';
import { WebhookDelivery } from '../helpers/webhook-delivery.ts';
import { redisSkipReason, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { WEBHOOK_PATH, WEBHOOK_SECRET } from '../helpers/cluster.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { shippedService } from '../helpers/knowledge.ts';

const zh = MESSAGES.zh;
const PREFIX = 'restart:';

describe.skipIf(redisSkipReason())('Redis restarting under the bot', () => {
    let server: RedisServer;
    let redis: RedisClient;
    let api: FakeBotApi;
    let dataDir: string;
    const controller = new AbortController();
    let done: Promise<void> | undefined;
    let user: TestUser;

    beforeAll(async () => {
        server = await startRedisServer();
        redis = createRedis({ url: server.url, prefix: PREFIX, logger: silentLogger });
        api = await new FakeBotApi().start();
        dataDir = tempDir();
        const config = testConfig({
            TELEGRAM_BOT_TOKEN: api.token,
            TELEGRAM_API_ROOT: api.url,
            DATA_DIR: dataDir,
            WEBHOOK_URL: `https://bot.example.invalid${WEBHOOK_PATH}`,
            WEBHOOK_SECRET,
            WEBHOOK_HOST: '127.0.0.1',
            WEBHOOK_PORT: '0',
        });
        const shared = createSharedBotState({ redis, prefix: PREFIX, sessionTtlDays: 1, logger: silentLogger }, sessionKey);
        const handle = await startWebhook({ config, logger: silentLogger, service: await shippedService() }, controller.signal, {
            shared,
            botInfo: TEST_BOT,
        });
        done = handle.done;
        const delivery = new WebhookDelivery(`http://127.0.0.1:${handle.port}${WEBHOOK_PATH}`, WEBHOOK_SECRET);
        user = new TestUser(api, { id: 777, deliver: async (u) => void (await delivery.deliver(u)) });
    });

    afterAll(async () => {
        controller.abort();
        await done;
        await redis?.quit().catch(() => undefined);
        await api?.close();
        await server?.close();
        if (dataDir) removeDir(dataDir);
    });

    it('apologises briefly while Redis is down and answers normally once it is back', async () => {
        await user.say('/lang');
        expect(TestUser.notices(await user.press('English'))).toEqual([MESSAGES.en.langSet]);

        await server.stop(true);
        const during = TestUser.texts(await user.say('/profile'));
        expect(during).toEqual([zh.sorry]);
        const press = await user.pressData('q:0:t:srdi');
        expect(TestUser.notices(press)).toEqual([zh.sorry]);

        await server.start();
        // ioredis reconnects on its own; the first update after may still meet the old connection.
        let after: string[] = [];
        for (let i = 0; i < 50 && !(after[0] ?? '').includes(MESSAGES.zh.fieldStage) && !(after[0] ?? '').includes(zh.profileEmpty); i++) {
            after = TestUser.texts(await user.say('/profile'));
            if (after[0] === zh.sorry) await new Promise((r) => setTimeout(r, 100));
        }
        // This Redis keeps nothing on disk, so the session is gone: an empty profile, answered, not an apology.
        expect(after[0]).toContain(zh.profileEmpty);
        expect(await redis.ping()).toBe('PONG');
    }, 60_000);
});
