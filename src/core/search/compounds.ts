/**
 * Hyphenated English compounds ("high-tech", "joint-stock", "end-June") and
 * the words they hold: a word a card writes only inside a compound is no
 * word of a question that says it alone ("stock" is not the joint-stock
 * banks, "too high" not high-tech). A question says a compound with its
 * parts side by side, with or without the hyphen, or with "of" between
 * ("end of June" is end-June).
 */
import { stem } from './stem.ts';
import { normalize } from './tokenize.ts';

/** A hyphenated English compound, or a word. */
const LATIN_WORD_OR_COMPOUND = /[a-z0-9]+(?:-[a-z0-9]+)+|[a-z0-9]+/g;

/** How a question says `compound` (lower case, hyphenated). */
function compoundSaid(compound: string): RegExp {
    return new RegExp(`(?<![a-z0-9])${compound.split('-').join('(?:[-\\s]?|\\s+of\\s+)')}(?![a-z0-9])`);
}

/**
 * The stems of the English words `texts` write only inside hyphenated compounds ("tim" of first-time, "high" of
 * high-tech, when neither stands alone anywhere), each with how a question says the compounds that hold it. Made once
 * per card, with its passages.
 */
export function compoundOnly(texts: Iterable<string>): Map<string, RegExp[]> {
    const alone = new Set<string>();
    const parts = new Map<string, string[]>();
    for (const text of texts)
        for (const [word] of normalize(text).toLowerCase().matchAll(LATIN_WORD_OR_COMPOUND)) {
            if (!word.includes('-')) {
                alone.add(stem(word));
                continue;
            }
            for (const part of word.split('-')) {
                const s = stem(part);
                const holders = parts.get(s);
                if (!holders) parts.set(s, [word]);
                else if (!holders.includes(word)) holders.push(word);
            }
        }
    for (const s of alone) parts.delete(s);
    return new Map([...parts].map(([s, compounds]) => [s, compounds.map(compoundSaid)]));
}

/**
 * `text` (normalized, lower case) with the compounds that `question` (the same) does not say blanked out: what the
 * text says of the question's own words.
 */
export function withoutCompoundsUnsaid(text: string, question: string): string {
    return text.replace(LATIN_WORD_OR_COMPOUND, (word) => (word.includes('-') && !compoundSaid(word).test(question) ? ' ' : word));
}
