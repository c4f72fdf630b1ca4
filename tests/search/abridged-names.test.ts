/**
 * Chinese names said with characters left out (search/loose-names.ts `AbridgedNameTable`): "沪专贷" is 沪科专贷,
 * "科技信贷补贴" the 科技信贷保费补贴; a run the cards write themselves ("科技贷") names nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeService } from '../../src/core/service.ts';
import { AbridgedNameTable } from '../../src/core/search/loose-names.ts';
import { shippedService } from '../helpers/knowledge.ts';

describe('AbridgedNameTable', () => {
    const table = new AbridgedNameTable([
        { id: 'zhuandai', names: ['沪科专贷'] },
        { id: 'zhuantie', names: ['沪科专贴'] },
        { id: 'subsidy', names: ['科技信贷保费补贴'] },
        { id: 'reward', names: ['信贷奖补'] },
        { id: 'lvyue', names: ['科技履约贷'] },
        { id: 'relief', names: ['经营困难企业贷款'] },
    ]);
    const none = () => false;

    it('reads a run that begins and ends as a name and holds most of it in order', () => {
        expect(table.find('沪专贷到一季度累计多少', none, new Set())).toEqual({ id: 'zhuandai', heard: '沪专贷' });
        expect(table.find('沪专贴呢', none, new Set())).toEqual({ id: 'zhuantie', heard: '沪专贴' });
    });

    it('reads the longest run: a shorter one inside it that fits another name is part of it', () => {
        // 信贷补 inside 科技信贷补贴 would fit 信贷奖补.
        expect(table.find('科技信贷补贴那个还款时间', none, new Set())).toEqual({ id: 'subsidy', heard: '科技信贷补贴' });
    });

    it('reads nothing the cards write themselves, nothing already named, nothing too short, and nothing ambiguous', () => {
        expect(table.find('科技贷有哪些', (run) => run === '科技贷', new Set())).toBeUndefined();
        expect(table.find('沪专贷到一季度累计多少', none, new Set(['zhuandai']))).toBeUndefined();
        // Half of a name, with what tells it apart left out, is no abridgement of it: 经营贷款 is any business loan.
        expect(table.find('个人经营贷款怎么申请', none, new Set())).toBeUndefined();
        // Two of the name's characters are no abridgement of it.
        expect(table.find('沪贷', none, new Set())).toBeUndefined();
        // The whole name, or a piece of it, is the name table's to read.
        expect(table.find('沪科专贷', none, new Set())).toBeUndefined();
        const twice = new AbridgedNameTable([
            { id: 'a', names: ['沪科专贷'] },
            { id: 'b', names: ['沪市专项贷'] },
        ]);
        expect(twice.find('沪专贷', none, new Set())).toBeUndefined();
    });
});

describe('abridged names on the shipped cards', () => {
    let service: KnowledgeService;
    beforeAll(async () => {
        service = await shippedService();
    });

    it('name the card: 沪专贷 is 沪科专贷, beside 专贴 set aside', () => {
        expect(service.read('沪专贷到2024年一季度前后累计投放多少').named.map((n) => n.id)).toEqual(['huke-zhuandai']);
        const a = service.answer('沪专贷（不是专贴）到2024年一季度前后，累计投放多少、覆盖多少家企业？', { lang: 'zh' });
        expect(a.item?.id).toBe('huke-zhuandai');
        expect(a.text).toContain('444.9亿元');
    });

    it('name none from words the cards use for loans in general', () => {
        expect(service.read('上海科技贷款余额多少').named).toEqual([]);
        expect(service.read('科技贷有哪些').named).toEqual([]);
    });
});
