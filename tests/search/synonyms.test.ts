import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { createSearchIndex, type KnowledgeIndex } from '../../src/core/search/index.ts';
import { QUERY_WEIGHTS } from '../../src/core/search/query.ts';
import { createSynonymTable, synonymsOf, wordTerms } from '../../src/core/search/synonyms.ts';
import { loadFixture } from '../helpers/knowledge.ts';

let snapshot: KnowledgeSnapshot;
let index: KnowledgeIndex;

beforeAll(async () => {
    snapshot = await loadFixture();
    index = createSearchIndex(snapshot);
});

describe('synonym table', () => {
    const table = createSynonymTable([
        ['专精特新', 'SRDI'],
        ['小巨人', 'little giant', 'little giants'],
        ['专精特新“小巨人”', 'SRDI little giant'],
    ]);

    it('maps each word to the index terms of the other words of its group', () => {
        expect(synonymsOf(table, '专精特新')).toEqual([['srdi']]);
        expect(synonymsOf(table, 'srdi')).toEqual([['专精特新']]);
        expect(synonymsOf(table, '小巨人')).toEqual([['littl_giant']]); // "little giants" stems to the same term
    });

    it('reduces words to index terms the way the tokenizer does', () => {
        expect(wordTerms('IP-pledge')).toEqual(['ip_pledg']);
        expect(wordTerms('專精特新')).toEqual(['专精特新']);
        expect(wordTerms('专精特新“小巨人”')).toEqual(['专精特新', '小巨人']);
    });

    it('does not recognise a word that is two terms, but offers it as an alternative', () => {
        expect(synonymsOf(table, 'srdi_littl_giant')).toEqual([['专精特新', '小巨人']]);
    });
});

describe('query expansion', () => {
    it('a word of a group also searches the others, at a lower weight', () => {
        const e = index.explain('rollover');
        expect(e.terms['rollover']).toBe(QUERY_WEIGHTS.direct);
        expect(e.terms['续贷']).toBe(QUERY_WEIGHTS.synonym);
        expect(e.terms['无还本续贷']).toBe(QUERY_WEIGHTS.synonym);
        expect(e.top).toBe('renewal');
    });

    it('finds a card through a synonym it does not contain', () => {
        // No fixture card says "patent-backed"; the group links it to 专利质押 (ip-loan's alias).
        const r = index.search('patent-backed');
        expect(r.results[0]?.id).toBe('ip-loan');
        expect(r.confident).toBe(true);
    });

    it('works from Chinese to English and back', () => {
        expect(index.search('续贷', { lang: 'en' }).results[0]?.id).toBe('renewal');
        expect(index.search('IP pledge').results[0]?.id).toBe('ip-loan');
    });

    it('takes synonym groups from the snapshot, so staff edits take effect on rebuild', () => {
        // "surety" is in no fixture card and no fixture group.
        expect(index.search('surety').results).toEqual([]);
        const withGroup = createSearchIndex({ ...snapshot, synonyms: [...snapshot.synonyms, ['担保', 'surety']] });
        expect(withGroup.explain('surety').terms['担保']).toBe(QUERY_WEIGHTS.synonym);
        expect(withGroup.search('surety').results[0]?.id).toBe('micro-loan'); // 担保 is its topic
    });

    it('extra groups can be given as an option', () => {
        const extra = createSearchIndex(snapshot, { synonyms: [['担保', 'surety']] });
        expect(extra.search('surety').results[0]?.id).toBe('micro-loan');
    });
});
