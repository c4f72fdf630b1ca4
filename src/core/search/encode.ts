/**
 * How terms are spelt inside MiniSearch: every non-ASCII character as four
 * letters A–P (the hex digits of its UTF-16 code unit), so 科技 is stored as
 * `HJNBGCIA`, while Latin terms stay as they are (they are lower case, so
 * the two never collide).
 *
 * Why: MiniSearch keeps terms in a radix tree whose nodes find a child by
 * scanning all their keys. Bigrams of Chinese text give the root thousands
 * of children (one per distinct first character), and their children as
 * many again, so every insert and lookup scanned thousands of keys: adding
 * the shipped knowledge took ~12 µs a term. Over an alphabet of sixteen
 * letters no node has more than sixteen children, and `addAll` is about
 * eight times faster (the bulk loader in index.ts gains more still). The spelling is internal to the index: analysis,
 * document frequencies, snippets and confidence all see the plain terms.
 */

const A = 0x41;

export function encodeTerm(term: string): string {
    let plain = true;
    for (let i = 0; i < term.length; i++) {
        if (term.charCodeAt(i) > 0x7f) {
            plain = false;
            break;
        }
    }
    if (plain) return term;
    let out = '';
    for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
        if (c <= 0x7f) {
            out += term[i];
        } else {
            out += String.fromCharCode(A + (c >> 12), A + ((c >> 8) & 15), A + ((c >> 4) & 15), A + (c & 15));
        }
    }
    return out;
}

export function decodeTerm(term: string): string {
    let out = '';
    for (let i = 0; i < term.length;) {
        const c = term.charCodeAt(i);
        if (c >= A && c <= A + 15 && i + 4 <= term.length) {
            const code = ((c - A) << 12) | ((term.charCodeAt(i + 1) - A) << 8) | ((term.charCodeAt(i + 2) - A) << 4) | (term.charCodeAt(i + 3) - A);
            out += String.fromCharCode(code);
            i += 4;
        } else {
            out += term[i];
            i++;
        }
    }
    return out;
}
