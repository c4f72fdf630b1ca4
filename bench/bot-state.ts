/**
 * `npm run bench:bot` (node --import tsx bench/bot-state.ts): what sharing
 * the bot's state on Redis costs one instance, against the embedded file
 * store, in the same run: the real bot (createBot, every middleware) handles
 * updates whose Bot API calls are answered at once in process, so that
 * the figures are the bot's own work plus its state, not the network.
 *
 * - latency: one user at a time, p50 and p99 per update;
 * - throughput: 50 users at once (as concurrent webhook requests), updates/s.
 *
 * Redis is a real redis-server on a Unix socket (started here); a Redis on
 * another machine adds its round trips (about four per update: claim, lock,
 * session read and write, rate limit, done mark, release).
 * Options: --users 50 --rounds 6.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import { createBot, type CreateBotOptions } from '../src/bot/runtime/create-bot.ts';
import { sessionKey } from '../src/bot/storage/session.ts';
import { createSharedBotState } from '../src/bot/storage/shared.ts';
import { TERMINAL_BOT, textMessage } from '../src/bot/runtime/terminal.ts';
import { parseConfig } from '../src/config.ts';
import { createRedis } from '../src/core/infra/redis.ts';
import { createKnowledgeService } from '../src/core/service.ts';
import { silentLogger } from '../src/logger.ts';
import { startRedisServer } from '../tests/helpers/redis-server.ts';

const { values } = parseArgs({ options: { users: { type: 'string', default: '50' }, rounds: { type: 'string', default: '6' } } });
const USERS = Number(values.users);
const ROUNDS = Number(values.rounds);
const TEXTS = ['/start', '/match', '/profile', '高企贷申请条件是什么'];

/** Every Bot API call succeeds at once. */
const instantApi: Transformer = async (_prev, method, payload) => {
    const p = payload as { chat_id?: number; text?: string };
    const result =
        method === 'sendMessage' || method === 'editMessageText'
            ? { message_id: 1, date: 0, chat: { id: p.chat_id ?? 0, type: 'private', first_name: 'B' }, text: p.text ?? '' }
            : true;
    return { ok: true, result } as never;
};

let nextId = 1;
function update(userId: number, text: string): Update {
    const from = { id: userId, is_bot: false, first_name: 'Bench' } as const;
    return { update_id: nextId++, message: textMessage(nextId, { id: userId, type: 'private', first_name: 'Bench' }, from, text) } as Update;
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

type Handle = (u: Update) => Promise<void>;

async function makeBot(options: CreateBotOptions, dataDir: string): Promise<{ handle: Handle; close(): Promise<void> }> {
    const config = parseConfig({ LOG_LEVEL: 'silent', BOT_RATE_LIMIT_PER_MINUTE: '100000', DATA_DIR: dataDir, QUESTION_LOG: 'off' });
    const service = await createKnowledgeService({ dir: config.KNOWLEDGE_DIR });
    const bot = createBot({ config, logger: silentLogger, service }, { token: '1:bench', botInfo: TERMINAL_BOT, ...options });
    bot.api.config.use(instantApi);
    await bot.init();
    for (const t of TEXTS) await bot.handleUpdate(update(1, t)); // warm-up
    return { handle: (u) => bot.handleUpdate(u), close: () => service.close() };
}

/** Updates per second from USERS users at once, ROUNDS updates of each kind each. */
async function throughput(handle: Handle, base: number): Promise<number> {
    const started = performance.now();
    let handled = 0;
    await Promise.all(
        Array.from({ length: USERS }, async (_, u) => {
            for (let r = 0; r < ROUNDS; r++) {
                for (const t of TEXTS) {
                    await handle(update(base + u, t));
                    handled++;
                }
            }
        }),
    );
    return handled / ((performance.now() - started) / 1000);
}

const median = (xs: number[]) => pct(xs, 0.5);

async function main(): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'kejin-bench-bot-'));
    const server = await startRedisServer();
    const redis = createRedis({ url: server.url, prefix: 'bench:' });
    const file = await makeBot({}, dir);
    const shared = await makeBot({ shared: createSharedBotState({ redis, prefix: 'bench:', sessionTtlDays: 180 }, sessionKey) }, dir);
    try {
        // Interleaved, so that load from elsewhere on the machine falls on both alike.
        const lat = { file: [] as number[], redis: [] as number[] };
        for (let r = 0; r < ROUNDS * 10; r++) {
            for (const t of TEXTS) {
                for (const [name, bot] of [
                    ['file', file],
                    ['redis', shared],
                ] as const) {
                    const started = performance.now();
                    await bot.handle(update(10 + r, t));
                    lat[name].push(performance.now() - started);
                }
            }
        }
        const rate = { file: [] as number[], redis: [] as number[] };
        for (let r = 0; r < 3; r++) {
            rate.file.push(await throughput(file.handle, 1000 + r * 1000));
            rate.redis.push(await throughput(shared.handle, 1000 + r * 1000));
        }
        console.log(
            `bot state: ${TEXTS.length} kinds of update; latency one user at a time (${lat.file.length} each, interleaved); throughput ${USERS} users at once, median of 3 (in-process Bot API)`,
        );
        console.log(`${'store'.padEnd(12)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'updates/s'.padStart(12)}`);
        for (const name of ['file', 'redis'] as const)
            console.log(
                `${name.padEnd(12)}${median(lat[name]).toFixed(2).padStart(9)}${pct(lat[name], 0.99).toFixed(2).padStart(9)}${median(rate[name]).toFixed(0).padStart(12)}`,
            );
        console.log(`added latency per update with Redis: ${(median(lat.redis) - median(lat.file)).toFixed(2)} ms (p50)`);
    } finally {
        await file.close();
        await shared.close();
        await redis.quit();
        await server.close();
        rmSync(dir, { recursive: true, force: true });
    }
}

await main();
