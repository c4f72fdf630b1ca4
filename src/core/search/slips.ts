/**
 * Slips of typing in a Latin word: one letter added or dropped, two side by
 * side swapped, a doubled letter moved. English aspect words (aply for
 * apply: aspects.ts) and names written in pinyin (lvyeudai for lvyuedai:
 * homophones.ts) are read through them.
 */

/** A word with every run of one letter made single (apply, aplly → aply). */
const squeezed = (w: string) => w.replace(/([a-z])\1+/g, '$1');

/**
 * Whether `a` becomes `b` by one letter added or dropped, or two side by side swapped, inside the word, or by a
 * doubled letter moved to its neighbour (aplly / apply: the same letters once doubles are made single). Not one letter
 * changed: that turns words into other words (change / charge, team / term) more often than it makes a typo; nor a
 * last letter added or dropped: that is another form of the word (disburse / disbursed), not a slip.
 */
export function oneSlip(a: string, b: string): boolean {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i >= Math.min(a.length, b.length) - 1) return false;
    if (a.length === b.length) return (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) || squeezed(a) === squeezed(b);
    return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}
