/**
 * The inverted index the search scores from: term → field → documents, in
 * flat typed arrays, with MiniSearch's own scoring (BM25+ with its
 * parameters, field boosts, term boosts, prefix and fuzzy weights, and the
 * "quality" factor: the number of query terms a document holds).
 *
 * Why not MiniSearch's own index: it keeps one `Map` per term and field
 * and one result object per matching document, so at 10,000 cards (about
 * ten million postings with character bigrams) a build took ~9 s and
 * ~360 MB, and a query visited Maps for ~40 ms. Here a query is a loop over
 * `Int32Array`s into a `Float64Array` of scores, and only the top results
 * become objects. MiniSearch still does what it is good at: its
 * `SearchableMap` (radix tree) finds the prefix and fuzzy variants of the
 * user's English words, exactly as `MiniSearch#search` would, and the
 * equivalence with `MiniSearch.addAll` over the same terms is pinned by
 * tests/search/postings.test.ts.
 *
 * Live edits without a rebuild: the index is a built, immutable `Segment`
 * (the cards of the last full build) plus an overlay of the cards added or
 * changed since, with the replaced base documents marked removed. Every
 * statistic the score uses (document count, per-field document counts,
 * average field lengths) is kept for the live set, so an updated index
 * scores exactly as one built from scratch on the same cards.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { bigramKey, isStopBigram } from './tokenize.ts';

/** Scoring settings, MiniSearch's meaning and defaults. */
export interface ScoringOptions {
    /** Boost per field id. */
    readonly boosts: readonly number[];
    /** BM25+ parameters. Default MiniSearch's: k 1.2, b 0.7, d 0.5. */
    readonly bm25?: { readonly k: number; readonly b: number; readonly d: number };
    /** Weights of prefix and fuzzy variants of a term. Default MiniSearch's: 0.375 and 0.45. */
    readonly weights?: { readonly prefix?: number; readonly fuzzy?: number };
}

export interface QueryTerm {
    readonly term: string;
    /** Multiplies the term's score (MiniSearch's `boostTerm`). */
    readonly boost: number;
    /** Also score the indexed terms it is a prefix of. */
    readonly prefix: boolean;
    /** Also score the indexed terms at most this many edits away. */
    readonly fuzzy: number | false;
}

export interface ScoredDocument {
    readonly id: string;
    /** MiniSearch's score: summed BM25+ times the number of query terms held. */
    readonly score: number;
    /** Indexed terms matched (prefix and fuzzy variants included), in the order MiniSearch lists them. */
    readonly terms: readonly string[];
    /** Query terms matched. */
    readonly queryTerms: readonly string[];
}

/** One document's terms: per field id, term → occurrences. Field lengths are the numbers of distinct terms. */
export type DocumentTerms = readonly ReadonlyMap<string, number>[];

const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const DEFAULT_WEIGHTS = { prefix: 0.375, fuzzy: 0.45 } as const;
/** Latin terms: the only ones a prefix or fuzzy reading can reach (Han terms never start with a Latin word). */
const ASCII = /^[a-z0-9_]*$/;
/** Occurrences are stored in 16 bits; no field of a card (≤ 1 MiB) repeats a term more often in practice. */
const MAX_FREQ = 0xffff;

// === Building a segment

/** An immutable built index of a set of documents (CSR layout: per term and field, a run of documents). */
export interface Segment {
    readonly fields: number;
    readonly ids: readonly string[];
    readonly slot: ReadonlyMap<string, number>;
    /** Distinct terms per document and field: `fieldLengths[doc * fields + field]`. */
    readonly fieldLengths: Int32Array;
    readonly termIds: ReadonlyMap<string, number>;
    readonly terms: readonly string[];
    /** Postings of term t in field f: `docs[starts[t * fields + f] .. starts[t * fields + f + 1]]`, ascending. */
    readonly starts: Int32Array;
    readonly docs: Int32Array;
    readonly freqs: Uint16Array;
    /** Documents holding the term in any field. */
    readonly df: Int32Array;
}

/**
 * Builds a segment from documents whose terms arrive field by field
 * (`add(field, term)` in ascending field order within a document).
 * Occurrences are counted on the way, with no per-document Map.
 */
export class SegmentBuilder {
    private readonly termIds = new Map<string, number>();
    private readonly terms: string[] = [];
    private readonly ids: string[] = [];
    private readonly slot = new Map<string, number>();
    private lastDoc = new Int32Array(1024).fill(-1);
    private lastField = new Int32Array(1024);
    private lastEntry = new Int32Array(1024);
    private entTerm = new Int32Array(1 << 16);
    private entField = new Uint8Array(1 << 16);
    private entDoc = new Int32Array(1 << 16);
    private entFreq = new Uint16Array(1 << 16);
    private entries = 0;
    private lengths = new Int32Array(1024);
    private doc = -1;

    constructor(readonly fields: number) {}

    get size(): number {
        return this.ids.length;
    }

    /** Starts a document; throws on an id already added. */
    begin(id: string): void {
        if (this.slot.has(id)) throw new Error(`kejin search: duplicate id ${id}`);
        this.doc = this.ids.length;
        this.ids.push(id);
        this.slot.set(id, this.doc);
        const need = (this.doc + 1) * this.fields;
        if (need > this.lengths.length) this.lengths = grow(this.lengths, need);
    }

    /** Bigram ids by character codes (`bigramKey`); -1 for a stop word. */
    private readonly pairIds = new Map<number, number>();

    /** Adds the bigram `s[i, i + 2)` (see `TermSink`): looked up by character codes, no string made. */
    addBigram(field: number, s: string, i: number): void {
        const key = bigramKey(s, i);
        let t = key >= 0 ? this.pairIds.get(key) : undefined;
        if (t === undefined) {
            const bigram = s.slice(i, i + 2);
            t = isStopBigram(bigram) ? -1 : this.idOf(bigram);
            if (key >= 0) this.pairIds.set(key, t);
        }
        if (t >= 0) this.addId(field, t);
    }

    add(field: number, term: string): void {
        this.addId(field, this.idOf(term));
    }

    private idOf(term: string): number {
        let t = this.termIds.get(term);
        if (t === undefined) {
            t = this.terms.length;
            this.termIds.set(term, t);
            this.terms.push(term);
            if (t >= this.lastDoc.length) {
                const n = this.lastDoc.length * 2;
                const lastDoc = new Int32Array(n).fill(-1);
                lastDoc.set(this.lastDoc);
                this.lastDoc = lastDoc;
                this.lastField = grow(this.lastField, n);
                this.lastEntry = grow(this.lastEntry, n);
            }
        }
        return t;
    }

    private addId(field: number, t: number): void {
        if (this.lastDoc[t] === this.doc && this.lastField[t] === field) {
            const e = this.lastEntry[t]!;
            if (this.entFreq[e]! < MAX_FREQ) this.entFreq[e]!++;
            return;
        }
        this.lastDoc[t] = this.doc;
        this.lastField[t] = field;
        const e = this.entries++;
        if (e >= this.entTerm.length) {
            const n = this.entTerm.length * 2;
            this.entTerm = grow(this.entTerm, n);
            this.entField = grow(this.entField, n);
            this.entDoc = grow(this.entDoc, n);
            this.entFreq = grow(this.entFreq, n);
        }
        this.lastEntry[t] = e;
        this.entTerm[e] = t;
        this.entField[e] = field;
        this.entDoc[e] = this.doc;
        this.entFreq[e] = 1;
        this.lengths[this.doc * this.fields + field]!++;
    }

    /** The segment: entries sorted by term and field (a counting sort, stable, so documents stay ascending). */
    finish(): Segment {
        const F = this.fields;
        const T = this.terms.length;
        const P = this.entries;
        const starts = new Int32Array(T * F + 1);
        const df = new Int32Array(T);
        const seenDoc = new Int32Array(T).fill(-1);
        for (let e = 0; e < P; e++) {
            const t = this.entTerm[e]!;
            starts[t * F + this.entField[e]! + 1]!++;
            if (seenDoc[t] !== this.entDoc[e]) {
                seenDoc[t] = this.entDoc[e]!;
                df[t]!++;
            }
        }
        for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
        const next = starts.slice(0, T * F);
        const docs = new Int32Array(P);
        const freqs = new Uint16Array(P);
        for (let e = 0; e < P; e++) {
            const at = next[this.entTerm[e]! * F + this.entField[e]!]!++;
            docs[at] = this.entDoc[e]!;
            freqs[at] = this.entFreq[e]!;
        }
        return {
            fields: F,
            ids: this.ids,
            slot: this.slot,
            fieldLengths: this.lengths.slice(0, this.ids.length * F),
            termIds: this.termIds,
            terms: this.terms,
            starts,
            docs,
            freqs,
            df,
        };
    }
}

function grow<T extends Int32Array | Uint16Array | Uint8Array>(a: T, n: number): T {
    const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2));
    b.set(a);
    return b;
}

// === The live index

interface OverlayDocument {
    readonly id: string;
    /** Its number in the score arrays: after the base documents. */
    readonly number: number;
    readonly terms: DocumentTerms;
}

/** Per term, how many live documents hold it in each field (index `fields`: in any field). */
type Counts = Int32Array;

/**
 * A segment plus live changes. `set` and `remove` change one document;
 * `search` scores the live set. Changes are synchronous and cheap (the cost
 * of the changed documents' terms), so no query ever sees half an edit.
 */
export class Postings {
    private readonly F: number;
    private readonly removed: Uint8Array;
    private removedCount = 0;
    /** Base terms' counts taken away by removed base documents, by term id. */
    private readonly removedCounts = new Map<number, Counts>();
    private readonly overlay = new Map<string, OverlayDocument>();
    private readonly overlayByNumber: (OverlayDocument | undefined)[] = [];
    private readonly freeNumbers: number[] = [];
    /** Overlay postings: term → overlay document number → occurrences per field. */
    private readonly overlayPostings = new Map<string, Map<number, Int32Array>>();
    private readonly overlayCounts = new Map<string, Counts>();
    private readonly totals: Float64Array;
    private readonly tree: SearchableMap<true>;
    private readonly bm25: { k: number; b: number; d: number };
    private readonly weights: { prefix: number; fuzzy: number };
    private readonly boosts: readonly number[];
    // Scratch arrays, reused by every query (grown with the overlay).
    private total = new Float64Array(0);
    private current = new Float64Array(0);
    private held = new Int32Array(0);
    private stamp = new Int32Array(0);
    private serial = 0;

    constructor(
        readonly base: Segment,
        options: ScoringOptions,
    ) {
        this.F = base.fields;
        this.removed = new Uint8Array(base.ids.length);
        this.totals = new Float64Array(this.F);
        for (let i = 0; i < base.fieldLengths.length; i++) this.totals[i % this.F]! += base.fieldLengths[i]!;
        this.tree = new SearchableMap<true>();
        for (const term of base.terms) if (ASCII.test(term)) this.tree.set(term, true);
        this.bm25 = { ...DEFAULT_BM25, ...options.bm25 };
        this.weights = { ...DEFAULT_WEIGHTS, ...options.weights };
        this.boosts = options.boosts;
    }

    /** Live documents. */
    get documentCount(): number {
        return this.base.ids.length - this.removedCount + this.overlay.size;
    }

    /** Documents changed or added since the base was built. */
    get overlaySize(): number {
        return this.overlay.size;
    }

    /** Base documents replaced or removed since it was built. */
    get removedSize(): number {
        return this.removedCount;
    }

    has(id: string): boolean {
        return this.overlay.has(id) || (this.base.slot.has(id) && this.removed[this.base.slot.get(id)!] === 0);
    }

    /** Live documents holding the term in any field. */
    df(term: string): number {
        return this.count(term, this.F);
    }

    /**
     * Adds or replaces a document. `previous` must be the terms it was last
     * given (or built with): a base document's terms are not kept, so the
     * caller hands them back to take them out of the statistics.
     */
    set(id: string, terms: DocumentTerms, previous?: DocumentTerms): void {
        this.remove(id, previous);
        const number = this.freeNumbers.pop() ?? this.base.ids.length + this.overlayByNumber.length;
        const doc = { id, number, terms };
        this.overlay.set(id, doc);
        this.overlayByNumber[number - this.base.ids.length] = doc;
        this.forEachTerm(terms, (term, field, freq) => {
            let postings = this.overlayPostings.get(term);
            if (!postings) this.overlayPostings.set(term, (postings = new Map()));
            let perField = postings.get(number);
            if (!perField) postings.set(number, (perField = new Int32Array(this.F)));
            perField[field] = freq;
            let counts = this.overlayCounts.get(term);
            if (!counts) this.overlayCounts.set(term, (counts = new Int32Array(this.F + 1)));
            counts[field]!++;
            if (ASCII.test(term)) this.tree.set(term, true);
        });
        this.forEachDocumentTerm(terms, (term) => this.overlayCounts.get(term)![this.F]!++);
        terms.forEach((map, f) => (this.totals[f]! += map.size));
    }

    /** Removes a document (no-op when absent); `previous` as for `set`, needed for a base document. */
    remove(id: string, previous?: DocumentTerms): void {
        const doc = this.overlay.get(id);
        if (doc) {
            this.overlay.delete(id);
            this.overlayByNumber[doc.number - this.base.ids.length] = undefined;
            this.freeNumbers.push(doc.number);
            this.forEachTerm(doc.terms, (term, field) => void this.overlayCounts.get(term)![field]!--);
            this.forEachDocumentTerm(doc.terms, (term) => {
                const postings = this.overlayPostings.get(term)!;
                postings.delete(doc.number);
                if (postings.size === 0) this.overlayPostings.delete(term);
                const counts = this.overlayCounts.get(term)!;
                if (--counts[this.F]! === 0) this.overlayCounts.delete(term);
            });
            doc.terms.forEach((map, f) => (this.totals[f]! -= map.size));
            return;
        }
        const slot = this.base.slot.get(id);
        if (slot === undefined || this.removed[slot] === 1) return;
        if (!previous) throw new Error(`kejin search: the terms of ${id} are needed to remove it`);
        this.removed[slot] = 1;
        this.removedCount++;
        const take = (term: string, index: number) => {
            const t = this.base.termIds.get(term);
            if (t === undefined) return;
            let counts = this.removedCounts.get(t);
            if (!counts) this.removedCounts.set(t, (counts = new Int32Array(this.F + 1)));
            counts[index]!++;
        };
        this.forEachTerm(previous, (term, field) => take(term, field));
        this.forEachDocumentTerm(previous, (term) => take(term, this.F));
        for (let f = 0; f < this.F; f++) this.totals[f]! -= this.base.fieldLengths[slot * this.F + f]!;
    }

    /**
     * The documents matching any query term, best first, at most `limit`
     * of those `accept` keeps. Equal scores are ordered by id, so the order
     * does not depend on how the index was built.
     */
    search(query: readonly QueryTerm[], limit: number, accept?: (id: string) => boolean): ScoredDocument[] {
        const size = this.base.ids.length + this.overlayByNumber.length;
        if (this.total.length < size) {
            this.total = new Float64Array(size);
            this.current = new Float64Array(size);
            this.held = new Int32Array(size);
            this.stamp = new Int32Array(size);
        }
        const serial = ++this.serial;
        const touched: number[] = [];
        const inTerm: number[] = [];
        const expansions = query.map((q) => this.expand(q));
        expansions.forEach((derived) => {
            for (const { term, weight, boost } of derived) this.scoreTerm(term, weight, boost, touched, inTerm, serial);
            // MiniSearch sums each query term's score apart, then adds it to the total: the same order of additions.
            for (const doc of inTerm) {
                this.total[doc]! += this.current[doc]!;
                this.current[doc] = 0;
                this.held[doc]!++;
                // A negative stamp marks "seen for this query term"; back to "seen in this query".
                this.stamp[doc] = serial;
            }
            inTerm.length = 0;
        });
        const top: { doc: number; id: string; score: number }[] = [];
        for (const doc of touched) {
            const score = this.total[doc]! * (this.held[doc]! || 1);
            this.total[doc] = 0;
            this.held[doc] = 0;
            // Most documents fall below the k-th best: no id, no filter for them.
            if (top.length >= limit && score < top[top.length - 1]!.score) continue;
            const id = this.idOf(doc);
            if (accept && !accept(id)) continue;
            insertTop(top, { doc, id, score }, limit);
        }
        return top.map(({ doc, id, score }) => ({ id, score, ...this.matchedTerms(doc, expansions) }));
    }

    private idOf(doc: number): string {
        const n = this.base.ids.length;
        return doc < n ? this.base.ids[doc]! : this.overlayByNumber[doc - n]!.id;
    }

    /** The term, then its prefix variants, then its fuzzy ones, each with MiniSearch's weight. */
    private expand(q: QueryTerm): { term: string; weight: number; boost: number; source: string }[] {
        const out = [{ term: q.term, weight: 1, boost: q.boost, source: q.term }];
        let fuzzy: Map<string, [true, number]> | undefined;
        if (q.fuzzy) fuzzy = this.tree.fuzzyGet(q.term, q.fuzzy);
        if (q.prefix) {
            for (const [term] of this.tree.atPrefix(q.term)) {
                const distance = term.length - q.term.length;
                if (!distance) continue;
                fuzzy?.delete(term);
                out.push({ term, weight: (this.weights.prefix * term.length) / (term.length + 0.3 * distance), boost: q.boost, source: q.term });
            }
        }
        if (fuzzy) {
            for (const [term, [, distance]] of fuzzy) {
                if (!distance) continue;
                out.push({ term, weight: (this.weights.fuzzy * term.length) / (term.length + distance), boost: q.boost, source: q.term });
            }
        }
        return out;
    }

    private scoreTerm(term: string, weight: number, boost: number, touched: number[], inTerm: number[], serial: number): void {
        const { k, b, d } = this.bm25;
        const N = this.documentCount;
        const F = this.F;
        const t = this.base.termIds.get(term);
        const overlay = this.overlayPostings.get(term);
        const { starts, docs, freqs, fieldLengths } = this.base;
        const { removed, stamp, current } = this;
        const anyRemoved = this.removedCount > 0;
        for (let f = 0; f < F; f++) {
            const n = this.count(term, f);
            if (n === 0) continue;
            const idf = Math.log(1 + (N - n + 0.5) / (n + 0.5));
            const avg = this.totals[f]! / N;
            // termWeight * termBoost * fieldBoost * docBoost, as MiniSearch multiplies them before the raw score.
            const w = weight * boost * this.boosts[f]! * 1;
            if (t !== undefined) {
                const to = starts[t * F + f + 1]!;
                for (let i = starts[t * F + f]!; i < to; i++) {
                    const doc = docs[i]!;
                    if (anyRemoved && removed[doc] === 1) continue;
                    const tf = freqs[i]!;
                    // MiniSearch's calcBM25Score, term for term.
                    const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * fieldLengths[doc * F + f]!) / avg)));
                    const seen = stamp[doc]!;
                    if (seen !== -serial) {
                        if (seen !== serial) touched.push(doc);
                        stamp[doc] = -serial;
                        inTerm.push(doc);
                    }
                    current[doc]! += w * raw;
                }
            }
            // The same arithmetic as above, written out again on purpose: this is the loop every
            // query spends its time in, and a call per posting costs more than the repetition.
            if (overlay) {
                for (const [doc, perField] of overlay) {
                    const tf = perField[f]!;
                    if (tf === 0) continue;
                    const length = this.overlayByNumber[doc - this.base.ids.length]!.terms[f]!.size;
                    const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avg)));
                    const seen = stamp[doc]!;
                    if (seen !== -serial) {
                        if (seen !== serial) touched.push(doc);
                        stamp[doc] = -serial;
                        inTerm.push(doc);
                    }
                    current[doc]! += w * raw;
                }
            }
        }
    }

    /** Live documents holding the term in field `f` (`f === fields`: in any field). */
    private count(term: string, f: number): number {
        const t = this.base.termIds.get(term);
        let n = 0;
        if (t !== undefined) {
            n = f === this.F ? this.base.df[t]! : this.base.starts[t * this.F + f + 1]! - this.base.starts[t * this.F + f]!;
            n -= this.removedCounts.get(t)?.[f] ?? 0;
        }
        return n + (this.overlayCounts.get(term)?.[f] ?? 0);
    }

    private holds(doc: number, term: string, f: number): boolean {
        const n = this.base.ids.length;
        if (doc >= n) return (this.overlayPostings.get(term)?.get(doc)?.[f] ?? 0) > 0;
        const t = this.base.termIds.get(term);
        if (t === undefined) return false;
        let lo = this.base.starts[t * this.F + f]!;
        let hi = this.base.starts[t * this.F + f + 1]! - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const at = this.base.docs[mid]!;
            if (at === doc) return true;
            if (at < doc) lo = mid + 1;
            else hi = mid - 1;
        }
        return false;
    }

    private matchedTerms(doc: number, expansions: readonly { term: string; source: string }[][]): { terms: string[]; queryTerms: string[] } {
        const terms: string[] = [];
        const queryTerms: string[] = [];
        for (const derived of expansions) {
            for (const { term, source } of derived) {
                for (let f = 0; f < this.F; f++) {
                    if (!this.holds(doc, term, f)) continue;
                    if (!queryTerms.includes(source)) queryTerms.push(source);
                    if (!terms.includes(term)) terms.push(term);
                    break;
                }
            }
        }
        // MiniSearch lists them as the keys of an object, where integer-like keys come first, ascending.
        const integer = terms.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
        return { terms: integer.length === 0 ? terms : [...integer, ...terms.filter((t) => !isArrayIndex(t))], queryTerms };
    }

    private forEachTerm(terms: DocumentTerms, f: (term: string, field: number, freq: number) => void): void {
        terms.forEach((map, field) => {
            for (const [term, freq] of map) f(term, field, freq);
        });
    }

    /** Each distinct term of a document once. */
    private forEachDocumentTerm(terms: DocumentTerms, f: (term: string) => void): void {
        const seen = new Set<string>();
        for (const map of terms)
            for (const term of map.keys()) {
                if (seen.has(term)) continue;
                seen.add(term);
                f(term);
            }
    }
}

const isArrayIndex = (t: string) => /^(0|[1-9][0-9]*)$/.test(t) && Number(t) < 2 ** 32 - 1;

/** Keeps `top` sorted (score descending, then id) and at most `limit` long. */
function insertTop(top: { doc: number; id: string; score: number }[], entry: { doc: number; id: string; score: number }, limit: number): void {
    const before = (a: { id: string; score: number }, b: { id: string; score: number }) => a.score > b.score || (a.score === b.score && a.id < b.id);
    if (top.length >= limit && !before(entry, top[top.length - 1]!)) return;
    let i = top.length;
    while (i > 0 && before(entry, top[i - 1]!)) i--;
    top.splice(i, 0, entry);
    if (top.length > limit) top.pop();
}
