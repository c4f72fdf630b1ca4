/**
 * Issue 18, bad day 10: the file stores of alerts grow by a line per
 * subscribe and per alert sent, instead of rewriting every subscription at
 * each subscribe (130 subscribes a second at 500 subscribers, 48 at 2,000),
 * and the ledger of sent alerts forgets entries after SENT_TTL_DAYS.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALERTS_DIR, createFileAlertStores, SENT_TTL_DAYS, type Subscription } from '../../src/core/alerts/store.ts';
import { PROFILE } from '../helpers/alerts.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

const DAY = 86_400_000;
/** A baseline the size of a real one: a rating for each of 40 products. */
const SEEN = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`product-${i}`, { hash: 'abcdefghijklmnop', rating: 'possible' as const }]));
const subscription = (chatId: number): Subscription => ({ chatId, lang: 'zh', profile: PROFILE, since: '2026-12-01T00:00:00.000Z', seen: SEEN });

describe('the file stores of alerts', () => {
    const dirs: string[] = [];
    afterEach(() => dirs.splice(0).forEach(removeDir));
    const dataDir = () => {
        const dir = tempDir('kejin-alert-store-');
        dirs.push(dir);
        return dir;
    };

    it('append a subscribe to the journal instead of rewriting every subscription', async () => {
        const dir = dataDir();
        const stores = createFileAlertStores(dir);
        for (let id = 1; id <= 2_000; id++) await stores.subscriptions.put(subscription(id));
        const file = path.join(dir, ALERTS_DIR, 'subscriptions.jsonl');
        const before = await stat(file);
        await stores.subscriptions.put(subscription(2_001));
        const after = await stat(file);
        // The same file, one entry longer: not a copy of 2,001 subscriptions renamed over it.
        expect(after.ino).toBe(before.ino);
        expect(after.size - before.size).toBe(`${JSON.stringify({ put: subscription(2_001) })}\n`.length);

        await stores.subscriptions.delete(5);
        await stores.subscriptions.update([{ ...subscription(6), lang: 'en' }, subscription(5)]);
        const reopened = createFileAlertStores(dir);
        const all = await reopened.subscriptions.all();
        expect(all).toHaveLength(2_000);
        expect(await reopened.subscriptions.get(5)).toBeUndefined();
        expect((await reopened.subscriptions.get(6))?.lang).toBe('en');
    }, 60_000);

    it('rewrites the journal once old lines outnumber the live ones', async () => {
        const dir = dataDir();
        const stores = createFileAlertStores(dir);
        for (let round = 0; round < 3; round++) for (let id = 1; id <= 300; id++) await stores.subscriptions.put(subscription(id));
        const lines = (await readFile(path.join(dir, ALERTS_DIR, 'subscriptions.jsonl'), 'utf8')).split('\n').filter(Boolean).length;
        expect(lines).toBeLessThanOrEqual(2 * 300);
        expect(await createFileAlertStores(dir).subscriptions.all()).toHaveLength(300);
    });

    it('forget sent alerts after SENT_TTL_DAYS', async () => {
        const dir = dataDir();
        let now = Date.parse('2026-01-01T00:00:00Z');
        const stores = createFileAlertStores(dir, { now: () => now });
        expect(await stores.sent.claim('1:old:h')).toBe(true);
        expect(await stores.sent.claim('1:old:h')).toBe(false);
        now += (SENT_TTL_DAYS + 1) * DAY;
        expect(await stores.sent.claim('1:new:h')).toBe(true);
        const later = createFileAlertStores(dir, { now: () => now });
        expect(await later.sent.has('1:new:h')).toBe(true);
        expect(await later.sent.has('1:old:h')).toBe(false);
    });

    it('read the files of the version before once, and replace them', async () => {
        const dir = dataDir();
        await mkdir(path.join(dir, ALERTS_DIR), { recursive: true });
        await writeFile(path.join(dir, ALERTS_DIR, 'subscriptions.json'), JSON.stringify([subscription(1), subscription(2)]));
        await writeFile(path.join(dir, ALERTS_DIR, 'sent.json'), JSON.stringify(['1:a:h']));
        const stores = createFileAlertStores(dir);
        expect((await stores.subscriptions.all()).map((s) => s.chatId)).toEqual([1, 2]);
        expect(await stores.sent.has('1:a:h')).toBe(true);
        await expect(stat(path.join(dir, ALERTS_DIR, 'subscriptions.json'))).rejects.toThrow();
        await expect(stat(path.join(dir, ALERTS_DIR, 'sent.json'))).rejects.toThrow();
        const again = createFileAlertStores(dir);
        expect(await again.subscriptions.all()).toHaveLength(2);
        expect(await again.sent.claim('1:a:h')).toBe(false);
    });
});
