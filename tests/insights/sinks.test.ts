/**
 * The personal-data catalogue through every place a question is kept or
 * shown: the question log file, the Redis stream, the feedback memo (in
 * memory and in Redis, as stored), the md / html / json staff reports and
 * MCP's log (its logger and the entries its search tool logs). Nothing of
 * any case may survive in any of them; /forget removes a user's memo
 * entries.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSIGHTS_MESSAGES } from '../../src/bot/views/insights-i18n.ts';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { reportHtml, reportMarkdown } from '../../src/cli/report-format.ts';
import type { RedisClient } from '../../src/core/infra/redis.ts';
import { createMemoryFeedbackMemo, createRedisFeedbackMemo, feedbackOwner, type FeedbackMemo } from '../../src/core/insights/feedback.ts';
import { createFileQuestionLog, createRedisQuestionLog, type QuestionLog } from '../../src/core/insights/log.ts';
import type { QuestionEvent } from '../../src/core/insights/record.ts';
import { buildReport } from '../../src/core/insights/report.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { createMcpServer } from '../../src/mcp/server.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { startPollingBot, testConfig, TestUser } from '../helpers/bot-harness.ts';
import { redisForSuite, redisSkipReason } from '../helpers/redis-server.ts';
import { newClient } from '../helpers/mcp.ts';
import { memoryLogger } from '../helpers/memory-logger.ts';
import { PERSONAL_DATA, survivors } from '../helpers/personal-data.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

let service: KnowledgeService;
let dir: string;
beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
    dir = tempDir('kejin-sinks-');
});
afterAll(async () => {
    await service.close();
    removeDir(dir);
});

const event = (question: string, i: number): QuestionEvent => ({
    front: i % 2 ? 'bot' : 'mcp',
    question,
    lang: /\p{Script=Han}/u.test(question) ? 'zh' : 'en',
    ids: ['gaoqidai'],
    confident: false,
    knowledgeVersion: service.snapshot().version,
});

/** The cases any of whose secrets can still be read in `text`, as "kind: secret". */
/**
 * A memo token: 9 random bytes in base64url, 12 characters of both cases (an ID card number has no lower-case
 * letter, so it is never taken for one).
 */
const RANDOM_TOKEN = /(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]{0,11}[a-z])(?=[A-Za-z0-9_-]{0,11}[A-Z])[A-Za-z0-9_-]{12}(?![A-Za-z0-9_-])/g;

function leaks(sink: string, text: string): string[] {
    return PERSONAL_DATA.flatMap((c) => survivors(text, c).map((s) => `${sink} · ${c.kind}: ${s}`));
}

async function fill(log: QuestionLog): Promise<void> {
    for (const [i, c] of PERSONAL_DATA.entries()) await log.record(event(c.text, i));
}

function reports(log: QuestionLog) {
    return async () => {
        const records = await log.read();
        const report = buildReport({ records, lastShown: {}, service }, { since: new Date(0) });
        return {
            md: ['zh', 'en'].map((l) => reportMarkdown(report, l as 'zh')).join('\n'),
            html: ['zh', 'en'].map((l) => reportHtml(report, l as 'zh')).join('\n'),
            json: JSON.stringify(report),
        };
    };
}

describe('the file log and the reports built from it', () => {
    it('keep no personal data', async () => {
        const file = path.join(dir, 'questions.jsonl');
        const log = createFileQuestionLog(file);
        await fill(log);
        const { md, html, json } = await reports(log)();
        await log.close();
        const found = [...leaks('file', readFileSync(file, 'utf8')), ...leaks('md', md), ...leaks('html', html), ...leaks('json', json)];
        expect(found).toEqual([]);
        // The log and the report still show the questions, scrubbed.
        expect(readFileSync(file, 'utf8')).toContain('我的手机[手机号]，请回电');
        expect(json).toContain('[手机号]');
    });
});

describe('the feedback memo in memory', () => {
    it("keeps the question scrubbed, and forgets an owner's entries", async () => {
        const memo = createMemoryFeedbackMemo();
        const tokens = await Promise.all(PERSONAL_DATA.map((c, i) => memo.put(event(c.text, i), feedbackOwner(1000 + (i % 2)))));
        const taken = await Promise.all(tokens.map((t, i) => (i % 2 ? undefined : memo.take(t))));
        expect(leaks('memo', JSON.stringify(taken))).toEqual([]);
        expect(taken.filter(Boolean)).toHaveLength(Math.ceil(PERSONAL_DATA.length / 2));
        await memo.forget(feedbackOwner(1001));
        expect((await Promise.all(tokens.map((t) => memo.take(t)))).filter(Boolean)).toEqual([]);
    });
});

describe.skipIf(redisSkipReason())('with Redis', () => {
    const suite = redisForSuite();
    let redis: RedisClient;
    beforeAll(() => {
        redis = suite.client();
    });

    /** Every key and value under the prefix, as text. */
    async function everything(prefix: string): Promise<string> {
        const out: string[] = [];
        for (const key of await redis.keys(`${prefix}*`)) {
            const type = await redis.type(key);
            const value =
                type === 'string'
                    ? await redis.get(key)
                    : type === 'stream'
                      ? JSON.stringify(await redis.xrange(key, '-', '+'))
                      : type === 'set'
                        ? JSON.stringify(await redis.smembers(key))
                        : JSON.stringify(await redis.hgetall(key));
            out.push(`${key} ${value}`);
        }
        // Random tokens (memo keys and their index) are ids, not text: "…Liu…" inside one is chance, not a leak.
        return out.join('\n').replace(RANDOM_TOKEN, '<token>');
    }

    it('the stream, the memo as stored and the reports keep no personal data', async () => {
        const log = createRedisQuestionLog({ redis, prefix: 'sinks:' });
        await fill(log);
        const memo: FeedbackMemo = createRedisFeedbackMemo(redis, 'sinks:');
        for (const [i, c] of PERSONAL_DATA.entries()) await memo.put(event(c.text, i), feedbackOwner(2000 + (i % 2)));
        const stored = await everything('sinks:');
        const { md, html, json } = await reports(log)();
        expect([...leaks('redis', stored), ...leaks('md', md), ...leaks('html', html), ...leaks('json', json)]).toEqual([]);
        expect(stored).toContain('[身份证号]');
        // /forget: the owner's entries and its index go.
        const before = (await redis.keys('sinks:feedback:*')).length;
        await memo.forget(feedbackOwner(2001));
        await memo.forget(feedbackOwner(2000));
        expect(before).toBeGreaterThanOrEqual(PERSONAL_DATA.length);
        expect(await redis.keys('sinks:feedback*')).toEqual([]);
    });
});

describe("MCP's log", () => {
    it('neither its logger nor the entries its search tool logs keep personal data', async () => {
        const file = path.join(dir, 'mcp-questions.jsonl');
        const log = createFileQuestionLog(file);
        const logged = memoryLogger();
        const mcp = createMcpServer({ service, logger: logged.logger, questionLog: log });
        const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
        await mcp.server.connect(serverSide);
        const client = newClient();
        await client.connect(clientSide);
        for (const c of PERSONAL_DATA) {
            await client.callTool({ name: 'search_financing_knowledge', arguments: { query: c.text } });
            await client.callTool({ name: 'get_financing_product', arguments: { id: c.text.slice(0, 100) } });
        }
        await client.close();
        await mcp.close();
        const records = await log.read();
        await log.close();
        // Which searches are unconfident (and so logged) is the answer engine's call (fronts.test.ts
        // checks that the tool logs them); whatever is logged must hold nothing of the catalogue.
        expect(records.every((r) => r.front === 'mcp')).toBe(true);
        expect([
            ...leaks('mcp log', JSON.stringify(logged.records)),
            ...leaks('mcp question log', existsSync(file) ? readFileSync(file, 'utf8') : ''),
        ]).toEqual([]);
    });
});

describe('the bot', () => {
    it('keeps only scrubbed text in the memo, and /forget removes it: a later 👎 logs nothing', async () => {
        const api = await new FakeBotApi().start();
        const file = path.join(dir, 'bot-questions.jsonl');
        const log = createFileQuestionLog(file);
        const memo = createMemoryFeedbackMemo();
        const config = testConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: dir });
        const bot = await startPollingBot(api, { config, logger: silentLogger, service, questionLog: log, feedback: memo });
        try {
            const user = new TestUser(api, { id: 888_001, languageCode: 'zh-hans' });
            const asked = await user.say('我叫张伟，手机13812345678，高企贷的合作银行有哪些');
            const vote = asked
                .flatMap((c) => ((c.payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] })?.inline_keyboard ?? []).flat())
                .find((b) => b.callback_data?.startsWith('fb:n:'));
            expect(vote).toBeDefined();
            await user.say('/forget');
            await user.press(MESSAGES.zh.forgetYes);
            const calls = await user.pressData(vote!.callback_data!);
            expect(TestUser.notices(calls)).toEqual([INSIGHTS_MESSAGES.zh.feedbackThanks]);
            expect((await log.read()).map((r) => r.question)).not.toContain(expect.stringContaining('高企贷的合作银行'));
        } finally {
            await bot.stop();
            await api.close();
            await log.close();
        }
    });
});
