/**
 * The one rating rule and ranking score of the matcher, read from a card's
 * terms: the few fields of a product that its rating and score depend on.
 * The full match (match.ts, with texts and citations), the product list
 * (`rateFor`) and the fast selection over a whole snapshot (select.ts) all
 * rate through here, so they cannot disagree. Nothing here builds a text.
 */
import { isExpired, type Basis, type ProductItem, type StructuredCondition } from '../knowledge/schema.ts';
import { IMPLIED_QUALIFICATIONS, type Need, type Qualification, type Size, type Stage } from '../vocabulary.ts';
import type { FirmProfile } from './profile.ts';
import type { ConditionCheck, Eligibility, SourceStatus } from './types.ts';

/**
 * What of a product the rating and the score read, and nothing else: two
 * products with equal terms (as JSON) rate and score alike for every
 * profile, up to the question's relevance and the card's expiry.
 */
export interface Terms {
    readonly stages?: readonly Stage[];
    readonly qualifications_all?: readonly Qualification[];
    readonly qualifications_any?: readonly Qualification[];
    readonly sizes?: readonly Size[];
    readonly revenue_wan?: { readonly min?: number | undefined; readonly max?: number | undefined };
    readonly requires_ip?: true;
    /** Titles favoured, counted only when a source states them. */
    readonly preferred?: readonly Qualification[];
    /** What the product is for. */
    readonly needs: readonly Need[];
    /** Per structured condition set, the standing of its sources. */
    readonly standing: Partial<Record<StructuredCondition, SourceStatus>>;
}

/** A rated condition: what kind of condition, the profile against it, and the standing of its sources. */
export interface Verdict {
    readonly condition: Exclude<StructuredCondition, 'qualifications_preferred'>;
    /** For `qualifications_all`: the title this verdict is about (one verdict per title). */
    readonly qualification?: Qualification;
    readonly status: ConditionCheck['status'];
    /** The profile contradicts a condition whose sources are not current: a thing to confirm, never a ruling. */
    readonly differs: boolean;
    readonly sourceStatus: SourceStatus;
}

/** The standing of a basis: no status means current; no basis at all (a hand-made snapshot) is unconfirmed. */
export function standingOf(basis: Basis | undefined): SourceStatus {
    return basis ? (basis.status ?? 'current') : 'unconfirmed';
}

/** The terms of a product, built in a fixed shape so that equal terms give equal JSON. */
export function termsOf(p: ProductItem): Terms {
    const e = p.eligibility;
    if (!e) return { needs: p.needs, standing: {} };
    const standing: Partial<Record<StructuredCondition, SourceStatus>> = {};
    const set = <T>(c: StructuredCondition, value: T): T => {
        standing[c] = standingOf(e.basis[c]);
        return value;
    };
    const list = <T>(c: StructuredCondition, value: readonly T[] | undefined) => (value?.length ? set(c, value) : undefined);
    const preferredBasis = e.basis.qualifications_preferred;
    return {
        stages: list('stages', e.stages),
        qualifications_all: list('qualifications_all', e.qualifications_all),
        qualifications_any: list('qualifications_any', e.qualifications_any),
        sizes: list('sizes', e.sizes),
        revenue_wan: e.revenue_wan ? set('revenue_wan', { min: e.revenue_wan.min, max: e.revenue_wan.max }) : undefined,
        requires_ip: e.requires_ip ? set('requires_ip', true as const) : undefined,
        // Favoured titles rank but never rate; without a basis they do not count at all.
        preferred: preferredBasis && e.qualifications_preferred?.length ? e.qualifications_preferred : undefined,
        needs: p.needs,
        standing,
    };
}

/**
 * The structured conditions of a product checked against the profile, in
 * the order the fronts list them. Qualifications count as a complete list
 * only when `qualsComplete`: then a title not held is unmet, else unknown
 * unless the profile says the firm lacks it.
 */
export function verdicts(t: Terms, profile: FirmProfile, qualsComplete: boolean): Verdict[] {
    const out: Verdict[] = [];
    const add = (condition: Verdict['condition'], status: Verdict['status'], qualification?: Qualification) => {
        const sourceStatus = t.standing[condition] ?? 'unconfirmed';
        const differs = status === 'unmet' && sourceStatus !== 'current';
        out.push({ condition, status: differs ? 'unknown' : status, differs, sourceStatus, ...(qualification ? { qualification } : {}) });
    };
    const lacks = (q: Qualification) => (profile.qualificationsLacking ?? []).includes(q);
    if (t.stages) add('stages', profile.stage === undefined ? 'unknown' : t.stages.includes(profile.stage) ? 'met' : 'unmet');
    for (const q of t.qualifications_all ?? [])
        add('qualifications_all', holds(profile, q) ? 'met' : qualsComplete || lacks(q) ? 'unmet' : 'unknown', q);
    if (t.qualifications_any) {
        const any = t.qualifications_any;
        add('qualifications_any', any.some((q) => holds(profile, q)) ? 'met' : qualsComplete || any.every(lacks) ? 'unmet' : 'unknown');
    }
    if (t.sizes) add('sizes', profile.size === undefined ? 'unknown' : t.sizes.includes(profile.size) ? 'met' : 'unmet');
    if (t.revenue_wan) {
        const { min, max } = t.revenue_wan;
        const r = profile.annualRevenueWan;
        add('revenue_wan', r === undefined ? 'unknown' : (min === undefined || r >= min) && (max === undefined || r <= max) ? 'met' : 'unmet');
    }
    if (t.requires_ip) {
        const has = profile.hasIntellectualProperty;
        add('requires_ip', has === undefined ? 'unknown' : has ? 'met' : 'unmet');
    }
    return out;
}

/** The rating rule (see match.ts): an unmet condition rules out; only every condition met and current, on a card not expired, is eligible. */
export function rating(checks: readonly Pick<Verdict, 'status' | 'sourceStatus'>[], expired: boolean): Eligibility {
    if (checks.some((c) => c.status === 'unmet')) return 'ineligible';
    // With no structured condition there is nothing to be sure of: at most possible.
    const sure = checks.length > 0 && checks.every((c) => c.status === 'met' && c.sourceStatus === 'current');
    return sure && !expired ? 'eligible' : 'possible';
}

/**
 * The rating of one offering for a profile whose qualifications, if given,
 * are the complete list: the one rule that `matchProducts` and the product
 * list (`/products`, `list_financing_products`) both apply.
 */
export function rateFor(p: ProductItem, profile: FirmProfile, now: Date): Eligibility {
    return rating(verdicts(termsOf(p), profile, profile.qualifications !== undefined), isExpired(p, now));
}

/** Ranking weights; named so that the golden tests can say why an order holds. */
export const RANKING = {
    /** Per stated need the product serves. */
    needServed: 3,
    /** When the firm states needs and the product serves none of them. */
    noNeedServed: -1,
    /** Times the question relevance, normalised to 0..1. */
    question: 2,
    /** Per structured condition met: a product aimed at this firm beats a generic one. */
    conditionMet: 0.3,
    /** Per condition the profile leaves unknown. */
    conditionUnknown: -0.2,
    preferredQualification: 0.5,
} as const;

/** The profile's needs that the product serves, in the profile's order. */
export function servedNeeds(t: Terms, profile: FirmProfile): Need[] {
    return (profile.needs ?? []).filter((n) => t.needs.includes(n));
}

/** The favoured titles the firm holds (or is implied to hold). */
export function preferredHeld(t: Terms, profile: FirmProfile): Qualification[] {
    return (t.preferred ?? []).filter((q) => holds(profile, q));
}

/** The ranking score within a rating, rounded to 1/1000 as shown; `relevance` is the question's, 0..1. */
export function score(t: Terms, checks: readonly Pick<Verdict, 'status'>[], profile: FirmProfile, relevance: number): number {
    const served = servedNeeds(t, profile).length;
    const count = (status: Verdict['status']) => checks.reduce((n, c) => n + (c.status === status ? 1 : 0), 0);
    const raw =
        served * RANKING.needServed +
        ((profile.needs?.length ?? 0) > 0 && t.needs.length > 0 && served === 0 ? RANKING.noNeedServed : 0) +
        relevance * RANKING.question +
        count('met') * RANKING.conditionMet +
        count('unknown') * RANKING.conditionUnknown +
        preferredHeld(t, profile).length * RANKING.preferredQualification;
    return Math.round(raw * 1000) / 1000;
}

export function holds(profile: FirmProfile, q: Qualification): boolean {
    return (profile.qualifications ?? []).some((h) => h === q || (IMPLIED_QUALIFICATIONS[h] ?? []).includes(q));
}
