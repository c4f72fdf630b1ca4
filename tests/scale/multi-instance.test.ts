/**
 * Three `kejin bot` processes in webhook mode behind a round-robin proxy,
 * sharing a real redis-server, fed by a Telegram-like webhook delivery (one
 * update per chat at a time, re-sent until acknowledged) for 50 users at
 * once, with copies of updates posted during and after their first run.
 * Then one instance is killed (SIGKILL) mid-run, and the others carry on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { createRedis, type RedisClient } from '../../src/core/infra/redis.ts';
import { FakeBotApi, type ApiCall } from '../helpers/fake-bot-api.ts';
import { TestUser } from '../helpers/bot-harness.ts';
import { WebhookDelivery } from '../helpers/webhook-delivery.ts';
import { ensureStopped } from '../helpers/spawned-bot.ts';
import { redisSkipReason, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { startBotInstance, startProxy, WEBHOOK_PATH, WEBHOOK_SECRET, type BotInstance, type Proxy } from '../helpers/cluster.ts';

const zh = MESSAGES.zh;
const en = MESSAGES.en;
const PREFIX = 'scale:';
const USERS = 50;
const STAGES = [
    ['初创期', 'startup'],
    ['成长期', 'growth'],
] as const;
const RESULT = /找到 <b>\d+<\/b> 个/;

/** A user whose updates go through the webhook delivery, and what they sent. */
class WebhookUser extends TestUser {
    readonly sent: Update[] = [];
    copy: 'during' | 'after' | undefined;
    constructor(api: FakeBotApi, delivery: WebhookDelivery, id: number) {
        super(api, { id, deliver: async (u) => void this.sent.push(await delivery.deliver(u, this.copy)) });
    }
}

describe.skipIf(redisSkipReason())('three bot instances on one Redis', () => {
    let redis: RedisServer;
    let client: RedisClient;
    let api: FakeBotApi;
    let proxy: Proxy;
    let delivery: WebhookDelivery;
    let dir: string;
    const instances: BotInstance[] = [];
    const users: WebhookUser[] = [];

    beforeAll(async () => {
        redis = await startRedisServer();
        client = createRedis({ url: redis.url, prefix: PREFIX });
        api = await new FakeBotApi().start();
        dir = mkdtempSync(path.join(tmpdir(), 'kejin-scale-'));
        const started = await Promise.all(
            [0, 1, 2].map(() => startBotInstance({ apiUrl: api.url, token: api.token, redisUrl: redis.url, prefix: PREFIX, cwd: dir })),
        );
        instances.push(...started);
        proxy = await startProxy(instances.map((i) => i.address));
        delivery = new WebhookDelivery(`${proxy.url}${WEBHOOK_PATH}`, WEBHOOK_SECRET);
        for (let i = 0; i < USERS; i++) users.push(new WebhookUser(api, delivery, 50_000 + i));
    }, 90_000);

    afterAll(async () => {
        await Promise.all(instances.map((i) => ensureStopped(i.bot)));
        await proxy?.close();
        await api?.close();
        await client?.quit().catch(() => undefined);
        await redis?.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const chatCalls = (u: TestUser, method: string): ApiCall[] => api.callsOf(method).filter((c) => Number(c.payload.chat_id) === u.chat.id);

    it('starts without getMe or setWebhook on any instance (both are done once per deploy)', () => {
        expect(api.callsOf('getMe')).toHaveLength(0);
        expect(api.callsOf('setWebhook')).toHaveLength(0);
    });

    it('runs 50 guided matches at once across instances: every profile right, no update handled twice, replies in order', async () => {
        await Promise.all(
            users.map(async (u, i) => {
                const [stageLabel] = STAGES[i % 2]!;
                // A fifth of the users get every update posted twice while it runs, a fifth again after it was answered.
                u.copy = i % 5 === 0 ? 'during' : i % 5 === 1 ? 'after' : undefined;
                await u.say('/start');
                await u.press(zh.menuMatch);
                await u.press(stageLabel);
                await u.press('高新技术企业');
                await u.press(zh.done);
                await u.press(zh.skip);
                await u.press('无抵押信用贷款');
                await u.press(zh.done);
                await u.press(zh.yes);
                await u.say(`${100 + i}万`);
            }),
        );
        // Spread across all three instances.
        for (const i of instances) expect(proxy.sent.get(i.address) ?? 0).toBeGreaterThan(50);

        // The answers the user saw: as Telegram, the fake API refuses a second answer to a press, such as a call retried
        // under load after its response was lost on the way. Refused calls are recorded with ok: false.
        const answered = new Map<string, number>();
        for (const c of api.callsOf('answerCallbackQuery').filter((call) => call.ok))
            answered.set(String(c.payload.callback_query_id), (answered.get(String(c.payload.callback_query_id)) ?? 0) + 1);
        for (const [i, u] of users.entries()) {
            const [, stage] = STAGES[i % 2]!;
            const stored = JSON.parse((await client.get(`${PREFIX}session:${u.from.id}`)) ?? '{}') as {
                profile?: Record<string, unknown>;
                flow?: unknown;
            };
            expect(stored.flow, `user ${i}: questionnaire left open`).toBeUndefined();
            expect(stored.profile, `user ${i}`).toMatchObject({
                stage,
                qualifications: ['high-tech'],
                needs: ['credit-loan'],
                hasIntellectualProperty: true,
                amountWan: 100 + i,
            });
            expect(stored.profile!.size, `user ${i}: skipped size stored`).toBeUndefined();

            // Each press answered exactly once, in the order pressed.
            const presses = u.sent.filter((s) => s.callback_query).map((s) => s.callback_query!.id);
            expect(presses).toHaveLength(8);
            for (const id of presses) expect(answered.get(id), `user ${i}: press answered`).toBe(1);
            const order = api.callsOf('answerCallbackQuery').filter((c) => c.ok && presses.includes(String(c.payload.callback_query_id)));
            expect(order.map((c) => String(c.payload.callback_query_id))).toEqual(presses);

            // Both messages answered once: one greeting, one result, the result last.
            const sends = chatCalls(u, 'sendMessage');
            expect(
                sends.filter((c) => c.payload.text === sends[0]!.payload.text),
                `user ${i}: greeting`,
            ).toHaveLength(1);
            const results = [...sends, ...chatCalls(u, 'editMessageText')].filter((c) => RESULT.test(String(c.payload.text)));
            expect(results, `user ${i}: result`).toHaveLength(1);
            expect(results[0]!.seq).toBeGreaterThan(order.at(-1)!.seq);
        }
        // Copies posted while the first still ran were refused (503) until it was done.
        expect(delivery.attempts.filter((a) => a.status === 503).length).toBeGreaterThan(0);
        // Every copy was acknowledged too: Telegram has nothing left to send.
        const ids = new Set(users.flatMap((u) => u.sent.map((s) => s.update_id)));
        expect(new Set(delivery.acknowledged)).toEqual(ids);
    }, 120_000);

    it('carries on when an instance is killed mid-run; nothing acknowledged is lost', async () => {
        for (const u of users) u.copy = undefined;
        const before = delivery.acknowledged.length;
        let killed = false;
        const victim = instances[1]!;
        const watch = setInterval(() => {
            if (!killed && delivery.acknowledged.length - before >= 30) {
                killed = true;
                victim.bot.child.kill('SIGKILL');
            }
        }, 5);
        try {
            await Promise.all(
                users.map(async (u) => {
                    await u.say('/lang');
                    await u.press('English');
                    await u.say('/profile');
                }),
            );
        } finally {
            clearInterval(watch);
        }
        expect(killed).toBe(true);
        // The load balancer's 502s for the dead instance were retried elsewhere.
        expect(delivery.attempts.slice(before).some((a) => a.status === 502 || a.status === 0)).toBe(true);
        expect((await victim.bot.exited).signal).toBe('SIGKILL');
        for (const [i, u] of users.entries()) {
            const stored = JSON.parse((await client.get(`${PREFIX}session:${u.from.id}`)) ?? '{}') as {
                lang?: string;
                profile?: Record<string, unknown>;
            };
            expect(stored.lang, `user ${i}: language switch acknowledged but lost`).toBe('en');
            expect(stored.profile, `user ${i}: profile lost`).toMatchObject({ amountWan: 100 + i });
            const last = chatCalls(u, 'sendMessage').at(-1)!;
            expect(String(last.payload.text), `user ${i}: /profile answered in English`).toContain(en.fieldStage);
        }
        for (const i of [instances[0]!, instances[2]!]) expect(i.bot.child.exitCode).toBeNull();
    }, 120_000);
});
