/** A card as passages: each field with its aspect, its own sources and its status. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { createAspectReader } from '../../src/core/search/aspects.ts';
import { isAbsence, passagesOf } from '../../src/core/search/passages.ts';
import { createSearchIndex } from '../../src/core/search/index.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let snapshot: KnowledgeSnapshot;

beforeAll(async () => {
    snapshot = (await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!;
});

describe('passages of a card', () => {
    it('gives each structured field its aspect, its own source keys and its status', () => {
        const passages = passagesOf(snapshot.items.get('keji-lvyuedai')!, createAspectReader(snapshot.aspects).classify);
        const at = (field: string) => passages.find((p) => p.field === field)!;
        expect(at('terms.risk_sharing')).toMatchObject({ aspects: ['risk-sharing'], sources: ['S4'], status: 'outdated', typed: true });
        expect(at('terms.amount')).toMatchObject({ sources: ['S12'], status: 'current', absence: true });
        expect(at('how_to_apply.0').aspects[0]).toBe('how-to-apply');
        // Facts carry no aspect of their own: a year reads as history, a counted figure as figures.
        expect(at('facts.2').aspects).toEqual(expect.arrayContaining(['history', 'figures']));
        expect(passages.filter((p) => p.field.startsWith('body.zh.')).length).toBeGreaterThan(2);
        expect(passages.every((p) => !p.field.startsWith('body.') || p.sources.length === 0)).toBe(true);
    });

    it('reads a date something must be done by as a deadline, not a date around which or before which loans fall due', () => {
        const classify = createAspectReader(snapshot.aspects).classify;
        const at = (id: string, field: string) => passagesOf(snapshot.items.get(id)!, classify).find((p) => p.field === field)!;
        // "…并须在2025年6月30日前…完成信用自查" / "by 30 June 2025": when the self-check must be done.
        const selfCheck = passagesOf(snapshot.items.get('premium-subsidy')!, classify).find((p) => /6月30日前/.test(p.text.zh ?? ''))!;
        expect(selfCheck.aspects).toContain('window');
        // "2022年3月18日前后一周" is a week around a date; "2027年9月30日前到期的…贷款" says which loans, not by when to act.
        expect(at('kechuang-zhulidai', 'facts.1').aspects).not.toContain('window');
        const renewal = passagesOf(snapshot.items.get('seamless-renewal')!, classify).filter((p) => /9月30日前到期/.test(p.text.zh ?? ''));
        expect(renewal.length).toBeGreaterThan(0);
        expect(renewal.every((p) => p.field.startsWith('application') || !p.aspects.includes('window'))).toBe(true);
    });

    it('tells a statement of what the sources lack', () => {
        expect(isAbsence('来源中未找到现行额度上限。')).toBe(true);
        expect(isAbsence('The sources give no phone, address or website.')).toBe(true);
        expect(isAbsence('推出时公布的损失分担为政府70%（现行比例未经确认）。')).toBe(false);
    });

    it('says of a note of absence which aspects it is that are not given: its own sentences and a typed field its own', () => {
        const classify = createAspectReader(snapshot.aspects).classify;
        const apply = passagesOf(snapshot.items.get('huke-zhuandai')!, classify).find((p) => p.field === 'how_to_apply.0')!;
        // "…which draws on the relending line. … No direct application channel was found.": the line is no missing amount.
        expect(apply.absence).toBe(true);
        expect(apply.aspects).toContain('amount');
        expect(apply.absentOf).toContain('how-to-apply');
        expect(apply.absentOf).not.toContain('amount');
        // "No source gives the amount, rate, term, partner banks or application channel": each of them.
        const note = passagesOf(snapshot.items.get('xiaojuren-xinyongdai')!, classify).find((p) => p.absence && p.field.startsWith('notes'))!;
        expect(note.absentOf).toEqual(expect.arrayContaining(['amount', 'rate', 'term']));
        // A passage that notes nothing missing has none.
        expect(passagesOf(snapshot.items.get('keji-lvyuedai')!, classify).find((p) => p.field === 'terms.risk_sharing')!.absentOf).toBeUndefined();
    });

    it("ranks a card's passages for a question, the field holding the aspect first", () => {
        const index = createSearchIndex(snapshot);
        const reading = index.read('微贷通的担保费是多少');
        expect(reading.named.map((n) => n.id)).toEqual(['keji-weidaitong']);
        expect(index.passages('keji-weidaitong', reading)[0]!.passage.field).toBe('terms.fees');
    });

    it("a hit's passages and snippet read after other searches are those read at once", () => {
        // The hits after the first rank their passages only when read (knowledge-index.ts `toHit`).
        const question = '科技型中小企业贷款的担保费和贴息';
        const fresh = createSearchIndex(snapshot).search(question);
        const atOnce = fresh.results.map((h) => ({ snippet: h.snippet, passages: h.passages }));
        expect(atOnce.length).toBeGreaterThan(2);
        expect(atOnce.slice(1).some((h) => h.passages.length > 0)).toBe(true);
        const index = createSearchIndex(snapshot);
        const later = index.search(question);
        index.search('高企贷的合作银行有哪些');
        index.search('what is the premium subsidy for lvyuedai');
        expect(later.results.map((h) => ({ snippet: h.snippet, passages: h.passages }))).toEqual(atOnce);
        expect(JSON.parse(JSON.stringify(later.results[1]))).toMatchObject({ snippet: atOnce[1]!.snippet });
    });

    it('reads the items a question names, typos included', () => {
        const index = createSearchIndex(snapshot);
        // 科技微带通 is one character off 科技微贷通; 高企 alone is a word, not the name 高企贷.
        expect(index.read('科技微带通多少钱').named.map((n) => n.id)).toEqual(['keji-weidaitong']);
        expect(index.read('Which banks handle Huke Zhuantie?').named.map((n) => n.id)).toEqual(['huke-zhuantie']);
    });

    it('words the cards themselves write are not a typo of a name one character away', () => {
        const index = createSearchIndex(snapshot);
        // 上海科技 is one character off 上海科委 (an alias of stcsm), but 海科 and 科技 are both written on the cards: the founder
        // asks about 上海科技型企业, not the commission. A slip such as 微带 is written nowhere.
        expect(index.read('24年二季度末上海科技型企业贷款余额有多少').named.map((n) => n.id)).toEqual([]);
        expect(index.read('科技微带通的担保费').named.map((n) => n.id)).toEqual(['keji-weidaitong']);
    });

    it('a character that makes a word of the language with its neighbour inside the name is that word, not a slip', () => {
        const index = createSearchIndex(snapshot);
        // 上海科技大学 is one character off 上海科委 (stcsm) and 上海人才 off 上海人行 (pboc-shanghai), but 科技 and 人才 are
        // words: a university and a talent scheme, no commission nor central bank. A slip stands alone: 高企代, 科技履约带.
        expect(index.read('上海科技大学研究生招生要什么条件').named.map((n) => n.id)).toEqual([]);
        expect(index.read('上海人才引进落户政策').named.map((n) => n.id)).toEqual([]);
        expect(index.read('高企代利率多少').named.map((n) => n.id)).toEqual(['gaoqidai']);
        expect(index.read('科技履约带的保险公司是谁').named.map((n) => n.id)).toEqual(['keji-lvyuedai']);
        // A word made with a neighbour past the name is that word too: 科技创新债券 (债券, bonds) is no slip of 科技创新券. A word
        // of grammar there is no word of the question: 履约什么的 (什么) is still read as 履约贷.
        expect(index.read('科技创新债券个人能买吗').named.map((n) => n.id)).toEqual([]);
        expect(index.read('好像叫履约什么的，能贷多久').named.map((n) => n.id)).toEqual(['keji-lvyuedai']);
    });

    it('coverage weighs words by their rarity in the whole knowledge and is comparable between cards', () => {
        const index = createSearchIndex(snapshot);
        const best = (id: string, q: string) => Math.max(...index.passages(id, index.read(q)).map((p) => p.coverage));
        // The reply's passage on loan balances holds the question's rare words; the commission's card holds none of them.
        const q = '二季度末科技型企业贷款余额同比增长多少';
        expect(best('stcsm-reply-2024-85', q)).toBeGreaterThan(0.5);
        expect(best('stcsm', q)).toBeLessThan(best('stcsm-reply-2024-85', q) - 0.3);
        // Words no card holds ("car") count in full: a car loan is not covered by any passage on loans.
        const anywhere = (q: string) => Math.max(...[...snapshot.items.keys()].map((id) => best(id, q)));
        expect(anywhere('personal car loan interest rates')).toBeLessThan(0.6);
        expect(anywhere('personal car loan interest rates')).toBeLessThan(anywhere('personal loan interest rates') - 0.1);
    });

    it('a quarter end asked in other words holds as the card says it ("end of June 2024" for "end-Q2 2024")', () => {
        const index = createSearchIndex(snapshot);
        const coverage = (q: string) => index.passages('stcsm-reply-2024-85', index.read(q)).find((p) => p.passage.field === 'facts.3')!.coverage;
        const stated = coverage('loan balance of tech firms at end-Q2 2024');
        expect(coverage('loan balance of tech firms at the end of June 2024')).toBe(stated);
        expect(coverage('loan balance of tech firms as at 30 June 2024')).toBe(stated);
        expect(coverage('科技型企业2024年6月底贷款余额')).toBe(coverage('科技型企业2024年二季度末贷款余额'));
    });

    it("a synonym stands in for the question's word: held once, and no passage is short of the synonyms it does not say", () => {
        const index = createSearchIndex(snapshot);
        const reading = index.read('loan balance at end-Q2 2024');
        // "loan" brings 贷款, 借款, 融资, borrow, financ: a passage saying "loan" holds that word whole.
        expect(reading.synonymOf?.get('借款')).toEqual(new Set(['loan']));
        const figures = index.passages('stcsm-reply-2024-85', reading).find((p) => p.passage.field === 'facts.3')!;
        expect(figures.coverage).toBe(1);
        // The search's floor against scattered words still counts every synonym as a word of its own.
        expect(figures.wordCoverage).toBeLessThan(figures.coverage);
        // Asked as 借款, the passage says only its synonym "loan": held at the synonym's share, short of the whole.
        const other = index.passages('stcsm-reply-2024-85', index.read('借款 balance at end-Q2 2024'));
        const said = other.find((p) => p.passage.field === 'facts.3')!.coverage;
        expect(said).toBeGreaterThan(0.7);
        expect(said).toBeLessThan(1);
    });
});
