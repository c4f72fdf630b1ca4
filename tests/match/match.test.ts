import { beforeAll, describe, expect, it } from 'vitest';
import { conditionText } from '../../src/core/words/match.ts';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { matchProducts } from '../../src/core/match/match.ts';
import { parseProfile, ProfileError } from '../../src/core/match/profile.ts';
import { copyFolder, FIXTURE_PARTS, loadFixture } from '../helpers/knowledge.ts';

let snapshot: KnowledgeSnapshot;
beforeAll(async () => {
    // The golden orders below are over the matcher's cards (test-loan, test-micro, test-renewal) alone.
    snapshot = await loadFixture(FIXTURE_PARTS.cards);
});

const rate = (profile: object) => {
    const r = matchProducts(snapshot, parseProfile(profile));
    return Object.fromEntries(r.matches.map((m) => [m.id, m.eligibility]));
};
const order = (profile: object, scores?: Record<string, number>) =>
    matchProducts(snapshot, parseProfile(profile), scores ? { questionScores: () => new Map(Object.entries(scores)) } : {}).matches.map((m) => m.id);

describe('rating', () => {
    it('rates eligible when every structured condition is met', () => {
        expect(rate({ stage: 'growth', qualifications: ['high-tech'], size: 'medium' })['test-loan']).toBe('eligible');
    });

    it('rates possible when nothing contradicts but something is unknown', () => {
        // Qualifications not given: the high-tech requirement is unknown, not unmet.
        expect(rate({ stage: 'growth', size: 'small' })['test-loan']).toBe('possible');
    });

    it('rates ineligible when a condition is not met', () => {
        expect(rate({ stage: 'growth', qualifications: ['tech-sme'], size: 'small' })['test-loan']).toBe('ineligible');
        expect(rate({ stage: 'seed' })['test-loan']).toBe('ineligible');
        expect(rate({ stage: 'startup', size: 'micro', annualRevenueWan: 1500 })['test-micro']).toBe('ineligible');
    });

    it('never rates a product without structured conditions eligible', async () => {
        expect(rate({ stage: 'growth', qualifications: ['high-tech'], size: 'small', needs: ['loan-renewal'] })['test-renewal']).toBe('possible');
        // Free-text conditions alone are things to confirm, not conditions met.
        const folder = await copyFolder();
        try {
            await folder.edit('products/test-renewal.md', (s) =>
                s.replace(
                    'needs: [loan-renewal]',
                    'needs: [loan-renewal]\neligibility:\n  conditions:\n    - { zh: 有存量贷款, en: has a loan, sources: [s1] }\n  sources: [s1]',
                ),
            );
            const snap = (await loadKnowledge(folder.dir, { now: new Date('2026-11-26') })).snapshot!;
            const m = matchProducts(snap, parseProfile({ stage: 'growth' })).matches.find((x) => x.id === 'test-renewal')!;
            expect(m.eligibility).toBe('possible');
            expect(m.missing.map((c) => conditionText(c).zh)).toEqual(['有存量贷款']);
        } finally {
            await folder.remove();
        }
    });

    it('counts a qualification implied by a higher one', async () => {
        const folder = await copyFolder();
        try {
            await folder.edit('products/test-loan.md', (s) => s.replace('qualifications_all: [high-tech]', 'qualifications_all: [srdi]'));
            const srdi = (await loadKnowledge(folder.dir, { now: new Date('2026-11-26') })).snapshot!;
            const rating = (q: string[]) =>
                matchProducts(srdi, parseProfile({ stage: 'growth', size: 'small', qualifications: q })).matches.find((x) => x.id === 'test-loan')!
                    .eligibility;
            // A 专精特新"小巨人" is necessarily 专精特新.
            expect(rating(['srdi-little-giant'])).toBe('eligible');
            expect(rating(['tech-little-giant'])).toBe('ineligible');
        } finally {
            await folder.remove();
        }
    });

    it('treats qualifications stated only in the question as held, not as the complete list', () => {
        // "我们是专精特新企业" says nothing about high-tech: unknown, so possible.
        expect(rate({ question: '我们是专精特新企业，成长期', size: 'small' })['test-loan']).toBe('possible');
        expect(rate({ question: '我们是高新技术企业，处于成长期', size: 'small' })['test-loan']).toBe('eligible');
    });

    it('never rates an expired product eligible', async () => {
        const folder = await copyFolder();
        try {
            await folder.edit('products/test-loan.md', (s) => s.replace('last_verified:', 'valid_until: 2025-01-01\nlast_verified:'));
            const expired = (await loadKnowledge(folder.dir, { now: new Date('2026-11-26') })).snapshot!;
            const m = matchProducts(expired, parseProfile({ stage: 'growth', qualifications: ['high-tech'], size: 'small' })).matches.find(
                (x) => x.id === 'test-loan',
            )!;
            expect(m.eligibility).toBe('possible');
            expect(m.missing.map((c) => c.field)).toContain('valid_until');
        } finally {
            await folder.remove();
        }
    });
});

describe('reasons and missing conditions', () => {
    it('explains what fits and what is missing, in zh and en, with sources', () => {
        const m = matchProducts(snapshot, parseProfile({ stage: 'growth', qualifications: ['tech-sme'], needs: ['first-loan'] })).matches.find(
            (x) => x.id === 'test-loan',
        )!;
        expect(m.reasons.map((r) => conditionText(r).zh)).toEqual(['满足需求：首贷', '处于成长期，产品面向成长期、成熟期（具有一定规模）企业']);
        expect(m.reasons.map((r) => conditionText(r).en)).toEqual(['serves your need: first loan', 'at the growth stage, which the product serves']);
        expect(m.missing.map((c) => [c.status, conditionText(c).en])).toEqual([
            ['unmet', 'requires High-Tech Enterprise certification'],
            ['unknown', 'for small, medium firms'],
            ['unknown', 'no bad overdue records'],
        ]);
        expect(m.missing[0]!.sources).toEqual(['s1']);
        expect(m.amount).toEqual({ zh: '最高 1,000 万元', en: 'up to 10 million yuan' });
        expect(m.contacts).toEqual([
            {
                id: 'test-org',
                name: { zh: '测试机构', en: 'Test Agency' },
                phones: [{ value: '021-00000000', label: { zh: '咨询电话', en: 'enquiries' } }],
                address: '测试路1号',
                website: 'https://example.org/agency',
            },
        ]);
        expect(m.sources[0]!.url).toBe('https://example.org/source');
    });

    it('shows what the question was understood to say', () => {
        const r = matchProducts(snapshot, parseProfile({ question: '贷款快到期了，需要500万', stage: 'growth' }));
        expect(r.profile).toMatchObject({ stage: 'growth', needs: ['loan-renewal'], amountWan: 500 });
        expect(r.understood.map((u) => u.field)).toEqual(['needs', 'amountWan']);
    });

    it('lets given fields win over what the question says', () => {
        const r = matchProducts(snapshot, parseProfile({ question: '我们是初创企业', stage: 'growth' }));
        expect(r.profile.stage).toBe('growth');
        expect(r.understood).toEqual([]);
    });
});

describe('ranking (golden orders)', () => {
    it('puts eligible before possible before ineligible', () => {
        expect(order({ stage: 'startup', size: 'micro', annualRevenueWan: 500, qualifications: [] })).toEqual([
            'test-micro', // eligible: startup, micro, revenue 500 within 200–1000
            'test-renewal', // possible: states no structured conditions
            'test-loan', // ineligible: for growth/mature firms with high-tech status
        ]);
    });

    it('orders within a rating by the needs served', () => {
        expect(order({ needs: ['loan-renewal'] })[0]).toBe('test-renewal'); // all possible; only it serves renewal
        expect(order({ needs: ['first-loan'] })[0]).toBe('test-loan'); // all possible; only it serves first loans
    });

    it('uses the question relevance within a rating', () => {
        // All three are possible for an empty-ish profile; relevance decides.
        expect(order({ question: 'x' }, { 'test-micro': 5, 'test-loan': 1 })[0]).toBe('test-micro');
        expect(order({ question: 'x' }, { 'test-loan': 5, 'test-micro': 1 })[0]).toBe('test-loan');
    });
});

describe('profile validation', () => {
    it('refuses an empty profile', () => {
        expect(() => parseProfile({})).toThrow(/the profile is empty/);
    });

    it('refuses unknown words with the allowed list', () => {
        expect(() => parseProfile({ stage: 'teen' })).toThrow(ProfileError);
        expect(() => parseProfile({ stage: 'teen' })).toThrow('stage: unknown stage "teen"; allowed: seed, startup, growth, mature');
        expect(() => parseProfile({ qualifications: ['hightech'] })).toThrow(
            'qualifications.0: unknown qualification "hightech"; allowed: tech-sme, high-tech',
        );
    });

    it('refuses unknown fields and wrong types', () => {
        expect(() => parseProfile({ stage: 'growth', revenue: 5 })).toThrow(/revenue/);
        expect(() => parseProfile({ amountWan: '500' })).toThrow(/amountWan/);
    });

    it('cuts an overlong question instead of refusing it', () => {
        expect(parseProfile({ question: 'x'.repeat(5000) }).question).toHaveLength(2000);
    });
});

describe('condition texts', () => {
    it('read as what the firm has when met, and as what the product asks otherwise', () => {
        const met = matchProducts(
            snapshot,
            parseProfile({ stage: 'startup', size: 'micro', annualRevenueWan: 300, qualifications: [] }),
        ).matches.find((m) => m.id === 'test-micro')!;
        expect(met.reasons.map((r) => conditionText(r).zh)).toEqual([
            '处于初创期，产品面向初创期企业',
            '微型企业，在产品面向的微型、小型企业之列',
            '年营业收入 300 万元，在 200–1000 万元之内',
        ]);
        // In English, in yuan as an English reader counts them, the 万元 beside them.
        expect(conditionText(met.reasons[2]!).en).toBe(
            'annual revenue of 3 million yuan (300万元) is within 2 million yuan – 10 million yuan (200–1000万元)',
        );
        const loan = matchProducts(snapshot, parseProfile({ qualifications: ['high-tech'] })).matches.find((m) => m.id === 'test-loan')!;
        expect(loan.reasons.map((r) => conditionText(r).en)).toEqual(['holds High-Tech Enterprise certification']);
        expect(loan.missing.map((r) => conditionText(r).en)).toEqual([
            'for firms at the growth stage, mature (of a certain scale)',
            'for small, medium firms',
            'no bad overdue records',
        ]);
    });
});
