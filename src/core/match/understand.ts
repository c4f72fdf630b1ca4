/**
 * Reads the plain statements of a free-text question into profile fields
 * ("我们是高新技术企业" → high-tech, "有十几项专利" → intellectual property,
 * "贷款快到期" → loan renewal, "500万" → amountWan). Only what the text
 * plainly states: a question *about* 高企贷 does not make a firm high-tech.
 * Every value read is returned with a sentence (core/words/match.ts), so the
 * fronts can show what was understood and the user can correct it.
 */
import { chineseNumber, CN_NUMERAL, findAmounts, VOCABULARY_LEXICON, type Lexicon } from '../lexicon/lexicon.ts';
import { NEEDS, QUALIFICATIONS, type Localized, type Need, type Size, type Stage } from '../vocabulary.ts';
import { UNDERSTOOD } from '../words/match.ts';
import type { FirmProfile } from './profile.ts';
import type { Understood } from './types.ts';

const NEED_PATTERNS: readonly [Need, RegExp][] = [
    [
        'loan-renewal',
        /续贷|转贷|(?:贷款|借款)[^，。,.]{0,6}到期|到期[^，。,.]{0,4}(?:还不上|周转|续)|不还本|无还本|renew|roll ?over|(?:loan|credit)[^,.]{0,20}(?:due|matur)/i,
    ],
    [
        'ip-pledge',
        new RegExp(
            [
                /(?:专利|知识产权|商标|著作权)[^，。,.]{0,4}(?:质押|融资|贷款|抵押)|(?:质押|抵押)[^，。,.]{0,4}(?:专利|知识产权)/.source,
                /ip[- ]pledge|patent[- ]backed|(?:pledg|us)\w* (?:our |my )?(?:patents?|ip|intellectual property)/.source,
            ].join('|'),
            'i',
        ),
    ],
    ['bill-discount', /贴现|承兑汇票|商业汇票|票据|discount|bills? of exchange|acceptance bills?/i],
    ['relief', /纾困|经营困难|资金链|疫情[^，。,.]{0,6}影响|渡过难关|relief|hardship|in difficult/i],
    [
        'first-loan',
        new RegExp(
            [
                /首贷|首次贷款|第一次贷款|第一笔贷款|从没(?:有)?贷过|没有贷过款|没贷过款|(?:还)?没有(?:过)?(?:任何)?(?:银行)?(?:贷款|信贷)记录/
                    .source,
                /first(?:-time)? (?:bank )?loan|never borrowed|no (?:prior |previous )?(?:bank )?(?:loan|credit|borrowing) (?:history|record)/.source,
            ].join('|'),
            'i',
        ),
    ],
    [
        'credit-loan',
        /信用贷|(?:无|没有|没|无需|不用|不需要|不要|免)(?:任何)?(?:抵押|质押|担保物)|轻资产|unsecured|credit loan|collateral[- ]free|without (?:any )?collateral|no collateral/i,
    ],
    ['working-capital', /流动资金|周转|发工资|采购原材料|working capital|cash flow|payroll/i],
    ['equity', /股权融资|股权投资|天使轮|a轮|b轮|投资人|风投|equity|venture capital|\bvc\b|angel (?:round|invest)|investors?\b/i],
];

const STAGE_PATTERNS: readonly [Stage, RegExp][] = [
    [
        'seed',
        /种子期|种子轮|还没(?:有)?收入|刚注册|\bseed(?: stage)?\b|pre-revenue|no revenue(?: yet)?\b|not (?:yet )?(?:generating|making|earning) (?:any )?revenue/i,
    ],
    ['startup', /初创|刚成立|刚起步|创业(?:初期|阶段)|成立不(?:到|久)|start-?up|early[- ]stage|just founded|newly founded/i],
    ['growth', /成长期|快速(?:成长|发展)|扩张期|扩大生产|growth stage|scale[- ]up|growing fast|expanding/i],
    ['mature', /成熟期|规模以上|上市公司|行业龙头|\bmature\b|established (?:company|firm)/i],
];

/** Right before a stage: the firm is not, or no longer, at it. */
const STAGE_DENIED =
    /(?:不是|不再是|已不是|并非|不算|不属于|不在)(?:处于)?\s*$|\b(?:not|no longer|isn't|aren't|'re not|are not)\s+(?:an?\s+|at (?:the )?)?$/i;

const SIZE_PATTERNS: readonly [Size, RegExp][] = [
    ['micro', /微型企业|小微企业(?:中的)?微型|\bmicro(?:-| )?(?:enterprise|firm|company|business)\b/i],
    ['small', /小型企业|\bsmall (?:enterprise|firm|company|business)\b/i],
    ['medium', /中型企业|\bmedium[- ]sized?\b/i],
    ['large', /大型企业|\blarge (?:enterprise|firm|company)\b/i],
];

/** The firm holds IP, said any of these ways (one regular expression, its alternatives a line each). */
const HAS_IP = new RegExp(
    [
        // 有3项发明专利, 拥有知识产权, 两个软著
        /(?:有|拥有|持有|获得|取得|申请了|手握|\d+|[一二两三四五六七八九十几多]+)\s*(?:项|个|件|份)?[^，。,.;；]{0,6}(?:发明专利|实用新型|专利|知识产权|软件著作权|软著)/
            .source,
        /(?:we|i) (?:do |also |now |already |still )?(?:have|own|hold)[^,.]{0,30}/.source +
            /(?:patents?|intellectual property|\bip\b|software copyrights?|utility models?)/.source,
        /(?:\d+|lots of|many|several|a few|some|a couple of|a dozen|dozens of|one|two|three|four|five|six|seven|eight|nine|ten)/.source +
            /(?: [\w-]+){0,2} (?:patents|copyrights)/.source,
        /\bwith [^,.]{0,30}\b(?:patents|intellectual property)\b/.source,
    ].join('|'),
    'i',
);
const NO_IP = new RegExp(
    /(?:没有|没什么|无|暂无|尚无)[^，。,.]{0,4}(?:专利|知识产权)|/.source +
        /(?:no|don't have|do not have|without) (?:any )?(?:invention |utility[- ]model |design )?(?:patents?|intellectual property|\bip\b)/.source,
    'gi',
);
/** Intellectual property denied as a whole, not one kind of it (发明专利, invention patents): no claim beside it outweighs it. */
const NO_IP_AT_ALL =
    /(?:没有|没什么|无|暂无|尚无)[^，。,.]{0,4}知识产权|(?:no|don't have|do not have|without) (?:any )?(?:intellectual property|\bip\b)/i;

/** Revenue named after the amount: "五千万的营业额", "50 million in revenue". */
const REVENUE_AFTER =
    /^\s*(?:元|人民币|rmb|cny|yuan)?\s*(?:左右|上下)?\s*(?:的)?\s*(?:年?营收|营业额|营业收入|销售额|销售收入|年收入|(?:in |of )?(?:annual )?(?:revenue|sales|turnover))/i;
const REVENUE_CONTEXT = new RegExp(
    [
        /(?:年?营收|营业收入|营业额|年?销售额|销售收入|年销售|收入|revenue|sales|turnover)/.source,
        // the words between ("revenue is actually RMB", "revenue last year was about"), or the lower end of a range
        // ("销售额200万到", "sales between 2 and", "revenue of 2-")
        /(?:[^，。,.;；\d]{0,24}|[^，。,.;；\d]{0,12}[\d.]+\s*(?:万|亿|万元|亿元|million|m)?\s*(?:到|至|~|～|-|–|—|and|to)\s*)$/.source,
    ].join(''),
    'i',
);
/** Revenue named anywhere in a message, and a loan or financing named anywhere in it. */
const REVENUE_NAMED = /营收|营业收入|营业额|销售额|销售收入|收入|\b(?:revenue|sales|turnover)\b/i;
const FINANCING_NAMED = /贷|借|融资|资金|额度|授信|\b(?:loans?|borrow\w*|financ\w*|credit|funding|capital)\b/i;

/** A figure said with no word of what it is ("不对，是500万"): neither revenue nor financing is named. */
export function namesNoFigureKind(text: string): boolean {
    return !REVENUE_NAMED.test(text) && !FINANCING_NAMED.test(text);
}

/**
 * A head count: digits or a Chinese numeral before 员工 / 人 ("200人", "两百个员工", "一百五十名职工"), digits before
 * employees / staff / people, or after a head-count word ("员工有200多人" is read by the first form; "headcount 200",
 * "staff of 45"). 人 is no head count in 人民 (人民银行), 人工, 人力 or 人才.
 */
const EMPLOYEE = new RegExp(
    [
        `(\\d{1,7}|${CN_NUMERAL})`,
        /\s*(?:多|来|余)?\s*(?:名|个|位)?\s*(?:员工|职工|雇员|人(?![民工力才均次])(?:的)?(?:团队|规模)?)/.source,
        /|\b(\d{1,7})\s*(?:employees|staff|people)\b/.source,
        /|\b(?:headcount|staff of|team of|workforce of)\s*(?:about |around |roughly )?(\d{1,7})\b/.source,
    ].join(''),
    'i',
);

export interface Understanding {
    readonly fields: Partial<FirmProfile>;
    readonly understood: readonly Understood[];
    /** Needs the text says the firm does not want ("不考虑知识产权质押", "not interested in IP pledge"). */
    readonly declined: readonly Need[];
    /** The text with the needs it turns down blanked out: what it asks about ("不想做知识产权质押了，高企贷呢" → 高企贷). */
    readonly asked: string;
}

/** Right before a figure, saying it is not the one: "not 5000万", "不是5000万", "而非". */
const NOT_THIS = /(?:\bnot|\bisn't|不是|并非|而非|而不是)\s*$/i;

/** Words before a need that turn it down: "不想做知识产权质押", "we don't want to pledge patents". */
/** A need's words that are themselves a lack: 无抵押, 没有抵押, no collateral, without collateral. */
const SAID_AS_LACK = /^(?:无|没有|没|无需|不用|不需要|不要|免|no\b|without\b)/i;

/** The clause of `text` around `index`: between the stops before and after it. */
function clauseAround(text: string, index: number): string {
    const start = Math.max(0, ...[...text.slice(0, index).matchAll(/[，。,.;；!！?？\n]/g)].map((m) => m.index + 1));
    const end = /[，。,.;；!！?？\n]/.exec(text.slice(index));
    return text.slice(start, end ? index + end.index + 1 : text.length);
}

/** The firm has borrowed from a bank before: not after 没 / 从没 / never, which say the opposite (没贷过款 is a first loan). */
const BORROWED_BEFORE = new RegExp(
    [
        /(?<![没未])(?:贷过款|借过款|有过贷款|有过银行贷款)/.source,
        /(?<!\b(?:never|not|n't)\s+)\b/.source +
            `(?:${[
                /borrowed (?:from (?:a |the )?banks? )?before/.source,
                /had (?:a |any )?(?:bank )?loans? before/.source,
                /have (?:existing|other) (?:bank )?loans/.source,
            ].join('|')})\\b`,
    ].join('|'),
    'i',
);

// "I don't mean seamless renewal", "we don't know whether…": a verb of meaning or knowing denied turns nothing down.
const DECLINED =
    /不用|无需|不需要|不要|不考虑|不想|不打算|不愿|\b(?:(?:don't|do not)(?!\s+(?:mean|know|understand|think|remember|see)\b)|won't|will not|not interested|no need|rather not)\b/i;

/**
 * Profile fields that `question` plainly states, each with a sentence
 * saying so. Qualifications, stages and needs are the lexicon's words (the
 * vocabulary with the staff's synonyms); a denied qualification ("还没有高企
 * 认定") is read as not held.
 */
export function understandQuestion(question: string, lexicon: Lexicon = VOCABULARY_LEXICON): Understanding {
    const text = question.normalize('NFKC');
    const fields: Partial<Record<keyof FirmProfile, unknown>> = {};
    const understood: Understood[] = [];
    const add = (field: keyof FirmProfile, value: unknown, text: Localized) => {
        fields[field] = value;
        understood.push({ field, value, text });
    };

    const qualMentions = lexicon.mentions('qualifications', text);
    const denied = unique(qualMentions.filter((m) => m.stance === 'denies').map((m) => m.value));
    const claimed = qualMentions.filter((m) => m.stance === 'claims' && !denied.includes(m.value)).map((m) => m.value);
    const quals = QUALIFICATIONS.values.filter((q) => claimed.includes(q));
    if (quals.length > 0) {
        add('qualifications', quals, UNDERSTOOD.qualifications(quals));
    }
    if (denied.length > 0) {
        add('qualificationsLacking', denied, UNDERSTOOD.lacking(denied));
    }
    const stated = <F extends 'needs' | 'stage'>(field: F) =>
        lexicon
            .mentions(field, text)
            .filter((m) => m.stance !== 'denies')
            .map((m) => m.value);
    const said = NEED_PATTERNS.flatMap(([need, re]) =>
        // A need said right after a title names a product ("小巨人信用贷"), as the title before 贷 does.
        [...text.matchAll(new RegExp(re.source, `${re.flags}g`))]
            .filter((m) => !lexicon.titleBefore(text, m.index))
            .map((m) => {
                const lead = clauseBefore(text, m.index);
                // A need said as a lack ("no collateral", 没有抵押) is turned down by no refusal before it: "we don't have any
                // patents and no collateral" wants a loan without collateral.
                const refusal = SAID_AS_LACK.test(m[0]) ? null : DECLINED.exec(lead);
                const from = refusal ? m.index - lead.length + refusal.index : m.index;
                return { need, declined: refusal !== null, from, to: m.index + m[0].length };
            }),
    );
    // Indices are UTF-16 offsets (RegExp's), so the text is cut in code units.
    const refused = new Array<boolean>(text.length).fill(false);
    for (const s of said) if (s.declined) refused.fill(true, s.from, s.to);
    const asked = refused.includes(true) ? [...text.split('')].filter((_, i) => !refused[i]).join('') : text;
    // Having borrowed before ("我们之前贷过款", "we've had bank loans before") is no first loan: that need is turned down.
    // (Asked, "之前有没有贷过款", it tells nothing.)
    const borrowed = BORROWED_BEFORE.exec(text);
    const borrowedClause = borrowed ? clauseAround(text, borrowed.index) : '';
    const borrowedBefore =
        borrowed && !/有没有|是否|吗|[?？]|\b(?:have you|did you|do you|has it|ever)\b/i.test(borrowedClause) ? (['first-loan'] as const) : [];
    const declined = unique([...said.filter((s) => s.declined).map((s) => s.need), ...borrowedBefore]);
    const needs = unique([...said.filter((s) => !s.declined).map((s) => s.need), ...stated('needs')]).filter((n) => !declined.includes(n));
    if (needs.length > 0) {
        add(
            'needs',
            NEEDS.values.filter((n) => needs.includes(n)),
            UNDERSTOOD.needs(NEEDS.values.filter((n) => needs.includes(n))),
        );
    }
    // A stage said as what the firm no longer is ("我们不是初创了，已经成长期了", "no longer a start-up") is not its stage.
    const stage =
        STAGE_PATTERNS.find(([, re]) =>
            [...text.matchAll(new RegExp(re.source, `${re.flags}g`))].some((m) => !STAGE_DENIED.test(text.slice(0, m.index))),
        )?.[0] ?? stated('stage')[0];
    if (stage) add('stage', stage, UNDERSTOOD.stage(stage));
    const size = SIZE_PATTERNS.find(([, re]) => re.test(text))?.[0];
    if (size) add('size', size, UNDERSTOOD.size(size));

    // "有没有知识产权质押的贷款" asks whether there is one: neither held nor lacking.
    const ipText = text.replace(/有没有|有无/g, ', ');
    // A kind denied beside another held ("10个软著，没有发明专利") is IP held: the claim is read with the denials taken out.
    const ipDenied = ipText.match(NO_IP) !== null;
    const ipClaimed = HAS_IP.test(ipDenied ? ipText.replace(NO_IP, ', ') : ipText);
    if (ipDenied && !(ipClaimed && !NO_IP_AT_ALL.test(ipText))) add('hasIntellectualProperty', false, UNDERSTOOD.ip(false));
    else if (ipClaimed) add('hasIntellectualProperty', true, UNDERSTOOD.ip(true));

    const amounts = findAmounts(text);
    // One figure in a message that names revenue and no loan is the revenue, whatever stands between ("营收说错了，是两千万").
    const onlyRevenue = amounts.length === 1 && REVENUE_NAMED.test(text) && !FINANCING_NAMED.test(text);
    for (const { wan, index, text: amount } of amounts) {
        const before = text.slice(Math.max(0, index - 40), index);
        // "revenue is 500万 not 5000万", "是500万不是5000万": the figure said not to be is no figure of the firm.
        if (NOT_THIS.test(before)) continue;
        // "RMB 30 million i.e. 3000万": the revenue said again in another unit.
        if (wan === fields.annualRevenueWan) continue;
        if (onlyRevenue || REVENUE_CONTEXT.test(before) || REVENUE_AFTER.test(text.slice(index + amount.length, index + amount.length + 24))) {
            if (fields.annualRevenueWan === undefined) add('annualRevenueWan', wan, UNDERSTOOD.revenue(wan));
        } else if (fields.amountWan === undefined) {
            add('amountWan', wan, UNDERSTOOD.amount(wan));
        }
    }
    const staff = EMPLOYEE.exec(text);
    if (staff) {
        const said = staff[1] ?? staff[2] ?? staff[3]!;
        const n = /^\d+$/.test(said) ? Number(said) : chineseNumber(said);
        // A numeral read as none ("一二百": about one or two hundred) tells no head count.
        if (Number.isInteger(n) && n > 0) add('employees', n, UNDERSTOOD.employees(n));
    }
    return { fields: fields as Partial<FirmProfile>, understood, declined: NEEDS.values.filter((n) => declined.includes(n)), asked };
}

/** The words of the clause before `index`: a refusal speaks of what follows it in the same clause. */
function clauseBefore(text: string, index: number): string {
    const head = text.slice(0, index);
    // A colon ends a clause: "I don't want a renewal: how much relief financing…" turns down no relief.
    const start = Math.max(...[...head.matchAll(/[，。,.;；:：!！?？\n]/g)].map((m) => m.index + 1), 0);
    return head.slice(start);
}

function unique<T>(xs: readonly T[]): T[] {
    return [...new Set(xs)];
}
