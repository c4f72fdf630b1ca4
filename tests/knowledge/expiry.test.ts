import { afterEach, describe, expect, it, vi } from 'vitest';
import { presentCard } from '../../src/core/present/index.ts';
import { createKnowledgeService } from '../../src/core/service.ts';
import { copyFolder } from '../helpers/knowledge.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(cleanups.splice(0).map((f) => f()));
});

describe('expiry by the day of the query', () => {
    // A service loaded before a card's valid_until and still running after it: the card,
    // the search hit and the match all say expired from that day on, without a reload.
    it('marks a card expired on the day after valid_until in the card, the hit and the match', async () => {
        const folder = await copyFolder();
        cleanups.push(folder.remove);
        await folder.edit('products/test-micro.md', (s) => s.replace('last_verified:', 'valid_until: 2026-12-31\nlast_verified:'));
        // Only Date is faked: file reads and timers run as usual.
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(new Date('2026-12-31T12:00:00Z'));
        const service = await createKnowledgeService({ dir: folder.dir });
        cleanups.push(() => service.close());
        const seen = () => ({
            card: presentCard(service.getItem('test-micro')!, 'zh').expired,
            hit: service.search('测试微贷').results.find((h) => h.id === 'test-micro')?.expired,
            match: service.match({ stage: 'startup', size: 'micro' }).matches.find((m) => m.id === 'test-micro')?.expired,
        });
        expect(seen()).toEqual({ card: false, hit: false, match: false });

        vi.setSystemTime(new Date('2027-01-01T00:00:01Z'));
        expect(seen()).toEqual({ card: true, hit: true, match: true });
    });
});
