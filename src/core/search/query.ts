/**
 * Query analysis: turns a question into weighted search terms and into the
 * "concepts" that the confidence rule checks (see `confidence.ts`).
 *
 * A concept is one thing the question is about — a known term (科技履约贷,
 * `little_giant`), or a word the segmenter found (天气, 火锅) — with the
 * alternative term lists that count as the document mentioning it (the term
 * itself, all its bigrams, a synonym). Function words and generic words
 * (上海, 企业, apply) make no concept: they are searched at a low weight but
 * are no evidence that the knowledge covers the question.
 */
import { FUNCTION_CHARS, GENERIC_WORDS, GRAMMAR_CHARS, STOP_WORDS } from './stopwords.ts';
import { samePeriod } from './periods.ts';
import { synonymsOf, type SynonymTable } from './synonyms.ts';
import { bigrams, findHanTerms, findLatinTerms, findNearTerms, normalize, splitRun, stem, type Dictionary } from './tokenize.ts';

/** Relative weights of query terms, passed to MiniSearch as `boostTerm`. */
export const QUERY_WEIGHTS = {
    /** Bigrams, dictionary terms and English words of the question itself. */
    direct: 1,
    /** A dictionary term read through one typo (科技微带通 → 科技微贷通). */
    typo: 0.7,
    /** Words of a synonym group the question used another word of. */
    synonym: 0.6,
    /** 上海, 企业, apply…: still searched, so they can break ties. */
    generic: 0.25,
} as const;

export interface Concept {
    /** What the question said, for debugging and tests. */
    readonly text: string;
    /** The document mentions the concept when it matched every term of any one list. */
    readonly alternatives: readonly (readonly string[])[];
    /**
     * A guess (a typo reading): it counts when the document mentions it and is
     * ignored otherwise, so that a wrong guess does not make a question look
     * unanswered.
     */
    readonly optional?: boolean;
}

export interface AnalyzedQuery {
    /** Search terms with their weights. */
    readonly terms: ReadonlyMap<string, number>;
    readonly concepts: readonly Concept[];
    /**
     * The English words the user typed: only these are searched by prefix
     * and with typos allowed, never the synonyms added for them (a fuzzy
     * "financing" would find half the index, at a cost).
     */
    readonly loose: ReadonlySet<string>;
    /**
     * Each term the question holds only as a synonym of its words (返还 for 补贴), with the words it stands for: a
     * synonym of a card's own name is that card's name said otherwise, not a word asked of it (see passage-rank.ts).
     */
    readonly synonymOf: ReadonlyMap<string, ReadonlySet<string>>;
    /**
     * Character pairs the question holds only across two of the segmenter's words, inside no known term, that no card
     * writes, beside a pair a card does write (额一 of "余额一共有多少", beside 余额): searched like every pair, but no
     * word of the question in any card's coverage (see knowledge-index.ts `artefact`).
     */
    readonly spanning: ReadonlySet<string>;
}

export interface AnalyzeContext {
    readonly dictionary: Dictionary;
    readonly synonyms: SynonymTable;
    /** Splits a short Han run into words (`Intl.Segmenter`), with their offsets. */
    readonly segment: (run: string) => readonly { word: string; start: number }[];
    /**
     * Whether a term is rare enough to vouch for a typo reading. Default:
     * any term. The index passes "in at most 40% of the documents", so
     * that 房贷款 is not read as 再贷款 on the strength of the ubiquitous 贷款.
     */
    readonly isRare?: (term: string) => boolean;
    /**
     * Whether the knowledge itself uses a term (a bigram). Default: none. A
     * window whose pairs around the differing character are all in use is
     * words the cards write, not a slip: 上海科技 is not a typo of 上海科委.
     */
    readonly isKnown?: (term: string) => boolean;
}

const PIECES = /\p{Script=Han}+|[a-z0-9]+/gu;
const HAN = /\p{Script=Han}/u;
const NUMBER = /^[0-9]+$/;

/** Adverbs that only intensify the place or time word after them, and those words (a closed class of the language). */
const INTENSIFIERS: ReadonlySet<string> = new Set(['right', 'straight']);
const DEICTICS: ReadonlySet<string> = new Set(['now', 'away', 'here', 'there', 'then', 'after', 'before']);

/**
 * Verbs that ask to be told ("tell me more", "know more", "find out more", "explain a bit more"): "more" after one of
 * them is how much is asked, no word of the question (a closed class of the language; "which lends more" keeps it).
 */
const ASKING_VERBS: ReadonlySet<string> = new Set(
    ['tell', 'know', 'learn', 'explain', 'hear', 'read', 'say', 'find', 'share', 'show', 'describe'].map((w) => stem(w)),
);
/** The words of a question are stems (see stem.ts). */
const ASKED_AMOUNT = stem('more');
const HOW = stem('how');

const isNoise = (w: string) => STOP_WORDS.has(w);
const isGeneric = (w: string) => GENERIC_WORDS.has(w);

class Builder {
    readonly terms = new Map<string, number>();
    readonly concepts: Concept[] = [];
    readonly loose = new Set<string>();
    /** Each synonym added → the terms it was added for (kept for every synonym; `synonymOf` keeps those not written). */
    readonly expandedFrom = new Map<string, Set<string>>();
    /** Character pairs read across two words, and those read within one (see AnalyzedQuery.spanning). */
    readonly spanning = new Set<string>();
    readonly within = new Set<string>();

    constructor(private readonly synonyms: SynonymTable) {}

    add(term: string, weight: number): void {
        if (term.length === 0 || isNoise(term)) return;
        if ((this.terms.get(term) ?? 0) < weight) this.terms.set(term, weight);
    }

    /** Adds the synonyms of `term` as terms, returning them as alternatives for its concept. */
    expand(term: string, weight: number): (readonly string[])[] {
        const alternatives: (readonly string[])[] = [];
        for (const other of synonymsOf(this.synonyms, term)) {
            for (const t of other) {
                this.add(t, weight);
                const from = this.expandedFrom.get(t);
                if (from) from.add(term);
                else this.expandedFrom.set(t, new Set([term]));
            }
            alternatives.push(other);
        }
        return alternatives;
    }

    concept(text: string, alternatives: (readonly string[])[], optional = false): void {
        const nonEmpty = alternatives.filter((a) => a.length > 0);
        if (nonEmpty.length > 0) this.concepts.push(optional ? { text, alternatives: nonEmpty, optional } : { text, alternatives: nonEmpty });
    }
}

/** Analyzes a raw question (it is normalized here). */
export function analyzeQuery(query: string, context: AnalyzeContext): AnalyzedQuery {
    const b = new Builder(context.synonyms);
    const words: string[] = [];
    for (const piece of samePeriod(normalize(query)).match(PIECES) ?? []) {
        if (HAN.test(piece)) {
            for (const run of splitRun(piece)) analyzeHanRun(run, context, b);
        } else {
            words.push(stem(piece));
        }
    }
    analyzeLatin(words, context, b);
    // A synonym the question also wrote itself (at the full weight) is a word of its own.
    const synonymOf = new Map<string, ReadonlySet<string>>();
    for (const [t, from] of b.expandedFrom) if ((b.terms.get(t) ?? 0) < QUERY_WEIGHTS.direct && !from.has(t)) synonymOf.set(t, from);
    const spanning = new Set([...b.spanning].filter((t) => !b.within.has(t)));
    return { terms: b.terms, concepts: b.concepts, loose: b.loose, synonymOf, spanning };
}

interface Span {
    readonly term: string;
    readonly start: number;
    readonly end: number;
    readonly typo: boolean;
}

function analyzeHanRun(run: string, context: AnalyzeContext, b: Builder): void {
    const exact: Span[] = findHanTerms(run, context.dictionary).map((h) => ({
        term: h.term,
        start: h.start,
        end: h.start + h.term.length,
        typo: false,
    }));
    const segments = context.segment(run);
    const typos = findTypos(run, context.dictionary, exact, context.isRare, context.isKnown, segments);
    const hits = [...exact, ...typos].filter((h) => !isNoise(h.term));

    // Function and generic words split the run: bigrams across them are noise (今天上海天气 → no 天上, 海天).
    const inHit = (start: number, end: number) => hits.some((h) => h.start <= start && end <= h.end && !isGeneric(h.term));
    const removed = new Array<boolean>(run.length).fill(false);
    for (const s of segments) {
        const end = s.start + s.word.length;
        if ((isNoise(s.word) || isGeneric(s.word)) && !inHit(s.start, end)) {
            for (let i = s.start; i < end; i++) removed[i] = true;
            if (isGeneric(s.word)) b.add(s.word, QUERY_WEIGHTS.generic);
        }
    }
    // Which of the segmenter's words each character is in: a pair across two of them that the knowledge never writes,
    // next to a pair it does write (额一 of 余额|一共 beside 余额), is read as every pair is, but noted (see
    // AnalyzedQuery.spanning). A pair among others no card writes is part of a word the knowledge lacks (修贷 of 装修|贷,
    // 币挖 of 比|特|币|挖|矿), and is what was asked.
    const isKnown = context.isKnown ?? (() => true);
    const wordAt = new Int32Array(run.length).fill(-1);
    segments.forEach((s, k) => wordAt.fill(k, s.start, s.start + s.word.length));
    for (const sub of subRuns(run, removed)) {
        const grams = bigrams(sub.text);
        grams.forEach((bg, j) => {
            b.add(bg, QUERY_WEIGHTS.direct);
            const at = sub.start + j;
            const beside = (k: number) => grams[k] !== undefined && grams[k]!.length === 2 && isKnown(grams[k]!);
            const spans =
                bg.length === 2 &&
                wordAt[at] !== wordAt[at + 1] &&
                !isKnown(bg) &&
                (beside(j - 1) || beside(j + 1)) &&
                !hits.some((h) => h.start <= at && at + 2 <= h.end);
            (spans ? b.spanning : b.within).add(bg);
        });
    }

    for (const h of hits) {
        const generic = isGeneric(h.term);
        const weight = generic ? QUERY_WEIGHTS.generic : h.typo ? QUERY_WEIGHTS.typo : QUERY_WEIGHTS.direct;
        b.add(h.term, weight);
        const alternatives = b.expand(h.term, generic ? QUERY_WEIGHTS.generic : Math.min(weight, QUERY_WEIGHTS.synonym));
        // Only the longest hits are concepts: 科技履约贷 is one thing, not also 履约 and 履约贷.
        const maximal = !hits.some((o) => o !== h && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start);
        // A card that only mentions a name holds its bigrams, not the whole term (see documents.ts).
        if (maximal && !generic) b.concept(h.term, [[h.term], bigrams(h.term), ...alternatives], h.typo);
    }

    // Words outside every known term: each is a concept, matched through its
    // bigrams. Single characters are not: the segmenter leaves particles and
    // verbs (还, 能, 先) alone, and a lone character is no evidence either way.
    // Typo readings do not hide words: they are only guesses.
    const covered = new Array<boolean>(run.length).fill(false);
    for (const h of hits) if (!h.typo) for (let i = h.start; i < h.end; i++) covered[i] = true;
    const isFree = (start: number, end: number) => {
        for (let i = start; i < end; i++) if (covered[i] || removed[i]) return false;
        return true;
    };
    for (const s of segments) {
        if (s.word.length < 2) continue;
        // A word made only of grammar characters (下来, 先去, 不到) is a complement or an adverb, not a thing asked about.
        if (Array.from(s.word).every((ch) => GRAMMAR_CHARS.has(ch))) continue;
        if (isFree(s.start, s.word.length + s.start)) b.concept(s.word, [bigrams(s.word)]);
    }
    // A word the segmenter does not know comes out as single characters (公积金 → 公|积|金): three or more adjacent
    // ones that no name (typos included) covers and that are no grammar characters are one word again, so that a
    // question on a housing fund is not half answered by a card on loan rates.
    const guessed = new Array<boolean>(run.length).fill(false);
    for (const h of hits) for (let i = h.start; i < h.end; i++) guessed[i] = true;
    let loose = '';
    let from = 0;
    // Two of them are one word too when no card writes that pair at all (房|贷, 车|贷 of 房贷利率): a word the knowledge
    // lacks, not a verb and its object the cards use (帮|扶).
    // An abbreviation of a term (知产 of 知识产权) is not such a word.
    const close = () => {
        const unknownPair = loose.length === 2 && !isKnown(loose) && !abbreviates(loose, context.dictionary);
        if (loose.length >= MIN_LOOSE_WORD || unknownPair) b.concept(loose, [bigrams(loose)]);
        loose = '';
    };
    for (const s of segments) {
        const single = s.word.length === 1 && !GRAMMAR_CHARS.has(s.word) && !guessed[s.start] && isFree(s.start, s.start + 1);
        if (!single) {
            close();
            continue;
        }
        if (loose && from + loose.length !== s.start) close();
        if (!loose) from = s.start;
        loose += s.word;
    }
    close();
}

const MIN_LOOSE_WORD = 3;

/**
 * Whether two characters shorten a term the way Chinese shortens a compound: its first character, and the first
 * character of a later word of it (知产 of 知识产权, 科贷 of 科技贷款). Rare (an unknown pair), so the terms are scanned.
 */
function abbreviates(pair: string, dictionary: Dictionary): boolean {
    for (const terms of dictionary.han.values()) {
        for (const term of terms) {
            if (term.length >= 4 && term[0] === pair[0] && [...term.slice(2)].some((ch, i) => i % 2 === 0 && ch === pair[1])) return true;
        }
    }
    return false;
}

/** Maximal stretches of the run not marked removed. */
function subRuns(run: string, removed: readonly boolean[]): { text: string; start: number }[] {
    const out: { text: string; start: number }[] = [];
    let start = -1;
    for (let i = 0; i <= run.length; i++) {
        if (i < run.length && !removed[i]) {
            if (start < 0) start = i;
        } else if (start >= 0) {
            out.push({ text: run.slice(start, i), start });
            start = -1;
        }
    }
    return out;
}

/**
 * Dictionary terms of three or more characters that the run contains with
 * exactly one character wrong, not the first (科技微带通, 高企代; see
 * `findNearTerms`). Windows inside an exact hit are skipped, the wrong
 * character must not be a function character (是, 能, 么…), and the
 * characters that agree on one side of it must include a rare bigram that
 * is not a generic word: 上海天 is not a typo of 上海市, nor 房贷款 of 再贷款.
 * A slip makes a pair of characters the knowledge never writes (微带 of
 * 科技微带通); when both pairs around the differing character are in use
 * (`isKnown`), the run says what it means (上海科技型企业, not 上海科委).
 */
export function findTypos(
    run: string,
    dictionary: Dictionary,
    exact: readonly Span[],
    isRare: (term: string) => boolean = () => true,
    isKnown: (term: string) => boolean = () => false,
    segments: readonly { word: string; start: number }[] = [],
): Span[] {
    const found: Span[] = [];
    // A slip stands alone: the segmenter knows no word of it with the characters beside it (科技微带通: 科技/微/带/通).
    // One that makes a word of the language with its neighbour inside the name is that word, written as meant: 上海科技大学
    // (上海/科技/大学) is no slip of 上海科委, nor 上海人才 (上海/人才) of 上海人行.
    // So is one that makes a word of the language with a neighbour past the name (科技创新债券: 科技/创新/债券, no slip of
    // 科技创新券), unless that word is grammar, a slip typed before one (履约什么的: 什么).
    const inWord = (wrong: number, start: number, end: number) =>
        segments.some((s) => {
            const to = s.start + s.word.length;
            if (s.word.length < 2 || wrong < s.start || wrong >= to) return false;
            return Math.max(s.start, start) < Math.min(to, end) - 1 || !isNoise(s.word);
        });
    for (let i = 0; i + 2 < run.length; i++) {
        for (const { term, wrong } of findNearTerms(run, i, run.length, dictionary)) {
            const end = i + term.length;
            if (FUNCTION_CHARS.has(run[wrong]!)) continue;
            if (exact.some((e) => e.start <= i && end <= e.end)) continue;
            if (inWord(wrong, i, end)) continue;
            const left = term.slice(0, wrong - i);
            const right = term.slice(wrong - i + 1);
            const solid = (s: string) => s.length >= 2 && bigrams(s).some((bg) => !isGeneric(bg) && !isNoise(bg) && isRare(bg));
            if (!solid(left) && !solid(right)) continue;
            const pairs = [run.slice(wrong - 1, wrong + 1), run.slice(wrong, wrong + 2)].filter((p) => p.length === 2);
            if (pairs.length > 0 && pairs.every(isKnown)) continue;
            found.push({ term, start: i, end, typo: true });
        }
    }
    return found;
}

function analyzeLatin(words: readonly string[], context: AnalyzeContext, b: Builder): void {
    const phrases = [...findLatinTerms(words, context.dictionary).filter((p) => p.length > 1), ...findCompounds(words, context.dictionary)];
    const inPhrase = new Array<boolean>(words.length).fill(false);
    for (const p of phrases) {
        b.add(p.term, QUERY_WEIGHTS.direct);
        const parts = words.slice(p.start, p.start + p.length).filter((w) => !isNoise(w));
        const generic = parts.every(isGeneric);
        const alternatives = b.expand(p.term, generic ? QUERY_WEIGHTS.generic : QUERY_WEIGHTS.synonym);
        const maximal = !phrases.some((o) => o !== p && o.start <= p.start && p.start + p.length <= o.start + o.length && o.length > p.length);
        if (maximal && !generic) {
            b.concept(p.term.replace(/_/g, ' '), [[p.term], parts, ...alternatives]);
            for (let i = p.start; i < p.start + p.length; i++) inPhrase[i] = true;
        }
    }
    words.forEach((w, i) => {
        // Single letters are what is left of "what's", "e.g.", "U.S.".
        if (isNoise(w) || (w.length < 2 && !NUMBER.test(w))) return;
        // An intensifier and the place or time word it intensifies ("right now", "right away", "straight away") are no
        // words of the question: "right" is not the rights of intellectual property.
        if ((INTENSIFIERS.has(w) && DEICTICS.has(words[i + 1] ?? '')) || (DEICTICS.has(w) && INTENSIFIERS.has(words[i - 1] ?? ''))) return;
        if (w === ASKED_AMOUNT && words.slice(Math.max(0, i - 3), i).some((v) => ASKING_VERBS.has(v))) return;
        // The word after "how" is the degree asked ("how long", "how soon", "how big"), the question's frame as 多久 and
        // 多大 are, no word of what it asks: "how long is the loan term" holds no "long" of "long-term loans".
        if (words[i - 1] === HOW) return;
        const generic = isGeneric(w);
        b.add(w, generic ? QUERY_WEIGHTS.generic : QUERY_WEIGHTS.direct);
        if (!generic) b.loose.add(w);
        const alternatives = b.expand(w, generic ? QUERY_WEIGHTS.generic : QUERY_WEIGHTS.synonym);
        if (!inPhrase[i] && !generic && !NUMBER.test(w)) b.concept(w, [[w], ...alternatives]);
    });
}

/**
 * Two adjacent words that the dictionary knows as one (roll over →
 * rollover, start up → startup), read as that word.
 */
function findCompounds(words: readonly string[], dictionary: Dictionary): { term: string; start: number; length: number }[] {
    const found: { term: string; start: number; length: number }[] = [];
    for (let i = 0; i + 1 < words.length; i++) {
        const joined = stem(words[i]! + words[i + 1]!);
        if (dictionary.latin.get(joined)?.some((p) => p.length === 1)) found.push({ term: joined, start: i, length: 2 });
    }
    return found;
}
