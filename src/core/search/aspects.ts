/**
 * What a question asks: its aspects (amount, term, how-to-apply…) read from
 * the words of `knowledge/aspects.yaml`, and whether it asks to compare.
 *
 * Both the question and the words are normalized as the search does
 * (full-width, traditional, case), so 額度 and ＡＭＯＵＮＴ count. Where words
 * overlap the longest wins (试点银行 is partner banks, not the history of
 * 试点); a question word of one language before a word of the other is read
 * as the phrase the two make ("有哪些 banks" as "which banks"). An aspect
 * scores the characters its words cover; the three broad ones (what-is,
 * history, figures) count three quarters, so that "履约贷刚开始试点那会儿，
 * 是跟哪几家银行合作的" asks for the partner banks of that time.
 */
import type { AspectTable } from '../knowledge/schema.ts';
import { STOP_WORDS } from './stopwords.ts';
import { oneSlip } from './slips.ts';
import { normalize } from './tokenize.ts';
import { ASPECTS, COMPARISON, type Aspect } from '../vocabulary.ts';

export interface AspectReading {
    /** The aspects asked, strongest first, with their scores. */
    readonly aspects: readonly { readonly aspect: Aspect; readonly score: number }[];
    /** The strongest aspect; undefined when no aspect word is in the question. */
    readonly primary?: Aspect;
    /** The question asks to compare items (区别, difference…). */
    readonly comparison: boolean;
    /** The aspect words found, as normalized. */
    readonly words: readonly string[];
}

export interface AspectReader {
    read(text: string): AspectReading;
    /** The aspects a statement speaks of, in no order (for passages). */
    classify(text: string): Aspect[];
}

type Target = Aspect | typeof COMPARISON;

interface Word {
    readonly text: string;
    readonly target: Target;
    /** Latin words match whole words only: "rate" is not in "separate". */
    readonly latin: boolean;
}

interface Found {
    readonly start: number;
    readonly end: number;
    readonly word: Word;
}

/** Broad aspects: many questions touch them in passing. */
const BROAD: ReadonlySet<Aspect> = new Set(['what-is', 'history', 'figures']);
const BROAD_WEIGHT = 0.75;
const LATIN = /[a-z0-9]/;

/** A Latin phrase with its last word in singular and plural: "partner bank" → also "partner banks"; "losses" → also "loss". */
function numberForms(text: string): string[] {
    const m = /^(.*?)([a-z]+)$/.exec(text);
    if (!m) return [text];
    const [, head, last] = m as unknown as [string, string, string];
    const forms = new Set([text]);
    if (/(?:ss|sh|ch|x)es$/.test(last)) forms.add(head + last.slice(0, -2));
    else if (/ies$/.test(last) && last.length > 4) forms.add(`${head}${last.slice(0, -3)}y`);
    else if (/[^s]s$/.test(last) && last.length > 3) forms.add(head + last.slice(0, -1));
    else if (/(?:ss|sh|ch|x)$/.test(last)) forms.add(`${head}${last}es`);
    else if (/[^aeiou]y$/.test(last)) forms.add(`${head}${last.slice(0, -1)}ies`);
    else if (!/s$/.test(last) && last.length > 2) forms.add(`${head}${last}s`);
    return [...forms];
}

/**
 * A Latin phrase with each adverb said as its adjective: "how quickly" → "how quick", "automatically" → "automatic".
 * Only a base of four letters or more that ends in a single consonant is an adjective's ("only", "apply", "family",
 * "supply" keep their letters).
 */
function adjectiveForm(text: string): string {
    return text.replace(/\b([a-z]{4,})ly\b/g, (word, base: string) => {
        if (base.endsWith('ical')) return base.slice(0, -2);
        return /[aeiouy]$/.test(base) || base.at(-1) === base.at(-2) ? word : base;
    });
}

/** A Chinese word starting with 哪 and a measure word, with 几 between them too: 哪类企业 → also 哪几类企业 ("which kinds"). */
function measureForms(text: string): string[] {
    return MEASURE_ASKED.test(text) ? [text, text.replace(MEASURE_ASKED, (which, measure: string) => `${which[0]}${SOME}${measure}`)] : [text];
}
const MEASURE_ASKED = /^哪([类种家个款项位])/;
/** 几, the "some" of 哪几类 (a pattern's source: the words of users' language live in patterns here, as in stopwords.ts). */
const SOME = /几/.source;

/** Question words that ask which one, in each language, and a message switching script right after one (see `mixed`). */
const ZH_ASKING = /^(?:哪些|哪家|哪几家|哪类|什么)/;
const EN_ASKING = /^(?:which|what) /;
const ZH_ASKING_LATIN = /(哪些|哪类|哪种|哪几家|哪家|哪个|哪几个|什么|啥) ?([a-z]+(?: [a-z]+)?)/g;
const LATIN_ASKING_ZH = /\b(which|what) ?(\p{Script=Han}+)/gu;

/** "Close to" a figure: nearness, whatever aspect "close" is a word of. */
const NEARLY = /^close to\b/;

/** At most this many characters between the halves of a four-character word said apart (see `find`). */
const SPLIT_GAP = 3;
const CLAUSE_BREAK = /[，。,.;；!！?？\n]/;

/** The first place `part` stands in `text` on characters no word has taken, or -1. */
function freeIndex(text: string, part: string, taken: Uint8Array): number {
    for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) if (!taken[i] && !taken[i + 1]) return i;
    return -1;
}

/** An English word this long or longer, unknown to the cards, is read as the aspect word one slip away (aply → apply). */
const MIN_SLIPPED = 4;
/** …when that aspect word is this long: "team" is no slip of "term". */
const MIN_SLIP_TARGET = 5;

/**
 * `isKnown`: whether a card holds an English word (as the index stems it); a word no card holds that is one slip
 * from an English aspect word is read as that word ("how to aply", "documnets"), so that a typo does not lose the
 * aspect. Without it, no word is taken for a slip.
 */
/**
 * A count said inside a question word's phrase is the question word's own: "which eight banks" asks which banks, "哪8家
 * 银行" 哪家银行. (Read for the aspect only; the count stays a word of the question.)
 */
const COUNT_IN_QUESTION_EN = /\b(which|what)\s+(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?=[a-z])/gi;
const COUNT_IN_QUESTION_ZH = /(哪)\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?=[家个款项种])/g;
/**
 * A list asked for is a question of which ones: "list every bank that offers it", "name all the partner banks", "tell
 * me the banks" ask which banks (read for the aspect only, as the count above).
 */
const LIST_ASKED_EN = /\b(?:list|name|give me|tell me|send me|show me)\s+(?:(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?|the\s+(?=[a-z]+s\b))/gi;
const uncounted = (text: string) => text.replace(COUNT_IN_QUESTION_EN, '$1 ').replace(COUNT_IN_QUESTION_ZH, '$1').replace(LIST_ASKED_EN, 'which ');

export function createAspectReader(table: AspectTable, isKnown?: (word: string) => boolean): AspectReader {
    const words: Word[] = [];
    const seen = new Set<string>();
    for (const target of [...ASPECTS.values, COMPARISON] as const) {
        const entry = table[target];
        for (const raw of [...(entry?.zh ?? []), ...(entry?.en ?? [])]) {
            const text = normalize(raw).trim().replace(/\s+/g, ' ');
            const latin = text.length > 0 && LATIN.test(text[0]!) && LATIN.test(text.at(-1)!);
            // An English word counts in its other number too ("loss" for "losses", "insurers" for "insurer").
            for (const form of latin ? [...new Set([text, adjectiveForm(text)])].flatMap(numberForms) : measureForms(text)) {
                if (form.length === 0 || seen.has(form)) continue;
                seen.add(form);
                words.push({ text: form, target, latin });
            }
        }
    }
    // Longest first: an overlap keeps the longer word.
    words.sort((a, b) => b.text.length - a.text.length);

    // Halves that are question words (什么, 多少, 哪些) say nothing apart from each other.
    // A word with one such half (多久放款) is read apart only when that half sits in a word read for the same aspect.
    const fourHan = words.filter((w) => !w.latin && /^\p{Script=Han}{4}$/u.test(w.text));
    const questionHalf = (w: Word) => Number(STOP_WORDS.has(w.text.slice(0, 2))) + Number(STOP_WORDS.has(w.text.slice(2)));
    const split = fourHan.filter((w) => questionHalf(w) < 2);
    // Words by their first two characters (one-character words by their one), so that a text is
    // scanned once, with one or two lookups a position, instead of once per word.
    const byStart = new Map<number, number[]>();
    const key = (text: string, at: number, n: number) =>
        n === 1 ? text.charCodeAt(at) : text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1) + 0x100000000;
    let hasSingles = false;
    words.forEach((w, i) => {
        const k = key(w.text, 0, w.text.length === 1 ? 1 : 2);
        if (w.text.length === 1) hasSingles = true;
        const list = byStart.get(k);
        if (list) list.push(i);
        else byStart.set(k, [i]);
    });

    const find = (raw: string): Found[] => {
        const text = normalize(raw).replace(/\s+/g, ' ');
        // Every occurrence of every word, then taken in word order (longest first), then position:
        // the order a search word by word would take them in.
        const candidates: { at: number; w: number }[] = [];
        for (let at = 0; at < text.length; at++) {
            if (at + 1 < text.length)
                for (const w of byStart.get(key(text, at, 2)) ?? []) if (text.startsWith(words[w]!.text, at)) candidates.push({ at, w });
            if (hasSingles) for (const w of byStart.get(key(text, at, 1)) ?? []) candidates.push({ at, w });
        }
        candidates.sort((a, b) => a.w - b.w || a.at - b.at);
        const taken = new Uint8Array(text.length);
        const found: Found[] = [];
        // Read first: the pair is longer than the word of either script inside it, and longest wins.
        mixed(text, taken, found);
        for (const { at, w } of candidates) {
            const word = words[w]!;
            const end = at + word.text.length;
            if (word.latin && (LATIN.test(text[at - 1] ?? '') || LATIN.test(text[end] ?? ''))) continue;
            // "close to 1 billion" is near it, not a closing date.
            if (word.latin && NEARLY.test(text.slice(at, at + 9))) continue;
            let free = true;
            for (let i = at; i < end; i++) if (taken[i]) free = false;
            if (!free) continue;
            taken.fill(1, at, end);
            found.push({ start: at, end, word });
        }
        // A four-character word said with words between its halves, or its halves turned round, in one clause:
        // "风险怎么分担", "分担风险" are 风险分担; "跟哪些银行合作" is 合作银行.
        // A question-word half may sit inside a word already read for the same aspect: "要多久能放款" reads 多久能, and 放款
        // is then the other half of 多久放款, the aspect's word too, not a word of its own that names a card.
        const ofSame = (part: string, target: Word['target']) => {
            for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1))
                if (found.some((f) => f.word.target === target && f.start <= i && i + 2 <= f.end)) return i;
            return -1;
        };
        for (const word of split) {
            const [a, b] = [word.text.slice(0, 2), word.text.slice(2)];
            // A question-word half is never read on its own: only inside a word of the same aspect.
            const aFree = STOP_WORDS.has(a) ? -1 : freeIndex(text, a, taken);
            const bFree = STOP_WORDS.has(b) ? -1 : freeIndex(text, b, taken);
            const at = aFree >= 0 ? aFree : bFree >= 0 && STOP_WORDS.has(a) ? ofSame(a, word.target) : -1;
            const bt = at < 0 ? -1 : bFree >= 0 ? bFree : aFree >= 0 && STOP_WORDS.has(b) ? ofSame(b, word.target) : -1;
            if (bt < 0) continue;
            // In its order with a few words between, or turned round with none ("分担风险").
            if (at < bt ? bt - at - 2 > SPLIT_GAP : at !== bt + 2) continue;
            if (CLAUSE_BREAK.test(text.slice(Math.min(at, bt), Math.max(at, bt) + 2))) continue;
            // Each half as found where it stands: the words read are the text's own, to be cut out of it.
            if (aFree >= 0) found.push({ start: at, end: at + 2, word: { ...word, text: a } });
            if (bFree >= 0) found.push({ start: bt, end: bt + 2, word: { ...word, text: b } });
            taken.fill(1, at, at + 2);
            taken.fill(1, bt, bt + 2);
        }
        return found;
    };

    // A question word of one language before a word of the other ("有哪些 banks", "which 银行"), read as the aspect word
    // the two make in the language of the second: mixed messages split the phrase at the change of script. The aspect
    // words that start with a question word, by what follows it in each script.
    const afterAsking = (re: RegExp) => {
        const out = new Map<string, Word>();
        for (const w of words) {
            const m = re.exec(w.text);
            if (m && !out.has(w.text.slice(m[0].length))) out.set(w.text.slice(m[0].length), w);
        }
        return out;
    };
    const latinAfter = afterAsking(EN_ASKING);
    const hanAfter = afterAsking(ZH_ASKING);
    const mixed = (text: string, taken: Uint8Array, found: Found[]) => {
        const take = (start: number, end: number, word: Word | undefined) => {
            if (!word) return false;
            for (let i = start; i < end; i++) if (taken[i]) return false;
            taken.fill(1, start, end);
            found.push({ start, end, word: { ...word, text: text.slice(start, end) } });
            return true;
        };
        for (const m of text.matchAll(ZH_ASKING_LATIN)) {
            const latin = m[2]!;
            const parts = latin.split(' ');
            for (let n = Math.min(parts.length, 2); n > 0; n--) {
                const tail = parts.slice(0, n).join(' ');
                if (take(m.index, m.index + m[0].length - latin.length + tail.length, latinAfter.get(tail))) break;
            }
        }
        for (const m of text.matchAll(LATIN_ASKING_ZH)) {
            const han = m[2]!;
            for (let n = Math.min(han.length, 4); n >= 2; n--)
                if (take(m.index, m.index + m[0].length - han.length + n, hanAfter.get(han.slice(0, n)))) break;
        }
    };

    // The English words of the aspect words, for reading slips (see `createAspectReader`).
    const slipTargets = [...new Set(words.filter((w) => w.latin).flatMap((w) => w.text.split(' ')))].filter(
        (w) => w.length >= MIN_SLIP_TARGET && /^[a-z]+$/.test(w),
    );
    const targetSet = new Set(slipTargets);
    const unslipped = (text: string): string =>
        isKnown
            ? normalize(text).replace(/[a-z]+/g, (w) => {
                  if (w.length < MIN_SLIPPED || targetSet.has(w) || isKnown(w)) return w;
                  const near = slipTargets.filter((t) => t[0] === w[0] && oneSlip(w, t));
                  return near.length === 1 ? near[0]! : w;
              })
            : text;

    return {
        read(text) {
            const found = find(uncounted(unslipped(text)));
            const scores = new Map<Aspect, number>();
            let comparison = false;
            for (const f of found) {
                if (f.word.target === COMPARISON) {
                    comparison = true;
                    continue;
                }
                const aspect = f.word.target;
                const weight = BROAD.has(aspect) ? BROAD_WEIGHT : 1;
                scores.set(aspect, (scores.get(aspect) ?? 0) + (f.end - f.start) * weight);
            }
            // "What is" frames most English questions ("what is the rate of…"): the overview is asked only when nothing else is.
            const aspects = [...scores]
                .map(([aspect, score]) => ({ aspect, score }))
                .sort((a, b) => Number(a.aspect === 'what-is') - Number(b.aspect === 'what-is') || b.score - a.score);
            const reading = { aspects, comparison, words: found.map((f) => f.word.text) };
            return aspects[0] ? { ...reading, primary: aspects[0].aspect } : reading;
        },
        classify(text) {
            const out = new Set<Aspect>();
            for (const f of find(text)) if (f.word.target !== COMPARISON) out.add(f.word.target);
            return [...out];
        },
    };
}
