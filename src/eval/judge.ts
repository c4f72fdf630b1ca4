/**
 * Whether a user-visible text answers an answer case, by the catalogue's
 * rules: fold full-width to half-width, traditional to simplified, case and
 * thousands separators on both sides, then look for any expected string; a
 * string that starts or ends with a digit must match a whole number, so
 * "1亿" is not found inside "5443.61亿" nor "70%" inside "170%".
 */
import { foldTraditional } from '../core/search/tokenize.ts';

/** The text as compared: NFKC (full-width → half-width), simplified, lower case, no thousands separators. */
export function foldForJudging(text: string): string {
    return foldTraditional(text.normalize('NFKC'))
        .toLowerCase()
        .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
        .replace(/\s+/g, ' ');
}

/** True when `expected` occurs in `text`, whole-number aware (both already folded). */
export function containsWhole(text: string, expected: string): boolean {
    if (expected.length === 0) return false;
    const numberStart = /^\d/.test(expected);
    const numberEnd = /\d$/.test(expected);
    for (let at = text.indexOf(expected); at >= 0; at = text.indexOf(expected, at + 1)) {
        const before = text.slice(Math.max(0, at - 2), at);
        const after = text.slice(at + expected.length, at + expected.length + 2);
        if (numberStart && /(\d|\d\.)$/.test(before)) continue;
        if (numberEnd && /^(\d|\.\d)/.test(after)) continue;
        return true;
    }
    return false;
}

/** The first expected string the text holds, or undefined. */
export function answeredBy(text: string, expectAny: readonly string[]): string | undefined {
    const folded = foldForJudging(text);
    return expectAny.find((e) => containsWhole(folded, foldForJudging(e)));
}
