import { beforeAll, describe, expect, it } from 'vitest';
import { coverage, idf, mentions } from '../../src/core/search/confidence.ts';
import { createSearchIndex, type KnowledgeIndex } from '../../src/core/search/index.ts';
import type { Concept } from '../../src/core/search/query.ts';
import { stem } from '../../src/core/search/stem.ts';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { loadFixture } from '../helpers/knowledge.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let index: KnowledgeIndex;

beforeAll(async () => {
    index = createSearchIndex(await loadFixture());
});

describe('confidence', () => {
    it.each([
        '今天上海天气怎么样',
        '火锅推荐',
        '怎么办护照',
        '帮我推荐几只股票',
        'How do I register a trademark in the United States?',
        'Can you give me some stock tips?',
        'best hot pot in Shanghai',
        'passport renewal', // shares "renewal" with a card, but the passport is the point
    ])('an off-topic question is not confident: %s', (q) => {
        expect(index.search(q).confident).toBe(false);
    });

    it.each([
        '科技履约贷怎么申请',
        '专利质押贷款',
        '贷款快到期了能续贷吗',
        'IP pledge loan',
        'loan renewal without repaying principal',
        'what does IP pledge mean',
    ])('a question about the knowledge is confident: %s', (q) => {
        expect(index.search(q).confident).toBe(true);
    });

    it('a word the segmenter does not know (公积金 → 公|积|金) is one concept again, so it counts against the card', () => {
        const e = index.explain('个人贷款利率现在多少？公积金能贷多少');
        expect(e.concepts.map((c) => c.text)).toContain('公积金');
        expect(e.concepts.find((c) => c.text === '公积金')!.covered).toBe(false);
        // Two single characters are joined only when no card writes the pair (房|贷 of 房贷利率: a mortgage, not a
        // question on loan rates) and they shorten no term (知产 of 知识产权); a verb and its complement (贷|到|款) never.
        expect(index.explain('房贷利率多少').concepts.map((c) => c.text)).toContain('房贷');
        expect(index.search('房贷利率多少').confident).toBe(false);
        expect(index.explain('只有几个专利，能贷到款吗').concepts.map((c) => c.text)).not.toContain('贷到');
        // 知产 shortens 知识产权, a term of the cards: no word of its own.
        expect(index.explain('知产质押怎么办').concepts.map((c) => c.text)).not.toContain('知产');
        expect(index.explain('只有几个专利，能贷到款吗').concepts.map((c) => c.text)).not.toContain('贷到款');
        // A word of grammar characters only (办|下来, 先去) is a complement or an adverb: no concept to count against the card.
        const registration = index.explain('银行说要先去做质押登记，这个登记一般多久能办下来？');
        expect(registration.concepts.map((c) => c.text)).not.toContain('下来');
        expect(registration.concepts.map((c) => c.text)).not.toContain('先去');
    });

    it('words most cards hold, and their synonyms, make no question about one card', () => {
        // 贷款 and loan are in most of these cards; 借款 and borrow, their synonyms, are rarer but say the same.
        for (const q of ['我们公司想贷款', 'we need a loan', '贷款']) expect(index.search(q).confident, q).toBe(false);
        // A word of one kind of loan makes it one: 专利.
        expect(index.search('我们想用专利贷款').confident).toBe(true);
    });

    it('generic words make no concept: 上海 and 企业 alone are no evidence', () => {
        const e = index.explain('上海企业');
        expect(e.concepts).toEqual([]);
        expect(e.confident).toBe(false);
    });

    it('an unknown word weighs as much as the rarest word, so a shared word cannot carry the question', () => {
        // "renewal" is in the renewal card; "passport" in none.
        const e = index.explain('passport renewal');
        expect(e.top).toBe('renewal');
        const passport = e.concepts.find((c) => c.text === 'passport')!;
        const renewal = e.concepts.find((c) => c.text === 'renewal')!;
        expect(passport.covered).toBe(false);
        expect(passport.weight).toBeGreaterThan(renewal.weight);
        expect(e.coverage).toBeLessThan(0.5);
    });

    it('the kind filter applies before confidence is judged', () => {
        // The only card about the subsidy is a policy: among organizations nothing covers 保费补贴.
        expect(index.search('保费补贴').confident).toBe(true);
        expect(index.search('保费补贴', { kind: 'organization' }).confident).toBe(false);
    });
});

describe('coverage', () => {
    const a: Concept = { text: 'a', alternatives: [['a']] };
    const b: Concept = { text: 'b', alternatives: [['b1', 'b2'], ['bb']] };
    const guess: Concept = { text: 'g', alternatives: [['g']], optional: true };

    it('is the weighted share of concepts mentioned', () => {
        expect(coverage([a, b], [1, 3], new Set(['a']))).toBe(0.25);
        expect(coverage([a, b], [1, 3], new Set(['b1', 'b2']))).toBe(0.75);
        expect(coverage([a, b], [1, 3], new Set(['bb', 'a']))).toBe(1);
        expect(coverage([], [], new Set(['a']))).toBe(0);
    });

    it('needs every term of one alternative', () => {
        expect(mentions(b, new Set(['b1']))).toBe(false);
        expect(mentions(b, new Set(['b1', 'b2']))).toBe(true);
    });

    it('counts an optional (typo) concept only when it is mentioned', () => {
        expect(coverage([a, guess], [1, 5], new Set(['a']))).toBe(1);
        expect(coverage([a, guess], [1, 5], new Set(['g']))).toBeCloseTo(5 / 6);
    });

    it('idf falls as a term gets commoner and is highest for unknown terms', () => {
        expect(idf(0, 100)).toBeGreaterThan(idf(1, 100));
        expect(idf(1, 100)).toBeGreaterThan(idf(50, 100));
        expect(idf(100, 100)).toBeLessThan(0.01);
    });
});

describe('an intensifier and the place or time word it intensifies', () => {
    it('are no words of the question ("right now" is not the rights of intellectual property)', () => {
        const terms = (q: string) => [...index.read(q).terms.keys()];
        expect(terms('Can we get the money right away after approval?')).not.toEqual(expect.arrayContaining(['right']));
        expect(terms('Can we get the money right away after approval?')).not.toContain('away');
        expect(terms('is the IP pledge right for us?')).toContain('right');
    });

    it('cannot carry an off-topic question to a card that holds "rights"', async () => {
        const shipped = createSearchIndex((await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!);
        // The premise: without "right now" the question is not confident; the phrase alone must not make it so.
        expect(shipped.search("What's the best car to borrow against?").confident).toBe(false);
        expect(shipped.search("What's the best car to borrow against right now?").confident).toBe(false);
    });
});

describe('a passage holding the question', () => {
    it("must hold more of a question that names no card: a bank's own retail loan is no 高企贷 by its partner list", async () => {
        const shipped = createSearchIndex((await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!);
        // 高企贷 holds 招商银行 among its banks, 个人 in its negative list and 利率 in its pricing: no one passage holds much.
        expect(shipped.search('招商银行的个人消费贷利率多少').confident).toBe(false);
        expect(shipped.search('Bank of China personal loan interest rate?').confident).toBe(false);
        // Named, a card needs less in one place: its name says which card.
        expect(shipped.search('What does the government cover if a Lvyue loan goes bad').confident).toBe(true);
        // Not named, a question whose words one passage holds is as confident as before.
        expect(shipped.search('when was the insurance-backed loan for tech SMEs first piloted?').confident).toBe(true);
    });
});

describe('what every offering is', () => {
    it('"scheme", "programme" name no card, as 项目 and "product" do: the other words say which', async () => {
        const shipped = createSearchIndex((await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!);
        const micro = shipped.search('tell me about the micro loan programme');
        expect(micro.confident).toBe(true);
        expect(micro.results[0]?.id).toBe('keji-weidaitong');
        // Still no card's: a scheme the knowledge does not hold.
        expect(shipped.search('pension scheme in shanghai').confident).toBe(false);
        expect(shipped.search('car loan scheme for employees').confident).toBe(false);
    });
});

describe('English contractions', () => {
    it('are function words, with the apostrophe or without it', () => {
        const terms = (q: string) => [...index.read(q).terms.keys()];
        expect(terms("we've been turned down twice; isn't there a loan for us?")).not.toEqual(expect.arrayContaining(['ve']));
        expect(terms("we've been turned down twice; isn't there a loan for us?")).not.toContain('isn');
        expect(terms('im not sure, dont know the rate')).toEqual(expect.not.arrayContaining(['im', 'dont']));
        expect(terms('im not sure, dont know the rate')).toContain(stem('rate'));
    });
});

describe('greetings, thanks and please as chat spells them', () => {
    it('are no words of the question, as 您好 and 请问 are not: no card holds them, so they weighed in full', () => {
        const terms = (q: string) => [...index.read(q).terms.keys()];
        const said = terms('hi! pls what rate does gaoqidai charge, thx');
        for (const word of ['hi', 'pls', 'thx']) expect(said).not.toContain(stem(word));
        expect(said).toContain(stem('rate'));
        expect(terms('hey, the term of lvyuedai plz, thanks and cheers')).toEqual(
            expect.not.arrayContaining(['hey', 'plz', 'thanks', 'cheers'].map(stem)),
        );
    });
});

describe('an acknowledgement opening a follow-up, and where money "went"', () => {
    it('are no words of the question: no card holds them, so they weighed in full against every card', () => {
        const terms = (q: string) => [...index.read(q).terms.keys()];
        const q = 'ok and how much relief lending went to tech firms in Shanghai by mid-2024?';
        for (const word of ['ok', 'went', 'go']) expect(terms(q)).not.toContain(stem(word));
        expect(terms('okay, alright, what about the term of lvyuedai')).toEqual(expect.not.arrayContaining(['okay', 'alright'].map(stem)));
    });
});

describe('"more" after a verb that asks to be told', () => {
    it('is how much is asked, no word of the question ("tell me more" is not "five more banks")', () => {
        const terms = (q: string) => [...index.read(q).terms.keys()];
        const more = stem('more');
        expect(terms('tell me more about the loan')).not.toContain(more);
        expect(terms('I would like to know a bit more about it')).not.toContain(more);
        // A comparative keeps it.
        expect(terms('which one lends more?')).toContain(more);
    });
});

describe('a word a card writes only inside a hyphenated compound', () => {
    it('is not held for a question that says it alone ("high" of high-tech, "time" of first-time)', async () => {
        const shipped = createSearchIndex((await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!);
        // gaoqidai writes "high-tech" and "first-time", never "high" or "time" alone: "too high" and "a good moment in
        // time" are no words of its.
        expect(shipped.search('is my personal car loan rate too high').confident).toBe(false);
        // Said with the compound's parts side by side, it is the compound: the card is found as before.
        expect(shipped.search('high tech enterprise loan rate').confident).toBe(true);
        expect(shipped.search('high tech enterprise loan rate').results[0]?.id).toBe('gaoqidai');
        expect(shipped.search('priority for first time borrowers on gaoqidai?').confident).toBe(true);
    });

    it('is held when the question says the compound with "of" between its parts ("end of June" for end-June)', async () => {
        const shipped = createSearchIndex((await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!);
        // The reply's card writes "end" only in end-June, end-Q2 and end-2023.
        const covered = (q: string, word: string) => shipped.explain(q).concepts.find((c) => c.text === word)?.covered;
        expect(covered('loan balance of tech firms at the end of June 2024, in the reply to proposal 1205', 'end')).toBe(true);
        expect(covered('loan balance of tech firms at end-June 2024, in the reply to proposal 1205', 'end')).toBe(true);
        // Said with other words between, it is no part of the compound.
        expect(covered('at the end, how big was the loan balance of tech firms in June 2024, in the reply to proposal 1205', 'end')).toBe(false);
    });
});
