/** A quarter's end said one way or another is one period, in the cards and in the questions. */
import { describe, expect, it } from 'vitest';
import { fullYears, samePeriod } from '../../src/core/search/periods.ts';

describe('samePeriod', () => {
    it('writes every form of a quarter end one way, in English and in Chinese', () => {
        const q2 = samePeriod('end-q2 2024').trim();
        for (const form of [
            'end of june 2024',
            'end-june 2024',
            'june-end 2024',
            '30 june 2024',
            'june 30th 2024',
            'mid-2024',
            'end of the second quarter 2024',
            // A balance "as of" a quarter's last month is at its end.
            'as of june 2024',
            'as at june 2024',
        ])
            expect(samePeriod(form).replace(/\s+/g, ' ').trim(), form).toBe(q2.replace(/\s+/g, ' '));
        for (const form of ['2024年6月末', '2024年6月底', '2024年6月30日', '2024年第二季度末', '2024年六月底'])
            expect(samePeriod(form), form).toBe('2024年二季度末');
        expect(samePeriod('截至2024年6月')).toBe('截至2024年二季度末');
        // The middle of a year, as mid-2024 is.
        expect(samePeriod('截至2024年年中')).toBe('截至2024年二季度末');
        expect(samePeriod('截止到2024年6月份')).toBe('截止到2024年二季度末');
        expect(samePeriod('9月末')).toBe('三季度末');
        expect(samePeriod('the end of march').trim()).toBe('the   end q1'.trim());
    });

    it('leaves what is no quarter end as it is: another day, another month, a span, a word holding "end"', () => {
        for (const text of [
            '6月15日',
            '6月31日',
            '16月末',
            '5月底',
            '上半年',
            'h1 2024',
            'june 15',
            'end user',
            'the weekend',
            'separate',
            'mid-march',
            // A month that is no balance date: an event in it, a span.
            'in june 2024',
            'launched june 2024',
            '2024年6月推出',
            '截至2024年5月',
            '年中',
            '2024年中央',
        ])
            expect(samePeriod(text), text).toBe(text);
    });
});

describe('fullYears', () => {
    it('writes a two-digit year in full, as founders write one', () => {
        expect(fullYears('履约贷21年放了多少钱')).toBe('履约贷2021年放了多少钱');
        expect(fullYears('24年二季度末余额')).toBe('2024年二季度末余额');
        expect(fullYears('10年10月试点')).toBe('2010年10月试点');
        expect(fullYears('21年度')).toBe('2021年度');
    });

    it('leaves a span of years as it is', () => {
        for (const text of ['成立10年', '期限3年', '10年期贷款', '我们做了10年', '公司10年了', '最长10年', '20年以上', '贷款2021年'])
            expect(fullYears(text), text).toBe(text);
    });
});
