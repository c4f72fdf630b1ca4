/**
 * Snippets: a short window of a card's text around the words that matched,
 * so that a reader sees why the card came up.
 */

export interface SnippetOptions {
    /** Length of the window in characters. Default 90. */
    readonly length?: number;
    /** Characters shown before the first matched word. Default 25. */
    readonly lead?: number;
}

const DEFAULTS = { length: 90, lead: 25 } as const;
import { termPattern } from './stem.ts';

/** At most this many terms are looked for: the longest ones say most. */
const MAX_TERMS = 8;

/** Where a matched index term appears in lower-cased text (`littl_giant` as "little giant", a stem as its start). */
function findTerm(lower: string, term: string): number {
    if (!/^[a-z]/.test(term)) return lower.indexOf(term);
    return termPattern(term).exec(lower)?.index ?? -1;
}

/**
 * The window of `text` that holds the most of `terms` (longest terms
 * weighing most), or undefined when none occurs. `lower` is the text
 * lower-cased, passed in so that a card's text is lower-cased once, not
 * once per query.
 */
export function findSnippet(text: string, terms: readonly string[], options: SnippetOptions = {}, lower = text.toLowerCase()): string | undefined {
    const { length, lead } = { ...DEFAULTS, ...options };
    const wanted = [...new Set(terms)].sort((a, b) => b.length - a.length).slice(0, MAX_TERMS);
    const positions = wanted.map((t) => ({ t, at: findTerm(lower, t) })).filter((p) => p.at >= 0);
    let best = -1;
    let bestWeight = 0;
    for (const p of positions) {
        const from = Math.max(0, p.at - lead);
        let weight = 0;
        for (const q of positions) if (q.at >= from && q.at + q.t.length <= from + length) weight += q.t.length;
        if (weight > bestWeight) {
            bestWeight = weight;
            best = from;
        }
    }
    return best < 0 ? undefined : cut(text, best, length);
}

/** Like `findSnippet`, but falls back to the start of the text; '' for an empty text. */
export function makeSnippet(text: string, terms: readonly string[], options: SnippetOptions = {}): string {
    if (text.length === 0) return '';
    return findSnippet(text, terms, options) ?? cut(text, 0, options.length ?? DEFAULTS.length);
}

function cut(text: string, from: number, length: number): string {
    // Do not start in the middle of an English word.
    let start = from;
    while (start > 0 && start > from - 12 && /\w/.test(text[start - 1]!) && /\w/.test(text[start]!)) start--;
    const end = Math.min(text.length, start + length);
    const body = text.slice(start, end).trim();
    return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}
