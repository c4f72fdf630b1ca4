/**
 * "Similar wording" for the report: the question's terms as the search
 * index makes them (Han bigrams, stemmed English words, stop words
 * dropped; see search/tokenize.ts), compared by Jaccard overlap. Cheap and
 * dependency-free, and it agrees with what the search itself can match.
 */
import { tokenize } from '../search/tokenize.ts';

/** Two questions sharing at least this share of their terms are one group. */
export const DEFAULT_SIMILARITY = 0.4;

export function wordingTerms(text: string): ReadonlySet<string> {
    return new Set(tokenize(text));
}

export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
    if (a.size === 0 && b.size === 0) return 1;
    let shared = 0;
    for (const t of a) if (b.has(t)) shared++;
    return shared / (a.size + b.size - shared);
}

export interface Grouped<T> {
    readonly terms: ReadonlySet<string>;
    readonly members: T[];
}

/**
 * Greedy single pass: each text joins the most similar group whose first
 * member it resembles at least `threshold`, else starts one. Order-stable,
 * so the same log gives the same groups.
 */
export function groupBySimilarWording<T>(items: readonly T[], textOf: (item: T) => string, threshold = DEFAULT_SIMILARITY): Grouped<T>[] {
    const groups: Grouped<T>[] = [];
    for (const item of items) {
        const terms = wordingTerms(textOf(item));
        let best: Grouped<T> | undefined;
        let bestScore = threshold;
        for (const g of groups) {
            const score = similarity(terms, g.terms);
            if (score >= bestScore) {
                best = g;
                bestScore = score;
            }
        }
        if (best) best.members.push(item);
        else groups.push({ terms, members: [item] });
    }
    return groups;
}
