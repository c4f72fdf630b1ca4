/**
 * Golden answers on the shipped knowledge, one per answer shape. Each
 * comment says why the expected answer is right, from the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductItem } from '../../src/core/knowledge/schema.ts';
import { subjectCues, yearsIn } from '../../src/core/answer/answer.ts';
import { notAbout, widerThan } from '../../src/core/answer/reading.ts';
import { askingClauses } from '../../src/core/answer/subject.ts';
import { createSearchIndex } from '../../src/core/search/index.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { notGivenLead } from '../../src/core/words/answer.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
});

afterAll(() => service.close());

/** Each question is answered, and not confidently: the knowledge does not hold what it asks. */
function refused(questions: readonly string[]): void {
    for (const q of questions) expect(service.answer(q), q).toMatchObject({ confident: false });
}

describe('answers', () => {
    it("answered: the fact from the field that holds it, with only that field's sources and status", () => {
        const a = service.answer('微贷通要是贷款还不上了，损失政府和担保公司各扛多少？');
        // keji-weidaitong terms.risk_sharing: 政府70%、担保机构30%, from the launch report S7 alone, current ratio unconfirmed.
        expect(a).toMatchObject({ status: 'answered', confident: true, aspect: 'risk-sharing', item: { id: 'keji-weidaitong' } });
        expect(a.text).toMatch(/^科技微贷通：推出时公布的损失分担为政府70%、担保机构30%/);
        expect(a.facts[0]).toMatchObject({ field: 'terms.risk_sharing', status: 'unconfirmed' });
        expect(a.facts[0]!.sources.map((s) => s.key)).toEqual(['S7']);
        // Unconfirmed, said once: the card's own words say it ("现行比例未经确认"), so the status mark is not added again.
        expect(a.text.match(/未经确认/g)).toHaveLength(1);
        // Whom to ask: the product's own contacts.
        expect(a.contacts.map((c) => c.id)).toEqual(['shanghai-tech-entrepreneurship-center', 'stcsm']);
    });

    it('a long English sentence of the summary is led by its clause holding the year asked', () => {
        const a = service.answer('in the 2024–2025 round, what does the credit risk compensation pay banks?');
        // credit-risk-compensation summary: "Since 2012 …; the 2024–2025 round has 1 billion yuan, …, and 55% compensation …".
        expect(a).toMatchObject({ status: 'answered', item: { id: 'credit-risk-compensation' } });
        expect(a.text).toMatch(/^SME Credit Rewards and Credit Risk Compensation: The 2024–2025 round has 1 billion yuan/);
        expect(a.text.indexOf('55%')).toBeLessThan(200);
    });

    it('an English passage saying the asked words side by side leads one holding them apart', () => {
        const a = service.answer('In the 2024 reply, the tech firm loan balance at end of Q2 2024 was how much?');
        // stcsm-reply-2024-85 facts.3 says "the loan balance of Shanghai's tech firms"; facts.8 holds loan, balance and
        // tech firms too, apart ("loans outstanding … with a balance of …"), and comes before it on the card.
        expect(a).toMatchObject({ status: 'answered', item: { id: 'stcsm-reply-2024-85' } });
        expect(a.text).toMatch(/^STCSM Reply No\. 85 \(2024\) to CPPCC Proposal 1205: At end-Q2 2024, the loan balance of Shanghai's tech firms/);
    });

    it("a card's note that some other fact is missing does not answer an aspect as not given", () => {
        // credit-risk-compensation notes.0 speaks of the firms the policy serves, and says no notice with the new ratio
        // was found: the ratio is what it lacks, not who counts as a tech SME (facts.4 and the summary speak of that).
        const a = service.answer('For the credit risk compensation, which firms count as tech SMEs?');
        expect(a.item?.id).toBe('credit-risk-compensation');
        expect(a.status).not.toBe('not-held');
        expect(a.text.slice(0, 200)).not.toContain('no notice with the new ratio was found');
    });

    it('answered in English for an English question', () => {
        const a = service.answer('After the guarantor issues its guarantee for a Weidaitong loan, how soon does the bank lend?');
        // keji-weidaitong how_to_apply: "the bank lends as soon as the guarantee is issued (见保即贷)".
        expect(a).toMatchObject({ lang: 'en', status: 'answered', aspect: 'processing-time' });
        expect(a.text).toContain('as soon as the guarantee is issued');
    });

    it("not held, in the card's own terms: confident, says the sources lack it and whom to ask", () => {
        const a = service.answer('科技履约贷最多能贷多少');
        // keji-lvyuedai terms.amount has two examples and "来源未给出统一额度上限": no cap is published.
        expect(a).toMatchObject({ status: 'not-held', confident: true, aspect: 'amount', item: { id: 'keji-lvyuedai' } });
        expect(a.text).toContain('来源未给出统一额度上限');
        expect(a.text).toContain('可咨询上海市科技创业中心');
    });

    it('not held and not stated: not confident, names the gap and whom to ask', () => {
        const a = service.answer('What is the interest subsidy for IP pledge loans?');
        // ip-pledge-financing has no subsidy field, fact or note: nothing may be presented as found.
        expect(a).toMatchObject({ status: 'not-held', confident: false, aspect: 'subsidy', item: { id: 'ip-pledge-financing' }, facts: [] });
        expect(a.text).toMatch(/^IP-Pledge Financing: the sources kejin holds give no subsidy\. Ask /);
        expect(a.text).toContain(a.contacts[0]!.title.en);
    });

    it('unknown: not confident, did-you-mean and the general contacts', () => {
        const a = service.answer('火星殖民地的咖啡价格');
        // Nothing in the knowledge is about Mars or coffee.
        expect(a).toMatchObject({ status: 'unknown', confident: false, facts: [] });
        expect(a.text).toContain('知识库中没有能可靠回答这个问题的内容');
        // The general contacts are the organizations most products name: the entrepreneurship center and STCSM.
        expect(a.contacts.map((c) => c.id)).toEqual(['stcsm', 'shanghai-tech-entrepreneurship-center']);
    });

    it("how a firm is certified is no card's: not confident, the cards requiring the title only suggested", () => {
        // gaoqidai requires 经认定的高新技术企业, and 高新 is a short word of its names: neither makes it the answer to how
        // the title is obtained. Asked with money in it, the question is financing again.
        refused(['高新技术企业认定需要什么条件', '专精特新企业怎么申报', 'How do I get certified as a high-tech enterprise?']);
        expect(service.answer('高企贷的申请条件').confident).toBe(true);
        // The evaluation of tech SMEs and a firm's title are certifications in other words.
        refused([
            '科技型中小企业评价怎么填报',
            'how do I get my startup registered as a tech SME',
            'how do we apply for the SRDI little giant title',
        ]);
    });

    it("the patent office's fees and procedures are no card's: the IP-pledge card writes 专利, 申请 and fees, and answers none", () => {
        refused([
            '专利申请费用是多少',
            '发明专利申请流程是怎样的',
            'patent filing fees',
            'how long is the patent examination period',
            '专利年费多少钱',
        ]);
        // Pledging a patent, or money against it, is the IP-pledge loan's.
        for (const q of ['专利质押登记要多久', '用专利能贷款吗', 'how long does patent pledge registration take']) {
            expect(service.answer(q)).toMatchObject({ item: { id: 'ip-pledge-financing' }, confident: true });
        }
    });

    it("a firm's taxes and a listing of its shares are no card's, whatever a card's conditions say of tax penalties", () => {
        refused(['高企可以享受哪些税收优惠', '高新技术企业所得税减免怎么申请', 'what does it take to list on the Sci-Tech Innovation Board']);
        // The R&D super deduction is a tax relief, and a reward for a title is paid for the title: neither is a card's.
        refused([
            '我们是高新技术企业，研发费用加计扣除比例多少',
            '高新技术企业认定奖励多少',
            'Is there a cash reward for becoming a high-tech enterprise?',
        ]);
        // gaoqidai's negative list names tax penalties: asked with its name, or of a loan, it answers.
        expect(service.answer('受过税务处罚还能申请高企贷吗')).toMatchObject({ item: { id: 'gaoqidai' }, confident: true });
    });

    it("credit to a person is no card's: gaoqidai excludes owners with overdue personal loans, and answers no personal loan", () => {
        refused(['个人经营贷款怎么申请', 'how do I get a personal loan without collateral', 'my credit card is overdue what should I do']);
        expect(service.answer('实际控制人个人贷款逾期，还能申请高企贷吗')).toMatchObject({ item: { id: 'gaoqidai' }, confident: true });
        // Written in traditional characters, the same questions: each matter is read on the folded text.
        refused(['個人消費貸款怎麼申請', '發明專利申請費用是多少', '高企可以享受哪些稅收優惠']);
    });

    it("the social insurance and housing fund a firm pays for its staff are no card's: the performance bond insurance is no answer", () => {
        refused([
            '上海的养老保险怎么交',
            'social insurance rates for employers in Shanghai',
            'How do I check my Shanghai social insurance payment record?',
        ]);
        // A loan with it is a question of financing again (履约贷 is an insurance-backed loan).
        expect(service.answer('履约贷的保险由哪家保险公司承保')).toMatchObject({ item: { id: 'keji-lvyuedai' }, confident: true });
    });

    it("how a credit record is looked up or mended, and what a benchmark rate is now, are no card's", () => {
        refused([
            '个人征信怎么查',
            'how can we remove an overdue record from our credit report',
            '企业被列入失信被执行人了，信用修复怎么申请',
            'How do I get my credit report from the PBOC credit reference center?',
        ]);
        refused(['现在LPR是多少', 'what is the current 5-year LPR', '央行最近降息了吗？MLF利率现在是多少']);
        // Whether a record bars a loan is the loan's: gaoqidai's negative list.
        expect(service.answer('企业征信有逾期记录，还能申请高企贷吗')).toMatchObject({ item: { id: 'gaoqidai' }, confident: true });
        // How a loan is priced against the LPR is the loan's.
        expect(service.answer('高企贷的利率跟LPR有什么关系')).toMatchObject({ item: { id: 'gaoqidai' }, confident: true });
    });

    it("where to put money, insurance bought for the firm's own cover, a resident's papers, the city's venues and a company's registration are no card's", () => {
        refused([
            '我想买基金，推荐一下',
            'how do I buy government bonds',
            'Bank of Shanghai wealth management products',
            '公司财产保险怎么买',
            'our company wants to buy product liability insurance',
            '随申办怎么办理居住证',
            '上海科技馆开放时间',
            '一网通办怎么办理营业执照变更',
        ]);
        // The guarantee fund and the performance bond insurance, asked of as such, answer.
        expect(service.answer('中小微企业政策性融资担保基金有科技专项吗')).toMatchObject({
            item: { id: 'sme-financing-guarantee-fund' },
            confident: true,
        });
    });

    it('a word that qualifies the next in a long run is no short name: 科技创新债券 is no 创新券', () => {
        // 创新 is most of the alias 创新券; in 科技创新债券发行 it qualifies 债券 (bonds).
        expect(service.answer('科技创新债券发行额度多少')).toMatchObject({ confident: false });
        // Standing alone, a short word still names: 专贴, and 专贴业务 (a run of four) too.
        expect(service.answer('专贴业务怎么办理').item?.id).toBe('huke-zhuantie');
        expect(service.answer('我想了解一下专贴的额度').item?.id).toBe('huke-zhuantie');
    });

    it("a bank named beside no card's name is where a loan is taken: a partner list holds the question only when banks are asked", () => {
        // China Merchants Bank is one of gaoqidai's partner banks; its credit cards are no card's.
        expect(service.search("what's the annual fee for a China Merchants Bank credit card").confident).toBe(false);
        expect(service.answer('I want to apply for a credit card with China Merchants Bank, what do I need').confident).toBe(false);
        // Asked which banks, the partner list answers.
        const banks = service.answer('招商银行是哪个贷款产品的合作银行');
        expect(banks).toMatchObject({ item: { id: 'gaoqidai' }, confident: true });
    });

    it('comparison: two items side by side on the aspects both hold', () => {
        const a = service.answer('履约贷和微贷通有什么区别');
        // Both cards hold subsidy, risk-sharing and how-to-apply fields; only 履约贷 has an amount field.
        expect(a.status).toBe('comparison');
        expect(a.comparison!.items.map((i) => i.id).sort()).toEqual(['keji-lvyuedai', 'keji-weidaitong']);
        const aspects = a.comparison!.rows.map((r) => r.aspect);
        expect(aspects).toEqual(expect.arrayContaining(['subsidy', 'risk-sharing', 'how-to-apply']));
        expect(aspects).not.toContain('amount');
        for (const row of a.comparison!.rows) expect(row.left.length * row.right.length).toBeGreaterThan(0);
    });

    it('a follow-up button asks one aspect of one item', () => {
        const a = service.answerAbout('gaoqidai', 'how-to-apply', { lang: 'zh' })!;
        // gaoqidai how_to_apply: firms apply to the partner banks directly.
        expect(a).toMatchObject({ status: 'answered', item: { id: 'gaoqidai' } });
        expect(a.text).toContain('合作银行');
        expect(service.answerAbout('no-such-item', 'amount')).toBeUndefined();
    });

    it('a bare name answers what the item is, from its summary', () => {
        const a = service.answer('高企贷');
        expect(a).toMatchObject({ status: 'answered', item: { id: 'gaoqidai' } });
        expect(a.facts[0]!.field).toBe('summary');
    });
});

describe('passages chosen by the whole question, the aspect words one signal among them', () => {
    const card = (id: string) => service.getItem(id) as ProductItem;

    it('a card without the aspect read answers from the neighbouring one it holds, saying what it lacks first', () => {
        // "多长时间" reads as processing time; keji-lvyuedai holds no processing time but states the loan term.
        const a = service.answer('科技履约贷能借多长时间');
        expect(a.item?.id).toBe('keji-lvyuedai');
        expect(a.text.indexOf('办理时间')).toBeLessThan(a.text.indexOf(card('keji-lvyuedai').terms!.term!.zh));
        expect(a.facts.map((f) => f.field)).toContain('terms.term');
    });

    it('English aspect words count in either number ("a loss" asks the risk split)', () => {
        const a = service.answer('Which insurer covers the performance bond loan and how much of a loss does it carry?');
        expect(a).toMatchObject({ item: { id: 'keji-lvyuedai' }, aspect: 'risk-sharing' });
        expect(a.text).toContain('45%');
    });

    it('an insurer asked: the passage naming it leads, whatever else the words point to', () => {
        // keji-lvyuedai history.0: the 2010 pilot, 承保方为太平洋保险; 科技创业中心 said beside it points to how to apply.
        const a = service.answer('科技创业中心那个履约贷，当初承保的是哪家保险公司？');
        expect(a.item?.id).toBe('keji-lvyuedai');
        expect(a.facts[0]!.text).toMatch(/承保方为太平洋保险/);
    });

    it('two named together with a number asked and no word of choosing: the figure each states nearest the words', () => {
        // huke-zhuandai facts: 获贷企业中九成以上为高新技术企业 (no digit in Chinese; "over 90%" in English).
        const a = service.answer('沪科专贷和沪科专贴覆盖的企业里，高新技术企业占比多少？');
        expect(a.comparison?.items.map((i) => i.id)).toEqual(['huke-zhuandai', 'huke-zhuantie']);
        expect(a.text.slice(0, 120)).toContain('九成以上');
        // With no number asked, what each is leads, as before.
        expect(service.answer('沪科专贷和沪科专贴').text).not.toContain('九成以上');
    });

    it('whom to call: where to apply, then each organization with its phones, each citing its own card', () => {
        const a = service.answer('科技履约贷找谁申请？联系电话多少');
        expect(a).toMatchObject({ status: 'answered', confident: true, item: { id: 'keji-lvyuedai' } });
        expect(a.facts[0]!.field).toBe('how_to_apply.0');
        const phones = a.facts.filter((f) => f.field.startsWith('phones.'));
        expect(phones.length).toBeGreaterThan(0);
        for (const f of phones) {
            const org = service.getItem(f.item)!;
            expect(org.kind).toBe('organization');
            for (const s of f.sources) expect(org.sources.map((x) => x.key)).toContain(s.key);
        }
        expect(a.text).not.toContain('来源未给出');
    });

    it('whom to call: where to apply, though the entry also notes what the sources lack, rather than "no contact"', () => {
        // huke-zhuandai how_to_apply.0: 向参与的商业银行（如上海银行）申请贷款…；来源中未找到直接申请渠道.
        const a = service.answer('沪科专贷找谁办');
        expect(a).toMatchObject({ status: 'answered', item: { id: 'huke-zhuandai' } });
        expect(a.facts[0]!.field).toBe('how_to_apply.0');
        expect(a.text.split('。')[0]).toContain('商业银行');
    });

    it('a word of choosing sets two named items side by side, whatever the phrasing', () => {
        for (const q of ['科技履约贷和科技微贷通差在哪', '高企贷跟沪科专贷比，哪个更便宜', '沪科专贷还是沪科专贴，选哪个']) {
            expect(service.answer(q).status, q).toBe('comparison');
        }
        // Two items listed as examples of a family are not a comparison.
        expect(service.answer('履约贷的保费补贴是多少').status).not.toBe('comparison');
    });

    it('a self-description before the question does not cost it the answer', () => {
        const plain = service.answer('科技微贷通的担保费补贴多少');
        const told = service.answer('我们是一家做工业软件的初创公司，十几个人，去年营收八百万左右，想了解一下科技微贷通的担保费补贴多少');
        expect(told).toMatchObject({ item: { id: plain.item!.id }, aspect: plain.aspect, confident: true });
        expect(told.facts[0]!.field).toBe(plain.facts[0]!.field);
    });

    it("what the money is for, told before a bare aspect, is part of the question: a personal loan is no card's", () => {
        // The clause that asks says only "what rate" / "how much": searched alone it is confident on whichever card
        // speaks most of rates. The purpose told before it (a house, a car, a wedding) is what the rate is asked of.
        for (const q of [
            "I'd like a loan to buy a new house for my family, what rate can I get?",
            '我想贷款买辆车，利率多少？',
            'Looking for a loan for my wedding, how much can I get?',
        ])
            expect(service.answer(q).confident, q).toBe(false);
        // A firm told before a question that names what it asks of is still searched on that question.
        const told = service.answer('我们是做芯片的，去年营收两个亿，沪科专贷的利率是多少？');
        expect(told).toMatchObject({ confident: true, item: { id: 'huke-zhuandai' }, aspect: 'rate' });
    });

    it('a firm told without punctuation, a space between its clauses, is read apart from the clause that asks', () => {
        // Searched whole, the firm's trade and sales weigh as much as the described loan, and nothing is sure.
        const a = service.answer('我们做SaaS的 年销售额五百万左右 政府和担保机构分担风险的那个贷款门槛是什么');
        expect(a).toMatchObject({ confident: true, item: { id: 'keji-weidaitong' } });
        expect(askingClauses('我们做SaaS的 年销售额五百万左右 门槛是什么')).toEqual(['门槛是什么']);
    });

    it('"当时" / "back then" asks of the time the passage that last answered speaks of', () => {
        // gaoqidai facts.1: launched 2019, eight pilot banks committed 505亿元; facts.2: the 2022 upgrade added 500亿元.
        const context = { focus: ['gaoqidai'], field: 'facts.1' };
        expect(service.answer('它当时有多少额度？', { context }).text.split('。')[0]).toContain('505亿');
        expect(service.answer('how much was committed back then?', { context }).text).toMatch(/^[^.]*50\.5 billion/);
        // Without a time pointed back at, the latest figure may lead as before.
        expect(service.answer('它现在有多少额度？', { context }).item?.id).toBe('gaoqidai');
    });

    it('an organization named as who issued a measure: the card of the measure answers, holding a little more of the question', () => {
        // relief-financing facts: 2022年4月2日，市科委出台支持科技企业纾困的"12条"措施. STCSM's card says so too, in fewer
        // of the question's words; the measures, not the commission, are what is asked of.
        const a = service.answer('市科委那12条纾困措施是什么时候发的？');
        expect(a.item?.id).toBe('relief-financing');
        expect(a.text).toContain('2022年4月2日');
    });

    it("a year the card named never states: another card's passage holding a third of the question answers it", () => {
        // srdi-measures-2025 is of April 2025 and states no 2024 figure; stcsm-reply-2024-85 facts.3 gives the SRDI firms'
        // loan balance at end-Q2 2024 (332.569 billion yuan, up 37.92%), a passage holding less than half of the question.
        const a = service.answer('loans to zhuanjingtexin (SRDI) SMEs at mid-2024 and the yoy');
        expect(a).toMatchObject({ item: { id: 'stcsm-reply-2024-85' }, confident: true });
        expect(a.text).toContain('37.92%');
    });

    it('the word after "how" is the degree asked, no word of the question: "how long is the term" stays with the focus', () => {
        // keji-lvyuedai terms.term: one insurer's wording covers loans of up to one year. The tech-finance plan writes
        // "medium- to long-term loans": "long" read as a word took the follow-up there.
        expect([...service.read('how long is the loan term?').terms.keys()]).not.toContain('long');
        const a = service.answer('how long is the loan term?', { context: { focus: ['keji-lvyuedai'] } });
        expect(a).toMatchObject({ item: { id: 'keji-lvyuedai' }, aspect: 'term' });
        expect(a.text).toContain('one year');
    });

    it('a follow-up whose words the card in focus holds as well as the card the search puts first stays with the focus', () => {
        // keji-weidaitong how_to_apply.0: 见保即贷, the bank lends (放款) once the guarantee is issued; keji-lvyuedai writes
        // 放款 more often, so the search puts it first.
        const q = '要多久能放款';
        expect(service.answer(q, { context: { focus: ['keji-weidaitong'] } }).item?.id).toBe('keji-weidaitong');
        // A short word of another item's name in a question of its own is a word of the question when the focus holds the
        // rest as well (ip-pledge-financing terms.risk_sharing: 贷款违约2个月后银行即可申请代偿; 补偿 of 信贷风险补偿).
        const claim = service.answer('如果企业还不上，银行多久可以申请补偿？', { context: { focus: ['ip-pledge-financing'] } });
        expect(claim.item?.id).toBe('ip-pledge-financing');
        expect(claim.text.slice(0, 80)).toContain('2个月');
        // A short name still names its item when the focus holds nothing else of the question, or in "那X呢".
        expect(service.answer('科委的地址在哪', { context: { focus: ['gaoqidai'] } }).item?.id).toBe('stcsm');
        expect(service.answer('专贴呢', { context: { focus: ['huke-zhuandai'] } }).item?.id).toBe('huke-zhuantie');
        // An organization named in a question about the item in focus, its card holding little of it but the name, is a
        // word of the question (credit-risk-compensation facts.3: 已享受政策性融资担保…的贷款不纳入补偿范围; 政策性担保 is an
        // alias of the guarantee fund).
        const guaranteed = '如果这笔贷款有政策性担保，银行还能申请补偿吗';
        const excluded = service.answer(guaranteed, { context: { focus: ['credit-risk-compensation'] } });
        expect(excluded.item?.id).toBe('credit-risk-compensation');
        expect(excluded.text.slice(0, 60)).toContain('不纳入');
        // With nothing in focus the name names it; asked whom to call, the organization answers whatever is in focus.
        expect(service.answer(guaranteed).item?.id).toBe('sme-financing-guarantee-fund');
        expect(service.answer('政策性担保基金的电话是多少', { context: { focus: ['credit-risk-compensation'] } }).item?.id).toBe(
            'sme-financing-guarantee-fund',
        );
        // A word the focus does not hold still goes where it is written: a patent pledge is ip-pledge-financing's.
        expect(service.answer('专利质押登记要多久', { context: { focus: ['keji-weidaitong'] } }).item?.id).toBe('ip-pledge-financing');
    });

    it('words of the aspect asked and words most cards hold name no card: asked back alone, the card in focus after an answer', () => {
        // "get back" asks the subsidy aspect; "back" is otherwise a rare word (ip-pledge-financing: "Shanghai backs it"),
        // which made the search confident on that card; "bank" is held by most cards.
        const q = 'how much does the bank get back?';
        const alone = service.answer(q);
        expect(alone).toMatchObject({ confident: false, status: 'unknown' });
        expect(alone.clarify).toBeDefined();
        const after = service.answer(q, { context: { focus: ['credit-risk-compensation'] } });
        expect(after).toMatchObject({ confident: true, item: { id: 'credit-risk-compensation' } });
        // A word that tells cards apart still chooses the card with nothing named (a patent pledge: ip-pledge-financing).
        expect(service.answer('how much does the bank get back on a patent-pledge loan?')).toMatchObject({
            confident: true,
            item: { id: 'ip-pledge-financing' },
        });
    });

    it('a product named stays the subject when another card speaks more of the rest, unless that card writes the name too', () => {
        // keji-weidaitong's eligibility (start-up stage, revenue 200–1000万) holds more of the words than any passage of
        // keji-lvyuedai, whose sources give no revenue or age threshold: the question asks of 履约贷 all the same, and
        // whether a firm so described qualifies (its conditions).
        const a = service.answer('can a startup with no revenue get lvyuedai');
        expect(a).toMatchObject({ item: { id: 'keji-lvyuedai' }, aspect: 'eligibility' });
        expect(subjectCues('can a start-up with no revenue get it', service.read('can a start-up with no revenue get it')).wants).toBe('fit');
        // A name that is a word of the question, written by the passage that answers: the reply's 专精特新企业 figure.
        expect(service.answer('专精特新企业贷款余额多少').item?.id).toBe('stcsm-reply-2024-85');
    });

    it('"does it fit us", "is it right for our company" ask whether the firm qualifies, as "which fits us" asks for the match', () => {
        const q = 'Would weidaitong suit us, or are we too big for it?';
        expect(subjectCues(q, service.read(q)).wants).toBe('fit');
        // keji-weidaitong eligibility: start-up stage, micro to medium, annual revenue 200–1000万.
        const a = service.answer(q);
        expect(a).toMatchObject({ item: { id: 'keji-weidaitong' }, aspect: 'eligibility' });
        // The revenue bounds in English as an English reader counts them, the card's 万元 beside them.
        expect(a.text).toMatch(/2 million yuan – 10 million yuan \(200–1000万元\)/);
        expect(service.answer('Is gaoqidai right for our company?').aspect).toBe('eligibility');
        expect(service.answer('does huke zhuandai work for us?').aspect).toBe('eligibility');
        // Whom it is made for asks the same: "designed for", "aimed mainly at" (not how to apply, not the overview).
        for (const q of ['who was gaoqidai designed for?', 'huke zhuantie - aimed mainly at big firms?'])
            expect(service.answer(q).aspect, q).toBe('eligibility');
        // Open to, or working for, a firm described asks the same; how it works for the bank does not.
        for (const q of ['Is lvyuedai open to a firm that is only two years old?', 'would gaoqidai work for a 10-person software firm?'])
            expect(service.answer(q).aspect, q).toBe('eligibility');
        expect(service.answer('how does gaoqidai work for the bank?').aspect).not.toBe('eligibility');
    });

    it('whether something of the firm\'s stands in the way ("会影响我们申请吗", "does that count against us") asks the conditions', () => {
        expect(service.answer('这种情况会影响我们申请高企贷吗？').aspect).toBe('eligibility');
        // With a word that points to one condition, that condition answers: the negative list, for a loan once overdue.
        expect(service.answer('我们之前有笔贷款逾期过，会影响申请高企贷吗？').facts[0]!.text).toMatch(/负面清单/);
        expect(service.answer('we had one late repayment two years ago. would that count against us for gaoqidai?').aspect).toBe('eligibility');
    });

    it('the conditions asked with no word pointing to one are shown together, the negative list after who may apply', () => {
        // gaoqidai eligibility: the profile, registered HNTEs, "of a certain scale", and the negative list (不良逾期、重大诉讼…).
        const a = service.answer('高企贷的申请条件有哪些');
        expect(a.aspect).toBe('eligibility');
        expect(a.text.slice(0, 500)).toMatch(/负面清单/);
    });

    it('whether the firm can apply is answered by the conditions: 申请 and its synonyms frame the question, they point nowhere', () => {
        // keji-weidaitong application: "须由企业主动申请…" holds 申请, apply, application (all generic, 0.25); the
        // conditions are what "能申请吗" asks (eligibility: 初创期, 年销售额200万至1000万元).
        const a = service.answer('能申请科技微贷通吗');
        expect(a.item?.id).toBe('keji-weidaitong');
        expect(a.text).toMatch(/初创期|200/);
        expect(a.text.split('。')[0]).not.toContain('主动申请');
    });

    it('asking which document an item rests on is answered by the passage citing one, not the overview', () => {
        const index = createSearchIndex(service.snapshot());
        const wants = (q: string) => subjectCues(q, index.read(q)).wants;
        expect(wants('科技支行是按哪个通知建的')).toBe('document');
        expect(wants('which circular sets out the premium subsidy?')).toBe('document');
        // The papers to bring are another question.
        expect(wants('微贷通要准备什么文件')).not.toBe('document');
        expect(wants('what documents do we need for gaoqidai')).not.toBe('document');
        // tech-branches facts.0: 推进落实《关于做好上海银行业科技支行梯度培育…的通知》; facts.1: 沪金规〔2024〕1号.
        const a = service.answer('科技支行是按哪个通知建的');
        expect(a.item?.id).toBe('tech-branches');
        expect(a.text.split('。')[0]).toMatch(/《[^》]*通知》|沪金规/);
    });

    it('with nothing named and the search unsure, a passage holding only the aspect and words most cards hold is no answer', () => {
        // tech-finance-plan-2025 facts.2 speaks of bank credit, loans and interest rates: most of these questions' words,
        // none that tells one card from another (rate is the aspect; loan, bank and their synonyms are in most cards).
        for (const q of [
            'car loan interest rate at bank of china?',
            'what is the interest rate on a personal car loan',
            'personal car loan interest rates',
        ])
            expect(service.answer(q).confident, q).toBe(false);
        // A statistic asked with nothing named still comes from the passage that states it: 专精特新企业 tells.
        const figure = service.answer('专精特新企业的贷款余额同比增长了多少');
        expect(figure).toMatchObject({ confident: true, item: { id: 'stcsm-reply-2024-85' } });
        expect(figure.text.split('。')[0]).toContain('37.92');
    });

    it('with nothing named, a word that tells cards apart is told by the word itself, not by a longer word it begins', () => {
        // innovation-voucher writes "start-up teams" and "buy professional services": "star" begins "start", yet the STAR
        // board is no word of the card.
        expect(service.answer('should I buy tech stocks listed on the STAR board').confident).toBe(false);
        // The word itself, or its inflections, still tells: start-ups buying services are the voucher's.
        const voucher = service.answer('which scheme helps start-up teams buy professional services?');
        expect(voucher).toMatchObject({ confident: true, item: { id: 'innovation-voucher' } });
    });

    it('nor by a compound that merely holds it, unless the question says the compound', () => {
        // tech-innovation-relending writes "joint-stock banks" and names China Merchants Bank: a bank's stock is no word of it.
        expect(service.answer('Are shares of China Merchants Bank a good stock to own this year?').confident).toBe(false);
        // Said as the compound, it is the card's word: gaoqidai's 2022 upgrade added joint-stock banks.
        expect(service.answer('which joint stock banks joined gaoqidai in 2022?').item?.id).toBe('gaoqidai');
    });
});

describe('who is in it', () => {
    it('asks for the members, not for the body that runs it', () => {
        // kechuang-finance-alliance summary: about 100 banks, securities firms, insurers and equity investors.
        const a = service.answer("who's really part of the Shanghai sci-tech finance alliance besides banks?");
        expect(a).toMatchObject({ item: { id: 'kechuang-finance-alliance' }, status: 'answered' });
        expect(a.facts[0]!.text).toMatch(/insurers/);
        // Who runs it is still the body behind it.
        expect(service.answer("who's behind weidaitong?").facts[0]!.text).toContain('上海市科技创业中心');
    });
});

describe('a total lent', () => {
    it('asked with no word of ability is a figure, though 多少钱 reads the amount', () => {
        // keji-lvyuedai facts: 2021年科技履约贷向600家企业放款26.69亿元; terms.amount gives examples of single loans.
        // relief-financing facts.0: 累计为7760户科技企业投放纾困融资贷款446.84亿元.
        for (const [q, id, figure] of [
            ['我们是嘉定一家做新能源材料的，想看看履约贷盘子大不大，2021年一共放出去多少钱？', 'keji-lvyuedai', '26.69亿元'],
            ['纾困融资贷款到现在累计给科技企业放了多少钱？', 'relief-financing', '446.84亿元'],
            // The lending of a year said in the past is that year's total, the year written with two digits too.
            ['履约贷21年放了多少钱', 'keji-lvyuedai', '26.69亿元'],
        ] as const) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id }, aspect: 'figures', status: 'answered' });
            expect(a.text.split('。')[0], q).toContain(figure);
        }
    });

    it('asked with a word of ability or a limit stays what a firm can get', () => {
        for (const q of ['履约贷一共能贷多少钱', '科技微贷通最多一共可以借多少']) expect(service.answer(q).aspect, q).toBe('amount');
        // 多大 asks the size as 多少 does ("能批到多大"); not 多大的企业 (whom it is for) nor 多大年 (how old).
        expect(service.answer('履约贷实际能批到多大？').aspect).toBe('amount');
        expect(service.answer('高企贷能贷多大的企业').aspect).not.toBe('amount');
    });
});

describe('which document', () => {
    it('asks the document an item rests on, not the papers to bring, though it says "document"', () => {
        // keji-lvyuedai facts: the pilot launched in October 2010 under 沪科合〔2010〕34号.
        const a = service.answer("what document launched lvyuedai's first pilot in 2010?");
        expect(a).toMatchObject({ item: { id: 'keji-lvyuedai' }, status: 'answered' });
        expect(a.facts[0]!.text).toContain('〔2010〕34号');
        // The papers to bring are still asked by "what documents do we need".
        expect(service.answer('what documents do we need for gaoqidai?').aspect).toBe('documents');
    });

    it('asks the document an item rests on when "document" reads as how to apply, whatever words other passages hold', () => {
        // premium-subsidy: 沪科〔2025〕212号 in its summary and document fields; "policy" and "based" are in other passages.
        const a = service.answer('what policy document is the premium subsidy based on?');
        expect(a).toMatchObject({ item: { id: 'premium-subsidy' }, confident: true });
        expect(a.text.slice(0, 200)).toContain('212号');
        expect(a.aspect).not.toBe('how-to-apply');
    });
});

describe('when asked', () => {
    it('a passage stating a date comes before one that holds the aspect by another sense of its words', () => {
        // gaoqidai eligibility.conditions.2 (the negative list) speaks of credit history and states no date; facts.1 says
        // when the scheme was launched.
        const a = service.answer('when did gaoqidai come out?');
        expect(a.item?.id).toBe('gaoqidai');
        expect(a.facts[0]!.text).toMatch(/2019/);
    });

    it('when an item began is answered by the earliest beginning on its card, not by a later round sharing the verb', () => {
        // credit-risk-compensation: summary and facts.0 say the fund was set up in 2012; facts.7 that a new round "开始实施"
        // in 2025, the only passage holding the question's 开始.
        const a = service.answer('信贷风险补偿政策最早是从哪一年开始的？');
        expect(a).toMatchObject({ item: { id: 'credit-risk-compensation' }, status: 'answered', confident: true });
        expect(a.facts[0]!.text).toMatch(/2012年/);
        // A later round asked is that round.
        const round = service.answer('新一轮信贷风险补偿是哪一年开始实施的？');
        expect(round.facts[0]!.text).toMatch(/2025年开始实施/);
        // A number asked of the time it began is the number, not the time.
        const pledged = service.answer('How much did the pilot banks pledge when gaoqidai was launched?');
        expect(pledged.text.slice(0, 300)).toMatch(/50\.5 billion|505亿/);
    });

    it('a beginning stated in a passage that also notes a gap of another aspect answers, and is not "not held"', () => {
        // xinyidai-platform how_to_apply.0: "Opened in May 2020 … the sources give neither the number nor a web address": a
        // note of a missing contact, the only passage stating when the platform began; the card has no history field.
        const a = service.answer('since when has the credit-easy loan platform been open to firms?');
        expect(a).toMatchObject({ item: { id: 'xinyidai-platform' }, status: 'answered', confident: true });
        expect(a.facts[0]!.text).toMatch(/May 2020/);
        const zh = service.answer('信易贷平台是哪一年上线的？');
        expect(zh).toMatchObject({ status: 'answered' });
        expect(zh.text).not.toMatch(/^.{0,40}(?:未给出|没有给出)/);
        expect(zh.facts[0]!.text).toMatch(/2020年5月/);
    });
});

describe('a split asked that the card gives no figures for', () => {
    it('says the figures are not given, then what the card says of the split in words', () => {
        // kechuang-zhulidai notes.0: no ratio is given; facts.0: government, bank and guarantor or insurer share the risk.
        const a = service.answer('科创助力贷的风险怎么分担？');
        expect(a).toMatchObject({ item: { id: 'kechuang-zhulidai' }, status: 'not-held' });
        expect(a.facts.map((f) => f.field)).toEqual(['notes.0', 'facts.0']);
        expect(a.text.slice(0, 300)).toMatch(/政府\+银行\+担保/);
    });
});

describe('which kind of help an item is', () => {
    it('a choice between two kinds of help asks what the item is, not whether it holds a subsidy', () => {
        // huke-zhuantie holds no subsidy field: "is it a loan or a subsidy?" was answered "the sources give no subsidy".
        for (const q of ['is huke zhuantie a loan or a subsidy?', '沪科专贴到底是补贴还是贷款？']) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'huke-zhuantie' }, status: 'answered', aspect: 'what-is' });
            expect(a.facts[0]!.field, q).toBe('summary');
        }
        // A choice between other things asks of them: fixed or floating is the rate.
        expect(service.answer('履约贷的利率是固定还是浮动').aspect).toBe('rate');
    });
});

describe('by when', () => {
    it('a deadline asked is answered by the passage stating the date a step must be done by', () => {
        // premium-subsidy facts.3: the credit self-check "须在2025年6月30日前…完成" / "by 30 June 2025", a condition the
        // card lists among the firm's requirements; its window field says only that applications are taken all year.
        for (const q of ['保费补贴还得去查信用吗？截止日期是哪天？', '保费补贴有截止日期吗，是不是要先查信用']) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'premium-subsidy' }, status: 'answered' });
            expect(a.facts[0]!.text, q).toMatch(/6月30日|30 June 2025/);
        }
    });
});

describe('who', () => {
    it('"who is the operator / the insurer" asks who runs it, not who may apply', () => {
        // xinyidai-platform facts.2: "run by 上海市经济信息中心"; the card gives no eligibility, and "who is" once read it as
        // asked, so kejin said the sources give no eligibility.
        const operator = service.answer('who is the operator of the credit-easy loan platform');
        expect(operator).toMatchObject({ status: 'answered', item: { id: 'xinyidai-platform' } });
        expect(operator.facts[0]!.text).toMatch(/run by/);
        // keji-lvyuedai terms.partner_banks.0: "China Pacific Insurance was the insurer" at the 2010 pilot.
        const insurer = service.answer('Who is the insurer of lvyuedai?');
        expect(insurer.text.slice(0, 300)).toMatch(/China Pacific Insurance/);
    });

    it('whom an item is made for asks the conditions, whatever else the message tells', () => {
        for (const q of ['who is weidaitong designed for? we are a 3-person studio with no revenue yet', 'keji weidaitong - who is it really for?']) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'keji-weidaitong' }, aspect: 'eligibility' });
        }
    });
});

describe('a per-firm amount asked of a scheme that publishes only its total quota', () => {
    it('says the per-firm limit is not given and that the quotas are totals', () => {
        // gaoqidai terms.amount: no per-firm limit in the sources; 505亿 (2019, S9) and +500亿 (2022, S2) are quotas.
        const zh = service.answer('高企贷一家企业最多能贷多少？');
        expect(zh).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'amount', status: 'not-held' });
        expect(zh.text.slice(0, 200)).toContain('来源未给出单户额度上限');
        expect(zh.text.slice(0, 200)).toContain('总额度');
        const en = service.answer('how much can one firm borrow under gaoqidai?');
        expect(en.text.slice(0, 300)).toContain('no per-firm limit');
    });
});

describe('a span of years asked', () => {
    it('is answered by a passage stating both years before one stating either', () => {
        // credit-risk-compensation facts.2: "The 2024–2025 round has 1 billion yuan"; facts.7 speaks of the round that
        // began in 2025 and names no sum.
        const a = service.answer('How large was the 2024–2025 credit reward and compensation fund?');
        expect(a.item?.id).toBe('credit-risk-compensation');
        expect(a.facts[0]!.text).toMatch(/2024–2025/);
        expect(a.text.slice(0, 300)).toContain('1 billion yuan');
    });
});

describe('a figure asked that no passage shown states', () => {
    it('is said not to be given, when no aspect is read and the passages the words point to state no figure', () => {
        // kechuang-zhulidai: no passage gives an approval rate; the summary the words point to states no number at all.
        for (const [q, note] of [
            ['科创助力贷的审批通过率多高？', '来源未给出这个数字'],
            ['Sci-tech boost loan: what is the approval ratio?', 'The sources give no figure for this'],
        ] as const) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'kechuang-zhulidai' }, status: 'not-held', confident: true });
            expect(a.text, q).toContain(note);
        }
        // However the question word is typed: whats, what’s (a curly apostrophe) ask as what's does.
        for (const q of ['Whats the approval ratio of the sci-tech boost loan?', 'What’s the approval ratio of the sci-tech boost loan?']) {
            expect(service.answer(q), q).toMatchObject({ item: { id: 'kechuang-zhulidai' }, status: 'not-held' });
        }
        // The sum a firm can get is a number asked, whatever word frames it: huke-zhuandai states no per-firm sum.
        const most = service.answer("What's the most one firm can borrow under huke zhuandai?");
        expect(most).toMatchObject({ item: { id: 'huke-zhuandai' }, status: 'not-held', aspect: 'amount' });
        expect(most.text).toContain('The sources give no figure for the');
        // A figure the passage does state is no gap: 1824家 of facts.2.
        const told = service.answer('科创助力贷一共有多少家企业用过？');
        expect(told.status).toBe('answered');
        expect(told.text).not.toContain('来源未给出这个数字');
    });

    it('a year, a date or a document number is no figure: a rate stated only by its year is said not to be given', () => {
        // relief-financing facts.2: financing costs in 2022 "no higher than in 2021", the only passage on the rate; it
        // states years, no rate.
        const zh = service.answer('纾困融资贷款的利率是百分之几？');
        expect(zh).toMatchObject({ item: { id: 'relief-financing' }, status: 'not-held', confident: true });
        expect(zh.text).toContain('不高于2021年');
        expect(zh.text).toContain('来源未给出具体的利率数字');
        const en = service.answer('What is the interest rate on relief financing loans, in percent?');
        expect(en).toMatchObject({ item: { id: 'relief-financing' }, status: 'not-held' });
        expect(en.text).toContain('The sources give no figure for the');
    });

    it("a document's number asked is the document, not a figure", () => {
        // premium-subsidy: the 2024–2025 round rests on 沪科〔2025〕212号 (summary, document).
        const a = service.answer('What is the doc number of the premium subsidy policy?');
        expect(a).toMatchObject({ item: { id: 'premium-subsidy' }, status: 'answered' });
        expect(a.text.slice(0, 300)).toContain('212号');
        expect(a.text).not.toContain('no figure');
    });
});

describe('a document named by its number', () => {
    it('is not answered by a passage of its card on another document, whatever words they share', () => {
        // stcsm-reply-2024-85 facts.12 tells of the reply a year later, 沪科提复〔2025〕42号, which also answered a proposal.
        const a = service.answer('沪科提复〔2024〕85号回复的提案是谁提的？');
        expect(a.item?.id).toBe('stcsm-reply-2024-85');
        expect(a.facts.map((f) => f.text).join('')).not.toContain('42号');
        expect(a.text).toContain('雷财华');
    });

    it("states what the reply says of the next risk compensation round, in the reply's own words", () => {
        // stcsm-reply-2024-85 facts (next steps), from the reply's part two: 优化补偿比例和门槛设定机制，探索对重点产业的差异化补偿方式.
        const a = service.answer('85号答复对信贷风险补偿政策提了哪些改进方向？');
        expect(a.item?.id).toBe('stcsm-reply-2024-85');
        expect(a.text.slice(0, 300)).toContain('差异化补偿');
    });

    it('named by who issued it and when is that document, in either script (答復, 答覆 are 答复)', () => {
        // stcsm-reply-2024-85: STCSM's reply of 12 October 2024; the stcsm card is its issuer, not the document.
        for (const q of ['科委2024年有个答复，讲了什么？', '科委2024年有個答復，講了什麼？', '科委2024年有個答覆，講了什麼？']) {
            expect(service.answer(q).item?.id, q).toBe('stcsm-reply-2024-85');
        }
    });

    it('is read in traditional characters as in simplified ones (85號 is 85号)', () => {
        const a = service.answer('滬科提復〔2024〕85號是哪天發的？回覆的是誰的提案？');
        expect(a.item?.id).toBe('stcsm-reply-2024-85');
        expect(a.facts.map((f) => f.text).join('')).not.toContain('42号');
        expect(a.text).toMatch(/2024-10-12|2024年10月12日/);
    });
});

describe('a passage that states a fact and notes what its sources lack', () => {
    it('answers a question without an aspect word whose own words it holds', () => {
        // gaoqidai terms.term: 部分额度专门用于信用贷款和中长期贷款；来源未给出具体期限上限. 中长期 is no aspect word; the
        // note of the missing limit does not make the passage a mere note.
        const a = service.answer('高企贷支持中长期贷款吗');
        expect(a.item?.id).toBe('gaoqidai');
        expect(a.text.split('。')[0]).toContain('中长期');
        // A bare question still gets the overview, not a note of what is missing.
        expect(service.answer('高企贷').text.split('。')[0]).not.toContain('未给出');
    });
});

describe('a name read loosely', () => {
    it('a piece of a pinyin name is weaker than the names of a card that hold more of the question', () => {
        // "kechuang" is a piece of kechuang zhulidai; kechuang-finance-alliance's names are 科创金融联盟 / finance alliance.
        expect(service.answer('What is the Shanghai kechuang finance alliance?').item?.id).toBe('kechuang-finance-alliance');
        // Alone, the piece still names the loan; a Han name said by sound is the name (微带通: 微贷通).
        expect(service.answer('kechuang loan amount').item?.id).toBe('kechuang-zhulidai');
        expect(service.answer('微带通 担保费多少个点').item?.id).toBe('keji-weidaitong');
    });

    it('the first syllables of two names, half of one short alias (kechuang: 科创贷款, 科创金融联盟), name neither', () => {
        const index = createSearchIndex(service.snapshot());
        expect(index.read('the kechuang finance alliance: what is its three-year target?').named.map((n) => n.id)).not.toContain('kechuang-zhulidai');
        // kechuang-finance-alliance facts.3: a three-year plan of April 2024 with a 2万亿元 target.
        const a = service.answer('the kechuang finance alliance: what is its three-year target?');
        expect(a.item?.id).toBe('kechuang-finance-alliance');
        expect(a.text.slice(0, 200)).toMatch(/2 trillion/);
    });

    it('the first syllables of a name that are half of another name name neither (shanghai kechuang: 上海科创中心, 上海科创金融联盟)', () => {
        const index = createSearchIndex(service.snapshot());
        const q = 'Is the Shanghai kechuang finance alliance aimed at established firms planning an IPO or at young companies?';
        expect(index.read(q).named.map((n) => n.id)).not.toContain('shanghai-tech-entrepreneurship-center');
        // Never confidently about the entrepreneurship centre.
        const a = service.answer(q);
        expect(a.confident && a.item?.id === 'shanghai-tech-entrepreneurship-center').toBe(false);
        // More than half of one name and less than half of every other still names it (lvyue: 履约贷, 履约贷保费补贴).
        expect(index.read('lvyue rate').named.map((n) => n.id)).toContain('keji-lvyuedai');
    });
});

describe('names said by sound', () => {
    it('reads a same-sound character in a short name, and a name written in pinyin', () => {
        // 旅/履, 高启/高企, 新/信 are what a pinyin input method offers beside the right character.
        expect(service.answer('旅约贷最多能贷多少').item?.id).toBe('keji-lvyuedai');
        expect(service.answer('高启贷有哪些合作银行').item?.id).toBe('gaoqidai');
        expect(service.answer('新易贷平台是什么').item?.id).toBe('xinyidai-platform');
        expect(service.answer('gaoqidai partner banks').item?.id).toBe('gaoqidai');
        const both = service.answer("Hu Ke Zhuan Dai vs Hu Ke Zhuan Tie — what's the difference?");
        expect(both.comparison?.items.map((i) => i.id).sort()).toEqual(['huke-zhuandai', 'huke-zhuantie']);
    });

    it("reads a name's first or last syllables written in pinyin when they spell one item's names only, or most of one", () => {
        // zhuandai is 专贷 of 沪科专贷, zhuantie 专贴 of 沪科专贴: the short names founders write.
        const both = service.answer('Zhuandai vs zhuantie at end-April 2025, which book is bigger?');
        expect(both.comparison?.items.map((i) => i.id).sort()).toEqual(['huke-zhuandai', 'huke-zhuantie']);
        expect(service.read('zhuandai rate').named.map((n) => n.id)).toEqual(['huke-zhuandai']);
        // lvyue is two of 履约贷's three syllables, and two of 履约贷保费补贴's seven: it names 履约贷.
        expect(service.read('lvyue loan rate').named.map((n) => n.id)).toEqual(['keji-lvyuedai']);
        const lvyue = service.answer('Lvyue loan: if the firm defaults, what share of the loss does the insurer take?');
        expect(lvyue).toMatchObject({ item: { id: 'keji-lvyuedai' }, aspect: 'risk-sharing' });
        expect(lvyue.text).toContain('insurer 45%');
        // Pieces shared by several items' names alike (keji: 科技…), and English words, name nothing.
        expect(service.read('keji loan').named).toEqual([]);
        expect(service.read('how do I apply for a loan in shanghai').named).toEqual([]);
    });

    it('a name said by sound is the named card speaking of itself: the subject, however well another card holds the rest', () => {
        // No card writes "gaoqi": unless it is 高企贷's own name there, each of its passages misses the question's rarest
        // word, and the tech-finance plan, which writes "loan interest rate", held more of the question than the card named.
        const a = service.answer('gaoqi loan interest rate');
        expect(a).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'rate', confident: true });
        expect(a.text).toContain('LPR');
    });

    it('reads a pinyin piece of a few names as the one whose own names hold a word written beside it', () => {
        // kechuang (科创) begins 科创助力贷 and 科创金融联盟 alike; "finance alliance" is the alliance's English name.
        expect(service.read('how many members does the kechuang finance alliance have').named.map((n) => n.id)).toEqual([
            'kechuang-finance-alliance',
        ]);
        expect(service.answer('how many members does the kechuang finance alliance have')).toMatchObject({
            confident: true,
            item: { id: 'kechuang-finance-alliance' },
        });
        // renmin (人民) begins 人民银行's name, and any street, square or university: beside none of its words, no name.
        expect(service.read('how do I get to renmin square by metro').named).toEqual([]);
    });

    it('reads the longest run of pinyin words that spells a name, and no shorter name inside it', () => {
        // xin yong (信用) begins a name of the Xinyidai platform's; here it is part of 小巨人信用贷 said syllable by syllable.
        expect(service.read('xiao ju ren xin yong dai: what is the rate?').named.map((n) => n.id)).toEqual(['xiaojuren-xinyongdai']);
        expect(service.answer('xiao ju ren xin yong dai: what is the rate?').item?.id).toBe('xiaojuren-xinyongdai');
    });

    it('reads a name written in pinyin as the name is said, a character of several readings as the word reads it', () => {
        // 行 alone is xing; in 科技支行 (tech-branches) it is hang.
        expect(service.read('keji zhihang: how many will be set up?').named.map((n) => n.id)).toEqual(['tech-branches']);
    });

    it('reads a pinyin name through one slip of typing, when the slip leads to one item only', () => {
        // gaoqdai (a letter dropped), weidaitnog and zhaundai (two letters swapped): 高企贷, 科技微贷通, 沪科专贷.
        expect(service.read('gaoqdai: which banks?').named.map((n) => n.id)).toEqual(['gaoqidai']);
        expect(service.answer('weidaitnog: how fast is the money out?').item?.id).toBe('keji-weidaitong');
        expect(service.read('huke zhaundai rate').named.map((n) => n.id)).toEqual(['huke-zhuandai']);
        // An English word is no slip of a name.
        expect(service.read('how do banks weigh collateral').named).toEqual([]);
    });

    it('is not confident on exactly half of a question: a word a card holds beside one no card holds', () => {
        // "match" is in a card's text, "won" in none, at equal weight: half is not more than half.
        const e = service.search('who won the match');
        expect(e.confident).toBe(false);
        expect(service.answer('房贷利率多少').confident).toBe(false);
    });

    it('does not hear a name in words that only share a sound with part of it', () => {
        // 履约 alone (two characters) is not read by sound, nor is an unrelated three-character word.
        expect(service.read('我们公司一直按时履约').named).toEqual([]);
        expect(service.read('今天天气怎么样').named).toEqual([]);
    });
});

describe('reading the question, not a word list', () => {
    it('the papers to prepare are not the negative list: 清单 of 负面清单 is no list of documents', () => {
        // gaoqidai has no documents field; its negative list (eligibility.conditions.2) wrote 清单, which read as documents.
        const a = service.answer('申请高企贷要准备哪些材料');
        expect(a).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'documents', status: 'not-held' });
        expect(a.text).not.toContain('负面清单');
        expect(service.answer('高企贷的负面清单有哪些').text).toContain('负面清单');
    });

    it("with no aspect read, a passage holding a third of the question's words answers, not the summary", () => {
        // huke-zhuandai eligibility: 截至约2024年一季度，获贷企业中九成以上为高新技术企业. The summary names high-tech
        // enterprises among the targets and says nothing of how many borrowers were.
        const a = service.answer('滬科專貸主要都貸給高企了嗎');
        expect(a.item?.id).toBe('huke-zhuandai');
        expect(a.text).toContain('九成以上');
    });

    it("with nothing on the card for the aspect read, a passage holding most of the question's words comes before a neighbour's field", () => {
        // 信易贷 has no eligibility field; its summary says whom it serves (中小微企业), where to apply (the neighbour) does not.
        const a = service.answer('信易贷平台主要服务哪类企业');
        expect(a).toMatchObject({ item: { id: 'xinyidai-platform' }, aspect: 'eligibility', status: 'not-held' });
        expect(a.facts[0]?.field).toBe('summary');
        expect(a.text).toContain('中小微企业');
    });

    it("an item's own name is not an aspect asked: 补贴 in 科技信贷保费补贴 does not make a credit question a subsidy one", () => {
        const a = service.answer('被列入严重失信名单的企业还能拿到科技信贷保费补贴吗');
        // premium-subsidy facts.3 / body: the firm must be in good credit standing, not on a serious-dishonesty list.
        expect(a.item?.id).toBe('premium-subsidy');
        expect(a.aspect).not.toBe('subsidy');
        expect(a.text).toContain('失信');
    });

    it('a piece of a name cut at its punctuation names nothing (上海 and 平台 of 上海“信易贷”平台)', () => {
        expect(service.read('上海有哪些平台').named.map((n) => n.id)).not.toContain('xinyidai-platform');
        expect(service.read('上海信易贷平台').named.map((n) => n.id)).toContain('xinyidai-platform');
    });

    it('words that only tell about the firm weigh less than the words of the question in choosing a passage', () => {
        // 成立7年、员工50人 share 年 and numbers with dated passages; the question is about a penalty and an overdue card.
        const a = service.answer('我们公司是高新，成立7年，员工50人，营收5000万。去年因为环保问题被行政处罚过一次，这种情况还能申请高企贷吗？');
        expect(a.item?.id).toBe('gaoqidai');
        expect(a.text).toContain('负面清单');
    });

    it('"什么时候" with no aspect word wants a date: the passage stating it next to the question\'s word', () => {
        const a = service.answer('上海信易贷平台啥时候上线的？');
        // xinyidai-platform how_to_apply: "平台于2020年5月上线".
        expect(a.item?.id).toBe('xinyidai-platform');
        expect(a.text.indexOf('2020年5月')).toBeGreaterThanOrEqual(0);
        expect(a.text.indexOf('2020年5月')).toBeLessThan(120);
    });

    it('a card\'s own note that it lacks the amount stays the answer to "最多能贷多少", however many numbers the card holds', () => {
        const a = service.answer('我们是一家初创科技公司，想办科技微贷通，现在最多能贷多少？');
        expect(a.status).toBe('not-held');
    });

    it('a verb of lending after "can" or "how big" asks the sum a firm can get: the amount, not a passage sharing another word', () => {
        // keji-lvyuedai terms.amount: examples of 500万元 (2021) and 1000万元 (March 2022); "实际" is also in 实际缴纳保费 of the subsidy.
        for (const q of ['履约贷一般能批多少 有没有实际例子', '履约贷一般可以批下来多少', 'how big a loan can a firm get under lvyuedai?']) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'keji-lvyuedai' }, aspect: 'amount', confident: true });
            expect(a.text, q).toMatch(/500万元|5 million/);
        }
        // A sum lent in a year gone by is a figure, not what a firm can get.
        expect(service.answer('履约贷2021年放了多少').aspect).not.toBe('amount');
    });

    it('a superlative of size before a verb or noun of lending asks the sum a firm can get, over the frame "what\'s"', () => {
        // keji-lvyuedai terms.amount: examples of 500万元 and 1000万元; "what's" alone reads the overview.
        for (const q of [
            'what is the most a firm can borrow under lvyuedai?',
            "what's the max loan a company can get from lvyuedai",
            "what's the biggest ticket a firm can get on lvyuedai?",
        ]) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'keji-lvyuedai' }, aspect: 'amount', confident: true });
            expect(a.text.slice(0, 300), q).toMatch(/5 million|10 million/);
        }
        // A superlative of something else is no sum: "the highest rate", "most firms".
        expect(service.answer("what's the highest rate on lvyuedai?").aspect).not.toBe('amount');
        expect(service.answer('do most firms get lvyuedai in a week?').aspect).not.toBe('amount');
    });

    it('最高 / 最多 before 多少, with no verb of lending ("单笔最高多少"), asks the sum, as "the max" does', () => {
        for (const q of ['履约贷单笔最高多少', '履约贷每户最多多少钱']) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'keji-lvyuedai' }, aspect: 'amount' });
            expect(a.text.slice(0, 300), q).toMatch(/500万元/);
        }
        // With an aspect word, the aspect word says what is highest: 利率最高多少 asks the rate.
        expect(service.answer('履约贷利率最高多少').aspect).toBe('rate');
    });

    it('the size of what is lent ("loan size", "the size of the facility") asks the sum, not the sizes of firms served', () => {
        // keji-lvyuedai eligibility lists the firm sizes it serves (micro, small, medium); terms.amount the examples.
        for (const q of ['usual loan size on lvyuedai?', 'lvyuedai: what is the size of a facility firms get?']) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'keji-lvyuedai' }, aspect: 'amount' });
            expect(a.text.slice(0, 300), q).toMatch(/5 million|10 million/);
        }
        expect(service.answer('what size of firm is lvyuedai for?').aspect).not.toBe('amount');
    });

    it('a number asked as a unit ("in percentages", "as a percentage") wants a figure: a card stating none says so', () => {
        // kechuang-zhulidai: risk sharing in words only, no ratio; keji-lvyuedai: 25% / 30% / 45%.
        const none = service.answer('kechuang zhulidai risk sharing, as a percentage?');
        expect(none).toMatchObject({ item: { id: 'kechuang-zhulidai' }, status: 'not-held' });
        expect(none.text.slice(0, 200)).toMatch(/give no/);
        const held = service.answer('lvyuedai risk sharing in percentages?');
        expect(held).toMatchObject({ item: { id: 'keji-lvyuedai' }, status: 'answered' });
        expect(held.text.slice(0, 300)).toMatch(/25%/);
    });

    it('how something is split ("怎么分", "how are they split") asks the shares: the passage stating them is on the first screen', () => {
        // keji-weidaitong terms.risk_sharing: 政府70%、担保机构30%; "出了风险" is no aspect word, 怎么分 asks for shares.
        const a = service.answer('微贷通出了风险政府和担保公司怎么分？');
        expect(a).toMatchObject({ item: { id: 'keji-weidaitong' }, confident: true });
        expect(a.text.slice(0, 300)).toMatch(/70%/);
        // Not how to apply by type: 怎么分类 is no split of shares.
        expect(service.answer('科技微贷通怎么分类').text).not.toMatch(/70%/);
        // The noun asks the same: "the split between …", "the risk split" (keji-lvyuedai: 25% / 30% / 45%).
        expect(service.answer('lvyuedai: what is the split between government, bank and insurer?').text.slice(0, 300)).toMatch(/25%/);
    });

    it('a term asked of a card that states none is the gap, not a note about launch conditions or the amount', () => {
        // keji-weidaitong states no term; its note on the launch conditions speaks of the amount limit only.
        const a = service.answer('how long is the loan term for weidaitong');
        expect(a).toMatchObject({ item: { id: 'keji-weidaitong' }, aspect: 'term', status: 'not-held' });
        expect(a.text).not.toMatch(/amount limit/);
    });

    it('when money reaches the firm ("什么时候到账", "when does the money arrive") is a time to wait, not the history', () => {
        // premium-subsidy's timing: once the subsidy is published the firm confirms its account within three working days;
        // never "the sources give no history".
        for (const q of ['保费补贴什么时候到账', 'premium subsidy: when does the money arrive?']) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'premium-subsidy' }, aspect: 'processing-time' });
            expect(a.text, q).toMatch(/3个工作日|3 working days/);
        }
        // When it was issued or launched is still its history.
        expect(service.answer('保费补贴通知是什么时候发布的').aspect).not.toBe('processing-time');
        expect(service.answer('when was the premium subsidy introduced?').aspect).toBe('history');
    });

    it('"what is" before words that one passage holds all of asks for that passage, not what the item is', () => {
        // gaoqidai eligibility.conditions: "Negative list: bad overdue records or major litigation; …"; the summary holds none
        // of "negative list".
        for (const q of ["what's on the negative list of gaoqidai", 'what is the negative list for gaoqidai']) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'gaoqidai' }, confident: true });
            expect(a.text.slice(0, 200), q).toMatch(/Negative list/);
        }
        // What the item is, asked plainly, is still its summary.
        expect(service.answer('what is gaoqidai').text).toMatch(/^High-Tech Enterprise Loan \(Gaoqidai\): A credit scheme/);
    });

    it('"有多少成员" counts members, as "how many members" does: the passage counting them, not a sum of money', () => {
        // kechuang-finance-alliance: 近百家…会员单位 and 联盟会员超过100家; its 2万亿元 target is a sum, not a count.
        const a = service.answer('科创金融联盟有多少成员');
        expect(a).toMatchObject({ item: { id: 'kechuang-finance-alliance' }, confident: true });
        expect(a.text).toMatch(/^上海科创金融联盟[^：]*：上海科创金融联盟由近百家/);
    });

    it('a question with nothing of its own after a clause reporting what was heard asks about what was heard', () => {
        // "听说…利率挺低的" reports; "具体多少？" asks the rate it reported.
        expect(service.answer('听说高企贷利率挺低的，具体多少？')).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'rate' });
        // A clause that asks something of its own keeps what it asks: the way to apply, not the rate heard.
        expect(service.answer('看新闻说沪科专贷利率挺低的，请问我们是直接找人民银行申请吗？').aspect).not.toBe('rate');
    });

    it('English sentences that tell about the firm or report what was heard weigh less than the one that asks', () => {
        // keji-weidaitong eligibility.conditions.0: the target sales of 2 to 10 million; how_to_apply.0: "the bank lends as
        // soon as the guarantee is issued", which the friend's sentence repeats.
        const weidaitong = service.answer(
            "we're a small biotech firm, revenue about 20 million rmb. a friend said weidaitong is great since the bank lends as soon as the guarantee is out. what sales range does it target?",
        );
        expect(weidaitong.text.split(/(?<=\.) /)[0]).toMatch(/2 to 10 million/);
        // gaoqidai terms.fees: no fees other than interest; "registered … tech SME" is the firm's, not the conditions asked.
        const gaoqidai = service.answer(
            'We have 40 staff. We are registered as a tech SME. Our banker said gaoqidai was upgraded in 2022. what fees does gaoqidai charge?',
        );
        expect(gaoqidai.text).toMatch(/^[^:]*: No fees other than interest/);
    });

    it('an English sentence that opens by telling about the firm tells in all its clauses, "we had" as "we have"', () => {
        // The subsidy's condition (keji-lvyuedai eligibility, premium-subsidy eligibility): good credit and no
        // serious-dishonesty list. The founder's account of a dispute (a year, a loan "repaid on time") is theirs, not the
        // subsidy's repayment window.
        const a = service.answer(
            'To get the premium subsidy on lvyuedai must the firm be off every dishonesty list? We had a small court case with a supplier in 2024, settled in full, loan repaid on time.',
        );
        expect(['keji-lvyuedai', 'premium-subsidy']).toContain(a.item?.id);
        expect(a.text.split(/(?<=\.) /)[0]).toMatch(/dishonesty/);
    });

    it('two questions in one message are each answered, in the order asked, each from its own field', () => {
        // gaoqidai terms.rate (LPR-preferential where collateral is used) and its 2019 pilot banks; "No fees other than
        // interest" only mentions the rate.
        for (const [q, rate, banks] of [
            ["what's the rate on gaoqidai? and which banks offer it?", 'LPR-preferential', 'pilot banks'],
            ['高企贷利率怎么定？合作银行有哪些？', 'LPR优惠定价', '试点银行'],
        ] as const) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'rate' });
            expect(a.text.indexOf(rate), q).toBeGreaterThan(0);
            expect(a.text.indexOf(banks), q).toBeGreaterThan(a.text.indexOf(rate));
        }
    });

    it('"有什么产品" names no product', () => {
        expect(service.search('有什么产品？').confident).toBe(false);
        expect(service.search('有什么产品？').results[0]?.id).toBeDefined();
    });
});

describe('the passage that answers chooses the card', () => {
    it('a figure asked without naming where it is written: the card whose passage holds the question', () => {
        const a = service.answer('24年二季度末上海科技型企业贷款余额有多少，同比涨了多少');
        // stcsm-reply-2024-85 facts.2: 截至2024年二季度末，上海科技型企业贷款余额12449.37亿元（同比+41.08%). The search alone
        // is not confident and ranks the reply low (the words are in many cards): the passage holding them is what answers.
        expect(a).toMatchObject({ status: 'answered', confident: true, item: { id: 'stcsm-reply-2024-85' } });
        expect(a.text).toContain('12449.37');
    });

    it("the search's first card answering with its own product's figure gives way to a passage holding more of the question", () => {
        // The search puts the IP-pledge card first (a short card writing "balance" often), and its best passage is its own
        // loans' balance, "1,636 firms had IP-pledge loans outstanding … balance". The reply's 科技型企业贷款余额 holds more of
        // the question, but by less than the margin a card otherwise needs against the search's first.
        const a = service.answer('what was the total loan balance of tech firms in Shanghai at end of Q2 2024', { lang: 'en' });
        expect(a).toMatchObject({ status: 'answered', confident: true, item: { id: 'stcsm-reply-2024-85' } });
        expect(a.text).toMatch(/^[^;]*1,244\.937 billion/);
        // Asked of the IP-pledge loans by name, their card answers.
        expect(service.answer('what was the IP pledge loan balance in Shanghai at end of Q2 2024', { lang: 'en' }).item?.id).toBe(
            'ip-pledge-financing',
        );
        // As much of the question held is no reason to leave the card the search put first ("补偿比例是多少" after the
        // credit risk compensation: the reply's plan writes 补偿比例 too).
        expect(service.answer('补偿比例是多少', { context: { focus: ['credit-risk-compensation'] } }).item?.id).toBe('credit-risk-compensation');
    });

    it('an English question is not short of the synonyms of its words: "loan" said is loan held', () => {
        // Each synonym of "loan" (贷款, 借款, 融资, borrow…) counted as a word the passage lacked: the reply's figures held
        // under half of the question and nothing answered.
        const a = service.answer('SRDI firms: loan balance and growth as of Q2 2024?');
        expect(a).toMatchObject({ status: 'answered', confident: true, item: { id: 'stcsm-reply-2024-85' } });
        expect(a.text).toContain('332.569 billion');
    });

    it('a year asked that the named card never states: the card whose passage states that year and holds the question', () => {
        // 专精特新贷 names the 2025 SRDI measures, which say nothing of 2024; the reply's figures of Q2 2024 hold the
        // balance of loans to 专精特新 firms.
        const a = service.answer('专精特新贷款2024年二季度末余额多少');
        expect(a).toMatchObject({ confident: true, item: { id: 'stcsm-reply-2024-85' } });
        expect(a.text).toMatch(/^[^。]*3325\.69亿元/);
        // A year the named card states keeps it the subject.
        expect(service.answer('专精特新贷2025年有多少规模').item?.id).toBe('srdi-measures-2025');
    });

    it('an organization named as where the founder read it: the passage of another card that holds the question', () => {
        const a = service.answer('科委答复里说公共数据开放平台开放了多少个数据集？累计数据量呢');
        // 科委 names stcsm, but stcsm-reply-2024-85 facts.4 holds the figure: 公共数据开放平台已开放超5000个数据集，累计数据量20亿条.
        expect(a.item?.id).toBe('stcsm-reply-2024-85');
        expect(a.text).toContain('5000');
    });

    it('two English words of a card\'s name are its own: "the micro loan" keeps 科技微贷通 the subject', () => {
        // Sci-Tech Micro Loan Link: micro_loan, read from the question as a pair, is held by every passage of its card,
        // so the IP-pledge card's "借款" (borrow) passage does not take the question over.
        const a = service.answer('how much can I borrow with the micro loan');
        expect(a.item?.id).toBe('keji-weidaitong');
        expect(a.aspect).toBe('amount');
    });

    it('a slip in an English aspect word keeps the aspect ("how to aply")', () => {
        // seamless-renewal how_to_apply.0: ask the lending bank for a renewal.
        expect(service.answer('how to aply for seemless renewal')).toMatchObject({ item: { id: 'seamless-renewal' }, aspect: 'how-to-apply' });
    });

    it('"how many banks" is answered by the passage counting them, though it holds the figure only by its number', () => {
        const a = service.answer('how many banks are in the sci-tech finance alliance');
        // kechuang-finance-alliance facts.0: members are nearly 100 large banks, securities firms…; not the 2 trillion target.
        expect(a.item?.id).toBe('kechuang-finance-alliance');
        expect(a.facts[0]!.text).toMatch(/100/);
        expect(a.facts[0]!.text).not.toMatch(/trillion/);
    });

    it('whom to call asked with an organization named: that organization, though a product is named too', () => {
        const a = service.answer('打算申请履约贷，想先上门咨询科技创业中心，请问他们的地址在哪里？');
        // The center's card says its sources give no phone, address or website: said, with whom to ask instead.
        expect(a.item?.id).toBe('shanghai-tech-entrepreneurship-center');
        expect(a.status).toBe('not-held');
        // A clause giving the reason for asking ("since it handles the applications") tells what the asker knows: it is
        // not asked, so the applications it speaks of do not make the question one of how to apply.
        const since = service.answer("since the 科技创业中心 handles lvyuedai applications, what's their phone number?");
        expect(since).toMatchObject({ item: { id: 'shanghai-tech-entrepreneurship-center' }, status: 'not-held', aspect: 'contact' });
    });

    it('a name that is only a word of the question gives way to the passage that holds the question', () => {
        const a = service.answer('截至2024年二季度末专精特新企业贷款余额多少');
        // 专精特新 names srdi-measures-2025 (its alias), whose card holds no loan balance; stcsm-reply-2024-85 facts.2 does:
        // 专精特新企业3325.69亿元（+37.92%）.
        expect(a.item?.id).toBe('stcsm-reply-2024-85');
        expect(a.text).toContain('3325.69');
        // A closing 呢 after a first question of the same message is no ellipsis of the last turn: the same holds.
        expect(service.answer('专精特新企业的贷款余额现在多少？高新企业呢').item?.id).toBe('stcsm-reply-2024-85');
        // A name whose card answers stays the subject.
        expect(service.answer('专精特新企业贷款贴息最高多少').item?.id).toBe('srdi-measures-2025');
    });

    it('an English question finds the passage as well', () => {
        const a = service.answer('what new tech did they bring in for the loan data-sharing — something with blockchain?');
        // stcsm-reply-2024-85 facts.8: blockchain plus privacy-preserving computation (区块链+隐私计算) for data sharing.
        expect(a).toMatchObject({ lang: 'en', item: { id: 'stcsm-reply-2024-85' } });
        expect(a.text).toContain('privacy-preserving computation');
    });

    it('"when" is answered by a date the card states next to the question\'s words, though no passage is of its history', () => {
        const a = service.answer('when did it open?', { context: { focus: ['xinyidai-platform'] } });
        // xinyidai-platform how_to_apply: "Opened in May 2020, the platform is reached through …" (the same entry notes the
        // sources give no hotline number, so it stands as a passage that also tells of a gap).
        expect(a.item?.id).toBe('xinyidai-platform');
        expect(a.text.startsWith(`${a.item!.title.en}: Opened in May 2020`)).toBe(true);
        expect(a.text).toContain('May 2020');
        // A number is not a duration: "多久能到账" keeps the card's silence on processing time.
        expect(service.answer('高企贷从申请到放款一般要多久？几个工作日能到账').status).toBe('not-held');
    });

    it("a deadline asked wants a day: the passage stating one next to the question's words, not a note about deadlines", () => {
        const a = service.answer("What's the deadline for the credit self-check to get the lvyuedai premium subsidy?", { lang: 'en' });
        // premium-subsidy: the note on the mirrored source speaks of "the repayment window and self-check deadline" and
        // states only years; the condition of the 2024–2025 round states the day the self-check was due.
        expect(a).toMatchObject({ item: { id: 'premium-subsidy' }, aspect: 'window' });
        expect(a.text.split('. ')[0]).toContain('30 June 2025');
    });

    it('an amount the card does not hold: the gap, then a passage of figures stating a number, under that label', () => {
        // xinyidai-platform has no amount field and no note on one; its facts say 促成企业获贷超千亿元 (by end-2023).
        const a = service.answer('信易贷帮企业贷到多少钱了');
        expect(a).toMatchObject({ item: { id: 'xinyidai-platform' }, aspect: 'amount' });
        expect(a.text).toMatch(/未给出额度[\s\S]*统计数据：[\s\S]*千亿元/);
    });

    it('a count the question states marks what the number asked is of: "几年建30家" is answered by 5年内培育30家', () => {
        // tech-branches has no term field: the gap would answer, but the summary states the years beside the 30 branches.
        for (const q of ['科技支行几年建30家?', '科技支行 how long is the plan, 几年建30家?']) {
            const a = service.answer(q);
            expect(a.item?.id).toBe('tech-branches');
            expect(a.status).toBe('answered');
            expect(a.text).toMatch(/5年内培育30家|within five years/);
        }
    });

    it('an organization named as the issuer of the offering asked for: the offering answers, not the organization', () => {
        // "Which STCSM product …": STCSM issues the product asked for; 小巨人信用贷's facts give its 2021 lending.
        const a = service.answer('Which STCSM product targets Little Giant firms, and how much did it lend in 2021?', { lang: 'en' });
        expect(a.item?.id).toBe('xiaojuren-xinyongdai');
        expect(a.text).toContain('187 firms');
        expect(service.answer('what products does STCSM offer for bigger high-tech firms, the ones with some scale?').item?.id).toBe('gaoqidai');
        // Whom to call at the organization stays the organization.
        expect(service.answer('STCSM的联系电话是多少').item?.id).toBe('stcsm');
    });

    it("which of two is more of something, with no aspect word: the fields on both cards that hold the question's words", () => {
        // keji-weidaitong terms.risk_sharing: government 70%, guarantor 30%; keji-lvyuedai: government 25%, bank 30%, insurer 45%.
        const a = service.answer('weidaitong vs lvyuedai: which one puts more risk on the government side?', { lang: 'en' });
        expect(a.status).toBe('comparison');
        expect(a.text).toMatch(/70%[\s\S]*25%/);
        // "What's the difference" compares what each is, whatever its words.
        const b = service.answer('履约贷和微贷通有啥区别？一个是保险一个是担保？');
        expect(b.status).toBe('comparison');
        expect(b.text).toMatch(/保证保险|担保/);
        expect(b.text).not.toMatch(/^科技履约贷：按实际缴纳保费/);
    });

    it('"or" between two other things is no choice between the items named ("…for lvyuedai — us or the bank?")', () => {
        const a = service.answer('premium subsidy for weidaitong - who sends in the data, us or the guarantor?');
        expect(a.status).not.toBe('comparison');
        expect(a.item?.id).toBe('premium-subsidy');
        // Between the names it still is.
        expect(service.answer('lvyuedai or the weidaitong: risk split?').status).toBe('comparison');
    });

    it('two names joined by "and the" are set side by side, as by "and" alone', () => {
        for (const q of ['tell me about gaoqidai and the performance bond loan', 'tell me about gaoqidai and performance bond loan']) {
            const a = service.answer(q, { lang: 'en' });
            expect(a.status, q).toBe('comparison');
            expect(a.text, q).toMatch(/High-Tech Enterprise Loan[\s\S]*Performance Bond|Performance Bond[\s\S]*High-Tech Enterprise Loan/);
        }
        // The second said as the first was, after "and" and the same preposition: one question of both.
        expect(service.answer("what's the term of the gaoqidai loan, and of the huke zhuandai?").status).toBe('comparison');
        // Not when the preposition differs: "of" gaoqidai, then "for" a firm like ours is no second item said alike.
        expect(service.answer('what is the rate of gaoqidai, and for firms in huke zhuandai?').status).not.toBe('comparison');
    });

    it("a need said in the founder's own words finds the passage that says it in the vocabulary's", () => {
        // gaoqidai facts: "… focused on first-time borrowers and smaller high-tech firms"; "never borrowed from a bank
        // before" is the first-loan need (match/understand.ts), whose words are 首贷 / first-time borrower.
        const a = service.answer('gaoqidai — do they prefer firms that never borrowed from a bank before? we have zero bank credit so far', {
            lang: 'en',
        });
        expect(a.item?.id).toBe('gaoqidai');
        expect(a.text.split('. ')[0]).toContain('first-time borrowers');
        // Said in the need's own words already ("credit loan"), it is not weighed twice: the subsidy asked leads.
        expect(service.answer('专精特新 credit loan 有没有 interest subsidy？贴多少').text).toContain('30%');
    });

    it('a year is four digits no unit follows: "去年营收2000多万" names no year', () => {
        expect(yearsIn('成立四年，去年营收2000多万，高企明年才能申')).toEqual([]);
        expect(yearsIn('we lent to 2015 firms; revenue RMB 2024 million')).toEqual([]);
        expect(yearsIn('in 2022, and 2024年二季度; 沪科提复〔2024〕85号')).toEqual(['2022', '2024']);
        // A sum of money is no year bounding the answer: how long a product takes is asked, and the card does not say.
        const a = service.answer(
            '我们是嘉定一家做激光雷达的公司，成立四年，去年营收2000多万。已经是科技型中小企业。请问助力贷从提交到放款一般多长时间？',
        );
        expect(a).toMatchObject({ item: { id: 'kechuang-zhulidai' }, aspect: 'processing-time' });
    });

    it('how fast something went in a year named is a figure of that year, not a processing time', () => {
        // ip-pledge-financing facts: at end-June 2024 … a balance of 16.355 billion yuan (up 101.7%); its how-to-apply
        // entry gives the registration time (3 working days), which "how fast" alone would ask.
        const a = service.answer('the patent loan thing — how fast did it grow year on year by mid 2024?', { lang: 'en' });
        expect(a.item?.id).toBe('ip-pledge-financing');
        expect(a.text.split('. ')[0]).toContain('101.7%');
        expect(service.answer('专利质押登记要多久能办完').text).toMatch(/3个工作日/);
    });

    it('what gets a firm turned away ("what gets you rejected", "什么情况会被拒") asks the conditions, the negative list among them', () => {
        // gaoqidai eligibility: the negative list (overdue records, litigation, penalties…).
        for (const q of ['gaoqidai: what gets a firm rejected?', '高企贷什么情况会被拒贷', 'what would get us turned down for gaoqidai?']) {
            const a = service.answer(q);
            expect(a.item?.id, q).toBe('gaoqidai');
            expect(a.aspect, q).toBe('eligibility');
        }
    });

    it('a wait counted in days, weeks or hours ("how many weeks until the money lands", "要几周") is the processing time', () => {
        for (const q of [
            'Realistically how many weeks from submitting a kechuang zhulidai application until the money lands?',
            '科创助力贷从申请到放款要几周',
            'how many hours does weidaitong take after the guarantee?',
        ]) {
            const a = service.answer(q);
            expect(a.aspect, q).toBe('processing-time');
        }
        // A count of years or months is a term or a figure, not a wait; a count of firms is a figure.
        expect(service.answer('how many years can a lvyuedai loan run?').aspect).not.toBe('processing-time');
        expect(service.answer('how many firms got huke zhuandai loans?').aspect).toBe('figures');
    });

    it('how fast something grows is a figure, with no year named too ("how fast was that growing yoy?", "增长得多快")', () => {
        // ip-pledge-financing facts: 1,636 firms (up 193.72%), a balance of 16.355 billion yuan (up 101.7%).
        for (const q of ['how fast is IP pledge lending growing year on year?', '知识产权质押贷款增长得有多快']) {
            const a = service.answer(q);
            expect(a.item?.id, q).toBe('ip-pledge-financing');
            expect(a.aspect, q).not.toBe('processing-time');
            expect(a.text.slice(0, 200), q).toMatch(/101\.7%|193\.72%/);
        }
        // How fast the money comes is still a processing time.
        expect(service.answer('how fast can we get an IP pledge loan registered?').aspect).toBe('processing-time');
    });

    it('a document named by its number ("85号文", "reply No. 85"): that document, its issue date first when asked when', () => {
        const a = service.answer('85号文是什么时候印发的？');
        // stcsm-reply-2024-85 doc_number 沪科提复〔2024〕85号, date 2024-10-12; no other card's document number ends in 85号.
        expect(a.item?.id).toBe('stcsm-reply-2024-85');
        expect(a.facts[0]!.text).toContain('印发日期 2024-10-12');
        expect(service.answer('When was STCSM reply No. 85 issued?').item?.id).toBe('stcsm-reply-2024-85');
        // A number no document ends in names none.
        expect(service.answer('第1205号提案是谁提的').item?.id).not.toBe('premium-subsidy');
    });

    it("whom to call about a document: the document's own contact line first, not where to register on a platform", () => {
        const a = service.answer('Who should I contact at STCSM about their reply to CPPCC proposal 1205?');
        // stcsm-reply-2024-85 facts.7 names the contact person 蓝晟 and the phone 23116237.
        expect(a).toMatchObject({ item: { id: 'stcsm-reply-2024-85' }, aspect: 'contact' });
        expect(a.facts[0]!.text).toContain('23116237');
        expect(a.text.startsWith(`${a.item!.title.en}: ${a.facts[0]!.text}`)).toBe(true);
    });

    it('a number asked of an aspect the card states without one: what it states, then that no figure is given, each mark once', () => {
        const a = service.answer('沪科专贷最长能借几年');
        // huke-zhuandai terms.term: 鼓励发放中长期贷款（转载来源，未经确认）; no passage of its term states a number.
        expect(a).toMatchObject({ item: { id: 'huke-zhuandai' }, aspect: 'term' });
        expect(a.text).toContain('中长期贷款');
        expect(a.text).toContain('来源未给出具体的期限数字');
        expect(a.text.match(/未经确认/g)).toHaveLength(1);
    });

    it('a short name running into the next word still names its item ("专贷到25年4月底…")', () => {
        const a = service.answer('专贷到25年4月底一共投了多少');
        // huke-zhuandai facts: by end-April 2025 沪科专贷 had reached 332.56亿.
        expect(a.item?.id).toBe('huke-zhuandai');
        expect(a.text).toContain('332.56');
    });

    it('"…之后还要干嘛" asks what to do: the steps, not the summary', () => {
        const a = service.answer('保费补贴公示完了之后我们企业还要干嘛');
        // premium-subsidy: after the notice the firm confirms its account (apply_channel 公示后确认账户, or the fact saying
        // it must within three working days), whichever the question's words point to; not the summary.
        expect(a.item?.id).toBe('premium-subsidy');
        expect(a.facts[0]!.field).not.toBe('summary');
        expect(a.text.split('。')[0]).toMatch(/确认(?:收款)?账户/);
    });

    it('"是哪个单位搞的" / "who reviews" asks for the body that runs it: where the card says how to apply, not the summary', () => {
        // keji-weidaitong how_to_apply: 由上海市科技创业中心推出并受理、评审和推荐.
        const a = service.answer('微贷通是哪个单位搞的');
        expect(a).toMatchObject({ item: { id: 'keji-weidaitong' }, aspect: 'how-to-apply' });
        expect(a.text.split('。')[0]).toContain('科技创业中心');
        expect(service.answer('who reviews kechuang zhulidai applications').text.split('. ')[0]).toContain('Entrepreneurship Center');
        // "给谁的" asks for whom: the conditions, not a body.
        expect(service.answer('小巨人信用贷是给谁的').aspect).not.toBe('how-to-apply');
        // "都有谁" asks who is in it: its members (kechuang-finance-alliance summary: 由百家左右银行、证券、保险和股权投资机构组成),
        // not how to apply, which the card does not say.
        const members = service.answer('科创金融联盟里都有谁？');
        expect(members).toMatchObject({ item: { id: 'kechuang-finance-alliance' }, status: 'answered' });
        expect(members.text.slice(0, 80)).toMatch(/百家|近百/);
    });

    it('a piece of the name asked apart from it ("履约贷的保险公司是哪家"): the passage that names the insurer', () => {
        // keji-lvyuedai terms.partner_banks.0: 承保方为太平洋保险. 保险 is a piece of its name 履约保证保险贷款, but the
        // question names the card by 履约贷 and asks the insurance company apart from it.
        const a = service.answer('履约贷的保险公司是哪家');
        expect(a.item?.id).toBe('keji-lvyuedai');
        expect(a.facts[0]!.field).toBe('terms.partner_banks.0');
        expect(a.text.split('。')[0]).toContain('太平洋保险');
    });

    it('who runs it, with no word of the question on the card beside its name: the passage that says who runs it', () => {
        // xinyidai-platform facts: "run by 上海市经济信息中心"; "operates" is no word of the card.
        const a = service.answer('Who actually operates the Shanghai xinyidai platform?');
        expect(a.item?.id).toBe('xinyidai-platform');
        expect(a.text.split('; ')[0]).toContain('run by 上海市经济信息中心');
        // Asked beside an aspect, "who" is answered by the aspect's passage (who shares the risk: the risk-sharing model).
        const b = service.answer('科创助力贷的风险谁来分担');
        expect(b).toMatchObject({ item: { id: 'kechuang-zhulidai' }, aspect: 'risk-sharing' });
        expect(b.text.split('。')[0]).toMatch(/政府|担保/);
    });

    it('the unit a number is asked in ("多少家"): a count of members answers, not the sum of money beside it', () => {
        // kechuang-finance-alliance: facts.0 "由近百家…机构作为会员单位"; facts.3 "提出2万亿元的目标" scores higher on figures.
        const a = service.answer('上海科创金融联盟一共多少家成员单位');
        expect(a.item?.id).toBe('kechuang-finance-alliance');
        expect(a.text.split('。')[0]).toMatch(/近百家|100家/);
        expect(a.text.split('。')[0]).not.toContain('万亿');
        // The unit is read after the question word, and a year is no number of years.
        const index = createSearchIndex(service.snapshot());
        const unitOf = (q: string) => subjectCues(q, index.read(q)).unit;
        expect(unitOf('贷款期限几年')?.test('期限最长3年')).toBe(true);
        expect(unitOf('贷款期限几年')?.test('2024年推出')).toBe(false);
        // "what's the <quantity>" asks for a number as "what ratio" does, a share in percent.
        const cues = (q: string) => subjectCues(q, index.read(q));
        expect(cues("What's the compensation ratio banks get?").wants).toBe('number');
        expect(cues("What's the compensation ratio banks get?").unit?.test('55% compensation')).toBe(true);
        expect(cues('what is the total loan balance of tech firms').wants).toBe('number');
        // English names what it counts: firms are counted by firms, a word or two between, not by the institutions beside them.
        expect(unitOf('how many firms got it?')?.test('lent to 600 tech firms')).toBe(true);
        expect(unitOf('how many companies registered?')?.test('1.1 million registered firms')).toBe(true);
        expect(unitOf('how many companies registered?')?.test('43 financial institutions')).toBe(false);
        expect(unitOf('how many banks take part?')?.test('43 financial institutions')).toBe(false);
        expect(unitOf('what share of the loss does the insurer carry')?.test('保险公司承担60%')).toBe(true);
        expect(unitOf('利率多少')).toBeUndefined();
        // A count is asked with the noun counted as well as with a measure word, before it or after it, as in English.
        expect(unitOf('注册了多少企业')?.test('注册企业超过110万家')).toBe(true);
        expect(unitOf('注册企业多少个')?.test('注册企业超过110万家')).toBe(true);
        // 注册 is a word of applying; with a count asked, the platform's count of registered firms answers.
        expect(service.answer('信易贷平台现在注册了多少企业').text.split('。')[0]).toContain('110万家');
        // xinyidai-platform facts.2 (6.9 million users, 43 institutions) scores higher on figures than facts.1 (1.1 million firms).
        expect(service.answer('how many companies have registered on the Xinyidai platform?').text.slice(0, 200)).toContain(
            '1.1 million registered firms',
        );
    });

    it('a synonym of the name is the name said otherwise ("保费补贴…还款"): no word that chooses the passage', () => {
        // 返还 is a synonym of 补贴, a piece of the name 保费补贴: facts.6 "按时还款后由市科委返还一半担保费" held it
        // beside 还款 and led; the repayment window (2024年8月1日至2025年8月31日) is what is asked.
        const q = '保费补贴还款时间在什么区间才行';
        const index = createSearchIndex(service.snapshot());
        expect([...(index.read(q).synonymOf?.get('返还') ?? [])]).toContain('补贴');
        const a = service.answer(q);
        expect(a.item?.id).toBe('premium-subsidy');
        expect(a.text.split('。')[0]).toContain('2024年8月1日至2025年8月31日');
    });

    it('pairs of characters read across two words count in no card\'s coverage ("余额一共有多少"), a word no card writes still does', () => {
        const index = createSearchIndex(service.snapshot());
        // 额一 (余|额|一) is a pair no card writes, across two words, beside 余额, which cards do write.
        const spanning = index.read('2024年上海专精特新企业贷款余额一共有多少').spanning;
        expect(spanning?.has('额一')).toBe(true);
        expect(spanning?.has('余额')).toBe(false);
        // stcsm-reply-2024-85 facts.3: 专精特新企业贷款余额3325.69亿元. The pairs had kept its coverage under the bar.
        const a = service.answer('2024年上海专精特新企业贷款余额一共有多少');
        expect(a).toMatchObject({ status: 'answered', item: { id: 'stcsm-reply-2024-85' } });
        expect(a.text.split('。')[0]).toContain('3325.69');
        // 修贷 of 装修|贷 is beside 装修, which no card writes: part of what was asked, and the question stays off-topic.
        expect(index.read('装修贷哪个银行好批').spanning?.has('修贷')).toBe(false);
        expect(service.answer('装修贷哪个银行好批').confident).toBe(false);
        // A word the segmenter leaves in single characters (比|特|币|挖|矿): its pairs, none of them written by a card nor
        // beside one that is, are that word.
        expect(index.read('比特币挖矿怎么办').spanning?.size).toBe(0);
        expect(service.answer('比特币挖矿怎么办').confident).toBe(false);
    });

    it('two short names joined ("专贴和专贷有什么不同") are both named, and set side by side', () => {
        const a = service.answer('专贴和专贷有什么不同');
        expect(a.status).toBe('comparison');
        expect(a.comparison?.items.map((i) => i.id).sort()).toEqual(['huke-zhuandai', 'huke-zhuantie']);
    });

    it('"do we apply for it ourselves" asks whether the firm applies at all, "how do we apply" the steps', () => {
        // credit-risk-compensation application: aimed at banks, a firm does not apply; its other passages tell the 2012 rules.
        const a = service.answer('do we apply for the credit risk compensation ourselves?');
        expect(a.facts[0]?.field).toBe('application');
        expect(a.text).toMatch(/does not apply/);
        // premium-subsidy application: no application is needed (免申即享).
        const subsidy = service.answer('do we have to apply for the premium subsidy?');
        expect(subsidy.aspect).toBe('application');
        expect(subsidy.text.slice(0, 200)).toMatch(/No application is needed/);
        expect(service.answer('how do we apply for gaoqidai').facts[0]?.field).toBe('how_to_apply.0');
    });

    it('what an item is: the overview, not a note of what the sources lack that holds a word of the question', () => {
        // premium-subsidy facts.8 speaks of a higher ratio announced and notes that no notice with it was found.
        const a = service.answer('what is the premium / guarantee fee subsidy? how does it work, how much of the fee is returned?');
        expect(a).toMatchObject({ status: 'answered', item: { id: 'premium-subsidy' } });
        expect(a.facts[0]?.field).toBe('summary');
    });

    it('where to apply, a name alone on the card, is shown under its label', () => {
        // gaoqidai apply_channel: 高企贷合作银行 / a partner bank of the programme, a name, not a sentence.
        expect(service.answer('高企贷怎么申请').text).toContain('申请入口：高企贷合作银行');
        expect(service.answer('how do I apply for gaoqidai').text).toContain('Where to apply: a partner bank of the programme');
    });

    it('a passage that only says again part of one chosen before it is not shown twice', () => {
        // keji-weidaitong how_to_apply.0 names 上海市科技创业中心; apply_channel is that name alone.
        const a = service.answer('微贷通是哪个单位搞的');
        expect(a.item?.id).toBe('keji-weidaitong');
        expect(a.facts.map((f) => f.field)).not.toContain('apply_channel');
        expect(a.text.match(/上海市科技创业中心/g)).toHaveLength(1);
    });

    it('a day asked ("截止到几号") is answered by a passage stating a day, not by one naming the year\'s round', () => {
        // premium-subsidy facts.2: 2024年8月1日至2025年8月31日期间还款; application.window "常年受理" and notes.0
        // ("2024—2025年度的还款期…已过去") speak of the window without a day.
        const a = service.answer('保费补贴的还款区间截止到几号');
        expect(a.item?.id).toBe('premium-subsidy');
        expect(a.text.split('。')[0]).toContain('2025年8月31日');
    });

    it('a year the card names only as a target has no figures of its own: said first, unless the target is what is asked', () => {
        // ip-pledge-financing facts.3: "2021年约80亿元，提出到2025年达到100亿元的目标" is the card's only 2025.
        const a = service.answer('2025年上海知识产权质押融资实际做了多少');
        expect(a).toMatchObject({ item: { id: 'ip-pledge-financing' }, status: 'not-held', confident: true });
        expect(a.text).toMatch(/^知识产权质押融资：知识库的来源未给出2025年的实际数据，只有为2025年定下的目标/);
        expect(a.text).toContain('100亿元');
        const target = service.answer('知识产权质押融资2025年定了什么目标');
        expect(target.text).not.toContain('未给出2025年');
        expect(target.text).toContain('100亿元');
        const en = service.answer('How much IP-pledge financing did Shanghai actually do in 2025?');
        expect(en.text).toContain('give no actual figures for 2025, only a target set for it');
    });

    it('an answer that leads with the card lacking the fact, or says the figure asked is not given, is not-held', () => {
        // keji-lvyuedai notes.0: 来源中未找到2013年以后的额度上限、利率和风险分担比例 leads, a passage on the rate follows.
        const a = service.answer('履约贷现在的利率上限是多少');
        expect(a).toMatchObject({ item: { id: 'keji-lvyuedai' }, status: 'not-held', confident: true });
        expect(a.facts[0]!.absence).toBe(true);
        // huke-zhuandai terms.term: 鼓励发放中长期贷款, no number of years; the rate (3.68%) is a number in another unit.
        const b = service.answer('沪科专贷的贷款期限最长几年');
        expect(b).toMatchObject({ item: { id: 'huke-zhuandai' }, status: 'not-held', confident: true });
        expect(b.facts[0]!.field).toBe('terms.term');
        expect(b.text).toContain('来源未给出具体的期限数字');
        expect(b.text).not.toContain('3.68%');
    });

    it("the card's own note that it lacks the aspect asked follows kejin's one sentence that it is not given", () => {
        // xiaojuren-xinyongdai notes.0 says, in its own words, that no source gives its partner banks.
        for (const [q, id, lang] of [
            ['Which banks offer the Little Giant credit loan?', 'xiaojuren-xinyongdai', 'en'],
            ['小巨人信用贷哪些银行能做', 'xiaojuren-xinyongdai', 'zh'],
        ] as const) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id }, aspect: 'partner-banks', status: 'not-held', lang });
            const item = service.getItem(id)!;
            expect(a.text.startsWith(notGivenLead(lang === 'zh' ? item.name : item.name_en, 'partner-banks', lang)), q).toBe(true);
            // The note itself follows, whole.
            expect(a.text).toContain(a.facts[0]!.text.slice(0, 20));
        }
        // huke-zhuandai's partner-bank field names one bank as an example and says no full list was found, at its end:
        // the bank it names is said first.
        const huke = service.answer('Can you give me the complete list of banks that offer Huke Zhuandai?');
        expect(huke).toMatchObject({ item: { id: 'huke-zhuandai' }, aspect: 'partner-banks', status: 'not-held' });
        expect(huke.text.startsWith(notGivenLead(huke.item!.title.en, 'partner-banks', 'en'))).toBe(false);
        expect(huke.text.split('. ')[0]).toContain('Bank of Shanghai');
        // Nothing asked of an aspect: no such sentence, whatever notes the card has.
        const whatIs = service.answer('小巨人信用贷是什么');
        expect(whatIs.aspect).toBe('what-is');
        expect(whatIs.text.startsWith(notGivenLead('小巨人信用贷', 'what-is', 'zh'))).toBe(false);
    });

    it("whom to call, when the card's gap in contacts is noted last in a field of another aspect: the gap is said first", () => {
        // xinyidai-platform how_to_apply: "Opened in May 2020, … a \"400\" hotline, but the sources give neither the number
        // nor a web address"; its own note on contacts says the gap first.
        const a = service.answer("What's the number of the Xinyidai 400 hotline?");
        expect(a).toMatchObject({ item: { id: 'xinyidai-platform' }, aspect: 'contact', status: 'not-held' });
        expect(a.text.startsWith(notGivenLead(a.item!.title.en, 'contact', 'en'))).toBe(true);
        // Where to go and whom to ask still follow: the channel, and the operator.
        expect(a.facts.map((f) => f.field)).toContain('apply_channel');
        expect(a.contacts.length).toBeGreaterThan(0);
        const app = service.answer('Where can I get to 信易贷 on my phone — which app?', { lang: 'en' });
        if (app.aspect === 'contact' && app.facts[0]?.absence)
            expect(app.text.startsWith(notGivenLead(app.item!.title.en, 'contact', 'en'))).toBe(false);
        expect(app.text.slice(0, 400)).toMatch(/随申办|mini-program/);
    });

    it('several figures in the unit asked are shown together, not only the one scoring best', () => {
        // tech-branches facts: the 2024 target of more than 10 new branches, and 30 licensed plus 90 featured within five
        // years; the short 2024 passage scores best, the five-year one below the usual share.
        const a = service.answer('科技支行要建多少家');
        expect(a).toMatchObject({ item: { id: 'tech-branches' }, status: 'answered' });
        const stated = a.facts.filter((f) => /\d+家/.test(f.text));
        expect(stated.length).toBeGreaterThanOrEqual(2);
        expect(a.text).toMatch(/30家/);
        expect(a.text).toMatch(/10家/);
        // A number asked in no unit keeps the one best passage: "最长贷多久" of 履约贷 is not given every figure of the card.
        const term = service.answer('科技履约贷最长能贷多久');
        expect(term.facts.filter((f) => /\d/.test(f.text)).length).toBeLessThanOrEqual(2);
    });

    it("a number in the unit asked next to the question's words fills the gap of the aspect the card lacks", () => {
        // sme-financing-guarantee-fund has no amount field; facts.0: 上海银行"科创贷"最高1亿元、期限最长3年.
        const a = service.answer('担保基金管理中心名下的上海银行科创贷最多贷多少亿');
        expect(a).toMatchObject({ item: { id: 'sme-financing-guarantee-fund' }, status: 'answered', confident: true });
        expect(a.text.split('。')[0]).toContain('最高1亿元');
    });

    it("the overview holding the question's words follows the field of the aspect asked, not leads it", () => {
        // keji-weidaitong terms.risk_sharing: 70% government, 30% guarantor; the summary speaks of "risk-sharing products".
        const a = service.answer('weidaitong — how is the risk shared if a loan defaults?');
        expect(a).toMatchObject({ item: { id: 'keji-weidaitong' }, aspect: 'risk-sharing' });
        expect(a.facts[0]!.field).toBe('terms.risk_sharing');
        expect(a.facts.map((f) => f.field)).toContain('summary');
    });

    it('words of the question scattered over a card, each passage holding little of it, make no confident answer', () => {
        // gaoqidai holds "personal" (its negative list), "rate" (its pricing) and "mortgage" as collateral, in three passages.
        const a = service.answer('how can I lower the interest on my personal mortgage');
        expect(a.confident).toBe(false);
        // A question the card holds in one place stays confident.
        expect(service.answer('What does the government cover if a Lvyue loan goes bad — what percent?').confident).toBe(true);
    });

    it('a document named by who issued it and when ("科委2024年那个答复", "reply 85"): that document', () => {
        const a = service.answer('科委2024年那个答复里，专精特新企业贷款余额多少');
        expect(a.item?.id).toBe('stcsm-reply-2024-85');
        // The sentence of the passage holding what was asked comes first: the balances, not the list of products before them.
        expect(a.text.split('。')[0]).toContain('专精特新企业');
        expect(service.answer('which govt agency wrote the reply 85').item?.id).toBe('stcsm-reply-2024-85');
    });

    it('a document named by its issuer and its kind, with no year ("市科委的答复"): the one of that issuer so named', () => {
        // Of the commission's two cards with an issuer (the 2024 reply, the innovation-voucher rules), one is a reply.
        const a = service.answer('市科委的答复里写的联系人和电话是什么');
        expect(a).toMatchObject({ item: { id: 'stcsm-reply-2024-85' }, aspect: 'contact' });
        expect(a.text.split('。')[0]).toContain('蓝晟');
        expect(service.answer('Who is the contact person on the STCSM reply?').text).toMatch(/^STCSM Reply No\. 85[^.]*Lan Sheng/);
        // A word for any document (文件) names none of them without a year.
        expect(service.answer('科委的文件里联系电话是多少').item?.id).not.toBe('stcsm-reply-2024-85');
    });

    it('several items named and no comparison asked: the one whose card holds the question', () => {
        // 专精特新 names the SRDI measures too, but the figure asked is in the reply named beside it.
        const a = service.answer('the STCSM reply 85 — how many tech-firm loans grew for 专精特新 companies? need the % for a deck');
        expect(a.item?.id).toBe('stcsm-reply-2024-85');
        expect(a.comparison).toBeUndefined();
    });

    it('an item the question says it is not about is no subject, though no others are asked for', () => {
        expect(notAbout('沪科专贷（不是专贴）累计投放多少').spans).toEqual(['专贴']);
        expect(notAbout('what is the rate? nothing to do with gaoqidai').spans).toEqual(['gaoqidai']);
        expect(notAbout('高企贷利率多少').spans).toEqual([]);
        // Denying it asks of X, and "not X, but Y" ("不是X，是Y"); "不是说X…吗" asks of X, and "是不是X" asks whether.
        expect(notAbout('担保基金的科技专项担保资金池有多大？不是问科创助力贷。').spans).toEqual(['科创助力贷']);
        expect(notAbout('85号答复里，高新技术企业贷款余额是多少？我不是问高企贷的投放。').spans).toEqual(['高企贷的投放']);
        expect(notAbout("I don't mean seamless renewal: how much relief financing went out?").spans).toEqual(['seamless renewal']);
        expect(notAbout('不是创业中心，是市科委的咨询电话').spans).toEqual(['创业中心']);
        expect(notAbout('不是说高企贷不收其他费用吗？').spans).toEqual([]);
        expect(notAbout('是不是高企贷，利率多少').spans).toEqual([]);
        expect(notAbout('Not asking about Gaoqidai. The credit loan for little giants?').spans).toEqual(['Gaoqidai']);
        expect(service.answer('担保基金的科技专项担保资金池有多大？不是问科创助力贷。').item?.id).toBe('sme-financing-guarantee-fund');
        expect(service.answer('85号答复里，高新技术企业贷款余额是多少？我不是问高企贷的投放。').item?.id).toBe('stcsm-reply-2024-85');
        // A tag saying the other is another thing ("跟X不是一个部门吧") sets nothing side by side.
        const tag = service.answer('科技微贷通是哪个单位推出的？跟沪科专贷不是一个部门吧？');
        expect(tag.comparison).toBeUndefined();
        expect(tag.item?.id).toBe('keji-weidaitong');
        expect(service.answer('高企贷跟沪科专贷是一回事吗').comparison).toBeDefined();
        // "Not X —" opening the question: X is not its subject.
        expect(service.answer('Not the relief loans — what was the IP pledge financing balance at end-Q1 2024?').item?.id).toBe(
            'ip-pledge-financing',
        );
        const relief = service.answer('2022年纾困的政策对合作银行的融资成本有什么要求？跟高企贷的LPR定价无关。');
        expect(relief.item?.id).toBe('relief-financing');
        const data = service.answer("How many public data sets has the open data platform released? Don't confuse it with the xinyidai figures.");
        expect(data.item?.id).not.toBe('xinyidai-platform');
        expect(data.text.slice(0, 300)).toMatch(/5,?000/);
    });

    it('a year told of another item named, in a clause that asks nothing, is not asked of the one asked about', () => {
        // 沪科专贷 launched in 2023; 高企贷 never states 2023, and a year asked that a card never states goes elsewhere.
        const launch = service.answer('沪科专贷是2023年出的，那高企贷是哪一年推出的？');
        expect(launch.item?.id).toBe('gaoqidai');
        expect(launch.text).toMatch(/2019/);
        expect(launch.text).not.toMatch(/2023/);
        const en = service.answer('Huke Zhuandai came out in 2023. Which year was gaoqidai launched?');
        expect(en.item?.id).toBe('gaoqidai');
        expect(en.text).toMatch(/2019/);
        // "that year" points back to the year told: it is asked.
        const that = service.answer('I know Gaoqidai lent a lot in 2021. How many firms did xiaojuren credit loans reach that year?');
        expect(that.item?.id).toBe('xiaojuren-xinyongdai');
        expect(that.text.slice(0, 200)).toMatch(/2021/);
    });

    it('several items named: the one the first asking clause names, not one the founder tells of or likens it to', () => {
        // A product the firm already has, told of in a clause that asks nothing: its fee is no answer about 高企贷.
        expect(service.answer('高企贷要交担保费吗？微贷通收了我们2.5%').item?.id).toBe('gaoqidai');
        expect(service.answer('How long is the lvyuedai term? our weidaitong loan was one year').item?.id).toBe('keji-lvyuedai');
        // The item a question likens the one asked to ("like gaoqidai", "跟微贷通一样") is what it is measured against.
        expect(service.answer("What's the rate on weidaitong, is it LPR-based like gaoqidai?").item?.id).toBe('keji-weidaitong');
        expect(service.answer('担保基金收多少担保费，是不是跟微贷通一样').item?.id).toBe('sme-financing-guarantee-fund');
        // Both named in the clause that asks, neither likened: the card holding the question, as before.
        expect(service.answer('履约贷的保费补贴有多少').item?.id).toBe('premium-subsidy');
        // A list of names between commas is one clause; a condition ("if we repay … late,") asks nothing; a clause telling
        // of the firm is set aside when the clause that asks names none.
        expect(service.answer('How much did zhulidai, lvyuedai, xiaojuren and gaoqidai lend together in spring 2022?').text).toMatch(/29 billion/);
        expect(service.answer('If we repay the performance-bond loan a couple weeks late, do we still get the premium subsidy?').item?.id).toBe(
            'premium-subsidy',
        );
        expect(service.answer('我们已经办过科技微贷通了，科技履约贷如果坏账了，损失怎么分担？').item?.id).toBe('keji-lvyuedai');
        // "I'd like" likens nothing.
        expect(service.answer("I'd like gaoqidai's rate, we have weidaitong already").item?.id).toBe('gaoqidai');
        // "did" after its subject tells ("we did a renewal"); it asks only as a question's auxiliary.
        expect(service.answer('We did a seamless renewal in 2023. For IP pledge loans, what was the balance at mid-2024?').item?.id).toBe(
            'ip-pledge-financing',
        );
    });

    it('an organization the asking sentence alone names, with the offering told of by the firm elsewhere, is the subject', () => {
        // The firm tells of the loan it took; the question is of the centre (its card: founded April 1988).
        const zh = service.answer('上海市科技创业中心是哪一年成立的？我们前年办过科技履约贷');
        expect(zh.item?.id).toBe('shanghai-tech-entrepreneurship-center');
        expect(zh.text.slice(0, 120)).toMatch(/1988/);
        const en = service.answer(
            'Which year was the Shanghai Technology Entrepreneurship Center founded? We took a Weidaitong loan from our bank last year.',
        );
        expect(en.item?.id).toBe('shanghai-tech-entrepreneurship-center');
        expect(en.text).toMatch(/1988/);
        // The offering asked of in a sentence of its own stays the subject: the organization is its channel.
        expect(service.answer('科技创业中心成立于哪一年？科技履约贷是它受理的吗').item?.id).toBe('keji-lvyuedai');
    });

    it('a question saying it is wider than an item ("not just X") is not asked of that item', () => {
        expect(widerThan('What was the loan balance of high-tech enterprises, not just Huke Zhuandai?')).not.toMatch(/Huke/);
        expect(widerThan('高新技术企业贷款余额一共多少，不是高企贷本身的')).not.toMatch(/高企贷/);
        expect(widerThan('别给我报沪科专贷的数，全市多少')).not.toMatch(/沪科专贷/);
        expect(widerThan('沪科专贷的利率多少')).toBe('沪科专贷的利率多少');
        // The high-tech firms' balance (728.016 billion yuan), not 沪科专贷's own lending.
        const a = service.answer('What was the loan balance of high-tech enterprises in Shanghai at end-Q2 2024, not just Huke Zhuandai?');
        expect(a.item?.id).not.toBe('huke-zhuandai');
        expect(a.text.slice(0, 300)).toMatch(/728\.016 billion/);
    });

    it("a year asked of which the card says nothing is said first, so the latest figures are not read as that year's", () => {
        // premium-subsidy holds the 2024—2025 round only.
        const a = service.answer('2026年保费补贴有新通知了吗 比例提到多少了');
        expect(a).toMatchObject({ item: { id: 'premium-subsidy' }, status: 'not-held', confident: true });
        expect(a.text.split('。')[0]).toContain('2026');
        expect(a.text).toContain('50%');
        // A year that only tells about the firm ("2017年认定的高企") bounds nothing.
        const b = service.answer('我们是2017年认定的高企，想申请高企贷，利率多少');
        expect(b.status).toBe('answered');
        expect(b.text).not.toContain('2017');
    });

    it('an aspect word that is one word of the question gives way to the passage holding many times more of its words', () => {
        // "eligible" reads eligibility, but the list supplied to the banks is in gaoqidai's how-to-apply entry.
        const a = service.answer('who supplies the list of eligible firms to the banks for gaoqidai?');
        expect(a.item?.id).toBe('gaoqidai');
        expect(a.facts[0]!.field).toMatch(/^how_to_apply/);
        expect(a.text.split('. ')[0]).toContain('科技创业中心');
    });

    it('asking whom to call at an organization keeps the organization', () => {
        const a = service.answer('上海市科技创业中心的联系电话是多少');
        expect(a.item?.id).toBe('shanghai-tech-entrepreneurship-center');
    });
});

describe('what the question bounds and sets beside', () => {
    it('a year the question names: what the card says of that year, before a note that no general limit is published', () => {
        const a = service.answer('小巨人信用贷2021年放款多少？');
        // xiaojuren-xinyongdai facts: 2021年向187家企业放款35.49亿元; its amount field only notes the gap.
        expect(a.item?.id).toBe('xiaojuren-xinyongdai');
        expect(a.text.split('。')[0]).toContain('2021');
        expect(a.status).toBe('answered');
    });

    it('an organization named beside an offering is its channel, not its subject', () => {
        const a = service.answer('沪科专贷要直接去人民银行上海总部申请吗');
        expect(a.item?.id).toBe('huke-zhuandai');
        expect(a.contacts.map((c) => c.id)).toContain('pboc-shanghai');
    });

    it('"有啥不一样" sets two named items side by side', () => {
        const a = service.answer('沪科专贷跟高企贷有啥不一样');
        expect(a.comparison?.items.map((i) => i.id).sort()).toEqual(['gaoqidai', 'huke-zhuandai']);
    });

    it("one item written and another said by sound, with a word of choosing, are set side by side, in the question's language", () => {
        const a = service.answer('Is the Little Giant credit loan or Hu Ke Zhuan Dai the better pick for us?');
        expect(a.comparison?.items.map((i) => i.id).sort()).toEqual(['huke-zhuandai', 'xiaojuren-xinyongdai']);
        // Each side's first clause ends as an English sentence.
        expect(a.text).not.toMatch(/[。；]/);
    });

    it('"这种能申请吗" asks whether the firm qualifies: the conditions', () => {
        const a = service.answer('我们是做检验检测服务的，这种能申请沪科专贷吗？');
        expect(a).toMatchObject({ item: { id: 'huke-zhuandai' }, aspect: 'eligibility' });
    });

    it('"各承担多少" wants a number: the card\'s note that it lacks the split answers, not a passage on sharing in general', () => {
        const a = service.answer('科创助力贷出了坏账，政府和银行各承担多少？');
        // kechuang-zhulidai: the sources give the "政府+银行+担保/保险" model but no ratios.
        expect(a).toMatchObject({ item: { id: 'kechuang-zhulidai' }, status: 'not-held', aspect: 'risk-sharing' });
        expect(a.text).toContain('风险分担比例');
    });

    it('an aspect the card lacks gives way to another the question also asks, said as such', () => {
        const a = service.answer('履约贷的保费补贴要我们自己申请吗？要准备哪些材料？');
        // premium-subsidy: no documents field; its application entry says 免申即享.
        expect(a.item?.id).toBe('premium-subsidy');
        expect(a.text).toContain('免申即享');
    });
});

describe('the passage holding the question words beside those chosen for the aspect', () => {
    it('shows the condition asked about, though the passages tagged with conditions hold none of its words', () => {
        // premium-subsidy: three facts read as conditions (the repayment window, the reply's subsidies, the note) hold
        // nothing of "credit record"; the one that says the firm must be in good credit standing holds no condition word.
        for (const [q, said] of [
            ['保费补贴对企业信用记录有什么要求？', /信用良好/],
            ['Does the premium subsidy have any requirement on our credit record?', /good credit/],
        ] as const) {
            const a = service.answer(q);
            expect(a, q).toMatchObject({ item: { id: 'premium-subsidy' }, status: 'answered', aspect: 'eligibility' });
            expect(a.text.slice(0, 500), q).toMatch(said);
            expect(a.facts.length, q).toBeLessThanOrEqual(3);
        }
    });

    it('leaves an answer alone whose facts already hold the words best', () => {
        const a = service.answer('高企贷的额度是多少？');
        expect(a.facts[0]?.field).toBe('terms.amount');
        expect(a.facts.every((f) => f.item === 'gaoqidai')).toBe(true);
    });
});

describe('a year the firm tells of itself', () => {
    it('bounds nothing asked: the item named answers, not a card that states that year', () => {
        // gaoqidai never states 2023; 沪科专贴 was launched in July 2023, and had answered "高企贷利率多少".
        const a = service.answer('我们2023年拿到了高企证书。高企贷利率多少？');
        expect(a).toMatchObject({ item: { id: 'gaoqidai' }, aspect: 'rate' });
        expect(service.answer('We got our HNTE certificate in 2023. What is the gaoqidai interest rate?').item?.id).toBe('gaoqidai');
        // A year asked that the named card never states is answered from another card's passage only when that passage
        // writes the name: 沪科专贷's 2023 launch says nothing of 履约贷.
        expect(service.answer('how much did lvyuedai lend in 2023?')).toMatchObject({ item: { id: 'keji-lvyuedai' }, status: 'not-held' });
        expect(service.answer('小巨人信用贷2025年有什么变化').item?.id).toBe('xiaojuren-xinyongdai');
        // A year said in a clause that asks, or that names a time of its own, still bounds it.
        expect(service.answer('During the 2022 relief push, were partner banks told to hold financing costs flat?').text).toMatch(/2021/);
    });
});

describe('a span of dates asked', () => {
    it('"which dates", "what window", "哪段时间" want the days stated, not a note that the window has passed', () => {
        expect(subjectCues('Which dates of repayment does the premium subsidy cover?', service.read('x')).wants).toBe('date');
        expect(subjectCues('保费补贴是哪段时间还款的算', service.read('x')).wants).toBe('date');
        // premium-subsidy: "The 2024–2025 round covers firms that repaid between 1 August 2024 and 31 August 2025", beside a
        // note that "the 2024–2025 repayment window and self-check deadline have passed", which holds more of the words.
        for (const q of ['For the 2024-25 premium subsidy round, which repayment dates count?', '保费补贴2024—2025年度是哪段时间还款的算']) {
            const a = service.answer(q);
            expect(a.item?.id, q).toBe('premium-subsidy');
            expect(a.text.slice(0, 160), q).toMatch(/1 August 2024|2024年8月1日/);
        }
    });
});

describe('a deadline asked of an item that gives none', () => {
    it('is not answered with a statistic whose English says "close to" a figure', () => {
        // seamless-renewal facts.1: "…worth close to 1 billion yuan" in 2022 was read as the window.
        for (const q of ['无缝续贷有截止时间吗', 'seamless renewal: is there a deadline?']) {
            const a = service.answer(q);
            expect(a.item?.id, q).toBe('seamless-renewal');
            expect(a.facts.map((f) => f.text).join(' '), q).not.toMatch(/194/);
        }
    });
});

describe('a short question pointing back at what the firm just told', () => {
    it('asks about that: the told clause is part of what is asked', () => {
        // gaoqidai eligibility.conditions.2: the negative list names tax penalties. "Does that matter" points at the penalty.
        // Asked after 高企贷, with nothing named: the told clause alone holds the words that point to the negative list.
        for (const q of ['我们去年有过一次税务处罚，这个有影响吗', 'we had a tax penalty two years ago, does that matter?']) {
            const a = service.answer(q, { context: { focus: ['gaoqidai'] } });
            expect(a.item?.id, q).toBe('gaoqidai');
            expect(a.facts[0]?.field, q).toBe('eligibility.conditions.2');
        }
    });
});
