/**
 * A card as passages: every structured field value (with the aspect it
 * holds, its own source keys and its status) and every paragraph of the
 * body. The card stays the unit of ranking (index.ts ranks cards); the
 * passages say which part of a ranked card answers the question, and each
 * one cites only its own sources.
 *
 * Structured fields know their aspect (terms.amount is the amount); facts,
 * notes and body paragraphs are read with the aspect words of
 * `knowledge/aspects.yaml`, plus three cues of the text itself: a year makes
 * a passage history, a counted figure (亿元, 家, 户, %, 倍) makes it figures,
 * a date something must be done by (6月30日前完成) makes it the window.
 */
import type { Fact, KnowledgeItem, SourcedValue } from '../knowledge/schema.ts';
import type { Aspect, Lang, Localized } from '../vocabulary.ts';
import { plainText } from './documents.ts';
import { LABELS } from '../words/labels.ts';
import { amountPassage, documentPassage, eligibilityPassage, labelledValue, modePassage, termPassage, windowPassage } from '../words/passages.ts';

export type PassageStatus = 'current' | 'unconfirmed' | 'outdated';

export interface Passage {
    readonly item: string;
    /** Where the passage sits on the card: `terms.amount`, `facts.2`, `phones.0`, `body.zh.3`. */
    readonly field: string;
    readonly aspects: readonly Aspect[];
    /** The passage in each language the card gives it in (a body paragraph has one). */
    readonly text: Partial<Localized>;
    /** Keys of the card's sources this passage rests on: the main one for the summary and role, none for the body. */
    readonly sources: readonly string[];
    readonly status: PassageStatus;
    /** The passage says what the sources do not give (来源未给出统一额度上限). */
    readonly absence: boolean;
    /**
     * Of an absence, the aspects it says are not given: those of its sentences that say so, and a typed field's own
     * ("No direct application channel was found" in how to apply is no note that the amount is missing, though the
     * passage speaks of a relending line). Unset: every aspect of the passage.
     */
    readonly absentOf?: readonly Aspect[];
    /** From a field of the card's front matter, not from the Markdown body. */
    readonly structured: boolean;
    /** A field whose place on the card says its aspect (`aspects[0]`): terms, eligibility, how_to_apply, contact details, summary. */
    readonly typed: boolean;
    /**
     * Aspects the passage holds only by a cue of its text (a year → history,
     * a counted figure → figures), not by its place or its words: "2021年放款
     * 35亿元" is dated, but says nothing of when the product began.
     */
    readonly cued: readonly Aspect[];
}

/** Reads the aspects a text speaks of (the aspect words; see core/answer/aspect.ts). */
export type AspectClassifier = (text: string) => readonly Aspect[];

const YEAR = /(?:19|20)\d{2}\s*年|\b(?:19|20)\d{2}\b/;
const FIGURE =
    /\d[\d.,]*\s*(?:亿|万|家|户|个|款|%|倍|billion|million|trillion|firms|companies|banks)|百分之|[一二三四五六七八九十百千]+(?:家|户|倍)/i;
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/**
 * A date something must be done by (在2025年6月30日前完成, by 30 June 2025): a deadline. Not a date of the past ("by
 * end-2023 it had…"), nor one that bounds what is meant (2027年9月30日前到期的贷款, loans falling due by …), nor 3月18日前后 (around).
 */
const DEADLINE = new RegExp(
    [
        /\d{1,2}\s*日\s*(?:之|以)?前(?!后|\s*到期)/.source,
        `(?<!\\bdue\\s)\\b(?:by|before|no later than)\\s+(?:\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2},?)\\s+\\d{4}`,
    ].join('|'),
);
const ABSENCE = [
    /(?:来源|原文|答复)[^。；;]{0,8}(?:未|没有)(?:找到|给出|写明|公布|提供|列出)/,
    /未找到|未给出|未写明|未公布/,
    new RegExp(
        [
            /\bno source\b|\bsources? (?:gives?|list|name|state)s? no\b|\bgives? no\b|\bnot found\b/.source,
            /\bwas not found\b|\bwere not found\b/.source,
            /\bno (?:full|complete|general|current|unified|published) (?:list|limit|cap|figure|term)/.source,
        ].join('|'),
        'i',
    ),
    /\bnot (?:given|published|stated|listed) (?:in|by) the sources?\b|\bno (?:phone|address|website|contact)/i,
];

export function isAbsence(text: string): boolean {
    return ABSENCE.some((re) => re.test(text));
}

/**
 * Whether a passage holds a question that names no card, by what the question asks (`asked`): a list of partner banks
 * and nothing else holds it only when banks are asked. A bank named in it is where the item's loan is taken, and "a
 * credit card with China Merchants Bank" asks of the bank's own products, not of the loan that bank is a partner of.
 * Read by the search's confidence (knowledge-index.ts) and the answer's evidence (answer/subject.ts) alike.
 */
export function holdsUnnamed(passage: Passage, asked: readonly { readonly aspect: Aspect }[]): boolean {
    const onlyBanks = passage.aspects.length === 1 && passage.aspects[0] === 'partner-banks';
    return !onlyBanks || asked.some((a) => a.aspect === 'partner-banks');
}

/** The aspects the sentences of a text that say something is not given speak of, with `own` (a typed field's aspect). */
function absentAspects(text: string, classify: AspectClassifier, own: readonly Aspect[]): Aspect[] {
    const saying = text.split(/(?<=[。；;!?！？\n])|(?<=\.)\s+/).filter((sentence) => isAbsence(sentence));
    return [...new Set([...own, ...saying.flatMap((sentence) => classify(sentence))])];
}

/** The aspects of a free statement: its aspect words, plus the year and figure cues. */
export function statementAspects(text: string, classify: AspectClassifier): Aspect[] {
    return [...new Set([...classify(text), ...cueAspects(text)])];
}

/** The aspects a text holds by its year, figure and deadline cues alone. */
function cueAspects(text: string): Aspect[] {
    return [
        ...(YEAR.test(text) ? (['history'] as const) : []),
        ...(FIGURE.test(text) ? (['figures'] as const) : []),
        ...(DEADLINE.test(text) ? (['window'] as const) : []),
    ];
}

/** Every passage of a card, structured fields first, in card order. */
export function passagesOf(item: KnowledgeItem, classify: AspectClassifier): Passage[] {
    const out: Passage[] = [];
    const push = (
        field: string,
        aspects: readonly Aspect[],
        text: Partial<Localized>,
        sources: readonly string[],
        status: PassageStatus = 'current',
        structured = true,
        typed = structured,
    ) => {
        const joined = `${text.zh ?? ''}\n${text.en ?? ''}`;
        const unique = [...new Set(aspects)];
        // An aspect also read from the words, or given by the field's place, is not cued.
        const worded = new Set([...(typed ? unique.slice(0, 1) : []), ...classify(joined)]);
        const cued = cueAspects(joined).filter((a) => unique.includes(a) && !worded.has(a));
        const absence = isAbsence(joined);
        const absentOf = absence ? absentAspects(joined, classify, typed ? unique.slice(0, 1) : []) : undefined;
        out.push({
            item: item.id,
            field,
            aspects: unique,
            text,
            sources: [...sources],
            status,
            absence,
            ...(absentOf ? { absentOf } : {}),
            structured,
            typed,
            cued,
        });
    };
    const fact = (field: string, aspect: Aspect, f: Fact | undefined) => {
        if (!f) return;
        // A structured field holds its own aspect first; its words may add others (见保即贷 → processing time).
        push(field, [aspect, ...classify(`${f.zh}\n${f.en}`)], { zh: f.zh, en: f.en }, f.sources, f.status ?? 'current');
    };
    const free = (field: string, f: Fact, base: readonly Aspect[] = []) =>
        push(
            field,
            [...base, ...statementAspects(`${f.zh}\n${f.en}`, classify)],
            { zh: f.zh, en: f.en },
            f.sources,
            f.status ?? 'current',
            true,
            false,
        );
    const value = (field: string, what: Localized, v: SourcedValue | undefined) =>
        v && push(field, ['contact'], labelledValue(v.label ?? what, v.value), v.sources);

    // The summary and role digest the whole card: they rest on its first (main) source.
    const main = item.sources.slice(0, 1).map((s) => s.key);
    push('summary', ['what-is'], item.summary, main);
    if (item.kind === 'organization') {
        push('role', ['what-is'], item.role, main);
        item.phones.forEach((p, i) => value(`phones.${i}`, LABELS.phone, p));
        value('address', LABELS.address, item.address);
        value('postcode', LABELS.postcode, item.postcode);
        value('website', LABELS.website, item.website);
        value('hours', LABELS.hours, item.hours);
    }
    if (item.kind === 'policy' || item.kind === 'document') {
        const text = documentPassage(item);
        const own = item.sources.filter((s) => s.ref !== undefined && s.ref === item.doc_number).map((s) => s.key);
        if (text) push('document', ['what-is', 'history'], text, own.length > 0 ? own : main);
    }
    if (item.kind === 'product' || item.kind === 'platform' || item.kind === 'program') {
        const e = item.eligibility;
        if (e) {
            const profile = eligibilityPassage(e);
            if (profile) push('eligibility', ['eligibility'], profile, e.sources);
            e.conditions.forEach((c, i) => fact(`eligibility.conditions.${i}`, 'eligibility', c));
        }
        const t = item.terms;
        if (t) {
            if (t.amount) fact('terms.amount', 'amount', t.amount);
            else if (t.amount_wan) push('terms.amount_wan', ['amount'], amountPassage(t.amount_wan), []);
            if (t.term) fact('terms.term', 'term', t.term);
            else if (t.term_months) push('terms.term_months', ['term'], termPassage(t.term_months), []);
            fact('terms.rate', 'rate', t.rate);
            fact('terms.fees', 'fee', t.fees);
            fact('terms.subsidy', 'subsidy', t.subsidy);
            fact('terms.risk_sharing', 'risk-sharing', t.risk_sharing);
            t.partner_banks.forEach((b, i) => fact(`terms.partner_banks.${i}`, 'partner-banks', b));
        }
        item.how_to_apply.forEach((f, i) => fact(`how_to_apply.${i}`, 'how-to-apply', f));
    }
    if (item.kind !== 'organization') {
        // What a firm does next: each field its own passage, with its aspect, sources and status.
        const a = item.application;
        if (a) {
            const text = modePassage(LABELS[MODE_LABEL[a.mode]], a);
            // Its own aspect only: the words of a mode ("常年受理", "银行") would otherwise make it outrank
            // the window and channel passages for the questions those answer.
            push('application', ['application'], text, a.sources, a.status ?? 'current');
            const window = windowPassage(a);
            if (window) push('application.window', ['window'], window, a.sources, a.status ?? 'current');
        }
        const c = item.apply_channel;
        if (c) push('apply_channel', ['how-to-apply'], { zh: withUrl(c.zh, c.url), en: withUrl(c.en, c.url) }, c.sources, c.status ?? 'current');
        (item.documents ?? []).forEach((f, i) => fact(`documents.${i}`, 'documents', f));
        fact('benefit', 'subsidy', item.benefit);
    }
    item.facts.forEach((f, i) => free(`facts.${i}`, f));
    item.notes.forEach((f, i) => free(`notes.${i}`, f));
    for (const lang of ['zh', 'en'] as const) {
        paragraphs(item.body, lang).forEach((p, i) => push(`body.${lang}.${i}`, statementAspects(p, classify), { [lang]: p }, [], 'current', false));
    }
    return out;
}

const MODE_LABEL = { automatic: 'modeAutomatic', apply: 'modeApply', 'through-bank': 'modeThroughBank' } as const;

function withUrl(text: string, url: string | undefined): string {
    return url ? `${text} ${url}` : text;
}

/** The paragraphs of one language half of a body, as plain text, headings left out. */
export function paragraphs(body: string, lang: Lang): string[] {
    const m = /^#{1,6}\s*English\s*$/im.exec(body);
    const half = lang === 'zh' ? (m ? body.slice(0, m.index) : body) : m ? body.slice(m.index + m[0].length) : '';
    return half
        .split(/\n\s*\n/)
        .map(plainText)
        .filter((p) => p.length > 0);
}
