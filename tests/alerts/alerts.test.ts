/**
 * Opt-in alerts end to end: the real polling bot and the alert sender
 * against the fake Bot API, on a temp copy of the shipped knowledge that
 * the test edits so that products come to fit a subscriber.
 */
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertsFor, newSubscription, runAlerts, startAlertLoop, type AlertLoop } from '../../src/core/alerts/alerts.ts';
import { localSendRate } from '../../src/core/alerts/rate.ts';
import { createFileAlertStores, createRedisAlertStores, type AlertStores } from '../../src/core/alerts/store.ts';
import { createRedis } from '../../src/core/infra/redis.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { createAlertSender } from '../../src/bot/runtime/alert-sender.ts';
import { labelOf } from '../../src/core/present/index.ts';
import { INSIGHTS_MESSAGES } from '../../src/bot/views/insights-i18n.ts';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { FAILURES, FakeBotApi, type ApiCall } from '../helpers/fake-bot-api.ts';
import { startPollingBot, testConfig, TestUser, type RunningBot } from '../helpers/bot-harness.ts';
import { changeCard, liveCopy, makeTwoProductsFit, PROFILE, type Folder } from '../helpers/alerts.ts';
import { redisSkipReason, startRedisServer } from '../helpers/redis-server.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { KEJIN_BIN } from '../helpers/paths.ts';

const zh = MESSAGES.zh;
const m = INSIGHTS_MESSAGES.zh;

/** An Api for the sender that notes when each sendMessage leaves it (after the throttler), per chat. */
function recordingApi(api: FakeBotApi): { client: Api; leaving: { chatId: number; at: number }[] } {
    const leaving: { chatId: number; at: number }[] = [];
    const client = new Api(api.token, { apiRoot: api.url });
    client.config.use((prev, method, payload, signal) => {
        if (method === 'sendMessage') leaving.push({ chatId: Number((payload as { chat_id: unknown }).chat_id), at: Date.now() });
        return prev(method, payload, signal);
    });
    return { client, leaving };
}

const sentTo = (calls: readonly ApiCall[], chatId: number) =>
    calls.filter((c) => c.method === 'sendMessage' && c.ok && Number(c.payload.chat_id) === chatId);

describe('alerts through the bot', () => {
    let api: FakeBotApi;
    let folder: Folder;
    let dataDir: string;
    let service: KnowledgeService;
    let bot: RunningBot | undefined;
    let loop: AlertLoop | undefined;
    let leaving: { chatId: number; at: number }[] = [];

    async function start(): Promise<AlertStores> {
        service = await createKnowledgeService({ dir: folder.dir, watch: true, debounceMs: 50 });
        const stores = createFileAlertStores(dataDir);
        const config = testConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: dataDir });
        bot = await startPollingBot(api, { config, logger: silentLogger, service, alerts: stores });
        const recording = recordingApi(api);
        leaving = recording.leaving;
        loop = startAlertLoop({ service, stores, logger: silentLogger, deliver: createAlertSender({ token: api.token, api: recording.client }) });
        await loop.idle();
        return stores;
    }

    async function stop(): Promise<void> {
        await loop?.stop();
        await bot?.stop();
        await service?.close();
        loop = undefined;
        bot = undefined;
    }

    beforeEach(async () => {
        api = await new FakeBotApi().start();
        folder = await liveCopy();
        dataDir = tempDir('kejin-alerts-');
    });
    afterEach(async () => {
        await stop();
        await api.close();
        await folder.remove();
        removeDir(dataDir);
    });

    it('subscribe after a match; a change that makes products fit sends each alert once, also after a restart', async () => {
        const stores = await start();
        const u = new TestUser(api, { id: 880_001, languageCode: 'zh-hans' });
        expect(TestUser.texts(await u.say('/subscribe'))[0]).toBe(m.subscribeNeedsProfile);

        await u.say('/match');
        await u.press('成长期');
        await u.press(zh.noneOfThese);
        await u.press(zh.skip); // size
        await u.press('无抵押信用贷款');
        await u.press(zh.done);
        await u.press(zh.no); // no IP
        const results = await u.press(zh.skip); // amount
        expect(TestUser.texts(results).join('\n')).toMatch(/找到/);
        expect(u.buttons()).toContain(m.subscribeButton);
        expect(TestUser.texts(await u.press(m.subscribeButton))[0]).toBe(m.subscribed);
        expect((await stores.subscriptions.get(880_001))?.profile).toMatchObject({ stage: 'growth', qualifications: [], needs: ['credit-loan'] });

        // Telegram asks the sender to slow down once: auto-retry waits retry_after and sends again.
        api.failNext('sendMessage', FAILURES.tooManyRequests(1));
        const before = api.calls.length;
        await makeTwoProductsFit(folder);
        await api.until(() => sentTo(api.calls.slice(before), 880_001).length === 2, 20_000, 'two alerts');
        await loop!.idle();
        const alerts = sentTo(api.calls.slice(before), 880_001);
        const texts = alerts.map((c) => String(c.payload.text));
        expect(texts.some((t) => t.includes('提醒测试贷') && (t.includes(m.alertNowPossible) || t.includes(m.alertNowEligible)))).toBe(true);
        expect(texts.some((t) => t.includes('提醒新产品贷') && t.includes(m.alertAdded))).toBe(true);
        for (const t of texts) {
            expect(t).toContain(labelOf('source', 'zh'));
            expect(t).toContain(labelOf('contact', 'zh'));
        }
        // One message a second per chat at most, the retry after the 429 included.
        const times = leaving.filter((l) => l.chatId === 880_001).map((l) => l.at);
        expect(times).toHaveLength(3);
        // (A few ms of slack: timers and Date.now() round differently.)
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(990);
        expect(
            api.calls
                .slice(before)
                .filter((c) => c.method === 'sendMessage' && !c.ok)
                .map((c) => c.description),
        ).toEqual(['Too Many Requests: retry after 1']);

        // A restart on the edited knowledge: nothing new, nothing sent twice.
        await stop();
        const afterRestart = api.calls.length;
        // start() waits for the run at startup, which finds changes made while the bot was down.
        const restarted = await start();
        expect(sentTo(api.calls.slice(afterRestart), 880_001)).toEqual([]);

        // /unsubscribe, then /forget on a fresh subscription, both remove it.
        expect(TestUser.texts(await u.say('/unsubscribe'))[0]).toBe(m.unsubscribed);
        expect(await restarted.subscriptions.get(880_001)).toBeUndefined();
        expect(TestUser.texts(await u.say('/unsubscribe'))[0]).toBe(m.notSubscribed);
        await u.say('/subscribe');
        expect(await restarted.subscriptions.get(880_001)).toBeDefined();
        await u.say('/forget');
        await u.press(zh.forgetYes);
        expect(await createFileAlertStores(dataDir).subscriptions.get(880_001)).toBeUndefined();
    });

    it('in English too', async () => {
        await start();
        const u = new TestUser(api, { id: 880_002, languageCode: 'en' });
        expect(TestUser.texts(await u.say('/subscribe'))[0]).toBe(INSIGHTS_MESSAGES.en.subscribeNeedsProfile);
    });
});

describe('alerts in bulk', () => {
    let api: FakeBotApi;
    let folder: Folder;
    let before: KnowledgeService;
    let after: KnowledgeService;
    let dataDir: string;

    beforeEach(async () => {
        api = await new FakeBotApi().start();
        folder = await liveCopy();
        before = await createKnowledgeService({ dir: folder.dir });
        await changeCard(folder);
        after = await createKnowledgeService({ dir: folder.dir });
        dataDir = tempDir('kejin-alerts-bulk-');
    });
    afterEach(async () => {
        await Promise.all([before.close(), after.close(), api.close(), folder.remove()]);
        removeDir(dataDir);
    });

    it("500 subscribers get their alert within Telegram's limits; a user who blocked the bot is unsubscribed", async () => {
        const stores = createFileAlertStores(dataDir);
        const ids = Array.from({ length: 500 }, (_, i) => 900_000 + i);
        for (const id of ids) await stores.subscriptions.put(newSubscription(before, id, id % 2 ? 'en' : 'zh', PROFILE));
        const blocked = ids[123]!;
        api.rule((method, p) => method === 'sendMessage' && Number(p.chat_id) === blocked, { failure: FAILURES.blocked() });

        // When each request leaves the sender, after the throttler: what Telegram's limits are about.
        const { client, leaving } = recordingApi(api);
        const run = await runAlerts({ service: after, stores, deliver: createAlertSender({ token: api.token, api: client }) });
        expect(run).toMatchObject({ sent: 499, unsubscribed: 1, failed: 0, skipped: 0 });
        const sends = api.callsOf('sendMessage');
        expect(sends).toHaveLength(500);
        expect(new Set(sends.filter((c) => c.ok).map((c) => Number(c.payload.chat_id))).size).toBe(499);
        // No window of one second holds more than 30 messages.
        const times = leaving.map((l) => l.at).sort((a, b) => a - b);
        expect(times).toHaveLength(500);
        let most = 0;
        for (let i = 0, j = 0; i < times.length; i++) {
            while (times[i]! - times[j]! >= 1000) j++;
            most = Math.max(most, i - j + 1);
        }
        expect(most).toBeLessThanOrEqual(30);
        expect(await stores.subscriptions.get(blocked)).toBeUndefined();
        expect((await stores.subscriptions.all()).length).toBe(499);

        // Run again (a restart, or another trigger): nothing is sent twice.
        const again = await runAlerts({
            service: after,
            stores: createFileAlertStores(dataDir),
            deliver: createAlertSender({ token: api.token, apiRoot: api.url }),
        });
        expect(again.sent + again.due.length).toBe(0);
        expect(api.callsOf('sendMessage')).toHaveLength(500);
    }, 60_000);

    it('a dry run lists who would be told what, and sends and records nothing', async () => {
        const stores = createFileAlertStores(dataDir);
        await stores.subscriptions.put(newSubscription(before, 42, 'zh', PROFILE));
        const run = await runAlerts({ service: after, stores, dryRun: true });
        expect(run.due.map((a) => [a.chatId, a.match.id, a.change])).toEqual([
            [42, 'alert-test-changed', expect.stringMatching(/^now-(eligible|possible)$/)],
        ]);
        expect(await stores.sent.has(run.due[0]!.key)).toBe(false);
        expect(alertsFor(after, (await stores.subscriptions.get(42))!).alerts).toHaveLength(1);
    });

    describe.skipIf(redisSkipReason())('with Redis (real redis-server)', () => {
        it('two instances run the same change at once: each alert goes out once', async () => {
            const server = await startRedisServer();
            const [a, b] = [createRedis({ url: server.url }), createRedis({ url: server.url })];
            try {
                const one = createRedisAlertStores(a, 'x:');
                const two = createRedisAlertStores(b, 'x:');
                for (let id = 1; id <= 20; id++) await one.subscriptions.put(newSubscription(before, id, 'zh', PROFILE));
                const deliver = createAlertSender({ token: api.token, apiRoot: api.url });
                const rate = localSendRate(100);
                const [r1, r2] = await Promise.all([
                    runAlerts({ service: after, stores: one, deliver, rate }),
                    runAlerts({ service: after, stores: two, deliver, rate }),
                ]);
                expect(r1.sent + r2.sent).toBe(20);
                expect(r1.skipped + r2.skipped).toBe(20);
                expect(api.callsOf('sendMessage')).toHaveLength(20);
                expect(new Set(api.callsOf('sendMessage').map((c) => c.payload.chat_id)).size).toBe(20);
            } finally {
                await Promise.all([a.quit(), b.quit()]);
                await server.close();
            }
        });
    });
});

describe('kejin alerts --dry-run', () => {
    it('previews from the command line what the folder on disk would send, and refuses to run without --dry-run', async () => {
        const { spawnSync } = await import('node:child_process');
        const { existsSync } = await import('node:fs');
        const path = await import('node:path');
        const folder = await liveCopy();
        const dataDir = tempDir('kejin-alerts-cli-');
        const live = await createKnowledgeService({ dir: folder.dir });
        await createFileAlertStores(dataDir).subscriptions.put(newSubscription(live, 7001, 'en', PROFILE));
        await live.close();
        await changeCard(folder);
        const bin = KEJIN_BIN;
        const env = { ...process.env, DATA_DIR: dataDir, REDIS_URL: '', LOG_LEVEL: 'silent' };
        const out = spawnSync(process.execPath, [bin, 'alerts', '--dry-run', folder.dir, '--lang', 'en'], { env, encoding: 'utf8' });
        expect(out.stderr).toBe('');
        expect(out.status).toBe(0);
        expect(out.stdout).toMatch(/^1 subscribers; 1 alerts would be sent/);
        expect(out.stdout).toMatch(/chat 7001 \(en\): now (possibly )?eligible · alert-test-changed \(alert test\) \(alert-test-changed\)/);
        const refused = spawnSync(process.execPath, [bin, 'alerts', folder.dir], { env, encoding: 'utf8' });
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('add --dry-run');
        // Nothing was recorded: no alert is marked sent, the baseline is unchanged.
        const stores = createFileAlertStores(dataDir);
        expect((await stores.subscriptions.get(7001))?.seen['alert-test-changed']?.rating).toBe('ineligible');
        expect(existsSync(path.join(dataDir, 'alerts', 'sent.jsonl'))).toBe(false);
        await folder.remove();
        removeDir(dataDir);
    }, 30_000);
});
