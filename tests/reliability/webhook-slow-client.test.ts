/**
 * Issue 18, bad day 9 (the webhook server): a client that trickles its
 * headers or its body is cut off after WEBHOOK_HEADERS_TIMEOUT_MS or
 * WEBHOOK_REQUEST_TIMEOUT_MS (and Node's check every second), instead of
 * holding its connection 72 to 88 s (headers) or over 300 s (body) as with
 * Node's defaults. An update that takes long to handle is not cut by them.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhook, WEBHOOK_HEADERS_TIMEOUT_MS, WEBHOOK_REQUEST_TIMEOUT_MS } from '../../src/bot/runtime/run.ts';
import { silentLogger } from '../../src/logger.ts';
import { FakeBotApi, TEST_BOT } from '../helpers/fake-bot-api.ts';
import { testConfig } from '../helpers/bot-harness.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { shippedService } from '../helpers/knowledge.ts';

const SECRET = 'slow-client-secret';
/** Node checks the timeouts every second; plus slack for a loaded machine. */
const SLACK_MS = 2_500;
/** Give up well before Node's defaults would act: the test stays short either way. */
const GIVE_UP_MS = 20_000;

let api: FakeBotApi;
let dataDir: string;
let port: number;
const controller = new AbortController();
let done: Promise<void>;

beforeAll(async () => {
    api = await new FakeBotApi().start();
    dataDir = tempDir();
    const config = testConfig({
        TELEGRAM_BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: api.url,
        DATA_DIR: dataDir,
        WEBHOOK_URL: 'https://bot.example.invalid/hook',
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_PORT: '0',
    });
    ({ port, done } = await startWebhook({ config, logger: silentLogger, service: await shippedService() }, controller.signal, {
        botInfo: TEST_BOT,
    }));
});

afterAll(async () => {
    controller.abort();
    await done;
    await api.close();
    removeDir(dataDir);
});

/** Opens a connection, writes `head` at once and then `trickle` a byte every 250 ms; resolves with how long until the server closed it (or GIVE_UP_MS). */
function trickle(head: string, drip: string): Promise<{ ms: number; answer: string }> {
    return new Promise((resolve) => {
        const started = performance.now();
        const socket: Socket = connect(port, '127.0.0.1');
        let answer = '';
        let i = 0;
        const timer = setInterval(() => {
            if (!socket.destroyed && i < drip.length) socket.write(drip[i++]!);
        }, 250);
        const end = () => {
            clearInterval(timer);
            clearTimeout(giveUp);
            socket.destroy();
            resolve({ ms: performance.now() - started, answer: answer.split('\r\n')[0] ?? '' });
        };
        const giveUp = setTimeout(end, GIVE_UP_MS);
        socket.on('data', (d) => (answer += d.toString()));
        socket.on('close', end);
        socket.on('error', () => undefined);
        socket.write(head);
    });
}

describe('a slow webhook client', () => {
    it.concurrent(
        'trickling its headers is cut off',
        async () => {
            const { ms, answer } = await trickle('POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\n', `X-Slow: ${'a'.repeat(200)}`);
            console.log(`webhook, headers trickled: connection closed after ${Math.round(ms)} ms (${answer || 'no answer'})`);
            expect(ms).toBeLessThan(WEBHOOK_HEADERS_TIMEOUT_MS + SLACK_MS);
        },
        30_000,
    );

    it.concurrent(
        'trickling its body is cut off',
        async () => {
            const head = `POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 1000\r\n\r\n`;
            const { ms, answer } = await trickle(head, `{"update_id":1,"x":"${'b'.repeat(900)}`);
            console.log(`webhook, body trickled: connection closed after ${Math.round(ms)} ms (${answer || 'no answer'})`);
            expect(ms).toBeLessThan(WEBHOOK_REQUEST_TIMEOUT_MS + SLACK_MS);
        },
        30_000,
    );

    it.concurrent(
        'does not cut an update that is slow to handle once its request is in',
        async () => {
            const slow = api.rule((method) => method === 'sendMessage', { delayMs: WEBHOOK_REQUEST_TIMEOUT_MS + 1_500 });
            try {
                const update = {
                    update_id: 77,
                    message: {
                        message_id: 1,
                        date: 0,
                        chat: { id: 77, type: 'private', first_name: 'T' },
                        from: { id: 77, is_bot: false, first_name: 'T' },
                        text: '/help',
                        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
                    },
                };
                const res = await fetch(`http://127.0.0.1:${port}/hook`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
                    body: JSON.stringify(update),
                    signal: AbortSignal.timeout(GIVE_UP_MS),
                });
                expect(res.status).toBe(200);
                expect(api.callsOf('sendMessage').filter((c) => c.ok)).toHaveLength(1);
            } finally {
                slow();
            }
        },
        30_000,
    );
});
