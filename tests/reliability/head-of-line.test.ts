/**
 * Issue 9, item 4: in long polling, one chat whose calls fail or hang must
 * not hold up anybody else, and its own update must end within a bound.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAILURES, type FakeBotApi, type RuleEffect } from '../helpers/fake-bot-api.ts';
import { reportingLogger, TestUser } from '../helpers/bot-harness.ts';
import { startPollingBot, type PollingBot } from '../helpers/polling-bot.ts';

/** The per-update bound used here; the default is longer (see UPDATE_BUDGET_MS in src/bot/runtime/create-bot.ts). */
const BUDGET_MS = 2_000;

let api: FakeBotApi;
let bot: PollingBot;

beforeEach(async () => {
    bot = await startPollingBot(reportingLogger, { updateBudgetMs: BUDGET_MS });
    api = bot.api;
});

afterEach(() => bot.stop());

const CASES: [string, RuleEffect][] = [
    ['answers 500', { failure: FAILURES.internal() }],
    ['answers 429 with retry_after 30', { failure: FAILURES.tooManyRequests(30) }],
    ['answers after 20 s', { delayMs: 20_000 }],
];

describe('one chat in trouble, another user', () => {
    it.each(CASES)(
        'is answered within a second while the other chat %s',
        async (_name, effect) => {
            const stuck = new TestUser(api, { id: 501 });
            const other = new TestUser(api, { id: 502 });
            let hits = 0;
            api.rule((_method, payload) => Number(payload.chat_id) === stuck.chat.id && ++hits > 0, effect);
            const stuckDone = stuck.say('/start');
            await api.until(() => hits > 0, 10_000, 'the bot to call the Bot API for the stuck chat');

            const started = performance.now();
            const calls = await other.say('/start');
            const latency = performance.now() - started;
            console.log(`head-of-line (${_name}): the unrelated user was answered in ${Math.round(latency)} ms`);
            expect(TestUser.texts(calls)[0]).toContain('科金助手');
            expect(latency).toBeLessThan(1_000);

            // The stuck update itself ends within its bound instead of retrying for minutes.
            const stuckStarted = performance.now();
            await stuckDone;
            expect(performance.now() - stuckStarted).toBeLessThan(BUDGET_MS + 3_000);
        },
        30_000,
    );
});
