import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RedisClient } from '../../src/core/infra/redis.ts';
import {
    createFileQuestionLog,
    createQuestionLog,
    createRedisQuestionLog,
    DISABLED_QUESTION_LOG,
    QUESTION_LOG_FILE,
} from '../../src/core/insights/log.ts';
import type { QuestionEvent } from '../../src/core/insights/record.ts';
import { redisForSuite, redisSkipReason } from '../helpers/redis-server.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DAY = 86_400_000;

const event = (question: string, at?: Date): QuestionEvent => ({
    front: 'bot',
    question,
    lang: 'zh',
    ids: ['gaoqidai'],
    confident: false,
    knowledgeVersion: 'v1',
    ...(at ? { at } : {}),
});

let dir: string;
beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kejin-qlog-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the file question log', () => {
    it('keeps entries across a restart, scrubbed, oldest first', async () => {
        const file = path.join(dir, 'q.jsonl');
        const first = createFileQuestionLog(file);
        await first.record(event('高企贷 13812345678'));
        await first.record(event('履约贷利率'));
        await first.close();
        const again = createFileQuestionLog(file);
        await again.record(event('第三个'));
        expect((await again.read()).map((r) => r.question)).toEqual(['高企贷 [手机号]', '履约贷利率', '第三个']);
        expect(readFileSync(file, 'utf8')).not.toContain('13812345678');
        await again.close();
    });

    it('drops the oldest entries past its bound, and entries past the retention', async () => {
        const file = path.join(dir, 'q.jsonl');
        let now = Date.parse('2026-06-01T00:00:00Z');
        const log = createFileQuestionLog(file, { maxEntries: 10, retentionDays: 30, now: () => now });
        for (let i = 0; i < 25; i++) await log.record(event(`q${i}`, new Date(now)));
        const kept = (await log.read()).map((r) => r.question);
        expect(kept.length).toBeLessThanOrEqual(10);
        expect(kept.at(-1)).toBe('q24');
        expect(kept).not.toContain('q0');
        expect(kept).toEqual([...kept].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
        now += 31 * DAY;
        await log.record(event('later', new Date(now)));
        expect((await log.read()).map((r) => r.question)).toEqual(['later']);
        expect(await log.read({ since: new Date(now + 1) })).toEqual([]);
        await log.close();
    });

    it('skips a torn last line and does not glue the next entry to it', async () => {
        const file = path.join(dir, 'q.jsonl');
        const log = createFileQuestionLog(file);
        await log.record(event('whole'));
        await log.close();
        appendFileSync(file, '{"at":"2026-01-01T00:00:00.000Z","front":"bot","qu');
        const reader = createFileQuestionLog(file);
        expect((await reader.read()).map((r) => r.question)).toEqual(['whole']);
        await reader.record(event('after the crash'));
        expect((await reader.read()).map((r) => r.question)).toEqual(['whole', 'after the crash']);
        await reader.close();
    });

    it('survives kill -9 of a writer in the middle of its writes', async () => {
        const file = path.join(dir, 'q.jsonl');
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, '../helpers/processes/endless-log-writer.ts'), file], {
            stdio: ['ignore', 'pipe', 'inherit'],
        });
        let written = -1;
        await new Promise<void>((resolve, reject) => {
            child.once('error', reject);
            child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
            child.stdout!.on('data', (d: Buffer) => {
                written = Math.max(written, ...d.toString().trim().split('\n').map(Number));
                if (written >= 300) resolve();
            });
        });
        child.removeAllListeners('exit');
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
        const records = await createFileQuestionLog(file).read();
        // Every entry reported written is there, in order; at most a torn one after them is lost.
        expect(records.length).toBeGreaterThanOrEqual(written + 1);
        expect(records.map((r) => r.question.split(' ')[1]).map(Number)).toEqual(records.map((_, i) => i));
        const lines = readFileSync(file, 'utf8')
            .split('\n')
            .filter((l) => l !== '');
        expect(lines.length - records.length).toBeLessThanOrEqual(1);
    });

    it('remembers when each card was last shown, across a restart', async () => {
        const file = path.join(dir, 'q.jsonl');
        const log = createFileQuestionLog(file);
        await log.shown(['gaoqidai', 'stcsm'], new Date('2026-11-01T00:00:00Z'));
        await log.shown(['gaoqidai'], new Date('2026-11-02T00:00:00Z'));
        await log.close();
        expect(await createFileQuestionLog(file).lastShown()).toEqual({ gaoqidai: '2026-11-02T00:00:00.000Z', stcsm: '2026-11-01T00:00:00.000Z' });
    });

    it('is off with QUESTION_LOG=off, and under DATA_DIR otherwise', async () => {
        expect(createQuestionLog({ enabled: false, dataDir: dir })).toBe(DISABLED_QUESTION_LOG);
        const log = createQuestionLog({ enabled: true, dataDir: dir });
        await log.record(event('x'));
        await log.close();
        expect(readFileSync(path.join(dir, QUESTION_LOG_FILE), 'utf8')).toContain('"question":"x"');
    });
});

describe.skipIf(redisSkipReason())('the Redis question log (real redis-server)', () => {
    const suite = redisForSuite();
    let a: RedisClient;
    let b: RedisClient;
    beforeAll(() => {
        a = suite.client();
        b = suite.client();
    });

    it('is one stream that several instances write and read', async () => {
        const one = createRedisQuestionLog({ redis: a, prefix: 'shared:' });
        const two = createRedisQuestionLog({ redis: b, prefix: 'shared:' });
        await one.record(event('来自一号 someone@example.com'));
        await two.record(event('来自二号'));
        expect((await one.read()).map((r) => r.question)).toEqual(['来自一号 [邮箱]', '来自二号']);
        expect(await a.xlen('shared:questions')).toBe(2);
        expect(await a.keys('*')).toEqual(['shared:questions']);
        await two.shown(['gaoqidai'], new Date('2026-11-02T00:00:00Z'));
        expect(await one.lastShown()).toEqual({ gaoqidai: '2026-11-02T00:00:00.000Z' });
    });

    it('is bounded with MAXLEN ~, drops entries past the retention and pages through a long read', async () => {
        let now = Date.now();
        const log = createRedisQuestionLog({ redis: a, prefix: 'bound:', maxEntries: 1000, retentionDays: 1, now: () => now });
        const batch = Array.from({ length: 2500 }, (_, i) => log.record(event(`q${i}`)));
        await Promise.all(batch);
        const length = await a.xlen('bound:questions');
        // Approximate trimming keeps at least the bound and not much more.
        expect(length).toBeGreaterThanOrEqual(1000);
        expect(length).toBeLessThan(2500);
        const read = await log.read();
        expect(read.length).toBe(length);
        expect(read.at(-1)!.question).toBe('q2499');
        now += 2 * 86_400_000;
        expect(await log.read()).toEqual([]);
    });
});
