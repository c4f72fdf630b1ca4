/**
 * Issue 9, item 10: with a DATA_DIR the bot may not write, users are still
 * answered (no apology), the log says once and plainly that DATA_DIR is not
 * writable, and no log line holds a user id or a session file path.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi, TEST_BOT } from '../helpers/fake-bot-api.ts';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { ensureStopped, ordinaryUser, spawnBot, type SpawnedBot } from '../helpers/spawned-bot.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

const USERS = [810_000_001, 810_000_002, 810_000_003];
let api: FakeBotApi;
let root: string;
let bot: SpawnedBot | undefined;

beforeAll(async () => {
    api = await new FakeBotApi().start();
    root = tempDir('kejin-readonly-');
});

afterAll(async () => {
    await ensureStopped(bot);
    await api.close();
    if (existsSync(path.join(root, 'data'))) chmodSync(path.join(root, 'data'), 0o755);
    removeDir(root);
});

describe('a DATA_DIR that is not writable', () => {
    it('is reported once; users are answered; no user id or session path is logged', async () => {
        const user = ordinaryUser();
        if (!user) {
            console.warn('skipped: running as root and the checkout is not readable by others, so no ordinary user can run the bot');
            return;
        }
        const dataDir = path.join(root, 'data');
        mkdirSync(dataDir);
        chmodSync(root, 0o755);
        chmodSync(dataDir, 0o555);
        bot = spawnBot({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: dataDir, LOG_LEVEL: 'debug' }, root, user.as);
        await bot.waitFor((l) => l.msg === 'bot started', 20_000, 'the bot to start');
        for (const [i, id] of USERS.entries()) {
            const chat = { id, type: 'private', first_name: 'R' };
            api.push({
                callback_query: {
                    id: `ro${i}`,
                    from: { id, is_bot: false, first_name: 'R' },
                    chat_instance: 'r',
                    data: 'l:en',
                    message: { message_id: 1, date: 0, chat, from: TEST_BOT, text: 'menu' },
                },
            } as never);
        }
        await api.until(() => api.callsOf('answerCallbackQuery').length === USERS.length, 15_000, 'every press to be answered');
        // The session is written after the answer: wait until every update is done.
        await bot.waitFor(() => bot!.logs.filter((l) => l.msg === 'update handled').length === USERS.length, 15_000, 'every update to be done');
        const texts = [...api.callsOf('editMessageText'), ...api.callsOf('sendMessage')].map((c) => String(c.payload.text));
        expect(texts).toHaveLength(USERS.length);
        for (const lang of ['zh', 'en'] as const) expect(texts.join('\n')).not.toContain(MESSAGES[lang].sorry);
        const stderr = bot.stderr.join('\n');
        expect(bot.logs.filter((l) => String(l.msg).includes('DATA_DIR is not writable'))).toHaveLength(1);
        expect(bot.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
        for (const id of USERS) expect(stderr).not.toContain(String(id));
        expect(stderr).not.toMatch(/\.json/);
    }, 40_000);
});
