/**
 * One answer to a question, for every front. Retrieved, never generated:
 * each sentence is a field value of a card, in the question's language,
 * with that field's own sources and status.
 *
 * The question goes: read (its terms, the items it names, the aspects it
 * asks; search/index.ts `read`) → the item it is about (a named item, the
 * best ranked one among several; else the top search hit when the search
 * is confident) → that item's passages ranked for the question → the
 * passages holding the aspect asked become the answer. An item that holds
 * nothing for the aspect gets a plain "the sources do not give it", in the
 * card's own words where a note says so; a question nothing answers gets
 * "not known", did-you-mean and the general contacts.
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import type { KnowledgeItem, OrganizationItem, Source } from '../knowledge/schema.ts';
import type { KnowledgeIndex, QueryReading, RankedPassage } from '../search/index.ts';
import type { SearchOptions } from '../search/types.ts';
import { boundQuery } from '../search/input.ts';
import { hasHan } from '../search/tokenize.ts';
import { ASPECTS, type Aspect, type Lang } from '../vocabulary.ts';
import { colon, labelOf, listJoin } from '../present/labels.ts';
import type { Answer, AnswerFact, ComparisonRow, ContactRef, ItemRef } from './types.ts';

export type { Answer, AnswerFact, AnswerStatus, ComparisonRow, ContactRef, ItemRef } from './types.ts';

export interface AnswerOptions {
    /** Language of the answer; default: guessed from the question (any Han character → zh). */
    readonly lang?: Lang;
    /** Ranked results kept beside the answer. Default 5. */
    readonly limit?: number;
    /** Only items of these kinds, for the answer and the results. Default: all. */
    readonly kind?: SearchOptions['kind'];
}

/** Facts in a direct answer: at most this many, and no more once the text is this long. */
const MAX_FACTS = 3;
const TEXT_BUDGET = 200;
/** A passage without the aspect asked still answers when it holds this much of the question's words. */
const MIN_OVERLAP = 3;
/** A second or third fact must score at least this share of the best. */
const SCORE_SHARE = 0.75;
const MAX_RELATED = 3;
const MAX_SUGGESTIONS = 3;
/** The general contacts: the organizations most products name, at most this many. */
const GENERAL_CONTACTS = 2;

export function answerQuestion(snapshot: KnowledgeSnapshot, index: KnowledgeIndex, question: string, options: AnswerOptions = {}): Answer {
    const text = boundQuery(question).text;
    const lang: Lang = options.lang ?? (hasHan(text) ? 'zh' : 'en');
    const search = index.search(text, { limit: options.limit ?? 5, lang, ...(options.kind ? { kind: options.kind } : {}) });
    const reading = index.read(text);
    const aspects = reading.aspects.aspects.map((a) => a.aspect);
    const base = { question: search.query, lang, aspects, search };
    const get = (id: string) => snapshot.items.get(id);

    // Named items, in search order (the search weighs all the words), unranked ones after.
    const rank = (id: string) => {
        const i = search.results.findIndex((r) => r.id === id);
        return i < 0 ? Infinity : i;
    };
    const kinds = options.kind === undefined ? undefined : new Set(typeof options.kind === 'string' ? [options.kind] : options.kind);
    const named = [...new Set(reading.named.map((n) => n.id))]
        .filter((id) => !kinds || kinds.size === 0 || kinds.has(snapshot.items.get(id)?.kind ?? 'product')).sort((a, b) => rank(a) - rank(b)).map(get).filter((i): i is KnowledgeItem => i !== undefined);

    if (reading.aspects.comparison && named.length >= 2) return compare(snapshot, index, reading, named[0]!, named[1]!, { ...base, lang });

    const item = named[0] ?? (search.confident && search.results[0] ? get(search.results[0].id) : undefined);
    if (!item) return unknown(snapshot, { ...base, lang });
    return answerItem(snapshot, index, item, reading, base);
}

/**
 * One aspect of one item, asked by a button rather than a question
 * ("申请方式" under an answer): the same answer as for "<item> <aspect>?".
 * Undefined when the id is unknown.
 */
export function answerAbout(snapshot: KnowledgeSnapshot, index: KnowledgeIndex, id: string, aspect: Aspect, options: AnswerOptions = {}): Answer | undefined {
    const item = snapshot.items.get(id);
    if (!item) return undefined;
    const lang = options.lang ?? 'zh';
    const question = `${item.name} · ${ASPECTS.labels[aspect][lang]}`;
    const reading: QueryReading = {
        terms: new Map(),
        named: [{ id, term: item.name, typo: false }],
        aspects: { aspects: [{ aspect, score: 1 }], primary: aspect, comparison: false, words: [] },
        aspectTerms: new Set(),
    };
    const search = { query: question, lang, results: [], confident: true };
    return answerItem(snapshot, index, item, reading, { question, lang, aspects: [aspect], search });
}

function answerItem(snapshot: KnowledgeSnapshot, index: KnowledgeIndex, item: KnowledgeItem, reading: QueryReading, base: Base): Answer {
    const lang = base.lang;
    const primary = reading.aspects.primary;
    const ranked = index.passages(item.id, reading).filter((r) => r.passage.structured && r.score > 0);
    const holding = dropOverview(primary ? ranked.filter((r) => r.passage.aspects.includes(primary)) : []);
    // No aspect asked ("科技微贷通?"): the passages matching the question's words, else the summary.
    const fallback = ranked.filter((r) => r.overlap >= MIN_OVERLAP);
    const overview = primary ? [] : index.passages(item.id).filter((r) => r.passage.field === 'summary');
    const chosen = choose(holding.length > 0 ? holding : fallback.length > 0 ? fallback : overview);
    const facts = chosen.map((r) => toFact(item, r, lang));
    const contacts = contactsOf(snapshot, item);
    const common = { ...base, aspect: primary, item: refOf(item), related: relatedOf(snapshot, item), contacts, suggestions: [] };

    if (facts.length > 0 && facts.some((f) => !f.absence)) {
        return { ...common, status: 'answered', confident: true, text: sentence(item, facts, lang), facts };
    }
    // The card speaks to the aspect only to say its sources lack it: say so, and whom to ask.
    const stated = facts.length > 0;
    const gap = stated ? sentence(item, facts, lang) : notHeld(item, primary, lang);
    return { ...common, status: 'not-held', confident: stated, text: withWhomToAsk(gap, contacts, lang), facts };
}

/** Fields that say what an item is in general: they answer "what is it" only when no other passage holding the aspect matches the question's words. */
const OVERVIEW_FIELDS: ReadonlySet<string> = new Set(['summary', 'role', 'document']);

function dropOverview(holding: readonly RankedPassage[]): readonly RankedPassage[] {
    const overview = (r: RankedPassage) => OVERVIEW_FIELDS.has(r.passage.field);
    return holding.some((r) => !overview(r) && r.overlap > 0) ? holding.filter((r) => !overview(r)) : holding;
}

/** The best passages: the top one, then those close to it, within the budget. */
function choose(ranked: readonly RankedPassage[]): RankedPassage[] {
    const best = ranked[0];
    if (!best) return [];
    const out = [best];
    let length = textLength(best);
    for (const r of ranked.slice(1)) {
        if (out.length >= MAX_FACTS || length >= TEXT_BUDGET) break;
        if (r.score < best.score * SCORE_SHARE) break;
        out.push(r);
        length += textLength(r);
    }
    return out;
}

const textLength = (r: RankedPassage) => (r.passage.text.zh ?? r.passage.text.en ?? '').length;

function toFact(item: KnowledgeItem, r: RankedPassage, lang: Lang): AnswerFact {
    const p = r.passage;
    const keys = new Set(p.sources);
    return {
        text: p.text[lang] ?? p.text[lang === 'zh' ? 'en' : 'zh'] ?? '',
        item: item.id,
        field: p.field,
        aspects: p.aspects,
        sources: item.sources.filter((s: Source) => keys.has(s.key)),
        status: p.status,
        absence: p.absence,
    };
}

/** "科技履约贷：fact（信息可能已过时） fact2" — the item's name, then each fact with its status mark. */
function sentence(item: KnowledgeItem, facts: readonly AnswerFact[], lang: Lang): string {
    const parts = facts.map((f) => `${f.text}${f.status === 'current' ? '' : labelOf(f.status, lang)}`);
    return `${nameOf(item, lang)}${colon(lang)}${parts.join(lang === 'zh' ? '' : ' ')}`;
}

function notHeld(item: KnowledgeItem, aspect: Aspect | undefined, lang: Lang): string {
    const what = ASPECTS.labels[aspect ?? 'what-is'][lang];
    return lang === 'zh' ? `${nameOf(item, 'zh')}：知识库的来源未给出${what}方面的信息。` : `${nameOf(item, 'en')}: the sources kejin holds give no ${what}.`;
}

function withWhomToAsk(text: string, contacts: readonly ContactRef[], lang: Lang): string {
    if (contacts.length === 0) return text;
    const names = listJoin(lang, contacts.map((c) => c.title[lang]));
    return lang === 'zh' ? `${text}${labelOf('askContact', 'zh')}${names}。` : `${text} ${labelOf('askContact', 'en')} ${names}.`;
}

/** The name an answer opens with: short, since the answer must come within the first lines. */
function nameOf(item: Pick<KnowledgeItem, 'name' | 'name_en'>, lang: Lang): string {
    return lang === 'zh' ? item.name : item.name_en;
}

export function refOf(item: KnowledgeItem): ItemRef {
    return { id: item.id, kind: item.kind, title: { zh: item.name, en: item.name_en } };
}

function contactRef(o: OrganizationItem): ContactRef {
    return { ...refOf(o), phones: o.phones.map((p) => ({ value: p.value, ...(p.label ? { label: p.label } : {}), sources: p.sources })) };
}

/** Whom to ask about an item: its contacts; an organization is its own contact. */
function contactsOf(snapshot: KnowledgeSnapshot, item: KnowledgeItem): ContactRef[] {
    if (item.kind === 'organization') return [contactRef(item)];
    const ids = 'contacts' in item ? item.contacts : [];
    return ids.map((id) => snapshot.items.get(id)).filter((o): o is OrganizationItem => o?.kind === 'organization').map(contactRef);
}

/** Related offerings and policies worth following up, policies first (a loan's premium subsidy). */
function relatedOf(snapshot: KnowledgeSnapshot, item: KnowledgeItem): ItemRef[] {
    const rank = (i: KnowledgeItem) => (i.kind === 'policy' ? 0 : 1);
    return item.related
        .map((id) => snapshot.items.get(id))
        .filter((i): i is KnowledgeItem => i !== undefined && i.kind !== 'organization' && i.kind !== 'document')
        .sort((a, b) => rank(a) - rank(b))
        .slice(0, MAX_RELATED)
        .map(refOf);
}

const generalCache = new WeakMap<KnowledgeSnapshot, ContactRef[]>();

/** The organizations most offerings name as contacts: whom to ask when nothing answers. */
export function generalContacts(snapshot: KnowledgeSnapshot): ContactRef[] {
    let found = generalCache.get(snapshot);
    if (!found) {
        const counts = new Map<string, number>();
        for (const item of snapshot.items.values()) if ('contacts' in item) for (const id of item.contacts) counts.set(id, (counts.get(id) ?? 0) + 1);
        found = [...counts]
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .map(([id]) => snapshot.items.get(id))
            .filter((o): o is OrganizationItem => o?.kind === 'organization')
            .slice(0, GENERAL_CONTACTS)
            .map(contactRef);
        generalCache.set(snapshot, found);
    }
    return found;
}

type Base = Pick<Answer, 'question' | 'lang' | 'aspects' | 'search'>;

function unknown(snapshot: KnowledgeSnapshot, base: Base): Answer {
    const lang = base.lang;
    const suggestions = base.search.results
        .slice(0, MAX_SUGGESTIONS)
        .map((r) => snapshot.items.get(r.id))
        .filter((i): i is KnowledgeItem => i !== undefined)
        .map(refOf);
    const contacts = generalContacts(snapshot);
    const guess = suggestions.length > 0 ? `${lang === 'zh' ? '' : ' '}${labelOf('didYouMean', lang)}${colon(lang)}${listJoin(lang, suggestions.map((s) => s.title[lang]))}${lang === 'zh' ? '？' : '?'}` : '';
    const text = withWhomToAsk(`${labelOf('unknown', lang)}${guess}`, contacts, lang);
    return { ...base, aspect: base.aspects[0], status: 'unknown', confident: false, text, facts: [], related: [], contacts, suggestions };
}

/** The aspects a comparison shows, in this order, when both items hold them. */
const COMPARED: readonly Aspect[] = ['eligibility', 'amount', 'term', 'rate', 'fee', 'subsidy', 'risk-sharing', 'partner-banks', 'how-to-apply'];

function compare(snapshot: KnowledgeSnapshot, index: KnowledgeIndex, reading: QueryReading, left: KnowledgeItem, right: KnowledgeItem, base: Base): Answer {
    const lang = base.lang;
    const factsOf = (item: KnowledgeItem, aspect: Aspect) =>
        index
            .passages(item.id, reading)
            .filter((r) => r.passage.typed && r.passage.aspects[0] === aspect)
            .slice(0, 1)
            .map((r) => toFact(item, r, lang));
    const asked = reading.aspects.aspects.map((a) => a.aspect).filter((a) => COMPARED.includes(a));
    const rows: ComparisonRow[] = (asked.length > 0 ? asked : COMPARED)
        .map((aspect) => ({ aspect, left: factsOf(left, aspect), right: factsOf(right, aspect) }))
        .filter((r) => r.left.length > 0 && r.right.length > 0);
    const summary = (item: KnowledgeItem) => `${nameOf(item, lang)}${colon(lang)}${item.summary[lang]}`;
    const text = [summary(left), summary(right)].join(lang === 'zh' ? '' : ' ');
    const facts = rows.flatMap((r) => [...r.left, ...r.right]);
    const contacts = [...contactsOf(snapshot, left), ...contactsOf(snapshot, right)].filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i);
    return {
        ...base,
        aspect: 'comparison',
        status: 'comparison',
        confident: true,
        text,
        facts,
        item: refOf(left),
        related: [refOf(right)],
        contacts,
        suggestions: [],
        comparison: { items: [refOf(left), refOf(right)], rows },
    };
}
