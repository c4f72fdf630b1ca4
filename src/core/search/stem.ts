/**
 * A light English stemmer, the same for the cards and the questions: plurals
 * (loans → loan, companies → company), -ing and -ed (lending → lend,
 * renewed → renew, committed → commit), and a final e, so that the forms
 * of one verb meet (issue, issued, issuing → issu; finance, financing →
 * financ). A founder writes "how much did they lend", a card "lending".
 * Nothing more: a full stemmer's surprises (university → univers) cost more
 * than the few forms it would add. Words of digits or mixed codes (2020s,
 * g20) are kept as they are.
 */
export function stem(word: string): string {
    const base = IRREGULAR.get(word) ?? prefixedIrregular(word);
    if (base) return stem(base);
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    return dropE(verbForm(noun(plural(word))));
}

/** -ment on a verb of four letters or more (repayment → repay, investment → invest), the noun and its verb meeting. */
function noun(word: string): string {
    return word.length >= 8 && word.endsWith('ment') ? word.slice(0, -4) : word;
}

/**
 * The irregular past forms of the verbs that reports and founders use of money and firms, to their base form:
 * a card writes "lent 44.684 billion yuan", a founder asks "how much relief lending". A closed class of the
 * language; forms that are also other words (left, found, felt, led, set) are not among them.
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
    ['lent', 'lend'],
    ['spent', 'spend'],
    ['paid', 'pay'],
    ['made', 'make'],
    ['built', 'build'],
    ['sent', 'send'],
    ['gave', 'give'],
    ['given', 'give'],
    ['took', 'take'],
    ['taken', 'take'],
    ['grew', 'grow'],
    ['grown', 'grow'],
    ['rose', 'rise'],
    ['risen', 'rise'],
    ['fell', 'fall'],
    ['fallen', 'fall'],
    ['won', 'win'],
    ['held', 'hold'],
    ['sold', 'sell'],
    ['bought', 'buy'],
    ['brought', 'bring'],
    ['began', 'begin'],
    ['begun', 'begin'],
    ['chose', 'choose'],
    ['chosen', 'choose'],
    ['wrote', 'write'],
    ['written', 'write'],
    ['kept', 'keep'],
    ['told', 'tell'],
    ['became', 'become'],
    ['came', 'come'],
    ['went', 'go'],
    ['gone', 'go'],
    ['got', 'get'],
    ['gotten', 'get'],
    ['drew', 'draw'],
    ['drawn', 'draw'],
    ['shown', 'show'],
]);

/**
 * An irregular past form after a prefix, as its verb is ("repaid" → repay, "underwrote" → underwrite): a card
 * writes "firms that repaid on time", a founder asks about the repayment. Not "sent", which after a prefix is
 * another word (present, resent).
 */
const PREFIXED = /^(re|pre|over|under|with|out|mis)([a-z]{4,})$/;
function prefixedIrregular(word: string): string | undefined {
    const m = PREFIXED.exec(word);
    if (!m || m[2] === 'sent') return undefined;
    const base = IRREGULAR.get(m[2]!);
    return base ? m[1]! + base : undefined;
}

function plural(word: string): string {
    const n = word.length;
    if (word.charCodeAt(n - 1) !== 0x73 /* s */) return word;
    if (word.endsWith('ies') && n > 4) return word.slice(0, -3) + 'y';
    if (word.endsWith('sses')) return word.slice(0, -2);
    if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
    return word.slice(0, -1);
}

/** -ing on a stem of three letters or more, -ed on one of three or more (used, need and bed stay). */
function verbForm(word: string): string {
    let base: string | undefined;
    if (word.length >= 6 && word.endsWith('ing')) base = word.slice(0, -3);
    else if (word.endsWith('eed')) return word.length >= 6 ? word.slice(0, -1) : word;
    else if (word.length >= 5 && word.endsWith('ed')) base = word.slice(0, -2);
    if (!base || !/[aeiouy]/.test(base)) return word;
    // committed → commit, but billing → bill: a doubled final consonant is one, except l, s and z.
    const last = base[base.length - 1]!;
    if (base.length >= 4 && last === base[base.length - 2] && !'aeioulsz'.includes(last)) return base.slice(0, -1);
    return base;
}

/** A final e of a word of four letters or more: the stem every form of the word shares (rate, rated → rat). */
function dropE(word: string): string {
    return word.length >= 4 && word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) : word;
}

const HAN = /\p{Script=Han}/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a word is one of the irregular past forms above ("lent", "grew"): a verb, never a noun. */
export function isIrregularPast(word: string): boolean {
    return IRREGULAR.has(word.toLowerCase());
}

/**
 * Where an index term stands in normalized text, as a pattern: a Chinese
 * term as it is, an English one (stemmed, words joined by _) with each word
 * in any of the forms that stem to it ("littl_giant" finds "little giants",
 * "compani" of company finds "companies"). Global, for split and matchAll.
 */
export function termPattern(term: string): RegExp {
    if (HAN.test(term)) return new RegExp(escape(term), 'gu');
    const words = term.split(/[_ ]/).map((w) => (w.endsWith('y') ? `${escape(w.slice(0, -1))}[a-z]*` : `${escape(w)}[a-z]*`));
    return new RegExp(`(?<![a-z0-9])${words.join('[^a-z0-9]+')}`, 'g');
}

/**
 * Whether normalized, lower-case text says `term` itself, as a test made once per term: where `termPattern` finds it,
 * each word found must stem to the term's word, so that "star" is not said by "start-up" nor "rat" by "ratio".
 */
export function termSaid(term: string): (text: string) => boolean {
    const pattern = termPattern(term);
    // `search`, not `test`: the pattern is global, and `test` would carry its lastIndex from one text to the next.
    if (HAN.test(term)) return (text) => text.search(pattern) >= 0;
    const words = term.split(/[_ ]/);
    return (text) => {
        for (const m of text.matchAll(pattern)) if (m[0].split(/[^a-z0-9]+/).every((w, i) => stem(w) === words[i])) return true;
        return false;
    };
}
