/**
 * The search settings in one place: the indexed fields and their boosts,
 * when a term is also read by prefix or with a typo, and the weights of
 * those readings. The postings (`postings.ts`) score with them, and
 * `MINISEARCH_OPTIONS` gives the same settings to a MiniSearch index built
 * with `addAll` over the same prepared terms, which is how the tests check
 * that the postings score exactly as MiniSearch does
 * (tests/search/postings.test.ts). MiniSearch's own `tokenize` and
 * `processTerm` only split a prepared list of terms: the analysis runs in
 * `tokenize.ts` and `query.ts`, because it needs the snapshot's dictionary
 * and the document frequency of each term.
 */
import type { Options, SearchOptions } from 'minisearch';

/** Indexed fields, in the order of `FIELD_BOOSTS`. */
export const FIELDS = ['name', 'name_en', 'aliases', 'topics', 'summary', 'doc', 'facts', 'body'] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Field boosts: a word in the name or an alias says what the card *is*;
 * topics and the summary say what it is about; facts and the body merely
 * mention things (every card's body names 沪科提复〔2024〕85号).
 */
export const FIELD_BOOSTS: Readonly<Record<Field, number>> = {
    name: 6,
    name_en: 5,
    aliases: 4,
    topics: 2.5,
    summary: 2,
    doc: 4,
    facts: 0.8,
    body: 0.7,
};

/** Latin terms of this length and more also find longer words (discount → discounting). */
export const PREFIX_MIN_LENGTH = 4;
/** Latin terms of this length and more tolerate one typo (perfomance → performance); two from `FUZZY_TWO_EDITS_LENGTH`. */
export const FUZZY_MIN_LENGTH = 5;
export const FUZZY_TWO_EDITS_LENGTH = 9;

const LATIN_TERM = /^[a-z][a-z0-9]*$/;

/** Prefix search only for plain Latin words: a Han bigram's "prefix" would be any longer dictionary term. */
export function usePrefix(term: string): boolean {
    return term.length >= PREFIX_MIN_LENGTH && LATIN_TERM.test(term);
}

/**
 * Whether `longer`, found by the prefix `term`, is a form of the same word: what it adds begins as an English
 * ending does (discount-ing, financ-ial, guarante-e, loan-s, invest-ment), not as another word that happens to begin
 * with it (star-t, plan-et). A prefix match that is not a form ranks the card, but does not say the question's word.
 */
export function prefixForm(term: string, longer: string): boolean {
    return longer.startsWith(term) && FORM_ENDING.test(longer.slice(term.length));
}
const FORM_ENDING = /^(?:[aeiouy]|s|ment|ness|ful|less|ship|ly)/;

/** Fuzzy search only for Latin words long enough that one edit rarely turns them into another word. */
export function useFuzzy(term: string): number | false {
    if (!LATIN_TERM.test(term) || term.length < FUZZY_MIN_LENGTH) return false;
    return term.length >= FUZZY_TWO_EDITS_LENGTH ? 2 : 1;
}

/** Splits a prepared term list. Terms never contain spaces (multi-word terms are joined by `_`). */
export function splitTerms(text: string): string[] {
    return text.length === 0 ? [] : text.split(' ');
}

/** Weights of prefix and fuzzy variants of a term against an exact match (1). */
export const SEARCH_WEIGHTS = { prefix: 0.5, fuzzy: 0.45 } as const;

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
    boost: { ...FIELD_BOOSTS },
    prefix: usePrefix,
    fuzzy: useFuzzy,
    maxFuzzy: 2,
    // Exact matches 1, prefix and fuzzy matches count less.
    weights: SEARCH_WEIGHTS,
    combineWith: 'OR',
    tokenize: splitTerms,
    processTerm: (term) => term,
};

export const MINISEARCH_OPTIONS: Options = {
    idField: 'id',
    fields: [...FIELDS],
    storeFields: [],
    tokenize: splitTerms,
    processTerm: (term) => term,
    searchOptions: DEFAULT_SEARCH_OPTIONS,
};
