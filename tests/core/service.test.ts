import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KnowledgeLoadError, NotFoundError } from '../../src/core/errors.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { ProfileError } from '../../src/core/match/profile.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { copyFolder, FIXTURE_PARTS, waitFor, type FolderCopy } from '../helpers/knowledge.ts';
import { memoryLogger } from '../helpers/memory-logger.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((f) => f()));
});

// The lists and searches below are over the fixture's test-* cards alone (FIXTURE_PARTS.cards).
let cards: FolderCopy;
beforeAll(async () => {
    cards = await copyFolder(undefined, FIXTURE_PARTS.cards);
});
afterAll(() => cards.remove());

async function service(dir = cards.dir, watch = false): Promise<KnowledgeService> {
    const s = await createKnowledgeService({ dir, watch, debounceMs: 50 });
    cleanups.push(() => s.close());
    return s;
}

describe('createKnowledgeService', () => {
    it('refuses a broken folder with every error in the message', async () => {
        const folder = await copyFolder(cards.dir);
        cleanups.push(folder.remove);
        await folder.write('products/empty.md', '');
        await folder.edit('products/test-loan.md', (s) => s.replace('kind: product', 'kind: loan'));
        const err = await createKnowledgeService({ dir: folder.dir }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(KnowledgeLoadError);
        expect((err as Error).message).toContain('has 2 error(s)');
        expect((err as Error).message).toContain('products/empty.md:1: file is empty');
    });

    it('finds items, names the closest ids for an unknown one, and lists offerings by filter', async () => {
        const s = await service();
        expect(s.getItem('test-loan')?.name).toBe('测试贷');
        expect(() => s.requireItem('test-lone')).toThrow(NotFoundError);
        expect(() => s.requireItem('test-lone')).toThrow('closest: test-loan');
        expect(
            s
                .listProducts({ stage: 'startup' })
                .map((p) => p.id)
                .sort(),
        ).toEqual(['test-micro', 'test-renewal']);
        expect(
            s
                .listProducts({ qualification: 'high-tech' })
                .map((p) => p.id)
                .sort(),
        ).toEqual(['test-loan', 'test-micro', 'test-renewal']);
        expect(s.listProducts({ qualification: 'tech-sme', stage: 'growth' }).map((p) => p.id)).toEqual(['test-renewal']);
    });

    it('gives the contacts of a product, of an organization, or all of them', async () => {
        const s = await service();
        expect(s.contacts({ productId: 'test-loan' }).map((o) => o.id)).toEqual(['test-org']);
        expect(s.contacts({ organizationId: 'test-org' })[0]!.phones[0]!.value).toBe('021-00000000');
        expect(s.contacts().map((o) => o.id)).toEqual(['test-org']);
        expect(() => s.contacts({ productId: 'nope' })).toThrow(NotFoundError);
        expect(s.contacts({ query: '测试机构' }).map((o) => o.id)).toEqual(['test-org']);
    });

    it('validates the profile before matching', async () => {
        const s = await service();
        expect(() => s.match({ stage: 'adult' })).toThrow(ProfileError);
        expect(s.match({ stage: 'startup', size: 'micro', annualRevenueWan: 300 }).matches[0]).toMatchObject({
            id: 'test-micro',
            eligibility: 'eligible',
        });
    });

    it('answers from the new snapshot after a good edit, tells subscribers, and ignores a bad one', async () => {
        const folder = await copyFolder(cards.dir);
        cleanups.push(folder.remove);
        const s = await service(folder.dir, true);
        const seen: KnowledgeSnapshot[] = [];
        s.subscribe((snap) => seen.push(snap));
        const before = s.snapshot().version;

        await folder.edit('products/test-loan.md', (t) =>
            t.replace('name: 测试贷', 'name: 火箭贷').replace('zh: [测试贷款]', 'zh: [测试贷款, 火箭贷款]'),
        );
        expect(await waitFor(() => s.getItem('test-loan')?.name === '火箭贷', 1000)).toBe(true);
        expect(s.search('火箭贷').results[0]?.id).toBe('test-loan');
        expect(seen).toHaveLength(1);
        expect(seen[0]!.version).not.toBe(before);

        await folder.edit('products/test-loan.md', (t) => t.replace('kind: product', 'kind: rocket'));
        await new Promise((r) => setTimeout(r, 400));
        expect(s.getItem('test-loan')?.name).toBe('火箭贷');
        expect(seen).toHaveLength(1);
    });
});

describe('going live with an edit', () => {
    it('updates the index in place for an edited card, and builds anew for new synonyms', async () => {
        const folder = await copyFolder(cards.dir);
        cleanups.push(folder.remove);
        const log = memoryLogger();
        const s = await createKnowledgeService({ dir: folder.dir, watch: true, debounceMs: 50, rescanMs: 0, logger: log.logger });
        cleanups.push(() => s.close());
        const reloads = () => log.records.filter((r) => r.msg === 'knowledge reloaded').map((r) => r.index);

        await folder.edit('products/test-loan.md', (t) => t.replace('name: 测试贷', 'name: 火箭贷'));
        await s.reload();
        expect(s.search('火箭贷').results[0]?.id).toBe('test-loan');
        // Only the edited card was tokenized again.
        expect(reloads()).toEqual(['updated']);

        // Synonyms are read into every card's terms: a full build, swapped in with its snapshot.
        expect(s.search('太空融资').results).toEqual([]);
        await folder.edit('synonyms.yaml', (t) => `${t.trimEnd()}\n  - [火箭贷, 太空融资]\n`);
        await s.reload();
        expect(reloads()).toEqual(['updated', 'rebuilt']);
        expect(s.search('太空融资').results[0]?.id).toBe('test-loan');
        expect(s.snapshot().synonyms.some((g) => g.includes('太空融资'))).toBe(true);
    });
});

describe('contacts by words on the shipped knowledge', () => {
    it('keeps only the clear winners', async () => {
        const s = await service(SHIPPED_KNOWLEDGE);
        // Every organization name ends in 中心 or 委员会; only one is the 科技创业中心.
        expect(s.contacts({ query: '科技创业中心' }).map((o) => o.id)).toEqual(['shanghai-tech-entrepreneurship-center']);
        expect(s.contacts({ query: 'whom to call about patents' }).map((o) => o.id)).toEqual(['cnipa-shanghai-office']);
    });
});

describe('snippets on the shipped knowledge', () => {
    it("show the part of the card that answers the question, not the card's name again", async () => {
        const s = await service(SHIPPED_KNOWLEDGE);
        const banks = s.search('高企贷有哪些合作银行').results[0]!;
        expect(banks.id).toBe('gaoqidai');
        expect(banks.snippet).toContain('合作银行');
        expect(banks.snippet).toContain('上海农商银行');
        expect(s.search('保费补贴是免申即享吗').results[0]!.snippet).toContain('免申即享');
    });
});
