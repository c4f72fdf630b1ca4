/**
 * Words that label a figure (answer/figure-labels.ts), counted from the shipped cards: a follow-up asking a number with
 * only such words asks it of the item in focus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureLabels } from '../../src/core/answer/figure-labels.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
});

afterAll(() => service.close());

describe('figureLabels', () => {
    it('holds the words the cards write right before a number, not the words of what is counted', () => {
        const labels = figureLabels(service.snapshot());
        // 金额444.9亿元, 贷款余额163.55亿元 wherever written; 贷款 and 企业 mostly stand elsewhere.
        expect(labels.has('金额')).toBe(true);
        expect(labels.has('余额')).toBe(true);
        expect(labels.has('贷款')).toBe(false);
        expect(labels.has('企业')).toBe(false);
        // Counted once per snapshot.
        expect(figureLabels(service.snapshot())).toBe(labels);
    });

    it('keeps a number asked with only such words with the item in focus, and lets a word of another card lead', () => {
        // relief-financing: 累计为7760户科技企业投放446.84亿元; 沪科专贷 writes 金额444.9亿元, which the search finds first.
        const relief = { context: { focus: ['relief-financing'] } };
        expect(service.answer('总金额是多少', relief).item?.id).toBe('relief-financing');
        expect(service.answer('总金额是多少', relief).text.slice(0, 80)).toContain('446.84亿元');
        // Nothing in focus, or a word of another card's (专利质押): where the words lead (with nothing in focus, no card holds
        // enough of "总金额是多少" in one passage to answer it confidently: not the relief loans either way).
        expect(service.answer('总金额是多少').item?.id).not.toBe('relief-financing');
        expect(service.answer('专利质押的金额多少', relief).item?.id).toBe('ip-pledge-financing');
    });
});
