/**
 * The matcher's fast path (select.ts: products grouped by their terms, a
 * bounded merge) gives exactly the list of rating every product in full
 * and sorting them all (rating, score, id), with the same totals: for every
 * profile of the eval files and for seeded random ones, on a synthetic
 * snapshot of a few hundred cards whose terms, source standings and
 * expiry dates are shuffled so that many groups, ties and expired cards
 * occur.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { random, syntheticSnapshot } from '../../bench/synthetic.ts';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { STRUCTURED_CONDITIONS, type KnowledgeItem, type ProductItem } from '../../src/core/knowledge/schema.ts';
import { loadMatchCases } from '../../src/eval/cases.ts';
import { DEFAULT_MATCH_LIMIT, matchProducts, productMatch } from '../../src/core/match/match.ts';
import { parseProfile, type FirmProfile } from '../../src/core/match/profile.ts';
import { buildMatchIndex, compareIds, matchIndex, sortIds } from '../../src/core/match/select.ts';
import type { Eligibility, MatchResponse, ProductMatch } from '../../src/core/match/types.ts';
import { QUALIFICATIONS, STAGES } from '../../src/core/vocabulary.ts';
import { createKnowledgeService } from '../../src/core/service.ts';
import { copyFolder } from '../helpers/knowledge.ts';
import { randomProfile } from '../helpers/random-profile.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const DAYS = ['2026-11-26', '2026-11-27', '2027-06-30'].map((d) => new Date(`${d}T08:00:00Z`));
const VALID_UNTIL = ['2026-11-25', '2026-11-26', '2026-11-27', '2027-01-31', '2028-12-31'];
const RUNS = 150;

let shipped: KnowledgeSnapshot;
let city: KnowledgeSnapshot;
beforeAll(async () => {
    shipped = (await loadKnowledge(SHIPPED_KNOWLEDGE, { now: DAYS[0] })).snapshot!;
    city = shuffled(syntheticSnapshot(shipped, 400), random(12));
});

/** The synthetic cards with some conditions dropped or moved, some sources unconfirmed or outdated, some expiry dates. */
function shuffled(snapshot: KnowledgeSnapshot, next: () => number): KnowledgeSnapshot {
    const items = new Map<string, KnowledgeItem>();
    for (const [id, item] of snapshot.items) {
        if (item.kind !== 'product' || !id.includes('-syn-')) {
            items.set(id, item);
            continue;
        }
        const p = structuredClone(item) as ProductItem & { -readonly [K in 'valid_until']?: string };
        if (next() < 0.3) p.valid_until = VALID_UNTIL[Math.floor(next() * VALID_UNTIL.length)];
        const e = p.eligibility as { -readonly [K in keyof NonNullable<ProductItem['eligibility']>]: unknown } | undefined;
        if (e) {
            const basis = e.basis as Record<string, { sources: string[]; status?: string }>;
            for (const c of STRUCTURED_CONDITIONS) {
                if (basis[c] && next() < 0.2) basis[c] = { ...basis[c], status: next() < 0.5 ? 'unconfirmed' : 'outdated' };
                if (basis[c] && next() < 0.1) {
                    delete e[c];
                    delete basis[c];
                }
            }
            if (next() < 0.15) {
                e.stages = STAGES.values.filter(() => next() < 0.5);
                basis.stages = { sources: p.sources.slice(0, 1).map((s) => s.key) };
            }
            if (next() < 0.15) {
                e.qualifications_any = QUALIFICATIONS.values.filter(() => next() < 0.4);
                basis.qualifications_any = { sources: p.sources.slice(0, 1).map((s) => s.key) };
            }
        }
        items.set(id, p);
    }
    return { ...snapshot, version: `${snapshot.version}-shuffled`, items };
}

const ORDER: Record<Eligibility, number> = { eligible: 0, possible: 1, ineligible: 2 };

/** The matcher as it was: every product rated in full, all of them sorted. */
function rateEveryProduct(
    snapshot: KnowledgeSnapshot,
    given: FirmProfile,
    response: MatchResponse,
    now: Date,
    relevance: ReadonlyMap<string, number>,
): ProductMatch[] {
    const context = { qualsComplete: given.qualifications !== undefined, now };
    return [...snapshot.items.values()]
        .filter((i): i is ProductItem => i.kind === 'product')
        .map((p) => productMatch(snapshot, p, response.profile, { ...context, relevance: relevance.get(p.id) ?? 0 }))
        .sort((a, b) => ORDER[a.eligibility] - ORDER[b.eligibility] || b.score - a.score || a.id.localeCompare(b.id));
}

function totalsOf(matches: readonly ProductMatch[]): Record<Eligibility, number> {
    const totals = { eligible: 0, possible: 0, ineligible: 0 };
    for (const m of matches) totals[m.eligibility]++;
    return totals;
}

/** Question relevance for a few products, the best at 1 as the matcher normalises it; some tie. */
function randomRelevance(snapshot: KnowledgeSnapshot, next: () => number): Map<string, number> {
    const ids = [...snapshot.items.keys()];
    const scores = new Map<string, number>();
    for (let i = 0; i < 20; i++) scores.set(ids[Math.floor(next() * ids.length)]!, Math.round(next() * 4) / 4);
    scores.set(ids[Math.floor(next() * ids.length)]!, 1);
    return scores;
}

/** Checks one profile on one day with one limit; returns the full list and the profile matched, for the caller's own counts. */
function expectSameAsRatingEverything(
    snapshot: KnowledgeSnapshot,
    given: FirmProfile,
    now: Date,
    limit: number | undefined,
    relevance: Map<string, number>,
) {
    const response = matchProducts(snapshot, given, { now, ...(limit !== undefined && { limit }), questionScores: () => relevance });
    const used = given.question ? relevance : new Map<string, number>();
    const all = rateEveryProduct(snapshot, given, response, now, used);
    const where = `${JSON.stringify(given)} on ${now.toISOString().slice(0, 10)}, limit ${limit}`;
    expect(response.matches, where).toEqual(all.slice(0, limit ?? DEFAULT_MATCH_LIMIT));
    expect(response.totals, where).toEqual(totalsOf(all));
    return { all, profile: response.profile };
}

/** Whether product `id` rates eligible for `profile` on a day before any card expires. */
function wouldBeEligible(snapshot: KnowledgeSnapshot, id: string, given: FirmProfile, profile: FirmProfile): boolean {
    const context = { qualsComplete: given.qualifications !== undefined, relevance: 0, now: new Date('2000-01-01') };
    return productMatch(snapshot, snapshot.items.get(id) as ProductItem, profile, context).eligibility === 'eligible';
}

describe('the fast path of the matcher', () => {
    it('groups the synthetic products into far fewer groups than products, each product once', () => {
        const index = matchIndex(city);
        const products = [...city.items.values()].filter((i) => i.kind === 'product');
        expect(index.products.size).toBe(products.length);
        expect(index.groups.flatMap((g) => g.ids).sort()).toEqual(products.map((p) => p.id).sort());
        expect(index.groups.length).toBeGreaterThan(10);
        expect(index.groups.length).toBeLessThan(products.length / 2);
        // Built once per snapshot.
        expect(matchIndex(city)).toBe(index);
    });

    it('builds the same index whatever order the last build left, after adds, edits and deletes', () => {
        const next = random(99);
        const fresh = buildMatchIndex(city, []);
        const ids = [...fresh.products.keys()];
        for (let run = 0; run < 20; run++) {
            // The order of an earlier folder: some ids gone since, some not yet there, some foreign.
            const previous = ids
                .filter(() => next() < 0.9)
                .concat(['zz-gone', 'aa-gone'])
                .sort(compareIds);
            expect(sortIds(ids, previous)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
            expect(buildMatchIndex(city, previous)).toEqual(fresh);
        }
        // A product edited into other terms moves to another group; the new snapshot gets its own index.
        const [id, card] = [...city.items].find(([, i]) => i.kind === 'product' && (i as ProductItem).eligibility?.stages?.length)!;
        const edited = { ...(card as ProductItem), eligibility: { ...(card as ProductItem).eligibility!, stages: [] } };
        const next2 = { ...city, items: new Map(city.items).set(id, edited) };
        const before = matchIndex(city);
        const after = matchIndex(next2);
        expect(after).not.toBe(before);
        expect(after.groups[after.products.get(id)!.group]!.terms.stages).toBeUndefined();
        expect(before.groups[before.products.get(id)!.group]!.terms.stages).toBeDefined();
    });

    it('equals rating every product for each profile of the eval files', async () => {
        const next = random(2026);
        for (const c of await loadMatchCases()) {
            const given = parseProfile(c.profile);
            for (const now of DAYS) {
                for (const limit of [undefined, 5, Infinity]) expectSameAsRatingEverything(city, given, now, limit, randomRelevance(city, next));
            }
        }
    });

    it('equals rating every product for seeded random profiles, questions and limits', () => {
        const next = random(1126);
        const seen = { eligible: 0, possible: 0, ineligible: 0, 'eligible but for its expiry': 0 };
        for (let run = 0; run < RUNS; run++) {
            const given = randomProfile(next, (maybe) => ({
                qualificationsLacking: maybe(() => QUALIFICATIONS.values.filter(() => next() < 0.3)),
                question: maybe(() => 'question'),
            }));
            const now = DAYS[run % DAYS.length]!;
            const limits = [undefined, 1 + Math.floor(next() * 30), Infinity];
            const { all, profile } = expectSameAsRatingEverything(city, given, now, limits[run % limits.length], randomRelevance(city, next));
            expect(all.length).toBeGreaterThan(DEFAULT_MATCH_LIMIT);
            for (const m of all) {
                seen[m.eligibility]++;
                if (m.expired && wouldBeEligible(city, m.id, given, profile)) seen['eligible but for its expiry']++;
            }
        }
        // The comparison must have met every rating, and cards that only their expiry keeps from eligible.
        for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(0);
    });

    it('follows a live edit of a watched folder: a card edited into other terms rates by them at once', async () => {
        const folder = await copyFolder();
        const service = await createKnowledgeService({ dir: folder.dir, watch: true, debounceMs: 50, rescanMs: 0 });
        try {
            const rated = () => service.match({ stage: 'seed' }).matches.find((m) => m.id === 'test-loan')?.eligibility;
            const before = service.match({ stage: 'seed' }).totals;
            expect(rated()).toBe('ineligible');
            await folder.edit('products/test-loan.md', (t) => t.replace('stages: [growth, mature]', 'stages: [seed, growth, mature]'));
            await service.reload();
            expect(rated()).toBe('possible');
            // Counted from the index of the new snapshot, not of the old one.
            expect(service.match({ stage: 'seed' }).totals).toEqual({ ...before, ineligible: before.ineligible - 1, possible: before.possible + 1 });
        } finally {
            await service.close();
            await folder.remove();
        }
    });

    it('lists every shipped product when no limit is given, as before', () => {
        const given = parseProfile({ stage: 'growth', qualifications: ['high-tech'] });
        const response = matchProducts(shipped, given, { now: DAYS[0] });
        const products = [...shipped.items.values()].filter((i) => i.kind === 'product');
        expect(products.length).toBeLessThan(DEFAULT_MATCH_LIMIT);
        expect(response.matches.map((m) => m.id).sort()).toEqual(products.map((p) => p.id).sort());
        expect(response.totals.eligible + response.totals.possible + response.totals.ineligible).toBe(products.length);
    });
});
