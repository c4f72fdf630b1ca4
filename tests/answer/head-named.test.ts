/**
 * An organization the question asks about, named with an offering that only says which organization is meant
 * (answer/subject.ts `headNamed`): "审核履约贷的那个科技创业中心是哪年成立的" asks about the centre, not the loan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeService } from '../../src/core/service.ts';
import { shippedService } from '../helpers/knowledge.ts';

let service: KnowledgeService;

beforeAll(async () => {
    service = await shippedService();
});

describe('the organization an offering modifies', () => {
    it('is the subject when the offering is its modifier in Chinese (…的那个 + organization)', () => {
        const a = service.answer('审核履约贷的那个科技创业中心是哪年成立的？', { lang: 'zh' });
        expect(a.item?.id).toBe('shanghai-tech-entrepreneurship-center');
        expect(a.text).toContain('1988');
    });

    it('is the subject when an English aside or relative clause names the offering', () => {
        const aside = service.answer(
            'The SME policy guarantee fund (the one behind some IP-pledge loans) — what was its average guarantee fee in 2025?',
            { lang: 'en' },
        );
        expect(aside.item?.id).toBe('sme-financing-guarantee-fund');
        expect(aside.text).toMatch(/below 1%/);
        const relative = service.answer('the tech entrepreneurship center that reviews lvyuedai applications - when was it founded?', { lang: 'en' });
        expect(relative.item?.id).toBe('shanghai-tech-entrepreneurship-center');
    });

    it('is not the subject when it modifies the offering, or is only the channel', () => {
        // The loan the centre reviews: the loan is the noun.
        expect(service.answer('科技创业中心审核的履约贷期限多长', { lang: 'zh' }).item?.id).toBe('keji-lvyuedai');
        // Named as where to go, with no offering modifying it.
        expect(service.answer('沪科专贷是直接去人民银行申请吗', { lang: 'zh' }).item?.id).toBe('huke-zhuandai');
        expect(service.answer('履约贷要去科技创业中心申请吗', { lang: 'zh' }).item?.id).toBe('keji-lvyuedai');
    });
});

describe('an item named as where something is done', () => {
    it('is no subject beside the offering asked of ("apply for Huke Zhuandai on the xinyidai platform")', () => {
        const a = service.answer('Can I apply for Huke Zhuandai directly on the xinyidai platform, or where do I go?', { lang: 'en' });
        expect(a.item?.id).toBe('huke-zhuandai');
        expect(a.text.slice(0, 200)).toMatch(/participating commercial bank/);
    });

    it('is the subject when the clause that asks names it alone, or names it otherwise', () => {
        expect(service.answer('我们在信易贷上看到过沪科专贴。这个平台入驻了多少家金融机构？', { lang: 'zh' }).item?.id).toBe('xinyidai-platform');
        // "in the lvyuedai pilot" is what is asked of, not a place.
        expect(service.answer('Which banks were the original partner banks in the lvyuedai pilot?', { lang: 'en' }).item?.id).toBe('keji-lvyuedai');
    });
});
