/**
 * Bounds a raw question before it is searched. Whatever a user sends —
 * nothing, ten thousand characters, emoji, control characters — search
 * answers with results or a notice, and never throws.
 */
import type { Localized } from '../vocabulary.ts';

/** Questions are searched on their first this many characters (code points). */
export const MAX_QUERY_LENGTH = 500;

export const NOTICES = {
    empty: {
        zh: '请输入一个问题，例如“科技履约贷怎么申请？”',
        en: 'Please type a question, e.g. "How do I apply for the performance bond insurance loan?"',
    },
    truncated: {
        zh: `问题太长，只按前 ${MAX_QUERY_LENGTH} 个字检索。`,
        en: `The question is too long; only its first ${MAX_QUERY_LENGTH} characters were searched.`,
    },
    noWords: {
        zh: '问题里没有可以检索的文字，请用中文或英文描述您的问题。',
        en: 'The question has no words to search for; please describe it in Chinese or English.',
    },
} as const satisfies Record<string, Localized>;

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
