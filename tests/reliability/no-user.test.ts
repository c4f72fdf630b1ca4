/**
 * Issue 9, item 11: updates without a user (channel posts) have no session
 * and nothing to answer; they must end quietly, not as "update failed".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { TestUser } from '../helpers/bot-harness.ts';
import type { MemoryLogger } from '../helpers/memory-logger.ts';
import { startLoggedPollingBot, type PollingBot } from '../helpers/polling-bot.ts';

let api: FakeBotApi;
let bot: PollingBot;
let log: MemoryLogger;

beforeEach(async () => {
    ({ bot, log } = await startLoggedPollingBot());
    api = bot.api;
});

afterEach(() => bot.stop());

describe('an update without a user', () => {
    it('is ignored without an error or a reply, and the bot goes on answering users', async () => {
        const channel = { id: -100123, type: 'channel', title: 'News' };
        const post = api.push({ channel_post: { message_id: 5, date: 0, chat: channel, sender_chat: channel, text: '高企贷' } } as never);
        await api.handled(post);
        expect(log.loud()).toEqual([]);
        expect(
            api.calls.filter(
                (c) => c.method !== 'getUpdates' && c.method !== 'getMe' && c.method !== 'deleteWebhook' && c.method !== 'setMyCommands',
            ),
        ).toEqual([]);
        const calls = await new TestUser(api, { id: 77 }).say('/start');
        expect(TestUser.texts(calls)).toHaveLength(1);
    });
});
