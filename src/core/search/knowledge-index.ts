/**
 * The search index over one knowledge snapshot: every product, policy and
 * organization, scored by `postings.ts` (MiniSearch's BM25+ over flat
 * typed arrays, with MiniSearch's radix tree for prefix and fuzzy words).
 *
 * Building: each card's fields (`documents.ts`) are tokenized
 * (`tokenize.ts`) with the shared dictionary and the card's own names, and
 * counted into a `Segment`. A live edit (`update`) re-tokenizes only the
 * cards that changed; it falls back to a full build only when something
 * every card is tokenized with changed (synonyms, aspect words, or a shared
 * phrase such as a topic that no other card has). A full build can run in
 * slices (`buildSearchIndex`) so that requests are served meanwhile.
 *
 * A query goes: bound the input (`input.ts`) → analyze it into weighted
 * terms and concepts (`query.ts`, synonyms from `synonyms.ts`) → postings
 * with the shared options (`options.ts`) and the kind filter → confidence
 * (`confidence.ts`) → hits with snippets (`snippet.ts`).
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import { isExpired, type KnowledgeItem } from '../knowledge/schema.ts';
import type { Kind, Lang } from '../vocabulary.ts';
import { conceptFrequency, coverage, DEFAULT_MIN_COVERAGE, idf, mentions } from './confidence.ts';
import { bodyHalves, fieldTexts, fixedSharedPhrases, itemSharedPhrases, ownPhrases, profileWords } from './documents.ts';
import { boundQuery, MAX_QUERY_LENGTH, NOTICES } from './input.ts';
import { FIELD_BOOSTS, FIELDS, SEARCH_WEIGHTS, prefixForm, useFuzzy, usePrefix } from './options.ts';
import { Postings, SegmentBuilder, type DocumentTerms, type QueryTerm, type ScoredDocument } from './postings.ts';
import { analyzeQuery, QUERY_WEIGHTS, type AnalyzeContext, type AnalyzedQuery } from './query.ts';
import { createAspectReader } from './aspects.ts';
import { compoundOnly } from './compounds.ts';
import { holdsUnnamed, passagesOf } from './passages.ts';
import { FUNCTION_CHARS } from './stopwords.ts';
import { stem, termPattern } from './stem.ts';
import { AbridgedNameTable, CutNameTable, LooseNameTable } from './loose-names.ts';
import { evenShare, rankCardPassages, standingFor, type IndexedPassage } from './passage-rank.ts';
import { findSnippet, makeSnippet } from './snippet.ts';
import { createSynonymTable } from './synonyms.ts';
import { SoundTable } from './homophones.ts';
import {
    bigrams,
    normalize,
    createDictionary,
    DictionaryBuilder,
    dictionaryTermsFrom,
    dictionaryTermsOf,
    HAN_RUNS,
    hasHan,
    ownTermsFrom,
    parsePhrases,
    scanInto,
    scanTerms,
    segmentWords,
    type Dictionary,
    type OwnTerms,
    type PhraseTerms,
} from './tokenize.ts';
import type { HitPassage, SearchHit, SearchOptions, SearchResponse } from './types.ts';
import { nextTurn } from '../turn.ts';
import { textIn } from '../words/units.ts';

export type { HitPassage, NamedItem, QueryReading, RankedPassage, SearchHit, SearchOptions, SearchResponse } from './types.ts';
import type { NamedItem, QueryReading, RankedPassage } from './types.ts';

export interface KnowledgeIndex {
    /** The version of the snapshot indexed (it changes with `update`). */
    readonly version: string;
    /**
     * Brings the index to `next` in place, re-tokenizing only the cards
     * added, changed (by identity: the reader keeps unchanged cards) or
     * removed. False, with the index untouched, when the change reaches
     * every card (synonyms, aspect words, a shared phrase appearing or
     * disappearing): build a new index then.
     */
    update(next: KnowledgeSnapshot): boolean;
    /** Cards changed since the last full build: the cost a query pays for live edits (see `Postings`). */
    readonly drift: number;
    /** Never throws: bad input comes back as no results with a `notice`. */
    search(query: string, options?: SearchOptions): SearchResponse;
    /**
     * The ids and scores `search` would rank, without making hits (no
     * snippets, no passages): for callers that only weigh items by the
     * question, such as matching. Never throws.
     */
    rank(query: string, options?: Pick<SearchOptions, 'limit' | 'kind'>): readonly RankedItem[];
    /** How a query was read and why it is (not) confident: for tests, the eval and debugging. */
    explain(query: string, options?: SearchOptions): QueryExplanation;
    /**
     * The question's weighted terms, the items it names and the aspects it
     * asks (see `QueryReading`). `hearAll`: names said by sound are looked
     * for beside written ones (a question that sets two side by side).
     */
    read(query: string, options?: { readonly hearAll?: boolean }): QueryReading;
    /** The passages of a card ranked for a reading, best first (all of them, score 0 when nothing matches). */
    passages(id: string, reading?: QueryReading): readonly RankedPassage[];
    /**
     * The cards holding the largest share of the question's words anywhere
     * (weighed as `RankedPassage.coverage` weighs them), at most `limit`:
     * no passage of a card covers more of the question than the card does,
     * so only these need their passages ranked to find the one that does.
     */
    covering(reading: QueryReading, limit: number): readonly { readonly id: string; readonly coverage: number }[];
    /**
     * The question's terms that tell one card from another: held by some
     * card but not by most, and neither its aspect's words, nor a generic
     * word (上海, apply), nor a function character. `ofFocus`: the question
     * follows an answer about an item, and an English compound of the
     * aspect's words and common words ("loan term") asks that item's.
     */
    telling(reading: QueryReading, options?: { readonly ofFocus?: boolean }): readonly string[];
}

export interface RankedItem {
    readonly id: string;
    readonly score: number;
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
    /** Share of the question's weighted concepts the top hit must mention more than, to be confident. Default 0.5 (see confidence.ts). */
    readonly minCoverage?: number;
    /** Longer questions are searched on their first this many characters. Default 500. */
    readonly maxQueryLength?: number;
    /** Extra synonym groups, added to the snapshot's. Default none. */
    readonly synonyms?: readonly (readonly string[])[];
}

export interface BuildOptions extends IndexOptions {
    /** Give the event loop back after this many ms of building (`buildSearchIndex`). Default 10. */
    readonly sliceMs?: number;
    /** Stop building, as soon as it can, when this says so (a newer snapshot came). Default never. */
    readonly cancelled?: () => boolean;
}

export const DEFAULT_LIMIT = 5;
/** A term in at most this share of the documents can vouch for a typo reading (see query.ts: 贷款 is in nearly all). */
const RARE_SHARE = 0.4;
/** A word in at most this share of the cards tells which card an English name said loosely is (see loose-names.ts). */
const TELLING_SHARE = 1 / 3;
export const MAX_LIMIT = 20;
/** Terms in more than this share of the cards are left out of the query when it has rarer ones (see runSearch). */
const COMMON_SHARE = 0.5;

interface Entry {
    readonly item: KnowledgeItem;
    /** Snippet texts per language (body half, then summary), made on the first snippet. */
    snippetTexts?: Record<Lang, readonly SnippetText[]>;
    /** The card's passages with their terms, made when the card is first ranked or answered from. */
    passages?: readonly IndexedPassage[];
    /** How many of those passages hold each term (a passage ranking weighs a term by it). */
    holders?: ReadonlyMap<string, number>;
    /** The passages ranked for no question: card order, every score 0. */
    unranked?: readonly RankedPassage[];
    /** The English words the card writes only inside hyphenated compounds, each with how a question says those compounds (see `compoundOnly`). */
    compounds?: ReadonlyMap<string, readonly RegExp[]>;
}

/** Analyses of the last questions kept (an answer reads and searches the same text). */
const RECENT_ANALYSES = 8;
/** A search hit shows at most this many matched passages. */
const HIT_PASSAGES = 2;
/** Han names shorter than this name an item only when they are its whole name (高企 is a word, 高企贷 a name). */
const MIN_HAN_NAME = 3;
const MIN_LATIN_NAME = 4;

interface SnippetText {
    readonly text: string;
    readonly lower: string;
}

/**
 * The share of the question (see RankedPassage.wordCoverage) one passage of the first card must hold for the search to be
 * confident. Set between the lowest such share of the on-topic questions of every eval set answered confidently
 * (0.20, "What does the government cover if a Lvyue loan goes bad") and the off-topic question that passed the concept
 * test (0.15): a floor against words scattered over a card, not a measure of a good answer.
 */
const MIN_PASSAGE_COVERAGE = 0.18;
/**
 * The share one passage must hold when the question names no card (no whole name of the first card among the words
 * matched, nor one of its alternate questions said): with no name to say which card, words held apart are all there
 * is. "招商银行的个人消费贷利率多少" finds 高企贷 by the bank in its partner list, 个人 in its negative list and 利率 in
 * its pricing, 0.298 in one passage; "Bank of China personal loan interest rate?" 0.21 (its negative list writes
 * "personal loans"). The unnamed dev questions answered on the first screen hold 0.41 or more; "credit self-check
 * 截止是哪天", mixed, 0.306 (its Chinese pairs weigh as words).
 */
const MIN_PASSAGE_COVERAGE_UNNAMED = 0.3;

/** Builds the index of a snapshot at once. The snapshot is only read. */
export function createSearchIndex(snapshot: KnowledgeSnapshot, options: IndexOptions = {}): KnowledgeIndex {
    const steps = buildSteps(snapshot, options);
    for (;;) {
        const step = steps.next();
        if (step.done) return step.value!;
    }
}

/**
 * Builds the index in slices of `sliceMs`, giving the event loop back in
 * between, so that a full rebuild of a large folder never holds a request
 * up for long. Resolves undefined when `cancelled` said so.
 */
export async function buildSearchIndex(snapshot: KnowledgeSnapshot, options: BuildOptions = {}): Promise<KnowledgeIndex | undefined> {
    const sliceMs = options.sliceMs ?? 10;
    const steps = buildSteps(snapshot, options);
    let sliceStart = performance.now();
    for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        if (performance.now() - sliceStart >= sliceMs) {
            await nextTurn();
            if (options.cancelled?.()) return undefined;
            sliceStart = performance.now();
        }
    }
}

/** How often the build checks the clock: every this many cards. */
const CARDS_PER_STEP = 16;

/** The phrases the shared dictionary is made of, with the number of cards (or fixed lists) holding each. */
function countPhrases(items: Iterable<KnowledgeItem>, synonyms: readonly (readonly string[])[]): Map<string, number> {
    const counts = new Map<string, number>();
    const add = (p: string) => counts.set(p, (counts.get(p) ?? 0) + 1);
    for (const p of new Set(fixedSharedPhrases(synonyms))) add(p);
    for (const item of items) for (const p of new Set(itemSharedPhrases(item))) add(p);
    return counts;
}

/** Adds a card's terms to a segment, field by field. */
function addCard(builder: SegmentBuilder, item: KnowledgeItem, shared: Dictionary): void {
    const texts = fieldTexts(item);
    const own = namesOf(item).own;
    builder.begin(item.id);
    for (let field = 0; field < FIELDS.length; field++) {
        scanInto(texts[FIELDS[field]!], shared, own, { bigram: (s, i) => builder.addBigram(field, s, i), term: (t) => builder.add(field, t) });
    }
}

/** The postings of some cards, built at once (for tests and tools; the index builds in steps). */
export function indexCards(items: Iterable<KnowledgeItem>, shared: Dictionary): Postings {
    const builder = new SegmentBuilder(FIELDS.length);
    for (const item of items) addCard(builder, item, shared);
    return new Postings(builder.finish(), { boosts: BOOSTS, weights: SEARCH_WEIGHTS });
}

/** A card's terms as one value (for live edits, where the card's old terms must be taken out again). */
export function documentTerms(item: KnowledgeItem, shared: Dictionary): DocumentTerms {
    const texts = fieldTexts(item);
    const own = namesOf(item).own;
    return FIELDS.map((field) => {
        const map = new Map<string, number>();
        scanTerms(texts[field], shared, (term) => map.set(term, (map.get(term) ?? 0) + 1), own);
        return map;
    });
}

const BOOSTS = FIELDS.map((f) => FIELD_BOOSTS[f]);

function* buildSteps(snapshot: KnowledgeSnapshot, options: IndexOptions): Generator<void, KnowledgeIndex | undefined> {
    const synonymGroups = [...snapshot.synonyms, ...(options.synonyms ?? [])];
    const phraseCounts = countPhrases(snapshot.items.values(), synonymGroups);
    const shared = createDictionary(phraseCounts.keys());
    const builder = new SegmentBuilder(FIELDS.length);
    const entries = new Map<string, Entry>();
    let n = 0;
    for (const item of snapshot.items.values()) {
        addCard(builder, item, shared);
        entries.set(item.id, { item });
        if (++n % CARDS_PER_STEP === 0) yield;
    }
    const segment = builder.finish();
    yield;
    const postings = new Postings(segment, { boosts: BOOSTS, weights: SEARCH_WEIGHTS });
    yield;
    const dictionary = new DictionaryBuilder();
    for (const p of phraseCounts.keys()) dictionary.add(p);
    const names = new NameTable(new Set(dictionaryTermsOf(profileWords(synonymGroups))), synonymGroups);
    n = 0;
    for (const item of snapshot.items.values()) {
        dictionary.addParsed(namesOf(item).parsed);
        names.add(item);
        if (++n % (CARDS_PER_STEP * 8) === 0) yield;
    }
    return makeIndex({ snapshot, synonymGroups, phraseCounts, shared, dictionary, names, postings, entries }, options);
}

interface State {
    snapshot: KnowledgeSnapshot;
    readonly synonymGroups: readonly (readonly string[])[];
    readonly phraseCounts: Map<string, number>;
    /** What cards are tokenized with: fixed for the life of the index (a change of it is a full build). */
    readonly shared: Dictionary;
    /** What questions are read with: the shared phrases and every card's names, kept up to date by `update`. */
    readonly dictionary: DictionaryBuilder;
    readonly names: NameTable;
    readonly postings: Postings;
    readonly entries: Map<string, Entry>;
}

function makeIndex(state: State, options: IndexOptions): KnowledgeIndex {
    const { shared, dictionary, names, postings, entries } = state;
    // Aspect words are the same for the life of the index: a change of them is a full build.
    // A typo of an English aspect word is read as the word only when no card holds the typed word (see aspects.ts).
    const aspectReader = createAspectReader(state.snapshot.aspects ?? {}, (word) => postings.df(stem(word)) > 0);
    const context: AnalyzeContext = {
        dictionary,
        synonyms: createSynonymTable(state.synonymGroups),
        segment: segmentWithOffsets,
        isRare: (term) => postings.df(term) <= Math.max(1, postings.documentCount * RARE_SHARE),
        isKnown: (term) => postings.df(term) > 0,
    };
    const df = (term: string) => postings.df(term);
    /** How rare a term is among the cards, 0–1; a term no card holds is as rare as can be. */
    const rarity = (term: string) => {
        const n = postings.df(term);
        const all = postings.documentCount;
        return n === 0 ? 1 : Math.log(1 + all / n) / Math.log(1 + all);
    };
    // An answer reads a question and searches it (and its asking clauses): the same text is analysed once. The last
    // few analyses are kept; an update of the index forgets them (rarity and the dictionary may have changed).
    const analyses = new Map<string, AnalyzedQuery>();
    // What an answer asks of one question several times (on the eval questions, per answer: 1.2 searches, 1.2
    // readings, 5.5 passage rankings besides the search's own, a second scoring of the cards) is worked out once per
    // analysis: its readings, its card scores and, per reading, each card's ranked passages. An update forgets them
    // all (`generation`): a reading a caller holds across an update is ranked anew.
    let generation = 0;
    const memos = new WeakMap<AnalyzedQuery, AnalysisMemo>();
    const memoOf = (analyzed: AnalyzedQuery): AnalysisMemo => {
        let memo = memos.get(analyzed);
        if (!memo || memo.generation !== generation) memos.set(analyzed, (memo = { generation, readings: new Map(), scores: new Map() }));
        return memo;
    };
    const rankings = new WeakMap<QueryReading, { readonly generation: number; readonly byId: Map<string, readonly RankedPassage[]> }>();
    const analyze = (text: string): AnalyzedQuery => {
        let analyzed = analyses.get(text);
        if (!analyzed) {
            analyzed = analyzeQuery(text, context);
            if (analyses.size >= RECENT_ANALYSES) analyses.delete(analyses.keys().next().value!);
            analyses.set(text, analyzed);
        }
        return analyzed;
    };
    // The words of each alternate question a card lists, as a question's are read (see `saysAlternate`).
    const alternateTerms = new WeakMap<KnowledgeItem, readonly ReadonlySet<string>[]>();
    /**
     * The question says one of the card's alternate questions, which staff wrote to say the card answers it: half of its
     * own words or more are in one of them. It then names the card as well as a name would (`MIN_PASSAGE_COVERAGE`).
     */
    const saysAlternate = (item: KnowledgeItem, analyzed: AnalyzedQuery): boolean => {
        if (item.alternate_questions.length === 0) return false;
        let alternates = alternateTerms.get(item);
        if (!alternates) alternateTerms.set(item, (alternates = item.alternate_questions.map((q) => new Set(analyzeQuery(q, context).terms.keys()))));
        const own = [...analyzed.terms].filter(([term, weight]) => weight >= 1 && !FUNCTION_CHARS.has(term)).map(([term]) => term);
        return own.length > 0 && alternates.some((terms) => own.filter((t) => terms.has(t)).length * 2 >= own.length);
    };
    const settings = {
        minCoverage: options.minCoverage ?? DEFAULT_MIN_COVERAGE,
        maxQueryLength: options.maxQueryLength ?? MAX_QUERY_LENGTH,
    };
    return {
        get version() {
            return state.snapshot.version;
        },
        get drift() {
            return postings.overlaySize + postings.removedSize;
        },
        update: (next) => update(next),
        explain: (query, searchOptions = {}) => explain(query, searchOptions),
        read: (query, readOptions) => {
            const text = boundQuery(query, settings.maxQueryLength).text;
            return read(text, analyze(text), readOptions?.hearAll ? 'all' : true);
        },
        passages: (id, reading) => {
            const entry = entries.get(id);
            return entry ? rankPassages(entry, reading) : [];
        },
        covering: (reading, limit) => covering(reading, limit),
        telling: (reading, tellingOptions) => telling(reading, tellingOptions?.ofFocus === true),
        rank: (query, rankOptions = {}) => {
            try {
                return score(boundQuery(query, settings.maxQueryLength).text, rankOptions).top.map((r) => ({ id: r.id, score: r.score }));
            } catch {
                return [];
            }
        },
        search: (query, searchOptions = {}) => {
            try {
                return runSearch(query, searchOptions).response;
            } catch {
                // A bug in analysis must not take a front down: answer "nothing found".
                return {
                    query: typeof query === 'string' ? query.slice(0, settings.maxQueryLength) : '',
                    lang: searchOptions.lang ?? 'zh',
                    results: [],
                    confident: false,
                };
            }
        },
    };

    function update(next: KnowledgeSnapshot): boolean {
        const prev = state.snapshot;
        if (next === prev) return true;
        analyses.clear();
        generation++;
        const synonymGroups = [...next.synonyms, ...(options.synonyms ?? [])];
        if (JSON.stringify(synonymGroups) !== JSON.stringify(state.synonymGroups)) return false;
        if (JSON.stringify(next.aspects ?? {}) !== JSON.stringify(prev.aspects ?? {})) return false;
        const gone: KnowledgeItem[] = [];
        const come: KnowledgeItem[] = [];
        for (const [id, item] of prev.items) if (next.items.get(id) !== item) gone.push(item);
        for (const [id, item] of next.items) if (prev.items.get(id) !== item) come.push(item);
        // A shared phrase that appears or disappears changes how every card holding its words is tokenized.
        const delta = new Map<string, number>();
        for (const item of gone) for (const p of new Set(itemSharedPhrases(item))) delta.set(p, (delta.get(p) ?? 0) - 1);
        for (const item of come) for (const p of new Set(itemSharedPhrases(item))) delta.set(p, (delta.get(p) ?? 0) + 1);
        for (const [p, d] of delta) {
            const before = state.phraseCounts.get(p) ?? 0;
            if ((before === 0) !== (before + d === 0)) return false;
        }
        for (const [p, d] of delta) {
            const after = (state.phraseCounts.get(p) ?? 0) + d;
            if (after === 0) state.phraseCounts.delete(p);
            else state.phraseCounts.set(p, after);
        }
        for (const item of gone) {
            postings.remove(item.id, documentTerms(item, shared));
            entries.delete(item.id);
            names.remove(item);
            dictionary.removeParsed(namesOf(item).parsed);
        }
        for (const item of come) {
            postings.set(item.id, documentTerms(item, shared));
            entries.set(item.id, { item });
            names.add(item);
            dictionary.addParsed(namesOf(item).parsed);
        }
        state.snapshot = next;
        return true;
    }

    /** `bySound`: also read names said by sound; a search only ranks a hit's passages with the reading, and needs no names. */
    function read(text: string, analyzed: AnalyzedQuery = analyze(text), bySound: boolean | 'all' = true): QueryReading {
        // `analyzed` is the analysis of `text` (analyze keeps one per text): the reading is the analysis's too.
        const { readings } = memoOf(analyzed);
        const plain = readings.get('plain') ?? readPlain(text, analyzed);
        readings.set('plain', plain);
        // Names said by sound (旅约贷, Hu Ke Zhuan Dai), when none is written, or when a second may be, to compare. A name
        // spelt in pinyin is written, not misheard: it counts beside the names written in characters ("lvyuedai /
        // zhulidai" names two cards), where a Han character of the same sound is read only when nothing else names one.
        const mode =
            bySound === 'all' ? 'all' : bySound && (plain.named.length === 0 || plain.aspects.comparison) ? 'sound' : bySound ? 'latin' : 'plain';
        if (mode === 'plain' || (mode === 'latin' && !/[a-z]{5}/i.test(text))) return plain;
        let heard = readings.get(mode);
        if (!heard) readings.set(mode, (heard = withSound(text, plain, mode !== 'latin')));
        return heard;
    }

    /** A reading with the names said by sound added (`han`: also by characters of the same sound); the same reading when none is heard that is not written. */
    function withSound(text: string, plain: QueryReading, han: boolean): QueryReading {
        const named = new Map(plain.named.map((n) => [n.id, n]));
        const table = soundTable(state.snapshot);
        const said = normalize(text);
        for (const heard of table.find(said, han)) {
            if (!named.has(heard.id)) named.set(heard.id, { id: heard.id, term: heard.heard.replace(/ /g, '_'), typo: true });
        }
        // A piece of a few items' names ("kechuang": 科创助力贷 or 科创金融联盟), with no name read otherwise, names the one
        // of them whose own names hold a word written right beside it, as a name half in pinyin, half in English is
        // written ("kechuang finance alliance"). A piece beside no word of theirs names none: 人民 of 人民银行 is also
        // any "renmin" of a street or a university.
        if (named.size === 0)
            for (const piece of table.sharedPieces(said)) {
                const ids = piece.ids.filter((id) => {
                    const item = state.snapshot.items.get(id);
                    const own = item && ownTerms(item);
                    return own !== undefined && piece.beside.some((w) => own.has(stem(w)));
                });
                if (ids.length === 1) named.set(ids[0]!, { id: ids[0]!, term: piece.heard, typo: true });
            }
        if (named.size === plain.named.length) return plain;
        const sorted = [...named.values()].sort((a, b) => b.term.length - a.term.length);
        // A name heard is a typo reading: where it stands in the question is not known, and `free` stays as it was.
        return { ...plain, named: sorted };
    }

    /** The reading without names said by sound. */
    function readPlain(text: string, analyzed: AnalyzedQuery): QueryReading {
        const named = new Map<string, NamedItem>();
        for (const [term, weight] of analyzed.terms) {
            if (weight < QUERY_WEIGHTS.typo) continue;
            for (const id of names.get(term) ?? []) {
                const prior = named.get(id);
                if (!prior || prior.term.length < term.length) named.set(id, { id, term, typo: weight < QUERY_WEIGHTS.direct });
            }
        }
        // An English name said by most of its words ("the performance bond loan"; see loose-names.ts), when no name of
        // the item is written whole.
        if (/[a-z]{3}/i.test(text)) {
            const loose = looseNameTable(state.snapshot).find(
                text,
                (w) => postings.df(w) <= postings.documentCount * TELLING_SHARE,
                new Set(named.keys()),
            );
            if (loose) named.set(loose.id, { id: loose.id, term: loose.heard, typo: true });
            // A name with its last word cut short ("risk comp"), when nothing else names one.
            const cut = named.size === 0 ? cutNameTable(state.snapshot).find(text, (w) => postings.df(w) > 0) : undefined;
            if (cut) named.set(cut.id, { id: cut.id, term: cut.heard, typo: true });
        }
        // A Chinese name with characters left out ("沪专贷", "科技信贷补贴那个"; see loose-names.ts), of an item not named.
        if (/\p{Script=Han}{3}/u.test(text)) {
            const abridged = abridgedNameTable(state.snapshot).find(
                normalize(text),
                (run) => writtenInCards(state.snapshot, run),
                new Set(named.keys()),
            );
            if (abridged) named.set(abridged.id, { id: abridged.id, term: abridged.heard, typo: true });
        }
        // An item's own name is not an aspect asked: 保费补贴 in 科技信贷保费补贴, 风险补偿 in 信贷风险补偿.
        // With two items named, one name may be what is asked of the other (履约贷的保费补贴是多少): all words stay.
        let rest = normalize(text);
        const [only, ...more] = named.values();
        if (only && more.length === 0 && !only.typo) rest = rest.replace(termPattern(only.term), ' ');
        const aspects = aspectReader.read(rest);
        const sorted = [...named.values()].sort((a, b) => b.term.length - a.term.length);
        const aspectTerms = new Set<string>();
        for (const word of aspects.words) scanTerms(word, shared, (t) => aspectTerms.add(t));
        return {
            terms: analyzed.terms,
            named: sorted,
            aspects,
            aspectTerms,
            free: outsideNames(text, sorted),
            synonymOf: analyzed.synonymOf,
            spanning: analyzed.spanning,
        };
    }

    /**
     * The terms of the question outside the names of the items it names (see `QueryReading.free`): each name as
     * found, and every form of those items' names written in it, whole or by its Han runs (沪科提复 of "沪科提复2024
     * 85号", named by 2024_85). An item named by a word not written (a typo, a near reading: 小巨人贷 of "科技小巨人
     * 培育企业") is not among them: where its name stands in the question is not known.
     */
    function outsideNames(text: string, named: readonly NamedItem[]): NonNullable<QueryReading['free']> {
        let outside = normalize(text);
        const items: string[] = [];
        for (const n of named) {
            const item = state.snapshot.items.get(n.id);
            const pattern = termPattern(n.term);
            if (!item || n.typo || !pattern.test(outside)) continue;
            items.push(n.id);
            outside = outside.replace(pattern, ' ');
            const forms = ownPhrases(item).map((f) => normalize(f));
            const pieces = [...forms, ...forms.flatMap((f) => f.match(HAN_RUNS) ?? [])].filter((f) => f.trim().length >= 2);
            for (const piece of pieces.sort((a, b) => b.length - a.length)) if (outside.includes(piece)) outside = outside.split(piece).join(' ');
        }
        const terms = new Set<string>();
        scanTerms(outside, shared, (t) => terms.add(t));
        return { terms, items };
    }

    function indexedPassages(entry: Entry): readonly IndexedPassage[] {
        if (entry.passages) return entry.passages;
        const own = namesOf(entry.item).own;
        const holders = new Map<string, number>();
        entry.passages = passagesOf(entry.item, aspectReader.classify).map((passage) => {
            const terms = new Set<string>();
            scanTerms(`${passage.text.zh ?? ''}\n${passage.text.en ?? ''}`, shared, (t) => terms.add(t), own);
            for (const t of terms) holders.set(t, (holders.get(t) ?? 0) + 1);
            return { passage, terms };
        });
        entry.holders = holders;
        return entry.passages;
    }

    function covering(reading: QueryReading, limit: number): { id: string; coverage: number }[] {
        const weighed = [...reading.terms].filter(([term]) => !FUNCTION_CHARS.has(term) && !artefact(reading, term));
        const share = new Map(weighed.map(([term, weight]) => [term, weight * rarity(term)]));
        // A synonym stands in for the question's word it was added for, up to that word's share (as in passage-rank.ts).
        const standsFor = standingFor(reading, (term) => share.get(term));
        const words = weighed.filter(([term]) => !standsFor.has(term)).map(([term]) => ({ term, w: share.get(term)!, han: hasHan(term) }));
        const synonyms = [...standsFor].map(([term, from]) => ({ term, from, han: hasHan(term) }));
        let whole = 0;
        for (const { w } of words) whole += w;
        if (whole === 0) return [];
        const out: { id: string; coverage: number }[] = [];
        // Every card against every word: `ownTermTest` spelled out, with what depends on the word alone worked out once.
        for (const [id, entry] of entries) {
            indexedPassages(entry);
            const own = ownTerms(entry.item);
            const names = hanNames(entry.item);
            const heard = heardName(reading, id);
            const ownName = (term: string, han: boolean) => own.has(term) || (han && names.includes(term)) || heard?.(term) === true;
            let held = 0;
            let extra = 0;
            // A synonym that is the card's own name is the card named otherwise: a word of the question, held in full.
            for (const { term, han } of synonyms) if (ownName(term, han)) extra += share.get(term)!;
            const missing = new Set<string>();
            for (const { term, w, han } of words)
                if (entry.holders!.has(term) || ownName(term, han)) held += w;
                else missing.add(term);
            if (synonyms.length > 0 && missing.size > 0) {
                const best = new Map<string, number>();
                for (const { term, from, han } of synonyms)
                    if (entry.holders!.has(term) && !ownName(term, han))
                        for (const w of from) if (missing.has(w)) best.set(w, Math.max(best.get(w) ?? 0, Math.min(share.get(term)!, share.get(w)!)));
                for (const credit of best.values()) held += credit;
            }
            out.push({ id, coverage: evenShare((held + extra) / (whole + extra)) });
        }
        return out.sort((a, b) => b.coverage - a.coverage).slice(0, limit);
    }

    function telling(reading: QueryReading, ofFocus = false): string[] {
        const commonAbove = postings.documentCount * COMMON_SHARE;
        const alone = (term: string) => !FUNCTION_CHARS.has(term) && !reading.aspectTerms.has(term) && df(term) <= commonAbove;
        // A synonym tells as much as the words it was added for (利率 of rate, an aspect word; 借款 of loan, a common one);
        // a word written tells nothing when a common word stands in for it (borrow: 贷款), as in `scoreAnalysis`.
        const commonFor = commonlySaid(reading.synonymOf, (t) => df(t) > commonAbove);
        // After an answer about an item, an English compound the question writes word by word, of the aspect's words and
        // words most cards hold, asks that item's: "loan term" after 履约贷 asks its term, whichever card happens to write
        // the two together. (Asked alone, the card that writes them is the best guess: "financing costs" of the relief
        // loans.) A compound of other words means more than its words ("credit loan"), and so does one of aspect words
        // only ("guarantee fee subsidy"); one added as a synonym of another word (sci_tech_micro_loan of 微贷通) tells as
        // that word does, below.
        const wordsTell = (term: string) => {
            const words = term.split('_');
            if (!ofFocus || words.length < 2 || !words.every((w) => reading.terms.has(w))) return true;
            const aspectWord = (w: string) => reading.aspectTerms.has(w);
            return !words.some(aspectWord) || !words.every((w) => aspectWord(w) || df(w) > commonAbove) || words.every(aspectWord);
        };
        return [...reading.terms]
            .filter(([term, weight]) => {
                if (weight <= QUERY_WEIGHTS.generic || df(term) === 0 || artefact(reading, term) || !alone(term) || commonFor.has(term)) return false;
                if (!wordsTell(term)) return false;
                const from = reading.synonymOf?.get(term);
                return !from || [...from].some((f) => !commonFor.has(f) && (df(f) === 0 || alone(f)));
            })
            .map(([term]) => term);
    }

    /**
     * A pair of characters read across two words that no card writes (额一 of 余额一共): no word of the question. The
     * analysis already asked the postings that no card writes it (`isKnown`), and is forgotten when they change.
     */
    function artefact(reading: QueryReading, term: string): boolean {
        return reading.spanning?.has(term) === true;
    }

    /** A card's passages ranked for a question (see passage-rank.ts); the card's own names are not the question's words. */
    function rankPassages(entry: Entry, reading: QueryReading | undefined): readonly RankedPassage[] {
        if (!reading) return (entry.unranked ??= rankEntry(entry, undefined));
        let memo = rankings.get(reading);
        if (!memo || memo.generation !== generation) rankings.set(reading, (memo = { generation, byId: new Map() }));
        let ranked = memo.byId.get(entry.item.id);
        if (!ranked) memo.byId.set(entry.item.id, (ranked = rankEntry(entry, reading)));
        return ranked;
    }

    /** For `entry`, whether a term of the question is a word the card writes only in compounds the question does not say. */
    function compoundSaidApart(entry: Entry, question: string): (term: string) => boolean {
        const compounds = (entry.compounds ??= compoundOnly(indexedPassages(entry).flatMap((p) => Object.values(p.passage.text))));
        if (compounds.size === 0) return () => false;
        const said = normalize(question).toLowerCase();
        return (term) => {
            const holders = compounds.get(term);
            return holders !== undefined && !holders.some((compound) => compound.test(said));
        };
    }

    function rankEntry(entry: Entry, reading: QueryReading | undefined): RankedPassage[] {
        const passages = indexedPassages(entry);
        // A piece of the card's name the question says apart from the name it names the card by is asked (保险 of
        // "履约贷的保险公司"). A card the question neither names nor points back at keeps every piece of its names.
        const free = reading?.free?.items.includes(entry.item.id) ? reading.free.terms : undefined;
        // A pair read across two words that no card writes measures no card's coverage (see `artefact`).
        const weigh = reading?.spanning?.size ? (t: string) => (artefact(reading, t) ? 0 : rarity(t)) : rarity;
        const own = ownTermTest(entry.item);
        const heard = reading && heardName(reading, entry.item.id);
        return rankCardPassages(passages, entry.holders!, heard ? (t) => own(t) || heard(t) : own, reading, weigh, free);
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

    /** The question's top documents by the postings (see `runSearch`), with the very common terms left out. */
    function score(text: string, scoreOptions: Pick<SearchOptions, 'limit' | 'kind'>, analyzed: AnalyzedQuery = analyze(text)): Scored {
        const kinds = kindSet(scoreOptions.kind);
        const { scores } = memoOf(analyzed);
        const key = `${clampLimit(scoreOptions.limit)}|${kinds ? [...kinds].sort().join(',') : ''}`;
        let scored = scores.get(key);
        if (!scored) scores.set(key, (scored = scoreAnalysis(analyzed, scoreOptions.limit, kinds)));
        return scored;
    }

    function scoreAnalysis(analyzed: AnalyzedQuery, limit: number | undefined, kinds: ReadonlySet<Kind> | undefined): Scored {
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
        const commonAbove = postings.documentCount * COMMON_SHARE;
        for (const [term, weight] of analyzed.terms) {
            const frequency = df(term);
            const isLoose = analyzed.loose.has(term);
            if (frequency === 0 && !isLoose) continue;
            if (frequency > commonAbove) common.add(term);
            weights.set(term, weight);
            if (isLoose) loose.add(term);
            if (isLoose && frequency === 0) typo.add(term);
        }
        if (common.size < weights.size) for (const term of common) weights.delete(term);
        // What makes a question about one card: a word most cards do not hold, other than the generic words (上海, 公司,
        // apply) and the synonyms of common ones (借款, borrow of 贷款: rarer in the cards, they rank them, but "我们公司
        // 想贷款" asks about no card in particular).
        // The same holds the other way: a word the question writes that a common word stands in for ("how much can I
        // borrow": 贷款 and loan are its synonyms) says what kind of help is wanted, whatever card writes it.
        const saidCommonly = commonlySaid(analyzed.synonymOf, (t) => common.has(t));
        const plainSynonym = (term: string) =>
            saidCommonly.has(term) || [...(analyzed.synonymOf.get(term) ?? [])].some((f) => common.has(f) || saidCommonly.has(f));
        // Nor is a pair read across a function character and a common word (能贷 of 能贷款吗).
        const besideCommon = (term: string) =>
            term.length === 2 &&
            [...common].some(
                (c) => (FUNCTION_CHARS.has(term[0]!) && c.startsWith(term[1]!)) || (FUNCTION_CHARS.has(term[1]!) && c.endsWith(term[0]!)),
            );
        const specific = [...weights].some(
            ([term, weight]) => weight > QUERY_WEIGHTS.generic && !common.has(term) && !plainSynonym(term) && !besideCommon(term),
        );
        const query: QueryTerm[] = [...weights].map(([term, boost]) => ({
            term,
            boost,
            prefix: loose.has(term) && usePrefix(term),
            fuzzy: typo.has(term) && useFuzzy(term),
        }));
        const top =
            query.length === 0 ? [] : postings.search(query, clampLimit(limit), kinds ? (id) => kinds.has(entries.get(id)!.item.kind) : undefined);

        return { top, common, specific };
    }

    function runSearch(raw: string, searchOptions: SearchOptions): Run {
        const bounded = boundQuery(raw, settings.maxQueryLength);
        const lang: Lang = searchOptions.lang ?? (hasHan(bounded.text) ? 'zh' : 'en');
        const base = { query: bounded.text, lang };
        const none = { conceptWeights: [], matched: new Set<string>() };
        if (bounded.text.length === 0)
            return { ...none, response: { ...base, results: [], confident: false, notice: bounded.notice ?? NOTICES.empty } };

        const analyzed = analyze(bounded.text);
        if (analyzed.terms.size === 0) return { ...none, analyzed, response: { ...base, results: [], confident: false, notice: NOTICES.noWords } };

        const { top, common, specific } = score(bounded.text, searchOptions, analyzed);

        const conceptWeights = analyzed.concepts.map((c) => idf(conceptFrequency(c, df), postings.documentCount));
        // A word the first card writes only inside a compound is not held when the question says it alone: "too high"
        // is no word of a card that writes "high-tech", "a good time" none of one that writes "first-time".
        const first = top[0] ? entries.get(top[0].id) : undefined;
        const saidAsPart = first ? compoundSaidApart(first, bounded.text) : () => false;
        // Nor is a word held that the card writes only as the start of another word (the STAR board, start-ups).
        // (A word matched by a typo allowed, not by a prefix, is held as before.)
        const found = top[0]?.terms ?? [];
        const saidAsForm = (t: string) =>
            !analyzed.loose.has(t) || found.includes(t) || !found.some((f) => f !== t && f.startsWith(t)) || found.some((f) => prefixForm(t, f));
        const matched = new Set([...(top[0]?.queryTerms ?? []).filter((t) => !saidAsPart(t) && saidAsForm(t)), ...common]);
        // The user's own words (weight 1) say best why a card came up; synonym expansions only if none is found.
        const typed = (terms: string[]) => [terms.filter((t) => (analyzed.terms.get(t) ?? 0) >= 1), terms];
        const reading = read(bounded.text, analyzed, false);
        // Only the first card's passages decide the confidence; the others' are ranked when a front reads them (an
        // answer about one card reads none: see `toHit`).
        const ranked = top[0] ? [rankPassages(entries.get(top[0].id)!, reading)] : [];
        // The first card must cover the question's concepts, and hold a part of it in one place: "a lower rate on my
        // personal mortgage" finds 高企贷 by "personal" in its negative list, "rate" in its pricing and "mortgage" as
        // collateral, three passages that each hold little of the question.
        // With no name of the card said, its list of partner banks holds a question only when banks are asked (`holdsUnnamed`).
        const named = first !== undefined && (namedIn(first.item, matched) || saysAlternate(first.item, analyzed));
        const holds = (p: RankedPassage) => p.passage.structured && (named || holdsUnnamed(p.passage, reading.aspects.aspects));
        const held = ranked[0]?.reduce((b, p) => (holds(p) && p.wordCoverage > b ? p.wordCoverage : b), 0) ?? 0;
        // Words most cards hold ("我们公司想贷款", "what loans are there") say what kind of help is wanted, not which card.
        const confident =
            specific &&
            top.length > 0 &&
            analyzed.concepts.length > 0 &&
            coverage(analyzed.concepts, conceptWeights, matched) > settings.minCoverage &&
            held >= (named ? MIN_PASSAGE_COVERAGE : MIN_PASSAGE_COVERAGE_UNNAMED);
        const results = top.map((r, i): SearchHit => {
            const entry = entries.get(r.id)!;
            const passages = () =>
                (ranked[i] ?? rankPassages(entry, reading))
                    .filter((p) => p.score > 0 && p.passage.text[lang] !== undefined)
                    .slice(0, HIT_PASSAGES)
                    .map((p) => hitPassage(p, lang));
            return toHit(entry, r.score, typed([...r.terms]), lang, passages);
        });
        const response = bounded.notice ? { ...base, results, confident, notice: bounded.notice } : { ...base, results, confident };
        return { analyzed, conceptWeights, matched, response };
    }
}

/** The question's words that a common word stands in for (borrow, when 贷款 and loan are its synonyms). */
function commonlySaid(synonymOf: ReadonlyMap<string, ReadonlySet<string>> | undefined, isCommon: (term: string) => boolean): Set<string> {
    const out = new Set<string>();
    for (const [synonym, from] of synonymOf ?? []) if (isCommon(synonym)) for (const f of from) out.add(f);
    return out;
}

interface Scored {
    readonly top: readonly ScoredDocument[];
    readonly common: ReadonlySet<string>;
    /** The question holds a word that is not in most cards (nor a synonym of such words only): it can be about one card. */
    readonly specific: boolean;
}

/** What is worked out once per analysis of a question (see `memoOf`). */
interface AnalysisMemo {
    readonly generation: number;
    /** The reading without names by sound, with names spelt in pinyin ('latin'), with those said by sound when none is written ('sound'), with all ('all'). */
    readonly readings: Map<'plain' | 'latin' | 'sound' | 'all', QueryReading>;
    /** The card scores per limit and kinds. */
    readonly scores: Map<string, Scored>;
}

interface Run {
    readonly analyzed?: AnalyzedQuery;
    readonly conceptWeights: readonly number[];
    readonly matched: ReadonlySet<string>;
    readonly response: SearchResponse;
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

/**
 * Name term → ids of the items it names (see `MIN_HAN_NAME`), ids in
 * order, kept up to date card by card.
 */
class NameTable {
    private readonly table = new Map<string, Set<string>>();
    private readonly sorted = new Map<string, readonly string[]>();

    /**
     * `shared`: the terms of the words a firm describes itself with (`profileWords`). Fixed for the life of the
     * index: a change of the synonyms is a full build.
     */
    /** Each synonym group as the dictionary holds its phrases. */
    private readonly groups: readonly ReadonlySet<string>[];

    constructor(
        private readonly shared: ReadonlySet<string>,
        synonymGroups: readonly (readonly string[])[] = [],
    ) {
        this.groups = synonymGroups.map((g) => new Set(dictionaryTermsOf(g)));
    }

    get(term: string): readonly string[] | undefined {
        const ids = this.table.get(term);
        if (!ids) return undefined;
        let list = this.sorted.get(term);
        if (!list) this.sorted.set(term, (list = [...ids].sort()));
        return list;
    }

    add(item: KnowledgeItem): void {
        for (const term of this.nameTerms(item)) {
            const ids = this.table.get(term);
            if (!ids) this.table.set(term, new Set([item.id]));
            else ids.add(item.id);
            this.sorted.delete(term);
        }
    }

    remove(item: KnowledgeItem): void {
        for (const term of this.nameTerms(item)) {
            const ids = this.table.get(term);
            if (!ids?.delete(item.id)) continue;
            if (ids.size === 0) this.table.delete(term);
            this.sorted.delete(term);
        }
    }

    /**
     * A piece of a name cut at a number or a Latin word (专精特新 of 专精特新20条) that is also a word a firm
     * describes itself with (a qualification, a need, or a synonym of one) does not name the card: "专精特新企业贷款
     * 余额" asks about the firms, not about the 2025 measures. The whole of a name or alias always names it.
     */
    private nameTerms(item: KnowledgeItem): readonly string[] {
        const { naming, whole } = namesOf(item);
        return [...naming.filter((term) => whole.has(term) || !hasHan(term) || !this.shared.has(term)), ...this.cutSynonyms(item)];
    }

    /**
     * An English name said without its last word of kind ("IP pledge" of "IP pledge loan") names the card when the
     * synonyms make it one with a whole name of the same card (IP pledge = 知识产权质押, an alias): as the Chinese name
     * does. Not a cut the synonyms tie to no name of the card ("little giant", "high-tech enterprise": the firm's titles).
     */
    private cutSynonyms(item: KnowledgeItem): string[] {
        const names = wholeNames(item);
        return dictionaryTermsOf(namesWithoutKind(item)).filter(
            (term) => !names.has(term) && this.groups.some((g) => g.has(term) && [...g].some((t) => t !== term && names.has(t))),
        );
    }
}

/** The last word of an English name that says its kind: loan, financing. */
const KIND_WORD = /\s+(?:loans?|financing|finance)$/i;

/** A card's English names without their last word of kind, two words or more left ("IP pledge" of "IP pledge loan"). */
function namesWithoutKind(item: KnowledgeItem): string[] {
    return [item.name_en, ...item.aliases.en]
        .filter((name) => KIND_WORD.test(name))
        .map((name) => name.replace(KIND_WORD, '').trim())
        .filter((cut) => cut.split(/[\s-]+/).length >= 2);
}

/** A card's names read once: the index tokenizes with them, questions are read with them, and they name the card. */
interface CardNames {
    /** Each of `ownPhrases(item)`, parsed: name, English name, the aliases, then the shorter English names. */
    readonly parsed: readonly PhraseTerms[];
    readonly own: OwnTerms;
    /** The name terms a question may name the card by (see `MIN_HAN_NAME`). */
    readonly naming: readonly string[];
    /** The names and aliases that are a single term whole. */
    readonly whole: ReadonlySet<string>;
}

const namesCache = new WeakMap<KnowledgeItem, CardNames>();

function namesOf(item: KnowledgeItem): CardNames {
    let names = namesCache.get(item);
    if (!names) {
        const parsed = parsePhrases(ownPhrases(item));
        // A short name names its item when it is the whole name, not a piece of one cut at its punctuation (上海 and 平台 of 上海“信易贷”平台).
        const whole = new Set(dictionaryTermsFrom(parsed.slice(0, 2).map((p) => (p.han.length === 1 ? p : { ...p, han: [] }))));
        const naming = dictionaryTermsFrom(parsed).filter((term) => {
            const long = /[a-z0-9]/.test(term) ? term.length >= MIN_LATIN_NAME : term.length >= MIN_HAN_NAME;
            return long || whole.has(term);
        });
        // The names and aliases that are one term whole (专精特新贷), as against pieces of longer ones (专精特新 of 专精特新20条).
        const wholeNames = new Set(
            parsed.flatMap((p) => (p.han.length === 1 && !p.latin ? p.han : p.han.length === 0 && p.latin ? [p.latin.join('_')] : [])),
        );
        names = { parsed, own: ownTermsFrom(parsed), naming, whole: wholeNames };
        namesCache.set(item, names);
    }
    return names;
}

/** Whether a term is the card speaking of itself: one of its names' terms, or a Han term inside one of its names (信用贷 in 小巨人信用贷). */
function ownTermTest(item: KnowledgeItem): (term: string) => boolean {
    const own = ownTerms(item);
    const names = hanNames(item);
    return (term) => own.has(term) || (hasHan(term) && names.includes(term));
}

const ownTermCache = new WeakMap<KnowledgeItem, ReadonlySet<string>>();

/** The terms of a card's own names, as the dictionary holds them, with their bigrams. */
function ownTerms(item: KnowledgeItem): ReadonlySet<string> {
    let terms = ownTermCache.get(item);
    if (!terms) {
        // With the parts of each name: its bigrams, or its words and pairs of words (fund, financing…; micro_loan of
        // sci_tech_micro_loan_link, as a question's two English words are read).
        const whole = wholeNames(item);
        terms = new Set([...whole, ...[...whole].flatMap((t) => (hasHan(t) ? bigrams(t) : wordsAndPairs(t)))]);
        ownTermCache.set(item, terms);
    }
    return terms;
}

const wholeNameCache = new WeakMap<KnowledgeItem, ReadonlySet<string>>();

/** The question's words matched hold one of the card's whole names. */
function namedIn(item: KnowledgeItem, matched: ReadonlySet<string>): boolean {
    for (const name of wholeNames(item)) if (matched.has(name)) return true;
    return false;
}

/** A card's names, each as one dictionary term (高企贷, gaoqidai, high_tech_enterpris_loan), none of their parts. */
function wholeNames(item: KnowledgeItem): ReadonlySet<string> {
    let names = wholeNameCache.get(item);
    if (!names) wholeNameCache.set(item, (names = new Set(dictionaryTermsFrom(namesOf(item).parsed))));
    return names;
}

/**
 * The question's terms that say a card's name by sound (gaoqi, hu ke zhuan dai, 旅约贷: see homophones.ts), or undefined
 * when the reading hears none of its names: the card speaking of itself, as its written names are. No card writes
 * "gaoqi", so without this every passage of 高企贷 would miss the rarest word of "gaoqi loan interest rate", and a card
 * that writes "loan interest rate" would hold more of the question than the card it names.
 */
function heardName(reading: QueryReading, id: string): ((term: string) => boolean) | undefined {
    const heard = reading.named.filter((n) => n.id === id && n.typo).map((n) => n.term);
    if (heard.length === 0) return undefined;
    const words = new Set(heard.flatMap((h) => (hasHan(h) ? [] : [h, ...h.split('_')])));
    return (term) => words.has(term) || (hasHan(term) && heard.some((h) => hasHan(h) && h.includes(term)));
}

/** The words of an English term (joined by _) and each two of them side by side. */
function wordsAndPairs(term: string): string[] {
    const words = term.split('_');
    return [...words, ...words.slice(1).map((w, i) => `${words[i]}_${w}`)];
}

function hitPassage(r: RankedPassage, lang: Lang): HitPassage {
    const p = r.passage;
    const text = textIn(p.text, lang);
    return { field: p.field, aspects: p.aspects, text, sources: p.sources, status: p.status };
}

/**
 * A hit whose snippet and passages are worked out when first read, then kept: they are half of a search's time, and
 * an answer about one card reads neither for the other cards (a list of hits, MCP's search, reads them all). Read after
 * a new version of the knowledge went live, they are ranked from the card as it was searched, against the statistics
 * of the new version: the fronts read them in the turn of the search.
 */
function toHit(entry: Entry, score: number, terms: readonly (readonly string[])[], lang: Lang, passages: () => readonly HitPassage[]): SearchHit {
    const item = entry.item;
    const hit = {
        id: item.id,
        kind: item.kind,
        title: { zh: item.name, en: item.name_en },
        summary: item.summary,
        snippet: '',
        score,
        sources: item.sources,
        contacts: 'contacts' in item ? item.contacts : [],
        related: item.related,
        expired: isExpired(item, new Date()),
        passages: [] as readonly HitPassage[],
    };
    onFirstRead(hit, 'snippet', () => snippetOf(entry, terms, lang));
    onFirstRead(hit, 'passages', passages);
    return hit;
}

/** Makes `key` of `target` a property worked out by `make` when first read, in place: it stays in key order, enumerable. */
function onFirstRead<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
    let value: T[K] | undefined;
    let made = false;
    Object.defineProperty(target, key, {
        enumerable: true,
        configurable: true,
        get: () => {
            if (!made) {
                value = make();
                made = true;
            }
            return value;
        },
    });
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

/**
 * A table of the snapshot's names, made from each card's names (as `namesOf` picks them) on the first question that
 * needs it, and kept with the snapshot: a new snapshot makes a new one.
 */
function perSnapshot<T>(
    make: (names: Iterable<{ readonly id: string; readonly names: readonly string[] }>) => T,
    namesOf: (item: KnowledgeItem) => readonly string[],
): (snapshot: KnowledgeSnapshot) => T {
    const tables = new WeakMap<KnowledgeSnapshot, T>();
    return (snapshot) => {
        let table = tables.get(snapshot);
        if (table === undefined) {
            const items = snapshot.items;
            table = make({
                *[Symbol.iterator]() {
                    for (const item of items.values()) yield { id: item.id, names: namesOf(item) };
                },
            });
            tables.set(snapshot, table);
        }
        return table;
    };
}

/** The snapshot's Chinese names by sound. */
const soundTable = perSnapshot(
    (names) => new SoundTable(names),
    (item) => [item.name, ...item.aliases.zh],
);

/** The snapshot's English names written with their last word cut short. */
const cutNameTable = perSnapshot(
    (names) => new CutNameTable(names),
    (item) => [item.name_en ?? '', ...item.aliases.en],
);

/** The snapshot's Chinese names said with characters left out. */
const abridgedNameTable = perSnapshot(
    (names) => new AbridgedNameTable(names),
    (item) => [item.name, ...item.aliases.zh].map((n) => normalize(n)),
);

const cardTexts = new WeakMap<KnowledgeSnapshot, string>();

/** Whether any card writes `run` (normalized): its fields and body, joined once per snapshot, when first asked. */
function writtenInCards(snapshot: KnowledgeSnapshot, run: string): boolean {
    let all = cardTexts.get(snapshot);
    if (all === undefined) {
        all = [...snapshot.items.values()].map((item) => normalize([...Object.values(fieldTexts(item)), item.body].join('\n'))).join('\n');
        cardTexts.set(snapshot, all);
    }
    return all.includes(run);
}

/** The snapshot's English names read from most of their words. */
const looseNameTable = perSnapshot(
    (names) => new LooseNameTable(names),
    (item) => [item.name_en ?? '', ...item.aliases.en],
);

const hanNamesCache = new WeakMap<KnowledgeItem, string>();

/** The card's Chinese names, normalized and joined by a separator no term holds: one `includes` asks whether a term is part of any. */
function hanNames(item: KnowledgeItem): string {
    let joined = hanNamesCache.get(item);
    if (joined === undefined) {
        joined = [item.name, ...item.aliases.zh].map((n) => normalize(n)).join('\u0000');
        hanNamesCache.set(item, joined);
    }
    return joined;
}

const ownNamesCache = new WeakMap<KnowledgeItem, ReadonlySet<string>>();

/** A card's names as terms; made once per card (a hit's snippet asks for them on every search). */
function ownNames(item: KnowledgeItem): ReadonlySet<string> {
    let names = ownNamesCache.get(item);
    if (!names) {
        names = new Set([item.name, item.name_en, ...item.aliases.zh, ...item.aliases.en].map((n) => n.toLowerCase().replace(/\s+/g, '_')));
        ownNamesCache.set(item, names);
    }
    return names;
}

function snippetTexts(item: KnowledgeItem): Record<Lang, readonly SnippetText[]> {
    const halves = bodyHalves(item.body);
    const of = (lang: Lang) => [halves[lang], item.summary[lang]].filter((t) => t.length > 0).map((text) => ({ text, lower: text.toLowerCase() }));
    return { zh: of('zh'), en: of('en') };
}
