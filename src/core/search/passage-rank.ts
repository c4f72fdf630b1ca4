/**
 * Which passages of a card answer a question: every passage scored by the
 * question's words it holds, each word weighed by its query weight and by
 * how few of the card's passages hold it, the card's own names left out
 * (every passage of the card is about the card), plus the aspect the
 * question asks when the passage holds it. Ties keep card order:
 * structured fields come first. The index (index.ts) keeps each card's
 * passages and their term counts; the answer (answer/item-answer.ts) chooses
 * among the ranked passages.
 */
import { askedPairs, pairsHeld } from './adjacency.ts';
import type { Passage } from './passages.ts';
import { QUERY_WEIGHTS } from './query.ts';
import { FUNCTION_CHARS } from './stopwords.ts';
import type { QueryReading, RankedPassage } from './types.ts';

/** A passage with the terms it holds, made once per card. */
export interface IndexedPassage {
    readonly passage: Passage;
    readonly terms: ReadonlySet<string>;
}

const PASSAGE_WEIGHTS = {
    /** A field of the aspect the question asks most (terms.amount for 额度). */
    primary: 3,
    /** A passage whose words speak of that aspect: a fact, a note, a field of another aspect (额度 in a partner-bank entry). */
    mentioned: 2,
    /** A passage that holds the aspect only by a cue (a year, a counted figure): dated is not "when it began". */
    cued: 1,
    /** The passage holds another aspect the question asks, times that aspect's share of the primary's score. */
    secondary: 1.5,
    /** From a field of the front matter: it has its own sources. */
    structured: 0.5,
    /** Each pair of the question's English words the passage says side by side (adjacency.ts). */
    adjacent: 0.5,
} as const;
/** The weight of an aspect word's terms in a passage's overlap, beside the question's other words. */
const ASPECT_WORD_SHARE = 0.5;

/**
 * `holders`: how many of the card's passages hold each term; `isOwn`: the
 * card's own names and their parts; `rarity`: how rare a term is among all
 * the cards (0–1, 1 for a term none holds, 0 for a term that measures no
 * coverage: a pair read across two words, see knowledge-index.ts `artefact`); `namePieces`: pieces of the card's
 * names that the question says apart from the name (保险 of "履约贷的保险
 * 公司"): words that choose a passage, though still held by every passage
 * in `coverage`, which compares cards. Without a reading, every passage
 * scores 0.
 */
export function rankCardPassages(
    passages: readonly IndexedPassage[],
    holders: ReadonlyMap<string, number>,
    isOwn: (term: string) => boolean,
    reading: QueryReading | undefined,
    rarity: (term: string) => number = () => 1,
    namePieces?: ReadonlySet<string>,
): RankedPassage[] {
    const asked = reading?.aspects.aspects ?? [];
    const top = asked[0]?.score ?? 0;
    // A word in many of the card's passages (reply, 1205 on the reply's card) says little about which one answers.
    const logAll = Math.log(1 + passages.length);
    const spread = (term: string) => {
        const n = holders.get(term) ?? 0;
        return n === 0 ? 0 : Math.log(1 + passages.length / n) / logAll;
    };
    // A function character left alone (能 of 我们能申请吗) says nothing of which passage answers.
    // The aspect's own words count too, at half weight: the passage that says 推出 answers "什么时候推出" better than one that is merely dated.
    // Coverage is comparable across cards: each word at its query weight and its rarity in the whole knowledge (a word
    // no card holds counts in full: "car loan" is not covered by a passage on loans), the card's own names held by
    // every passage of the card. The words are kept in arrays: every passage of the card is scored against them.
    const nameSaidOtherwise = (term: string) => {
        const from = reading?.synonymOf?.get(term);
        return from !== undefined && [...from].every((f) => isOwn(f) && !namePieces?.has(f));
    };
    const words: string[] = [];
    const tells: number[] = [];
    const covers: number[] = [];
    const wordCovers: number[] = [];
    const ofAspect: boolean[] = [];
    let total = 0;
    let whole = 0;
    let owned = 0;
    // The same, each synonym a word of its own (see RankedPassage.wordCoverage).
    let wordWhole = 0;
    let wordOwned = 0;
    // A synonym stands in for the word it was added for: a passage saying either holds that word, once. Only the
    // question's own words make the whole (a passage cannot say every synonym of "loan" at once); a synonym held
    // where its word is not adds up to that word's share (see `synonymCredits`).
    const stands = reading ? standIns(reading, rarity, isOwn) : undefined;
    if (reading)
        for (const [term, weight] of reading.terms) {
            if (FUNCTION_CHARS.has(term)) continue;
            const standsIn = stands?.byTerm.has(term) === true;
            let wordCover = weight * rarity(term);
            let cover = standsIn ? 0 : wordCover;
            whole += cover;
            wordWhole += wordCover;
            if (isOwn(term)) {
                owned += cover;
                wordOwned += wordCover;
                if (!namePieces?.has(term)) continue;
                cover = 0;
                wordCover = 0;
            }
            const aspectWord = reading.aspectTerms.has(term);
            const tell = weight * spread(term) * (aspectWord ? ASPECT_WORD_SHARE : 1);
            total += tell;
            words.push(term);
            // A synonym of the card's name (返还 of 补贴 in "保费补贴…还款时间") is the name said otherwise: part of what
            // was said, and held where it is held, but no word that chooses a passage.
            tells.push(nameSaidOtherwise(term) ? 0 : tell);
            covers.push(cover);
            wordCovers.push(wordCover);
            // A generic word (申请, apply) and its synonyms frame the question: held, they are no sign of which passage
            // the question's own words point to (`plain`).
            ofAspect.push(aspectWord || weight <= QUERY_WEIGHTS.generic);
        }
    // Each word visits only the passages that hold it (see termPlaces), not every passage: the same sums, in the same order.
    const n = passages.length;
    const sums = scratch(4 * n);
    const overlaps = 0;
    const plains = n;
    const helds = 2 * n;
    const wordHelds = 3 * n;
    sums.fill(0, 0, 2 * n)
        .fill(owned, 2 * n, 3 * n)
        .fill(wordOwned, 3 * n, 4 * n);
    const add = (i: number, k: number) => {
        sums[helds + i] = sums[helds + i]! + covers[k]!;
        sums[wordHelds + i] = sums[wordHelds + i]! + wordCovers[k]!;
        sums[overlaps + i] = sums[overlaps + i]! + tells[k]!;
        if (!ofAspect[k]) sums[plains + i] = sums[plains + i]! + tells[k]!;
    };
    const places = termPlaces(passages);
    if (places)
        for (let k = 0; k < words.length; k++) {
            const at = places.get(words[k]!);
            if (at) for (let j = 0; j < at.length; j++) add(at[j]!, k);
        }
    // A card ranked for the first time: every word against every passage (the same sums, in the same order per passage).
    else passages.forEach(({ terms }, i) => words.forEach((w, k) => terms.has(w) && add(i, k)));
    if (stands) synonymCredits(stands, passages, places, isOwn, (i, credit) => (sums[helds + i] = sums[helds + i]! + credit));
    // Scores are never negative: the passages scoring 0 follow the others in card order, as a stable sort would leave
    // them, and only the others are sorted (a card of a thousand passages, of which a question touches a few dozen).
    const scored: RankedPassage[] = [];
    const unscored: RankedPassage[] = [];
    const pairs = reading ? askedPairs(reading, isOwn) : new Set<string>();
    for (let i = 0; i < n; i++) {
        const passage = passages[i]!.passage;
        const overlap = sums[overlaps + i]!;
        const held = sums[helds + i]!;
        // The aspect asked most, then a share for each other aspect asked that the passage also holds
        // ("file an application to get the fee refunded": the subsidy entry that says no application is needed).
        let aspect = 0;
        for (let a = 0; a < asked.length; a++) {
            const { aspect: which, score } = asked[a]!;
            if (!passage.aspects.includes(which)) continue;
            // A field holding the aspect by its place on the card beats one whose words merely mention it.
            if (a > 0) aspect += PASSAGE_WEIGHTS.secondary * (score / top);
            else if (passage.typed && passage.aspects[0] === which) aspect += PASSAGE_WEIGHTS.primary;
            else aspect += passage.cued.includes(which) ? PASSAGE_WEIGHTS.cued : PASSAGE_WEIGHTS.mentioned;
        }
        const structured = overlap + aspect > 0 && passage.structured ? PASSAGE_WEIGHTS.structured : 0;
        const adjacent = overlap > 0 ? PASSAGE_WEIGHTS.adjacent * pairsHeld(passage, pairs) : 0;
        const score = overlap + aspect + structured + adjacent;
        (score > 0 ? scored : unscored).push({
            passage,
            score,
            overlap,
            share: total > 0 ? overlap / total : 0,
            plain: sums[plains + i]!,
            coverage: whole > 0 ? evenShare(held / whole) : 0,
            named: whole > 0 ? evenShare(owned / whole) : 0,
            wordCoverage: wordWhole > 0 ? evenShare(sums[wordHelds + i]! / wordWhole) : 0,
        });
    }
    // Array sort is stable: ties keep card order.
    scored.sort((a, b) => b.score - a.score);
    for (const r of unscored) scored.push(r);
    return scored;
}

/**
 * The synonyms of a reading that stand in for the question's words they were added for, each with those words: only
 * words that weigh in the coverage (`shareOf` > 0) are stood in for, and only by a synonym that weighs in it too
 * (`shareOf` defined). Shared by the passages' coverage (here) and the cards' (knowledge-index.ts `covering`).
 */
export function standingFor(reading: QueryReading, shareOf: (term: string) => number | undefined): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [synonym, from] of reading.synonymOf ?? []) {
        if (shareOf(synonym) === undefined) continue;
        const words = [...from].filter((w) => (shareOf(w) ?? 0) > 0);
        if (words.length > 0) out.set(synonym, words);
    }
    return out;
}

/** The question's words that synonyms stand in for, each with its stand-ins' shares. */
interface StandIns {
    /** Each synonym that stands in for a word. */
    readonly byTerm: ReadonlySet<string>;
    readonly groups: readonly { readonly word: string; readonly synonyms: readonly (readonly [string, number])[] }[];
}

/**
 * The synonyms of the reading grouped under the question's words they were added for, each at most at the share of
 * the word. A synonym that is the card's own name is the card named otherwise: a word of its own, held by every
 * passage in full; so is one whose words do not weigh (a function character, a pair read across two words).
 */
function standIns(reading: QueryReading, rarity: (term: string) => number, isOwn: (term: string) => boolean): StandIns | undefined {
    if (!reading.synonymOf?.size) return undefined;
    const shareOf = (term: string) => {
        const weight = reading.terms.get(term);
        return weight === undefined || FUNCTION_CHARS.has(term) ? undefined : weight * rarity(term);
    };
    const byWord = new Map<string, [string, number][]>();
    const byTerm = new Set<string>();
    for (const [synonym, words] of standingFor(reading, shareOf)) {
        if (isOwn(synonym)) continue;
        const own = shareOf(synonym)!;
        for (const word of words) {
            const credit = Math.min(own, shareOf(word)!);
            const list = byWord.get(word);
            if (list) list.push([synonym, credit]);
            else byWord.set(word, [[synonym, credit]]);
        }
        byTerm.add(synonym);
    }
    if (byTerm.size === 0) return undefined;
    return { byTerm, groups: [...byWord].map(([word, synonyms]) => ({ word, synonyms })) };
}

/**
 * For each passage, each question word it does not hold but a synonym of it does: the best such synonym's share.
 * (Every passage holds the card's own names: a word that is one needs no stand-in, and no stand-in is one.)
 */
function synonymCredits(
    stands: StandIns,
    passages: readonly IndexedPassage[],
    places: ReadonlyMap<string, readonly number[]> | undefined,
    isOwn: (term: string) => boolean,
    credit: (passage: number, share: number) => void,
): void {
    const holding = (term: string): readonly number[] =>
        places?.get(term) ?? (places ? [] : passages.flatMap(({ terms }, i) => (terms.has(term) ? [i] : [])));
    for (const { word, synonyms } of stands.groups) {
        if (isOwn(word)) continue;
        const best = new Map<number, number>();
        for (const [synonym, share] of synonyms) for (const i of holding(synonym)) best.set(i, Math.max(best.get(i) ?? 0, share));
        const said = new Set(holding(word));
        for (const [i, share] of best) if (!said.has(i)) credit(i, share);
    }
}

/**
 * A share rounded past the noise of summing floats in different orders: two passages holding all of a question tie, and
 * the order the caller gives them in (the search's) decides, not the last bit.
 */
export function evenShare(share: number): number {
    return Math.round(share * 1e9) / 1e9;
}

/** One buffer for the sums of every ranking, grown as needed: a ranking runs to its end before the next begins. */
let sumsBuffer = new Float64Array(1024);
function scratch(size: number): Float64Array {
    if (sumsBuffer.length < size) sumsBuffer = new Float64Array(Math.max(size, 2 * sumsBuffer.length));
    return sumsBuffer;
}

const placesCache = new WeakMap<readonly IndexedPassage[], ReadonlyMap<string, readonly number[]>>();
const rankedOnce = new WeakSet<readonly IndexedPassage[]>();

/**
 * Each term of a card's passages → the indexes of the passages holding it, ascending; made on a card's second ranking,
 * then kept. Undefined on the first: building it costs more than one ranking, and in a large knowledge most cards are
 * ranked once or not at all.
 */
function termPlaces(passages: readonly IndexedPassage[]): ReadonlyMap<string, readonly number[]> | undefined {
    let places = placesCache.get(passages);
    if (!places) {
        if (!rankedOnce.has(passages)) {
            rankedOnce.add(passages);
            return undefined;
        }
        const made = new Map<string, number[]>();
        passages.forEach(({ terms }, i) => {
            for (const term of terms) {
                const at = made.get(term);
                if (at) at.push(i);
                else made.set(term, [i]);
            }
        });
        placesCache.set(passages, (places = made));
    }
    return places;
}
