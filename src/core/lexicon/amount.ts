/**
 * Money amounts in the forms firms write them, read as 万元 (10,000 CNY):
 * 500万, 五百万, 两千万, 一亿五千万, 1.5亿, 1亿5000万, 3,000,000元, ¥300万,
 * 3 million, RMB 5m, 30m CNY, 2 billion yuan. One reader for the free
 * question and the typed answer of the guided match.
 */

/** An amount found in a text, with where it sits (for the words before it). */
export interface FoundAmount {
    readonly wan: number;
    readonly index: number;
    readonly text: string;
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一千五百 → 1500, 十二 → 12, 两 → 2; NaN when not a Chinese numeral below 10,000. */
function smallChinese(s: string): number {
    if (s === '') return 0;
    let total = 0;
    let digit: number | undefined;
    for (const ch of s) {
        if (ch in CN_DIGIT) {
            if (digit !== undefined && digit !== 0) return NaN;
            digit = CN_DIGIT[ch]!;
        } else if (ch in CN_SMALL_UNIT) {
            total += (digit ?? 1) * CN_SMALL_UNIT[ch]!;
            digit = undefined;
        } else return NaN;
    }
    return total + (digit ?? 0);
}

/** A Chinese numeral in yuan, 万 and 亿 included: 五百万 → 5,000,000; 一亿五千万 → 150,000,000. */
export function chineseNumber(raw: string): number {
    const s = raw.replace(/个/g, '');
    const [yi, rest] = s.includes('亿') ? [s.slice(0, s.indexOf('亿')), s.slice(s.indexOf('亿') + 1)] : ['', s];
    const [wan, ones] = rest.includes('万') ? [rest.slice(0, rest.indexOf('万')), rest.slice(rest.indexOf('万') + 1)] : ['', rest];
    const a = s.includes('亿') ? smallChinese(yi || '一') : 0;
    const b = rest.includes('万') ? smallChinese(wan || '一') : 0;
    const c = smallChinese(ones);
    return a * 1e8 + b * 1e4 + c;
}

const NUM = String.raw`\d+(?:\.\d+)?`;
/** A Chinese numeral; "两个亿" / "一个亿" say 个 before the unit, as people say them. */
export const CN_NUMERAL = '[零〇一二两三四五六七八九十](?:[零〇一二两三四五六七八九十百千万亿]|个(?=[万亿]))*';
/** 万元 per unit word; the first that fits wins, so longer words come first. */
const ZH_UNITS: readonly [string, number][] = [
    ['千万', 1000],
    ['百万', 100],
    ['十万', 10],
    ['万', 1],
    ['亿', 10_000],
];
const EN_UNITS: Record<string, number> = {
    k: 0.1,
    thousand: 0.1,
    m: 100,
    mn: 100,
    mln: 100,
    million: 100,
    millions: 100,
    b: 100_000,
    bn: 100_000,
    billion: 100_000,
};

const PATTERNS: readonly { re: RegExp; wan: (m: RegExpExecArray) => number }[] = [
    // 1亿5000万, 1.5亿, 500万, 300 万元, 500w
    {
        re: new RegExp(
            String.raw`(${NUM})\s*个?\s*亿\s*(?:(${NUM})\s*万)?(?:元|人民币)?|(${NUM})\s*(千万|百万|十万|万|w(?![a-z])|wan\b)(?:元|人民币)?`,
            'gi',
        ),
        wan: (m) => (m[1] !== undefined ? Number(m[1]) * 10_000 + Number(m[2] ?? 0) : Number(m[3]) * (ZH_UNITS.find(([u]) => u === m[4])?.[1] ?? 1)),
    },
    // 五百万, 两千万, 一亿五千万 — a Chinese numeral holding 万 or 亿, then optional 元
    { re: new RegExp(`(${CN_NUMERAL})(?:元|人民币)?`, 'g'), wan: (m) => (/[万亿]/.test(m[1]!) ? chineseNumber(m[1]!) / 10_000 : NaN) },
    // 3,000,000元, ¥3000000, RMB 3000000, 3000000 yuan
    {
        re: new RegExp(
            [
                // a currency, then a figure with no 万 / 亿 / k / m / bn after it (the patterns above and below read those)
                /(?:¥|￥|rmb|cny)\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d.]*\s*(?:万|亿|k\b|thousand|m\b|mn\b|mln|million|b\b|bn\b|billion))/
                    .source,
                // a figure, then the currency
                /(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:元|块|yuan|rmb|cny)(?![a-z])/.source,
            ].join('|'),
            'gi',
        ),
        wan: (m) => Number((m[1] ?? m[2])!.replace(/,/g, '')) / 10_000,
    },
    // 3 million, RMB 5m, 30m CNY, 2 billion yuan, 500k
    {
        re: new RegExp(String.raw`(${NUM})\s*(k|thousand|mn|mln|millions?|m|bn|billion|b)\b`, 'gi'),
        wan: (m) => Number(m[1]) * EN_UNITS[m[2]!.toLowerCase()]!,
    },
];

/** Every amount in `text`, left to right; overlapping readings keep the first pattern's. */
export function findAmounts(text: string): FoundAmount[] {
    const t = text.normalize('NFKC');
    const found: FoundAmount[] = [];
    const taken: [number, number][] = [];
    for (const { re, wan } of PATTERNS) {
        for (const m of t.matchAll(re)) {
            const start = m.index;
            const end = start + m[0].length;
            if (taken.some(([a, b]) => start < b && end > a)) continue;
            const value = Math.round(wan(m as RegExpExecArray) * 100) / 100;
            if (!(value > 0) || value > 1e9) continue;
            taken.push([start, end]);
            found.push({ wan: value, index: start, text: m[0] });
        }
    }
    return found.sort((a, b) => a.index - b.index);
}

const LEAD = /^(?:约|大约|大概|about|around|approx\.?|roughly)\s*/i;
const TRAIL = /\s*(?:左右|以内|以上|的样子|上下|or so)$/i;

/**
 * A typed answer read as one amount in 万元: any form above, or a bare
 * number, read as 万元 ("500" → 500) unless it is so large that only yuan
 * make sense (≥ 1,000,000 → yuan). A range ("300-500万") gives its upper
 * end. Undefined when the answer is not one positive amount.
 */
export function parseAmountWan(answer: string): number | undefined {
    const t = answer.normalize('NFKC').trim().replace(LEAD, '').replace(TRAIL, '');
    const range = /^(\d+(?:\.\d+)?)\s*(?:-|~|～|到|至|to)\s*(.+)$/i.exec(t);
    const text = range ? range[2]!.trim() : t;
    if (/^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$/.test(text)) {
        const n = Number(text.replace(/,/g, ''));
        const wan = n >= 1_000_000 ? n / 10_000 : n;
        return wan > 0 && wan <= 1e9 ? Math.round(wan * 100) / 100 : undefined;
    }
    const found = findAmounts(text);
    // The whole answer must be the amount (a currency word around it aside).
    if (found.length !== 1) return undefined;
    const rest = text
        .replace(found[0]!.text, '')
        .replace(/(?:¥|￥|rmb|cny|yuan|元|人民币|万元|the|of)/gi, '')
        .trim();
    return rest === '' ? found[0]!.wan : undefined;
}
