/**
 * The search index over one knowledge snapshot: every product, policy and
 * organization in one MiniSearch index, built from scratch for each
 * snapshot, so there is no incremental update to get wrong. The shipped
 * knowledge builds in ~30 ms, 1,000 cards of the same size in ~1 s (see
 * `npm run bench`).
 *
 * Building: each card's fields (`documents.ts`) are tokenized
 * (`tokenize.ts`) with the shared dictionary and the card's own names, and
 * the postings are bulk-loaded into MiniSearch (`buildIndex`).
 *
 * A query goes: bound the input (`input.ts`) → analyze it into weighted
 * terms and concepts (`query.ts`, synonyms from `synonyms.ts`) → MiniSearch
 * with the shared options (`options.ts`) and the kind filter → confidence
 * (`confidence.ts`) → hits with snippets (`snippet.ts`).
 */
import MiniSearch from 'minisearch';
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import type { KnowledgeItem } from '../knowledge/schema.ts';
import type { Kind, Lang } from '../vocabulary.ts';
import { conceptFrequency, coverage, DEFAULT_MIN_COVERAGE, idf, mentions } from './confidence.ts';
import { bodyHalves, dictionaryPhrases, fieldTexts, ownPhrases, sharedPhrases } from './documents.ts';
import { boundQuery, MAX_QUERY_LENGTH, NOTICES } from './input.ts';
import { decodeTerm, encodeTerm } from './encode.ts';
import { FIELDS, MINISEARCH_OPTIONS, useFuzzy, usePrefix } from './options.ts';
import { analyzeQuery, QUERY_WEIGHTS, type AnalyzeContext, type AnalyzedQuery } from './query.ts';
import { createAspectReader, type AspectReading } from './aspects.ts';
import { passagesOf, type Passage } from './passages.ts';
import { findSnippet, makeSnippet } from './snippet.ts';
import { createSynonymTable } from './synonyms.ts';
import { bigrams, createDictionary, hasHan, scanTerms, segmentWords, type Dictionary } from './tokenize.ts';
import type { HitPassage, SearchHit, SearchOptions, SearchResponse } from './types.ts';

export type { HitPassage, SearchHit, SearchOptions, SearchResponse } from './types.ts';

export interface KnowledgeIndex {
    /** The version of the snapshot the index was built from. */
    readonly version: string;
    /** Never throws: bad input comes back as no results with a `notice`. */
    search(query: string, options?: SearchOptions): SearchResponse;
    /** How a query was read and why it is (not) confident: for tests, the eval and debugging. */
    explain(query: string, options?: SearchOptions): QueryExplanation;
    /** The question's weighted terms, the items it names and the aspects it asks (see `QueryReading`). */
    read(query: string): QueryReading;
    /** The passages of a card ranked for a reading, best first (all of them, score 0 when nothing matches). */
    passages(id: string, reading?: QueryReading): readonly RankedPassage[];
}

/** A question as the index reads it, before any ranking. */
export interface QueryReading {
    readonly terms: ReadonlyMap<string, number>;
    /** Items the question names by name, alias or abbreviation, typos read (科技微带通), longest name first. */
    readonly named: readonly NamedItem[];
    readonly aspects: AspectReading;
    /** The terms of the aspect words found: the aspect bonus already counts them, the word overlap does not. */
    readonly aspectTerms: ReadonlySet<string>;
}

export interface NamedItem {
    readonly id: string;
    /** The name term found in the question. */
    readonly term: string;
    /** Read through a one-character typo. */
    readonly typo: boolean;
}

export interface RankedPassage {
    readonly passage: Passage;
    /** Words of the question it holds (the card's own names left out) plus the aspect it holds. */
    readonly score: number;
    /** How much of the score is the question's words (the rest is the aspect). */
    readonly overlap: number;
}

export interface QueryExplanation {
    /** Search terms and their weights. */
    readonly terms: Readonly<Record<string, number>>;
    /** Each concept with its IDF weight and whether the top result mentions it. */
    readonly concepts: readonly { readonly text: string; readonly weight: number; readonly covered: boolean }[];
    readonly top?: string;
    readonly coverage: number;
    readonly confident: boolean;
}

export interface IndexOptions {
    /** Share of the question's weighted concepts the top hit must mention to be confident. Default 0.5 (see confidence.ts). */
    readonly minCoverage?: number;
    /** Longer questions are searched on their first this many characters. Default 500. */
    readonly maxQueryLength?: number;
    /** Extra synonym groups, added to the snapshot's. Default none. */
    readonly synonyms?: readonly (readonly string[])[];
}

export const DEFAULT_LIMIT = 5;
/** A term in at most this share of the documents can vouch for a typo reading (see query.ts: 贷款 is in nearly all). */
const RARE_SHARE = 0.4;
export const MAX_LIMIT = 20;
/** Terms in more than this share of the cards are left out of the query when it has rarer ones (see runSearch). */
const COMMON_SHARE = 0.5;

interface Entry {
    readonly item: KnowledgeItem;
    /** Snippet texts per language (body half, then summary), made on the first snippet. */
    snippetTexts?: Record<Lang, readonly SnippetText[]>;
    /** The card's passages with their terms, made when the card is first ranked or answered from. */
    passages?: readonly IndexedPassage[];
}

interface IndexedPassage {
    readonly passage: Passage;
    readonly terms: ReadonlySet<string>;
}

/** Passage ranking (see `rankPassages`). */
const PASSAGE_WEIGHTS = {
    /** A field of the aspect the question asks most (terms.amount for 额度). */
    primary: 3,
    /** A passage whose words speak of that aspect: a fact, a note, a field of another aspect (额度 in a partner-bank entry). */
    mentioned: 2,
    /** The passage holds another aspect the question asks, times that aspect's share of the primary's score. */
    secondary: 1.5,
    /** From a field of the front matter: it has its own sources. */
    structured: 0.5,
} as const;
/** A search hit shows at most this many matched passages. */
const HIT_PASSAGES = 2;
/** Han names shorter than this name an item only when they are its whole name (高企 is a word, 高企贷 a name). */
const MIN_HAN_NAME = 3;
const MIN_LATIN_NAME = 4;

interface SnippetText {
    readonly text: string;
    readonly lower: string;
}

/** Builds the index of a snapshot. Pure: the snapshot is only read. */
export function createSearchIndex(snapshot: KnowledgeSnapshot, options: IndexOptions = {}): KnowledgeIndex {
    const synonymGroups = [...snapshot.synonyms, ...(options.synonyms ?? [])];
    const withSynonyms = { ...snapshot, synonyms: synonymGroups };
    const dictionary = createDictionary(dictionaryPhrases(withSynonyms));
    const shared = createDictionary(sharedPhrases(withSynonyms));
    const { miniSearch, df, entries } = buildIndex(snapshot.items.values(), shared);
    const aspectReader = createAspectReader(snapshot.aspects ?? {});
    const names = nameTable(snapshot.items.values());
    const context: AnalyzeContext = {
        dictionary,
        synonyms: createSynonymTable(synonymGroups),
        segment: segmentWithOffsets,
        isRare: (term) => df(term) <= Math.max(1, miniSearch.documentCount * RARE_SHARE),
    };
    const settings = {
        minCoverage: options.minCoverage ?? DEFAULT_MIN_COVERAGE,
        maxQueryLength: options.maxQueryLength ?? MAX_QUERY_LENGTH,
    };
    return {
        version: snapshot.version,
        explain: (query, searchOptions = {}) => explain(query, searchOptions),
        read: (query) => read(boundQuery(query, settings.maxQueryLength).text),
        passages: (id, reading) => {
            const entry = entries.get(id);
            return entry ? rankPassages(entry, reading) : [];
        },
        search: (query, searchOptions = {}) => {
            try {
                return runSearch(query, searchOptions).response;
            } catch {
                // A bug in analysis must not take a front down: answer "nothing found".
                return { query: typeof query === 'string' ? query.slice(0, settings.maxQueryLength) : '', lang: searchOptions.lang ?? 'zh', results: [], confident: false };
            }
        },
    };

    function read(text: string, analyzed: AnalyzedQuery = analyzeQuery(text, context)): QueryReading {
        const named = new Map<string, NamedItem>();
        for (const [term, weight] of analyzed.terms) {
            if (weight < QUERY_WEIGHTS.typo) continue;
            for (const id of names.get(term) ?? []) {
                const prior = named.get(id);
                if (!prior || prior.term.length < term.length) named.set(id, { id, term, typo: weight < QUERY_WEIGHTS.direct });
            }
        }
        const sorted = [...named.values()].sort((a, b) => b.term.length - a.term.length);
        const aspects = aspectReader.read(text);
        const aspectTerms = new Set<string>();
        for (const word of aspects.words) scanTerms(word, shared, (t) => aspectTerms.add(t));
        return { terms: analyzed.terms, named: sorted, aspects, aspectTerms };
    }

    function indexedPassages(entry: Entry): readonly IndexedPassage[] {
        return (entry.passages ??= passagesOf(entry.item, aspectReader.classify).map((passage) => {
            const terms = new Set<string>();
            const own = createDictionary(ownPhrases(entry.item));
            scanTerms(`${passage.text.zh ?? ''}\n${passage.text.en ?? ''}`, shared, (t) => terms.add(t), own);
            return { passage, terms };
        }));
    }

    /**
     * A card's passages for a question: the question's words each passage
     * holds, by their query weight and by how few of the card's passages
     * hold them, leaving out the card's own names (every passage of the card
     * is about the card), plus the aspect the question
     * asks when the passage holds it. Ties keep card order: structured
     * fields come first.
     */
    function rankPassages(entry: Entry, reading: QueryReading | undefined): RankedPassage[] {
        const own = ownTerms(entry.item);
        const asked = reading?.aspects.aspects ?? [];
        const top = asked[0]?.score ?? 0;
        const passages = indexedPassages(entry);
        // A word in many of the card's passages (reply, 1205 on the reply's card) says little about which one answers.
        const spread = (term: string) => {
            let n = 0;
            for (const p of passages) if (p.terms.has(term)) n++;
            return n === 0 ? 0 : Math.log(1 + passages.length / n) / Math.log(1 + passages.length);
        };
        const telling = new Map<string, number>();
        if (reading) for (const [term, weight] of reading.terms) if (!own.has(term) && !reading.aspectTerms.has(term)) telling.set(term, weight * spread(term));
        const ranked = passages.map(({ passage, terms }) => {
            let overlap = 0;
            for (const [term, weight] of telling) if (terms.has(term)) overlap += weight;
            // The aspect asked most, then a share for each other aspect asked that the passage also holds
            // ("file an application to get the fee refunded": the subsidy entry that says no application is needed).
            let aspect = 0;
            asked.forEach((a, i) => {
                if (!passage.aspects.includes(a.aspect)) return;
                // A field holding the aspect by its place on the card beats one whose words merely mention it.
                if (i > 0) aspect += PASSAGE_WEIGHTS.secondary * (a.score / top);
                else aspect += passage.typed && passage.aspects[0] === a.aspect ? PASSAGE_WEIGHTS.primary : PASSAGE_WEIGHTS.mentioned;
            });
            const structured = overlap + aspect > 0 && passage.structured ? PASSAGE_WEIGHTS.structured : 0;
            return { passage, score: overlap + aspect + structured, overlap };
        });
        return ranked.map((r, i) => ({ r, i })).sort((a, b) => b.r.score - a.r.score || a.i - b.i).map((x) => x.r);
    }

    function explain(raw: string, searchOptions: SearchOptions): QueryExplanation {
        const { analyzed, conceptWeights, matched, response } = runSearch(raw, searchOptions);
        return {
            terms: Object.fromEntries(analyzed?.terms ?? []),
            concepts: (analyzed?.concepts ?? []).map((c, i) => ({ text: c.text, weight: conceptWeights[i] ?? 0, covered: mentions(c, matched) })),
            top: response.results[0]?.id,
            coverage: analyzed ? coverage(analyzed.concepts, conceptWeights, matched) : 0,
            confident: response.confident,
        };
    }

    function runSearch(raw: string, searchOptions: SearchOptions): Run {
        const bounded = boundQuery(raw, settings.maxQueryLength);
        const lang: Lang = searchOptions.lang ?? (hasHan(bounded.text) ? 'zh' : 'en');
        const base = { query: bounded.text, lang };
        const none = { conceptWeights: [], matched: new Set<string>() };
        if (bounded.text.length === 0) return { ...none, response: { ...base, results: [], confident: false, notice: bounded.notice ?? NOTICES.empty } };

        const analyzed = analyzeQuery(bounded.text, context);
        if (analyzed.terms.size === 0) return { ...none, analyzed, response: { ...base, results: [], confident: false, notice: NOTICES.noWords } };

        const kinds = kindSet(searchOptions.kind);
        // Terms no card holds are not searched, except the user's own English
        // words: those are searched by prefix, and with a typo allowed when
        // the word itself is unknown (perfomance), never when it is known
        // (a fuzzy pass over the whole term tree is the costliest part of a
        // query). Terms in more than half the cards (科技, 贷款) are not
        // searched either when rarer ones are: their BM25 weight is near zero
        // while scoring them means visiting most of the index; the
        // confidence rule counts them as mentioned (see `common`).
        const weights = new Map<string, number>();
        const loose = new Set<string>();
        const typo = new Set<string>();
        const common = new Set<string>();
        const commonAbove = miniSearch.documentCount * COMMON_SHARE;
        for (const [term, weight] of analyzed.terms) {
            const frequency = df(term);
            const isLoose = analyzed.loose.has(term);
            if (frequency === 0 && !isLoose) continue;
            if (frequency > commonAbove) common.add(term);
            weights.set(encodeTerm(term), weight);
            if (isLoose) loose.add(term);
            if (isLoose && frequency === 0) typo.add(term);
        }
        if (common.size < weights.size) for (const term of common) weights.delete(encodeTerm(term));
        const found = weights.size === 0 ? [] : miniSearch.search([...weights.keys()].join(' '), {
            boostTerm: (term) => weights.get(term) ?? 1,
            prefix: (term) => loose.has(term) && usePrefix(term),
            fuzzy: (term) => typo.has(term) && useFuzzy(term),
            filter: kinds ? (r) => kinds.has(entries.get(r.id)!.item.kind) : undefined,
        });
        const limit = clampLimit(searchOptions.limit);
        const top = found.slice(0, limit);

        const conceptWeights = analyzed.concepts.map((c) => idf(conceptFrequency(c, df), miniSearch.documentCount));
        const matched = new Set([...(top[0]?.queryTerms ?? []).map(decodeTerm), ...common]);
        const confident = top.length > 0 && analyzed.concepts.length > 0 && coverage(analyzed.concepts, conceptWeights, matched) >= settings.minCoverage;

        // The user's own words (weight 1) say best why a card came up; synonym expansions only if none is found.
        const typed = (terms: string[]) => [terms.filter((t) => (analyzed.terms.get(t) ?? 0) >= 1), terms];
        const reading = read(bounded.text, analyzed);
        const results = top.map((r): SearchHit => {
            const entry = entries.get(r.id)!;
            const passages = rankPassages(entry, reading)
                .filter((p) => p.score > 0 && p.passage.text[lang] !== undefined)
                .slice(0, HIT_PASSAGES)
                .map((p) => hitPassage(p, lang));
            return toHit(entry, r.score, typed(r.terms.map(decodeTerm)), lang, passages);
        });
        const response = bounded.notice ? { ...base, results, confident, notice: bounded.notice } : { ...base, results, confident };
        return { analyzed, conceptWeights, matched, response };
    }
}

interface Run {
    readonly analyzed?: AnalyzedQuery;
    readonly conceptWeights: readonly number[];
    readonly matched: ReadonlySet<string>;
    readonly response: SearchResponse;
}

interface Built {
    readonly miniSearch: MiniSearch;
    readonly df: (term: string) => number;
    readonly entries: ReadonlyMap<string, Entry>;
}

/**
 * Counts the postings of every card (term → field → document →
 * occurrences) and hands them to MiniSearch in bulk (`KnowledgeMiniSearch`),
 * so that each distinct term enters MiniSearch's radix tree once instead of
 * once per occurrence. The result is the index `addAll` would build from the
 * same terms (tests/search/build.test.ts checks it), five to ten times
 * faster.
 */
export function buildIndex(items: Iterable<KnowledgeItem>, shared: Dictionary): Built {
    const postings = new Map<string, Posting>();
    const entries = new Map<string, Entry>();
    const ids: string[] = [];
    const lengths: number[][] = [];
    let doc = -1;
    let fieldId = -1;
    let unique = 0;
    const count = (term: string) => {
        let p = postings.get(term);
        if (p === undefined) {
            p = { docs: [], freqs: [], documents: 0, lastDocument: -1, lastField: -1 };
            postings.set(term, p);
        }
        if (p.lastDocument !== doc) {
            p.lastDocument = doc;
            p.lastField = -1;
            p.documents++;
        }
        if (p.lastField !== fieldId) {
            p.lastField = fieldId;
            (p.docs[fieldId] ??= []).push(doc);
            (p.freqs[fieldId] ??= []).push(1);
            unique++;
        } else {
            const freqs = p.freqs[fieldId]!;
            freqs[freqs.length - 1]!++;
        }
    };
    for (const item of items) {
        if (entries.has(item.id)) throw new Error(`kejin search: duplicate id ${item.id}`);
        doc++;
        const texts = fieldTexts(item);
        const own = createDictionary(ownPhrases(item));
        const fieldLengths: number[] = [];
        for (fieldId = 0; fieldId < FIELDS.length; fieldId++) {
            unique = 0;
            scanTerms(texts[FIELDS[fieldId]!], shared, count, own);
            fieldLengths.push(unique);
        }
        ids.push(item.id);
        lengths.push(fieldLengths);
        entries.set(item.id, { item });
    }
    const miniSearch = KnowledgeMiniSearch.fromPostings(ids, lengths, postings);
    return { miniSearch, df: (t) => postings.get(t)?.documents ?? 0, entries };
}

interface Posting {
    /** Per field id, the documents holding the term, in order (arrays: pushing is cheaper than map inserts). */
    readonly docs: number[][];
    /** Per field id, the occurrences in each of those documents. */
    readonly freqs: number[][];
    /** Documents holding the term in any field. */
    documents: number;
    lastDocument: number;
    lastField: number;
}

/** A posting in MiniSearch's layout: field id → document short id → occurrences. */
function fieldTermData(p: Posting): Map<number, Map<number, number>> {
    const data = new Map<number, Map<number, number>>();
    p.docs.forEach((docs, fieldId) => {
        const freqs = p.freqs[fieldId]!;
        const map = new Map<number, number>();
        for (let i = 0; i < docs.length; i++) map.set(docs[i]!, freqs[i]!);
        data.set(fieldId, map);
    });
    return data;
}

/**
 * MiniSearch with a bulk loader. MiniSearch declares its index fields
 * `protected` so that subclasses may do this; the loader fills them exactly
 * as `add()` would (document ids, field lengths, their averages, the terms),
 * only without walking the radix tree for every occurrence.
 */
export class KnowledgeMiniSearch extends MiniSearch {
    static fromPostings(ids: readonly string[], fieldLengths: readonly (readonly number[])[], postings: ReadonlyMap<string, Posting>): KnowledgeMiniSearch {
        const ms = new KnowledgeMiniSearch(MINISEARCH_OPTIONS);
        const totals = FIELDS.map(() => 0);
        ids.forEach((id, short) => {
            ms._documentIds.set(short, id);
            ms._idToShortId.set(id, short);
            const lengths = [...fieldLengths[short]!];
            ms._fieldLength.set(short, lengths);
            lengths.forEach((n, f) => (totals[f]! += n));
        });
        ms._documentCount = ids.length;
        ms._nextId = ids.length;
        ms._avgFieldLength = totals.map((t) => (ids.length === 0 ? 0 : t / ids.length));
        for (const [term, p] of postings) ms._index.set(encodeTerm(term), fieldTermData(p));
        return ms;
    }
}

function segmentWithOffsets(run: string): { word: string; start: number }[] {
    // segmentWords drops non-words; recompute offsets from the run, which is all Han.
    const out: { word: string; start: number }[] = [];
    let at = 0;
    for (const word of segmentWords(run)) {
        const start = run.indexOf(word, at);
        if (start < 0) continue;
        out.push({ word, start });
        at = start + word.length;
    }
    return out;
}

function kindSet(kind: SearchOptions['kind']): ReadonlySet<Kind> | undefined {
    if (kind === undefined) return undefined;
    const list = typeof kind === 'string' ? [kind] : kind;
    return list.length > 0 ? new Set(list) : undefined;
}

function clampLimit(limit: number | undefined): number {
    if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
    return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit)));
}

/** Name term → ids of the items it names (see `MIN_HAN_NAME`). */
function nameTable(items: Iterable<KnowledgeItem>): Map<string, string[]> {
    const table = new Map<string, string[]>();
    for (const item of items) {
        const whole = new Set(dictionaryTerms(createDictionary([item.name, item.name_en])));
        for (const term of dictionaryTerms(createDictionary(ownPhrases(item)))) {
            const long = /[a-z0-9]/.test(term) ? term.length >= MIN_LATIN_NAME : term.length >= MIN_HAN_NAME;
            if (!long && !whole.has(term)) continue;
            const ids = table.get(term);
            if (!ids) table.set(term, [item.id]);
            else if (!ids.includes(item.id)) ids.push(item.id);
        }
    }
    return table;
}

const ownTermCache = new WeakMap<KnowledgeItem, ReadonlySet<string>>();

/** The terms of a card's own names, as the dictionary holds them, with their bigrams. */
function ownTerms(item: KnowledgeItem): ReadonlySet<string> {
    let terms = ownTermCache.get(item);
    if (!terms) {
        // With the parts of each name: its bigrams, or its words (fund, financing…).
        const whole = dictionaryTerms(createDictionary(ownPhrases(item)));
        terms = new Set([...whole, ...whole.flatMap((t) => (hasHan(t) ? bigrams(t) : t.split('_')))]);
        ownTermCache.set(item, terms);
    }
    return terms;
}

function dictionaryTerms(d: Dictionary): string[] {
    return [...[...d.han.values()].flat(), ...[...d.latin.values()].flat().map((words) => words.join('_'))];
}

function hitPassage(r: RankedPassage, lang: Lang): HitPassage {
    const p = r.passage;
    const text = p.text[lang] ?? p.text[lang === 'zh' ? 'en' : 'zh'] ?? '';
    return { field: p.field, aspects: p.aspects, text, sources: p.sources, status: p.status };
}

function toHit(entry: Entry, score: number, terms: readonly (readonly string[])[], lang: Lang, passages: readonly HitPassage[]): SearchHit {
    const item = entry.item;
    return {
        id: item.id,
        kind: item.kind,
        title: { zh: item.name, en: item.name_en },
        summary: item.summary,
        snippet: snippetOf(entry, terms, lang),
        score,
        sources: item.sources,
        contacts: 'contacts' in item ? item.contacts : [],
        related: item.related,
        expired: item.expired,
        passages,
    };
}

/**
 * The body half of the language around the matched terms, else the summary's;
 * else the summary's start. Each term set is tried in turn (the user's own
 * words, then all matched terms). The card's own names are left out of the terms:
 * the title already shows them, and the snippet should show what else of the
 * question the card answers (合作银行 in "高企贷有哪些合作银行").
 */
function snippetOf(entry: Entry, termSets: readonly (readonly string[])[], lang: Lang): string {
    const texts = (entry.snippetTexts ??= snippetTexts(entry.item));
    const names = ownNames(entry.item);
    for (const terms of termSets) {
        const telling = terms.filter((t) => !names.has(t));
        for (const t of texts[lang]) {
            const found = findSnippet(t.text, telling, {}, t.lower);
            if (found !== undefined) return found;
        }
    }
    const fallback = texts[lang].find((t) => t.text.length > 0);
    return fallback ? makeSnippet(fallback.text, []) : '';
}

function ownNames(item: KnowledgeItem): ReadonlySet<string> {
    return new Set([item.name, item.name_en, ...item.aliases.zh, ...item.aliases.en].map((n) => n.toLowerCase().replace(/\s+/g, '_')));
}

function snippetTexts(item: KnowledgeItem): Record<Lang, readonly SnippetText[]> {
    const halves = bodyHalves(item.body);
    const of = (lang: Lang) => [halves[lang], item.summary[lang]].filter((t) => t.length > 0).map((text) => ({ text, lower: text.toLowerCase() }));
    return { zh: of('zh'), en: of('en') };
}
