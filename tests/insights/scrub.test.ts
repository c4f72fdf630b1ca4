import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS as P, scrubPersonalData } from '../../src/core/insights/scrub.ts';
import { toRecord } from '../../src/core/insights/record.ts';

/** [input, what must come out]: a catalogue of the personal data a firm may type into a question. */
const CATALOGUE: readonly (readonly [string, string])[] = [
    // Mobile numbers, in the ways people write them.
    ['我的手机13812345678，请回电', `我的手机${P.mobile}，请回电`],
    ['电话 138 1234 5678 谢谢', `电话 ${P.mobile} 谢谢`],
    ['call me on +86 139-1234-5678', `call me on ${P.mobile}`],
    ['联系8615912345678', `联系${P.mobile}`],
    // Landlines: with area code, in brackets, with an extension, Shanghai's bare eight digits.
    ['座机021-64278888', `座机${P.landline}`],
    ['(021) 6427 8888 转 123 找我', `${P.landline} 找我`],
    ['（021）64278888', P.landline],
    ['杭州0571-88889999', `杭州${P.landline}`],
    ['打6427-8888', `打${P.landline}`],
    // ID-card numbers (18 digits, or 17 and X) and unified social credit codes.
    ['身份证310101199001011234能贷款吗', `身份证${P.idCard}能贷款吗`],
    ['法人身份证号11010519491231002X', `法人身份证号${P.idCard}`],
    ['统一社会信用代码91310115MA1K4ABC2X的企业', `统一社会信用代码${P.creditCode}的企业`],
    ['信用代码 91310000132210186F', `信用代码 ${P.creditCode}`],
    // E-mail addresses.
    ['发到 zhang.wei@example.com.cn 吧', `发到 ${P.email} 吧`],
    ['mail: Li_Na+loans@corp.io', `mail: ${P.email}`],
    // Names after a cue or before a title.
    ['我叫张伟，想问高企贷', `我叫${P.name}，想问高企贷`],
    ['联系人：李娜 电话13912345678', `联系人：${P.name} 电话${P.mobile}`],
    ['请王经理回电', `请${P.name}经理回电`],
    ['我是陈女士', `我是${P.name}女士`],
    ['李总，你好，科技履约贷怎么申请', `${P.name}总，你好，科技履约贷怎么申请`],
    ['My name is Li Wei and I need a loan', `My name is ${P.name} and I need a loan`],
];

/** Questions without personal data come out unchanged: amounts, years, product names, 文号. */
const UNTOUCHED = [
    '高企贷总额度是多少',
    '我们是高新技术企业，想贷500万',
    '2024年的贴息比例',
    '沪科提复〔2024〕85号 说了什么',
    '贷款1000万元期限12个月',
    '金融科技企业可以申请吗',
    'What is the premium subsidy rate for 2025?',
];

describe('personal data removal', () => {
    it.each(CATALOGUE)('%s', (input, expected) => {
        expect(scrubPersonalData(input)).toBe(expected);
    });

    it.each(UNTOUCHED)('leaves "%s" alone', (input) => {
        expect(scrubPersonalData(input)).toBe(input);
    });

    it('a logged record holds the scrubbed question and no user or chat field', () => {
        const record = toRecord({
            front: 'bot',
            question: ' 我叫张伟 13812345678 高企贷 ',
            lang: 'zh',
            ids: ['gaoqidai'],
            confident: false,
            knowledgeVersion: 'v1',
        });
        expect(record.question).toBe(`我叫${P.name} ${P.mobile} 高企贷`);
        expect(Object.keys(record).sort()).toEqual(['answered', 'at', 'front', 'knowledgeVersion', 'lang', 'question', 'reason']);
        expect(JSON.stringify(record)).not.toMatch(/13812345678|张伟/);
    });
});

describe("the feedback buttons' callback_data", () => {
    it('parses a vote with a well-formed token and refuses anything else', async () => {
        const { encodeCallback, parseCallback } = await import('../../src/bot/conversation/callback.ts');
        const vote = { type: 'feedback', helpful: false, token: 'Ab-_0123456z' } as const;
        expect(parseCallback(encodeCallback(vote))).toEqual(vote);
        for (const bad of ['fb:n', 'fb:x:Ab-_0123456z', 'fb:n:short', 'fb:n:Ab-_0123456z:extra', 'fb:n:Ab-_0123456!'])
            expect(parseCallback(bad)).toBeUndefined();
    });
});
