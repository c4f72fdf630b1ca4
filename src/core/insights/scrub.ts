/**
 * Removes personal data from a question before it is logged: e-mail
 * addresses, 统一社会信用代码, 18-digit ID-card numbers, Chinese mobile and
 * landline numbers, and person names where a cue gives them away (我叫…,
 * 联系人…, 张经理, "my name is …"). Each is replaced by a bracketed
 * placeholder, so that staff still see that the question held one.
 *
 * Over-removal is the safe side: a long bare number that looks like a phone
 * is removed even if it was an amount.
 */

export const PLACEHOLDERS = {
    email: '[邮箱]',
    creditCode: '[信用代码]',
    idCard: '[身份证号]',
    mobile: '[手机号]',
    landline: '[电话]',
    name: '[姓名]',
} as const;

// Latin letters and digits either side must not continue the match.
const NOT_ALNUM_BEFORE = '(?<![A-Za-z0-9])';
const NOT_ALNUM_AFTER = '(?![A-Za-z0-9])';
const NOT_DIGIT_BEFORE = '(?<!\\d)';
const NOT_DIGIT_AFTER = '(?!\\d)';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** GB 32100-2015: 18 characters from the code set without I, O, S, V, Z; the 3rd to 8th are the area code. */
const CREDIT_CODE = new RegExp(`${NOT_ALNUM_BEFORE}[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}${NOT_ALNUM_AFTER}`, 'gi');
/** GB 11643: 6-digit area, 8-digit birth date, 3 digits and a check digit or X. */
const ID_CARD = new RegExp(`${NOT_DIGIT_BEFORE}[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[\\dXx]${NOT_ALNUM_AFTER}`, 'g');
/** 138 1234 5678, 138-1234-5678, +86 13812345678. */
const MOBILE = new RegExp(`${NOT_DIGIT_BEFORE}(?:(?:\\+|00)?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d{4}){2}${NOT_DIGIT_AFTER}`, 'g');
/** 021-6427 8888, (021) 64278888, 0571-88889999 ext, and Shanghai's bare 8 digits 6427-8888. */
const LANDLINE = new RegExp(
    `(?:${NOT_DIGIT_BEFORE}(?:\\(0\\d{2,3}\\)|（0\\d{2,3}）|0\\d{2,3})[\\s-]?\\d{3,4}[\\s-]?\\d{4}|${NOT_DIGIT_BEFORE}[2-9]\\d{3}[\\s-]?\\d{4})${NOT_DIGIT_AFTER}(?:\\s*(?:转|ext\\.?|x)\\s*\\d{1,5})?`,
    'gi',
);

/** The most common Chinese surnames (over 85% of people), for names before a title. */
const SURNAMES =
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/** Titles after a surname; a bare 总 only when no Han character follows (李总, not 高企贷总额). */
const TITLES = '先生|女士|小姐|经理|总监|总经理|老师|律师|董事长|总(?!\\p{Script=Han})';
/** 张经理, 王女士, 李总: a surname and at most two more characters before a title. */
const TITLED_NAME = new RegExp(`[${SURNAMES}][\\p{Script=Han}]{0,2}?(?=(?:${TITLES}))`, 'gu');
/** 我叫张伟, 联系人：李娜, 姓名 王小明, 本人陈静: a cue, then two to three Han characters. */
const CUED_NAME = /(我叫|我的名字是|名字叫|联系人|姓名|本人|法人代表|法定代表人)([:：\s]*)[\p{Script=Han}]{2,3}/gu;
/** "my name is Li Wei", "contact: Jane Doe", "I'm Anna". */
const EN_NAME = /\b([Mm]y name is|[Nn]ame:|[Cc]ontact(?: person)?:?|I am|I'm)\s+((?:[A-Z][a-z'-]+)(?:\s+[A-Z][a-z'-]+){0,2})/g;

/** The question with personal data replaced by placeholders. Pure. */
export function scrubPersonalData(text: string): string {
    return text
        .replace(EMAIL, PLACEHOLDERS.email)
        .replace(CREDIT_CODE, (m) => (ID_CARD_ONLY.test(m) ? m : PLACEHOLDERS.creditCode))
        .replace(ID_CARD, PLACEHOLDERS.idCard)
        .replace(MOBILE, PLACEHOLDERS.mobile)
        .replace(LANDLINE, PLACEHOLDERS.landline)
        .replace(CUED_NAME, (_m, cue: string, gap: string) => `${cue}${gap}${PLACEHOLDERS.name}`)
        .replace(TITLED_NAME, PLACEHOLDERS.name)
        .replace(EN_NAME, (_m, cue: string) => `${cue} ${PLACEHOLDERS.name}`);
}

/** An 18-character code of the ID-card shape is left to the ID rule. */
const ID_CARD_ONLY = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/i;
