/**
 * An English answer keeps the source's own figure beside each sum it converts (words/units.ts `withSourceFigures`):
 * "14.427 billion yuan (144.27亿元)", read from the Chinese text of the same fact, never made up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeService } from '../../src/core/service.ts';
import { textIn, withSourceFigures } from '../../src/core/words/units.ts';
import { searchStructured } from '../../src/mcp/format.ts';
import { shippedService } from '../helpers/knowledge.ts';

describe('withSourceFigures', () => {
    it('sets the Chinese figure of the same value beside each sum, with 元 where the source writes it', () => {
        const en = 'The balance was 14.427 billion yuan at end-Q1 2024; about 8 billion yuan in 2021, with a target of 10 billion for 2025.';
        const zh = '2024年一季度末质押贷款余额144.27亿元；2021年约80亿元，提出到2025年达到100亿元的目标。';
        expect(withSourceFigures(en, zh)).toBe(
            'The balance was 14.427 billion yuan (144.27亿元) at end-Q1 2024; about 8 billion yuan (80亿元) in 2021, with a target of 10 billion (100亿元) for 2025.',
        );
        expect(withSourceFigures('each bank had a 50 million yuan quota', '各5,000万元额度')).toBe(
            'each bank had a 50 million yuan (5,000万元) quota',
        );
        expect(withSourceFigures('over 1.1 trillion yuan of credit', '授信超1.1万亿元')).toBe('over 1.1 trillion yuan (1.1万亿元) of credit');
        // A count is no sum: 1.1 million firms reads as 110万家 does.
        expect(withSourceFigures('1.1 million registered firms', '注册企业超110万家')).toBe('1.1 million registered firms');
    });

    it('leaves a sum the Chinese text does not write at that value as it is: a figure the two texts disagree on is not mended', () => {
        // A slip of scale in one of the texts (14.427 billion against 14.427亿) finds no twin.
        expect(withSourceFigures('a balance of 14.427 billion yuan', '余额14.427亿元')).toBe('a balance of 14.427 billion yuan');
        expect(withSourceFigures('a balance of 14.427 billion yuan', undefined)).toBe('a balance of 14.427 billion yuan');
        // Counts and percentages without a scale word are the same digits in both texts: nothing to add.
        expect(withSourceFigures('1,636 firms, up 193.72%', '1636户，同比增长193.72%')).toBe('1,636 firms, up 193.72%');
    });

    it('reads a fact with no Chinese twin of its own (a body paragraph) against the card’s Chinese text, and only in English', () => {
        const body = () => '2024年上半年上海中资银行累计投放无缝续贷5443.61亿元。';
        expect(textIn({ en: 'renewed 544.361 billion yuan in H1 2024' }, 'en', body)).toBe('renewed 544.361 billion yuan (5443.61亿元) in H1 2024');
        expect(textIn({ zh: '累计投放5443.61亿元', en: 'renewed 544.361 billion yuan' }, 'zh', body)).toBe('累计投放5443.61亿元');
    });

    it('writes nothing twice, and puts the figure first in an aside that follows', () => {
        const range = '2 million yuan – 10 million yuan (200–1000万元)';
        expect(withSourceFigures(range, '年营业收入：200–1000万元')).toBe(range);
        expect(withSourceFigures('a balance of 16.355 billion yuan (up 101.7%).', '贷款余额163.55亿元，同比增长101.7%')).toBe(
            'a balance of 16.355 billion yuan (163.55亿元; up 101.7%).',
        );
    });
});

describe('answers in English on the shipped cards', () => {
    let service: KnowledgeService;
    beforeAll(async () => {
        service = await shippedService();
    });

    it('show the card’s 亿 figure beside the converted sum, in the answer and in the MCP text; a Chinese answer is unchanged', () => {
        const en = service.answer('What was the IP pledge financing balance at end-Q1 2024?', { lang: 'en' });
        expect(en.item?.id).toBe('ip-pledge-financing');
        expect(en.text).toContain('14.427 billion yuan (144.27亿元)');
        expect(searchStructured(en, 'en').answer.text).toContain('(144.27亿元)');
        const zh = service.answer('2024年一季度末知识产权质押贷款余额是多少？', { lang: 'zh' });
        expect(zh.text).toContain('144.27亿元');
        expect(zh.text).not.toContain('billion');
    });
});
