/**
 * Amounts in 万元, spans in months, percentage points and day counts, worded
 * for a reader of each language. Every front words an amount range with
 * `wanRange`, so that "最高 1,000 万元" reads the same in a card, a match
 * result, an answer and MCP.
 */
import type { Lang } from '../vocabulary.ts';

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
