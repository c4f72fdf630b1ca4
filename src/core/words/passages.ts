/**
 * The words of the passages a card's structured fields make for search and
 * answers ("文号 …，发文机关 …", "额度：最高 1,000 万元"), in zh and en.
 * A passage is both shown and searched, so these keep the card's own terms
 * (文号, 发文机关, the vocabulary names) beside kejin's words; amounts and
 * spans are worded as everywhere else (units.ts).
 */
import type { Application, Eligibility } from '../knowledge/schema.ts';
import { QUALIFICATIONS, SIZES, STAGES, type Localized } from '../vocabulary.ts';
import { LABELS } from './labels.ts';
import { monthsRange, wanRange, wanRangeEn } from './units.ts';

type Range = { readonly min?: number | undefined; readonly max?: number | undefined };

/** "电话：021-…" / "Phone: 021-…": a contact detail under the label its source gives it, else the field's. */
export function labelledValue(label: Localized, value: string): Localized {
    return { zh: `${label.zh}：${value}`, en: `${label.en}: ${value}` };
}

/** A document's number, issuer and date in one passage; undefined when it states none. */
export function documentPassage(d: {
    readonly doc_number?: string | undefined;
    readonly issuer?: string | undefined;
    readonly date?: string | undefined;
}): Localized | undefined {
    // A document's date is the day it was issued (印发), said as such: "什么时候发的" finds it.
    const zh = [d.doc_number && `文号 ${d.doc_number}`, d.issuer && `发文机关 ${d.issuer}`, d.date && `印发日期 ${d.date}`]
        .filter(Boolean)
        .join('，');
    const en = [d.doc_number && `reference ${d.doc_number}`, d.issuer && `issued by ${d.issuer}`, d.date && `issued on ${d.date}`]
        .filter(Boolean)
        .join(', ');
    return zh ? { zh, en } : undefined;
}

/** How the support is granted, then what the card says of it. */
export function modePassage(mode: Localized, own: Partial<Localized>): Localized {
    return own.zh && own.en ? { zh: `${mode.zh}。${own.zh}`, en: `${mode.en}. ${own.en}` } : mode;
}

/**
 * The window as its source states it, without the day's state: passages are
 * made once per card, so "closed" is left to the presenter, which knows the day.
 */
export function windowPassage(a: Application): Localized | undefined {
    if (a.rolling) return LABELS.windowRolling;
    if (a.opens && a.closes) return { zh: `${a.opens} 至 ${a.closes}`, en: `${a.opens} to ${a.closes}` };
    if (a.closes) return { zh: `${a.closes} 截止`, en: `closes on ${a.closes}` };
    if (a.opens) return { zh: `${a.opens} 起受理`, en: `open from ${a.opens}` };
    return undefined;
}

/** A loan amount given only as a range, worded as in a card and a match result. */
export function amountPassage(r: Range): Localized {
    return { zh: wanRange(r, 'zh') ?? '', en: wanRange(r, 'en') ?? '' };
}

/** A term given only as a span of months, worded as in a card. */
export function termPassage(r: Range): Localized {
    return { zh: monthsRange(r, 'zh') ?? '', en: monthsRange(r, 'en') ?? '' };
}

/** The structured conditions in one passage ("阶段：初创期；年营业收入：200–1000万元。"); undefined when there are none. */
export function eligibilityPassage(e: Eligibility): Localized | undefined {
    const parts: { zh: string; en: string }[] = [];
    const list = (values: readonly string[] | undefined, labels: Record<string, Localized>, zh: string, en: string) => {
        if (!values || values.length === 0) return;
        parts.push({
            zh: `${zh}：${values.map((v) => labels[v]?.zh ?? v).join('、')}`,
            en: `${en}: ${values.map((v) => labels[v]?.en ?? v).join(', ')}`,
        });
    };
    list(e.stages, STAGES.labels, '阶段', 'stages');
    list(e.qualifications_any, QUALIFICATIONS.labels, '须具备其一', 'one of');
    list(e.qualifications_all, QUALIFICATIONS.labels, '须全部具备', 'all of');
    list(e.qualifications_preferred, QUALIFICATIONS.labels, '优先', 'preferred');
    list(e.sizes, SIZES.labels, '规模', 'sizes');
    if (e.revenue_wan) {
        const r = revenueRange(e.revenue_wan);
        parts.push({ zh: `年营业收入：${r.zh}`, en: `annual revenue: ${r.en}` });
    }
    if (e.requires_ip) parts.push({ zh: '须拥有知识产权', en: 'must hold intellectual property' });
    if (parts.length === 0) return undefined;
    return { zh: `${parts.map((p) => p.zh).join('；')}。`, en: `${parts.map((p) => p.en).join('; ')}.` };
}

// The revenue bounds as the card writes them ("200–1000万元"): a question quotes them so ("1000万"). English says them
// in yuan as an English reader counts, the card's 万元 beside them (`wanRangeEn`).
function revenueRange(r: Range): Localized {
    const zh = r.min !== undefined && r.max !== undefined ? `${r.min}–${r.max}万元` : r.max !== undefined ? `最高${r.max}万元` : `不低于${r.min}万元`;
    return { zh, en: wanRangeEn(r) ?? '' };
}
