/**
 * Golden rankings on the search part of the fixture corpus
 * (tests/fixtures/knowledge-valid, FIXTURE_PARTS.search): six cards — perf-loan 科技履约贷, micro-loan 科技微贷通, ip-loan
 * 知识产权质押融资, renewal 无缝续贷, the policy premium-subsidy and the
 * organization tech-center. Each expected hit says why it ranks there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { createSearchIndex, type KnowledgeIndex } from '../../src/core/search/index.ts';
import { FIXTURE_PARTS, loadFixture } from '../helpers/knowledge.ts';

let snapshot: KnowledgeSnapshot;
let index: KnowledgeIndex;
const ids = (query: string, options = {}) => index.search(query, options).results.map((r) => r.id);

beforeAll(async () => {
    snapshot = await loadFixture(FIXTURE_PARTS.search);
    index = createSearchIndex(snapshot);
});

describe('golden rankings', () => {
    it('a product name finds the product first, then the cards that mention it', () => {
        expect(ids('科技履约贷')).toEqual([
            'perf-loan', // its name, aliases and body: the whole term 科技履约贷 in the boosted fields
            'tech-center', // its summary and body name 科技履约贷 (bigrams only: not its own name)
            'premium-subsidy', // its body mentions 科技履约贷 once
            // micro-loan and ip-loan share only 科技, which is in most cards and not searched
            // when the query has rarer terms.
        ]);
    });

    it('a word in most cards is still searched when the query has nothing rarer', () => {
        expect(ids('科技')).toHaveLength(5); // every card but renewal says 科技
        expect(ids('科技')[0]).toBe('tech-center'); // 科技 in its name, alias, summary and body
    });

    it('a question naming two things ranks the card holding both first', () => {
        expect(ids('履约贷的保费补贴').slice(0, 2)).toEqual([
            'premium-subsidy', // 保费补贴 is its topic and its name; its body mentions 履约贷
            'perf-loan', // 履约贷 is its alias, but it says nothing of 补贴
        ]);
    });

    it('a pledge question finds only the IP card, in either language', () => {
        expect(ids('专利质押')).toEqual(['ip-loan']); // 专利质押贷款 is its alias; no other card mentions 质押
        expect(ids('IP pledge')).toEqual(['ip-loan']); // its English alias "IP pledge loan"
    });

    it('a guarantee question finds the micro loan first', () => {
        expect(ids('担保小额贷款')[0]).toBe('micro-loan'); // 担保 and 小额贷款 are its topics; the others only share 贷款
    });

    it('a contact question finds the organization', () => {
        expect(ids('科技创业中心电话')[0]).toBe('tech-center'); // its alias 科技创业中心 and its phone label 咨询电话
    });

    it('a document number finds the policy issued under it', () => {
        expect(ids('沪科〔2025〕212号')[0]).toBe('premium-subsidy'); // its doc_number, boosted
    });

    it('the kind filter keeps only the kinds asked for', () => {
        expect(ids('科技履约贷', { kind: 'organization' })).toEqual(['tech-center']);
        expect(ids('科技履约贷', { kind: ['policy', 'organization'] })).toEqual(['tech-center', 'premium-subsidy']);
        expect(ids('科技履约贷', { kind: 'product' })).toEqual(['perf-loan']);
    });

    it('limit defaults to 5 and is capped at 20, at least 1', () => {
        // "loan" is in all six cards.
        expect(ids('loan')).toHaveLength(5);
        expect(ids('loan', { limit: 2 })).toHaveLength(2);
        expect(ids('loan', { limit: 0 })).toHaveLength(1);
        expect(ids('loan', { limit: 500 })).toHaveLength(6);
        expect(ids('loan', { limit: Number.NaN })).toHaveLength(5);
    });
});

describe('tolerance', () => {
    it('traditional characters find the same cards as simplified ones', () => {
        expect(ids('科技履約貸')).toEqual(ids('科技履约贷'));
    });

    it('a mistyped Chinese product name still finds the product', () => {
        // 带 for 贷: read as 科技微贷通 with one wrong character.
        const r = index.search('科技微带通');
        expect(r.results[0]?.id).toBe('micro-loan');
        expect(r.confident).toBe(true);
    });

    it('a mistyped English word still finds the product', () => {
        // "perfomance" is in no card: searched with one edit allowed.
        expect(ids('perfomance bond')[0]).toBe('perf-loan');
    });
});

describe('hits', () => {
    it('carry the card fields the fronts show', () => {
        const hit = index.search('科技履约贷').results[0]!;
        const card = snapshot.items.get('perf-loan')!;
        expect(hit).toMatchObject({
            id: 'perf-loan',
            kind: 'product',
            title: { zh: '科技履约贷', en: 'Performance Bond Insurance Loan' },
            summary: card.summary,
            contacts: ['tech-center'],
            expired: false,
        });
        expect(hit.sources).toEqual(card.sources);
        expect(hit.score).toBeGreaterThan(0);
    });

    it('an organization has no contacts of its own', () => {
        expect(index.search('科技创业中心').results[0]).toMatchObject({ id: 'tech-center', contacts: [] });
    });

    it('snippets come from the text of the query language, around the matched words', () => {
        const zh = index.search('过桥资金').results[0]!;
        expect(zh.id).toBe('renewal');
        expect(zh.snippet).toContain('过桥资金');
        const en = index.search('bridge money').results[0]!;
        expect(en.id).toBe('renewal');
        expect(en.snippet).toContain('bridge money');
    });

    it('the lang option overrides the guess from the query', () => {
        const r = index.search('科技履约贷', { lang: 'en' });
        expect(r.lang).toBe('en');
        expect(r.results[0]!.snippet).toMatch(/[a-z]/);
        expect(r.results[0]!.snippet).not.toMatch(/\p{Script=Han}{3}/u);
    });

    it('the index carries the snapshot version', () => {
        expect(index.version).toBe(snapshot.version);
    });
});
