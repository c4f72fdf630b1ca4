/**
 * Issue 9, item 11: updates without a user (channel posts) have no session
 * and nothing to answer; they must end quietly, not as "update failed".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPolling } from '../../src/bot/run.ts';
import { FakeBotApi } from '../bot/helpers/fake-bot-api.ts';
import { botDeps, removeDir, tempDir, TestUser } from '../bot/helpers/harness.ts';
import { memoryLogger, type MemoryLogger } from './helpers/memory-logger.ts';

let api: FakeBotApi;
let dataDir: string;
let controller: AbortController;
let running: Promise<void>;
let log: MemoryLogger;

beforeEach(async () => {
    api = await new FakeBotApi().start();
    dataDir = tempDir();
    controller = new AbortController();
    log = memoryLogger((r) => r.msg === 'update handled' && api.markHandled(Number(r.update_id)));
    running = runPolling({ ...(await botDeps(api, dataDir)), logger: log.logger }, controller.signal);
    await api.until(() => api.callsOf('getUpdates').length > 0, 15_000, 'the bot to poll');
});

afterEach(async () => {
    controller.abort();
    await running;
    await api.close();
    removeDir(dataDir);
});

describe('an update without a user', () => {
    it('is ignored without an error or a reply, and the bot goes on answering users', async () => {
        const channel = { id: -100123, type: 'channel', title: 'News' };
        const post = api.push({ channel_post: { message_id: 5, date: 0, chat: channel, sender_chat: channel, text: '高企贷' } } as never);
        await api.handled(post);
        expect(log.loud()).toEqual([]);
        expect(api.calls.filter((c) => c.method !== 'getUpdates' && c.method !== 'getMe' && c.method !== 'deleteWebhook' && c.method !== 'setMyCommands')).toEqual([]);
        const calls = await new TestUser(api, { id: 77 }).say('/start');
        expect(TestUser.texts(calls)).toHaveLength(1);
    });
});
