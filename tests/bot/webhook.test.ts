/** Webhook mode: the secret token is checked, other paths are refused, updates are handled. */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebhook } from '../../src/bot/runtime/run.ts';
import { silentLogger } from '../../src/logger.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { testConfig } from '../helpers/bot-harness.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { shippedService } from '../helpers/knowledge.ts';

const SECRET = 'test-secret_123';
let api: FakeBotApi;
let dataDir: string;
let controller: AbortController;

beforeEach(async () => {
    api = await new FakeBotApi().start();
    dataDir = tempDir();
    controller = new AbortController();
});

afterEach(async () => {
    controller.abort();
    await api.close();
    removeDir(dataDir);
});

afterAll(async () => {
    await (await shippedService()).close();
});

async function start(overrides: Record<string, string> = {}) {
    const config = testConfig({
        TELEGRAM_BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: api.url,
        DATA_DIR: dataDir,
        // Only ever given to the fake Bot API; nothing connects to it.
        WEBHOOK_URL: 'https://bot.example.invalid/telegram/hook',
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_HOST: '127.0.0.1',
        WEBHOOK_PORT: '0',
        ...overrides,
    });
    return startWebhook({ config, logger: silentLogger, service: await shippedService() }, controller.signal);
}

const update = {
    update_id: 1,
    message: {
        message_id: 1,
        date: 0,
        chat: { id: 9, type: 'private', first_name: 'T' },
        from: { id: 9, is_bot: false, first_name: 'T' },
        text: '/help',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
    },
};

function post(port: number, path: string, secret?: string) {
    return fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(10_000),
    });
}

describe('webhook mode', () => {
    it('registers the webhook with its secret and handles only authentic posts', async () => {
        const { port, done } = await start();
        expect(api.callsOf('setWebhook')[0]!.payload).toMatchObject({ url: 'https://bot.example.invalid/telegram/hook', secret_token: SECRET });
        expect((await post(port, '/telegram/hook')).status).toBe(401);
        expect((await post(port, '/telegram/hook', 'wrong')).status).toBe(401);
        expect((await post(port, '/elsewhere', SECRET)).status).toBe(404);
        expect(api.callsOf('sendMessage')).toHaveLength(0);
        expect((await post(port, '/telegram/hook', SECRET)).status).toBe(200);
        await api.until(() => api.callsOf('sendMessage').length === 1, 10_000, 'the reply');
        controller.abort();
        await done;
    });

    it('refuses to start without a secret', async () => {
        await expect(start({ WEBHOOK_SECRET: '' })).rejects.toThrow(/WEBHOOK_SECRET is required/);
    });
});
