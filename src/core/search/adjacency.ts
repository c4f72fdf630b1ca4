/**
 * Words said side by side. A Chinese question's words meet a passage's as
 * character pairs (贷款余额 holds 款余), so a passage that says them together
 * is already preferred; English words are indexed one by one, and "loan
 * balance" is held as well by a passage saying "loans outstanding … with a
 * balance" as by one saying "the loan balance". Here each pair of English
 * words the question says one after the other (function words between
 * them left out) is looked for side by side in a passage.
 */
import type { Passage } from './passages.ts';
import { tokenize } from './tokenize.ts';
import type { QueryReading } from './types.ts';

/** Query terms of at least this weight are the question's own words (a synonym is not: see QueryReading.synonymOf). */
const OWN_WORD = 0.5;
const LATIN = /^[a-z][a-z0-9]*$/;

/** The pairs of English words the question says one after the other, each as "a b"; empty when it says none. */
export function askedPairs(reading: QueryReading, isOwn: (term: string) => boolean): ReadonlySet<string> {
    const words: string[] = [];
    for (const [term, weight] of reading.terms) {
        if (weight < OWN_WORD || reading.synonymOf?.has(term) || !LATIN.test(term)) continue;
        words.push(term);
    }
    const pairs = new Set<string>();
    for (let i = 1; i < words.length; i++) {
        // The card's own names are in every passage of it, written or not: a pair with one of them chooses none.
        if (isOwn(words[i - 1]!) || isOwn(words[i]!)) continue;
        pairs.add(`${words[i - 1]} ${words[i]}`);
    }
    return pairs;
}

/** The pairs of English words a passage says side by side, function words left out: made once per passage, when first asked. */
const pairsOf = new WeakMap<Passage, ReadonlySet<string>>();

function passagePairs(passage: Passage): ReadonlySet<string> {
    let pairs = pairsOf.get(passage);
    if (!pairs) {
        const seq = passage.text.en ? tokenize(passage.text.en).filter((t) => LATIN.test(t)) : [];
        const made = new Set<string>();
        for (let i = 1; i < seq.length; i++) made.add(`${seq[i - 1]} ${seq[i]}`);
        pairs = made;
        pairsOf.set(passage, pairs);
    }
    return pairs;
}

/** How many of the pairs the passage says side by side. */
export function pairsHeld(passage: Passage, pairs: ReadonlySet<string>): number {
    if (pairs.size === 0) return 0;
    const said = passagePairs(passage);
    let n = 0;
    for (const pair of pairs) if (said.has(pair)) n++;
    return n;
}
