/**
 * Issue 9, item 1: `kill -9` during traffic must never cost a saved profile.
 * Rounds of: start the real bot (webhook mode, on loopback), let many users
 * press buttons concurrently (every press rewrites their session record),
 * kill -9 at a random moment, then check that every record parses and still
 * holds its profile.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBotApi, TEST_BOT } from '../helpers/fake-bot-api.ts';
import { ensureStopped, spawnBot, type SpawnedBot } from '../helpers/spawned-bot.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

const USERS = 40;
const ROUNDS = 5;
const SECRET = 'kill-test-secret';
const PROFILE = { stage: 'growth', qualifications: ['high-tech', 'srdi'], size: 'small', needs: ['working-capital'], amountWan: 500 };

let api: FakeBotApi;
let dataDir: string;
let bot: SpawnedBot | undefined;

beforeAll(async () => {
    api = await new FakeBotApi().start();
    dataDir = tempDir('kejin-kill-');
});

afterAll(async () => {
    await ensureStopped(bot);
    await api.close();
    removeDir(dataDir);
});

const userIds = Array.from({ length: USERS }, (_, i) => 700_000_100 + i);
const recordOf = (id: number) => path.join(dataDir, 'sessions', String(id).slice(-2), `${id}.json`);

function seed(): void {
    for (const id of userIds) {
        mkdirSync(path.dirname(recordOf(id)), { recursive: true });
        writeFileSync(recordOf(id), JSON.stringify({ lang: 'zh', profile: PROFILE }));
    }
}

let updateId = 1;
function press(id: number, data: string) {
    const chat = { id, type: 'private', first_name: 'K' };
    return {
        update_id: updateId++,
        callback_query: {
            id: `cb${updateId}`,
            from: { id, is_bot: false, first_name: 'K' },
            chat_instance: 'k',
            data,
            message: { message_id: 1, date: 0, chat, from: TEST_BOT, text: 'menu' },
        },
    };
}

/** One user pressing the language buttons in turn until the bot goes away. */
async function traffic(port: number, id: number, until: { stopped: boolean }): Promise<number> {
    let sent = 0;
    while (!until.stopped) {
        try {
            await fetch(`http://127.0.0.1:${port}/hook`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
                body: JSON.stringify(press(id, sent % 2 === 0 ? 'l:en' : 'l:zh')),
                signal: AbortSignal.timeout(5_000),
            });
            sent++;
        } catch {
            return sent; // killed
        }
    }
    return sent;
}

describe('kill -9 during concurrent traffic', () => {
    it(`leaves every session record whole, over ${ROUNDS} rounds of ${USERS} users`, async () => {
        seed();
        const lost: string[] = [];
        let checked = 0;
        let presses = 0;
        for (let round = 1; round <= ROUNDS; round++) {
            bot = spawnBot(
                {
                    TELEGRAM_BOT_TOKEN: api.token,
                    TELEGRAM_API_ROOT: api.url,
                    DATA_DIR: dataDir,
                    WEBHOOK_URL: 'https://bot.example.invalid/hook',
                    WEBHOOK_SECRET: SECRET,
                    WEBHOOK_PORT: '0',
                    BOT_RATE_LIMIT_PER_MINUTE: '100000',
                },
                dataDir,
            );
            const started = await bot.waitFor((l) => l.msg === 'bot started', 20_000, 'the bot to start');
            const port = Number(started.port);
            const until = { stopped: false };
            const loops = userIds.map((id) => traffic(port, id, until));
            // Let writes pile up, then kill at a moment nobody chose.
            const before = api.callsOf('editMessageText').length;
            await api.until(() => api.callsOf('editMessageText').length >= before + USERS, 15_000, 'traffic');
            await new Promise((r) => setTimeout(r, 50 + Math.random() * 250));
            bot.child.kill('SIGKILL');
            await bot.exited;
            until.stopped = true;
            presses += (await Promise.all(loops)).reduce((a, b) => a + b, 0);
            for (const id of userIds) {
                checked++;
                let record: { profile?: unknown } | undefined;
                try {
                    record = JSON.parse(readFileSync(recordOf(id), 'utf8')) as { profile?: unknown };
                } catch (err) {
                    lost.push(`round ${round}, user ${id}: ${(err as Error).message}`);
                    continue;
                }
                if (JSON.stringify(record.profile) !== JSON.stringify(PROFILE))
                    lost.push(`round ${round}, user ${id}: profile ${JSON.stringify(record.profile)}`);
            }
        }
        const leftovers = readdirSync(path.join(dataDir, 'sessions'), { recursive: true }).filter((f) => String(f).endsWith('.tmp')).length;
        console.log(
            `kill -9: ${ROUNDS} rounds, ${presses} presses, ${checked} records checked, ${lost.length} lost, ${leftovers} temporary files left for the sweep`,
        );
        expect(lost).toEqual([]);
    }, 120_000);
});
