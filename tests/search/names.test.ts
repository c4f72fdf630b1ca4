/**
 * What names a card, on the shipped knowledge: a name or alias whole, a
 * long piece of one, a short name left over; never a word a firm
 * describes itself with, even where a card's alias holds it
 * (专精特新 of 专精特新20条 on the 2025 SRDI measures).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortNamed } from '../../src/core/answer/subject.ts';
import { profileWords } from '../../src/core/search/documents.ts';
import { CutNameTable, LooseNameTable } from '../../src/core/search/loose-names.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
});

afterAll(() => service.close());

const named = (text: string) => service.read(text).named.map((n) => n.id);

describe('profile words', () => {
    it('are the vocabulary labels and the synonyms grouped with one', () => {
        const words = profileWords([
            ['专精特新', '专精特新中小企业', 'SRDI'],
            ['科委', '市科委'],
        ]);
        expect(words).toEqual(expect.arrayContaining(['专精特新中小企业', '专精特新', 'SRDI', '高新技术企业', '首贷']));
        expect(words).not.toContain('科委');
    });

    it('name no card when they are only a piece of an alias', () => {
        const srdi = service.getItem('srdi-measures-2025')!;
        // The premise: an alias of the measures holds the qualification as a piece cut at a number.
        expect(srdi.aliases.zh.some((a) => a.startsWith('专精特新') && /\d/.test(a))).toBe(true);
        expect(named('专精特新企业的贷款余额现在多少')).not.toContain('srdi-measures-2025');
        expect(shortNamed(service.snapshot(), ['专精特新'])).toEqual([]);
    });

    it('leave the names themselves naming', () => {
        expect(named('专精特新若干措施有哪些内容')).toContain('srdi-measures-2025');
        // A piece that is a number, not a word of the firm: the document number names its reply.
        expect(named('沪科提复〔2024〕85号的联系人是谁')).toContain('stcsm-reply-2024-85');
        // A short word of an organization's names that is a synonym but no firm's word still names it.
        expect(shortNamed(service.snapshot(), ['科委']).map((i) => i.id)).toContain('stcsm');
    });
});

describe('names spelt in pinyin', () => {
    it('count beside names written in characters or aliases, where a Han homophone does not', () => {
        // zhulidai is no alias: it is heard as the pinyin of 科创助力贷's last syllables, beside the alias lvyuedai.
        expect(service.getItem('kechuang-zhulidai')!.aliases.en.map((a) => a.toLowerCase())).not.toContain('zhulidai');
        expect(named('how many firms were recommended for lvyuedai / zhulidai in March 2022')).toEqual(
            expect.arrayContaining(['keji-lvyuedai', 'kechuang-zhulidai']),
        );
        // A character of the same sound beside a written name is not read as a second name (旅约 beside 高企贷).
        expect(named('高企贷和旅约贷')).toEqual(['gaoqidai']);
    });

    it('answer about the card spelt in pinyin when it holds the fact', () => {
        const answer = service.answer('In the week around 18 March 2022, how many firms were recommended for lvyuedai / zhulidai?', { lang: 'en' });
        expect(answer.item?.id).toBe('kechuang-zhulidai');
        expect(answer.text).toContain('about 20 firms');
    });
});

describe('English names said by most of their words', () => {
    it('name the card whose name the question holds three words of, close together and telling', () => {
        expect(named('On the performance bond loan, if a borrower defaults, what does the insurer take?')).toEqual(['keji-lvyuedai']);
        // Three words of "tech innovation relending facility" beat two of 沪科专贷's "PBOC relending".
        expect(named('PBOC tech innovation relending tool — what rate do banks get it at?')).toEqual(['tech-innovation-relending']);
        const answer = service.answer('PBOC tech innovation relending tool — what rate do banks get it at?', { lang: 'en' });
        expect(answer.item?.id).toBe('tech-innovation-relending');
        expect(answer.text).toContain('1.75%');
    });

    it('name nothing from two words, common words, or words far apart', () => {
        // Two words of "guarantee fee refund" are a phrase many cards use (微贷通's guarantee fee).
        expect(named('who do I pay the guarantee fee to, and how much is it')).toEqual([]);
        // Three of the four words of "sci-tech micro loan", none of them telling.
        expect(named('is there a sci-tech loan for us')).toEqual([]);
        expect(named('our performance was good last year; the bank wants a bond before it will consider any loan')).toEqual([]);
    });
});

describe('LooseNameTable', () => {
    const table = new LooseNameTable([
        { id: 'a', names: ['alpha beta gamma delta'] },
        { id: 'b', names: ['alpha beta gamma epsilon'] },
        { id: 'c', names: ['zeta eta theta'] },
    ]);
    const telling = () => true;

    it('names none of two names the question holds equally', () => {
        expect(table.find('tell me about alpha beta gamma', telling)).toBeUndefined();
        expect(table.find('tell me about alpha beta gamma delta', telling)?.id).toBe('a');
    });

    it('reads the words in any order, and not those of a name already named', () => {
        expect(table.find('theta and zeta', telling)).toBeUndefined();
        expect(table.find('theta eta zeta', telling)).toEqual({ id: 'c', heard: 'theta_eta_zeta' });
        expect(table.find('theta eta zeta', telling, new Set(['c']))).toBeUndefined();
        expect(table.find('theta eta zeta', (w) => w === 'eta')).toBeUndefined();
    });
});

describe('an English name with its last word cut short', () => {
    it('names the card ("risk comp" of credit risk compensation), and answers of it', () => {
        expect(named('risk comp 2024-25 pot size?')).toEqual(['credit-risk-compensation']);
        expect(named('Under the 2012 credit risk comp pilot, at what NPL level did the govt step in?')).toEqual(['credit-risk-compensation']);
        expect(service.answer('risk comp 2024-25 pot size?', { lang: 'en' }).text).toMatch(/1 billion yuan/);
        // A cut word alone, or one the cards write, names nothing.
        expect(named("what's the comp for this?")).toEqual([]);
    });
});

describe('an English name said without its last word of kind', () => {
    it('names the card when the synonyms make it one with a whole name of that card ("IP pledge" = 知识产权质押)', () => {
        const ip = service.getItem('ip-pledge-financing')!;
        // The premise: the card's English names say "IP pledge" only with a kind word after it, and 知识产权质押 is an alias.
        expect([ip.name_en, ...ip.aliases.en].some((n) => /^ip[ -]pledge$/i.test(n))).toBe(false);
        expect(ip.aliases.zh).toContain('知识产权质押');
        expect(named('IP pledge: how big was the balance in mid-2024?')).toEqual(['ip-pledge-financing']);
        // A cut that is a firm's own title, tied to no name of the card, names nothing: "High-Tech Enterprise" of
        // "High-Tech Enterprise Loan".
        expect(named('we are a high-tech enterprise with 40 staff')).not.toContain('gaoqidai');
    });
});

describe('CutNameTable', () => {
    const table = new CutNameTable([
        { id: 'a', names: ['alpha betagamma'] },
        { id: 'b', names: ['delta betagamma'] },
        { id: 'c', names: ['alpha betazeta'] },
    ]);
    const unknown = () => false;

    it('reads every word but the last whole and in order, the last begun by a cut word no card writes', () => {
        expect(table.find('what about alpha betag?', unknown)).toEqual({ id: 'a', heard: 'alpha_betag' });
        expect(table.find('what about delta beta here', unknown)).toEqual({ id: 'b', heard: 'delta_beta' });
        // Too short, written whole, known to the cards, out of order, or the start of two names: none.
        expect(table.find('alpha bet', unknown)).toBeUndefined();
        expect(table.find('alpha betagamma', unknown)).toBeUndefined();
        expect(table.find('alpha betag', () => true)).toBeUndefined();
        expect(table.find('betag alpha', unknown)).toBeUndefined();
        expect(table.find('alpha beta', unknown)).toBeUndefined();
    });
});

describe('an English name said shorter', () => {
    it('names the card its English name or alias starts with Shanghai for', () => {
        const alliance = service.getItem('kechuang-finance-alliance')!;
        // The premise: the alliance's English names all start with the city, none is written without it.
        expect([alliance.name_en, ...alliance.aliases.en].some((n) => /^Shanghai Sci-Tech Finance Alliance$/i.test(n))).toBe(true);
        expect([alliance.name_en, ...alliance.aliases.en].some((n) => /^sci-tech finance alliance$/i.test(n))).toBe(false);
        expect(named('which institutions sit in the STCSM sci-tech finance alliance?')).toContain('kechuang-finance-alliance');
        expect(named('what does the Sci-Tech Entrepreneurship Center do for start-ups')).toContain('shanghai-tech-entrepreneurship-center');
    });

    it('names the card by a part of its name before a parenthesis', () => {
        const rediscount = service.getItem('huke-zhuantie')!;
        expect(rediscount.name_en).toMatch(/^Shanghai Sci-Tech Special Rediscount \(/);
        expect(named("what's the sci-tech special rediscount")).toContain('huke-zhuantie');
        // A part of one word is no name: the year in "… Grow (2025)".
        expect(named('what changed in 2025')).not.toContain('srdi-measures-2025');
    });

    it('leaves the city itself and a one-word remainder naming nothing', () => {
        expect(named('what loans does Shanghai offer tech firms')).toEqual([]);
        // "Shanghai guarantee fund centre" leaves three words; "Shanghai xinyidai" would leave one, and is no new name.
        expect(named('what is the guarantee fund centre')).toContain('sme-financing-guarantee-fund');
    });
});
