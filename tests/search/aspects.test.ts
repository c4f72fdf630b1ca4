/**
 * Golden aspect readings, on the shipped `knowledge/aspects.yaml`: each
 * expected aspect is the card field a right answer is taken from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { createAspectReader, type AspectReader } from '../../src/core/search/aspects.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let reader: AspectReader;

beforeAll(async () => {
    const { snapshot } = await loadKnowledge(SHIPPED_KNOWLEDGE);
    reader = createAspectReader(snapshot!.aspects);
});

const cases: [question: string, aspect: string | undefined, why: string][] = [
    ['高企贷最长能贷几年？', 'term', '最长 + 几年 ask for the loan term (terms.term), not the amount'],
    ['科技履约贷最多能贷多少', 'amount', '最多能贷 asks for the amount; 多少 alone is not taken twice by an overlapping word'],
    ['微贷通出了坏账政府担多少？', 'risk-sharing', 'colloquial: 坏账 and 担多少 ask who bears a bad loan (terms.risk_sharing)'],
    ['高企貸的利率怎麼定', 'rate', 'traditional 貸/麼 fold to simplified before the words are looked for'],
    ['利律是多少', 'rate', 'the common typo 利律 is listed with 利率'],
    [
        '履约贷刚开始试点那会儿，是跟哪几家银行合作的？',
        'partner-banks',
        '哪几家银行 (partner banks) outweighs 刚开始/试点 (history, a broad aspect counted at 3/4)',
    ],
    ['2024—2025年度的科技信贷保费补贴，覆盖的是哪段时间还款的企业？', 'subsidy', 'the repayment window of a subsidy is the subsidy'],
    ['到2024年6月底，上海有知识产权质押贷款存量的企业一共多少户？', 'figures', '存量, 一共, 多少户 ask for a statistic'],
    ['高企贷找谁办理', 'contact', '找谁 asks whom to contact'],
    ['What phone number can I call at PBOC Shanghai Head Office?', 'contact', 'phone and call are contact words'],
    [
        'Do we need to file an application to get part of our Weidaitong guarantee fee refunded?',
        'how-to-apply',
        '"file an application" is the longest aspect phrase; fee and refund come second',
    ],
    [
        'After the guarantor issues its guarantee for a Weidaitong loan, how soon does the bank lend?',
        'processing-time',
        '"how soon" asks for a processing time',
    ],
    ['Is there a separate fund?', undefined, 'English words match whole: "rate" is not read inside "separate"'],
    ['科创助力贷', undefined, 'a bare name asks no aspect: the answer is the summary'],
    ['What is the rate of Huke Zhuandai?', 'rate', '"what is" frames the question: the overview is asked only when nothing else is'],
];

describe('aspect reading', () => {
    it.each(cases)('%s → %s (%s)', (question, aspect) => {
        expect(reader.read(question).primary).toBe(aspect);
    });

    it('lists the secondary aspects after the primary one', () => {
        // fee and subsidy are asked too: a front may offer them as follow-ups.
        const aspects = reader
            .read('Do we need to file an application to get part of our Weidaitong guarantee fee refunded?')
            .aspects.map((a) => a.aspect);
        expect(aspects.slice(0, 3)).toEqual(['how-to-apply', 'fee', 'subsidy']);
    });

    it('tells a comparison question', () => {
        // 区别 asks to compare; the items are resolved by the search index, not here.
        expect(reader.read('履约贷和微贷通有什么区别').comparison).toBe(true);
        expect(reader.read('What is the difference between Gaoqidai and Huke Zhuandai?').comparison).toBe(true);
        expect(reader.read('履约贷怎么申请').comparison).toBe(false);
    });

    it('reads a four-character word said with words between its halves, or turned round, in one clause', () => {
        // 风险分担 is listed; founders say 风险怎么分担 and 分担风险.
        expect(reader.read('科技履约贷的风险怎么分担？').primary).toBe('risk-sharing');
        expect(reader.read('这个产品怎么分担风险').primary).toBe('risk-sharing');
        // The words read are the text's own, so that they can be cut out of it.
        expect(reader.read('科技履约贷的风险怎么分担？').words).toEqual(['风险', '分担']);
        // Not across clauses, not turned round with words between, not by question words (什么…银行).
        expect(reader.read('风险大不大，分担给谁').primary).not.toBe('risk-sharing');
        expect(reader.read('银行那边有什么补偿机制').primary).not.toBe('partner-banks');
    });

    it('reads the other half of a word whose question-word half sits in a word read for the same aspect', () => {
        // 多久能 and 多久放款 are processing-time words: in "要多久能放款", 放款 is the aspect's word, not one of its own.
        expect(reader.read('要多久能放款').words).toEqual(['多久能', '放款']);
        // With no word of the aspect read beside it, 放款 stays a word of its own.
        expect(reader.read('放款银行是哪家').words).not.toContain('放款');
    });

    it('classifies statements for passages', () => {
        // A card fact naming partner banks and an amount speaks of both.
        expect(reader.classify('合作银行为中国银行上海市分行，各5000万元额度').sort()).toEqual(['amount', 'partner-banks']);
    });
});

describe('a slip in an English aspect word', () => {
    it('is read as the word when no card holds what was typed: a letter added, dropped or two swapped inside it', async () => {
        const { snapshot } = await loadKnowledge(SHIPPED_KNOWLEDGE);
        // The cards' words, as a stand-in for the index: a word is known when a card's text holds it.
        const cards = [...snapshot!.items.values()].map((i) => JSON.stringify(i).toLowerCase()).join(' ');
        const slips = createAspectReader(snapshot!.aspects, (w) => new RegExp(`\\b${w}`).test(cards));
        expect(slips.read('how to aply for seamless renewal').primary).toBe('how-to-apply');
        expect(slips.read('what documnets do I need for gaoqidai').primary).toBe('documents');
        expect(slips.read('whats the deadine for the premium subsidy').primary).toBe('window');
        // One letter changed makes another word (change, not charge), a last letter another form (disburse).
        expect(slips.read('what will STCSM change next in the policy').aspects.map((a) => a.aspect)).not.toContain('fee');
        expect(slips.read('how quickly does the bank disburse').aspects.map((a) => a.aspect)).not.toContain('figures');
        // Without the cards' words, nothing is taken for a slip.
        expect(reader.read('how to aply for seamless renewal').primary).not.toBe('how-to-apply');
    });

    it('is read as the word when a doubled letter stands at the wrong place (aplly for apply)', async () => {
        const { snapshot } = await loadKnowledge(SHIPPED_KNOWLEDGE);
        const cards = [...snapshot!.items.values()].map((i) => JSON.stringify(i).toLowerCase()).join(' ');
        const slips = createAspectReader(snapshot!.aspects, (w) => new RegExp(`\\b${w}`).test(cards));
        expect(slips.read('how to aplly for seamless renewal').primary).toBe('how-to-apply');
        // The same letters doubled elsewhere and another letter changed as well is no slip.
        expect(slips.read('how to aplli for seamless renewal').primary).not.toBe('how-to-apply');
    });
});

describe('a question word of one language before a word of the other', () => {
    it('reads the aspect word the two make: a mixed message splits the phrase where the script changes', () => {
        expect(reader.read('高企贷有哪些 banks').primary).toBe('partner-banks');
        expect(reader.read('gaoqidai 2023年以后加进来的是哪类 banks？').primary).toBe('partner-banks');
        expect(reader.read('which 银行 can we go to for 高企贷').primary).toBe('partner-banks');
        // The pair is longer than the word of either script in it: "什么 documents" asks for the papers, as "what documents" does.
        expect(reader.read('申请高企贷要准备什么 documents').primary).toBe('documents');
        expect(reader.read('申请高企贷要 what 材料').primary).toBe('documents');
        // The words read are the message's own, to be cut out of it.
        expect(reader.read('高企贷有哪些 banks').words).toEqual(['哪些 banks']);
    });

    it('reads nothing when the two make no aspect word', () => {
        expect(reader.read('高企贷是什么 scheme').primary).not.toBe('partner-banks');
        expect(reader.read('which 产品 suits a start-up').aspects).toEqual([]);
    });
});

describe("a count inside a question word's phrase", () => {
    it('is the question word\'s: "which eight banks" asks which banks, "哪8家银行" 哪几家银行', () => {
        expect(reader.read('Which eight banks were in the 2019 pilot?').primary).toBe('partner-banks');
        expect(reader.read('which 5 banks joined later').primary).toBe('partner-banks');
        expect(reader.read('首批是哪8家银行').primary).toBe('partner-banks');
        // A count elsewhere is a count: "eight banks committed 50 billion" asks no bank list.
        expect(reader.read('how much did the eight banks commit').primary).not.toBe('partner-banks');
    });
});

describe('a list asked for', () => {
    it('asks which ones: "list every bank", "name all the banks", "tell me the banks"', () => {
        expect(reader.read('Please list every bank that does huke zhuandai.').primary).toBe('partner-banks');
        expect(reader.read('name all the banks that lend it').primary).toBe('partner-banks');
        expect(reader.read('tell me the banks for gaoqidai').primary).toBe('partner-banks');
        // Banks said with no list asked are no list of them.
        expect(reader.read('every bank charges a fee').primary).not.toBe('partner-banks');
        expect(reader.read('tell me the rate at the bank').primary).not.toBe('partner-banks');
    });
});

describe('"close to" a figure', () => {
    it('is nearness, not the closing date of the window', () => {
        expect(reader.classify('In 2022, 194 tech firms got renewals worth close to 1 billion yuan')).not.toContain('window');
        expect(reader.read('when does the voucher scheme close?').primary).toBe('window');
        expect(reader.read('is it close to closing?').primary).toBe('window');
    });
});

describe('an English adverb of an aspect word', () => {
    it('is the word said as its adjective too: "how quick" is "how quickly", "automatic" stays itself', () => {
        expect(reader.read('how quick is a loan through the xinyidai platform').primary).toBe('processing-time');
        expect(reader.read('how quickly does the bank lend').primary).toBe('processing-time');
        // "automatically" is "automatic"; a word that only ends in "ly" ("apply") keeps its letters.
        expect(reader.read('is it granted automatic').primary).toBe(reader.read('is it granted automatically').primary);
        expect(reader.read('do we need to app').primary).toBeUndefined();
    });
});

describe('a Chinese question word with 几 before its measure word', () => {
    it('is the word without it: 哪几类企业 is 哪类企业, 哪几家银行 is 哪家银行', () => {
        expect(reader.read('沪科专贴支持哪几类企业').primary).toBe('eligibility');
        expect(reader.read('沪科专贴支持哪类企业').primary).toBe('eligibility');
        // 哪些 takes no 几: nothing is made of it.
        expect(reader.read('哪几些企业').primary).toBeUndefined();
    });
});
