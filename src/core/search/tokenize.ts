/**
 * The Chinese-aware tokenizer. MiniSearch's default tokenizer splits on
 * spaces and punctuation, which leaves a Chinese sentence as one huge term
 * that no query ever equals. Here a text becomes:
 *
 * - for each run of Han characters: its character bigrams (科技履约贷 →
 *   科技 技履 履约 约贷), which match any word of a query whatever the
 *   segmentation, plus every known term of the dictionary found in the run
 *   (科技履约贷 as one whole term);
 * - for Latin text: lower-cased words with a light plural stemmer, plus the
 *   known multi-word terms found in the word sequence, joined by `_`
 *   ("little giant" → `little_giant`).
 *
 * Before that, `normalize()` folds full-width forms to half-width (NFKC),
 * traditional characters to simplified (OpenCC, Hong Kong → mainland, see
 * `foldTraditional`) and everything to lower case, so that 科技履約貸 and
 * ＩＰ find the same terms as 科技履约贷 and ip.
 *
 * `Intl.Segmenter` is used on queries only (see query.ts), where it tells
 * words from function words. It is not run over cards: ICU's word breaker
 * costs ~25 µs a call and is worse than linear on long strings (a 60 KB
 * text takes 0.7 s), while bigrams plus the dictionary already hold every
 * word a query can match: a query word matches a card through its bigrams,
 * and each card's own names and aliases are kept whole in it (index.ts).
 */
import { createRequire } from 'node:module';
import { samePeriod } from './periods.ts';
import type * as OpenCCModule from 'opencc-js';
import { TRADITIONAL_CHARS } from './traditional.ts';
import { BREAK_CHARS, STOP_WORDS } from './stopwords.ts';
import { stem } from './stem.ts';

// === Normalization

const HAN = /\p{Script=Han}/u;

let converter: ((text: string) => string) | undefined;
/**
 * Per UTF-16 code unit, what `normalize` must do about it: `TRADITIONAL`
 * (the converter changes it), `COMPATIBILITY` (NFKC may change it:
 * full-width forms, ideographic space, compatibility ideographs) or
 * `FORMAT` (zero-width and other format characters, removed).
 */
let flags: Uint8Array | undefined;
const TRADITIONAL = 1;
const COMPATIBILITY = 2;
const FORMAT = 4;
/** NFKC turns it into a letter, digit or ideograph (ＩＰ, ①, 兀): it matters to the terms of a text, where full-width punctuation does not. */
const COMPATIBILITY_WORD = 8;
/** A curly apostrophe (what’s, as phone keyboards type it): NFKC keeps it, the question words are written with '. */
const APOSTROPHE = 16;
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;

/**
 * OpenCC is loaded on the first traditional text, not at start: its
 * dictionaries cost ~50 ms, and simplified cards and questions never need
 * them (`TRADITIONAL_CHARS` says which characters do). A CommonJS build
 * of it exists, so `require` loads it synchronously.
 */
function getConverter(): (text: string) => string {
    if (converter) return converter;
    const OpenCC = createRequire(import.meta.url)('opencc-js') as typeof OpenCCModule;
    return (converter = OpenCC.Converter({ from: 'hk', to: 'cn' }));
}

function getFlags(): Uint8Array {
    if (flags) return flags;
    const table = new Uint8Array(0x10000);
    for (let i = 0; i < TRADITIONAL_CHARS.length; i++) table[TRADITIONAL_CHARS.charCodeAt(i)]! |= TRADITIONAL;
    const ranges: [number, number][] = [
        [0xa0, 0x24f],
        [0x2000, 0x2bff],
        [0x3000, 0x3000],
        [0x3200, 0x33ff],
        [0xf900, 0xfaff],
        [0xfb00, 0xfb4f],
        [0xfe30, 0xfe6f],
        [0xff00, 0xffef],
    ];
    for (const [from, to] of ranges) {
        for (let c = from; c <= to; c++) {
            table[c]! |= COMPATIBILITY;
            const ch = String.fromCharCode(c);
            const folded = ch.normalize('NFKC');
            if (folded !== ch && WORDISH.test(folded)) table[c]! |= COMPATIBILITY_WORD;
        }
    }
    for (let c = 0; c <= 0xffff; c++) if (FORMAT_CHAR.test(String.fromCharCode(c))) table[c]! |= FORMAT;
    for (const c of [0x2018, 0x2019, 0x02bc]) table[c]! |= APOSTROPHE;
    flags = table;
    return table;
}

const FORMAT_CHAR = /\p{Cf}/u;
const WORDISH = /[\p{L}\p{N}]/u;
const FORMAT_CHARS = /\p{Cf}/gu;

/**
 * Folds traditional characters to simplified ones. The `hk` → `cn`
 * converter is used because it also maps the Taiwan variants (裡, 爲, 峯)
 * while leaving characters that are valid in simplified text alone (著 in
 * 著作权 stays, where `tw` turns it into 着). The converter is built once.
 */
export function foldTraditional(text: string): string {
    const table = getFlags();
    for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)]! & TRADITIONAL) return getConverter()(text);
    return text;
}

/**
 * Full-width → half-width (NFKC), zero-width and other format characters
 * removed, curly apostrophes made ', traditional → simplified, lower case. One table lookup per
 * character decides which of these a text needs: the cards are simplified
 * Chinese and plain English, and the costly steps (NFKC, OpenCC at
 * ~0.1 µs a character) are skipped for them.
 */
export function normalize(text: string): string {
    return fold(text, COMPATIBILITY);
}

/**
 * `normalize` as far as the terms of a text are concerned: the same
 * terms, but NFKC only runs when a character would turn into a letter,
 * digit or ideograph. Chinese text is full of full-width punctuation, which
 * NFKC would fold to ASCII punctuation: a separator either way, and NFKC
 * over a whole card costs more than the rest of its tokenizing.
 */
function normalizeForTerms(text: string): string {
    return fold(text, COMPATIBILITY_WORD);
}

/** The folding of `normalize`, with NFKC run when the text holds a character flagged `compatibility`. */
function fold(text: string, compatibility: number): string {
    const table = getFlags();
    let need = 0;
    for (let i = 0; i < text.length; i++) need |= table[text.charCodeAt(i)]!;
    let out = text;
    if (need & compatibility) out = out.normalize('NFKC');
    if (need & FORMAT) out = out.replace(FORMAT_CHARS, '');
    if (need & APOSTROPHE) out = out.replace(APOSTROPHES, "'");
    if (need & TRADITIONAL) out = getConverter()(out);
    return out.toLowerCase();
}

/** True when the text holds a Han character: the query is then taken to be Chinese. */
export function hasHan(text: string): boolean {
    return HAN.test(text);
}

// === Latin words

export { stem } from './stem.ts';

// === Characters

/** Han ideographs of the Basic Multilingual Plane (CJK Unified, Extension A, compatibility) and 〇. */
export function isHanCode(c: number): boolean {
    return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

function isWordCode(c: number): boolean {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

const BREAK_CODES = new Uint8Array(0x10000);
for (const ch of BREAK_CHARS) BREAK_CODES[ch.charCodeAt(0)] = 1;
const BREAK_PATTERN = new RegExp(`[${BREAK_CHARS}]`, 'u');
const STOP_HAN = new Set([...STOP_WORDS].filter((w) => w.length === 2 && isHanCode(w.charCodeAt(0))));

/**
 * Two characters as one small integer (a V8 small integer, which keeps map
 * lookups fast): Han characters after NFKC lie in U+3000–U+AFFF, fifteen
 * bits each. Other characters may collide, which only costs a failed
 * `startsWith`.
 */
const pairKey = (text: string, i: number) => ((text.charCodeAt(i) - 0x3000) & 0x7fff) * 0x8000 + ((text.charCodeAt(i + 1) - 0x3000) & 0x7fff);

// === The dictionary of whole terms

/**
 * Known multi-character terms to emit whole: product names, aliases,
 * vocabulary labels, synonyms. Built by `createDictionary`.
 *
 * Terms are found by their first two characters, so that scanning a text
 * costs one map lookup a character, whatever the size of the dictionary.
 */
export interface Dictionary {
    /** Han terms (normalized) by the codes of their first two characters (`pairKey`), longest first. */
    readonly han: ReadonlyMap<number, readonly string[]>;
    /**
     * Han terms of three or more characters by their first and third
     * characters: with `han`, every term that a text holds with one wrong
     * character after the first (see `findTypos` in query.ts).
     */
    readonly hanSkip: ReadonlyMap<number, readonly string[]>;
    /** Latin terms as word lists (normalized, stemmed), by their first word, longest first. */
    readonly latin: ReadonlyMap<string, readonly (readonly string[])[]>;
}

export const EMPTY_DICTIONARY: Dictionary = { han: new Map(), hanSkip: new Map(), latin: new Map() };

const skipKey = (text: string, i: number) => ((text.charCodeAt(i) - 0x3000) & 0x7fff) * 0x8000 + ((text.charCodeAt(i + 2) - 0x3000) & 0x7fff);

/**
 * Builds a dictionary from raw phrases (any language, any form: they are
 * normalized here). Each Han run of a phrase of two or more characters is a
 * term; each phrase's Latin words, joined by `_`, are another.
 */
export function createDictionary(phrases: Iterable<string>): Dictionary {
    const d = new DictionaryBuilder();
    for (const phrase of phrases) d.add(phrase);
    return d;
}

/**
 * A dictionary that phrases can be added to and taken from, counting how
 * many phrases hold each term, so that a live edit of one card's names
 * changes the dictionary without rebuilding it. Lists stay sorted longest
 * first, then by the term itself: the order never depends on the order
 * the phrases came in.
 */
export class DictionaryBuilder implements Dictionary {
    readonly han = new Map<number, string[]>();
    readonly hanSkip = new Map<number, string[]>();
    readonly latin = new Map<string, (readonly string[])[]>();
    private readonly hanCounts = new Map<string, number>();
    private readonly latinCounts = new Map<string, number>();

    add(phrase: string): void {
        for (const p of parsePhrases([phrase])) this.change(p, 1);
    }

    remove(phrase: string): void {
        for (const p of parsePhrases([phrase])) this.change(p, -1);
    }

    /** `add` for phrases parsed already (`parsePhrases`): a card's names are parsed once, used thrice. */
    addParsed(parsed: readonly PhraseTerms[]): void {
        for (const p of parsed) this.change(p, 1);
    }

    removeParsed(parsed: readonly PhraseTerms[]): void {
        for (const p of parsed) this.change(p, -1);
    }

    private change({ han, latin }: PhraseTerms, by: 1 | -1): void {
        for (const run of han) {
            if (!counted(this.hanCounts, run, by)) continue;
            edit(this.han, pairKey(run, 0), run, by, byLength);
            if (run.length >= 3) edit(this.hanSkip, skipKey(run, 0), run, by, byLength);
        }
        if (latin && counted(this.latinCounts, latin.join('_'), by)) edit(this.latin, latin[0]!, latin, by, byWordCount);
    }
}

/** Counts the term; true when it entered or left the dictionary. */
function counted(counts: Map<string, number>, key: string, by: 1 | -1): boolean {
    const n = (counts.get(key) ?? 0) + by;
    if (n < 0) return false;
    if (n === 0) counts.delete(key);
    else counts.set(key, n);
    return (by === 1 && n === 1) || (by === -1 && n === 0);
}

const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
/** Longest first, then word by word: any fixed order will do, and joining the words for each comparison cost a third of a build. */
const byWordCount = (a: readonly string[], b: readonly string[]) => {
    if (a.length !== b.length) return b.length - a.length;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
};
const sameWords = (a: readonly string[], b: readonly string[]) => byWordCount(a, b) === 0;

function edit<K, T extends string | readonly string[]>(map: Map<K, T[]>, key: K, term: T, by: 1 | -1, order: (a: T, b: T) => number): void {
    const list = map.get(key);
    const same = (t: T) => order(t, term) === 0;
    if (by === 1) {
        if (!list) return void map.set(key, [term]);
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (order(list[mid]!, term) <= 0) lo = mid + 1;
            else hi = mid;
        }
        list.splice(lo, 0, term);
    } else if (list) {
        const i = list.findIndex(same);
        if (i >= 0) list.splice(i, 1);
        if (list.length === 0) map.delete(key);
    }
}

/**
 * Dictionary terms of three or more characters that `text` holds at
 * `start` with exactly one character wrong, not the first (科技微带通 →
 * 科技微贷通, 高企代 → 高企贷). Typos of the first character are not looked
 * for: that would mean trying every term.
 */
export function findNearTerms(text: string, start: number, end: number, dictionary: Dictionary): { term: string; wrong: number }[] {
    const found: { term: string; wrong: number }[] = [];
    if (start + 2 >= end) return found;
    const seen = new Set<string>();
    for (const list of [dictionary.han.get(pairKey(text, start)), dictionary.hanSkip.get(skipKey(text, start))]) {
        for (const term of list ?? []) {
            if (term.length < 3 || start + term.length > end || seen.has(term)) continue;
            seen.add(term);
            let wrong = -1;
            for (let j = 1; j < term.length; j++) {
                if (text.charCodeAt(start + j) === term.charCodeAt(j)) continue;
                if (wrong >= 0) {
                    wrong = -2;
                    break;
                }
                wrong = j;
            }
            if (wrong > 0) found.push({ term, wrong: start + wrong });
        }
    }
    return found;
}

// === Tokenizing

export const HAN_RUNS = /\p{Script=Han}+/gu;
const LATIN_WORDS = /[a-z0-9]+/g;

/** The English words of a normalized text, each stemmed as the index stems it. */
export function latinWords(normalized: string): string[] {
    return (normalized.match(LATIN_WORDS) ?? []).map(stem);
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Word segmentation of a short Han run (queries only: see the module
 * comment). The segmenter is built once: construction costs ~1 ms.
 */
export function segmentWords(run: string): string[] {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    const words: string[] = [];
    for (const s of segmenter.segment(run)) if (s.isWordLike) words.push(s.segment);
    return words;
}

/** Character bigrams of a run; a lone character stands for itself. */
export function bigrams(run: string): string[] {
    if (run.length === 1) return [run];
    const out: string[] = [];
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    return out;
}

/** Every dictionary term that occurs in `text[start, end)`, with its position in `text`. */
export function findHanTerms(text: string, dictionary: Dictionary, start = 0, end = text.length): { term: string; start: number }[] {
    const found: { term: string; start: number }[] = [];
    if (dictionary.han.size === 0) return found;
    for (let i = start; i + 1 < end; i++) {
        const candidates = dictionary.han.get(pairKey(text, i));
        if (!candidates) continue;
        for (const term of candidates) if (i + term.length <= end && text.startsWith(term, i)) found.push({ term, start: i });
    }
    return found;
}

/** Every dictionary term (one or more words) that occurs in the word sequence, joined by `_`. */
export function findLatinTerms(words: readonly string[], dictionary: Dictionary): { term: string; start: number; length: number }[] {
    const found: { term: string; start: number; length: number }[] = [];
    if (dictionary.latin.size === 0) return found;
    for (let i = 0; i < words.length; i++) {
        for (const phrase of dictionary.latin.get(words[i]!) ?? []) {
            if (phrase.every((w, j) => words[i + j] === w)) found.push({ term: phrase.join('_'), start: i, length: phrase.length });
        }
    }
    return found;
}

/** Cuts a Han run at particles (的, 了, 吗…) that glue unrelated words together. */
export function splitRun(run: string): string[] {
    return run.split(BREAK_PATTERN).filter((r) => r.length > 0);
}

/**
 * A card's own names as the scan looks for them (see index.ts): Han terms
 * of three or more characters, found by `indexOf` rather than by a second
 * pass over every run (two-character names are bigrams already; a name
 * holding a particle or a character outside the scanned ranges can never
 * lie inside one run), and multi-word Latin names.
 */
export interface OwnTerms {
    readonly han: readonly string[];
    readonly latin: Dictionary['latin'];
}

export function ownTermsOf(phrases: Iterable<string>): OwnTerms {
    return ownTermsFrom(parsePhrases(phrases));
}

export function ownTermsFrom(parsed: readonly PhraseTerms[]): OwnTerms {
    const han = new Set<string>();
    const latin = new Map<string, (readonly string[])[]>();
    for (const { han: runs, latin: words } of parsed) {
        for (const run of runs) if (run.length > 2 && isScannedRun(run)) han.add(run);
        if (words && words.length > 1) {
            const list = latin.get(words[0]!) ?? [];
            if (!list.some((w) => sameWords(w, words))) list.push(words);
            latin.set(words[0]!, list.sort(byWordCount));
        }
    }
    return { han: [...han], latin };
}

function isScannedRun(run: string): boolean {
    for (let i = 0; i < run.length; i++) {
        const c = run.charCodeAt(i);
        if (!isHanCode(c) || BREAK_CODES[c] === 1) return false;
    }
    return true;
}

/** What a phrase brings to a dictionary: its Han runs and its Latin words (see `createDictionary`). */
export interface PhraseTerms {
    readonly han: readonly string[];
    readonly latin: readonly string[] | undefined;
}

export function parsePhrases(phrases: Iterable<string>): PhraseTerms[] {
    const out: PhraseTerms[] = [];
    for (const phrase of phrases) {
        const text = normalizeForTerms(phrase);
        const han = (text.match(HAN_RUNS) ?? []).filter((run) => run.length >= 2 && !STOP_WORDS.has(run));
        const words = latinWords(text);
        const latin = words.length >= 1 && !(words.length === 1 && STOP_WORDS.has(words[0]!)) ? words : undefined;
        out.push({ han, latin });
    }
    return out;
}

/** The terms a dictionary of these phrases would hold, Latin ones joined by `_`, each once. */
export function dictionaryTermsOf(phrases: Iterable<string>): string[] {
    return dictionaryTermsFrom(parsePhrases(phrases));
}

export function dictionaryTermsFrom(parsed: readonly PhraseTerms[]): string[] {
    const out = new Set<string>();
    for (const { han, latin } of parsed) {
        for (const run of han) out.add(run);
        if (latin) out.add(latin.join('_'));
    }
    return [...out];
}

export interface TokenizeOptions {
    /** Known terms to emit whole. Default: none. */
    readonly dictionary?: Dictionary;
    /** More terms to emit whole, e.g. the card's own names (see index.ts). Default: none. */
    readonly own?: OwnTerms;
}

/**
 * Tokenizes a text for the index (see the module comment). Stop words are
 * dropped; duplicates are kept, since MiniSearch counts term frequency.
 * The text need not be normalized.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
    const terms: string[] = [];
    scanTerms(text, options.dictionary ?? EMPTY_DICTIONARY, (t) => terms.push(t), options.own);
    return terms;
}

/**
 * `tokenize` without the array: calls `emit` with each term. This runs over
 * every card at every reload, so it scans character codes rather than
 * matching regular expressions.
 */
export function scanTerms(text: string, dictionary: Dictionary, emit: (term: string) => void, own?: OwnTerms): void {
    scanInto(text, dictionary, own, {
        bigram: (s, i) => {
            const bigram = bigramAt(s, i);
            if (bigram !== '') emit(bigram);
        },
        term: emit,
    });
}

/**
 * Where a scan puts the terms it finds. Bigrams come as a position, so
 * that the index can look them up by character codes without making a
 * string (`SegmentBuilder.addBigram`); stop-word bigrams are the sink's to
 * drop (`isStopBigram`).
 */
export interface TermSink {
    bigram(s: string, i: number): void;
    term(term: string): void;
}

/** True for a bigram that is a stop word (没有, 可以…): never a term. */
export function isStopBigram(bigram: string): boolean {
    return STOP_HAN.has(bigram);
}

export function scanInto(text: string, dictionary: Dictionary, own: OwnTerms | undefined, sink: TermSink): void {
    // A quarter's end said any way is one period (periods.ts): 6月底 and 二季度末, "end of June" and "end-Q2".
    const s = samePeriod(normalizeForTerms(text));
    const words: string[] = [];
    const n = s.length;
    let i = 0;
    while (i < n) {
        const c = s.charCodeAt(i);
        if (isHanCode(c)) {
            let j = i + 1;
            while (j < n && isHanCode(s.charCodeAt(j))) j++;
            hanRunTerms(s, i, j, dictionary, sink);
            i = j;
        } else if (isWordCode(c)) {
            let j = i + 1;
            while (j < n && isWordCode(s.charCodeAt(j))) j++;
            const word = stem(s.slice(i, j));
            words.push(word);
            if (!STOP_WORDS.has(word)) sink.term(word);
            i = j;
        } else {
            i++;
        }
    }
    if (own) {
        for (const term of own.han) for (let at = s.indexOf(term); at >= 0; at = s.indexOf(term, at + 1)) sink.term(term);
    }
    if (words.length > 1) {
        latinPhrases(words, dictionary.latin, sink);
        if (own && own.latin.size > 0) latinPhrases(words, own.latin, sink);
    }
}

/** `findLatinTerms` for the index: multi-word phrases only (single words are terms already), straight to the sink. */
function latinPhrases(words: readonly string[], latin: Dictionary['latin'], sink: TermSink): void {
    for (let i = 0; i + 1 < words.length; i++) {
        const phrases = latin.get(words[i]!);
        if (phrases === undefined) continue;
        for (const phrase of phrases) {
            if (phrase.length < 2 || i + phrase.length > words.length) continue;
            let j = 1;
            while (j < phrase.length && words[i + j] === phrase[j]) j++;
            if (j === phrase.length) sink.term(joinedPhrase(phrase));
        }
    }
}

const joined = new WeakMap<readonly string[], string>();

function joinedPhrase(phrase: readonly string[]): string {
    let term = joined.get(phrase);
    if (term === undefined) joined.set(phrase, (term = phrase.join('_')));
    return term;
}

/**
 * The bigram at `s[i]` as a shared string ('' for a stop word): one map
 * lookup by character codes instead of a new two-character string per
 * position, which matters at millions of bigrams a build. The cache holds at
 * most the distinct bigrams of the text seen (tens of thousands).
 */
const bigramCache = new Map<number, string>();
const BIGRAM_CACHE_LIMIT = 1 << 20;

function bigramAt(s: string, i: number): string {
    const exact = pairKeyExact(s, i);
    const key = pairKey(s, i);
    const cached = exact ? bigramCache.get(key) : undefined;
    if (cached !== undefined) return cached;
    const text = s.slice(i, i + 2);
    const bigram = STOP_HAN.has(text) ? '' : text;
    if (exact && bigramCache.size < BIGRAM_CACHE_LIMIT) bigramCache.set(key, bigram);
    return bigram;
}

/** True when pairKey is one-to-one for these characters (both within U+3000–U+AFFF). */
function pairKeyExact(s: string, i: number): boolean {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    return a >= 0x3000 && a < 0xb000 && b >= 0x3000 && b < 0xb000;
}

/** Bigrams and dictionary terms of the Han run `s[start, end)`, cut at particles. */
function hanRunTerms(s: string, start: number, end: number, dictionary: Dictionary, sink: TermSink): void {
    let a = start;
    for (let k = start; k <= end; k++) {
        if (k < end && BREAK_CODES[s.charCodeAt(k)] === 0) continue;
        if (k - a === 1) {
            sink.term(s[a]!);
        } else if (k - a > 1) {
            for (let m = a; m + 1 < k; m++) sink.bigram(s, m);
            // Two-character terms are bigrams already.
            if (k - a > 2 && dictionary.han.size > 0) {
                for (let m = a; m + 2 < k; m++) {
                    const candidates = dictionary.han.get(pairKey(s, m));
                    if (!candidates) continue;
                    for (const term of candidates) if (term.length > 2 && m + term.length <= k && s.startsWith(term, m)) sink.term(term);
                }
            }
        }
        a = k + 1;
    }
}

/** The key a bigram is looked up by (`pairKey`), or -1 when two bigrams could share it. */
export function bigramKey(s: string, i: number): number {
    return pairKeyExact(s, i) ? pairKey(s, i) : -1;
}
