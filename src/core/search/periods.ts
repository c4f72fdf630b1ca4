/**
 * The end of a quarter said one way or another is one period: "end of June
 * 2024", "30 June 2024", "mid-2024", "end-Q2 2024", "二季度末" and "6月底"
 * are the same day of a balance. The cards state it in one form and founders
 * ask in another, so before the terms of a text are read (cards and
 * questions alike: tokenize.ts `scanInto`, query.ts `analyzeQuery`) each
 * form is written as one: "end q2" in Latin text, 二季度末 in Chinese. Only
 * quarter ends: a half year (上半年, H1) is a span, not a day.
 */

/** The month a quarter ends in, as English and Chinese write it → the quarter. */
const MONTH_QUARTER: Readonly<Record<string, string>> = {
    '3': 'q1',
    '6': 'q2',
    '9': 'q3',
    '12': 'q4',
    三: 'q1',
    六: 'q2',
    九: 'q3',
    十二: 'q4',
    mar: 'q1',
    march: 'q1',
    jun: 'q2',
    june: 'q2',
    sep: 'q3',
    sept: 'q3',
    september: 'q3',
    dec: 'q4',
    december: 'q4',
};
const LAST_DAY: Readonly<Record<string, string>> = { q1: '31', q2: '30', q3: '30', q4: '31' };
/** A quarter by its number: first, 2, 三 → the quarter. */
const ORDINAL_QUARTER: Readonly<Record<string, string>> = {
    first: 'q1',
    second: 'q2',
    third: 'q3',
    fourth: 'q4',
    '1': 'q1',
    '2': 'q2',
    '3': 'q3',
    '4': 'q4',
    一: 'q1',
    二: 'q2',
    三: 'q3',
    四: 'q4',
};
/** The quarter as 二季度末 writes it. */
const QUARTER_HAN: Readonly<Record<string, string>> = { q1: '一', q2: '二', q3: '三', q4: '四' };
const MONTHS = 'march|mar|june|jun|september|sept|sep|december|dec';

/**
 * Latin forms, on lower-case text: each with a cheap test of a word it needs (this runs over every card at every
 * reload), its pattern, and its replacer, which returns the quarter or undefined to leave the text as it is.
 */
const LATIN: readonly (readonly [RegExp, RegExp, (m: RegExpExecArray) => string | undefined])[] = [
    // end of June, end-June, end June, June-end, the end of June
    [/end/, new RegExp(`\\bend(?:\\s+of|-|\\s)\\s*(${MONTHS})\\b|\\b(${MONTHS})(?:-|\\s)end\\b`, 'g'), (m) => MONTH_QUARTER[(m[1] ?? m[2])!]],
    // 30 June, June 30, June 30th (the quarter's last day only)
    [
        /3[01]/,
        new RegExp(`\\b(3[01])(?:st|th)?\\s+(${MONTHS})\\b|\\b(${MONTHS})\\s+(3[01])(?:st|th)?\\b`, 'g'),
        (m) => {
            const quarter = MONTH_QUARTER[(m[2] ?? m[3])!];
            return quarter && LAST_DAY[quarter] === (m[1] ?? m[4]) ? quarter : undefined;
        },
    ],
    // end of Q2, end-Q2, Q2-end, Q2 end, end of the second quarter, second-quarter end
    [/q[1-4]/, /\bend(?:\s+of|-|\s)\s*(q[1-4])\b|\b(q[1-4])(?:-|\s)end\b/g, (m) => (m[1] ?? m[2])!],
    [
        /quarter/,
        /\bend\s+of\s+(?:the\s+)?(first|second|third|fourth)\s+quarter\b|\b(first|second|third|fourth)[-\s]quarter[-\s]end\b/g,
        (m) => ORDINAL_QUARTER[(m[1] ?? m[2])!],
    ],
    // mid-2024, mid 2024: the balance at the year's middle
    [/mid/, /\bmid[-\s]?(?=(?:19|20)\d{2}\b)/g, () => 'q2'],
    // as of June 2024, as at June 2024: a balance is taken at the month's end ("in June 2024" is a span)
    [
        /as (?:of|at)/,
        new RegExp(`\\bas\\s+(?:of|at)\\s+(?:the\\s+)?(?:end\\s+of\\s+)?(${MONTHS})\\b(?=,?\\s+(?:19|20)\\d{2}\\b)`, 'g'),
        (m) => MONTH_QUARTER[m[1]!],
    ],
];

/** Chinese forms: 6月末, 6月底, 6月30日, 六月底, 第二季度末, 2季度末 → 二季度末 (and 2024年年中, `HAN_MID_YEAR`). */
const HAN = /(?<![\d一二三四五六七八九十])(12|[369]|十二|[三六九])月(?:末|底|(30|31)日)|第?([一二三四1-4])季度末/g;

/** 2024年年中, as mid-2024: the balance at the year's middle. */
const HAN_MID_YEAR = /((?:19|20)\d{2}年)年中/g;
/** 截至2024年6月, 截止到6月份: a balance as of a quarter's last month, taken at its end (6月推出 is an event in it). */
const HAN_AS_OF = /(截至|截止到|截止)(\s*(?:19|20)\d{2}年)?(12|[369]|十二|[三六九])月份?(?![末底\d日号])/g;

/**
 * A year written with two digits, as founders write one (21年, 24年二季度末, 20年疫情时): 2010 to 2029 in full. Not a
 * span of years: after a word of lasting or counting (成立10年, 期限3年, 最长10年, 做了10年), or before one (10年期,
 * 10年以上, 10年了, 10年左右, 20年历史).
 */
const SHORT_YEAR =
    /(?<![\d.])(?<!成立|期限|满|超过|最长|长达|最多|至少|近|经营|运营|存续|为期|用了|做了|干了|了|有|共|约|大约|每|第)([12]\d)年(?![以之]?[上内后前]|期|多|左右|来|半|间|了|历史|以来|的时间)/g;

/** `text` with every two-digit year written in full (see `SHORT_YEAR`). */
export function fullYears(text: string): string {
    return /\d年/.test(text) ? text.replace(SHORT_YEAR, '20$1年') : text;
}

/** `text` (normalized: lower case, simplified) with every quarter end written one way. */
export function samePeriod(text: string): string {
    let out = fullYears(text);
    if (out.includes('年年中')) out = out.replace(HAN_MID_YEAR, `$1${QUARTER_HAN.q2}季度末`);
    if (/截[至止]/.test(out))
        out = out.replace(
            HAN_AS_OF,
            (_whole, asOf: string, year: string | undefined, month: string) => `${asOf}${year ?? ''}${QUARTER_HAN[MONTH_QUARTER[month]!]}季度末`,
        );
    if (/[月季]/.test(out))
        out = out.replace(HAN, (whole, month: string | undefined, day: string | undefined, ordinal: string | undefined) => {
            const quarter = ordinal !== undefined ? ORDINAL_QUARTER[ordinal]! : MONTH_QUARTER[month!]!;
            // The last day only: 6月30日, not 6月31日.
            if (day !== undefined && day !== LAST_DAY[quarter]) return whole;
            return `${QUARTER_HAN[quarter]}季度末`;
        });
    for (const [needs, pattern, quarterOf] of LATIN)
        if (needs.test(out))
            out = out.replace(pattern, (...args: unknown[]) => {
                const m = args.slice(0, -2) as unknown as RegExpExecArray;
                const quarter = quarterOf(m);
                return quarter ? ` end ${quarter} ` : (args[0] as string);
            });
    return out;
}
