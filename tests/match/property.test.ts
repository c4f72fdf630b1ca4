/**
 * Property test over the shipped cards: for seeded random profiles, no
 * product is rated ineligible by a condition whose source is not current,
 * and every reason and condition cites sources of that very condition.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { conditionText } from '../../src/core/words/match.ts';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { STRUCTURED_CONDITIONS, type KnowledgeItem, type ProductItem, type StructuredCondition } from '../../src/core/knowledge/schema.ts';
import { matchProducts } from '../../src/core/match/match.ts';
import type { ConditionCheck } from '../../src/core/match/types.ts';
import { random } from '../../bench/synthetic.ts';
import { randomProfile } from '../helpers/random-profile.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const NOW = new Date('2026-11-26');
const RUNS = 400;
// random(seed) is the seeded generator of the benchmark: a failure replays with its seed.

/** The structured conditions a check of `field` can come from. */
const CONDITIONS_OF: Record<string, readonly StructuredCondition[]> = {
    stage: ['stages'],
    qualifications: ['qualifications_all', 'qualifications_any', 'qualifications_preferred'],
    size: ['sizes'],
    annualRevenueWan: ['revenue_wan'],
    hasIntellectualProperty: ['requires_ip'],
};

/** The source-key lists that may back a check: those of its own condition only. */
function ownSources(p: ProductItem, c: ConditionCheck): (readonly string[])[] {
    // A need served is not a condition: it rests on what the card says the product is for.
    if (c.field === 'needs') return [p.eligibility?.sources ?? p.sources.map((s) => s.key)];
    const e = p.eligibility;
    if (!e) return [];
    if (c.field === undefined) return e.conditions.filter((f) => f.zh === conditionText(c).zh).map((f) => f.sources);
    return (CONDITIONS_OF[c.field] ?? []).map((k) => e.basis[k]?.sources).filter((s): s is string[] => s !== undefined);
}

/** The shipped cards with every structured condition marked unconfirmed. */
function allUnconfirmed(snapshot: KnowledgeSnapshot): KnowledgeSnapshot {
    const items = new Map<string, KnowledgeItem>();
    for (const [id, item] of snapshot.items) {
        const copy = structuredClone(item) as KnowledgeItem;
        if ('eligibility' in copy && copy.eligibility) {
            for (const k of STRUCTURED_CONDITIONS) {
                const basis = copy.eligibility.basis[k];
                if (basis) copy.eligibility.basis[k] = { ...basis, status: 'unconfirmed' };
            }
        }
        items.set(id, copy);
    }
    return { ...snapshot, items };
}

let shipped: KnowledgeSnapshot;
beforeAll(async () => {
    shipped = (await loadKnowledge(SHIPPED_KNOWLEDGE, { now: NOW })).snapshot!;
});

describe('ratings over random profiles (seeded)', () => {
    it("rate ineligible only on an unmet current condition, and cite each condition's own sources", () => {
        const next = random(20261126);
        let ineligible = 0;
        for (let run = 0; run < RUNS; run++) {
            const profile = randomProfile(next);
            for (const m of matchProducts(shipped, profile, { now: NOW }).matches) {
                const p = shipped.items.get(m.id) as ProductItem;
                const where = `${m.id} for ${JSON.stringify(profile)}`;
                const checks = [...m.reasons, ...m.missing].filter((c) => c.field !== 'valid_until');
                for (const c of checks) {
                    if (c.status === 'unmet') expect(c.sourceStatus, `${where}: unmet on a non-current source`).toBe('current');
                    expect(c.sources.length, `${where}: "${conditionText(c).en}" cites nothing`).toBeGreaterThan(0);
                    expect(
                        ownSources(p, c),
                        `${where}: "${conditionText(c).en}" cites ${c.sources.join(', ')}, not its condition's sources`,
                    ).toContainEqual(c.sources);
                }
                if (m.eligibility === 'ineligible') {
                    ineligible++;
                    expect(
                        m.missing.some((c) => c.status === 'unmet' && c.sourceStatus === 'current'),
                        where,
                    ).toBe(true);
                }
            }
        }
        // The property must have been exercised, not passed vacuously.
        expect(ineligible).toBeGreaterThan(RUNS / 4);
    });

    it('never rate anything ineligible when every structured condition is unconfirmed', () => {
        const unconfirmed = allUnconfirmed(shipped);
        const next = random(7);
        for (let run = 0; run < RUNS; run++) {
            const profile = randomProfile(next);
            const ratings = matchProducts(unconfirmed, profile, { now: NOW }).matches.map((m) => m.eligibility);
            expect(ratings, JSON.stringify(profile)).not.toContain('ineligible');
            expect(ratings, JSON.stringify(profile)).not.toContain('eligible');
        }
    });
});
