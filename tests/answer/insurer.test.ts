/**
 * An insurer asked of a card that names none (item-answer.ts, reading.ts `asksInsurer`, `INSURER_STATED`): the gap is
 * said first, then how the card says the risk is borne; a card naming its insurer answers with it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { asksInsurer } from '../../src/core/answer/reading.ts';
import type { KnowledgeService } from '../../src/core/service.ts';
import { shippedService } from '../helpers/knowledge.ts';

let service: KnowledgeService;
beforeAll(async () => {
    service = await shippedService();
});

describe('an insurer asked', () => {
    it('is read from a word of choosing an insurer, in either language', () => {
        expect(asksInsurer('它的保险公司是哪家')).toBe(true);
        expect(asksInsurer('微贷通是哪家保险公司承保的啊')).toBe(true);
        expect(asksInsurer('Which insurance company underwrites Huke Zhuandai loans?')).toBe(true);
        expect(asksInsurer('who insures it?')).toBe(true);
        // Insurance named without asking which one.
        expect(asksInsurer('履约贷要交保险费吗')).toBe(false);
        expect(asksInsurer('what is the insurance-backed loan?')).toBe(false);
    });

    it('of a card that names none, says so first and then how the risk is borne, not the summary', () => {
        const weidaitong = service.answer('微贷通是哪家保险公司承保的啊', { lang: 'zh' });
        expect(weidaitong).toMatchObject({ item: { id: 'keji-weidaitong' }, status: 'not-held', confident: true });
        expect(weidaitong.text).toMatch(/^科技微贷通：知识库的来源未给出承保的保险公司。/);
        expect(weidaitong.text).toMatch(/担保机构30%/);
        const zhuandai = service.answer('Which insurance company underwrites Huke Zhuandai loans?', { lang: 'en' });
        expect(zhuandai).toMatchObject({ item: { id: 'huke-zhuandai' }, status: 'not-held' });
        expect(zhuandai.text).toMatch(/give no insurer/);
    });

    it('of a card that names its insurer, answers with it', () => {
        const lvyuedai = service.answer('履约贷的保险公司是哪家', { lang: 'zh' });
        expect(lvyuedai.item?.id).toBe('keji-lvyuedai');
        expect(lvyuedai.status).not.toBe('not-held');
        expect(lvyuedai.text.slice(0, 300)).toMatch(/太平洋保险/);
    });
});
