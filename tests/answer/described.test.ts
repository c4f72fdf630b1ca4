/**
 * An item named by what it is ("给高新技术企业的那个", "the patent one"): the description's own words must find one
 * offering, holding most of them, far ahead of the next.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describedItem } from '../../src/core/answer/described.ts';
import { createSearchIndex, type KnowledgeIndex } from '../../src/core/search/index.ts';
import type { KnowledgeService } from '../../src/core/service.ts';
import { shippedService } from '../helpers/knowledge.ts';

describe('an item described, not named', () => {
    let service: KnowledgeService;
    let index: KnowledgeIndex;
    const described = (text: string) => describedItem(service.snapshot(), index, text)?.item.id;
    beforeAll(async () => {
        service = await shippedService();
        index = createSearchIndex(service.snapshot());
    });

    it('is named by the grammar of pointing at one of a kind, in either language', () => {
        expect(described('算了，给高新技术企业的那个，2019年试点银行一共承诺了多少额度')).toBe('gaoqidai');
        expect(described('换个问题，那个保险兜底的科技贷款，保险公司承担几成损失')).toBe('keji-lvyuedai');
        expect(described('那个专门给高新技术企业的，2022年升级加了多少额度')).toBe('gaoqidai');
        expect(described('ok and the patent one — how fast is pledge registration?')).toBe('ip-pledge-financing');
        expect(described('The credit loan for 科技小巨人 firms — how much did it lend in 2021?')).toBe('xiaojuren-xinyongdai');
    });

    it('names nothing by kind nouns alone, by a description said not to be meant, or by words the card does not hold', () => {
        expect(described('这个产品贷款期限一般多长')).toBeUndefined();
        expect(described('ok, not the discount one. how much has the other one lent by April 2025?')).toBeUndefined();
        expect(described("what's the tech startup visa program in Shanghai?")).toBeUndefined();
        expect(described('What are the requirements for the angel investment fund?')).toBeUndefined();
        // A kind said in English before more of the noun phrase is no description: the loan balance is a figure.
        expect(described('What was the tech-firm loan balance in Shanghai at end of Q2 2024?')).toBeUndefined();
    });

    it('is the subject over the item in focus, as a name is', () => {
        const a = service.answer('那个专门给高新技术企业的，2022年升级加了多少额度', { context: { focus: ['keji-weidaitong'] } });
        expect(a.item?.id).toBe('gaoqidai');
        expect(a.text.slice(0, 200)).toMatch(/500亿/);
        // The description's words are no words of what is asked: 分担损失 names the loan, the question asks its 2021 figures.
        const figures = service.answer('有保险公司分担损失的那个科技贷款，2021年放了多少、覆盖几家企业？');
        expect(figures.item?.id).toBe('keji-lvyuedai');
        expect(figures.text.slice(0, 200)).toMatch(/26\.69亿/);
    });
});
