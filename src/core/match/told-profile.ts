/**
 * The firm profile as a conversation builds it: what the questionnaire
 * saved plus what the firm told in its messages, turn after turn. One rule
 * for every chat front (the bot, the terminal, the web page): newer single
 * values win, lists add up, a denial takes a qualification out, and a
 * correction ("说错了", "actually") replaces the lists it speaks of instead
 * of adding to them.
 */
import type { Need } from '../vocabulary.ts';
import type { FirmProfile } from './profile.ts';
import type { Understood } from './types.ts';

/** The profile fields a conversation keeps (the free question and district are not kept). */
export type Draft = Pick<
    FirmProfile,
    | 'stage'
    | 'qualifications'
    | 'qualificationsLacking'
    | 'size'
    | 'needs'
    | 'hasIntellectualProperty'
    | 'amountWan'
    | 'annualRevenueWan'
    | 'employees'
>;

export const DRAFT_KEYS = [
    'stage',
    'qualifications',
    'qualificationsLacking',
    'size',
    'needs',
    'hasIntellectualProperty',
    'amountWan',
    'annualRevenueWan',
    'employees',
] as const satisfies readonly (keyof Draft)[];

/** The kept fields of a profile, lists copied. */
export function pickDraft(p: Partial<FirmProfile>): Draft {
    const draft: Record<string, unknown> = {};
    for (const key of DRAFT_KEYS) {
        const v = p[key];
        if (v !== undefined) draft[key] = Array.isArray(v) ? [...v] : v;
    }
    return draft as Draft;
}

/** `base` updated by `newer`: newer single values win, lists are merged, a qualification held and denied keeps the newer word. */
export function mergeDrafts(base: Draft, newer: Draft): Draft {
    const merged: Draft = { ...base, ...newer };
    const union = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined =>
        a && b ? [...new Set([...a, ...b])] : b ? [...b] : a ? [...a] : undefined;
    const held = union(base.qualifications, newer.qualifications);
    const lacking = union(base.qualificationsLacking, newer.qualificationsLacking);
    // What this message says wins over what an earlier one said.
    const heldNow = held?.filter((q) => !newer.qualificationsLacking?.includes(q));
    const lackingNow = lacking?.filter((q) => !newer.qualifications?.includes(q) && !heldNow?.includes(q));
    if (heldNow) merged.qualifications = heldNow;
    else delete merged.qualifications;
    if (lackingNow && lackingNow.length > 0) merged.qualificationsLacking = lackingNow;
    else delete merged.qualificationsLacking;
    const needs = union(base.needs, newer.needs);
    if (needs) merged.needs = needs;
    return merged;
}

/**
 * A message's told facts applied to the profile so far. With `correction`
 * ("说错了，我们其实是…"), a list it names replaces the earlier one
 * (qualifications, needs) instead of adding to it; single values are
 * replaced in any case.
 */
export function tellProfile(
    base: Draft,
    told: Partial<FirmProfile>,
    options: { readonly correction?: boolean; readonly declined?: readonly Need[]; readonly figureUnnamed?: boolean } = {},
): Draft {
    // "年收入5000万" → "不对，是500万": a correction's figure that says not what it is corrects the one figure told before,
    // the revenue, when no sum sought was told.
    const revenueAgain =
        options.correction &&
        options.figureUnnamed &&
        told.amountWan !== undefined &&
        told.annualRevenueWan === undefined &&
        base.annualRevenueWan !== undefined &&
        base.amountWan === undefined;
    const { amountWan, ...others } = told;
    const newer = pickDraft(revenueAgain ? { ...others, annualRevenueWan: amountWan } : told);
    const rest: Draft = { ...base };
    if (options.correction && newer.needs) delete rest.needs;
    // A need turned down ("算了，不考虑质押") leaves the profile, whatever an earlier message said.
    const declined = options.declined ?? [];
    if (declined.length > 0 && rest.needs) {
        const needs = rest.needs.filter((n) => !declined.includes(n));
        if (needs.length > 0) rest.needs = needs;
        else delete rest.needs;
    }
    return mergeDrafts(rest, newer);
}

/** What a message was read to say about the firm (match/understand.ts), as a draft to confirm or add to the profile. */
export function draftOfUnderstood(understood: readonly Understood[]): Draft {
    return pickDraft(Object.fromEntries(understood.map((u) => [u.field, u.value])));
}

/** Whether a draft says nothing: no field set, or only empty lists. */
export function isEmptyDraft(d: Draft | undefined): boolean {
    return !d || Object.values(d).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}
