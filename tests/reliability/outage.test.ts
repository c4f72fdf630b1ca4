/**
 * A Bot API outage is logged once when it starts and once when it ends,
 * however many polls fail in between, and polling resumes by itself.
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

describe('a Bot API outage', () => {
    it('is logged once when it starts and once when it ends', async () => {
        const failedBefore = api.callsOf('getUpdates').filter((c) => !c.ok).length;
        const end = api.rule((method) => method === 'getUpdates', {
            failure: { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } },
        });
        await api.until(() => api.callsOf('getUpdates').filter((c) => !c.ok).length >= failedBefore + 2, 15_000, 'two failed polls');
        end();
        const calls = await new TestUser(api, { id: 88 }).say('/start');
        expect(TestUser.texts(calls)).toHaveLength(1);
        const started = log.records.filter((r) => r.msg === 'the Bot API cannot be reached; retrying');
        const ended = log.records.filter((r) => r.msg === 'the Bot API can be reached again');
        expect(started).toHaveLength(1);
        expect(started[0]!.level).toBe(40);
        expect(ended).toHaveLength(1);
        expect(typeof ended[0]!.seconds).toBe('number');
    }, 30_000);
});
