/**
 * The end of a quarter said one way or another is one period: "end of June
 * 2024", "30 June 2024", "mid-2024", "end-Q2 2024", "二季度末" and "6月底"
 * are the same day of a balance. The cards state it in one form and founders
 * ask in another, so before the terms of a text are read (cards and
 * questions alike: tokenize.ts `scanInto`, query.ts `analyzeQuery`) each
 * form is written as one: "end q2" in Latin text, 二季度末 in Chinese. Only
 * quarter ends: a half year (上半年, H1) is a span, not a day.
 */

const MONTH_QUARTER: Readonly<Record<string, string>> = {
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
const ORDINAL_QUARTER: Readonly<Record<string, string>> = { first: 'q1', second: 'q2', third: 'q3', fourth: 'q4' };
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
];

const HAN_QUARTER: Readonly<Record<string, string>> = { '3': '一', '6': '二', '9': '三', '12': '四', 三: '一', 六: '二', 九: '三', 十二: '四' };

/** Chinese forms: 6月末, 6月底, 6月30日, 六月底, 第二季度末, 2季度末 → 二季度末. */
const HAN = /(?<![\d一二三四五六七八九十])(12|[369]|十二|[三六九])月(?:末|底|(30|31)日)|第?([一二三四1-4])季度末/g;
const DIGIT_HAN: Readonly<Record<string, string>> = { '1': '一', '2': '二', '3': '三', '4': '四' };

/** `text` (normalized: lower case, simplified) with every quarter end written one way. */
export function samePeriod(text: string): string {
    let out = text;
    if (/[月季]/.test(out))
        out = out.replace(HAN, (whole, month: string | undefined, day: string | undefined, quarter: string | undefined) => {
            if (quarter !== undefined) return `${DIGIT_HAN[quarter] ?? quarter}季度末`;
            const q = HAN_QUARTER[month!];
            if (!q) return whole;
            // The last day only: 6月30日, not 6月31日.
            if (day !== undefined && day !== (q === '二' || q === '三' ? '30' : '31')) return whole;
            return `${q}季度末`;
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
