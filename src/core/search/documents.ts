/**
 * Turns knowledge items into the texts that are indexed and shown: one text
 * per indexed field, the known whole terms of the snapshot, and the Chinese
 * and English halves of each body for snippets.
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import type { Fact, KnowledgeItem } from '../knowledge/schema.ts';
import { KINDS, NEEDS, QUALIFICATIONS, SIZES, STAGES, type Localized } from '../vocabulary.ts';
import type { Field } from './options.ts';

/** The raw (untokenized) text of each indexed field of an item. */
export type FieldTexts = Record<Field, string>;

const factText = (f: Fact | undefined): string => (f ? `${f.zh}\n${f.en}` : '');
const both = (l: Localized | undefined): string => (l ? `${l.zh}\n${l.en}` : '');

/** Labels of the vocabulary words an item is tagged with, so 高新技术企业 finds products that require `high-tech`. */
function vocabularyText(item: KnowledgeItem): string {
    const out: string[] = [];
    if ('needs' in item) for (const n of item.needs) out.push(both(NEEDS.labels[n]));
    if ('eligibility' in item && item.eligibility) {
        const e = item.eligibility;
        for (const q of [...(e.qualifications_any ?? []), ...(e.qualifications_all ?? []), ...(e.qualifications_preferred ?? [])]) {
            out.push(both(QUALIFICATIONS.labels[q]));
        }
    }
    return out.join('\n');
}

/**
 * What a card states in structured fields that its body may not spell out:
 * the terms (amount, rate, fees, partner banks…), contact details, and the
 * facts and notes whose figures the body leaves out. A fact the body
 * restates is not indexed again: that would count it twice and make the
 * index a third larger for nothing (the evaluation figures are the same or
 * better without them). But a body is a summary: the reply card's body
 * named its four areas of work without the loan balances they report, so
 * "二季度末科技型企业贷款余额" found no card at all.
 */
function factsText(item: KnowledgeItem): string {
    const out: string[] = [];
    for (const f of [...item.facts, ...('notes' in item ? item.notes : [])]) if (!bodyHoldsFigures(item.body, f)) out.push(factText(f));
    if (item.kind === 'product' || item.kind === 'platform' || item.kind === 'program') {
        const t = item.terms;
        if (t) {
            for (const f of [t.amount, t.term, t.rate, t.fees, t.subsidy, t.risk_sharing, ...t.partner_banks]) out.push(factText(f));
        }
    }
    if (item.kind === 'organization') {
        for (const p of item.phones) out.push(p.value, both(p.label));
        for (const v of [item.address, item.postcode, item.website, item.hours]) if (v) out.push(v.value, both(v.label));
    }
    return out.filter(Boolean).join('\n');
}

/** Every figure of the fact's Chinese text (2024, 12449.37) is somewhere in the body. */
function bodyHoldsFigures(body: string, fact: Fact): boolean {
    for (const figure of fact.zh.match(/\d+(?:\.\d+)?/g) ?? []) if (!body.includes(figure)) return false;
    return true;
}

export function fieldTexts(item: KnowledgeItem): FieldTexts {
    const isPolicy = item.kind === 'policy' || item.kind === 'document';
    return {
        name: item.name,
        name_en: item.name_en,
        // Alternate questions (issue 13) are firms' own wording for what the card answers: as strong as an alias.
        aliases: [...item.aliases.zh, ...item.aliases.en, ...item.alternate_questions].join('\n'),
        topics: [...item.topics, vocabularyText(item)].join('\n'),
        summary: [both(item.summary), item.kind === 'organization' ? both(item.role) : ''].join('\n'),
        doc: isPolicy ? [item.doc_number ?? '', item.issuer ?? ''].join('\n') : '',
        facts: factsText(item),
        body: item.body,
    };
}

/**
 * Phrases every card is tokenized with, kept whole: topics, document
 * numbers, issuers, the vocabulary labels and every synonym. Staff extend
 * them by adding topics or synonyms, never by editing code.
 */
export function sharedPhrases(snapshot: Pick<KnowledgeSnapshot, 'items' | 'synonyms'>): string[] {
    const phrases = new Set<string>();
    for (const item of snapshot.items.values()) for (const p of itemSharedPhrases(item)) phrases.add(p);
    for (const p of fixedSharedPhrases(snapshot.synonyms)) phrases.add(p);
    return [...phrases];
}

/** The shared phrases one card brings: its topics, and a policy's document number and issuer. */
export function itemSharedPhrases(item: KnowledgeItem): string[] {
    const out = [...item.topics];
    if (item.kind === 'policy' || item.kind === 'document') {
        if (item.doc_number) out.push(item.doc_number);
        if (item.issuer) out.push(item.issuer);
    }
    return out;
}

/**
 * The words a firm describes itself with: the labels of the profile
 * vocabulary (stages, qualifications, sizes, needs) and their synonyms
 * (专精特新 beside 专精特新中小企业). They name no card, even when a card's
 * alias holds one (专精特新20条).
 */
export function profileWords(synonyms: readonly (readonly string[])[]): string[] {
    const labels = new Set<string>();
    for (const vocabulary of [STAGES, QUALIFICATIONS, SIZES, NEEDS]) {
        for (const l of Object.values<Localized>(vocabulary.labels)) for (const w of [...splitLabel(l.zh), l.en]) labels.add(w);
    }
    const out = new Set(labels);
    for (const group of synonyms) if (group.some((w) => labels.has(w))) for (const w of group) out.add(w);
    return [...out];
}

/** The shared phrases that come from no card: vocabulary labels and synonyms. */
export function fixedSharedPhrases(synonyms: readonly (readonly string[])[]): string[] {
    const out: string[] = [];
    for (const vocabulary of [STAGES, QUALIFICATIONS, SIZES, NEEDS, KINDS]) {
        for (const l of Object.values<Localized>(vocabulary.labels)) out.push(...splitLabel(l.zh), l.en);
    }
    for (const group of synonyms) out.push(...group);
    return out;
}

/**
 * A card's own names, kept whole in that card only. Other cards that
 * mention the name still match it through its bigrams, so a query naming a
 * product ranks the product above the cards that merely cite it.
 */
export function ownPhrases(item: KnowledgeItem): string[] {
    const phrases = [item.name, item.name_en, ...item.aliases.zh, ...item.aliases.en];
    return [...phrases, ...shorterEnglishNames([item.name_en, ...item.aliases.en])];
}

/** Two words or more. */
const SEVERAL_WORDS = /\S\s+\S/;
/** An English name that starts with the city, then two words or more ("Shanghai Sci-Tech Finance Alliance"). */
const CITY_FIRST = /^shanghai\s+(?=\S+\s+\S)/i;

/**
 * The shorter ways a founder says an English name: each of its parts on its own ("Sci-Tech Special Relending Loan" of
 * "… Loan (Huke Zhuandai)"; "A / B"), and, every card being Shanghai's, without the city ("the STCSM sci-tech finance
 * alliance"). A part of one word (2025 of "(2025)") is no name. Not Chinese names: 上海 is written into them without a
 * space, and the short remainder (科创中心, 代办处) is as often a common word.
 */
function shorterEnglishNames(names: readonly string[]): string[] {
    const parts = names.flatMap((name) => name.split(/[/()（）]/).map((part) => part.trim())).filter((part) => SEVERAL_WORDS.test(part));
    const cityless = parts.filter((part) => CITY_FIRST.test(part)).map((part) => part.replace(CITY_FIRST, ''));
    return [...new Set([...parts, ...cityless])].filter((part) => !names.includes(part));
}

/** Every phrase a query may name: the shared ones and every card's names. */
export function dictionaryPhrases(snapshot: Pick<KnowledgeSnapshot, 'items' | 'synonyms'>): string[] {
    const phrases = sharedPhrases(snapshot);
    for (const item of snapshot.items.values()) phrases.push(...ownPhrases(item));
    return phrases;
}

/** 成熟期（具有一定规模） → 成熟期, 具有一定规模: a label's parenthesis is a separate phrase. */
function splitLabel(label: string): string[] {
    return label.split(/[（）()“”"]/).filter((s) => s.trim().length > 0);
}

/** The Chinese and English halves of a body; the English half starts at a `## English` heading. */
export function bodyHalves(body: string): Localized {
    const m = /^#{1,6}\s*English\s*$/im.exec(body);
    if (!m) return { zh: plainText(body), en: '' };
    return { zh: plainText(body.slice(0, m.index)), en: plainText(body.slice(m.index + m[0].length)) };
}

/** Markdown to a single line of plain text for snippets: headings, emphasis, links and list marks removed. */
export function plainText(markdown: string): string {
    return markdown
        .replace(/^#{1,6}\s+.*$/gm, ' ')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*_`>]+/g, '')
        .replace(/^\s*[-+]\s+/gm, '')
        .replace(/\s+/g, ' ')
        .trim();
}
