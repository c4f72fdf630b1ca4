/**
 * "who insures it?": the passage naming the doer of that deed answers (answer/reading.ts `doerOf`, used by
 * item-answer.ts), not the one that only holds the verb ("the firm insures its repayment").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { doerOf } from '../../src/core/answer/reading.ts';
import type { KnowledgeService } from '../../src/core/service.ts';
import { shippedService } from '../helpers/knowledge.ts';

describe('doerOf', () => {
    it('forms the agent noun said of someone, and the passive with "by", from the verb after "who"', () => {
        const insures = doerOf('who insures it?')!;
        expect(insures.test('China Pacific Insurance was the insurer')).toBe(true);
        expect(insures.test('loans insured by CPIC')).toBe(true);
        // An agent noun of no one in particular names no doer.
        expect(insures.test('government, bank and insurer share losses')).toBe(false);
        expect(insures.test('the firm insures its repayment')).toBe(false);
        expect(doerOf('who actually guarantees weidaitong loans?')!.test('the guarantor is 上海市中小微企业政策性融资担保基金')).toBe(true);
        expect(doerOf('who reviews the applications?')!.test('applications are reviewed by the centre')).toBe(true);
    });

    it('reads no deed from who is, who can, who qualifies', () => {
        expect(doerOf('who is it for?')).toBeUndefined();
        expect(doerOf('who can apply?')).toBeUndefined();
        expect(doerOf('who qualifies for gaoqidai?')).toBeUndefined();
        expect(doerOf('谁承保')).toBeUndefined();
    });
});

describe('who does it, on the shipped cards', () => {
    let service: KnowledgeService;
    beforeAll(async () => {
        service = await shippedService();
    });

    it('answers "who insures lvyuedai loans?" with the insurer named, first', () => {
        const a = service.answer('Who insures lvyuedai loans?', { lang: 'en' });
        expect(a.item?.id).toBe('keji-lvyuedai');
        expect(a.text.slice(0, 200)).toMatch(/China Pacific Insurance was the insurer/);
    });
});
