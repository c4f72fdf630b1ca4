/**
 * Amounts in 万元, spans in months, percentage points and day counts, worded
 * for a reader of each language. Every front words an amount range with
 * `wanRange`, so that "最高 1,000 万元" reads the same in a card, a match
 * result, an answer and MCP.
 */
import type { Lang, Localized } from '../vocabulary.ts';

export interface Range {
    readonly min?: number | undefined;
    readonly max?: number | undefined;
}

function formatNumber(n: number): string {
    return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** 500 → "500 万元" / "5 million yuan"; 15000 → "1.5 亿元". */
export function wanText(n: number, lang: Lang): string {
    if (lang === 'zh') return n >= 10_000 ? `${formatNumber(n / 10_000)} 亿元` : `${formatNumber(n)} 万元`;
    return n >= 100 ? `${formatNumber(n / 100)} million yuan` : `${formatNumber(n * 10)} thousand yuan`;
}

/** A range of 万元 ("最高 1,000 万元"); undefined when it has neither end. */
export function wanRange(r: Range | undefined, lang: Lang): string | undefined {
    if (!r || (r.min === undefined && r.max === undefined)) return undefined;
    const w = (n: number) => wanText(n, lang);
    if (r.min !== undefined && r.max !== undefined) return lang === 'zh' ? `${w(r.min)}–${w(r.max)}` : `${w(r.min)} – ${w(r.max)}`;
    if (r.max !== undefined) return lang === 'zh' ? `最高 ${w(r.max)}` : `up to ${w(r.max)}`;
    return lang === 'zh' ? `不低于 ${w(r.min!)}` : `at least ${w(r.min!)}`;
}

/**
 * A range of 万元 in English as an English reader counts it, the card's 万元 beside it ("2 million yuan – 10 million yuan
 * (200–1000万元)"): a founder who writes 万 finds the card's bounds as written. Undefined when it has neither end.
 */
export function wanRangeEn(r: Range | undefined): string | undefined {
    const yuan = wanRange(r, 'en');
    if (!yuan) return undefined;
    const wan = r!.min !== undefined && r!.max !== undefined ? `${r!.min}–${r!.max}万元` : `${r!.max ?? r!.min}万元`;
    return `${yuan} (${wan})`;
}

/** A span of months ("12–36 个月"); undefined when it has neither end. */
export function monthsRange(r: Range | undefined, lang: Lang): string | undefined {
    if (!r || (r.min === undefined && r.max === undefined)) return undefined;
    if (r.min !== undefined && r.max !== undefined) return lang === 'zh' ? `${r.min}–${r.max} 个月` : `${r.min}–${r.max} months`;
    if (r.max !== undefined) return lang === 'zh' ? `最长 ${r.max} 个月` : `up to ${r.max} months`;
    return lang === 'zh' ? `至少 ${r.min} 个月` : `at least ${r.min} months`;
}

/** 0.5 → "0.5 个百分点" / "0.5 percentage points". */
export function pointsText(n: number, lang: Lang): string {
    return lang === 'zh' ? `${n} 个百分点` : `${n} percentage points`;
}

/** What follows an open window's span: "（受理中，还剩 7 天）" / " (open, 7 days left)". */
export function daysLeftText(days: number, lang: Lang): string {
    return lang === 'zh' ? `（受理中，还剩 ${days} 天）` : ` (open, ${days} day${days === 1 ? '' : 's'} left)`;
}

/** "2026-01-01 起" / "from 2026-01-01": a window with only its opening day. */
export function fromDateText(date: string, lang: Lang): string {
    return lang === 'zh' ? `${date} 起` : `from ${date}`;
}

/** A figure an English text writes: "14.427 billion", "1.1 trillion yuan", "50 million yuan". */
const EN_FIGURE = /(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s+(thousand|million|billion|trillion)\b(\s+yuan\b)?(\s*\()?/g;
const EN_SCALE: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
/** A figure a Chinese text writes in 万 or 亿: "144.27亿元", "5,000万", "1.1万亿". */
const ZH_FIGURE = /(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万亿|亿|万)(元)?/g;
const ZH_SCALE: Readonly<Record<string, number>> = { 万亿: 1e12, 亿: 1e8, 万: 1e4 };

const valueOf = (whole: string, fraction: string | undefined, scale: number) => Number(`${whole.replace(/,/g, '')}${fraction ?? ''}`) * scale;
const sameValue = (a: number, b: number) => Math.abs(a - b) <= Math.max(a, b) * 1e-9;

/**
 * An English text with the source's own figure beside each sum it converts ("14.427 billion yuan (144.27亿元)"), as
 * `wanRangeEn` does for a card's range: the sources are Chinese and count in 万 and 亿, and a founder checks a figure
 * against the source cited, or says it to a bank, as written there. Only a figure of the same value that the Chinese
 * text of the same fact writes is set beside it: a figure the two texts disagree on is left as the English text has it.
 * Sums of money only, yuan in one text or 元 in the other: a count reads the same in both.
 */
export function withSourceFigures(en: string, zh: string | undefined): string {
    if (!zh) return en;
    const written = [...zh.matchAll(ZH_FIGURE)].map((m) => ({
        text: `${m[1]}${m[2] ?? ''}${m[3]}${m[4] ?? ''}`,
        value: valueOf(m[1]!, m[2], ZH_SCALE[m[3]!]!),
        yuan: m[4] !== undefined,
    }));
    if (written.length === 0) return en;
    return en.replace(EN_FIGURE, (figure: string, whole: string, fraction: string | undefined, scale: string, yuan = '', open = '', at: number) => {
        const value = valueOf(whole, fraction, EN_SCALE[scale]!);
        // A sum of money, in either text: a count ("1.1 million registered firms", 110万家) reads the same in both.
        const twin = written.find((w) => sameValue(w.value, value) && (w.yuan || yuan !== ''));
        // Already written beside it ("2 million yuan – 10 million yuan (200–1000万元)").
        const beside = open !== '' && /^[^)）]*[万亿]/.test(en.slice(at + figure.length));
        if (!twin || beside) return figure;
        const sum = figure.slice(0, figure.length - open.length);
        // An aside in brackets right after it takes the figure first: "16.355 billion yuan (163.55亿元; up 101.7%)".
        return open ? `${sum} (${twin.text}; ` : `${sum} (${twin.text})`;
    });
}

/**
 * A fact's text in `lang`, else in the other; in English with the source's figures beside the sums converted, read from
 * its Chinese text, or from `zhOfCard` (a paragraph of the body has no Chinese twin of its own).
 */
export function textIn(text: Partial<Localized>, lang: Lang, zhOfCard?: () => string): string {
    if (lang === 'en' && text.en !== undefined) return withSourceFigures(text.en, text.zh ?? zhOfCard?.());
    return text[lang] ?? text[lang === 'zh' ? 'en' : 'zh'] ?? '';
}
