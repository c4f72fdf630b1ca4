/**
 * The matcher at city scale. Thousands of cards state the same few
 * structured conditions (a stage list, a title, a size, a revenue range),
 * so the products of a snapshot are grouped once by their terms (rate.ts),
 * and a profile is rated once per group, not once per card. The best
 * `limit` products are then taken in the matcher's order (rating, score,
 * id) by merging the groups' id lists, without rating or sorting the rest;
 * match.ts builds the full answer for those products only.
 *
 * The index is built at the first match on a snapshot and kept as long as
 * the snapshot lives (a snapshot is never changed once loaded: a reload
 * makes a new one, and so a new index).
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import { isExpired, type ProductItem } from '../knowledge/schema.ts';
import type { FirmProfile } from './profile.ts';
import { rating, score, termsOf, verdicts, type Terms } from './rate.ts';
import type { Eligibility } from './types.ts';

/** The order of ratings in a match: eligible first. */
export const RATING_ORDER: Readonly<Record<Eligibility, number>> = { eligible: 0, possible: 1, ineligible: 2 };

/** The last tie-break of a match, by id: `String.prototype.localeCompare` (the same collation), only faster. */
export const compareIds: (a: string, b: string) => number = new Intl.Collator().compare;

interface Group {
    readonly terms: Terms;
    /** Its products, by `compareIds`. */
    readonly ids: readonly string[];
    /** Its products that have a `valid_until`, with it. */
    readonly dated: readonly { readonly id: string; readonly valid_until: string }[];
}

/** A group's products on one day: those not expired, and those expired (each list by `compareIds`). */
interface Split {
    readonly current: readonly string[];
    readonly expired: readonly string[];
}

export interface MatchIndex {
    readonly groups: readonly Group[];
    /** Each product's group (its index in `groups`) and `valid_until`. */
    readonly products: ReadonlyMap<string, { readonly group: number; readonly valid_until?: string | undefined }>;
}

const indexes = new WeakMap<KnowledgeSnapshot, MatchIndex>();
/** The groups split by expiry, for the last day asked of each index: expiry moves once a day. */
const splits = new WeakMap<MatchIndex, { readonly day: string; readonly split: readonly Split[] }>();

/** The match index of a snapshot, built at the first call and then kept with the snapshot. */
export function matchIndex(snapshot: KnowledgeSnapshot): MatchIndex {
    let index = indexes.get(snapshot);
    if (!index) {
        index = buildMatchIndex(snapshot);
        indexes.set(snapshot, index);
    }
    return index;
}

/** Each card's terms and their JSON, kept with the card: a reload hands every unchanged card back as the same object. */
const termsOfCard = new WeakMap<ProductItem, { readonly terms: Terms; readonly key: string }>();

function keyedTerms(p: ProductItem): { readonly terms: Terms; readonly key: string } {
    let entry = termsOfCard.get(p);
    if (!entry) {
        const terms = termsOf(p);
        entry = { terms, key: JSON.stringify(terms) };
        termsOfCard.set(p, entry);
    }
    return entry;
}

/** The product ids of the last index built, by `compareIds`: the next build (after an edit) sorts only the ids it adds. */
let lastOrder: readonly string[] = [];

/**
 * Groups the credit products (kind `product`) of a snapshot by the JSON of
 * their terms, each group's ids by `compareIds`. `previousOrder` (default:
 * that of the last index built) only saves work: any order gives the same index.
 */
export function buildMatchIndex(snapshot: KnowledgeSnapshot, previousOrder: readonly string[] = lastOrder): MatchIndex {
    const cards = new Map<string, ProductItem>();
    for (const item of snapshot.items.values()) if (item.kind === 'product') cards.set(item.id, item as ProductItem);
    const order = sortIds([...cards.keys()], previousOrder);
    lastOrder = order;
    const byTerms = new Map<string, { terms: Terms; members: ProductItem[] }>();
    for (const id of order) {
        const p = cards.get(id)!;
        const { terms, key } = keyedTerms(p);
        const group = byTerms.get(key);
        if (group) group.members.push(p);
        else byTerms.set(key, { terms, members: [p] });
    }
    const groups: Group[] = [];
    const products = new Map<string, { group: number; valid_until?: string | undefined }>();
    for (const { terms, members } of byTerms.values()) {
        for (const p of members) products.set(p.id, { group: groups.length, valid_until: p.valid_until });
        groups.push({
            terms,
            ids: members.map((p) => p.id),
            dated: members.filter((p) => p.valid_until !== undefined).map((p) => ({ id: p.id, valid_until: p.valid_until! })),
        });
    }
    return { groups, products };
}

/**
 * `ids` by `compareIds`. The collation is slow next to the rest of a build,
 * so when most ids are those of `previous` (already in order), only the
 * others are sorted and placed by binary search.
 */
export function sortIds(ids: readonly string[], previous: readonly string[]): string[] {
    const wanted = new Set(ids);
    const kept = previous.filter((id) => wanted.has(id));
    if (kept.length < ids.length / 2) return [...ids].sort(compareIds);
    const known = new Set(kept);
    const added = ids.filter((id) => !known.has(id)).sort(compareIds);
    const out: string[] = [];
    let from = 0;
    for (const id of added) {
        // The first kept id after `id`; `added` is sorted, so the search starts where the last one ended.
        let lo = from;
        let hi = kept.length;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (compareIds(kept[mid]!, id) < 0) lo = mid + 1;
            else hi = mid;
        }
        for (let i = from; i < lo; i++) out.push(kept[i]!);
        out.push(id);
        from = lo;
    }
    for (let i = from; i < kept.length; i++) out.push(kept[i]!);
    return out;
}

/** Each group split into the products current and expired on `now`'s day (isExpired decides). */
function splitOn(index: MatchIndex, now: Date): readonly Split[] {
    const day = now.toISOString().slice(0, 10);
    const cached = splits.get(index);
    if (cached?.day === day) return cached.split;
    const split = index.groups.map((g): Split => {
        const expired = new Set(g.dated.filter((p) => isExpired(p, now)).map((p) => p.id));
        if (expired.size === 0) return { current: g.ids, expired: [] };
        return { current: g.ids.filter((id) => !expired.has(id)), expired: g.ids.filter((id) => expired.has(id)) };
    });
    splits.set(index, { day, split });
    return split;
}

export interface SelectOptions {
    /** Whether the profile's qualifications are the complete list. */
    readonly qualsComplete: boolean;
    /** The question's relevance per product id, 0..1; absent is 0. */
    readonly relevance: ReadonlyMap<string, number>;
    readonly now: Date;
    /** How many ids at most; `Infinity` for all. */
    readonly limit: number;
}

export interface Selection {
    /** The best products, in the matcher's order. */
    readonly ids: readonly string[];
    /** How many products rate each way, among all of the snapshot's. */
    readonly totals: Readonly<Record<Eligibility, number>>;
}

/** A list of product ids that share a rating and a score, by `compareIds`, read from `at` on. */
interface Run {
    readonly order: number;
    readonly score: number;
    readonly ids: readonly string[];
    /** Whether to pass over the ids scored on their own (a group's run; not a single product's). */
    readonly group: boolean;
    at: number;
}

/**
 * The ids of the best `limit` products for the profile, in the order of
 * rating every product with `productMatch` and sorting them by rating,
 * score and id, and the totals per rating.
 */
export function selectProducts(index: MatchIndex, profile: FirmProfile, options: SelectOptions): Selection {
    const { qualsComplete, relevance, now, limit } = options;
    const split = splitOn(index, now);
    const totals: Record<Eligibility, number> = { eligible: 0, possible: 0, ineligible: 0 };
    const runs: Run[] = [];
    const checked = index.groups.map((g, i) => {
        const checks = verdicts(g.terms, profile, qualsComplete);
        const base = score(g.terms, checks, profile, 0);
        const { current, expired } = split[i]!;
        for (const [ids, rated] of [
            [current, rating(checks, false)],
            [expired, rating(checks, true)],
        ] as const) {
            totals[rated] += ids.length;
            if (ids.length > 0) runs.push({ order: RATING_ORDER[rated], score: base, ids, group: true, at: 0 });
        }
        return checks;
    });
    // A product the question is relevant to scores above its group: it runs on its own.
    const alone = new Set<string>();
    for (const [id, r] of relevance) {
        const p = index.products.get(id);
        if (!p || r === 0) continue;
        const g = index.groups[p.group]!;
        const checks = checked[p.group]!;
        runs.push({
            order: RATING_ORDER[rating(checks, isExpired(p, now))],
            score: score(g.terms, checks, profile, r),
            ids: [id],
            group: false,
            at: 0,
        });
        alone.add(id);
    }
    runs.sort((a, b) => a.order - b.order || b.score - a.score);

    const ids: string[] = [];
    for (let i = 0; i < runs.length && ids.length < limit;) {
        let j = i + 1;
        while (j < runs.length && runs[j]!.order === runs[i]!.order && runs[j]!.score === runs[i]!.score) j++;
        takeMerged(runs.slice(i, j), alone, ids, limit);
        i = j;
    }
    return { ids, totals };
}

/** Appends to `out`, up to `limit`, the ids of runs that tie on rating and score, merged by `compareIds`. */
function takeMerged(tied: Run[], alone: ReadonlySet<string>, out: string[], limit: number): void {
    while (out.length < limit) {
        let best: Run | undefined;
        for (const r of tied) {
            if (r.group) while (r.at < r.ids.length && alone.has(r.ids[r.at]!)) r.at++;
            if (r.at < r.ids.length && (!best || compareIds(r.ids[r.at]!, best.ids[best.at]!) < 0)) best = r;
        }
        if (!best) return;
        out.push(best.ids[best.at++]!);
    }
}
