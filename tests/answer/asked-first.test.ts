/**
 * The sentence of a passage that holds what was asked leads the passage (item-answer.ts `askedFirst`): a report's
 * passage gives many figures, and the one asked must be read first. Brackets and quotes are never cut.
 */
import { describe, expect, it } from 'vitest';
import { askedFirst } from '../../src/core/answer/item-answer.ts';

describe('askedFirst', () => {
    it('puts the sentence holding more of the asked words first, the others in their order', () => {
        const text = '已开展工作一：产品体系。截至二季度末，科技型企业贷款余额1万亿元。另有说明。';
        expect(askedFirst(text, ['贷款余额', '二季度'])).toBe('截至二季度末，科技型企业贷款余额1万亿元。已开展工作一：产品体系。另有说明。');
    });

    it('joins English sentences with a space and leaves decimals whole', () => {
        const text = 'Work done, part 1: a product system. At end-Q2 2024 loans stood at 1,244.937 billion yuan.';
        expect(askedFirst(text, ['loan', 'billion'])).toBe(
            'At end-Q2 2024 loans stood at 1,244.937 billion yuan. Work done, part 1: a product system.',
        );
    });

    it('never cuts inside brackets', () => {
        const text = '补贴为保费的50%（2024—2025年度；此后年度以新通知为准）。2026年有新通知。';
        expect(askedFirst(text, ['新通知'])).toBe(text);
        expect(askedFirst(text, ['2026年有'])).toBe('2026年有新通知。补贴为保费的50%（2024—2025年度；此后年度以新通知为准）。');
    });

    it('keeps the text when the first sentence holds as much, or nothing was asked', () => {
        const text = '贷款余额1万亿元。贷款余额同比增长。';
        expect(askedFirst(text, ['贷款余额'])).toBe(text);
        expect(askedFirst(text, [])).toBe(text);
    });

    it('divides a long English sentence at a semicolon before a small letter, the clause moved said as a sentence', () => {
        const text =
            'Since 2012 Shanghai has rewarded banks for lending (1.57 billion yuan paid; more later); the 2024–2025 round has ' +
            '1 billion yuan and 55% compensation. Another sentence.';
        expect(askedFirst(text, ['round', '2025'])).toBe(
            'The 2024–2025 round has 1 billion yuan and 55% compensation. Since 2012 Shanghai has rewarded banks for lending ' +
                '(1.57 billion yuan paid; more later). Another sentence.',
        );
        // Nothing moved: the text as the card writes it, semicolons and all.
        expect(askedFirst(text, ['rewarded'])).toBe(text);
    });
});
