/**
 * The postings score exactly as MiniSearch does: an index made by
 * `MiniSearch.addAll` from the same terms, searched with the same options,
 * gives the same documents, scores, matched terms and query terms. This is
 * what lets the search keep MiniSearch's ranking (and the eval figures)
 * while scoring over typed arrays.
 */
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { fieldTexts, ownPhrases, sharedPhrases } from '../../src/core/search/documents.ts';
import { decodeTerm, encodeTerm } from '../../src/core/search/encode.ts';
import { createSearchIndex, documentTerms, indexCards } from '../../src/core/search/index.ts';
import { FIELDS, MINISEARCH_OPTIONS, useFuzzy, usePrefix } from '../../src/core/search/options.ts';
import { createDictionary, ownTermsOf, tokenize, type Dictionary } from '../../src/core/search/tokenize.ts';
import type { KnowledgeItem } from '../../src/core/knowledge/schema.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let snapshot: KnowledgeSnapshot;
let shared: Dictionary;

beforeAll(async () => {
    const loaded = await loadKnowledge(SHIPPED_KNOWLEDGE);
    snapshot = loaded.snapshot!;
    shared = createDictionary(sharedPhrases(snapshot));
});

function reference(items: Iterable<KnowledgeItem>): MiniSearch {
    const ms = new MiniSearch(MINISEARCH_OPTIONS);
    ms.addAll(
        [...items].map((item) => {
            const own = ownTermsOf(ownPhrases(item));
            const texts = fieldTexts(item);
            const doc: Record<string, string> = { id: item.id };
            for (const f of FIELDS) doc[f] = tokenize(texts[f], { dictionary: shared, own }).map(encodeTerm).join(' ');
            return doc;
        }),
    );
    return ms;
}

// Han bigrams and whole terms, English words with prefix (guarante → guarantee) and typo (perfomance) readings.
const QUERIES: readonly (readonly [string, number])[][] = [
    [
        ['科技', 1],
        ['履约', 1],
        ['科技履约贷', 1],
    ],
    [
        ['专利', 1],
        ['质押', 0.6],
    ],
    [
        ['guarante', 1],
        ['loan', 0.5],
    ],
    [
        ['perfomance', 1],
        ['bond', 1],
    ],
    [
        ['续贷', 1],
        ['renewal', 1],
        ['无还本续贷', 0.6],
    ],
    [
        ['2024', 1],
        ['85', 1],
    ],
];

function miniSearchQuery(terms: readonly (readonly [string, number])[]) {
    const weights = new Map(terms.map(([t, w]) => [encodeTerm(t), w]));
    return {
        text: [...weights.keys()].join(' '),
        options: { boostTerm: (t: string) => weights.get(t) ?? 1, prefix: (t: string) => usePrefix(t), fuzzy: (t: string) => useFuzzy(t) },
    };
}

describe('Postings', () => {
    it('scores as MiniSearch.addAll over the same terms, prefix and fuzzy readings included', () => {
        const postings = indexCards(snapshot.items.values(), shared);
        const ms = reference(snapshot.items.values());
        for (const terms of QUERIES) {
            const { text, options } = miniSearchQuery(terms);
            const expected = ms.search(text, options);
            const got = postings.search(
                terms.map(([term, boost]) => ({ term, boost, prefix: usePrefix(term), fuzzy: useFuzzy(term) })),
                100,
            );
            expect(got.length).toBe(expected.length);
            expect(got.length).toBeGreaterThan(0);
            // Equal scores are ordered by id here, by insertion in MiniSearch: compare in one order.
            const key = (r: { id: string; score: number }) => `${r.score.toFixed(9)} ${r.id}`;
            const want = [...expected].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
            got.forEach((r, i) => {
                const e = want[i]!;
                expect(key(r)).toBe(key(e));
                expect(r.queryTerms).toEqual(e.queryTerms.map(decodeTerm));
                expect(r.terms).toEqual(e.terms.map(decodeTerm));
            });
        }
    });

    it('counts document frequencies over all fields', () => {
        const postings = indexCards(snapshot.items.values(), shared);
        const holding = [...snapshot.items.values()].filter((i) => Object.values(fieldTexts(i)).some((t) => t.includes('履约'))).length;
        expect(postings.df('履约')).toBe(holding);
        expect(postings.df('火锅')).toBe(0);
    });

    it('scores an edited card as a fresh build does, and forgets a removed one', () => {
        const items = [...snapshot.items.values()];
        const edited = { ...items[3]!, body: `${items[3]!.body}\n\n专利质押 guarantee` } as KnowledgeItem;
        const after = items.slice(1).map((i) => (i.id === edited.id ? edited : i));
        const live = indexCards(items, shared);
        live.set(edited.id, documentTerms(edited, shared), documentTerms(items[3]!, shared));
        live.remove(items[0]!.id, documentTerms(items[0]!, shared));
        const fresh = indexCards(after, shared);
        expect(live.documentCount).toBe(fresh.documentCount);
        expect(live.has(items[0]!.id)).toBe(false);
        for (const terms of QUERIES) {
            const q = terms.map(([term, boost]) => ({ term, boost, prefix: usePrefix(term), fuzzy: useFuzzy(term) }));
            const a = live.search(q, 100).map((r) => [r.id, r.score.toFixed(9), r.terms]);
            expect(a).toEqual(fresh.search(q, 100).map((r) => [r.id, r.score.toFixed(9), r.terms]));
        }
    });

    it('refuses duplicate ids', () => {
        const item = [...snapshot.items.values()][0]!;
        expect(() => indexCards([item, item], shared)).toThrow(new RegExp(`duplicate id ${item.id}`));
    });

    it('indexes an empty snapshot, and searching it finds nothing', () => {
        const index = createSearchIndex({ ...snapshot, items: new Map(), synonyms: [] });
        const r = index.search('科技履约贷');
        expect(r.results).toEqual([]);
        expect(r.confident).toBe(false);
    });
});

describe('KnowledgeIndex.rank', () => {
    it('ranks as search does, without making hits', async () => {
        const { loadSearchCases } = await import('../../src/eval/cases.ts');
        const index = createSearchIndex(snapshot);
        for (const { q } of await loadSearchCases()) {
            for (const options of [{}, { limit: 20, kind: 'product' as const }]) {
                expect(index.rank(q, options)).toEqual(index.search(q, options).results.map((h) => ({ id: h.id, score: h.score })));
            }
        }
        expect(index.rank('')).toEqual([]);
    });
});
