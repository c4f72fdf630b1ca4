/**
 * Issue 9, item 9: no secret reaches stderr. Error texts that repeat a
 * request address (`POST /bot<token>/getMe`), the webhook secret or the MCP
 * bearer token are scrubbed in every log field, nested or not, in error
 * objects and their causes, and on the start-up failure path.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, secretsOf } from '../../src/logger.ts';
import { parseConfig } from '../../src/config.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { ensureStopped, spawnBot, type SpawnedBot } from '../helpers/spawned-bot.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

const TOKEN = '7301234567:AAH5qTcvCH1vGWJxfSeofSAs0K5PALDsawQ';
const WEBHOOK_SECRET = 'whsec_Xq81LmN0pQ7rT2vW';
const MCP_TOKEN = 'mcp-bearer-9f8e7d6c5b4a3f2e1d0c';
const SECRETS = [TOKEN, WEBHOOK_SECRET, MCP_TOKEN, TOKEN.split(':')[1]!];

function captured() {
    let text = '';
    const stream = new Writable({
        write(chunk: Buffer, _enc, done) {
            text += chunk.toString('utf8');
            done();
        },
    });
    return { stream, text: () => text };
}

function expectClean(text: string): void {
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/\/bot\d+:/);
}

describe('the logger', () => {
    it('scrubs the bot token, the webhook secret and the MCP token from every field', () => {
        const out = captured();
        const config = parseConfig({ TELEGRAM_BOT_TOKEN: TOKEN, WEBHOOK_SECRET, MCP_AUTH_TOKEN: MCP_TOKEN });
        const logger = createLogger('debug', { secrets: secretsOf(config), destination: out.stream });
        const apiError = new Error(`Call to 'getMe' failed! (404: Not Found: POST /bot${TOKEN}/getMe)`, {
            cause: new Error(`fetch https://api.telegram.org/bot${TOKEN}/getMe`),
        });
        logger.error({ err: apiError }, 'start-up failed');
        logger.warn(
            {
                description: `Bad Request: bad webhook: secret ${WEBHOOK_SECRET} refused`,
                nested: { deep: [{ url: `https://api.telegram.org/bot${TOKEN}/sendMessage` }] },
            },
            'webhook',
        );
        logger.info({ headers: { authorization: `Bearer ${MCP_TOKEN}`, 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET } }, 'request');
        logger.info(`plain message with ${MCP_TOKEN} and ${TOKEN}`);
        logger.error(new Error(`thrown as the first argument: ${WEBHOOK_SECRET}`));
        logger.child({ token: TOKEN }).info({ list: [TOKEN, WEBHOOK_SECRET] }, 'child');
        const text = out.text();
        expect(text.trim().split('\n')).toHaveLength(6);
        expectClean(text);
        // What is not secret stays readable.
        expect(text).toContain("Call to 'getMe' failed! (404: Not Found: POST /bot[redacted]/getMe)");
        expect(text).toContain('Bad Request: bad webhook: secret [redacted] refused');
    });

    it('scrubs token-shaped text even when the secret is not configured', () => {
        const out = captured();
        createLogger('info', { destination: out.stream }).warn({ err: new Error(`GET https://api.telegram.org/bot${TOKEN}/getUpdates failed`) }, 'x');
        expectClean(out.text());
    });
});

describe('the bot process', () => {
    let api: FakeBotApi;
    let dataDir: string;
    let bot: SpawnedBot | undefined;

    beforeEach(async () => {
        api = await new FakeBotApi(TOKEN).start();
        dataDir = tempDir('kejin-secrets-');
    });

    afterEach(async () => {
        await ensureStopped(bot);
        await api.close();
        removeDir(dataDir);
    });

    it('keeps the token off stderr when start-up fails with an error that repeats the request address', async () => {
        api.failNext('getMe', { status: 404, body: { ok: false, error_code: 404, description: `Not Found: POST /bot${TOKEN}/getMe` } });
        bot = spawnBot({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, DATA_DIR: dataDir }, dataDir);
        const { code } = await bot.exited;
        const stderr = bot.stderr.join('\n');
        expect(code).toBe(1);
        expect(stderr).toContain('getMe');
        expectClean(stderr);
    });

    it('keeps the token and the webhook secret off stderr when setWebhook is refused with them in the text', async () => {
        api.failNext('setWebhook', {
            status: 400,
            body: {
                ok: false,
                error_code: 400,
                description: `Bad Request: bad webhook: POST /bot${TOKEN}/setWebhook secret_token=${WEBHOOK_SECRET}`,
            },
        });
        bot = spawnBot(
            {
                TELEGRAM_BOT_TOKEN: TOKEN,
                TELEGRAM_API_ROOT: api.url,
                DATA_DIR: dataDir,
                WEBHOOK_URL: 'https://bot.example.invalid/hook',
                WEBHOOK_SECRET,
                WEBHOOK_PORT: '0',
                MCP_AUTH_TOKEN: MCP_TOKEN,
            },
            dataDir,
        );
        const { code } = await bot.exited;
        const stderr = bot.stderr.join('\n');
        expect(code).toBe(1);
        expect(stderr).toContain('setWebhook');
        expectClean(stderr);
    });
});
