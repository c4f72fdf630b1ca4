/**
 * Bounds a raw question before it is searched. Whatever a user sends —
 * nothing, ten thousand characters, emoji, control characters — search
 * answers with results or a notice, and never throws.
 */
import type { Localized } from '../vocabulary.ts';
import { searchNotices } from '../words/answer.ts';

/** Questions are searched on their first this many characters (code points). */
export const MAX_QUERY_LENGTH = 500;

/** What a search says of a question it could not take as it came (core/words/answer.ts). */
export const NOTICES = searchNotices(MAX_QUERY_LENGTH);

export interface BoundedQuery {
    /** The question as it will be searched: control characters removed, trimmed, bounded. */
    readonly text: string;
    readonly notice?: Localized;
}

// Control characters and line separators become spaces; format characters (zero-width
// spaces and joiners, BOM, soft hyphens, bidi marks) sit inside words and are removed,
// as normalize() does for the cards, so that 高\u200b企贷 is 高企贷.
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;
const FORMAT = /\p{Cf}+/gu;

/** Cleans and bounds a query; `text` is '' with the `empty` notice when nothing is left. */
export function boundQuery(raw: unknown, maxLength = MAX_QUERY_LENGTH): BoundedQuery {
    const text = typeof raw === 'string' ? raw : '';
    // Look at a bounded prefix only, so that a megabyte of input costs no more than a page.
    const head = text.length > maxLength * 8 ? text.slice(0, maxLength * 8) : text;
    const cleaned = head.replace(FORMAT, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
    if (cleaned.length === 0) return { text: '', notice: NOTICES.empty };
    const chars = Array.from(cleaned);
    if (chars.length <= maxLength && head === text) return { text: cleaned };
    return { text: chars.slice(0, maxLength).join('').trim(), notice: NOTICES.truncated };
}
