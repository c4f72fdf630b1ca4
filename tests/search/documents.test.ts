/**
 * What of a card is indexed: the facts a body restates are not indexed
 * twice, the facts whose figures the body leaves out are, so that a figure
 * given only in a card's facts is still found by a search.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import type { KnowledgeItem } from '../../src/core/knowledge/schema.ts';
import { fieldTexts } from '../../src/core/search/documents.ts';
import { createSearchIndex } from '../../src/core/search/index.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let snapshot: KnowledgeSnapshot;

beforeAll(async () => {
    snapshot = (await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!;
});

const said = {
    zh: '截至2024年二季度末，蓝鲸鹦鹉贷款余额98765.43亿元，同比增长12.34%。',
    en: 'Blue Whale Parrot loans stood at 9,876.543 billion yuan, up 12.34%.',
};

/** The gaoqidai card with one more fact, and a body that does or does not restate it. */
function withFact(restated: boolean): KnowledgeItem {
    const item = snapshot.items.get('gaoqidai')!;
    const fact = { ...said, sources: [item.sources[0]!.key], status: 'current' as const };
    return { ...item, facts: [...item.facts, fact], body: restated ? `${item.body}\n\n${said.zh}` : item.body } as KnowledgeItem;
}

describe('facts indexed', () => {
    it('a fact whose figures the body leaves out is indexed with the structured fields', () => {
        expect(fieldTexts(withFact(false)).facts).toContain('98765.43');
        expect(fieldTexts(withFact(true)).facts).not.toContain('98765.43');
    });

    it('such a fact finds its card', () => {
        const items = new Map(snapshot.items);
        items.set('gaoqidai', withFact(false));
        const index = createSearchIndex({ ...snapshot, items });
        expect(index.search('蓝鲸鹦鹉').results[0]?.id).toBe('gaoqidai');
    });
});
