/**
 * 哪个 before a noun of something else asks which one of it, not a choice between items (answer/reading.ts CHOOSE):
 * "还款时间要落在哪个区间" asks the subsidy's window; "哪个利率低", "哪个好" still choose.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { choosesIn } from '../../src/core/answer/reading.ts';
import type { KnowledgeService } from '../../src/core/service.ts';
import { shippedService } from '../helpers/knowledge.ts';

describe('哪个 and what follows it', () => {
    it('chooses alone, before a word that ranks, or before a noun for an item', () => {
        expect(choosesIn('履约贷和微贷通哪个好')).toBe(true);
        expect(choosesIn('高企贷和沪科专贷哪个额度高')).toBe(true);
        expect(choosesIn('哪个利率低一点')).toBe(true);
        expect(choosesIn('哪个更便宜')).toBe(true);
        expect(choosesIn('哪个产品适合我们')).toBe(true);
    });

    it('does not choose before a noun of something else with no word that ranks', () => {
        expect(choosesIn('还款时间要落在哪个区间？')).toBe(false);
        expect(choosesIn('是哪个部门负责的')).toBe(false);
        expect(choosesIn('在哪个网站确认账户')).toBe(false);
    });

    it('占比 is a share, not "more than": 比 after 占 chooses nothing', () => {
        expect(choosesIn('沪科专贷和沪科专贴覆盖的企业里，高新技术企业占比多少？')).toBe(false);
        expect(choosesIn('沪科专贷比高企贷利率低吗')).toBe(true);
    });
});

describe('on the shipped cards', () => {
    let service: KnowledgeService;
    beforeAll(async () => {
        service = await shippedService();
    });

    it('answers the window of the subsidy asked, the loan told of aside, rather than setting the two side by side', () => {
        const a = service.answer('科技信贷补贴那个，还款时间要落在哪个区间？我们的履约贷是2024年7月还清的。', { lang: 'zh' });
        expect(a.comparison).toBeUndefined();
        expect(a.item?.id).toBe('premium-subsidy');
        expect(a.text.slice(0, 200)).toMatch(/2024年8月1日至2025年8月31日/);
    });
});
