/**
 * The fronts log what they did not answer well: the bot (over the fake Bot
 * API, with the 👍 / 👎 buttons), the MCP search tool and the web page, on the
 * shipped knowledge, into the file log. Never a user id, chat id or name.
 */
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryFeedbackMemo } from '../../src/core/insights/feedback.ts';
import { createFileQuestionLog, type QuestionLog } from '../../src/core/insights/log.ts';
import { buildReport } from '../../src/core/insights/report.ts';
import { chatText } from '../../src/web/chat.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { createMcpServer } from '../../src/mcp/server.ts';
import { INSIGHTS_MESSAGES } from '../../src/bot/views/insights-i18n.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { startPollingBot, testConfig, TestUser, type RunningBot } from '../helpers/bot-harness.ts';
import { newClient } from '../helpers/mcp.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

let service: KnowledgeService;
let dir: string;
let file: string;
let log: QuestionLog;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
});
afterAll(() => service.close());
beforeEach(() => {
    dir = tempDir('kejin-fronts-');
    file = path.join(dir, 'questions.jsonl');
    log = createFileQuestionLog(file);
});
afterEach(async () => {
    await log.close();
    removeDir(dir);
});

describe('the MCP search tool', () => {
    it('logs an unconfident search, not a confident one', async () => {
        const mcp = createMcpServer({ service, logger: silentLogger, questionLog: log });
        const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
        await mcp.connect(serverSide);
        const client = newClient();
        await client.connect(clientSide);
        await client.callTool({ name: 'search_financing_knowledge', arguments: { query: '高企贷的合作银行' } });
        await client.callTool({ name: 'search_financing_knowledge', arguments: { query: '比特币挖矿怎么办 联系我 13912345678', lang: 'zh' } });
        // The log queues its writes in call order, so a read sees every entry recorded before it.
        const records = await log.read();
        expect(records).toHaveLength(1);
        expect(records[0]).toMatchObject({
            front: 'mcp',
            lang: 'zh',
            question: '比特币挖矿怎么办 联系我 [手机号]',
            reason: 'not-confident',
            answered: { confident: false },
            knowledgeVersion: service.snapshot().version,
        });
        await client.close();
        await mcp.close();
    });
});

describe('the bot', () => {
    let api: FakeBotApi;
    let bot: RunningBot;
    const m = INSIGHTS_MESSAGES.zh;

    beforeEach(async () => {
        api = await new FakeBotApi().start();
        const config = testConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: dir });
        bot = await startPollingBot(api, { config, logger: silentLogger, service, questionLog: log, feedback: createMemoryFeedbackMemo() });
    });
    afterEach(async () => {
        await bot.stop();
        await api.close();
    });

    it('logs an unconfident question, and a confident one only when marked 👎, without who asked', async () => {
        const user = new TestUser(api, { id: 777_001, languageCode: 'zh-hans', firstName: 'Zhangsan' });
        await user.say('比特币挖矿怎么办');
        expect(user.buttons()).toEqual(expect.arrayContaining([m.helpful, m.unhelpful]));
        await user.say('高企贷的合作银行');
        expect(user.buttons()).toEqual(expect.arrayContaining([m.helpful, m.unhelpful]));
        expect((await log.read()).map((r) => r.question)).toEqual(['比特币挖矿怎么办']);

        const calls = await user.press(m.unhelpful);
        expect(TestUser.notices(calls)).toEqual([m.feedbackNoted]);
        // The vote removes the buttons: one vote per answer.
        expect(api.callsOf('editMessageReplyMarkup').length).toBe(1);
        const records = await log.read();
        expect(records.map((r) => [r.question, r.reason, r.answered.confident])).toEqual([
            ['比特币挖矿怎么办', 'not-confident', false],
            ['高企贷的合作银行', 'unhelpful', true],
        ]);
        expect(records[1]!.answered.ids[0]).toBe('gaoqidai');
        // The confident answer counts its cards as shown, for "cards never shown".
        expect(Object.keys(await log.lastShown())).toContain('gaoqidai');
        const raw = readFileSync(file, 'utf8');
        expect(raw).not.toMatch(/777001|Zhangsan|chat|user/i);
    });

    it('a 👍, or a press on a forgotten answer, only thanks', async () => {
        const user = new TestUser(api, { id: 777_002, languageCode: 'zh-hans' });
        await user.say('高企贷的合作银行');
        expect(TestUser.notices(await user.press(m.helpful))).toEqual([m.feedbackThanks]);
        expect(TestUser.notices(await user.pressData('fb:n:AAAAAAAAAAAA'))).toEqual([m.feedbackThanks]);
        expect(await log.read()).toEqual([]);
    });
});

describe('the web page', () => {
    it('logs an unconfident question with its own front, and the staff report counts it apart', async () => {
        await chatText({ service, logger: silentLogger, questionLog: log }, {}, '比特币挖矿怎么办', 'zh');
        const records = await log.read();
        expect(records.map((r) => [r.front, r.question, r.reason])).toEqual([['web', '比特币挖矿怎么办', 'not-confident']]);
        const report = buildReport({ records, lastShown: {}, service }, { since: new Date(0) });
        expect(report.groups.map((g) => g.fronts)).toEqual([{ bot: 0, mcp: 0, web: 1 }]);
    });
});
