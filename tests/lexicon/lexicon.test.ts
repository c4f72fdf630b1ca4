/**
 * One reading of the firm's words: the same golden cases through both
 * fronts that read them — the typed answers of the guided match
 * (bot/questionnaire.ts) and the statements of a free question
 * (match/understand.ts) — on the shipped synonyms.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTyped } from '../../src/bot/conversation/questionnaire.ts';
import { createLexicon, findAmounts, type Lexicon } from '../../src/core/lexicon/lexicon.ts';
import { understandQuestion } from '../../src/core/match/understand.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;
let lexicon: Lexicon;
beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
    lexicon = service.lexicon();
});

const typed = (step: Parameters<typeof parseTyped>[1], text: string) => parseTyped({}, step, text, lexicon);
const stated = (text: string) => understandQuestion(text, lexicon).fields;

const AMOUNTS: [string, number][] = [
    ['500万', 500],
    ['五百万', 500],
    ['两千万', 2000],
    ['一千五百万', 1500],
    ['1.5亿', 15_000],
    ['一亿五千万', 15_000],
    ['1亿5000万', 15_000],
    ['3,000,000元', 300],
    ['3000000元', 300],
    ['¥300万', 300],
    ['3 million', 300],
    ['30m CNY', 3000],
    ['RMB 5 million', 500],
    ['2 billion yuan', 200_000],
    ['两个亿', 20_000],
    ['3个亿', 30_000],
];

describe('amounts, in every common form', () => {
    it.each(AMOUNTS)('%j is %d 万元 as a typed answer', (text, wan) => {
        expect(typed('amount', text)).toEqual({ amountWan: wan });
    });

    it.each(AMOUNTS)('%j is %d 万元 in a question', (text, wan) => {
        expect(stated(`我们想贷款${text}`)).toMatchObject({ amountWan: wan });
        expect(stated(`We need a loan of ${text}`)).toMatchObject({ amountWan: wan });
    });

    it('finds no amount in words that only look like one', () => {
        for (const text of ['单位：万元', '有十几项专利', '30 employees', '高企贷', '万一贷不到']) expect(findAmounts(text), text).toEqual([]);
    });
});

describe('qualifications, with the staff synonyms', () => {
    it.each([
        ['高新企业', 'high-tech'],
        ['高新技术企业', 'high-tech'],
        ['HNTE', 'high-tech'],
        ['专精特新“小巨人”', 'srdi-little-giant'],
        ['科技小巨人', 'tech-little-giant'],
        ['SRDI', 'srdi'],
    ] as const)('%j is %s in both fronts', (word, value) => {
        expect(typed('qualifications', word)).toEqual({ qualifications: [value] });
        expect(stated(`我们是${word}`).qualifications).toEqual([value]);
    });

    it('takes a stage word from synonyms.yaml at the stage step', () => {
        // 初创企业 is in the shipped group [初创, 初创期, 初创企业, 创业企业, start-up, …].
        expect(typed('stage', '初创企业')).toEqual({ stage: 'startup' });
        expect(createLexicon([]).lookup('stage', '初创企业')).toBeUndefined();
    });

    it('drops a synonym group that would mean two values', () => {
        expect(createLexicon([['高企', '专精特新', 'both']]).lookup('qualifications', 'both')).toBeUndefined();
        expect(createLexicon([['高企', 'hi-tech firm']]).lookup('qualifications', 'hi-tech firm')).toBe('high-tech');
    });
});

describe('negation: a denied title is not held', () => {
    it.each(['还没有高企认定', '我们还没有拿到高企', '我们不是高新技术企业', 'not yet high-tech', 'we are not an HNTE'])(
        '%j in a question',
        (text) => {
            const fields = stated(text);
            expect(fields.qualifications).toBeUndefined();
            expect(fields.qualificationsLacking).toEqual(['high-tech']);
        },
    );

    it('keeps a claim beside a denial', () => {
        expect(stated('我们是专精特新企业，但还没有高企认定')).toMatchObject({ qualifications: ['srdi'], qualificationsLacking: ['high-tech'] });
    });

    it('ends the denial where a founder typing without punctuation leaves a space, or says what the firm is instead', () => {
        // Read on to the end, 还不是 denied both titles.
        for (const text of ['我们还不是小巨人 只是高新技术企业', '我们还不是小巨人只是高新技术企业']) {
            expect(stated(text), text).toEqual({ qualifications: ['high-tech'], qualificationsLacking: ['tech-little-giant'] });
        }
        expect(stated('我们不是高企而是专精特新')).toEqual({ qualifications: ['srdi'], qualificationsLacking: ['high-tech'] });
        expect(stated('我们不是专精特新 也不是高企')).toEqual({ qualificationsLacking: ['srdi', 'high-tech'] });
    });

    it.each([
        ['还没有高企认定', []],
        ['not yet high-tech', []],
        ['有专精特新，还没有高企认定', ['srdi']],
    ] as const)('%j as the answer to the qualifications step', (text, held) => {
        expect(typed('qualifications', text)).toEqual({ qualifications: held });
    });

    it('makes a product that requires the denied title ineligible', () => {
        const m = service.match({ question: '我们还没有高企认定，想贷款500万' }).matches.find((x) => x.id === 'gaoqidai')!;
        expect(m.eligibility).toBe('ineligible');
        expect(service.match({ question: '我们是高新企业，想贷款500万' }).matches.find((x) => x.id === 'gaoqidai')!.eligibility).not.toBe(
            'ineligible',
        );
    });

    it('leaves a question about a product alone', () => {
        for (const text of ['高企贷有哪些合作银行', '小巨人信用贷怎么申请', '高新技术企业可以申请什么贷款']) {
            expect(stated(text).qualifications, text).toBeUndefined();
            expect(stated(text).qualificationsLacking, text).toBeUndefined();
            expect(typed('qualifications', text), text).toBeUndefined();
        }
    });
});

describe('question forms that hold a claiming or denying word', () => {
    it.each(['有没有针对高新技术企业的贷款', '是不是高新技术企业才能申请', '有没有专精特新的贷款'])('%j says nothing of the firm', (text) => {
        expect(stated(text).qualifications).toBeUndefined();
        expect(stated(text).qualificationsLacking).toBeUndefined();
    });

    it('the question form is read whole however far before the title it stands', () => {
        // Twelve characters and more between them once cut 有没有 to 没有, a denial.
        for (const text of [
            '有没有哪家银行专门给专精特新、高新企业做纯信用贷的？',
            'is there a bank that lends to SRDI or high-tech firms without collateral?',
        ]) {
            expect(stated(text).qualificationsLacking, text).toBeUndefined();
            expect(stated(text).qualifications, text).toBeUndefined();
        }
    });

    it('the statement beside such a question is still read', () => {
        expect(stated('我们是高企，有没有专精特新的贷款')).toEqual({ qualifications: ['high-tech'] });
        expect(stated('我们还不是高企，有没有别的贷款').qualificationsLacking).toEqual(['high-tech']);
    });
});

describe('statements in the ways founders make them', () => {
    it('a title stated as a clause of its own, or as awarded, is claimed; one applied for is not held', () => {
        expect(stated('高新技术企业，需要流动资金')).toMatchObject({ qualifications: ['high-tech'], needs: ['working-capital'] });
        expect(stated('我们今年刚评上小巨人').qualifications).toEqual(['tech-little-giant']);
        expect(stated('已入库科技型中小企业').qualifications).toEqual(['tech-sme']);
        expect(stated('高企还在申请中')).toEqual({ qualificationsLacking: ['high-tech'] });
        expect(stated('高企证书还在申请中，还没下来')).toEqual({ qualificationsLacking: ['high-tech'] });
        expect(stated('高企证书申请下来了')).toEqual({ qualifications: ['high-tech'] });
        // Asking about the title is not claiming it.
        expect(stated('高新技术企业有哪些贷款？').qualifications).toBeUndefined();
    });

    it('an English claim word speaks of the firm only when the sentence speaks of us, or opens with "as a"', () => {
        for (const text of [
            'Who feeds the bank the list of certified high-tech firms for gaoqidai?',
            'Must the company be registered in Shanghai and hold the HNTE certificate to apply?',
            "Which firms count as a 'tech SME' for the risk compensation?",
        ])
            expect(stated(text).qualifications, text).toBeUndefined();
        expect(stated("We're a certified HNTE but a first-time borrower. Any priority?").qualifications).toEqual(['high-tech']);
        expect(stated('As a high-tech enterprise, which loans fit?').qualifications).toEqual(['high-tech']);
        expect(stated('Our company holds the HNTE certificate. What can it get?').qualifications).toEqual(['high-tech']);
        expect(stated('Our founder had late payments. Company itself is a certified HNTE. Does that matter?').qualifications).toEqual(['high-tech']);
    });

    it('a Chinese title spelt in pinyin, joined or by syllable, is the title', () => {
        expect(stated("who qualifies for that credit loan? we're gaoxin but not SRDI")).toMatchObject({
            qualifications: ['high-tech'],
            qualificationsLacking: ['srdi'],
        });
        expect(stated('we are Zhuan Jing Te Xin, can we apply?').qualifications).toEqual(['srdi']);
        expect(stated('we are a kejixiaojuren firm').qualifications).toEqual(['tech-little-giant']);
        // Inside a longer word it names nothing: gaoqidai is a product, not the title 高企.
        expect(stated('we want gaoqidai').qualifications).toBeUndefined();
    });

    it('a title closing a list of what the firm is, with no question, is claimed; alone it may be a topic asked of', () => {
        expect(stated('我们营收5000万左右，员工80人，高新技术企业').qualifications).toEqual(['high-tech']);
        expect(stated('我们需要500万流动资金，高企').qualifications).toEqual(['high-tech']);
        expect(stated('50 staff, revenue 20 million, HNTE').qualifications).toEqual(['high-tech']);
        expect(stated('高新技术企业').qualifications).toBeUndefined();
        expect(stated('贷款利率多少，高新技术企业？').qualifications).toBeUndefined();
    });

    it('English denials in contracted or past forms, and a title held "only", are read', () => {
        expect(stated("our company isn't HNTE, we only have tech SME status, sales 6 million")).toMatchObject({
            qualifications: ['tech-sme'],
            qualificationsLacking: ['high-tech'],
        });
        expect(stated('actually we lost the HNTE status this year')).toEqual({ qualificationsLacking: ['high-tech'] });
        expect(stated('we are no longer SRDI')).toEqual({ qualificationsLacking: ['srdi'] });
    });

    it('a title whose certificate expired or lapsed is not held', () => {
        expect(stated('更正一下：高企证书去年过期了，还没重新认定')).toEqual({ qualificationsLacking: ['high-tech'] });
        expect(stated('our HNTE certificate expired last year')).toEqual({ qualificationsLacking: ['high-tech'] });
        expect(stated('the SRDI status lapsed in March')).toEqual({ qualificationsLacking: ['srdi'] });
        // Said to have come through after the title, it is held; asked whether it has, or said not to have, it is not.
        expect(stated('对了，我们的高企证书上个月刚下来').qualifications).toEqual(['high-tech']);
        expect(stated('高企认定通过了吗').qualifications).toBeUndefined();
        expect(stated('高企证书上个月还没下来')).toEqual({ qualificationsLacking: ['high-tech'] });
        // A loan falling due is no title lapsing.
        expect(stated('我们是高企，贷款下个月到期').qualifications).toEqual(['high-tech']);
    });

    it('an English title got, obtained or granted is claimed, as 拿到 and 获得 are', () => {
        expect(stated('wait, we got the tech SME registration last week').qualifications).toEqual(['tech-sme']);
        expect(stated('we obtained HNTE status in 2023').qualifications).toEqual(['high-tech']);
        expect(stated('we were recognised as a Sci-Tech Little Giant last year').qualifications).toEqual(['tech-little-giant']);
    });

    it('patents held, said with "do" or "also" or counted in words, are intellectual property', () => {
        expect(stated('correction: we do have two invention patents').hasIntellectualProperty).toBe(true);
        expect(stated('we also own a couple of patents').hasIntellectualProperty).toBe(true);
        expect(stated('we have three software copyrights and five patents').hasIntellectualProperty).toBe(true);
    });

    it('revenue named before or after the amount, in 亿 and million forms', () => {
        expect(stated('年收入两个亿左右').annualRevenueWan).toBe(20_000);
        expect(stated('大概五千万的营业额').annualRevenueWan).toBe(5000);
        expect(stated('revenue around RMB 80 million').annualRevenueWan).toBe(8000);
        expect(stated('想贷两千万').amountWan).toBe(2000);
        expect(stated('revenue is about RMB 3 million').annualRevenueWan).toBe(300);
        // The one figure of a message that names revenue and no loan is the revenue, whatever stands between them.
        expect(stated('营收说错了，是两千万')).toEqual({ annualRevenueWan: 2000 });
        expect(stated('sorry, the revenue figure was wrong: 30 million')).toEqual({ annualRevenueWan: 3000 });
        expect(stated('营收说错了，想贷两千万')).toEqual({ amountWan: 2000 });
        // The same figure said again in another unit is that figure, not a second one.
        expect(stated('revenue was around RMB 30 million in 2024 i.e. 3000万, 40 staff')).toMatchObject({ annualRevenueWan: 3000 });
        expect(stated('revenue was around RMB 30 million in 2024 i.e. 3000万, 40 staff').amountWan).toBeUndefined();
    });
});
