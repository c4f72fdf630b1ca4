/**
 * Synonym groups from `knowledge/synonyms.yaml`, prepared for query
 * expansion: when a query holds one word of a group, the other words of the
 * group are searched too, at a lower weight (see `QUERY_WEIGHTS`).
 *
 * Each word is reduced to the index terms that stand for it: a Chinese
 * word to itself (the dictionary keeps every synonym whole in the index), a
 * multi-word English phrase to its words joined by `_` ("little giant" →
 * `little_giant`), a single English word to its stem.
 */
import { HAN_RUNS, normalize, stem } from './tokenize.ts';

export interface SynonymTable {
    /** Key term → the term lists of every word in every group it belongs to. */
    readonly byTerm: ReadonlyMap<string, readonly (readonly string[])[]>;
}

/** The index terms a word stands for; all of them must match for the word to match. */
export function wordTerms(word: string): string[] {
    const text = normalize(word);
    const terms: string[] = [];
    for (const run of text.match(HAN_RUNS) ?? []) terms.push(run);
    const latin = (text.match(/[a-z0-9]+/g) ?? []).map(stem);
    if (latin.length > 0) terms.push(latin.join('_'));
    return terms;
}

export function createSynonymTable(groups: readonly (readonly string[])[]): SynonymTable {
    const byTerm = new Map<string, string[][]>();
    for (const group of groups) {
        const members = group.map(wordTerms).filter((t) => t.length > 0);
        for (const terms of members) {
            // Only a word that is one term can be recognised in a query (专精特新“小巨人” is two).
            if (terms.length !== 1) continue;
            const key = terms[0]!;
            const list = byTerm.get(key) ?? [];
            for (const other of members) {
                if (other.length === 1 && other[0] === key) continue;
                if (!list.some((l) => l.join(' ') === other.join(' '))) list.push(other);
            }
            byTerm.set(key, list);
        }
    }
    return { byTerm };
}

/** The term lists of every other word sharing a group with `term`. */
export function synonymsOf(table: SynonymTable, term: string): readonly (readonly string[])[] {
    return table.byTerm.get(term) ?? [];
}
