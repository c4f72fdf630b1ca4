/**
 * The bulk loader (`KnowledgeMiniSearch.fromPostings`) must build exactly the
 * index that MiniSearch's own `addAll` builds from the same terms: same
 * documents, same field lengths, same scores.
 */
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { fieldTexts, ownPhrases, sharedPhrases } from '../../src/core/search/documents.ts';
import { encodeTerm } from '../../src/core/search/encode.ts';
import { buildIndex, createSearchIndex } from '../../src/core/search/index.ts';
import { FIELDS, MINISEARCH_OPTIONS } from '../../src/core/search/options.ts';
import { createDictionary, tokenize } from '../../src/core/search/tokenize.ts';
import { loadFixture } from './helpers.ts';

let snapshot: KnowledgeSnapshot;

beforeAll(async () => {
    snapshot = await loadFixture();
});

function addAllIndex(s: KnowledgeSnapshot): MiniSearch {
    const shared = createDictionary(sharedPhrases(s));
    const ms = new MiniSearch(MINISEARCH_OPTIONS);
    ms.addAll(
        [...s.items.values()].map((item) => {
            const own = createDictionary(ownPhrases(item));
            const texts = fieldTexts(item);
            const doc: Record<string, string> = { id: item.id };
            for (const f of FIELDS) doc[f] = tokenize(texts[f], { dictionary: shared, own }).map(encodeTerm).join(' ');
            return doc;
        }),
    );
    return ms;
}

describe('buildIndex', () => {
    it('builds the same index as MiniSearch.addAll', () => {
        const bulk = buildIndex(snapshot.items.values(), createDictionary(sharedPhrases(snapshot))).miniSearch;
        const reference = addAllIndex(snapshot);
        expect(bulk.documentCount).toBe(reference.documentCount);
        expect(bulk.termCount).toBe(reference.termCount);
        for (const q of ['科技履约贷', '专利 质押', 'performance bond loan', '续贷 renewal', '担保']) {
            const terms = tokenize(q).map(encodeTerm).join(' ');
            const a = bulk.search(terms).map((r) => [r.id, r.score.toFixed(6)]);
            const b = reference.search(terms).map((r) => [r.id, r.score.toFixed(6)]);
            expect(a.length).toBeGreaterThan(0);
            expect(a).toEqual(b);
        }
    });

    it('counts document frequencies over all fields', () => {
        const { df } = buildIndex(snapshot.items.values(), createDictionary(sharedPhrases(snapshot)));
        const holding = [...snapshot.items.values()].filter((i) => Object.values(fieldTexts(i)).some((t) => t.includes('履约'))).length;
        expect(df('履约')).toBe(holding);
        expect(df('火锅')).toBe(0);
    });

    it('refuses duplicate ids', () => {
        const item = snapshot.items.get('perf-loan')!;
        expect(() => buildIndex([item, item], createDictionary([]))).toThrow(/duplicate id perf-loan/);
    });

    it('indexes an empty snapshot, and searching it finds nothing', () => {
        const index = createSearchIndex({ ...snapshot, items: new Map(), synonyms: [] });
        const r = index.search('科技履约贷');
        expect(r.results).toEqual([]);
        expect(r.confident).toBe(false);
    });
});
