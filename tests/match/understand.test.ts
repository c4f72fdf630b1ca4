import { describe, expect, it } from 'vitest';
import { understandQuestion } from '../../src/core/match/understand.ts';

const fields = (q: string) => understandQuestion(q).fields;

describe('understandQuestion', () => {
    it('reads the examples of the issue', () => {
        expect(fields('我们是高新技术企业')).toEqual({ qualifications: ['high-tech'] });
        expect(fields('有十几项专利')).toEqual({ hasIntellectualProperty: true });
        expect(fields('贷款快到期了')).toEqual({ needs: ['loan-renewal'] });
        expect(fields('需要500万')).toEqual({ amountWan: 500 });
    });

    it('does not take a question about a product as a statement about the firm', () => {
        expect(fields('高企贷有哪些合作银行').qualifications).toBeUndefined();
        expect(fields('小巨人信用贷怎么申请').qualifications).toBeUndefined();
        expect(fields('高新技术企业可以申请什么贷款').qualifications).toBeUndefined();
    });

    it('tells revenue from the amount sought', () => {
        expect(fields('初创科技企业，年销售额500万，想贷款')).toMatchObject({ stage: 'startup', annualRevenueWan: 500 });
        expect(fields('初创科技企业，年销售额500万，想贷款').amountWan).toBeUndefined();
        expect(fields('营收3000万，想融资1.5亿')).toMatchObject({ annualRevenueWan: 3000, amountWan: 15000 });
        expect(fields('想借两千万')).toMatchObject({ amountWan: 2000 });
        // 年销售 without 额 is sales too, not the amount sought.
        expect(fields('只是科技型中小企业，年销售500万左右，要担保那种小额贷')).toMatchObject({ annualRevenueWan: 500 });
        expect(fields('只是科技型中小企业，年销售500万左右，要担保那种小额贷').amountWan).toBeUndefined();
        expect(fields('We need RMB 5 million')).toMatchObject({ amountWan: 500 });
    });

    it('reads having borrowed before as no first loan, and asking whether as nothing', () => {
        expect(understandQuestion('不好意思，我们之前贷过款').declined).toEqual(['first-loan']);
        expect(understandQuestion('we have borrowed from banks before').declined).toEqual(['first-loan']);
        expect(understandQuestion('我们从没贷过款').fields.needs).toEqual(['first-loan']);
        expect(understandQuestion('did you say we borrowed before?').declined).toEqual([]);
    });

    it('reads a need said as a lack as that need, whatever refusal stands before it in the clause', () => {
        expect(fields("we don't have any patents and no collateral")).toEqual({ needs: ['credit-loan'], hasIntellectualProperty: false });
        expect(understandQuestion("we don't need an unsecured loan").declined).toEqual(['credit-loan']);
        // No loan record yet is a first loan; no revenue yet is the seed stage.
        expect(fields('我们还没有银行贷款记录').needs).toEqual(['first-loan']);
        expect(fields('we have no revenue yet').stage).toBe('seed');
    });

    it('reads no stage the firm says it no longer is', () => {
        expect(fields('我们不是初创了，已经成长期了').stage).toBe('growth');
        expect(fields("we're no longer a startup, we're growing fast").stage).toBe('growth');
        expect(fields('we are not a startup').stage).toBeUndefined();
        expect(fields('我们是初创企业').stage).toBe('startup');
    });

    it('reads the shared evaluation question in full', () => {
        expect(fields('公司有十几项发明专利，想用专利融资 500 万')).toEqual({ needs: ['ip-pledge'], hasIntellectualProperty: true, amountWan: 500 });
    });

    it('keeps 专精特新 and 专精特新小巨人 and 科技小巨人 apart', () => {
        expect(fields('我们是专精特新“小巨人”企业').qualifications).toEqual(['srdi-little-giant']);
        expect(fields('我们是专精特新企业').qualifications).toEqual(['srdi']);
        expect(fields('公司被评为科技小巨人').qualifications).toEqual(['tech-little-giant']);
        // In the vocabulary's order, whatever the order of the text.
        expect(fields('公司是高企，也是专精特新').qualifications).toEqual(['high-tech', 'srdi']);
    });

    it('reads English statements', () => {
        expect(fields('We are a high-tech enterprise with 12 patents and our loan is due next month')).toEqual({
            qualifications: ['high-tech'],
            needs: ['loan-renewal'],
            hasIntellectualProperty: true,
        });
        expect(fields('start-up without collateral, 30 employees')).toEqual({ stage: 'startup', needs: ['credit-loan'], employees: 30 });
    });

    it('reads a range of revenue as revenue, its upper end no amount sought', () => {
        expect(fields('年销售额200万到1000万')).toEqual({ annualRevenueWan: 200 });
        expect(fields('sales between 2 and 10 million RMB').amountWan).toBeUndefined();
        expect(fields('revenue of 2-10 million').annualRevenueWan).toBeDefined();
        // An amount sought beside revenue is still one.
        expect(fields('营收2000万，想贷500万')).toEqual({ annualRevenueWan: 2000, amountWan: 500 });
    });

    it('reads a title claimed after a denial in the same sentence ("not HNTE yet, only a tech SME")', () => {
        expect(fields('actually we are not HNTE yet, only a tech SME')).toEqual({
            qualifications: ['tech-sme'],
            qualificationsLacking: ['high-tech'],
        });
        expect(fields('we are just a tech SME, no HNTE')).toMatchObject({ qualifications: ['tech-sme'] });
        // Asking whether only such firms can apply claims nothing.
        expect(fields('only a high-tech enterprise can apply?').qualifications).toBeUndefined();
        // With no article, and after the title.
        for (const said of ['correction: we are not a little giant yet, only SRDI', 'we are not a little giant yet, SRDI only'])
            expect(fields(said), said).toEqual({ qualifications: ['srdi'], qualificationsLacking: ['tech-little-giant'] });
        expect(fields('which loans are for SRDI only?').qualifications).toBeUndefined();
    });

    it('reads no need from a product name that holds one after a title (小巨人信用贷), as it reads no title from it', () => {
        expect(fields('小巨人信用贷利率多少')).toEqual({});
        expect(fields('不对，我说的是小巨人信用贷')).toEqual({});
        // Said apart, they are the firm's.
        expect(fields('我们是科技小巨人，想要信用贷')).toEqual({ qualifications: ['tech-little-giant'], needs: ['credit-loan'] });
        expect(fields('高新技术企业 信用贷款')).toEqual({ needs: ['credit-loan'] });
    });

    it('does not read a figure the message says it is not', () => {
        expect(fields('sorry, revenue is 500万 not 5000万')).toEqual({ annualRevenueWan: 500 });
        expect(fields('营收是800万，不是8000万')).toEqual({ annualRevenueWan: 800 });
        expect(fields('not 5 million, we need 3 million')).toEqual({ amountWan: 300 });
        // A few words between the revenue and its figure ("actually RMB"), with the figure it is not after it.
        expect(fields('Correction: revenue is actually RMB 15m, not 5m.')).toEqual({ annualRevenueWan: 1500 });
        expect(fields('our revenue last year was roughly about RMB 8m')).toEqual({ annualRevenueWan: 800 });
    });

    it('reads a denial after the title, with the firm said between', () => {
        expect(fields('高企认定还没有')).toEqual({ qualificationsLacking: ['high-tech'] });
        expect(fields('高企认定我们还没拿到，只是科技型中小企业')).toEqual({
            qualifications: ['tech-sme'],
            qualificationsLacking: ['high-tech'],
        });
    });

    it('reads a head count in Chinese numerals and after a head-count word', () => {
        expect(fields('我们有两百个员工').employees).toBe(200);
        expect(fields('一百五十名职工，做新材料').employees).toBe(150);
        expect(fields('headcount 200, revenue 80 million').employees).toBe(200);
        expect(fields('a staff of 45').employees).toBe(45);
        // 人 of 人民银行 counts nobody, nor does a sum in 万 before 人民币.
        expect(fields('我们是人民银行推荐的企业').employees).toBeUndefined();
        expect(fields('想贷五百万人民币').employees).toBeUndefined();
        // A loose numeral ("一二百", one or two hundred) is no number: nothing is kept, rather than a value the profile refuses.
        expect(fields('我们一二百个员工').employees).toBeUndefined();
    });

    it('reads a denial of intellectual property as false', () => {
        expect(fields('我们没有专利')).toEqual({ hasIntellectualProperty: false });
        expect(fields('no invention patents yet').hasIntellectualProperty).toBe(false);
    });

    it('reads IP of one kind held beside another kind denied as IP held', () => {
        // 软著 (software copyrights) and 实用新型 (utility models) are intellectual property, whatever patents are lacking.
        for (const text of [
            '我们有10个软著，没有发明专利',
            '没有发明专利，但有10个软著',
            '我们没有发明专利，只有实用新型',
            'we have 10 software copyrights but no invention patents',
        ])
            expect(fields(text).hasIntellectualProperty, text).toBe(true);
        // Intellectual property denied as a whole stays denied.
        expect(fields('我们没有知识产权').hasIntellectualProperty).toBe(false);
        expect(fields("we don't have any IP").hasIntellectualProperty).toBe(false);
    });

    it('reads "有没有…" as asking whether there is one, not as the firm lacking or holding it', () => {
        expect(fields('有没有知识产权质押的贷款')).toEqual({ needs: ['ip-pledge'] });
        expect(fields('我们有3项专利，有没有贷款')).toEqual({ hasIntellectualProperty: true });
    });

    it('reads a need turned down as declined, not as a need', () => {
        for (const text of ['我们不想做知识产权质押', 'we do not want to pledge our patents']) {
            const u = understandQuestion(text);
            expect(u.fields.needs, text).toBeUndefined();
            expect(u.declined, text).toEqual(['ip-pledge']);
        }
        // Denying what is meant or known turns nothing down, and a colon ends the clause a refusal reaches.
        expect(understandQuestion("I don't mean seamless renewal: how much relief financing went out?").declined).toEqual([]);
        expect(understandQuestion("we don't want a renewal: is relief financing still open?").declined).toEqual(['loan-renewal']);
        // "不用抵押" is itself a need: a loan without collateral.
        expect(fields('有没有不用抵押的贷款').needs).toEqual(['credit-loan']);
    });

    it('says in both languages what it understood', () => {
        const { understood } = understandQuestion('我们是高新技术企业，想贷500万');
        expect(understood.map((u) => u.text.zh)).toEqual(['资质：高新技术企业', '融资需求约 500 万元']);
        expect(understood.map((u) => u.text.en)).toEqual(['qualifications: High-Tech Enterprise', 'financing need about 500 万元 (CNY 5 million)']);
    });

    it('reads nothing from a question with no statement', () => {
        expect(understandQuestion('今天上海天气怎么样')).toMatchObject({ fields: {}, understood: [], declined: [] });
    });
});
