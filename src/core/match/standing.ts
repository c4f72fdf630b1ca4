/**
 * The words that flag a condition resting on an unconfirmed or outdated
 * source, with the date of that source, so that every front shows a thing
 * to confirm as such. Data for the fronts: they only mark it up.
 */
import type { Localized } from '../vocabulary.ts';
import type { ConditionCheck } from './types.ts';

/** Appended to a condition's text; undefined for a condition from a current source. */
export function standingNote(c: Pick<ConditionCheck, 'sourceStatus' | 'sourceDate'>): Localized | undefined {
    if (c.sourceStatus === 'current') return undefined;
    const date = c.sourceDate ? { zh: `来源日期 ${c.sourceDate}`, en: `source dated ${c.sourceDate}` } : { zh: '来源无日期', en: 'source undated' };
    return c.sourceStatus === 'unconfirmed'
        ? { zh: `（未经确认，${date.zh}）`, en: ` (unconfirmed; ${date.en})` }
        : { zh: `（可能已过时，${date.zh}）`, en: ` (may be outdated; ${date.en})` };
}
