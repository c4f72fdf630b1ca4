/**
 * Operational Redis trouble is an operator's message, not a bug report:
 * `kejin report` and `kejin alerts` with Redis down or a wrong password say
 * so in one line without a stack; a bot whose Redis goes away logs the
 * episode once, not one error per update; and a process warning (Node's
 * MaxListenersExceededWarning) reaches the logs as JSON.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPolling } from '../../src/bot/runtime/run.ts';
import { sessionKey } from '../../src/bot/storage/session.ts';
import { createSharedBotState } from '../../src/bot/storage/shared.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { createRedis, type RedisClient } from '../../src/core/infra/redis.ts';
import { redisTrouble } from '../../src/core/infra/redis-errors.ts';
import { createLogger, logProcessWarnings } from '../../src/logger.ts';
import { FakeBotApi, TEST_BOT } from '../helpers/fake-bot-api.ts';
import { botDeps, TestUser } from '../helpers/bot-harness.ts';
import { redisSkipReason, REDIS_BINARY, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { memoryLogger } from '../helpers/memory-logger.ts';
import { startLoggedPollingBot } from '../helpers/polling-bot.ts';
import { Writable } from 'node:stream';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { KEJIN_BIN } from '../helpers/paths.ts';

const run = promisify(execFile);

async function kejin(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
        const { stdout, stderr } = await run(process.execPath, [KEJIN_BIN, ...args], {
            cwd: PROJECT_ROOT,
            env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: tempDir(), LOG_LEVEL: 'silent', ...env },
        });
        return { code: 0, stdout, stderr };
    } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
}

/** A TCP port nothing listens on. */
async function freePort(): Promise<number> {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    await new Promise((r) => server.close(r));
    return port;
}

describe.skipIf(redisSkipReason())('the CLI with Redis in trouble', () => {
    let child: ChildProcess;
    let port: number;
    beforeAll(async () => {
        port = await freePort();
        child = spawn(
            REDIS_BINARY,
            ['--port', String(port), '--bind', '127.0.0.1', '--requirepass', 'right-password', '--save', '', '--appendonly', 'no'],
            { stdio: 'ignore' },
        );
        const probe = createRedis({ url: `redis://:right-password@127.0.0.1:${port}` });
        await probe.ping().catch(async () => {
            await new Promise((r) => setTimeout(r, 500));
            await probe.ping();
        });
        probe.disconnect();
    });
    afterAll(() => {
        child.kill('SIGKILL');
    });

    it.each([
        ['report', ['report']],
        ['alerts', ['alerts', '--dry-run']],
    ])(
        'kejin %s: Redis unreachable or a wrong password is one line, exit 1, no stack',
        async (_name, args) => {
            const down = await kejin({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }, ...args);
            const wrong = await kejin({ REDIS_URL: `redis://:wrong-password@127.0.0.1:${port}` }, ...args);
            for (const result of [down, wrong]) {
                expect(result.code).toBe(1);
                expect(result.stderr).not.toMatch(/^\s+at /m);
                expect(result.stderr).toMatch(/^kejin: Redis /m);
                expect(result.stderr).not.toContain('wrong-password');
            }
            expect(wrong.stderr).toMatch(/password/i);
        },
        40_000,
    );
});

describe.skipIf(redisSkipReason())('a bot whose Redis goes away', () => {
    let server: RedisServer;
    let redis: RedisClient;
    let api: FakeBotApi;
    let dataDir: string;
    const controller = new AbortController();
    let running: Promise<void>;
    let log: ReturnType<typeof memoryLogger>;

    beforeAll(async () => {
        api = await new FakeBotApi().start();
        log = memoryLogger((r) => r.msg === 'update handled' && api.markHandled(Number(r.update_id)));
        server = await startRedisServer();
        redis = createRedis({ url: server.url, prefix: 'outage:', logger: log.logger });
        dataDir = tempDir();
        const shared = createSharedBotState({ redis, prefix: 'outage:', sessionTtlDays: 1, logger: log.logger }, sessionKey);
        running = runPolling({ ...(await botDeps(api, dataDir)), logger: log.logger }, controller.signal, { shared, botInfo: TEST_BOT });
        await api.until(() => api.callsOf('getUpdates').length > 0, 15_000, 'the bot to poll');
    });
    afterAll(async () => {
        controller.abort();
        await running;
        redis.disconnect();
        await api.close();
        await server.close();
        removeDir(dataDir);
    });

    it('logs the outage once, however many updates meet it', async () => {
        await new TestUser(api, { id: 501 }).say('/start');
        await server.stop(true);
        const before = log.loud().length;
        const users = Array.from({ length: 20 }, (_, i) => new TestUser(api, { id: 600 + i }));
        await Promise.all(users.map((u) => u.say('/start').catch(() => undefined)));
        await api.until(() => api.callsOf('sendMessage').length >= 21, 20_000, 'every update to be apologised for');
        const loud = log.loud().slice(before);
        // Each part that meets the outage (the client, the update dedupe, the updates) says so once.
        const messages = loud.map((r) => String(r.msg));
        expect(messages.filter((m) => m === 'update failed')).toEqual([]);
        expect(messages.filter((m, i) => messages.indexOf(m) !== i)).toEqual([]);
        expect(messages.filter((m) => m.startsWith('Redis cannot be reached'))).toHaveLength(1);
    }, 40_000);
});

describe('redisTrouble', () => {
    const reply = (message: string) => Object.assign(new Error(message), { name: 'ReplyError' });
    it.each([
        [reply("OOM command not allowed when used memory > 'maxmemory'."), /^is out of memory/],
        [reply('WRONGPASS invalid username-password pair or user is disabled.'), /^refused the password/],
        [reply('NOAUTH Authentication required.'), /^refused the password/],
        [reply("READONLY You can't write against a read only replica."), /^is a read-only replica/],
        [
            Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }),
            /^cannot be reached/,
        ],
        [new Error('wrapped', { cause: reply('LOADING Redis is loading the dataset in memory') }), /^is still loading/],
    ])('names %s', (err, expected) => {
        expect(redisTrouble(err)).toMatch(expected);
    });

    it('leaves other errors alone, so that bugs keep their stacks', () => {
        expect(redisTrouble(new TypeError('x is undefined'))).toBeUndefined();
        expect(redisTrouble(reply('ERR unknown command'))).toBeUndefined();
    });
});

describe('many updates in flight', () => {
    it('raise no MaxListenersExceededWarning on the shared shutdown signal', async () => {
        const warnings: string[] = [];
        const onWarning = (w: Error) => warnings.push(w.name);
        process.on('warning', onWarning);
        const { bot } = await startLoggedPollingBot();
        try {
            // Replies take a while, so that all the updates are in flight together.
            bot.api.rule((method) => method === 'sendMessage', { delayMs: 300 });
            await Promise.all(Array.from({ length: 30 }, (_, i) => new TestUser(bot.api, { id: 900 + i }).say('/help')));
        } finally {
            await bot.stop();
            process.off('warning', onWarning);
        }
        expect(warnings.filter((w) => w === 'MaxListenersExceededWarning')).toEqual([]);
    }, 30_000);
});

describe('process warnings', () => {
    it("reach the log as JSON lines, not as Node's text on stderr", () => {
        const lines: string[] = [];
        const sink = new Writable({
            write(chunk: Buffer, _enc, done) {
                lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
                done();
            },
        });
        const logger = createLogger('info', { destination: sink });
        const restore = logProcessWarnings(logger);
        try {
            process.emit('warning', Object.assign(new Error('Possible EventEmitter memory leak detected.'), { name: 'MaxListenersExceededWarning' }));
        } finally {
            restore();
        }
        expect(lines).toHaveLength(1);
        expect(JSON.parse(lines[0]!)).toMatchObject({
            level: 40,
            warning: 'MaxListenersExceededWarning',
            msg: 'Possible EventEmitter memory leak detected.',
        });
    });
});
