/**
 * The words of a match result, in zh and en: its rating and marks, its
 * headings, and how a condition reads when the firm meets it
 * ("已有高新技术企业认定"), when the product asks it ("需要高新技术企业认定")
 * and when the profile differs from a condition not current; the need it
 * serves, the priority it gives, the expiry to check and the standing of a
 * condition's sources. The matcher (core/match) returns what each condition
 * is about as data; `conditionText` words it here, once, for core/present
 * (the bot, the web page, MCP's text, the CLI) and for MCP's
 * `structuredContent` alike.
 */
import type { CheckedCondition, ConditionCheck } from '../match/types.ts';
import {
    NEEDS,
    QUALIFICATIONS,
    SIZES,
    STAGES,
    type Lang,
    type Localized,
    type Need,
    type Qualification,
    type Size,
    type Stage,
} from '../vocabulary.ts';
import { wanRange, wanRangeEn, wanText } from './units.ts';

type Range = { readonly min?: number | undefined; readonly max?: number | undefined };

const list = (labels: Record<string, Localized>, values: readonly string[]) => ({
    zh: values.map((v) => labels[v]?.zh ?? v).join('、'),
    en: values.map((v) => labels[v]?.en ?? v).join(', '),
});

/** The headings of a match result's sections, keys of the one label table (labels.ts spreads them into LABELS). */
export const MATCH_HEADINGS = {
    reasons: { zh: '符合之处', en: 'Why it fits' },
    missing: { zh: '不符合或待确认', en: 'Unmet or to confirm' },
    toConfirm: { zh: '待确认', en: 'To confirm' },
    understood: { zh: '从描述中理解到', en: 'Understood from the description' },
} as const satisfies Record<string, Localized>;

/** The three ratings of the matcher (see match/rate.ts for the rules), named once for every front. */
export const RATINGS = {
    eligible: { zh: '符合条件', en: 'eligible' },
    possible: { zh: '可能符合（需确认）', en: 'possibly eligible (to confirm)' },
    ineligible: { zh: '不符合', en: 'not eligible' },
} as const satisfies Record<string, Localized>;

/** The rating of a match result with its mark. */
export const RATING_MARK = { eligible: '✅', possible: '🟡', ineligible: '❌' } as const;

/** How a firm stands against one condition of a match result. */
export const CHECK_MARK = { met: '✓', unmet: '✗', unknown: '?' } as const;

export function ratingLabel(rating: keyof typeof RATINGS, lang: Lang): string {
    return RATINGS[rating][lang];
}

/**
 * A checked condition in words: a reason or a fact as it stands (the need
 * served, the priority, the expiry, the card's own words); a structured
 * condition as what the firm has when met, as what the product asks when not,
 * and as not ruled out when the profile differs from a condition not current.
 */
export function conditionText(c: Pick<ConditionCheck, 'condition' | 'status' | 'differs'>): Localized {
    const { condition } = c;
    switch (condition.kind) {
        case 'need':
            return servesNeed(condition.need);
        case 'priority':
            return givesPriority(condition.qualification);
        case 'expired':
            return expiredCheck(condition.validUntil);
        case 'stated':
            return condition.text;
    }
    const { has, needs } = conditionWords(condition);
    return c.differs ? notRuledOut(needs) : c.status === 'met' ? has : needs;
}

type Structured = Exclude<CheckedCondition, { readonly kind: 'need' | 'priority' | 'expired' | 'stated' }>;

/** The words of a structured condition, filled with the card's values and the firm's. */
function conditionWords(c: Structured): ConditionWords {
    switch (c.kind) {
        case 'stages':
            return stagesWords(c.stages, c.stage);
        case 'qualification':
            return qualificationWords(c.qualification);
        case 'any-qualification':
            return anyQualificationWords(c.any, c.held);
        case 'sizes':
            return sizesWords(c.sizes, c.size);
        case 'revenue':
            return revenueWords(c, c.revenue);
        case 'ip':
            return IP_WORDS;
    }
}

/** What a condition reads as when met (`has`: what the firm has) and otherwise (`needs`: what the product asks). */
interface ConditionWords {
    readonly has: Localized;
    readonly needs: Localized;
}

const NONE: Localized = { zh: '', en: '' };

function stagesWords(stages: readonly Stage[], stage: Stage | undefined): ConditionWords {
    const served = list(STAGES.labels, stages);
    const has = stage
        ? { zh: `处于${STAGES.labels[stage].zh}，产品面向${served.zh}企业`, en: `at the ${STAGES.labels[stage].en}, which the product serves` }
        : NONE;
    return { has, needs: { zh: `面向${served.zh}企业`, en: `for firms at the ${served.en}` } };
}

function qualificationWords(q: Qualification): ConditionWords {
    const name = QUALIFICATIONS.labels[q];
    return {
        has: { zh: `已有${name.zh}认定`, en: `holds ${name.en} certification` },
        needs: { zh: `需要${name.zh}认定`, en: `requires ${name.en} certification` },
    };
}

function anyQualificationWords(any: readonly Qualification[], held: readonly Qualification[]): ConditionWords {
    const h = list(QUALIFICATIONS.labels, held);
    const a = list(QUALIFICATIONS.labels, any);
    return { has: { zh: `已有${h.zh}资质`, en: `holds ${h.en}` }, needs: { zh: `需要以下资质之一：${a.zh}`, en: `requires one of: ${a.en}` } };
}

function sizesWords(sizes: readonly Size[], size: Size | undefined): ConditionWords {
    const served = list(SIZES.labels, sizes);
    const has = size
        ? {
              zh: `${SIZES.labels[size].zh}企业，在产品面向的${served.zh}企业之列`,
              en: `a ${SIZES.labels[size].en} firm, among the ${served.en} firms served`,
          }
        : NONE;
    return { has, needs: { zh: `面向${served.zh}企业`, en: `for ${served.en} firms` } };
}

/** "年营业收入 300 万元，在 200–1000 万元之内": the revenue condition, its range in 万元 as the card gives it. */
function revenueWords(range: Range, revenue: number | undefined): ConditionWords {
    const { min, max } = range;
    return {
        has: {
            zh: `年营业收入 ${revenue} 万元，在${revenueRangeZh(min, max)}之内`,
            en: `annual revenue of ${wanText(revenue ?? 0, 'en')} (${revenue}万元) is within ${wanRangeEn(range)}`,
        },
        needs: { zh: `年营业收入${revenueRangeZh(min, max)}`, en: `annual revenue ${wanRangeEn(range)}` },
    };
}

// A revenue condition quotes the card's bounds as written (in 万元), so that the firm can set its own figure beside them.
function revenueRangeZh(min: number | undefined, max: number | undefined): string {
    if (min !== undefined && max !== undefined) return ` ${min}–${max} 万元`;
    if (min !== undefined) return `不低于 ${min} 万元`;
    return `不超过 ${max} 万元`;
}

const IP_WORDS: ConditionWords = {
    has: { zh: '拥有可质押的专利等知识产权', en: 'owns patents or other intellectual property to pledge' },
    needs: { zh: '需要拥有可质押的专利等知识产权', en: 'requires patents or other intellectual property to pledge' },
};

/** Said after a condition the profile contradicts but whose source is not current. */
function notRuledOut(needs: Localized): Localized {
    return { zh: `${needs.zh}——与您的情况不符，请向受理机构确认现行条件`, en: `${needs.en} — your profile differs: check the current condition` };
}

/** A reason a product fits: the need of the firm it serves. */
function servesNeed(n: Need): Localized {
    return { zh: `满足需求：${NEEDS.labels[n].zh}`, en: `serves your need: ${NEEDS.labels[n].en}` };
}

/** A reason a product fits: it favours a title the firm holds. */
function givesPriority(q: Qualification): Localized {
    return { zh: `优先支持${QUALIFICATIONS.labels[q].zh}`, en: `gives priority to ${QUALIFICATIONS.labels[q].en} firms` };
}

/** A thing to confirm: the card's validity date has passed. */
function expiredCheck(validUntil: string): Localized {
    return {
        zh: `资料显示有效期至 ${validUntil}，请确认产品是否仍在办理`,
        en: `listed as valid until ${validUntil}; check that it is still offered`,
    };
}

/** A loan amount given only as a range: worded as everywhere else ("最高 1,000 万元"). */
export function amountRange(range: Range): Localized | undefined {
    const zh = wanRange(range, 'zh');
    const en = wanRange(range, 'en');
    return zh && en ? { zh, en } : undefined;
}

/**
 * The standing of a condition's sources, with their date, appended to its
 * text ("（未经确认，来源日期 2011-05-01）"); undefined for a current one.
 */
export function standingNote(c: {
    readonly sourceStatus: 'current' | 'unconfirmed' | 'outdated';
    readonly sourceDate?: string | undefined;
}): Localized | undefined {
    if (c.sourceStatus === 'current') return undefined;
    const date = c.sourceDate ? { zh: `来源日期 ${c.sourceDate}`, en: `source dated ${c.sourceDate}` } : { zh: '来源无日期', en: 'source undated' };
    return c.sourceStatus === 'unconfirmed'
        ? { zh: `（未经确认，${date.zh}）`, en: ` (unconfirmed; ${date.en})` }
        : { zh: `（可能已过时，${date.zh}）`, en: ` (may be outdated; ${date.en})` };
}

// === What a question was understood to say of the firm ("资质：高新技术企业"), shown so the user can correct it ===

export const UNDERSTOOD = {
    qualifications: (qs: readonly Qualification[]): Localized => {
        const l = list(QUALIFICATIONS.labels, qs);
        return { zh: `资质：${l.zh}`, en: `qualifications: ${l.en}` };
    },
    lacking: (qs: readonly Qualification[]): Localized => {
        const l = list(QUALIFICATIONS.labels, qs);
        return { zh: `尚无资质：${l.zh}`, en: `does not hold: ${l.en}` };
    },
    needs: (ns: readonly Need[]): Localized => {
        const l = list(NEEDS.labels, ns);
        return { zh: `需求：${l.zh}`, en: `needs: ${l.en}` };
    },
    stage: (s: Stage): Localized => ({ zh: `发展阶段：${STAGES.labels[s].zh}`, en: `stage: ${STAGES.labels[s].en}` }),
    size: (s: Size): Localized => ({ zh: `企业规模：${SIZES.labels[s].zh}`, en: `size: ${SIZES.labels[s].en}` }),
    ip: (has: boolean): Localized =>
        has
            ? { zh: '拥有专利或其他知识产权', en: 'owns patents or other intellectual property' }
            : { zh: '没有专利或其他知识产权', en: 'no patents or other intellectual property' },
    revenue: (wan: number): Localized => ({ zh: `年营业收入约 ${wan} 万元`, en: `annual revenue about ${wan} 万元 (CNY ${wan / 100} million)` }),
    amount: (wan: number): Localized => ({ zh: `融资需求约 ${wan} 万元`, en: `financing need about ${wan} 万元 (CNY ${wan / 100} million)` }),
    employees: (n: number): Localized => ({ zh: `员工约 ${n} 人`, en: `about ${n} employees` }),
} as const;
