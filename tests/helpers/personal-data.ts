/**
 * A catalogue of the personal data a firm may type into a question, in zh
 * and en, as people write it: each case names its kind and the parts that
 * must not survive in any sink (the question log file, the Redis stream,
 * the feedback memo, the staff reports, MCP's log). The first 67 are the
 * kinds of the fault review (issue 18); the rest widen them.
 */
export interface PersonalDataCase {
    readonly kind: string;
    readonly text: string;
    /** Substrings that must be gone; a digit secret also must not survive with its separators dropped. */
    readonly secrets: readonly string[];
}

const c = (kind: string, text: string, ...secrets: string[]): PersonalDataCase => ({ kind, text, secrets });

export const PERSONAL_DATA: readonly PersonalDataCase[] = [
    // --- Names: after a title, after a cue, in English -------------------------------------
    c('name after title 总', '李总说高企贷可以申请，是真的吗', '李总'),
    c('name after title 总 (bare)', '李总，你好，科技履约贷怎么申请', '李总'),
    c('name before 经理', '请王经理回电', '王经理'),
    c('name before 女士', '我是陈女士，想问贴息', '陈女士'),
    c('name before 先生 (3 chars)', '刘德华先生让我问一下履约贷', '刘德华'),
    c('name after 我是', '我是刘德华，想问高企贷', '刘德华'),
    c('name after 我姓…叫…', '我姓刘，叫刘小军，想贷款', '刘小军', '我姓刘'),
    c('name after 负责人：', '负责人：孙俪，电话稍后给', '孙俪'),
    c('name after 联系人是', '联系人是周杰伦', '周杰伦'),
    c('name after 联系人：', '联系人：李娜 想问微贷通', '李娜'),
    c('name after 我叫', '我叫张伟，想问高企贷', '张伟'),
    c('name after 姓名', '姓名 王小明 企业规模50人', '王小明'),
    c('name after 法定代表人', '法定代表人为赵建国，能申请吗', '赵建国'),
    c('name after 我的名字是', '我的名字是黄晓明', '黄晓明'),
    c('name after 本人', '本人杨丽，公司在浦东', '杨丽'),
    c('en my name is', 'My name is Li Wei and I need a loan', 'Li Wei'),
    c('en my name is (lower case)', 'hi, my name is zhang san, what loans fit us?', 'zhang san'),
    c('en I am', "I'm Anna Chen from a biotech startup", 'Anna Chen'),
    c('en Mr.', 'Please ask Mr. Wang to call back', 'Wang'),
    c('en Ms', 'Ms Liu said we qualify', 'Liu'),
    c('en contact person', 'contact person: Zhou Jie, about the loan', 'Zhou Jie'),
    c('en this is', 'This is David Wu, CFO. Which subsidy applies?', 'David Wu'),
    // --- ID-card numbers ---------------------------------------------------------------------
    c('ID 18 digits', '身份证310101199001011234能贷款吗', '310101199001011234'),
    c('ID 17 digits and X', '法人身份证号11010519491231002X', '11010519491231002X'),
    c('ID with spaces 6-8-4', '身份证 310101 19900101 1234', '19900101', '310101199001011234'),
    c('ID with spaces in fours', '证件号 3101 0119 9001 0112 34', '310101199001011234'),
    c('ID full-width digits', '身份证３１０１０１１９９００１０１１２３４', '３１０１０１１９９００１０１１２３４', '310101199001011234'),
    c('ID 15 digits (old)', '旧身份证号310101900101123还能用吗', '310101900101123'),
    c('ID en', 'my ID number is 310101199001011234', '310101199001011234'),
    // --- Unified social credit codes ----------------------------------------------------------
    c('credit code', '统一社会信用代码91310115MA1K4ABC2X的企业', '91310115MA1K4ABC2X'),
    c('credit code digits and F', '信用代码 91310000132210186F', '91310000132210186F'),
    c('credit code grouped', '信用代码 9131 0115 MA1K 4ABC 2X', '91310115MA1K4ABC2X', 'MA1K'),
    c('credit code hyphens', 'USCC 91310115-MA1K4ABC-2X', '91310115MA1K4ABC2X'),
    c('credit code lower case', 'our code is 91310115ma1k4abc2x', '91310115ma1k4abc2x'),
    // --- Mobile numbers ----------------------------------------------------------------------
    c('mobile plain', '我的手机13812345678，请回电', '13812345678'),
    c('mobile 3-4-4', '电话 138 1234 5678 谢谢', '13812345678'),
    c('mobile +86 hyphens', 'call me on +86 139-1234-5678', '13912345678'),
    c('mobile 86 prefix', '联系8615912345678', '15912345678'),
    c('mobile 3-5-3', '手机 187 70168 017', '18770168017'),
    c('mobile dots', '打188.9018.1019找我', '18890181019'),
    c('mobile full-width', '手机１３９１２３４５６７８', '１３９１２３４５６７８', '13912345678'),
    c('mobile 0086', 'tel 0086 13712345678', '13712345678'),
    c('mobile (+86)', '(+86) 136 1234 5678', '13612345678'),
    // --- Landlines ---------------------------------------------------------------------------
    c('landline area code', '座机021-64278888', '64278888'),
    c('landline brackets and extension', '(021) 6427 8888 转 123 找我', '64278888'),
    c('landline full-width brackets', '（021）64278888', '64278888'),
    c('landline other city', '杭州0571-88889999', '88889999'),
    c('landline bare 8 digits', '打6427-8888', '64278888'),
    c('landline +86 spaces', 'office +86 21 6011 2233', '60112233'),
    c('landline +86 hyphens', '电话+86-21-6011-2233', '60112233'),
    c('landline dots', '021.5432.0011', '54320011'),
    c('landline full-width', '电话０２１－６４２７８８８８', '６４２７８８８８', '64278888'),
    // --- E-mail addresses ----------------------------------------------------------------------
    c('email', '发到 zhang.wei@example.com.cn 吧', 'zhang.wei', 'example.com.cn'),
    c('email plus tag', 'mail: Li_Na+loans@corp.io', 'Li_Na', 'corp.io'),
    c('email full-width at', '邮箱 zhangwei＠example.com', 'zhangwei'),
    c('email IDN domain', '邮箱 info@例子.中国', 'info@', '例子.中国'),
    c('email Chinese local part', '发到 张伟@公司.cn', '张伟@'),
    c('email at dot', 'write to liwei at example dot com', 'liwei', 'example dot com'),
    c('email (at) (dot)', 'wang.fang (at) corp (dot) cn', 'wang.fang'),
    c('email [at]', 'zhao[at]startup.io', 'zhao'),
    // --- Bank cards ----------------------------------------------------------------------------
    c('bank card 16 digits', '银行卡6222021234567890能收款吗', '6222021234567890'),
    c('bank card 19 digits', '卡号6217001234567890123', '6217001234567890123'),
    c('bank card grouped', '账号 6222 0212 3456 7890', '6222021234567890'),
    c('bank card en', 'card number 4111-1111-1111-1111', '4111111111111111'),
    // --- WeChat and QQ -------------------------------------------------------------------------
    c('WeChat id', '加我微信 zhangwei_88 详谈', 'zhangwei_88'),
    c('WeChat 号：', '微信号：LW-2024abc', 'LW-2024abc'),
    c('WeChat vx', 'vx: liuxiaojun1990', 'liuxiaojun1990'),
    c('WeChat en', 'my WeChat ID is zw_1988sh', 'zw_1988sh'),
    c('QQ', 'QQ 12345678 联系', '12345678'),
    c('QQ 号', '我的QQ号是987654321', '987654321'),
    c('QQ en', 'add my qq: 1234567890', '1234567890'),
    // --- Street addresses ----------------------------------------------------------------------
    c('address road and number', '我家在上海市浦东新区张江路123号', '张江路123号'),
    c('address with floor and room', '公司在徐汇区漕溪北路88号5楼501室', '漕溪北路88号', '501室'),
    c('address lane', '地址：长宁区延安西路1566弄3号', '延安西路1566弄'),
    c('address 大道', '办公地址人民大道200号', '人民大道200号'),
    c('address en', 'our office is at 88 Caoxi North Road, Xuhui', '88 Caoxi North Road'),
    c('address en No.', 'visit us at No. 100 Zhangjiang Road', '100 Zhangjiang Road'),
    // --- Several at once -----------------------------------------------------------------------
    c('name and phone', '联系人：李娜 电话13912345678', '李娜', '13912345678'),
    c(
        'everything',
        '我叫张伟，手机13812345678，邮箱zw@corp.cn，身份证310101199001011234，公司在张江路123号',
        '张伟',
        '13812345678',
        'zw@corp.cn',
        '310101199001011234',
        '张江路123号',
    ),
];

/** Questions without personal data: they pass every sink unchanged. */
export const NO_PERSONAL_DATA: readonly string[] = [
    '高企贷总额度是多少',
    '高企贷的合作银行有哪些',
    '我们是高新技术企业，想贷500万',
    '我是高新技术企业，能申请吗',
    '2024年的贴息比例',
    '沪科提复〔2024〕85号 说了什么',
    '贷款1000万元期限12个月',
    '金融科技企业可以申请吗',
    '履约贷的总体情况',
    '第1205号提案的答复',
    '营收2000万，员工120人',
    'LPR 3.45% 上浮多少',
    'What is the premium subsidy rate for 2025?',
    'I am a small firm; what loans fit?',
    'We are at the growth stage. What fits?',
    'Look at the rate. Is it fixed?',
    'Which bank is on the list, and what is the maximum amount?',
];

/** The secrets of a case still readable in `text`, directly or with separators and widths folded. */
export function survivors(text: string, c: PersonalDataCase): string[] {
    const fold = (s: string) =>
        s
            .normalize('NFKC')
            .replace(/[\s.\-－()（）]/g, '')
            .toLowerCase();
    return c.secrets.filter((s) => text.includes(s) || fold(text).includes(fold(s)));
}
