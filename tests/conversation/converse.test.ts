/**
 * The conversation module on the shipped knowledge: each turn read against
 * the state the turns before left. Expected facts are read from the cards
 * themselves, so a staff edit of a value does not break the test, while a
 * turn answered about the wrong item or aspect does.
 */
import { presentMatch } from '../../src/core/present/match.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { converse, type Turn } from '../../src/core/conversation/converse.ts';
import { checkFocus, checkMatched, MAX_FOCUS, MAX_MATCHED, type ConversationState } from '../../src/core/conversation/state.ts';
import {
    asksForMatch,
    asksSomething,
    asksWhatFirmMayGet,
    changesTopic,
    correctsEarlier,
    languageAsked,
    pickedPlaces,
} from '../../src/core/conversation/intent.ts';
import { intends, meantIn, notAbout, notAsked } from '../../src/core/answer/reading.ts';
import { pointedWithNoun } from '../../src/core/answer/subject.ts';
import type { ProductItem } from '../../src/core/knowledge/schema.ts';
import { presentAnswer } from '../../src/core/present/answer.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
});

afterAll(() => service.close());

/** Runs the turns from an empty state; returns every turn. */
function talk(...messages: string[]): Turn[] {
    let state: ConversationState = {};
    return messages.map((m) => {
        const turn = converse(service, state, m, { defaultLang: 'zh' });
        state = turn.state;
        return turn;
    });
}

function answerOf(turn: Turn | undefined) {
    expect(turn?.reply.kind).toBe('answer');
    return (turn!.reply as Extract<Turn['reply'], { kind: 'answer' }>).answer;
}

const product = (id: string) => service.getItem(id) as ProductItem;

describe('focus', () => {
    it('a question of fit with nothing named is of the item in focus, whatever the firm says of itself', () => {
        // keji-lvyuedai is for 科技型中小微企业, gaoqidai for recognised high-tech firms: the answer is gaoqidai's condition.
        const turns = talk('高企贷是什么', '我们是科技型中小企业，能申请吗');
        const a = answerOf(turns[1]);
        expect(a.item?.id).toBe('gaoqidai');
        expect(a.text).toContain('高新技术企业');
    });

    it('"would we fit?" asks the conditions of the item in focus, as 符合吗 does', () => {
        const turns = talk('what is weidaitong', 'we have been around for two years, sales around 8 million yuan; would we fit?');
        const a = answerOf(turns[1]);
        expect(a.item?.id).toBe('keji-weidaitong');
        // keji-weidaitong's eligibility: start-ups with annual sales of 2 to 10 million yuan at launch.
        expect(a.facts[0]!.field).toMatch(/^eligibility/);
    });

    it('an ellipsis with a question of its own may say a short word of another name as a word', () => {
        // 风险 is most of a short name of the credit risk compensation; 科创助力贷 is a risk-sharing loan and holds the rest.
        const a = answerOf(talk('科创助力贷是什么', '那风险由谁承担？')[1]);
        expect(a.item?.id).toBe('kechuang-zhulidai');
        // With nothing but the word, the ellipsis names: "那专贴呢" asks of 沪科专贴.
        expect(answerOf(talk('沪科专贷的利率是多少', '那专贴呢')[1]).item?.id).toBe('huke-zhuantie');
    });

    it('an ellipsis with a question of its own goes where its words lead, as any follow-up does', () => {
        // The self-check deadline (2025-06-30) is on premium-subsidy's card, not on keji-lvyuedai's.
        const a = answerOf(talk('lvyuedai 的 premium subsidy 需要我们自己申请吗', '那 credit self-check 截止是哪天')[1]);
        expect(a.item?.id).toBe('premium-subsidy');
        expect(a.text).toContain('2025年6月30日');
    });

    it('an English compound of a common word and the aspect word ("loan term") tells no card apart: the focus answers', () => {
        // tech-finance-plan-2025 writes "loan term" (up to 5 years for slow-cash working capital), keji-lvyuedai only "term".
        const turns = talk('lvyuedai good for us?', 'loan term 最长多久?');
        const a = answerOf(turns[1]);
        expect(a).toMatchObject({ item: { id: 'keji-lvyuedai' }, aspect: 'term' });
        expect(a.facts[0]!.field).toMatch(/^terms\.term/);
    });

    it('keeps the item of the last answer for a pronoun', () => {
        const turns = talk('高企贷是什么', '它有哪些合作银行');
        const a = answerOf(turns[1]);
        expect(a).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'partner-banks', confident: true });
        // The first partner-bank entry of the card is the answer.
        expect(a.facts[0]!.field).toMatch(/^terms\.partner_banks\./);
        expect(turns[1]!.state.focus).toEqual({ items: ['gaoqidai'], aspect: 'partner-banks', field: a.facts[0]!.field });
    });

    it('keeps it for an English "its"', () => {
        const a = answerOf(talk('What is the Huke Zhuandai?', "what's its interest rate?")[1]);
        expect(a).toMatchObject({ item: { id: 'huke-zhuandai' }, aspect: 'rate', lang: 'en' });
        expect(a.text).toContain(product('huke-zhuandai').terms!.rate!.en.slice(0, 20));
    });

    it('is replaced by a new item, and the pronoun then means the new one', () => {
        const turns = talk('高企贷是什么', '沪科专贴是什么', '它的利率呢');
        expect(turns[1]!.state.focus?.items).toEqual(['huke-zhuantie']);
        expect(answerOf(turns[2]).item?.id).toBe('huke-zhuantie');
    });

    it('a correction of the item meant asks the last question again of it ("哦不对，我问的是微贷通", "打错了 是高企贷")', () => {
        const turns = talk('科技履约贷的风险怎么分担？', '哦不对，我问的是微贷通');
        expect(answerOf(turns[0])).toMatchObject({ item: { id: 'keji-lvyuedai' }, aspect: 'risk-sharing' });
        expect(answerOf(turns[1])).toMatchObject({ item: { id: 'keji-weidaitong' }, aspect: 'risk-sharing' });
        const english = talk('What is the rate of Huke Zhuandai?', 'sorry, I meant Gaoqidai');
        expect(answerOf(english[1])).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'rate' });
        // 我指的是 / 我说的是 say "I meant", after an interjection in either language too.
        const meant = talk('科技履约贷的风险怎么分担？', 'no no 我指的是微贷通');
        expect(answerOf(meant[1])).toMatchObject({ item: { id: 'keji-weidaitong' }, aspect: 'risk-sharing' });
        // What it is not, then "I mean": the last question again, of what was meant (seamless-renewal facts: 2022年194户).
        const scope = talk(
            'How much seamless renewal did Shanghai banks do in H1 2024?',
            'not all companies; I mean the 2022 number for tech firms only',
        );
        expect(answerOf(scope[1])).toMatchObject({ item: { id: 'seamless-renewal' } });
        expect(answerOf(scope[1]).text.slice(0, 400)).toContain('194');
        const said = talk('科技履约贷的风险怎么分担？', '不不，我说的是微贷通');
        expect(answerOf(said[1])).toMatchObject({ item: { id: 'keji-weidaitong' }, aspect: 'risk-sharing' });
        // A note that the card lacks a phone, naming where else to ask (请通过市科委…查询), is no other scope of the same
        // figure: "是市科委的咨询电话" asks the commission.
        const elsewhere = talk('科技创业中心电话多少', '说错了，是市科委的咨询电话');
        expect(answerOf(elsewhere[1])).toMatchObject({ item: { id: 'stcsm' }, aspect: 'contact' });
        // More ways to say so, each a correction that carries the last question (更正一下, 搞混了, 应该是, typo, correction:).
        for (const [first, then, id, aspect] of [
            ['微贷通最多贷多少', '更正一下，我问的是履约贷', 'keji-lvyuedai', 'amount'],
            ['科技履约贷怎么申请', '哦我搞混了，应该是科技微贷通', 'keji-weidaitong', 'how-to-apply'],
            ["what's the rate on gaoqidai?", 'sorry typo, huke zhuandai', 'huke-zhuandai', 'rate'],
        ] as const) {
            expect(answerOf(talk(first, then)[1]), then).toMatchObject({ item: { id }, aspect });
        }
        // A passage stating no figure that names another item beside its own ("与沪科专贷配套") is no scope of a figure:
        // "是沪科专贷——它的首贷企业有多少家" asks 沪科专贷.
        expect(answerOf(talk('沪科专贴是哪年推出的', '我打错了，是沪科专贷——它的首贷企业有多少家')[1]).item?.id).toBe('huke-zhuandai');
        // What it is not, then what it is: the one it is not is set aside, and the last question goes on.
        const not = talk('科技履约贷的期限多长', '我说的不是履约贷，是微贷通');
        expect(answerOf(not[1])).toMatchObject({ item: { id: 'keji-weidaitong' }, aspect: 'term' });
        // 不好意思 / 抱歉 are "sorry"; 我是想问 says what was meant as 我问的是 does. 想问一下 alone asks a new question.
        const sorry = talk('高企贷的利率多少？', '不好意思，我是想问沪科专贷');
        expect(answerOf(sorry[1])).toMatchObject({ item: { id: 'huke-zhuandai' }, aspect: 'rate' });
        const fresh = talk('高企贷的利率多少？', '不好意思，想问一下沪科专贷怎么申请');
        expect(answerOf(fresh[1])).toMatchObject({ item: { id: 'huke-zhuandai' }, aspect: 'how-to-apply' });
    });

    it('echoes the question as the founder wrote it, the words that correct included', () => {
        const turns = talk('无缝续贷是什么', '不对，我问的是高企贷');
        expect(answerOf(turns[1]).question).toBe('不对，我问的是高企贷');
    });

    it('what the question sets aside is not its subject ("除了高企贷，还有哪些…", "besides X, what else", "not X - the other ones")', () => {
        // Named and set aside: another card answers, never the one set aside.
        for (const [asked, aside] of [
            ['除了高企贷，还有哪些产品面向高新技术企业', 'gaoqidai'],
            ['besides gaoqidai, which loans are for high-tech enterprises?', 'gaoqidai'],
            ['高企贷以外，还有什么贷款适合高新技术企业', 'gaoqidai'],
        ] as const) {
            const a = answerOf(talk(asked)[0]);
            expect(a.item?.id, asked).toBeDefined();
            expect(a.item?.id, asked).not.toBe(aside);
        }
        // After an answer, "the other ones" with the item set aside: where the rest of the words lead.
        const pboc = answerOf(talk('which loan products are for high-tech enterprises?', 'not gaoqidai - the other ones, the PBOC lines')[1]);
        expect(pboc.item?.id).not.toBe('gaoqidai');
        expect(pboc.text.slice(0, 300)).toMatch(/沪科专贷|Huke Zhuandai|relending/);
        // Nothing left but "what else": the next item the focus's card relates, not set aside, on the aspect asked before.
        const turns = talk('科技型中小微企业有哪些政府风险共担的贷款？', '除了科创助力贷和履约贷，还有哪个？');
        expect(answerOf(turns[0]).item?.id).toBe('kechuang-zhulidai');
        expect(answerOf(turns[1]).item?.id).toBe('keji-weidaitong');
        // A question that sets nothing aside is read as before; so is one asking no others of the kind, but of what the
        // card set aside holds beside it (tech-branches: 科技金融专营机构 as well as 科技支行).
        expect(answerOf(talk('高企贷面向哪些企业')[0]).item?.id).toBe('gaoqidai');
        expect(answerOf(talk('除了科技支行，银行还能设什么样的科技金融专营机构？')[0]).item?.id).toBe('tech-branches');
    });

    it('a correction that says what was meant in plain words ("sorry, I meant the IP loan") goes where they lead, with the last question', () => {
        // ip-pledge-financing facts: 1,636 firms had IP-pledge loans outstanding at end-June 2024; "IP loan" is no name of it.
        const plain = talk('How many firms got weidaitong loans?', 'sorry, I meant the IP loan');
        expect(answerOf(plain[1])).toMatchObject({ item: { id: 'ip-pledge-financing' }, confident: true });
        expect(answerOf(plain[1]).text.slice(0, 300)).toContain('1,636');
        // A need's words in what was meant name the item meant, and tell nothing of the firm: the IP-pledge count, no match.
        const ones = talk('How many firms got relief loans?', 'no wait, I meant the IP-pledge ones');
        expect(answerOf(ones[1])).toMatchObject({ item: { id: 'ip-pledge-financing' }, confident: true });
        expect(answerOf(ones[1]).text.slice(0, 300)).toContain('1,636');
        expect(ones[1]!.state.profile).toBeUndefined();
        // What was meant of the firm is told of it.
        expect(talk('what is gaoqidai?', 'sorry, I meant we want an IP pledge loan')[1]!.state.profile?.needs).toContain('ip-pledge');
        // Two interjections before "I meant" ("no wait"), as before one.
        const wait = talk('What is the rate of Huke Zhuandai?', 'no wait, I meant Gaoqidai');
        expect(answerOf(wait[1])).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'rate' });
        // What it says was not meant is no word of the question, in either language; a question that is no correction keeps it.
        expect(meantIn('wait no, I meant the risk compensation the banks get, not the premium subsidy. what ratio?')).not.toMatch(/subsidy/);
        expect(meantIn('不对，我说的是风险补偿，不是保费补贴。比例多少')).not.toMatch(/保费补贴/);
        expect(meantIn('can we apply if we are not high-tech?')).toBe('can we apply if we are not high-tech?');
        // An ellipsis that does not say "I meant" is still of the focus, whatever card its words find.
        expect(answerOf(talk('How many firms got weidaitong loans?', 'what about in 2021?')[1]).item?.id).toBe('keji-weidaitong');
    });

    it('saying what the last question meant to ask ("不對，我要問的是高新技術企業的") asks it again of that, and tells nothing about the firm', () => {
        // stcsm-reply-2024-85 facts.3 (and the 高企贷 card): 高新技术企业贷款余额7280.16亿元.
        const turns = talk('专精特新企业贷款余额多少', '不對，我要問的是高新技術企業的');
        expect(answerOf(turns[1]).text).toContain('7280.16');
        expect(turns[1]!.state.profile).toBeUndefined();
        // A correction that says what the firm is still changes the profile.
        const told = talk('专精特新企业贷款余额多少', '说错了，我们是高新技术企业');
        expect(told[1]!.state.profile?.qualifications).toContain('high-tech');
    });

    it('a comparison that goes on from the last answer is of the year it named, and "哪个" after a pair chooses between them', () => {
        // gaoqidai / xiaojuren-xinyongdai facts: 2021年高企贷向3983家企业放款1521.63亿元; 小巨人信用贷向187家企业放款35.49亿元.
        const turns = talk('2021年高企贷放了多少', '那跟小巨人信用贷比，哪个放得多');
        const a = answerOf(turns[1]);
        expect(a.status).toBe('comparison');
        expect(a.text).toContain('1521.63亿元');
        expect(a.text).toContain('35.49亿元');
        // "服务" of the question is a word of the public credit *service* centre's name: the pair stays the subject.
        const pair = talk('高企贷和小巨人信用贷2021年', '哪个服务的企业多');
        expect(
            answerOf(pair[1])
                .comparison?.items.map((i) => i.id)
                .sort(),
        ).toEqual(['gaoqidai', 'xiaojuren-xinyongdai']);
        expect(answerOf(pair[1]).text).toContain('3983');
        // After a figure of one item, "跟6月末比哪个多" compares within it (ip-pledge-financing: 6月末 163.55亿元), though
        // 6月末 is also the date of the relief loans' figure.
        const one = talk('知识产权质押贷款2024年一季度末余额多少', '跟6月末比哪个多，6月末是多少');
        expect(answerOf(one[1]).item?.id).toBe('ip-pledge-financing');
        expect(answerOf(one[1]).text).toContain('163.55');
    });

    it('an ellipsis whose own form says what it asks ("要我们自己去申请吗") asks that, not the aspect asked before', () => {
        // premium-subsidy application: 免申即享：无需申请; the term asked of 履约贷 before does not go on.
        const turns = talk('科技履约贷的期限多长', '那保费补贴需要我们自己去申请吗');
        const a = answerOf(turns[1]);
        expect(a.item?.id).toBe('premium-subsidy');
        expect(a.text.split('。')[0]).toContain('免申即享');
    });

    it('goes back to the topic before an aside ("回到刚才那个贷款", "ok back to the loan")', () => {
        const turns = talk('科技微贷通适合哪些企业', '顺便问下科委地址在哪', '回到刚才那个贷款，担保费率多少');
        expect(answerOf(turns[1]).item?.id).toBe('stcsm');
        expect(answerOf(turns[2])).toMatchObject({ item: { id: 'keji-weidaitong' }, aspect: 'fee' });
        // The aside is now the topic one back.
        expect(turns[2]!.state.focus?.before?.items).toEqual(['stcsm']);
        const english = talk(
            'Tell me about the IP pledge loan',
            'btw when did the Xinyidai platform open?',
            'ok back to the loan - where is the pledge registered?',
        );
        expect(answerOf(english[2]).item?.id).toBe('ip-pledge-financing');
    });

    it('"which one had more … by April 2025" after two items: each side by what it states of that year, not what each is', () => {
        const turns = talk('What are Huke Zhuandai and Huke Zhuantie?', 'which one had more outstanding by April 2025?');
        const a = answerOf(turns[1]);
        expect(a.comparison?.items.map((i) => i.id).sort()).toEqual(['huke-zhuandai', 'huke-zhuantie']);
        // Both sides lead with the card's passage dated April 2025 (the cumulative amounts), not the summaries.
        const [left, right] = a.facts;
        expect(new Set([left!.item, right!.item]).size).toBe(2);
        for (const f of [left!, right!]) {
            expect(f.text).toContain('2025');
            expect(f.field).not.toBe('summary');
            expect(a.text).toContain(f.text);
        }
        // "ok, different thing" changes the topic; it asks to compare nothing.
        const other = talk('how many firms registered on the xinyidai platform?', 'ok different thing — when did gaoqidai start?');
        expect(answerOf(other[1]).comparison).toBeUndefined();
        expect(answerOf(other[1]).item?.id).toBe('gaoqidai');
    });

    it('a message saying it changes the topic is read apart from the item in focus, unless it points back', () => {
        expect(changesTopic('ok, switching topics: how long does IP pledge registration take now?')).toBe(
            'how long does ip pledge registration take now?',
        );
        expect(changesTopic('换个话题，知识产权质押登记要多久')).toBe('知识产权质押登记要多久');
        expect(changesTopic('what is the new rate?')).toBeUndefined();
        const a = answerOf(talk('gaoqidai partner banks?', 'ok, switching topics: how long does IP pledge registration take now?')[1]);
        expect(a.item?.id).not.toBe('gaoqidai');
        expect(a.text.slice(0, 200)).toMatch(/3 working days/);
        const b = answerOf(
            talk('Tell me about the Xinyidai platform', 'Unrelated - what was the loan balance to SRDI firms in Shanghai at mid-2024?')[1],
        );
        expect(b.item?.id).toBe('stcsm-reply-2024-85');
        // "its" still points at the focus.
        expect(answerOf(talk("What's Gaoqidai?", "another question: what's its rate?")[1]).item?.id).toBe('gaoqidai');
    });

    it('after two items side by side, "the insurance one" or 保险的那个 picks the one whose names say it, on the aspect asked', () => {
        const en = answerOf(talk('lvyuedai vs weidaitong - what are the differences', 'the insurance one, how long is the term?')[1]);
        expect(en.comparison).toBeUndefined();
        expect(en.item?.id).toBe('keji-lvyuedai');
        expect(en.aspect).toBe('term');
        const zh = answerOf(talk('微贷通和履约贷有什么区别', '保险的那个期限多长')[1]);
        expect(zh.item?.id).toBe('keji-lvyuedai');
        // A word both hold, or neither, picks nothing: the two stay side by side.
        expect(answerOf(talk('微贷通和履约贷有什么区别', '利率高的那个是哪个')[1]).comparison).toBeDefined();
    });

    it('after two items side by side, "not the discount one" or 不是贴的那个 sets one aside: the other is asked', () => {
        const en = answerOf(
            talk(
                "What's the difference between huke zhuandai and huke zhuantie?",
                'ok, not the discount one. how much has the other one lent by April 2025?',
            )[1],
        );
        expect(en.item?.id).toBe('huke-zhuandai');
        expect(en.text.slice(0, 200)).toMatch(/33\.256 billion/);
        const zh = answerOf(talk('沪科专贷和沪科专贴有什么区别', '不是贴的那个，另一个到2025年4月累计多少')[1]);
        expect(zh.item?.id).toBe('huke-zhuandai');
        // Said without setting aside, the same pointer picks the one it names.
        expect(answerOf(talk('沪科专贷和沪科专贴有什么区别', '贴的那个到2025年4月累计多少')[1]).item?.id).toBe('huke-zhuantie');
        // Two short names joined ("专贷和专贴") are set side by side as full names are, and the pointer picks from them.
        const short = talk('专贷和专贴到2025年4月各有多少', '贴的那个是多少');
        expect(answerOf(short[0]).comparison?.items.map((i) => i.id)).toEqual(['huke-zhuandai', 'huke-zhuantie']);
        expect(answerOf(short[1]).item?.id).toBe('huke-zhuantie');
    });

    it('the one item named only as what the focus is likened to ("跟高企贷一样") is measured against, not asked of', () => {
        const like = answerOf(talk('科技微贷通是什么', '是不是跟高企贷一样不收其他费用？')[1]);
        expect(like.item?.id).toBe('keji-weidaitong');
        expect(like.text.slice(0, 120)).toMatch(/担保费/);
        // Asking whether the two are alike sets them side by side.
        expect(answerOf(talk('科技微贷通是什么', '跟高企贷一样吗？')[1]).comparison).toBeDefined();
        // "like this" likens nothing to the item named after it.
        const own = answerOf(talk('what is weidaitong', 'would a lawsuit like this matter for gaoqidai eligibility?')[1]);
        expect(own.item?.id).toBe('gaoqidai');
    });

    it('"利率呢" after another card answered the offering named asks that offering, when only its card gives the aspect', () => {
        const turns = talk('科技履约贷的保费补贴比例', '利率呢');
        expect(answerOf(turns[0]).item?.id).toBe('premium-subsidy');
        expect(turns[0]!.state.focus?.named).toBe('keji-lvyuedai');
        const rate = answerOf(turns[1]);
        expect(rate.item?.id).toBe('keji-lvyuedai');
        expect(rate.aspect).toBe('rate');
        // An aspect the card that answered gives stays with it (whether the subsidy must be applied for).
        expect(answerOf(talk('科技履约贷的保费补贴比例', '那补贴要自己申请吗')[1]).item?.id).toBe('premium-subsidy');
    });

    it('"does X still work?" after the firm was told of rates X for it; "how does it work" asks what it is', () => {
        const still = talk("We're an SRDI SME", 'we are not HNTE, does huke zhuandai still work?')[1]!;
        expect(still.reply.kind).toBe('match');
        expect(still.reply.kind === 'match' && still.reply.rated).toBe(true);
        expect(talk("We're an SRDI SME", 'how does huke zhuandai work?')[1]!.reply.kind).toBe('answer');
    });

    it('"is X for us?" and "does X still fit?" ask whether it fits; after a correction the condition it differs from leads', () => {
        const first = answerOf(
            talk("We're a 12-person tech SME, revenue about RMB 5m last year, need RMB 1m working capital. Is weidaitong for us?")[0],
        );
        expect(first.item?.id).toBe('keji-weidaitong');
        expect(first.aspect).toBe('eligibility');
        const turns = talk(
            "We're a 12-person tech SME, revenue about RMB 5m last year, need RMB 1m working capital. Is weidaitong for us?",
            'Correction: revenue is actually RMB 15m, not 5m. Does weidaitong still fit?',
        );
        const rated = turns[1]!.reply;
        expect(rated.kind === 'match' && rated.rated).toBe(true);
        expect(turns[1]!.state.profile).toMatchObject({ annualRevenueWan: 1500 });
        // Of what is unmet or to confirm, the revenue band the firm is now above comes first.
        const shown = rated.kind === 'match' ? presentMatch(rated.response.matches[0]!, 'en') : undefined;
        expect(shown?.sections.find((x) => x.key === 'missing')?.lines[0]?.text).toMatch(/annual revenue .*your profile differs/);
        expect(talk('how does weidaitong fit into the reply?')[0]!.reply.kind).toBe('answer');
    });

    it('a need turned down after the firm was told of changes the match, as a statement does', () => {
        const turns = talk('我们是初创期企业，需要首贷', '不好意思，我们之前贷过款');
        expect(turns[1]!.reply.kind).toBe('match');
        expect(turns[1]!.state.profile?.needs ?? []).not.toContain('first-loan');
        // With nothing told before, it is no statement to match on.
        expect(talk('我们之前贷过款，高企贷利率多少')[0]!.reply.kind).toBe('answer');
    });

    it('a correction with a figure that says not what it is corrects the one figure told, the revenue', () => {
        const revenue = talk('我们年收入5000万，高新技术企业', '不对，是500万');
        expect(revenue[1]!.state.profile).toMatchObject({ annualRevenueWan: 500 });
        expect(revenue[1]!.state.profile?.amountWan).toBeUndefined();
        // A sum sought, said as one, is a sum sought.
        const sought = talk('我们年收入5000万，高新技术企业', '不对，我们想贷500万');
        expect(sought[1]!.state.profile).toMatchObject({ annualRevenueWan: 5000, amountWan: 500 });
        expect(talk("We're a tech SME, revenue 80 million yuan", 'sorry, 8 million')[1]!.state.profile).toMatchObject({ annualRevenueWan: 800 });
    });

    it('the unit a number is asked in ("what percentage") leads no follow-up away from the item in focus', () => {
        const turns = talk('What is the credit risk compensation scheme?', 'what percentage does the bank get back?');
        expect(answerOf(turns[1]).item?.id).toBe('credit-risk-compensation');
    });

    it('an item the firm only tells of (used, seen, heard of) is shown, while "it" stays on the item asked about', () => {
        const zh = talk('什么是科技微贷通', '我们去年办过高企贷，挺顺利的', '它的担保费是多少');
        expect(answerOf(zh[1]).item?.id).toBe('gaoqidai');
        expect(answerOf(zh[2]).item?.id).toBe('keji-weidaitong');
        const en = talk('what is weidaitong', 'we took out a gaoqidai loan back in 2022.', "what's its guarantee fee");
        expect(answerOf(en[2]).item?.id).toBe('keji-weidaitong');
        // A wish for the item named, a correction or a question turns to it.
        for (const [told, then] of [
            ['我们打算申请高企贷', '它的利率是多少'],
            ['we plan to apply for gaoqidai', "what's its rate?"],
            ['说错了，我们用的是高企贷', '它的利率是多少'],
            ['我们用过高企贷，它的额度多少？', '它的利率是多少'],
        ]) {
            expect(answerOf(talk('什么是科技微贷通', told!, then!)[2]).item?.id, told).toBe('gaoqidai');
        }
        // A wish denied is no wish ("不想要…那种"): the conversation stays on the item asked about.
        expect(intends('我们不想要履约贷那种保险的')).toBe(false);
        expect(intends("we don't want the insurance one")).toBe(false);
        expect(intends('我们准备试试履约贷')).toBe(true);
    });

    it('an item told of in the same message as a question that names nothing leaves the question on the item in focus', () => {
        for (const [first, then, focus] of [
            ['沪科专贷是什么', '我们之前办过高企贷。那这个的加权平均利率是多少', 'huke-zhuandai'],
            ['Tell me about Gaoqidai', 'Our bank also mentioned Huke Zhuandai. Anyway, which banks were in the pilot?', 'gaoqidai'],
            [
                'What is the premium subsidy for tech loans?',
                'We also have a Gaoqidai loan, but for this subsidy, do we need to apply?',
                'premium-subsidy',
            ],
        ]) {
            const turns = talk(first!, then!);
            expect(answerOf(turns[1]).item?.id, then).toBe(focus);
            // …and a next bare aspect is not asked of the item told of either.
            expect(turns[1]!.state.focus?.named, then).toBeUndefined();
        }
        // Told as done to the firm ("也给我们推过"), and asked past it ("回到刚才那个"): still the focus.
        expect(answerOf(talk('沪科专贴是什么', '上海银行也给我们推过高企贷，先不管那个。专贴能把贴现利率降多少')[1]).item?.id).toBe('huke-zhuantie');
        expect(answerOf(talk('高企贷适合什么企业', '我们也听说过小巨人信用贷。回到刚才那个，2021年放了多少')[1]).item?.id).toBe('gaoqidai');
        // In one sentence, a clause tells only when a later one turns from it ("but", 不过, 那): else the question goes on
        // about the item just told of.
        expect(answerOf(talk('高企贷是什么', '我们之前用过履约贷，利率怎么样')[1]).item?.id).toBe('keji-lvyuedai');
        // A question pointing back right after the item told of may mean it: the focus must hold more of the question.
        expect(answerOf(talk('高企贷是什么', '我们去年疫情时拿过纾困贷款。那个一共放了多少？')[1]).item?.id).toBe('relief-financing');
        // Saying which one is meant corrects; it does not tell.
        for (const then of ['我搞错了，我们要问的是沪科专贴。利率多少？', '我们用的不是专贷，是沪科专贴。利率是多少']) {
            expect(answerOf(talk('沪科专贷的利率多少', then)[1]).item?.id, then).toBe('huke-zhuantie');
        }
    });

    it('a yes-or-no question said as a verb and its denial ("要不要抵押") asks of the item in focus, not what fits', () => {
        for (const q of ['要不要抵押', '需不需要担保', '是不是信用贷款', '會不會很慢']) expect(asksSomething(q), q).toBe(true);
        // A denial said twice, or a verb denied once, asks nothing.
        for (const q of ['不对不对，我们是小巨人', '我们不需要抵押']) expect(asksSomething(q), q).toBe(false);
        const a = answerOf(talk('高企贷', '要不要抵押')[1]);
        expect(a.item?.id).toBe('gaoqidai');
    });

    it('"which suits us" after two items side by side, nothing told of the firm: whom each is for, side by side', () => {
        for (const [first, then] of [
            ['沪科专贷和沪科专贴有什么区别', '哪个适合我们这种小公司'],
            ['compare gaoqidai and weidaitong', 'which one suits us better?'],
        ]) {
            const a = answerOf(talk(first!, then!)[1]);
            expect(a.comparison?.items.length, then).toBe(2);
            expect(
                a.comparison?.rows.map((r) => r.aspect),
                then,
            ).toContain('eligibility');
        }
        // With the firm told, the pair is rated for it.
        expect(talk('我们是高新技术企业', '沪科专贷和沪科专贴有什么区别', '哪个适合我们')[2]!.reply.kind).toBe('match');
    });

    it('"is it the same as X" sets the item in focus beside X', () => {
        const a = answerOf(talk('what is huke zhuandai', 'is it the same as the PBOC tech innovation relending?')[1]);
        expect(a.comparison?.items.map((i) => i.id).sort()).toEqual(['huke-zhuandai', 'tech-innovation-relending']);
        const b = answerOf(talk('沪科专贷是什么', '跟科技创新再贷款是一回事吗')[1]);
        expect(b.comparison?.items.map((i) => i.id).sort()).toEqual(['huke-zhuandai', 'tech-innovation-relending']);
    });

    it('"how much has been lent" after an item asks a sum: the passage stating one, though it holds no word of the question', () => {
        // ip-pledge-financing facts: "…with a balance of 16.355 billion yuan"; its how-to-apply entry states only days.
        const a = answerOf(talk('tell me about IP pledge loans', 'how much has been lent that way in Shanghai?')[1]);
        expect(a.item?.id).toBe('ip-pledge-financing');
        expect(a.text.slice(0, 200)).toMatch(/billion yuan/);
    });

    it('"its X" names the card X only when that card speaks of the item in focus; else X is a word asked of the focus', () => {
        // 信贷风险补偿's card never speaks of IP pledges; the IP card holds its own 风险"前补偿" pool and the guarantee
        // fund's deposit product: "its risk compensation" is the IP loan's.
        for (const [first, then] of [
            ['知识产权质押融资是什么', '它的风险补偿怎么算'],
            ['what is IP-pledge financing?', 'is there any risk compensation for it?'],
        ])
            expect(answerOf(talk(first!, then!)[1]).item?.id, then).toBe('ip-pledge-financing');
        // The premium subsidy's card speaks of 科技履约贷 throughout: "its premium subsidy" is that card.
        expect(answerOf(talk('科技履约贷是什么', '它的保费补贴是多少')[1]).item?.id).toBe('premium-subsidy');
        // With no word pointing back, the name named is the subject, as before.
        expect(answerOf(talk('知识产权质押融资是什么', '信贷风险补偿怎么算')[1]).item?.id).toBe('credit-risk-compensation');
    });

    it('"专精特新的呢" of a figure whose passage names that scope too: the same passage answers, not the item the word names', () => {
        const turns = talk('科技型企业贷款余额多少', '不是总的，我要专精特新企业的');
        // The reply's passage gives the balances of tech firms, SRDI firms and high-tech firms.
        expect(answerOf(turns[0]).item?.id).toBe('stcsm-reply-2024-85');
        const a = answerOf(turns[1]);
        expect(a.item?.id).toBe('stcsm-reply-2024-85');
        expect(a.text.split('。')[0]).toContain('专精特新企业');
        // A passage that does not name the new item: the item named answers ("那沪科专贴呢" after 高企贷's banks).
        const other = talk('高企贷的合作银行有哪些', '那沪科专贴呢');
        expect(answerOf(other[1]).item?.id).toBe('huke-zhuantie');
    });

    it('"那X呢" with X another name of the card in focus, named in the passage that answered: that passage again, not another of the card', () => {
        const turns = talk('上海计划建多少家持牌科技支行', '那科技特色支行呢');
        // tech-branches summary: 上海计划5年内培育30家持牌科技支行和90家科技特色支行; its facts hold a 2024 target of 10.
        expect(answerOf(turns[0]).text).toContain('90家科技特色支行');
        const a = answerOf(turns[1]);
        expect(a.item?.id).toBe('tech-branches');
        expect(a.facts[0]?.field).toBe(answerOf(turns[0]).facts[0]?.field);
        expect(a.text).toContain('90家科技特色支行');
    });

    it('keeps the aspect asked before for "那X呢"', () => {
        const a = answerOf(talk('高企贷的合作银行有哪些', '那沪科专贴呢')[1]);
        expect(a).toMatchObject({ item: { id: 'huke-zhuantie' }, aspect: 'partner-banks' });
    });

    it('"那X呢" asks the last question\'s form again: who, when, how many', () => {
        // "Who's the insurer" reads no aspect word: who runs it. keji-lvyuedai terms.partner_banks.0 says "China Pacific
        // Insurance was the insurer"; before, "what about X" showed lvyuedai's overview.
        for (const next of ['what about the performance bond loan', 'no wait, I meant the performance bond loan']) {
            const turns = talk("Who's the insurer on weidaitong?", next);
            expect(turns[0]!.state.focus?.wants).toBe('agent');
            const a = answerOf(turns[1]);
            expect(a.item?.id, next).toBe('keji-lvyuedai');
            expect(a.text.slice(0, 300), next).toMatch(/China Pacific Insurance/);
        }
        // A follow-up with a question of its own is asked by its own form.
        expect(talk("Who's the insurer on weidaitong?", 'is collateral needed for lvyuedai?')[1]!.state.focus?.wants).toBeUndefined();
    });

    it('"its partner banks" asks the banks of the item in focus, though "partner banks" is a name of the finance alliance', () => {
        const turns = talk("what's gaoqidai", 'and its partner banks?', 'which of those are state-owned?');
        const banks = answerOf(turns[1]);
        expect(banks).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'partner-banks' });
        expect(banks.facts[0]!.field).toBe('terms.partner_banks.0');
        // gaoqidai terms.partner_banks.1: the 2022 upgrade added five state-owned or national joint-stock banks.
        expect(answerOf(turns[2]).item?.id).toBe('gaoqidai');
        // A related card so named is that card: 科技履约贷's premium subsidy is the premium-subsidy card.
        expect(answerOf(talk('科技履约贷', '那它的保费补贴要我自己去申请吗')[1]).item?.id).toBe('premium-subsidy');
    });

    it('"the partner banks", with no word pointing back, asks the banks of the item in focus, unless the alliance is asked', () => {
        const banks = answerOf(talk("what's gaoqidai", 'what are the partner banks?')[1]);
        expect(banks).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'partner-banks' });
        expect(banks.facts[0]!.field).toMatch(/^terms\.partner_banks/);
        // xiaojuren-xinyongdai names no bank: its own gap is said, not the alliance's overview.
        const none = answerOf(talk('the little giant credit loan', 'how much can we borrow', 'who are the partner banks')[2]);
        expect(none).toMatchObject({ item: { id: 'xiaojuren-xinyongdai' }, aspect: 'partner-banks' });
        // More of the alliance's own names said: the alliance is asked.
        expect(answerOf(talk("what's gaoqidai", 'what is the partner banks alliance?')[1]).item?.id).toBe('kechuang-finance-alliance');
    });

    it('a follow-up whose only telling word is a piece of the aspect asked stays on the item in focus', () => {
        // 放款 is half of the processing-time word 多久放款; several cards write it, and it had taken the follow-up to
        // 科技履约贷 ("银行据此放款"). ip-pledge-financing's how-to-apply states the registration times.
        const a = answerOf(talk('知识产权质押贷款怎么办', '要多久能放款')[1]);
        expect(a.item?.id).toBe('ip-pledge-financing');
        expect(a.text).toMatch(/3个工作日/);
    });

    it('a last question that asked no aspect but was answered from a typed field carries that field\'s aspect to "那X呢" only', () => {
        // keji-lvyuedai terms.risk_sharing answered "the split"; weidaitong's: government 70%, guarantor 30%.
        const switched = answerOf(talk("what's the risk split on lvyuedai?", 'ok and what about weidaitong then?')[1]);
        expect(switched.item?.id).toBe('keji-weidaitong');
        expect(switched.facts[0]!.field).toBe('terms.risk_sharing');
        // A follow-up with a question of its own is read by its own words, not by the field that answered before.
        const own = answerOf(talk('is weidaitong for tiny startups?', 'how much did it lend in 2021?')[1]);
        expect(own.facts[0]!.field).not.toMatch(/^eligibility/);
    });

    it('"那X呢" with X a piece of one aspect\'s phrases only asks that aspect of the focus ("那银行呢": the partner banks)', () => {
        // huke-zhuandai terms.partner_banks: participating commercial banks, Bank of Shanghai named; the history passage
        // holds 银行 only inside 人民银行.
        const a = answerOf(talk('沪科专贷什么时候推出的', '那银行呢')[1]);
        expect(a).toMatchObject({ item: { id: 'huke-zhuandai' }, aspect: 'partner-banks' });
        expect(a.text.split('。')[0]).toContain('上海银行');
    });

    it('carries the year the last question named to "那X呢"', () => {
        const turns = talk('高企贷2021年放了多少', '小巨人信用贷呢');
        expect(turns[0]!.state.focus?.year).toBe('2021');
        const a = answerOf(turns[1]);
        // xiaojuren-xinyongdai facts: 2021年向187家企业放款35.49亿元.
        expect(a.item?.id).toBe('xiaojuren-xinyongdai');
        expect(a.text.split('。')[0]).toContain('2021');
    });

    it('carries the year to a name said alone, which asks the last question again ("not gaoqidai, the little giant credit loan")', () => {
        for (const then of ['not gaoqidai, the little giant credit loan', 'the little giant credit loan?']) {
            const a = answerOf(talk('How many firms did Gaoqidai lend to in 2021?', then)[1]);
            expect(a.item?.id, then).toBe('xiaojuren-xinyongdai');
            expect(a.text.split('. ')[0], then).toMatch(/In 2021 .*187 firms/);
        }
    });

    it('stays on the item in focus when a follow-up names no item and asks no known aspect word', () => {
        // "银行担几成" holds no aspect word; the words 银行 and the aspect asked before carry it to the risk split.
        const a = answerOf(talk('履约贷2011年的损失分担比例是怎样的', '银行担几成')[1]);
        expect(a.item?.id).toBe('keji-lvyuedai');
        expect(a.facts[0]!.field).toBe('terms.risk_sharing');
    });

    it('leaves the focus when the question plainly names something else', () => {
        const turns = talk('高企贷是什么', '科技履约贷的期限');
        expect(answerOf(turns[1]).item?.id).toBe('keji-lvyuedai');
        expect(turns[1]!.state.focus?.items).toEqual(['keji-lvyuedai']);
    });

    it('"哪个额度高" after one item and then another chooses between those two', () => {
        const a = answerOf(talk('高企贷', '那微贷通呢', '哪个额度高')[2]);
        expect(a.status).toBe('comparison');
        expect(a.comparison?.items.map((i) => i.id)).toEqual(['gaoqidai', 'keji-weidaitong']);
        // Easier, harder, simpler, quicker rank as well ("ok which is easier to get?", "哪个更容易批").
        for (const [first, then, which] of [
            ['what documents do I need for gaoqidai', 'and for huke zhuandai?', 'ok which is easier to get?'],
            ['高企贷要什么材料', '那沪科专贷呢', '哪个更容易批'],
        ] as const)
            expect(
                answerOf(talk(first, then, which)[2]).comparison?.items.map((i) => i.id),
                which,
            ).toEqual(['gaoqidai', 'huke-zhuandai']);
        // Asked to compare the two ("两个比一下", "compare the two"), the same pair.
        for (const [first, then, which] of [
            ['高企贷是什么', '那沪科专贷呢', '两个比一下'],
            ['高企贷是什么', '那沪科专贷呢', '对比一下这两个'],
            ['what is gaoqidai', 'and huke zhuandai?', 'compare the two'],
        ] as const)
            expect(
                answerOf(talk(first, then, which)[2]).comparison?.items.map((i) => i.id),
                which,
            ).toEqual(['gaoqidai', 'huke-zhuandai']);
        // "哪个银行能办" asks which bank, of the item in focus: no ranking, no pair.
        expect(answerOf(talk('高企贷', '那微贷通呢', '哪个银行能办')[2]).item?.id).toBe('keji-weidaitong');
    });

    it('sets the item in focus and one just named side by side on a word of choosing', () => {
        const a = answerOf(talk('高企贷是什么', '跟沪科专贷比，哪个利率低')[1]);
        expect(a.status).toBe('comparison');
        expect(a.comparison?.items.map((i) => i.id).sort()).toEqual(['gaoqidai', 'huke-zhuandai']);
    });

    it('asks back too when an aspect and a word or two find nothing, and never for another city', () => {
        const en = answerOf(talk("what's the max amount?")[0]);
        expect(en.clarify).toEqual({ aspect: 'amount' });
        expect(en.lang).toBe('en');
        // No product has an amount field the sources fill: those whose text speaks of amounts are offered, loans first,
        // rather than a question back with nothing to press.
        expect(en.suggestions.length).toBeGreaterThan(1);
        for (const s of en.suggestions) expect(service.getItem(s.id)?.kind).toBe('product');
        expect(answerOf(talk('how long does approval take?')[0]).clarify).toBeDefined();
        expect(answerOf(talk('苏州的贷款利率多少')[0]).clarify).toBeUndefined();
    });

    it('asks back when the only word beside the aspect is one most cards hold, written as a synonym of it', () => {
        // borrow and 借款 are synonyms of 贷款 and loan, which most cards hold: the IP-pledge card writes "borrowing", but
        // "how much can I borrow" asks it of no card in particular.
        expect(service.search('borrow').confident).toBe(false);
        expect(service.search('借款').confident).toBe(false);
        expect(answerOf(talk('how much can I borrow?')[0]).clarify).toEqual({ aspect: 'amount' });
        // A word of one kind of loan still makes it one.
        expect(service.search('can we borrow with a patent pledge').confident).toBe(true);
    });

    it('asks an aspect of a need only one offering serves of that offering, and asks back for a need several serve', () => {
        // 续贷: loan-renewal, the need of 无缝续贷 alone (read from the cards' needs, not a list of words).
        const renewal = answerOf(talk('续贷要准备什么材料')[0]);
        expect(renewal.item?.id).toBe('seamless-renewal');
        expect(renewal.clarify).toBeUndefined();
        const served = (need: string) => [...service.snapshot().items.values()].filter((i) => 'needs' in i && i.needs?.includes(need as never));
        expect([...served('loan-renewal')].length).toBe(1);
        // A loan without collateral (credit-loan) is served by several: none of them is the subject.
        expect([...served('credit-loan')].length).toBeGreaterThan(1);
        expect(answerOf(talk('无抵押贷款额度多少')[0]).item).toBeUndefined();
    });

    it("reads aspect words that together say one card's name as that card, one aspect word as that aspect asked", () => {
        // Fee and subsidy: the 保费/担保费补贴 card, whose names hold them (担保费补贴, guarantee fee subsidy).
        expect(answerOf(talk('is there any subsidy for guarantee fees')[0]).item?.id).toBe('premium-subsidy');
        expect(answerOf(talk('担保费有补贴吗')[0]).item?.id).toBe('premium-subsidy');
        // 担保费 alone asks which product's fee.
        expect(answerOf(talk('担保费多少')[0]).clarify).toEqual({ aspect: 'fee' });
    });

    it('asks back for a bare aspect with nothing in focus, then answers it for the item named next', () => {
        const turns = talk('利率多少', '高企贷');
        const first = answerOf(turns[0]);
        expect(first.clarify).toEqual({ aspect: 'rate' });
        expect(first.confident).toBe(false);
        expect(first.suggestions.length).toBeGreaterThan(0);
        // Every item offered holds a rate.
        for (const s of first.suggestions) expect(service.answerAbout(s.id, 'rate')?.status).toBe('answered');
        expect(answerOf(turns[1])).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'rate' });
        // "the X one" names the item as its name alone does: "one" stands for it and asks nothing.
        const one = talk("what's the rate?", 'the Huke Zhuandai one');
        expect(answerOf(one[1])).toMatchObject({ item: { id: 'huke-zhuandai' }, aspect: 'rate' });
        expect(answerOf(one[1]).text.slice(0, 160)).toMatch(/3\.68%/);
    });

    it('picks from the items a question back offered by their place, on the aspect asked ("利率多少" → "第二个")', () => {
        for (const [asked, pick] of [
            ['利率多少', '第二个'],
            ["what's the interest rate", 'the second one'],
        ] as const) {
            const turns = talk(asked, pick);
            const offered = answerOf(turns[0]).suggestions.map((r) => r.id);
            expect(answerOf(turns[0]).clarify).toBeDefined();
            const a = answerOf(turns[1]);
            expect(a.item?.id, pick).toBe(offered[1]);
            expect(a.aspect, pick).toBe('rate');
        }
    });

    it('a question of the list just matched is answered for each product on it ("这几个利率分别是多少", "do any of these need collateral?")', () => {
        for (const [told, asked, aspect] of [
            ['我们是高新技术企业，需要流动资金，想贷1000万', '这几个利率分别是多少', 'rate'],
            ['we are a high-tech enterprise and need working capital', 'what are the rates of these?', 'rate'],
            ['我们是高新技术企业，需要流动资金，想贷1000万', '这些都要抵押吗', undefined],
            // Its own words lead to one card (担保: 科技微贷通), but 这些 right after the list is the list.
            ['我们是初创期科技型中小企业，想借100万', '这些都需要担保吗', undefined],
            ['we are a high-tech enterprise and need working capital', 'do any of them need collateral?', undefined],
        ] as const) {
            const turns = talk(told, asked);
            const matched = turns[0]!.state.matched ?? [];
            const reply = turns[1]!.reply;
            expect(reply.kind, asked).toBe('answers');
            if (reply.kind !== 'answers') continue;
            expect(reply.answers.length, asked).toBeGreaterThanOrEqual(2);
            expect(reply.answers.map((a) => a.item?.id)).toEqual(matched.slice(0, reply.answers.length));
            for (const a of reply.answers) {
                expect(a.question).toBe(asked);
                if (aspect) expect(a.aspect, `${asked} ${a.item?.id}`).toBe(aspect);
            }
            // The list stays: "第二个" then picks its second product.
            expect(answerOf(talk(told, asked, '第二个')[2]).item?.id).toBe(matched[1]);
        }
        // A choice among all of them ("这几个哪个利率最低", "which of these is fastest") is answered for each, on the aspect
        // asked, so that all can be weighed (not the first two side by side); it does not match again.
        for (const [told2, asked2, aspect2] of [
            ['我们是高新技术企业，需要流动资金，想贷1000万', '这几个哪个利率最低', 'rate'],
            ['we are a little giant firm needing 10m for equipment', 'which of these is fastest to get?', undefined],
        ] as const) {
            const turns = talk(told2, asked2);
            const reply = turns[1]!.reply;
            expect(reply.kind, asked2).toBe('answers');
            if (reply.kind !== 'answers') continue;
            expect(reply.answers.map((a) => a.item?.id)).toEqual(turns[0]!.state.matched);
            if (aspect2) for (const a of reply.answers) expect(a.aspect).toBe(aspect2);
        }
        // Choosing with no word of the list ("那利率最低的是哪个") sets the first two side by side; two picked likewise.
        expect(answerOf(talk('我们是高新技术企业，需要流动资金，想贷1000万', '那利率最低的是哪个')[1]).comparison).toBeDefined();
        // Naming a product is not a question of each.
        expect(talk('我们是高新技术企业，需要流动资金，想贷1000万', '高企贷利率多少')[1]!.reply.kind).toBe('answer');
        // With no list just shown, "这些" asks nothing of one.
        expect(talk('高企贷是什么', '这些都要抵押吗')[1]!.reply.kind).toBe('answer');
        // "those" of what the firm told, or a question its own words find one card for, is no question of the list.
        const told = 'We hold 12 invention patents, need ~20M RMB working capital, and have no real estate to put up.';
        for (const asked of ['how could we use those to borrow?', 'how could we use these to borrow, and where does the pledge get registered?']) {
            const turns = talk(told, asked);
            expect(turns[0]!.reply.kind).toBe('match');
            expect(turns[1]!.reply.kind, asked).not.toBe('answers');
        }
    });

    it('one picked from the list to set beside the item in focus ("跟第二个比哪个好") is compared with it', () => {
        const told = '我们是初创期的科技型中小企业，没有抵押物，想借200万';
        const turns = talk(told, '第一个要什么条件', '利率呢', '跟第二个比哪个好');
        const matched = turns[0]!.state.matched ?? [];
        const a = answerOf(turns[3]);
        expect(a.comparison?.items.map((i) => i.id)).toEqual([matched[0], matched[1]]);
        expect(a.aspect).toBe('comparison');
        // Picked alone, it is the subject.
        expect(answerOf(talk(told, '第一个要什么条件', '第二个呢')[2]).item?.id).toBe(matched[1]);
    });

    it('a question of the list that names a need ("这些都是信用贷款吗") asks it of each, and tells nothing of the firm', () => {
        const turns = talk('我们是专精特新企业', '这些都是信用贷款吗');
        const reply = turns[1]!.reply;
        expect(reply.kind).toBe('answers');
        // Each answer is of its product: 信用贷款 is a word here, not the short name of the 信用贷款平台 (信易贷).
        if (reply.kind === 'answers') expect(reply.answers.map((a) => a.item?.id)).toEqual(turns[0]!.state.matched);
        expect(turns[1]!.state.profile?.needs).toBeUndefined();
    });

    it('"还有别的吗" after an answer lists the offerings the item\'s card relates; with the firm told of, what fits it', () => {
        for (const [first, others] of [
            ['科技微贷通是什么', '那还有别的吗'],
            ['what is weidaitong?', 'any others?'],
        ] as const) {
            const turns = talk(first, others);
            const reply = turns[1]!.reply;
            expect(reply.kind, others).toBe('answers');
            if (reply.kind !== 'answers') continue;
            const related = service.getItem('keji-weidaitong')!.related;
            const ids = reply.answers.map((a) => a.item!.id);
            expect(ids.length).toBeGreaterThanOrEqual(2);
            expect(ids).not.toContain('keji-weidaitong');
            for (const id of ids) expect(related).toContain(id);
            // They are the list "第二个" picks from.
            expect(answerOf(talk(first, others, '第二个')[2]).item?.id).toBe(ids[1]);
        }
        // The firm told of: what fits it.
        expect(talk('科技微贷通适合什么企业', '我们营收1500万，超了吗', '那还有别的吗')[2]!.reply.kind).toBe('match');
        // Other requirements asked of the item are its own ("还有什么要求").
        expect(answerOf(talk('科技微贷通是什么', '还有什么要求')[1]).item?.id).toBe('keji-weidaitong');
    });

    it('a question back right after a match offers the products matched, in their order', () => {
        for (const [told, asked] of [
            ['我们有一笔贷款下个月到期，资金周转有点紧', '怎么办'],
            ['we are a high-tech enterprise and need working capital', 'how to apply?'],
        ] as const) {
            const turns = talk(told, asked);
            expect(turns[0]!.reply.kind, told).toBe('match');
            const matched = turns[0]!.state.matched ?? [];
            const a = answerOf(turns[1]);
            expect(a.clarify, asked).toBeDefined();
            // The items offered are the first ones matched that give how to apply, and the text names them.
            const giving = matched.filter((id) => service.answerAbout(id, 'how-to-apply')?.status === 'answered');
            expect(a.suggestions.map((s) => s.id)).toEqual(giving.slice(0, a.suggestions.length));
            expect(a.text).toContain(a.suggestions[0]!.title[a.lang]);
            // "第一个" then answers the first product matched.
            expect(answerOf(talk(told, asked, '第一个')[2]).item?.id).toBe(giving[0]);
        }
    });

    it('sets two picked from the last match list side by side ("前两个有什么区别", "compare the first two")', () => {
        for (const [told, pick] of [
            ['我们是高企，想贷款500万', '前两个有什么区别'],
            ['we are HNTE, need 5 million', 'compare the first two'],
            ['我们是高企，想贷款500万', '第一个和第三个哪个利率低'],
        ] as const) {
            const turns = talk(told, pick);
            const matched = turns[0]!.state.matched!;
            const a = answerOf(turns[1]);
            const expected = pick.includes('第三个') ? [matched[0], matched[2]] : matched.slice(0, 2);
            expect(
                a.comparison?.items.map((i) => i.id),
                pick,
            ).toEqual(expected);
        }
        expect(pickedPlaces('第二个')).toEqual([2]);
        // In traditional characters as in simplified ones.
        expect(pickedPlaces('前兩個有什麼區別')).toEqual([1, 2]);
        expect(pickedPlaces('第一個')).toEqual([1]);
        expect(pickedPlaces('the top two')).toEqual([1, 2]);
    });

    it('picks from the last match list by its place', () => {
        const turns = talk('我们是成长期的高新技术企业，需要流动资金', '第一个的合作银行有哪些');
        expect(turns[0]!.reply.kind).toBe('match');
        const first = turns[0]!.state.matched?.[0];
        expect(first).toBeDefined();
        expect(answerOf(turns[1]).item?.id).toBe(first);
    });

    it('the item picked is the subject, and the words that picked it are not asked of it', () => {
        // "first" would otherwise be read as 首贷 (first loans), held by the credit risk compensation's first-loan bonus.
        const turns = talk('we are a high-tech enterprise with 50m revenue, which loans fit us?', 'tell me more about the first one');
        const first = turns[0]!.state.matched?.[0];
        const a = answerOf(turns[1]);
        expect(a).toMatchObject({ item: { id: first }, confident: true, question: 'tell me more about the first one' });
        // "tell me more" asks for the item itself: its summary leads, not a passage that says "five more banks".
        expect(a.text.startsWith(`${a.item!.title.en}: ${service.getItem(first!)!.summary.en}`)).toBe(true);
    });

    it('what the item is, asked before, does not carry into a follow-up with words of its own: they choose the passage', () => {
        // gaoqidai terms.rate: "Where traditional collateral is used, pricing is LPR-preferential" holds the question's word.
        const a = answerOf(talk('tell me about gaoqidai', 'is collateral needed?')[1]);
        expect(a).toMatchObject({ item: { id: 'gaoqidai' }, confident: true });
        expect(a.text).toMatch(/collateral/);
        // Another aspect still goes on: the conditions asked before answer a figure told after.
        expect(answerOf(talk('科技微贷通适合什么企业', '我们去年销售额1500万，超了吗')[1]).aspect).toBe('eligibility');
    });

    it('a bank said by its usual short name (招行, CMB) is that bank: "招行能办吗" after the partner banks finds it in the list', () => {
        // gaoqidai terms.partner_banks: the 2019 pilot banks include 招商银行 / China Merchants Bank.
        const zh = answerOf(talk('高企贷有哪些合作银行', '招行能办吗')[1]);
        expect(zh.item?.id).toBe('gaoqidai');
        expect(zh.text.slice(0, 200)).toContain('招商银行');
        const en = answerOf(talk('gaoqidai partner banks?', 'is CMB one of them?')[1]);
        expect(en.text.slice(0, 300)).toContain('China Merchants Bank');
    });

    it('an aspect the card does not give does not carry into a follow-up with words of its own', () => {
        // 科技履约贷 and 高企贷 give no documents; "要抵押吗" asks of collateral, and was answered "the sources give no documents".
        for (const [first, second] of [
            ['科技履约贷要准备哪些材料', '要抵押吗'],
            ['what documents does gaoqidai need?', 'is collateral needed?'],
        ] as const) {
            const a = answerOf(talk(first, second)[1]);
            expect(a.aspect).not.toBe('documents');
            expect(a.confident).toBe(true);
        }
        // 科创助力贷 gives no term in full (its term field says so): "要担保吗" asks of guarantees, not the term again.
        const zhulidai = answerOf(talk('科创助力贷的额度是多少', '那期限呢', '要担保吗')[2]);
        expect(zhulidai.aspect).not.toBe('term');
        expect(zhulidai.text).toMatch(/担保/);
        // gaoqidai's rate passage writes collateral: the follow-up is answered from it.
        expect(answerOf(talk('what documents does gaoqidai need?', 'is collateral needed?')[1]).text).toMatch(/collateral/);
        // An aspect the card gives goes on: a figure told after the conditions asked.
        expect(answerOf(talk('科技微贷通适合什么企业', '我们去年销售额1500万，超了吗')[1]).aspect).toBe('eligibility');
        // So does a follow-up with no words of its own.
        expect(answerOf(talk('科技履约贷的利率多少', '它呢')[1]).aspect).toBe('rate');
    });

    it('a bare aspect the item in focus does not give ("需要多久" after how to apply) says so, without a notice that it had no words', () => {
        const a = answerOf(talk('无缝续贷怎么申请', '需要多久')[1]);
        expect(a).toMatchObject({ item: { id: 'seamless-renewal' }, aspect: 'processing-time' });
        expect(presentAnswer(a, 'zh').notice).toBeUndefined();
    });

    it('a follow-up with no words of its own ("tell me more") is answered from the focus without a notice that it had none', () => {
        const turns = talk('what is gaoqidai', 'tell me more');
        const a = answerOf(turns[1]);
        expect(a).toMatchObject({ item: { id: 'gaoqidai' }, confident: true });
        expect(presentAnswer(a, 'en').notice).toBeUndefined();
        // Alone, the message is still told it had nothing to search for.
        expect(presentAnswer(service.answer('tell me more', { lang: 'en' }), 'en').notice).toBeDefined();
    });
});

describe('acknowledgements', () => {
    it('thanks or ok after an answer is acknowledged, not answered again, and the focus stays for the next pronoun', () => {
        for (const ack of ['谢谢', '好的，明白了', 'thanks!', 'ok thank you', '👍']) {
            const turns = talk('高企贷是什么', ack, '它的合作银行有哪些');
            expect(turns[1]!.reply.kind, ack).toBe('ack');
            expect(answerOf(turns[2]).item?.id, ack).toBe('gaoqidai');
        }
        // Thanks with a question is the question.
        expect(talk('高企贷是什么', '谢谢，那利率呢')[1]!.reply.kind).toBe('answer');
    });
});

describe('language asked in a message', () => {
    it('reads a request for a language, in either language, and what else the message asks', () => {
        expect(languageAsked('请用中文回答：它的利率是怎么定的')).toEqual({ lang: 'zh', rest: '它的利率是怎么定的' });
        expect(languageAsked('switch to english. who can apply?')).toEqual({ lang: 'en', rest: 'who can apply?' });
        expect(languageAsked('English please')).toEqual({ lang: 'en', rest: '' });
        expect(languageAsked('换成英文说一下')).toEqual({ lang: 'en', rest: '' });
        expect(languageAsked('中文')).toEqual({ lang: 'zh', rest: '' });
        expect(languageAsked('can you say that in English?')?.lang).toBe('en');
        // Asking about English names or papers is no request to change language.
        for (const q of ['高企贷的英文名是什么', 'are there english application forms?', '有英文材料吗', 'what is gaoqidai'])
            expect(languageAsked(q), q).toBeUndefined();
    });

    it('a message asking only for the other language answers the last question again in it, and the choice holds', () => {
        const turns = talk('沪科专贷是什么', 'can you say that in English?', '利率多少');
        const again = answerOf(turns[1]);
        expect(turns[1]!.lang).toBe('en');
        expect(again).toMatchObject({ item: { id: 'huke-zhuandai' }, lang: 'en' });
        expect(again.text.startsWith(`${again.item!.title.en}: ${service.getItem('huke-zhuandai')!.summary.en}`)).toBe(true);
        // A Chinese question after it is answered in English: the user asked for it.
        expect(turns[2]!.lang).toBe('en');
        expect(answerOf(turns[2])).toMatchObject({ item: { id: 'huke-zhuandai' }, aspect: 'rate', lang: 'en' });
    });

    it('a request for a language with nothing in focus is kept for the questions after it', () => {
        const turns = talk('English please', '高企贷是什么');
        expect(turns[0]!.lang).toBe('en');
        expect(turns[1]!.lang).toBe('en');
        expect(answerOf(turns[1])).toMatchObject({ item: { id: 'gaoqidai' }, lang: 'en' });
    });

    it('a request for a language before a question answers the question in that language', () => {
        const turns = talk('what is gaoqidai', '请用中文回答：它的合作银行有哪些');
        expect(turns[1]!.lang).toBe('zh');
        expect(answerOf(turns[1])).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'partner-banks', lang: 'zh' });
    });
});

describe('profile', () => {
    it('adds up facts from successive messages', () => {
        const turns = talk('我们是成长期企业', '需要流动资金', '年收入大概五千万');
        expect(turns[2]!.state.profile).toMatchObject({ stage: 'growth', needs: ['working-capital'], annualRevenueWan: 5000 });
    });

    it('matches when asked what fits, on the profile told in an earlier turn', () => {
        const turns = talk('我们是成长期的专精特新中小企业，想要无抵押的信用贷款', '有哪些适合我');
        const reply = turns[1]!.reply;
        expect(reply.kind).toBe('match');
        if (reply.kind !== 'match') return;
        expect(reply.asked).toBe(true);
        expect(reply.profile).toMatchObject({ stage: 'growth', qualifications: ['srdi'] });
        const shortlist = reply.response.matches.filter((m) => m.eligibility !== 'ineligible').map((m) => m.id);
        expect(shortlist).toContain('huke-zhuandai');
    });

    it('asked which offering is meant for the firm with a modifier between ("有什么专门针对我们的产品"), matches on the profile told', () => {
        const turns = talk('我们是上海注册的高新技术企业，成立3年', '有什么专门针对我们的产品？');
        expect(turns[1]!.reply.kind).toBe('match');
    });

    it('asked which offering is meant for the firm, matches on the profile told, a body named or not', () => {
        for (const q of [
            'tech SME with sales of 5 million RMB, which loan is aimed at us',
            'we are a tech SME, sales 5 million RMB: which STCSM loan is meant for companies like us?',
        ]) {
            const reply = talk(q)[0]!.reply;
            expect(reply.kind, q).toBe('match');
            if (reply.kind !== 'match') continue;
            expect(reply.profile.annualRevenueWan, q).toBe(500);
            expect(reply.response.matches.find((m) => m.id === 'keji-weidaitong')?.eligibility, q).not.toBe('ineligible');
        }
    });

    it('a correction changes the profile and the match', () => {
        const turns = talk('我们是初创期的科技型中小企业，想贷200万', '说错了，我们已经是高新技术企业了', '现在能申请什么');
        expect(turns[1]!.state.profile?.qualifications).toContain('high-tech');
        const reply = turns[2]!.reply;
        expect(reply.kind).toBe('match');
        if (reply.kind === 'match') expect(reply.response.matches.find((m) => m.id === 'gaoqidai')?.eligibility).not.toBe('ineligible');
    });

    it('is read in traditional characters as in simplified ones', () => {
        // The same dialogue, each message in both scripts: the correction, the head count and the question of fit.
        for (const [first, second] of [
            ['我们是做芯片设计的，30个人，还没有高企认定', '说错了，我们已经是高新技术企业了，那我适合哪个'],
            ['我們是做晶片設計的，30個人，還沒有高企認定', '說錯了，我們已經是高新技術企業了，那我適合哪個'],
        ] as const) {
            const turns = talk(first, second);
            expect(turns[0]!.state.profile?.employees, first).toBe(30);
            const reply = turns[1]!.reply;
            expect(reply.kind, second).toBe('match');
            if (reply.kind !== 'match') continue;
            expect(reply.profile.qualifications).toContain('high-tech');
            expect(reply.response.matches.find((m) => m.id === 'gaoqidai')?.eligibility).not.toBe('ineligible');
        }
    });

    it('a share asked of the focus is answered by the passage stating a percentage, not one that only says the word', () => {
        // credit-risk-compensation facts.2: "55% compensation plus 5% for first loans"; facts.1 speaks of "better
        // compensation ratios" and states none.
        const turns = talk('does the credit risk compensation policy have a 2024-2025 round?', 'what is the compensation ratio');
        const a = answerOf(turns[1]);
        expect(a.item?.id).toBe('credit-risk-compensation');
        expect(a.facts[0]!.text).toContain('55%');
    });

    it('a question about the item in focus that holds a word of need is asked of it, in either script', () => {
        // 首贷 is a need the match reads; asked with 有没有 of the item in focus, it is a question, not the firm's profile.
        for (const [first, second] of [
            ['信贷风险补偿新一轮有多少资金？', '首贷有没有额外加码'],
            ['信貸風險補償新一輪有多少資金？', '首貸有沒有額外加碼'],
        ] as const) {
            const reply = talk(first, second)[1]!.reply;
            expect(reply.kind, second).toBe('answer');
            if (reply.kind === 'answer') expect(reply.answer.item?.id, second).toBe('credit-risk-compensation');
        }
    });

    it('asking what options there are after telling about the firm is the match, whatever card writes the word option', () => {
        // 选择 is written by innovation-voucher (选择服务机构), which made "这样有什么选择" a question about that card.
        for (const [first, second] of [
            ['我们没有专利，轻资产，想找无抵押的贷款', '更正一下，我们其实有3个发明专利，这样有什么选择'],
            ['我們沒有專利，輕資產，想找無抵押的貸款', '更正一下，我們其實有3個發明專利，這樣有什麼選擇'],
        ] as const) {
            const reply = talk(first, second)[1]!.reply;
            expect(reply.kind, second).toBe('match');
            if (reply.kind === 'match') expect(reply.profile.hasIntellectualProperty, second).toBe(true);
        }
    });

    it('right after a match, a correction that asks only "and now?" is matched again on the corrected profile', () => {
        const turns = talk('我们还不是高企，只是科技型中小企业，去年销售300万，能贷什么？', '说错了，我们已经是高企了，去年刚认定的，那现在呢');
        const reply = turns[1]!.reply;
        expect(reply.kind).toBe('match');
        if (reply.kind !== 'match') return;
        expect(reply.profile.qualifications).toContain('high-tech');
        expect(reply.response.matches.find((m) => m.id === 'gaoqidai')?.eligibility).not.toBe('ineligible');
    });

    it('right after a match, a correction that asks again what suits the firm is matched again on the corrected profile', () => {
        const turns = talk('我们是高企，想贷300万周转资金，有啥产品', '搞错了，高企认定我们还没拿到，只是科技型中小企业，现在有啥合适的');
        const reply = turns[1]!.reply;
        expect(reply.kind).toBe('match');
        if (reply.kind !== 'match') return;
        expect(reply.profile.qualificationsLacking).toContain('high-tech');
        expect(reply.response.matches.find((m) => m.id === 'gaoqidai')?.eligibility).toBe('ineligible');
        const english = talk(
            'we are HNTE, need a 3m RMB working capital loan, what products are there?',
            'sorry, we are not HNTE yet, what fits us now?',
        );
        expect(english[1]!.reply.kind).toBe('match');
    });

    it('right after a match, a statement that tells more about the firm is matched again, whatever words of an aspect it tells with', () => {
        for (const [first, more, field] of [
            ['we are a tech start-up, 12 people, what can we get?', 'wait, we got the tech SME registration last week', 'qualifications'],
            [
                'we have no patents and no HNTE status, 10 staff, what can we get?',
                'correction: we do have two invention patents',
                'hasIntellectualProperty',
            ],
            ['我们是初创的科技企业，有什么贷款', '对了，我们的高企证书上个月刚下来', 'qualifications'],
        ] as const) {
            const reply = talk(first, more)[1]!.reply;
            expect(reply.kind, more).toBe('match');
            if (reply.kind === 'match') expect(reply.profile[field], more).toBeTruthy();
        }
    });

    it('after a match, a message that tells about the firm and asks its own question is not matched again', () => {
        // The first message only tells (a match with what was read); the second tells a need and asks a figure.
        const turns = talk('我们公司是科技小巨人企业', '要那种信用贷，2021年放了多少');
        expect(turns[0]!.reply.kind).toBe('match');
        expect(turns[1]!.reply.kind).not.toBe('match');
    });

    it('a negation takes a qualification out', () => {
        const turns = talk('我们是高新技术企业，需要流动资金', '不对，我们还没有高企认定');
        expect(turns[0]!.state.profile?.qualifications).toEqual(['high-tech']);
        expect(turns[1]!.state.profile?.qualifications ?? []).not.toContain('high-tech');
        expect(turns[1]!.state.profile?.qualificationsLacking).toEqual(['high-tech']);
        const reply = turns[1]!.reply;
        if (reply.kind === 'match') expect(reply.response.matches.find((m) => m.id === 'gaoqidai')?.eligibility).toBe('ineligible');
    });

    it('a correction replaces the needs it names instead of adding to them', () => {
        const turns = talk('我们需要流动资金', '说错了，我们其实是想办知识产权质押融资');
        expect(turns[1]!.state.profile?.needs).toEqual(['ip-pledge']);
    });

    it('a need turned down leaves the profile, and a kind of loan asked for is matched', () => {
        const turns = talk('我们有几项发明专利，想用专利质押贷款', '算了，不想做知识产权质押了，有没有不用抵押的贷款');
        expect(turns[0]!.state.profile?.needs).toEqual(['ip-pledge']);
        expect(turns[1]!.state.profile?.needs).toEqual(['credit-loan']);
        const reply = turns[1]!.reply;
        expect(reply.kind).toBe('match');
        if (reply.kind === 'match') expect(reply.response.matches[0]!.id).not.toBe('ip-pledge-financing');
    });

    it('"有啥办法" after earlier messages told about the firm is matched on what they told', () => {
        const turns = talk('我们公司明年3月有笔银行贷款到期', '有啥办法');
        expect(turns[0]!.state.profile?.needs).toEqual(['loan-renewal']);
        const reply = turns[1]!.reply;
        expect(reply.kind).toBe('match');
        if (reply.kind === 'match') expect(reply.response.matches.slice(0, 3).map((m) => m.id)).toContain('seamless-renewal');
        // With nothing told, the same words are a question (answered or asked back), not a match.
        expect(talk('有啥办法')[0]!.reply.kind).not.toBe('match');
    });

    it('reads "那适合哪个" as asking what fits, and a correction that denies without naming what as the one qualification told', () => {
        const turns = talk('我们是专精特新企业', '说错了，我们还不是', '那适合哪个');
        expect(turns[1]!.state.profile).toMatchObject({ qualificationsLacking: ['srdi'] });
        expect(turns[1]!.state.profile?.qualifications ?? []).not.toContain('srdi');
        expect(turns[2]!.reply.kind).toBe('match');
        // "适合什么样的企业" asks an item's conditions, not what fits the firm.
        expect(answerOf(talk('高企贷是什么', '适合什么样的企业')[1]).item?.id).toBe('gaoqidai');
        // With two qualifications told, a bare denial names neither: nothing is changed.
        expect(talk('我们是高新技术企业，也是专精特新企业', '说错了，我们还不是')[1]!.state.profile?.qualifications?.length).toBe(2);
    });

    it('reads "not yet recognised" as denying the one title told, though the message goes on', () => {
        const turns = talk('我们是高企，做新能源', '适合哪些产品', '其实我们还没认定，只是在申请');
        expect(turns[2]!.state.profile).toMatchObject({ qualificationsLacking: ['high-tech'] });
        expect(turns[2]!.reply.kind).toBe('match');
        const en = talk('we are a high-tech enterprise', 'which loans fit us?', "actually we haven't been certified yet, still applying");
        expect(en[2]!.state.profile).toMatchObject({ qualificationsLacking: ['high-tech'] });
        // A loan not yet granted is no title denied.
        expect(talk('我们是高企', '适合哪些产品', '我们还没拿到贷款')[2]!.state.profile?.qualifications).toEqual(['high-tech']);
    });

    it('matches again on a correction whose title a product name is read from only through a slip', () => {
        // "Sci-Tech Little Giant" is one letter from the alias "Sci-Tech Little Giant loan": here it is the firm's title.
        const turns = talk('We are an SRDI firm in Shanghai', 'which products fit?', "sorry, not SRDI, we're a Sci-Tech Little Giant");
        expect(turns[2]!.reply.kind).toBe('match');
        expect(turns[2]!.state.profile).toMatchObject({ qualifications: ['tech-little-giant'], qualificationsLacking: ['srdi'] });
        // Named as written, the product is asked about.
        expect(talk('We are an SRDI firm', 'which products fit?', 'sorry, what is the Little Giant credit loan?')[2]!.reply.kind).toBe('answer');
    });

    it("does not take the need an item's name says, asked about, as the firm's", () => {
        // "纾困融资贷款是什么" told the need 纾困: "现在还能申请吗" then rated the item for a firm that had told nothing.
        const turns = talk('纾困融资贷款是什么', '现在还能申请吗');
        expect(turns[0]!.state.profile).toBeUndefined();
        expect(answerOf(turns[1]).item?.id).toBe('relief-financing');
        expect(talk('what is seamless loan renewal?')[0]!.state.profile).toBeUndefined();
        // A message that is the name alone asks about the item as much.
        const named = talk('纾困融资贷款', '它现在还能申请吗');
        expect(named[0]!.state.profile).toBeUndefined();
        expect(answerOf(named[1]).item?.id).toBe('relief-financing');
        expect(talk('seamless loan renewal')[0]!.state.profile).toBeUndefined();
        // So does a request to be told about it ("tell me about", 介绍一下): "who qualifies" then asks its conditions.
        const told = talk('tell me about seamless renewal', 'who qualifies');
        expect(told[0]!.state.profile).toBeUndefined();
        expect(answerOf(told[1])).toMatchObject({ item: { id: 'seamless-renewal' }, aspect: 'eligibility' });
        expect(talk('介绍一下无缝续贷')[0]!.state.profile).toBeUndefined();
        // Said of the firm, or by the message's other words, the need is told.
        expect(talk('我们想做知识产权质押贷款，怎么申请')[0]!.state.profile?.needs).toEqual(['ip-pledge']);
        expect(talk('沪科专贴有没有什么倾斜？比如对首贷户、没抵押的企业')[0]!.state.profile?.needs).toEqual(expect.arrayContaining(['first-loan']));
    });

    it('sets the item in focus beside one said to be more or less of the aspect asked ("比高企贷低吗")', () => {
        for (const turns of [talk('沪科专贷利率多少', '比高企贷低吗'), talk('what is the rate of huke zhuandai', 'is it lower than gaoqidai?')]) {
            const a = answerOf(turns[1]);
            expect(a.comparison?.items.map((i) => i.id).sort()).toEqual(['gaoqidai', 'huke-zhuandai']);
            expect(a.comparison?.rows.map((r) => r.aspect)).toContain('rate');
        }
        // 比较 is "rather": one item's rate, not a comparison.
        expect(answerOf(talk('沪科专贷利率比较低吗')[0]).comparison).toBeUndefined();
    });

    it('after the firm told about itself, a question that names nothing, finds no card and asks no aspect but fit asks what fits', () => {
        for (const [told, asked] of [
            ['我们是高企，想贷款500万', '有什么适合的'],
            ['我們是高企，50人', '有合適的嗎'],
            ['I run a startup, 12 people, no revenue yet', 'anything for us?'],
            ["We're HNTE, 50 staff", 'any suggestions?'],
            ['we are a tech SME, revenue about 8 million', 'so what could we get?'],
            ['Hi, we are a biotech, 30 staff, HNTE since 2022', 'what are our options'],
        ] as const) {
            const reply = talk(told, asked)[1]!.reply;
            expect(reply.kind, asked).toBe('match');
        }
        // A bare aspect after the match still asks which product; with an item in focus the question is of that item.
        expect(talk('我们是高企，50人', '利率多少')[1]!.reply.kind).toBe('answer');
        expect(answerOf(talk('我们是高企，50人', '高企贷是什么', '有合适的吗')[2]).item?.id).toBe('gaoqidai');
        // Nothing told: nothing to match on, and nothing is matched.
        expect(talk('anything for us?')[0]!.reply.kind).not.toBe('match');
    });

    it('right after a match, a question choosing by an aspect ("那利率最低的是哪个") sets the first two matched side by side on it', () => {
        for (const [told, asked] of [
            ['公司是市级专精特新，年营收1.2亿，想找无抵押的贷款', '那利率最低的是哪个'],
            ['we are HNTE and SRDI, need working capital', 'which one has the lowest interest rate?'],
        ] as const) {
            const turns = talk(told, asked);
            const reply = turns[0]!.reply;
            expect(reply.kind).toBe('match');
            const matched = turns[0]!.state.matched!.slice(0, 2);
            const a = answerOf(turns[1]);
            expect(
                a.comparison?.items.map((i) => i.id),
                asked,
            ).toEqual(matched);
            expect(a.aspects, asked).toContain('rate');
        }
        // With nothing matched before, the aspect alone still asks which product.
        expect(answerOf(talk('那利率最低的是哪个')[0]).clarify).toBeDefined();
    });

    it('asks for the profile when a firm asks what fits before telling anything', () => {
        expect(talk('有哪些适合我')[0]!.reply.kind).toBe('need-profile');
    });

    it('takes a wish for a loan that names nothing in particular as asking what fits, never as one product', () => {
        for (const m of ['我们公司想贷款', '我们想贷款，有什么产品', 'we need a loan', 'we want to borrow money, what do you have?'])
            expect(talk(m)[0]!.reply.kind, m).toBe('need-profile');
        // With the firm told before: its match.
        expect(talk('我们是高新技术企业，成长期', '想融资')[1]!.reply.kind).toBe('match');
        // One kind of loan named is answered.
        expect(answerOf(talk('我们想用专利贷款')[0]).item?.id).toBe('ip-pledge-financing');
        // Asking whether the firm can borrow at all is about no card (能贷, read across 能 and 贷款, is no word of it); with
        // what the firm told: the match; with an item in focus: that item.
        expect(service.search('能贷款吗').confident).toBe(false);
        expect(talk('我们没有抵押物，能贷款吗')[0]!.reply.kind).toBe('match');
        expect(answerOf(talk('高企贷是什么', '我们能贷款吗')[1]).item?.id).toBe('gaoqidai');
    });

    it('answers a question that also tells about the firm, and keeps what it told', () => {
        const [turn] = talk('我们是高新技术企业，年收入两个亿左右，高企贷有哪些合作银行');
        const a = answerOf(turn);
        expect(a).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'partner-banks', confident: true });
        expect(turn!.state.profile).toMatchObject({ qualifications: ['high-tech'], annualRevenueWan: 20000 });
    });
});

describe('language', () => {
    it('the chosen language holds for a question typed in Chinese', () => {
        const turn = converse(service, { lang: 'en' }, '科技履约贷是什么', { defaultLang: 'zh' });
        expect(turn.lang).toBe('en');
        expect(answerOf(turn).text).toContain(product('keji-lvyuedai').name_en);
    });

    it('without a choice, each message is answered in its own language', () => {
        expect(talk('高企贷是什么', 'what about its partner banks?')[1]!.lang).toBe('en');
    });
});

describe('scope', () => {
    it("never answers another city's policy confidently with Shanghai's", () => {
        expect(answerOf(talk('杭州的科技型企业贷款风险补偿比例是多少？')[0]).confident).toBe(false);
        const named = answerOf(talk('深圳有没有类似高企贷的产品？')[0]);
        expect(named.confident).toBe(false);
        // Shanghai named only as what the other place is likened to: still the other place's question.
        const likened = talk("Does Hangzhou have a tech SME loan scheme like Shanghai's, and how do we apply there?")[0]!.reply;
        expect(likened.kind === 'answer' ? likened.answer.confident : false).toBe(false);
        expect(answerOf(talk('杭州的科技贷款和上海的一样吗')[0]).confident).toBe(false);
        // Shanghai asked of beside another place is Shanghai's question.
        expect(answerOf(talk('上海的高企贷在杭州能办吗')[0]).item?.id).toBe('gaoqidai');
    });
});

describe('state', () => {
    it('is bounded: at most two items in focus and five matched products', () => {
        expect(checkFocus({ items: ['a', 'b', 'c'] })).toBeUndefined();
        expect(checkFocus({ items: ['a', 'b'], aspect: 'rate' })).toEqual({ items: ['a', 'b'], aspect: 'rate' });
        expect(checkFocus({ items: ['a'], year: '2021' })).toEqual({ items: ['a'], year: '2021' });
        expect(checkFocus({ items: ['a'], named: 'b' })).toEqual({ items: ['a'], named: 'b' });
        expect(checkFocus({ items: ['a'], named: '<b>' })).toBeUndefined();
        // Only a year is kept of the question's words: anything else stored there is refused.
        expect(checkFocus({ items: ['a'], year: '张三 13800138000' })).toBeUndefined();
        expect(checkFocus({ items: ['a'], aspect: 'no-such-aspect' })).toBeUndefined();
        expect(checkMatched(['a', 'b', 'c', 'd', 'e', 'f'])).toBeUndefined();
        const turns = talk('科技履约贷和科技微贷通差在哪', '我们是成长期的高新技术企业，需要流动资金');
        expect(turns[0]!.state.focus!.items.length).toBeLessThanOrEqual(MAX_FOCUS);
        expect(turns[1]!.state.matched!.length).toBeLessThanOrEqual(MAX_MATCHED);
    });

    it('keeps the topic one back, bounded, so that a stored focus from before still loads', () => {
        expect(checkFocus({ items: ['a'], before: { items: ['b'], aspect: 'fee' } })).toEqual({
            items: ['a'],
            before: { items: ['b'], aspect: 'fee' },
        });
        // One level only: a topic two back is not kept.
        expect(checkFocus({ items: ['a'], before: { items: ['b'], before: { items: ['c'] } } })).toBeUndefined();
        expect(checkFocus({ items: ['a'], aspect: 'rate' })).toEqual({ items: ['a'], aspect: 'rate' });
        // The field of the passage that answered is a card path, never the user's words.
        expect(checkFocus({ items: ['a'], field: 'facts.2' })).toEqual({ items: ['a'], field: 'facts.2' });
        expect(checkFocus({ items: ['a'], field: '我叫张三' })).toBeUndefined();
        // What the last question's form asked is one of a closed set.
        expect(checkFocus({ items: ['a'], wants: 'agent' })).toEqual({ items: ['a'], wants: 'agent' });
        expect(checkFocus({ items: ['a'], wants: 'who is the insurer' })).toBeUndefined();
    });

    it('a match clears the focus, so that "它" is not read as an old item', () => {
        const turns = talk('高企贷是什么', '我们是成长期的高新技术企业，需要流动资金');
        expect(turns[1]!.state.focus).toBeUndefined();
    });
});

describe('intents', () => {
    it('reads asking what fits in varied words, and not a question about a product', () => {
        for (const q of ['有哪些适合我们', '我们能申请什么', '现在可以贷哪些', 'which ones fit us?', 'what can we apply for', '帮我推荐一下'])
            expect(asksForMatch(q), q).toBe(true);
        for (const q of ['高企贷利率多少', '什么是沪科专贷', 'how do I apply for the IP pledge loan']) expect(asksForMatch(q), q).toBe(false);
    });

    it('reads asking which offering is meant for the firm itself as asking what fits, and not an offering asked of others', () => {
        for (const q of [
            'which loan is aimed at us',
            'what products are there for companies like ours?',
            'which scheme would be meant for me',
            '哪个产品是针对我们的',
            '有什么贷款是面向我们这种企业的',
        ])
            expect(asksForMatch(q), q).toBe(true);
        // The firm as the one who may get it, asking nothing more.
        for (const q of ['which loans can we apply for', 'what schemes could I get as a small firm?', '哪些贷款我们可以申请'])
            expect(asksWhatFirmMayGet(q), q).toBe(true);
        for (const q of ['which loans can the bank renew?', 'What kind of loan can we use the patents for, and how big was that market in 2024?'])
            expect(asksWhatFirmMayGet(q), q).toBe(false);
        for (const q of [
            'which loan is aimed at start-ups?',
            'what is the rate for us on gaoqidai',
            '哪个产品是面向高新技术企业的',
            '我们的贷款什么时候到期',
        ])
            expect(asksForMatch(q), q).toBe(false);
    });

    it('reads "推荐 / recommend" as asking for the match only when kejin is asked to recommend, not when a body recommends firms', () => {
        for (const q of [
            '推荐几个贷款',
            '推荐哪几个产品',
            '有什么推荐的产品',
            '能推荐什么',
            'can you recommend a loan',
            'what would you suggest',
            'recommend something for us',
        ])
            expect(asksForMatch(q), q).toBe(true);
        for (const q of [
            '科技创业中心推荐了多少家企业',
            '被推荐申请履约贷以后多久放款',
            '推荐后由银行放款吗',
            'how many firms did the centre recommend to the banks in 2022?',
        ])
            expect(asksForMatch(q), q).toBe(false);
    });

    it('reads corrections and places in a list', () => {
        expect(correctsEarlier('说错了，我们是成长期')).toBe(true);
        expect(correctsEarlier('Actually we are high-tech')).toBe(true);
        expect(correctsEarlier('我们是成长期')).toBe(false);
        expect(pickedPlaces('第二个怎么申请')).toEqual([2]);
        expect(pickedPlaces('the first one please')).toEqual([1]);
        expect(pickedPlaces('高企贷')).toEqual([]);
    });
});

describe('matching in the conversation', () => {
    it('"那我适合哪个" after a comparison rates those two items for the firm told', () => {
        const turns = talk('我们是成长期的高新技术企业', '高企贷和沪科专贷有什么区别', '那我适合哪个');
        const reply = turns[2]!.reply;
        expect(reply.kind).toBe('match');
        if (reply.kind === 'match') expect(reply.response.matches.map((m) => m.id).sort()).toEqual(['gaoqidai', 'huke-zhuandai']);
    });

    it('"有什么产品" in a message that tells about the firm is a request to match on it', () => {
        const [turn] = talk('我们公司是做生物医药的，成立3年，有6项发明专利，现在想用专利去银行贷款，有什么产品？');
        expect(turn!.reply.kind).toBe('match');
        if (turn!.reply.kind === 'match') expect(turn!.reply.response.matches[0]!.id).toBe('ip-pledge-financing');
    });
});

describe('a firm that tells about itself, then asks for one thing', () => {
    it('is answered about that thing, with what it told kept, not sent to the match', () => {
        const [turn] = talk('我们是做汽车电子的高新企业，员工90人。有一笔流贷下个月到期，账上现金紧张，有没有什么办法不用先还本金就能接着贷？');
        expect(turn!.reply.kind).toBe('answer');
        if (turn!.reply.kind === 'answer') {
            expect(turn!.reply.answer.item?.id).toBe('seamless-renewal');
            expect(turn!.reply.understood.length).toBeGreaterThan(0);
        }
        expect(turn!.state.profile?.qualifications).toContain('high-tech');
    });
});

describe('a firm that told about itself, then asks of "our kind"', () => {
    it('reads the question with the qualifications it told, as when both are in one message', () => {
        // "信用贷" alone is most of the name 小巨人信用贷 and answers it; "信用类贷款" is a kind of loan, no card's name.
        const question = '有没有专门给我们这类企业的信用类贷款？2021年放了多少';
        const turns = talk('我们公司是科技小巨人企业', question);
        // xiaojuren-xinyongdai facts: 2021年小巨人信用贷向187家企业放款35.49亿元. Alone, the question names no card.
        expect(service.answer(question).status).toBe('unknown');
        const a = answerOf(turns[1]);
        expect(a.item?.id).toBe('xiaojuren-xinyongdai');
        expect(a.text).toContain('35.49亿');
        // The echo is what the founder wrote, not the question as read with the firm's words.
        expect(a.question).toBe(question);
    });

    it('leaves a question that does not speak of the firm as it stands', () => {
        const turns = talk('我们公司是科技小巨人企业', '信用类贷款2021年放了多少');
        expect(answerOf(turns[1]).item?.id).not.toBe('xiaojuren-xinyongdai');
    });
});

describe('choosing between two for the firm', () => {
    it('"哪个更适合" with the firm known rates the pair for it instead of setting them side by side', () => {
        const [turn] = talk('我们是高新企业，高企贷跟沪科专贷比，哪个更适合？');
        expect(turn!.reply.kind).toBe('match');
        if (turn!.reply.kind === 'match') expect(turn!.reply.response.matches.map((m) => m.id).sort()).toEqual(['gaoqidai', 'huke-zhuandai']);
        // With nothing known of the firm, the side-by-side stays.
        expect(answerOf(talk('高企贷跟沪科专贷比，哪个更适合？')[0]).status).toBe('comparison');
    });

    it('"那X我们能申请吗" after the firm was described rates that one item for it, however it rates', () => {
        const turns = talk('我们还没有高企认定，是普通科技型中小企业', '那高企贷我们能申请吗');
        const reply = turns[1]!.reply;
        expect(reply).toMatchObject({ kind: 'match', rated: true });
        // gaoqidai requires a recognised high-tech enterprise; the firm said it has none: rated ineligible, and still shown.
        if (reply.kind === 'match') expect(reply.response.matches.map((m) => [m.id, m.eligibility])).toEqual([['gaoqidai', 'ineligible']]);
    });

    it('describing the firm and asking whether it can apply in one message answers the question', () => {
        // The particulars asked (a loan due at the end of 2026) are in the card's answer, not in a rating.
        const [turn] = talk('我们是中型企业，不是小微，贷款2026年底到期，能办无还本续贷吗？');
        expect(answerOf(turn).item?.id).toBe('seamless-renewal');
    });
});

describe('a follow-up whose telling word the card in focus never writes', () => {
    it('goes to the card that writes it, though the focus ranks near it by the words they share', () => {
        // The seamless-renewal card states its own mid-2024 lending, but never speaks of relief loans.
        const turns = talk('Tell me about seamless loan renewal', 'ok and how much relief lending went to tech firms in Shanghai by mid-2024?');
        expect(answerOf(turns[1])?.item?.id).toBe('relief-financing');
        expect(answerOf(turns[1])?.text.slice(0, 300)).toMatch(/44\.684 billion/);
        // A word the focus writes keeps it ("what about the balance at mid-2024?" of the IP-pledge loan's own figure).
        const kept = talk('What is IP-pledge financing?', 'how big was the loan balance by mid-2024?');
        expect(answerOf(kept[1])?.item?.id).toBe('ip-pledge-financing');
    });
});

describe('what a body is said to recommend', () => {
    it('is asked of that body, not a request to be matched', () => {
        const turns = talk('上海市科技创业中心是干什么的', '它负责推荐哪些贷款产品');
        expect(turns[1]!.reply.kind).toBe('answer');
        expect(answerOf(turns[1])?.item?.id).toBe('shanghai-tech-entrepreneurship-center');
        expect(answerOf(turns[1])?.text).toMatch(/科技履约贷/);
        // Asked of kejin, 推荐 still asks for the match.
        expect(talk('推荐哪些贷款')[0]!.reply.kind).toBe('need-profile');
    });
});

describe('the item in focus, pointed at and denied', () => {
    it('is no subject of the question that follows ("不是这个产品的，我要的是…")', () => {
        const turns = talk('沪科专贷累计放了多少', '不是这个产品的，我要的是全市科技型企业贷款余额');
        const reply = turns[1]!.reply;
        // Not 沪科专贷 again: whatever answers, it is not the product just denied.
        expect(reply.kind === 'answer' ? reply.answer.item?.id : undefined).not.toBe('huke-zhuandai');
        expect(notAbout('不是这个产品的，我要的是全市科技型企业贷款余额').spans).toEqual(['这个产品']);
        expect(notAbout('not this one, the whole city figure').spans).toEqual(['this one']);
        // 是不是 asks; it denies nothing.
        expect(notAbout('是不是这个产品的利率更低').spans).toEqual([]);
    });
});

describe('a denial typed without punctuation', () => {
    it('reads a space between Chinese words as the end of a clause', () => {
        // "我没问履约贷 我问的是微贷通": without the space read as a comma, the denial ran on to the end and held what is asked.
        const fee = talk('科技履约贷是什么', '我没问履约贷 我问的是微贷通 担保费要交多少');
        expect(answerOf(fee[1])?.item?.id).toBe('keji-weidaitong');
        expect(answerOf(fee[1])?.text.slice(0, 200)).toMatch(/2\.5%/);
        const operator = talk('上海市科技创业中心是干什么的', '我不是问创业中心 是问信易贷平台由哪家单位运营');
        expect(answerOf(operator[1])?.item?.id).toBe('xinyidai-platform');
        expect(notAbout('不是专贴 是专贷').spans).toEqual(['专贴']);
        // …and corrects as "不是专贴，是专贷" does: the last question again, of 专贷.
        const again = talk('沪科专贴截至2025年4月累计多少', '不是专贴 是专贷');
        expect(answerOf(again[1])?.item?.id).toBe('huke-zhuandai');
        expect(answerOf(again[1])?.text.slice(0, 60)).toMatch(/332\.56亿元/);
    });

    it('reads what the message opens by denying as what it is not about ("不是高企贷，沪科专贷是哪年开始的")', () => {
        for (const denial of ['不是高企贷 沪科专贷是哪年开始的', '不是高企贷，沪科专贷是哪年开始的']) {
            const turns = talk('高企贷哪年推出的', denial);
            expect(answerOf(turns[1])?.item?.id, denial).toBe('huke-zhuandai');
            expect(answerOf(turns[1])?.text.slice(0, 120), denial).toMatch(/2023年7月/);
        }
        // "不是说X…吗" asks whether X does what was said; a denial inside the sentence is not an opening one.
        expect(notAbout('不是说高企贷不收费吗，怎么还有担保费').spans).toEqual([]);
        expect(notAbout('高企贷不是2019年推出的吗，怎么还在').spans).toEqual([]);
    });
});

describe('not the figure of one, that of another', () => {
    it('"不是X的 是Y的" after a figure restates the question, not what the firm is', () => {
        const turns = talk('上海科技型企业贷款余额多少', '不是科技型企业的 是专精特新企业的');
        // Read as the firm's titles, 专精特新 held and 科技型中小企业 lacking, it went to the match.
        expect(turns[1]!.reply.kind).toBe('answer');
        expect(turns[1]!.state.profile?.qualifications ?? []).toEqual([]);
        expect(answerOf(turns[1])?.text.slice(0, 80)).toMatch(/专精特新企业贷款余额3325\.69亿元/);
        // Told of the firm, with who is speaking, it is still the firm's.
        expect(talk('上海科技型企业贷款余额多少', '我们不是科技型中小企业，是专精特新企业')[1]!.state.profile?.qualifications).toEqual(['srdi']);
    });
});

describe('a pointer whose noun names what the last answer spoke of', () => {
    it('points at the organization or platform the focus card relates, not at the focus', () => {
        // 科技履约贷's card: applications go to 上海市科技创业中心, which launched 科技微贷通.
        const zhongxin = talk('科技履约贷是谁审核推荐的', '那个中心自己推出过什么产品');
        expect(answerOf(zhongxin[1])?.item?.id).toBe('shanghai-tech-entrepreneurship-center');
        expect(answerOf(zhongxin[1])?.text).toMatch(/科技微贷通由其推出/);
        // The credit centre runs the 信易贷 platform (its alias 信易贷平台运营方 is no 平台: the head of a name is its end).
        const platform = talk('上海市公共信用信息服务中心是干嘛的', '它运营的那个平台注册了多少企业');
        expect(answerOf(platform[1])?.item?.id).toBe('xinyidai-platform');
        expect(answerOf(platform[1])?.text).toMatch(/110万/);
        // In English, by the longest run of the words after the pointer one item's names hold: PBOC Shanghai's names hold
        // "central bank" and "Head Office"; British spelling as the cards write it ("that centre" of the Center).
        const bank = talk("who's behind gaoqidai?", 'what else did that central bank office launch for tech firms');
        expect(answerOf(bank[1])?.item?.id).toBe('pboc-shanghai');
        expect(answerOf(bank[1])?.text.slice(0, 200)).toMatch(/沪科专贷/);
        const centre = service.getItem('shanghai-tech-entrepreneurship-center')!;
        expect(pointedWithNoun('when was that centre founded?', [service.getItem('keji-lvyuedai')!, centre])).toBe(centre);
        // …and by what it has: "它运营的平台", with no 那个.
        const owned = talk('上海市公共信用信息服务中心是做什么的', '它运营的平台到2023年底有多少注册企业');
        expect(answerOf(owned[1])?.item?.id).toBe('xinyidai-platform');
        // The English noun phrase ends at a verb: "those banks lent" is no run of the relending line's names ("central bank",
        // "re-lending"); the banks are the focus's own.
        const banks = talk('What did the 2022 upgrade of Gaoqidai add?', 'and how much had those banks lent under it in 2021');
        expect(answerOf(banks[1])?.item?.id).toBe('gaoqidai');
        expect(answerOf(banks[1])?.text.slice(0, 150)).toMatch(/3,983 firms/);
        // A noun every offering is points at the focus itself.
        const same = talk('高企贷是谁推出的', '上面说的那个产品可以去哪些银行办');
        expect(answerOf(same[1])?.item?.id).toBe('gaoqidai');
    });
});

describe('what the founder drops or says is not asked', () => {
    it('"别说X了" sets X aside, in traditional characters too', () => {
        const turns = talk('高企貸有什麼費用', '別說高企貸了，專貸呢？加權平均利率多少');
        expect(answerOf(turns[1])?.item?.id).toBe('huke-zhuandai');
        expect(answerOf(turns[1])?.text.slice(0, 200)).toMatch(/3\.68%/);
        // 不提供 is no 不提: nothing is dropped.
        expect(notAbout('担保公司不提供反担保吗').spans).toEqual([]);
    });

    it('"I don\'t need the rate, I need…" asks the rest, not the rate again', () => {
        const turns = talk('whats the interest rate on huke zhuandai', 'I dont need the rate, I need who to go to to apply');
        const a = answerOf(turns[1]);
        expect(a?.item?.id).toBe('huke-zhuandai');
        expect(a?.text.slice(0, 300)).toMatch(/participating commercial bank/);
        expect(a?.text.slice(0, 300)).not.toMatch(/3\.68%/);
        // A scope said not to be meant stays a word of the question.
        expect(notAsked('not the total, just high-tech enterprises')).toBe('not the total, just high-tech enterprises');
    });
});

describe('the item answered about, denied', () => {
    it('leaves the item the founder named then in focus', () => {
        // "履约贷保费补贴多少" is answered by the premium subsidy's card; "not the subsidy" goes back to 履约贷, whose card
        // states the 2011 split (government 25%, bank 30%, insurer 45%), not to another card's risk compensation.
        const turns = talk('履约贷保费补贴多少', '我不是问补贴，我问政府 银行 保险公司各担多少风险');
        expect(answerOf(turns[0])?.item?.id).toBe('premium-subsidy');
        expect(answerOf(turns[1])?.item?.id).toBe('keji-lvyuedai');
        expect(answerOf(turns[1])?.text.slice(0, 200)).toMatch(/45%/);
    });
});

describe('"do I need to apply for that?" right after a loan\'s subsidy was answered', () => {
    it('asks whether the subsidy is applied for, not how to apply for the loan', () => {
        const turns = talk('What is lvyuedai?', 'does the government subsidise the premium?', 'do I need to apply for that?');
        const a = answerOf(turns[2]);
        expect(a?.item?.id).toBe('keji-lvyuedai');
        expect(a?.text.slice(0, 200)).toMatch(/without an application/);
        expect(a?.text.slice(0, 200)).not.toMatch(/The firm applies/);
        // Of the subsidy's own card, "apply for it" is its own application: 免申即享, no application needed.
        const own = talk(
            'we repaid our lvyuedai loan on time, is there a subsidy for the insurance premium',
            'do i need to file an application for it',
        );
        expect(answerOf(own[1])?.item?.id).toBe('premium-subsidy');
        expect(answerOf(own[1])?.text.slice(0, 300)).toMatch(/without an application|no application|automatic/i);
    });
});
