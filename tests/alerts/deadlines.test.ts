/**
 * Deadline alerts: a subscriber whose profile fits a product whose window
 * closes within 14 days is told once, through the alert sender against the
 * fake Bot API, on a temp copy of the shipped knowledge with cards of the
 * test's own (closing in 7 days, in 30 days, yesterday; one for other firms).
 */
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSubscription } from '../../src/core/alerts/alerts.ts';
import { createFileAlertStores } from '../../src/core/alerts/store.ts';
import { DEADLINE_DAYS, deadlineAlertsFor, runDeadlineAlerts } from '../../src/core/deadlines/deadlines.ts';
import type { FirmProfile } from '../../src/core/match/profile.ts';
import { labelOf } from '../../src/core/present/index.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { createAlertSender } from '../../src/bot/runtime/alert-sender.ts';
import { runAlertsCommand } from '../../src/cli/alerts.ts';
import { INSIGHTS_MESSAGES } from '../../src/bot/views/insights-i18n.ts';
import { FAILURES, FakeBotApi } from '../helpers/fake-bot-api.ts';
import { copyFolder } from '../helpers/knowledge.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { cardMarkdown, productCard } from '../helpers/cards.ts';

const PROFILE: FirmProfile = { stage: 'growth', qualifications: [], needs: ['credit-loan'], hasIntellectualProperty: false };
const NOW = new Date('2026-12-03T08:00:00Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

/** A product for `stages` whose applications close on `closes`. */
function closingCard(id: string, name: string, stages: string, closes: string): string {
    return cardMarkdown(
        productCard({
            id,
            name,
            name_en: `${id} (deadline test)`,
            summary: { zh: '截止提醒测试用的产品。', en: 'A product made for the deadline tests.' },
            needs: ['credit-loan'],
            eligibility: { stages: [stages], basis: { stages: { sources: ['s1'] } }, sources: ['s1'] },
            application: { mode: 'apply', opens: day(-60), closes, sources: ['s1'] },
            documents: [{ zh: '营业执照', en: 'Business licence', sources: ['s1'] }],
            apply_channel: { zh: '一网通办', en: 'the 一网通办 portal', url: 'https://zwdt.sh.gov.cn/', sources: ['s1'] },
            sources: [{ key: 's1', title: '截止提醒测试来源', url: 'https://example.org/deadline-test' }],
            body: '截止提醒测试用的产品。',
        }),
    );
}

describe('deadline alerts', () => {
    let api: FakeBotApi;
    let folder: Awaited<ReturnType<typeof copyFolder>>;
    let service: KnowledgeService;
    let dataDir: string;

    beforeEach(async () => {
        api = await new FakeBotApi().start();
        folder = await copyFolder(SHIPPED_KNOWLEDGE);
        await folder.write('products/closing-soon.md', closingCard('closing-soon', '七天截止贷', 'growth', day(7)));
        await folder.write('products/closing-later.md', closingCard('closing-later', '一月后截止贷', 'growth', day(30)));
        await folder.write('products/closed-already.md', closingCard('closed-already', '昨日截止贷', 'growth', day(-1)));
        await folder.write('products/closing-other-firms.md', closingCard('closing-other-firms', '他人截止贷', 'mature', day(3)));
        service = await createKnowledgeService({ dir: folder.dir, now: () => NOW });
        dataDir = tempDir('kejin-deadlines-');
    });
    afterEach(async () => {
        await service.close();
        await api.close();
        await folder.remove();
        removeDir(dataDir);
    });

    it('finds only fitting products whose window is open and closes within 14 days', () => {
        const subscription = newSubscription(service, 1, 'zh', PROFILE, NOW);
        const ids = deadlineAlertsFor(service, subscription, NOW).map((a) => a.match.id);
        // closing-later is 30 days out, closed-already closed yesterday, closing-other-firms is for mature firms only.
        expect(ids).toEqual(['closing-soon']);
        expect(DEADLINE_DAYS).toBe(14);
        // Sixteen days on, the later one closes in 14 days and comes into range.
        expect(deadlineAlertsFor(service, subscription, new Date(NOW.getTime() + 16 * 86_400_000)).map((a) => a.match.id)).toContain('closing-later');
    });

    it('sends each deadline once through the alert sender, with the window, where and what to bring', async () => {
        const stores = createFileAlertStores(dataDir);
        await stores.subscriptions.put(newSubscription(service, 990_001, 'zh', PROFILE, NOW));
        await stores.subscriptions.put(newSubscription(service, 990_002, 'en', PROFILE, NOW));
        const deliver = createAlertSender({ token: api.token, api: new Api(api.token, { apiRoot: api.url }) });

        const first = await runDeadlineAlerts({ service, stores, deliver, now: NOW });
        expect(first).toMatchObject({ sent: 2, skipped: 0, failed: 0 });
        const sent = api.calls.filter((c) => c.method === 'sendMessage' && c.ok);
        const zh = String(sent.find((c) => Number(c.payload.chat_id) === 990_001)?.payload.text);
        expect(zh).toContain(INSIGHTS_MESSAGES.zh.alertClosing);
        expect(zh).toContain('七天截止贷');
        expect(zh).toContain(labelOf('window', 'zh'));
        expect(zh).toContain('还剩 7 天');
        expect(zh).toContain('一网通办');
        expect(zh).toContain('营业执照');
        const en = String(sent.find((c) => Number(c.payload.chat_id) === 990_002)?.payload.text);
        expect(en).toContain(INSIGHTS_MESSAGES.en.alertClosing);
        expect(en).toContain('7 days left');

        // The next run (a restart, another instance, the next timer tick) tells no one again.
        const again = await runDeadlineAlerts({ service, stores, deliver, now: new Date(NOW.getTime() + 3_600_000) });
        expect(again).toMatchObject({ sent: 0, skipped: 2 });
        expect(api.calls.filter((c) => c.method === 'sendMessage' && c.ok)).toHaveLength(2);
    });

    it('kejin alerts --dry-run lists the deadlines due, and sends nothing', async () => {
        const stores = createFileAlertStores(dataDir);
        await stores.subscriptions.put(newSubscription(service, 990_004, 'en', PROFILE, NOW));
        let out = '';
        expect(await runAlertsCommand(['--dry-run', '--lang', 'en'], { service, stores, now: NOW, write: (t) => (out += t) })).toBe(0);
        expect(out).toContain('1 subscribers; 1 alerts would be sent');
        expect(out).toContain('chat 990004 (en): applications close soon · closing-soon (deadline test) (closing-soon)');
        expect(api.calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
        expect(await stores.sent.has('990004:closing-soon:closes:' + day(7))).toBe(false);
    });

    it('a blocked chat ends the subscription', async () => {
        const stores = createFileAlertStores(dataDir);
        await stores.subscriptions.put(newSubscription(service, 990_003, 'zh', PROFILE, NOW));
        api.failNext('sendMessage', FAILURES.blocked());
        const run = await runDeadlineAlerts({
            service,
            stores,
            deliver: createAlertSender({ token: api.token, api: new Api(api.token, { apiRoot: api.url }) }),
            now: NOW,
        });
        expect(run.unsubscribed).toBe(1);
        expect(await stores.subscriptions.get(990_003)).toBeUndefined();
    });
});
