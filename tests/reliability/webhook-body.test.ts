/**
 * Webhook requests with the right secret but a body that is no update get
 * 400 (not 500), and bodies are bounded (413) like the MCP server's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebhook } from '../../src/bot/runtime/run.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { testConfig } from '../helpers/bot-harness.ts';
import { memoryLogger, type MemoryLogger } from '../helpers/memory-logger.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { shippedService } from '../helpers/knowledge.ts';

const SECRET = 'body-test-secret';
let api: FakeBotApi;
let dataDir: string;
let controller: AbortController;
let log: MemoryLogger;
let port: number;

beforeEach(async () => {
    api = await new FakeBotApi().start();
    dataDir = tempDir();
    controller = new AbortController();
    log = memoryLogger();
    const config = testConfig({
        TELEGRAM_BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: api.url,
        DATA_DIR: dataDir,
        WEBHOOK_URL: 'https://bot.example.invalid/hook',
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_PORT: '0',
        WEBHOOK_MAX_BODY_BYTES: '4096',
    });
    ({ port } = await startWebhook({ config, logger: log.logger, service: await shippedService() }, controller.signal));
});

afterEach(async () => {
    controller.abort();
    await api.close();
    removeDir(dataDir);
});

const post = (body: string, secret = SECRET) =>
    fetch(`http://127.0.0.1:${port}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body,
        signal: AbortSignal.timeout(10_000),
    });

describe('a webhook request with the right secret', () => {
    it('gets 400 for malformed JSON or a body that is no update, without an error logged', async () => {
        expect((await post('{"update_id": 1, "message": ')).status).toBe(400);
        expect((await post('[1, 2, 3]')).status).toBe(400);
        expect((await post('"hello"')).status).toBe(400);
        expect(log.loud()).toEqual([]);
    });

    it('gets 413 for a body over WEBHOOK_MAX_BODY_BYTES, and the server goes on', async () => {
        const big = JSON.stringify({ update_id: 2, message: { text: 'x'.repeat(10_000) } });
        expect((await post(big)).status).toBe(413);
        expect((await post(big, 'wrong')).status).toBe(401);
        const ok = JSON.stringify({
            update_id: 3,
            message: {
                message_id: 1,
                date: 0,
                chat: { id: 9, type: 'private', first_name: 'T' },
                from: { id: 9, is_bot: false, first_name: 'T' },
                text: '/help',
                entities: [{ type: 'bot_command', offset: 0, length: 5 }],
            },
        });
        expect((await post(ok)).status).toBe(200);
        await api.until(() => api.callsOf('sendMessage').length === 1, 10_000, 'the reply');
    });
});
