import type { NextStep } from '../knowledge/application.ts';
import type { Source } from '../knowledge/schema.ts';
import type { Kind, Lang, Localized, Need, Qualification, Size, Stage } from '../vocabulary.ts';
import type { FirmProfile } from './profile.ts';

export type Eligibility = 'eligible' | 'possible' | 'ineligible';

/** How far a condition's sources carry it: only a `current` one can rule a product out. */
export type SourceStatus = 'current' | 'unconfirmed' | 'outdated';

/**
 * What a checked condition is about, as data: the card's values and, where
 * the profile states it, the firm's. The matcher decides; core/words/match.ts
 * `conditionText` words it, for every front alike.
 */
export type CheckedCondition =
    | { readonly kind: 'stages'; readonly stages: readonly Stage[]; readonly stage?: Stage }
    /** One title of `qualifications_all` (one check per title). */
    | { readonly kind: 'qualification'; readonly qualification: Qualification }
    /** `qualifications_any`, with the titles of it the firm holds. */
    | { readonly kind: 'any-qualification'; readonly any: readonly Qualification[]; readonly held: readonly Qualification[] }
    | { readonly kind: 'sizes'; readonly sizes: readonly Size[]; readonly size?: Size }
    /** The card's revenue range in 万元, and the firm's revenue. */
    | { readonly kind: 'revenue'; readonly min?: number; readonly max?: number; readonly revenue?: number }
    | { readonly kind: 'ip' }
    /** A reason: the product serves this need of the firm. */
    | { readonly kind: 'need'; readonly need: Need }
    /** A reason: the product favours a title the firm holds. */
    | { readonly kind: 'priority'; readonly qualification: Qualification }
    /** A thing to confirm: the card's `valid_until` has passed. */
    | { readonly kind: 'expired'; readonly validUntil: string }
    /** A free-text condition, in the card's own words. */
    | { readonly kind: 'stated'; readonly text: Localized };

/** One condition of a product, checked against the profile. */
export interface ConditionCheck {
    /**
     * met: the profile satisfies it; unmet: it contradicts (only ever for a
     * current condition); unknown: the profile does not say, or the
     * condition is not current and so is only a thing to confirm.
     */
    readonly status: 'met' | 'unmet' | 'unknown';
    /** Profile field the condition is about, e.g. `qualifications`; absent for free-text conditions. */
    readonly field?: string;
    /** What the condition is about; worded as met, as asked or as not ruled out by core/words/match.ts `conditionText`. */
    readonly condition: CheckedCondition;
    /** The profile contradicts it but its sources are not current: shown as not ruled out, to confirm. */
    readonly differs?: true;
    /** Keys of the sources of this condition (not of the whole card). */
    readonly sources: readonly string[];
    /** The standing of those sources, from the card's `basis` or fact `status`. */
    readonly sourceStatus: SourceStatus;
    /** The latest date among those sources (YYYY-MM-DD); absent when none is dated. */
    readonly sourceDate?: string;
}

/** A statement in the card's own words with the sources it rests on, their standing and latest date. */
export type SourcedText = { readonly text: Localized } & Pick<ConditionCheck, 'sources' | 'sourceStatus' | 'sourceDate'>;

export interface ContactSummary {
    readonly id: string;
    readonly name: Localized;
    readonly phones: readonly { readonly value: string; readonly label?: Localized }[];
    readonly website?: string;
    readonly address?: string;
}

export interface ProductMatch {
    readonly id: string;
    readonly kind: Kind;
    readonly name: Localized;
    readonly summary: Localized;
    readonly eligibility: Eligibility;
    /** Ranking score within the rating; higher is better. */
    readonly score: number;
    /** Why it fits: conditions met and needs served. */
    readonly reasons: readonly ConditionCheck[];
    /** Conditions unmet or not known from the profile. */
    readonly missing: readonly ConditionCheck[];
    readonly amount?: Localized;
    readonly term?: Localized;
    /**
     * Where to apply, as the card's first `how_to_apply` statement says, with
     * its sources: the channel to show where a contact has no published phone.
     */
    readonly apply?: SourcedText;
    readonly contacts: readonly ContactSummary[];
    /**
     * What to do next, for a product rated eligible or possible whose card
     * states it: apply or not (免申即享), the window on the day of the query,
     * where, what to prepare, how much. Absent for an ineligible product.
     */
    readonly nextStep?: NextStep;
    readonly sources: readonly Source[];
    readonly related: readonly string[];
    readonly expired: boolean;
}

/** A profile value read from the free-text question, shown so the user can correct it. */
export interface Understood {
    readonly field: keyof FirmProfile;
    readonly value: unknown;
    readonly text: Localized;
}

export interface MatchOptions {
    /** How many products at most; `Infinity` for all. Default (and for 0): DEFAULT_MATCH_LIMIT (50, see match.ts). */
    readonly limit?: number;
    readonly lang?: Lang;
}

export interface MatchResponse {
    /** The profile matched: the given fields plus what the question stated. */
    readonly profile: FirmProfile;
    readonly understood: readonly Understood[];
    /** The best products, eligible first, then by score, then by id; at most `limit`. */
    readonly matches: readonly ProductMatch[];
    /** How many of all the snapshot's products rate each way, whatever the limit: what is left beside `matches`. */
    readonly totals: Readonly<Record<Eligibility, number>>;
}
