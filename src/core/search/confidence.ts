/**
 * When to call an answer confident.
 *
 * The rule: the top result must mention more than `minCoverage` (default
 * one half) of the question's concepts, each concept weighted by its inverse
 * document frequency, and the question must have at least one concept.
 * More than, not as much as: "who won the match" holds one word a card has
 * (match) and one no card has (won), at equal weight; half is not enough.
 *
 * Why this rule: off-topic questions share words with the knowledge —
 * "今天上海天气怎么样" and "How do I register a trademark in the United
 * States?" both contain words found in many cards (上海, register). A score
 * threshold cannot tell them apart from real questions, because BM25 scores
 * depend on query length and on how common the words are. Coverage does:
 * generic words make no concept (see `stopwords.ts`), and a word that no
 * card contains (天气, trademark, 火锅) weighs as much as the rarest word of
 * the knowledge, so a question whose main words are missing from the best
 * card cannot reach one half. Real questions usually name one or two rare
 * things (a product, a qualification, 续贷) that the right card has.
 */
import type { Concept } from './query.ts';

export interface ConfidenceOptions {
    /** Share of the question's concept weight the top result must cover more than. Default 0.5. */
    readonly minCoverage?: number;
}

export const DEFAULT_MIN_COVERAGE = 0.5;

/** BM25's inverse document frequency: 0 for a term in every document, highest for a term in none. */
export function idf(documentFrequency: number, documentCount: number): number {
    return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * How many documents mention a concept, at most: for each alternative, the
 * rarest of its terms bounds the documents holding all of them; the concept
 * is as common as its most common alternative.
 */
export function conceptFrequency(concept: Concept, df: (term: string) => number): number {
    let most = 0;
    for (const alt of concept.alternatives) {
        let rarest = Infinity;
        for (const t of alt) rarest = Math.min(rarest, df(t));
        if (rarest !== Infinity) most = Math.max(most, rarest);
    }
    return most;
}

/** True when every term of one of the concept's alternatives matched. */
export function mentions(concept: Concept, matched: ReadonlySet<string>): boolean {
    return concept.alternatives.some((alt) => alt.every((t) => matched.has(t)));
}

/** The IDF-weighted share of `concepts` that the matched terms mention; 0 without concepts. */
export function coverage(concepts: readonly Concept[], weights: readonly number[], matched: ReadonlySet<string>): number {
    let total = 0;
    let covered = 0;
    concepts.forEach((c, i) => {
        const w = weights[i] ?? 0;
        const hit = mentions(c, matched);
        if (c.optional && !hit) return;
        total += w;
        if (hit) covered += w;
    });
    return total > 0 ? covered / total : 0;
}
