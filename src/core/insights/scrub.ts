/**
 * Removes personal data from a question before it is kept anywhere (the
 * question log, the feedback memo): e-mail addresses, 统一社会信用代码,
 * ID-card numbers (18 and the old 15 digits), bank card numbers, Chinese
 * mobile and landline numbers, WeChat and QQ ids, street addresses, and
 * person names where a cue gives them away (我叫…, 联系人是…, 李总说…,
 * 张经理, "my name is …", "Mr. Wang"). Each is replaced by a bracketed
 * placeholder, so that staff still see that the question held one.
 *
 * Numbers are matched as people write them: grouped by spaces, hyphens or
 * dots, in full-width digits (folded to ASCII first), with +86 or 0086.
 * Over-removal is the safe side: a long bare number that looks like a phone
 * or a card is removed even if it was an amount.
 */

export const PLACEHOLDERS = {
    email: '[邮箱]',
    creditCode: '[信用代码]',
    idCard: '[身份证号]',
    bankCard: '[银行卡号]',
    mobile: '[手机号]',
    landline: '[电话]',
    im: '[社交账号]',
    address: '[地址]',
    name: '[姓名]',
} as const;

// === Folding =================================================================

/**
 * Full-width digits, letters and the signs numbers and addresses are written
 * with (＠ ＋ － ． （ ）) as ASCII, one character for one: ３１０１… is an ID
 * number all the same. Other full-width punctuation (，。：) stays, as typed.
 */
function foldWidth(text: string): string {
    return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF20\uFF0B\uFF0D\uFF0E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

// === Patterns ================================================================

// Latin letters and digits either side must not continue the match.
const NOT_ALNUM_BEFORE = '(?<![A-Za-z0-9])';
const NOT_ALNUM_AFTER = '(?![A-Za-z0-9])';
const NOT_DIGIT_BEFORE = '(?<!\\d)';
const NOT_DIGIT_AFTER = '(?!\\d)';
/** One optional separator between the digits of a grouped number. */
const SEP = '[ \\t.\\-]?';
const digits = (n: number | string) => `\\d(?:${SEP}\\d){${typeof n === 'number' ? n - 1 : n}}`;

/** Latin (or a few Chinese) characters, `@`, a domain with a dot in any script (IDN: 例子.中国). */
const EMAIL = /(?:(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+|\p{Script=Han}{1,4})@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}/gu;
/** "liwei at example dot com", "wang (at) corp (dot) cn", "zhao[at]startup.io"; a dot typed as such only without spaces ("at this. Thanks" is prose). */
const DOT = '(?:\\s*\\(dot\\)\\s*|\\s*\\[dot\\]\\s*|\\s*\\{dot\\}\\s*|\\s+dot\\s+|\\.)';
const SPELLED_EMAIL = new RegExp(
    `(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+\\s*(?:\\(at\\)|\\[at\\]|\\{at\\}|\\s+at\\s+)\\s*[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)*${DOT}[A-Za-z]{2,}\\b`,
    'gi',
);

/** GB 32100-2015: 18 characters from the code set without I, O, S, V, Z; the 3rd to 8th are the area code. Grouped or not. */
const CODE_CHAR = '[0-9A-HJ-NPQRTUWXY]';
const CREDIT_CODE = new RegExp(`${NOT_ALNUM_BEFORE}${CODE_CHAR}(?:${SEP}${CODE_CHAR}){17}${NOT_ALNUM_AFTER}`, 'gi');
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/i;

/**
 * A run of 15 to 19 digits, grouped or not, perhaps ending in X: an ID
 * number (GB 11643, 18 characters; 15 before 1999) or a bank card (16–19).
 */
const LONG_NUMBER = new RegExp(`${NOT_ALNUM_BEFORE}${digits('14,18')}(?:${SEP}[Xx])?${NOT_ALNUM_AFTER}`, 'g');
const ID_18 = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/i;
const ID_15 = /^[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/;

/** 13812345678 as 138 1234 5678, 187 70168 017, 188.9018.1019, +86 139-1234-5678, 0086…, (+86)…. */
const COUNTRY = `(?:\\(?(?:\\+|00)${SEP}86\\)?${SEP}|86${SEP})`;
const MOBILE = new RegExp(`${NOT_DIGIT_BEFORE}${COUNTRY}?1${SEP}[3-9](?:${SEP}\\d){9}${NOT_DIGIT_AFTER}`, 'g');
/**
 * 021-6427 8888, (021) 64278888, 021.5432.0011, +86 21 6011 2233, 0571-8888
 * 9999 转 12; 400/800 numbers; and Shanghai's bare eight digits 6427-8888.
 */
const AREA = `(?:\\(0\\d{2,3}\\)|（0\\d{2,3}）|0\\d{2,3}|\\(?(?:\\+|00)${SEP}86\\)?${SEP}\\(?0?[1-9]\\d{1,2}\\)?)`;
const EXTENSION = '(?:\\s*(?:转|分机|ext\\.?|x)\\s*\\d{1,5})?';
const WITH_AREA = `${NOT_DIGIT_BEFORE}${AREA}${SEP}${digits('6,7')}`;
const SERVICE_NUMBER = `${NOT_DIGIT_BEFORE}[48]00${SEP}\\d{3}${SEP}\\d{4}`;
const BARE_EIGHT = `${NOT_DIGIT_BEFORE}[2-9]\\d{3}${SEP}\\d{4}`;
const LANDLINE = new RegExp(`(?:${WITH_AREA}|${SERVICE_NUMBER}|${BARE_EIGHT})${NOT_DIGIT_AFTER}${EXTENSION}`, 'gi');

/** 微信 zhangwei_88, 微信号：LW-2024abc, vx: …, WeChat ID is …: a WeChat id is 6–20 letters, digits, _ or -, from a letter. */
const WECHAT =
    /((?:微信|威信|薇信|vx|wx|weixin|wechat)(?:\s*(?:号|號|账号|id|ID))?(?:\s*(?:is|是|为|:|：))?\s*)([A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9])/gi;
/** QQ 12345678, 我的QQ号是…, qq: …: five to eleven digits after the cue. */
const QQ = /((?:qq|扣扣)(?:\s*(?:号|號|号码))?(?:\s*(?:is|是|为|:|：))?\s*)(\d{5,11})(?!\d)/gi;

/**
 * 张江路123号, 漕溪北路88号5楼501室, 延安西路1566弄3号, 人民大道200号: a road's
 * name and a house number (what comes before the road, 上海市浦东新区, is
 * not personal alone, and a cue like 我家在 is kept).
 */
const ZH_ADDRESS = /(\p{Script=Han}{1,8}?)(路|街|大道|大街|道|巷|弄|公路)\s*\d+\s*(?:号|號|弄)(?:\s*\d+\s*(?:号|號|弄|栋|幢|座|楼|层|单元|室))*/gu;
/** Where what comes before a road's name ends: 我家在|张江路… keeps 我家在, 浦东新区|张江路… the district. */
const ADDRESS_CUE = /^(.*(?:在|住|于|址|是|到|去|的|：|:|省|市|区|县|镇))/u;
/** 88 Caoxi North Road, No. 100 Zhangjiang Road, Room 501, 1566 West Yan'an Rd. */
const EN_ROOM = /(?:(?:Room|Rm|Unit|Flat)\s*\d+[A-Za-z]?,?\s*)?/.source;
const EN_HOUSE_NUMBER = /(?:No\.?\s*)?\d+[A-Za-z]?,?\s+/.source;
/** One to four capitalized words: the street's name. */
const EN_STREET_NAME = /(?:[A-Z][\w'’-]*\s+){1,4}/.source;
const EN_STREET = /(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Highway|Hwy|Drive|Dr)/.source;
const EN_ADDRESS = new RegExp(String.raw`\b${EN_ROOM}${EN_HOUSE_NUMBER}${EN_STREET_NAME}${EN_STREET}\b\.?`, 'g');

/** The most common Chinese surnames (over 85% of people), for names before a title and after a weak cue. */
const SURNAMES =
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const COMPOUND_SURNAMES = '欧阳|司马|诸葛|上官|司徒|东方|皇甫|令狐|慕容|长孙';
/** A surname and one or two more characters: 刘德华, 孙俪, 欧阳娜娜. */
const SURNAMED = `(?:${COMPOUND_SURNAMES}|[${SURNAMES}])\\p{Script=Han}{1,2}`;
/**
 * Titles after a surname. A bare 总 is a title unless it starts a word
 * (高企贷总额, 总体, 总计): 李总说, 李总，.
 */
const TITLES = '先生|女士|小姐|经理|总监|总经理|老师|律师|董事长|主任|会计|老板|总(?![额量数计共体结部行价和值则局署监经裁])';
/** 张经理, 王女士, 李总: a surname and at most two more characters before a title. */
const TITLED_NAME = new RegExp(`(?:${COMPOUND_SURNAMES}|[${SURNAMES}])\\p{Script=Han}{0,2}?(?=(?:${TITLES}))`, 'gu');
/** Not a name after a cue: 联系人电话, 联系人的, 负责人是否…. */
const NOT_A_NAME = '(?!电话|手机|邮箱|方式|地址|信息|身份|证件|代表|是否|是谁|怎么|如何|的|和|在|有|要|可以|需要)';
/**
 * A strong cue (联系人, 负责人, 姓名, 我叫, 名字是…) is followed by a name
 * whatever its surname: two or three characters, perhaps after 是 / 为.
 */
const STRONG_CUE = new RegExp(
    `(我叫|我的名字是|我的名字叫|名字叫|名字是|名叫|联系人|负责人|经办人|对接人|姓名|本人|法人代表|法定代表人|法人)([:：\\s]*(?:是|为|叫)?[:：\\s]*)${NOT_A_NAME}\\p{Script=Han}{2,3}`,
    'gu',
);
/** A weak cue (我是, 叫, 我姓) only before what starts with a common surname: 我是刘德华, not 我是高新技术企业. */
const WEAK_CUE = new RegExp(`(我是|叫|这里是)(\\s*)(?!高新|高企|科技|企业|中小)${SURNAMED}`, 'gu');
const SURNAME_CUE = new RegExp(`(我姓|免贵姓|本人姓)(\\s*)(?:${COMPOUND_SURNAMES}|\\p{Script=Han})`, 'gu');
/** "my name is Li Wei", "my name is zhang san", "name: …", "contact person: …": any case after these cues. */
const EN_NAME_CUE = /(my name is|my name's|name:|contact(?: person)?:)/.source;
/** The name's first word, and up to two more; words that go on the sentence ("and", "from", "here"…) are no name. */
const EN_FIRST_NAME_WORD = /(?!and\b|from\b|with\b|here\b|the\b|a\b|not\b)[A-Za-z][a-z'’-]+/.source;
const EN_MORE_NAME_WORDS = /(?:\s+(?!and\b|from\b|with\b|here\b|i\b)[A-Za-z][a-z'’-]+){0,2}/.source;
const EN_NAME_CUED = new RegExp(String.raw`\b${EN_NAME_CUE}\s+(${EN_FIRST_NAME_WORD}${EN_MORE_NAME_WORDS})`, 'gi');
/** "I am Li Wei", "I'm Anna Chen", "This is David Wu": a cue, then capitalized words only. */
const EN_NAME_INTRODUCED = /\b(I am|I'm|I’m|[Tt]his is|[Ii]t's|[Ii]t is)\s+((?:[A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+){0,2})\b/g;
/** "Mr. Wang", "Ms Liu", "Dr. Zhang Wei". */
const EN_TITLED = /\b(Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)/g;

// === Scrubbing ===============================================================

/**
 * Longest text scrubbed: kept texts are shorter (the question log keeps 500
 * characters), and some patterns cost time with the square of a run's
 * length. A longer text is cut here, and the word the cut went through
 * dropped whole, so that no half of a number survives unrecognized.
 */
export const MAX_SCRUBBED_CHARS = 1000;

/** The question with personal data replaced by placeholders; at most MAX_SCRUBBED_CHARS of it. Pure; idempotent. */
export function scrubPersonalData(text: string): string {
    const P = PLACEHOLDERS;
    const bounded =
        text.length <= MAX_SCRUBBED_CHARS ? text : text.slice(0, MAX_SCRUBBED_CHARS).replace(/[A-Za-z0-9@._%+\-\uFF10-\uFF19\uFF20]*$/, '');
    return (
        foldWidth(bounded)
            .replace(EMAIL, P.email)
            .replace(SPELLED_EMAIL, P.email)
            // Accounts before numbers: the digits of a QQ id are no phone.
            .replace(WECHAT, (_m, cue: string) => `${cue}${P.im}`)
            .replace(QQ, (_m, cue: string) => `${cue}${P.im}`)
            .replace(CREDIT_CODE, (m) => {
                const bare = m.replace(/[\s.-]/g, '');
                if (!CREDIT_CODE_SHAPE.test(bare) || /^\d{17}[\dX]$/i.test(bare)) return m;
                return P.creditCode;
            })
            .replace(LONG_NUMBER, (m) => {
                const bare = m.replace(/[\s.-]/g, '');
                return ID_18.test(bare) || ID_15.test(bare) ? P.idCard : bare.length >= 16 ? P.bankCard : longNumber(m);
            })
            .replace(MOBILE, P.mobile)
            .replace(LANDLINE, P.landline)
            .replace(ZH_ADDRESS, (_m, before: string) => `${ADDRESS_CUE.exec(before)?.[1] ?? ''}${P.address}`)
            .replace(EN_ADDRESS, P.address)
            // Titles first: 我是陈女士 keeps 女士.
            .replace(TITLED_NAME, P.name)
            .replace(STRONG_CUE, (_m, cue: string, gap: string) => `${cue}${gap}${P.name}`)
            .replace(SURNAME_CUE, (_m, cue: string, gap: string) => `${cue}${gap}${P.name}`)
            .replace(WEAK_CUE, (_m, cue: string, gap: string) => `${cue}${gap}${P.name}`)
            .replace(EN_NAME_CUED, (_m, cue: string) => `${cue} ${P.name}`)
            .replace(EN_NAME_INTRODUCED, (_m, cue: string) => `${cue} ${P.name}`)
            .replace(EN_TITLED, (_m, title: string) => `${title}. ${P.name}`)
    );
}

/**
 * A 15-digit run that is no ID number: a phone glued to another number
 * (13812345678 2024) is still a phone. Its phone part goes; the rest stays.
 */
function longNumber(m: string): string {
    return m.replace(MOBILE, PLACEHOLDERS.mobile).replace(LANDLINE, PLACEHOLDERS.landline);
}
