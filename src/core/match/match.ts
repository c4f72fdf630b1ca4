/**
 * Rates every credit product of a snapshot against a firm profile and ranks
 * them. Pure: the same snapshot, profile and `now` always give the same answer.
 * The rule and the score are rate.ts's; select.ts rates groups of cards with
 * equal terms and picks the best `limit`, and only those are built in full
 * here (conditions, citations, contacts), so a match at city scale costs about
 * the same as at 22 cards.
 *
 * Rating rules (the contract of the evaluation, see knowledge/README.md):
 * - `ineligible`: a structured condition from a current source is not met;
 * - `possible`: nothing current contradicts, but the profile leaves a
 *   condition unknown, or a condition rests on an unconfirmed or outdated
 *   source (it is shown as a thing to confirm, with its status and date),
 *   or the card states no structured condition at all, or the card has
 *   expired on the day of the query (an expired card is never `eligible`);
 * - `eligible`: every structured condition is current and met.
 * Free-text conditions (negative lists, "good credit") never change the
 * rating: they are shown as things to confirm with the bank.
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import { nextStepOf } from '../knowledge/application.ts';
import { isExpired, type Basis, type Fact, type OrganizationItem, type ProductItem } from '../knowledge/schema.ts';
import type { Localized } from '../vocabulary.ts';
import { amountRange } from '../words/match.ts';
import type { FirmProfile } from './profile.ts';
import { holds, preferredHeld, RANKING, rateFor, rating, score, servedNeeds, termsOf, verdicts, type Verdict } from './rate.ts';
import { matchIndex, selectProducts } from './select.ts';
import type { CheckedCondition, ConditionCheck, ContactSummary, MatchOptions, MatchResponse, ProductMatch, SourceStatus } from './types.ts';
import { lexiconFor, type Lexicon } from '../lexicon/lexicon.ts';
import { understandQuestion } from './understand.ts';

export interface MatchProductsOptions extends MatchOptions {
    /**
     * Relevance of each product id to a free-text question (higher is more
     * relevant), used to order products within a rating. The service passes
     * the search index here; without it the question only fills the profile.
     */
    readonly questionScores?: (question: string) => ReadonlyMap<string, number>;
    /** The moment of the query, for `valid_until`. Default: the current time. */
    readonly now?: Date;
}

export { RANKING, rateFor };

/**
 * At most this many products when the caller gives no limit: more than any
 * front shows (the bot 5, MCP at most 20), and more than the shipped
 * knowledge holds, so that at city scale a match builds a few dozen answers,
 * not thousands; `totals` still counts every product. `Infinity` lists all.
 */
export const DEFAULT_MATCH_LIMIT = 50;

export function matchProducts(snapshot: KnowledgeSnapshot, given: FirmProfile, options: MatchProductsOptions = {}): MatchResponse {
    const { profile, understood, qualificationsComplete } = effectiveProfile(given, lexiconFor(snapshot.synonyms));
    const relevance = profile.question && options.questionScores ? normalise(options.questionScores(profile.question)) : new Map<string, number>();
    const now = options.now ?? new Date();
    const limit = options.limit && options.limit > 0 ? Math.floor(options.limit) : DEFAULT_MATCH_LIMIT;
    // Rate by terms shared by many cards, then build the full answer for the products returned only.
    const { ids, totals } = selectProducts(matchIndex(snapshot), profile, { qualsComplete: qualificationsComplete, relevance, now, limit });
    const context = { qualsComplete: qualificationsComplete, now };
    const matches = ids.map((id) =>
        productMatch(snapshot, snapshot.items.get(id) as ProductItem, profile, { ...context, relevance: relevance.get(id) ?? 0 }),
    );
    return { profile, understood, totals, matches };
}

/**
 * The given profile plus what its question states. Given fields win; lists
 * are merged. Qualifications count as a complete list only when the caller
 * gave them: a question that mentions one title says nothing of the others.
 */
function effectiveProfile(given: FirmProfile, lexicon: Lexicon) {
    const { fields, understood } = given.question ? understandQuestion(given.question, lexicon) : { fields: {}, understood: [] };
    const profile: FirmProfile = { ...fields, ...stripUndefined(given) };
    if (fields.qualifications && given.qualifications) profile.qualifications = union(given.qualifications, fields.qualifications);
    if (fields.qualificationsLacking && given.qualificationsLacking)
        profile.qualificationsLacking = union(given.qualificationsLacking, fields.qualificationsLacking);
    if (fields.needs && given.needs) profile.needs = union(given.needs, fields.needs);
    // A title the caller says the firm holds is not lacking, whatever the question says.
    if (profile.qualificationsLacking && given.qualifications)
        profile.qualificationsLacking = profile.qualificationsLacking.filter((q) => !given.qualifications!.includes(q));
    const merged = new Set<keyof FirmProfile>(['qualifications', 'qualificationsLacking', 'needs']);
    const kept = understood.filter((u) => given[u.field] === undefined || merged.has(u.field));
    return { profile, understood: kept, qualificationsComplete: given.qualifications !== undefined };
}

/** What a full match of one product needs beside the product and the profile. */
export interface MatchContext {
    /** Whether the profile's qualifications are the complete list (the caller gave them). */
    readonly qualsComplete: boolean;
    /** The question's relevance to this product, 0..1. */
    readonly relevance: number;
    readonly now: Date;
}

/** One product rated in full: its rating and score, why it fits and what is missing, each with its sources. */
export function productMatch(snapshot: KnowledgeSnapshot, p: ProductItem, profile: FirmProfile, context: MatchContext): ProductMatch {
    const terms = termsOf(p);
    const checks = checkConditions(p, profile, context.qualsComplete, terms);
    const expired = isExpired(p, context.now);
    const unmet = checks.filter((c) => c.status === 'unmet');
    const unknown = checks.filter((c) => c.status === 'unknown');
    const met = checks.filter((c) => c.status === 'met');
    const cite = sourceCiter(p);

    // What the product is for is stated by the sources of the eligibility block as a whole.
    const needReasons: ConditionCheck[] = servedNeeds(terms, profile).map((n) => ({
        status: 'met',
        field: 'needs',
        condition: { kind: 'need', need: n },
        ...cite(p.eligibility?.sources ?? p.sources.map((s) => s.key)),
    }));
    const preferredBasis = p.eligibility?.basis.qualifications_preferred;
    const preferredReasons: ConditionCheck[] = preferredHeld(terms, profile).map((q) => ({
        status: 'met',
        field: 'qualifications',
        condition: { kind: 'priority', qualification: q },
        ...cite(preferredBasis!.sources, preferredBasis!.status),
    }));
    const toConfirm: ConditionCheck[] = (p.eligibility?.conditions ?? []).map((c) => ({
        status: 'unknown',
        condition: { kind: 'stated', text: localized(c) },
        ...cite(c.sources, c.status),
    }));
    const expiredNote: ConditionCheck[] = expired
        ? [
              {
                  status: 'unknown',
                  field: 'valid_until',
                  condition: { kind: 'expired', validUntil: p.valid_until! },
                  sources: [],
                  sourceStatus: 'outdated',
              },
          ]
        : [];

    const eligibility = rating(checks, expired);
    // The next step is for a firm that may take it: never for a product it cannot get.
    const nextStep = eligibility === 'ineligible' ? undefined : nextStepOf(p, context.now);
    return {
        id: p.id,
        kind: p.kind,
        name: { zh: p.name, en: p.name_en },
        summary: p.summary,
        eligibility,
        score: score(terms, checks, profile, context.relevance),
        reasons: [...needReasons, ...met, ...preferredReasons],
        missing: [...unmet, ...unknown, ...expiredNote, ...toConfirm],
        amount: amountText(p),
        term: p.terms?.term ? localized(p.terms.term) : undefined,
        ...(p.how_to_apply[0] ? { apply: { text: localized(p.how_to_apply[0]), ...cite(p.how_to_apply[0].sources, p.how_to_apply[0].status) } } : {}),
        contacts: p.contacts
            .map((id) => snapshot.items.get(id))
            .filter((o): o is OrganizationItem => o?.kind === 'organization')
            .map(contactSummary),
        ...(nextStep ? { nextStep } : {}),
        sources: p.sources,
        related: p.related,
        expired,
    };
}

/** The sources, their standing and their latest date, for a condition citing `keys` of card `p`. */
function sourceCiter(p: ProductItem) {
    return (keys: readonly string[], status?: Basis['status']): Pick<ConditionCheck, 'sources' | 'sourceStatus' | 'sourceDate'> => {
        const dates = p.sources.filter((s) => keys.includes(s.key) && s.date).map((s) => s.date!);
        const sourceStatus: SourceStatus = status ?? 'current';
        return dates.length > 0 ? { sources: keys, sourceStatus, sourceDate: dates.sort().at(-1)! } : { sources: keys, sourceStatus };
    };
}

/**
 * The structured conditions of a card, each checked against the profile and
 * citing the sources of that condition (its `basis`), with what it is about
 * as data (core/words/match.ts words it: as what the firm has when met, as
 * what the product asks otherwise). A condition whose source is unconfirmed
 * or outdated is never `unmet`: the profile contradicting it makes it a
 * thing to confirm (`differs`). The verdicts are rate.ts's.
 */
export function checkConditions(p: ProductItem, profile: FirmProfile, qualsComplete: boolean, terms = termsOf(p)): ConditionCheck[] {
    const e = p.eligibility;
    if (!e) return [];
    const cite = sourceCiter(p);
    return verdicts(terms, profile, qualsComplete).map((v) => {
        const basis = e.basis[v.condition];
        // The schema refuses a condition without a basis; a hand-made snapshot without one is treated as unconfirmed.
        const citation = basis ? cite(basis.sources, basis.status) : cite(e.sources, 'unconfirmed');
        const condition = checkedCondition(e, v, profile);
        return { status: v.status, field: FIELD_OF[v.condition], condition, ...(v.differs ? { differs: true } : {}), ...citation };
    });
}

/** The profile field each structured condition is about. */
const FIELD_OF: Record<Verdict['condition'], string> = {
    stages: 'stage',
    qualifications_all: 'qualifications',
    qualifications_any: 'qualifications',
    sizes: 'size',
    revenue_wan: 'annualRevenueWan',
    requires_ip: 'hasIntellectualProperty',
};

/** What a verdict is about: the card's values and the firm's, as data. */
function checkedCondition(e: NonNullable<ProductItem['eligibility']>, v: Verdict, profile: FirmProfile): CheckedCondition {
    switch (v.condition) {
        case 'stages':
            return { kind: 'stages', stages: e.stages ?? [], ...(profile.stage ? { stage: profile.stage } : {}) };
        case 'qualifications_all':
            return { kind: 'qualification', qualification: v.qualification! };
        case 'qualifications_any': {
            const any = e.qualifications_any ?? [];
            return { kind: 'any-qualification', any, held: any.filter((q) => holds(profile, q)) };
        }
        case 'sizes':
            return { kind: 'sizes', sizes: e.sizes ?? [], ...(profile.size ? { size: profile.size } : {}) };
        case 'revenue_wan': {
            const { min, max } = e.revenue_wan ?? {};
            const revenue = profile.annualRevenueWan;
            return {
                kind: 'revenue',
                ...(min !== undefined ? { min } : {}),
                ...(max !== undefined ? { max } : {}),
                ...(revenue !== undefined ? { revenue } : {}),
            };
        }
        case 'requires_ip':
            return { kind: 'ip' };
    }
}

/** The amount as the card states it, else its range worded as every front words one. */
function amountText(p: ProductItem): Localized | undefined {
    if (p.terms?.amount) return localized(p.terms.amount);
    return amountRange(p.terms?.amount_wan ?? {});
}

function localized(f: Fact): Localized {
    return { zh: f.zh, en: f.en };
}

export function contactSummary(o: OrganizationItem): ContactSummary {
    return {
        id: o.id,
        name: { zh: o.name, en: o.name_en },
        phones: o.phones.map((p) => (p.label ? { value: p.value, label: p.label } : { value: p.value })),
        ...(o.website ? { website: o.website.value } : {}),
        ...(o.address ? { address: o.address.value } : {}),
    };
}

function normalise(scores: ReadonlyMap<string, number>): Map<string, number> {
    const max = Math.max(0, ...scores.values());
    return new Map([...scores].map(([id, s]) => [id, max > 0 ? s / max : 0]));
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
    return [...new Set([...a, ...b])];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
