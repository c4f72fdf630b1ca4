/**
 * The product list (`/products`, `list_financing_products`) and the matcher
 * apply one eligibility rule: for every vocabulary word, the list keeps
 * exactly the products the matcher does not rate ineligible.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { createKnowledgeService, createServiceFromSnapshot, type KnowledgeService } from '../../src/core/service.ts';
import { QUALIFICATIONS, STAGES } from '../../src/core/vocabulary.ts';
import { copyFolder } from '../helpers/knowledge.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;
beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
});

const listed = (filter: Parameters<KnowledgeService['listProducts']>[0]) =>
    service
        .listProducts(filter)
        .filter((p) => p.kind === 'product')
        .map((p) => p.id)
        .sort();
const notRuledOut = (profile: object) =>
    service
        .match(profile)
        .matches.filter((m) => m.eligibility !== 'ineligible')
        .map((m) => m.id)
        .sort();

describe('listProducts and the matcher', () => {
    it.each(STAGES.values)('agree for the stage %s', (stage) => {
        expect(listed({ stage })).toEqual(notRuledOut({ stage }));
    });

    it.each(QUALIFICATIONS.values)('agree for the qualification %s', (qualification) => {
        expect(listed({ qualification })).toEqual(notRuledOut({ qualifications: [qualification] }));
    });

    it('read any-of and all-of alike', () => {
        // 沪科专贷 asks for one of four titles, 高企贷 for high-tech itself.
        expect(listed({ qualification: 'srdi' })).toContain('huke-zhuandai');
        expect(listed({ qualification: 'srdi' })).not.toContain('gaoqidai');
        expect(listed({ qualification: 'high-tech' })).toEqual(expect.arrayContaining(['gaoqidai', 'huke-zhuandai']));
    });

    it('count a qualification implied by a higher one', async () => {
        const f = await copyFolder();
        try {
            await f.edit('products/test-loan.md', (s) => s.replace('qualifications_all: [high-tech]', 'qualifications_all: [srdi]'));
            const small = createServiceFromSnapshot((await loadKnowledge(f.dir)).snapshot!);
            // A 专精特新"小巨人" is necessarily 专精特新: the old list dropped test-loan here.
            expect(small.listProducts({ qualification: 'srdi-little-giant' }).map((p) => p.id)).toContain('test-loan');
            expect(small.listProducts({ qualification: 'tech-little-giant' }).map((p) => p.id)).not.toContain('test-loan');
        } finally {
            await f.remove();
        }
    });
});
