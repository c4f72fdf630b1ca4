/**
 * Rates every credit product of a snapshot against a firm profile and ranks
 * them. Pure: the same snapshot, profile and `now` always give the same answer.
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
import { isExpired, type Basis, type Fact, type OrganizationItem, type ProductItem, type StructuredCondition } from '../knowledge/schema.ts';
import { IMPLIED_QUALIFICATIONS, NEEDS, QUALIFICATIONS, SIZES, STAGES, type Localized, type Qualification } from '../vocabulary.ts';
import type { FirmProfile } from './profile.ts';
import type { ConditionCheck, ContactSummary, Eligibility, MatchOptions, MatchResponse, ProductMatch, SourceStatus } from './types.ts';
import { lexiconFor, type Lexicon } from '../lexicon/index.ts';
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

const RATING_ORDER: Record<Eligibility, number> = { eligible: 0, possible: 1, ineligible: 2 };

export function matchProducts(snapshot: KnowledgeSnapshot, given: FirmProfile, options: MatchProductsOptions = {}): MatchResponse {
    const { profile, understood, qualificationsComplete } = effectiveProfile(given, lexiconFor(snapshot.synonyms));
    const relevance = profile.question && options.questionScores ? normalise(options.questionScores(profile.question)) : new Map<string, number>();
    const now = options.now ?? new Date();
    const products = [...snapshot.items.values()].filter((i): i is ProductItem => i.kind === 'product');
    const matches = products
        .map((p) => rateProduct(p, profile, qualificationsComplete, relevance.get(p.id) ?? 0, snapshot, now))
        .sort((a, b) => RATING_ORDER[a.eligibility] - RATING_ORDER[b.eligibility] || b.score - a.score || a.id.localeCompare(b.id));
    return { profile, understood, matches: options.limit ? matches.slice(0, options.limit) : matches };
}

/**
 * The rating of one offering for a profile whose qualifications, if given,
 * are the complete list: the one rule that `matchProducts` and the product
 * list (`/products`, `list_financing_products`) both apply.
 */
export function rateFor(p: ProductItem, profile: FirmProfile, now: Date): Eligibility {
    return rating(p, checkConditions(p, profile, profile.qualifications !== undefined), now);
}

function rating(p: ProductItem, checks: readonly ConditionCheck[], now: Date): Eligibility {
    if (checks.some((c) => c.status === 'unmet')) return 'ineligible';
    // With no structured condition there is nothing to be sure of: at most possible.
    const sure = checks.length > 0 && checks.every((c) => c.status === 'met' && c.sourceStatus === 'current');
    return sure && !isExpired(p, now) ? 'eligible' : 'possible';
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
    if (fields.qualificationsLacking && given.qualificationsLacking) profile.qualificationsLacking = union(given.qualificationsLacking, fields.qualificationsLacking);
    if (fields.needs && given.needs) profile.needs = union(given.needs, fields.needs);
    // A title the caller says the firm holds is not lacking, whatever the question says.
    if (profile.qualificationsLacking && given.qualifications) profile.qualificationsLacking = profile.qualificationsLacking.filter((q) => !given.qualifications!.includes(q));
    const merged = new Set<keyof FirmProfile>(['qualifications', 'qualificationsLacking', 'needs']);
    const kept = understood.filter((u) => given[u.field] === undefined || merged.has(u.field));
    return { profile, understood: kept, qualificationsComplete: given.qualifications !== undefined };
}

function rateProduct(p: ProductItem, profile: FirmProfile, qualsComplete: boolean, relevance: number, snapshot: KnowledgeSnapshot, now: Date): ProductMatch {
    const checks = checkConditions(p, profile, qualsComplete);
    const eligibility = rating(p, checks, now);
    const expired = isExpired(p, now);
    const unmet = checks.filter((c) => c.status === 'unmet');
    const unknown = checks.filter((c) => c.status === 'unknown');
    const cite = sourceCiter(p);

    const served = (profile.needs ?? []).filter((n) => p.needs.includes(n));
    // What the product is for is stated by the sources of the eligibility block as a whole.
    const needReasons: ConditionCheck[] = served.map((n) => ({
        status: 'met',
        field: 'needs',
        text: { zh: `满足需求：${NEEDS.labels[n].zh}`, en: `serves your need: ${NEEDS.labels[n].en}` },
        ...cite(p.eligibility?.sources ?? p.sources.map((s) => s.key)),
    }));
    const preferredBasis = p.eligibility?.basis.qualifications_preferred;
    const preferred = preferredBasis ? (p.eligibility?.qualifications_preferred ?? []).filter((q) => holds(profile, q)) : [];
    const preferredReasons: ConditionCheck[] = preferred.map((q) => ({
        status: 'met',
        field: 'qualifications',
        text: { zh: `优先支持${QUALIFICATIONS.labels[q].zh}`, en: `gives priority to ${QUALIFICATIONS.labels[q].en} firms` },
        ...cite(preferredBasis!.sources, preferredBasis!.status),
    }));
    const toConfirm: ConditionCheck[] = (p.eligibility?.conditions ?? []).map((c) => ({ status: 'unknown', text: localized(c), ...cite(c.sources, c.status) }));
    const expiredNote: ConditionCheck[] = expired
        ? [{ status: 'unknown', field: 'valid_until', text: { zh: `资料显示有效期至 ${p.valid_until}，请确认产品是否仍在办理`, en: `listed as valid until ${p.valid_until}; check that it is still offered` }, sources: [], sourceStatus: 'outdated' }]
        : [];

    const met = checks.filter((c) => c.status === 'met');
    const score =
        served.length * RANKING.needServed +
        ((profile.needs?.length ?? 0) > 0 && p.needs.length > 0 && served.length === 0 ? RANKING.noNeedServed : 0) +
        relevance * RANKING.question +
        met.length * RANKING.conditionMet +
        unknown.length * RANKING.conditionUnknown +
        preferred.length * RANKING.preferredQualification;

    return {
        id: p.id,
        kind: p.kind,
        name: { zh: p.name, en: p.name_en },
        summary: p.summary,
        eligibility,
        score: Math.round(score * 1000) / 1000,
        reasons: [...needReasons, ...met, ...preferredReasons],
        missing: [...unmet, ...unknown, ...expiredNote, ...toConfirm],
        amount: amountText(p),
        term: p.terms?.term ? localized(p.terms.term) : undefined,
        ...(p.how_to_apply[0] ? { apply: { text: localized(p.how_to_apply[0]), ...cite(p.how_to_apply[0].sources, p.how_to_apply[0].status) } } : {}),
        contacts: p.contacts.map((id) => snapshot.items.get(id)).filter((o): o is OrganizationItem => o?.kind === 'organization').map(contactSummary),
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

/** Said after a condition the profile contradicts but whose source is not current. */
const NOT_RULED_OUT: Localized = { zh: '——与您的情况不符，请向受理机构确认现行条件', en: ' — your profile differs: check the current condition' };

/**
 * The structured conditions of a card, each checked against the profile and
 * citing the sources of that condition (its `basis`). A met condition reads
 * as what the firm has ("已有高新技术企业认定"), an unmet or unknown one as
 * what the product asks ("需要高新技术企业认定"), so that the fronts can list
 * them under "why it fits" and "what is missing" as is. A condition whose
 * source is unconfirmed or outdated is never `unmet`: the profile
 * contradicting it makes it a thing to confirm.
 */
export function checkConditions(p: ProductItem, profile: FirmProfile, qualsComplete: boolean): ConditionCheck[] {
    const e = p.eligibility;
    if (!e) return [];
    const checks: ConditionCheck[] = [];
    const cite = sourceCiter(p);
    const check = (field: string, condition: StructuredCondition, status: ConditionCheck['status'], has: Localized, needs: Localized) => {
        const basis = e.basis[condition];
        // The schema refuses a condition without a basis; a hand-made snapshot without one is treated as unconfirmed.
        const citation = basis ? cite(basis.sources, basis.status) : cite(e.sources, 'unconfirmed');
        if (status === 'unmet' && citation.sourceStatus !== 'current') {
            checks.push({ status: 'unknown', field, text: { zh: needs.zh + NOT_RULED_OUT.zh, en: needs.en + NOT_RULED_OUT.en }, ...citation });
        } else {
            checks.push({ status, field, text: status === 'met' ? has : needs, ...citation });
        }
    };

    if (e.stages?.length) {
        const zh = e.stages.map((s) => STAGES.labels[s].zh).join('、');
        const en = e.stages.map((s) => STAGES.labels[s].en).join(', ');
        const stage = profile.stage;
        const status = stage === undefined ? 'unknown' : e.stages.includes(stage) ? 'met' : 'unmet';
        const has = stage ? { zh: `处于${STAGES.labels[stage].zh}，产品面向${zh}企业`, en: `at the ${STAGES.labels[stage].en}, which the product serves` } : { zh: '', en: '' };
        check('stage', 'stages', status, has, { zh: `面向${zh}企业`, en: `for firms at the ${en}` });
    }
    const lacks = (q: Qualification) => (profile.qualificationsLacking ?? []).includes(q);
    for (const q of e.qualifications_all ?? []) {
        const status = holds(profile, q) ? 'met' : qualsComplete || lacks(q) ? 'unmet' : 'unknown';
        const name = QUALIFICATIONS.labels[q];
        check('qualifications', 'qualifications_all', status, { zh: `已有${name.zh}认定`, en: `holds ${name.en} certification` }, { zh: `需要${name.zh}认定`, en: `requires ${name.en} certification` });
    }
    if (e.qualifications_any?.length) {
        const any = e.qualifications_any;
        const held = any.filter((q) => holds(profile, q));
        const status = held.length > 0 ? 'met' : qualsComplete || any.every(lacks) ? 'unmet' : 'unknown';
        check(
            'qualifications',
            'qualifications_any',
            status,
            { zh: `已有${held.map((q) => QUALIFICATIONS.labels[q].zh).join('、')}资质`, en: `holds ${held.map((q) => QUALIFICATIONS.labels[q].en).join(', ')}` },
            { zh: `需要以下资质之一：${any.map((q) => QUALIFICATIONS.labels[q].zh).join('、')}`, en: `requires one of: ${any.map((q) => QUALIFICATIONS.labels[q].en).join(', ')}` },
        );
    }
    if (e.sizes?.length) {
        const size = profile.size;
        const status = size === undefined ? 'unknown' : e.sizes.includes(size) ? 'met' : 'unmet';
        const list = { zh: e.sizes.map((s) => SIZES.labels[s].zh).join('、'), en: e.sizes.map((s) => SIZES.labels[s].en).join(', ') };
        const has = size ? { zh: `${SIZES.labels[size].zh}企业，在产品面向的${list.zh}企业之列`, en: `a ${SIZES.labels[size].en} firm, among the ${list.en} firms served` } : { zh: '', en: '' };
        check('size', 'sizes', status, has, { zh: `面向${list.zh}企业`, en: `for ${list.en} firms` });
    }
    if (e.revenue_wan) {
        const { min, max } = e.revenue_wan;
        const r = profile.annualRevenueWan;
        const status = r === undefined ? 'unknown' : (min === undefined || r >= min) && (max === undefined || r <= max) ? 'met' : 'unmet';
        check(
            'annualRevenueWan',
            'revenue_wan',
            status,
            { zh: `年营业收入 ${r} 万元，在${rangeText(min, max, '万元')}之内`, en: `annual revenue of ${r} 万元 is within ${rangeTextEn(min, max)}` },
            { zh: `年营业收入${rangeText(min, max, '万元')}`, en: `annual revenue ${rangeTextEn(min, max)}` },
        );
    }
    if (e.requires_ip) {
        const has = profile.hasIntellectualProperty;
        check(
            'hasIntellectualProperty',
            'requires_ip',
            has === undefined ? 'unknown' : has ? 'met' : 'unmet',
            { zh: '拥有可质押的专利等知识产权', en: 'owns patents or other intellectual property to pledge' },
            { zh: '需要拥有可质押的专利等知识产权', en: 'requires patents or other intellectual property to pledge' },
        );
    }
    return checks;
}

function holds(profile: FirmProfile, q: Qualification): boolean {
    return (profile.qualifications ?? []).some((h) => h === q || (IMPLIED_QUALIFICATIONS[h] ?? []).includes(q));
}

function amountText(p: ProductItem): Localized | undefined {
    if (p.terms?.amount) return localized(p.terms.amount);
    const r = p.terms?.amount_wan;
    if (!r) return undefined;
    return { zh: `额度${rangeText(r.min, r.max, '万元')}`, en: `amount ${rangeTextEn(r.min, r.max)}` };
}

function rangeText(min: number | undefined, max: number | undefined, unit: string): string {
    if (min !== undefined && max !== undefined) return ` ${min}–${max} ${unit}`;
    if (min !== undefined) return `不低于 ${min} ${unit}`;
    return `不超过 ${max} ${unit}`;
}

function rangeTextEn(min: number | undefined, max: number | undefined): string {
    if (min !== undefined && max !== undefined) return `${min}–${max} 万元 (10,000 CNY)`;
    if (min !== undefined) return `at least ${min} 万元`;
    return `at most ${max} 万元`;
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
