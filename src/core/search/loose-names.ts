/**
 * Names said loosely. English: a founder writes "the performance bond loan"
 * for the Performance Bond Insurance Loan, "the fee subsidy" for the
 * Guarantee Fee Subsidy, "the tech innovation relending tool" for the Tech
 * Innovation Relending Facility. The name table (knowledge-index.ts) knows
 * each English name and alias only as a whole phrase, in its order; this
 * reads a name from most of its words, in any order, close together.
 *
 * A name is read when the question holds three of its words or more, at
 * least two thirds of them, within a few words of each other, two of those
 * words telling (held by few cards: "sci-tech loan" is three of the four
 * words of "sci-tech micro loan", and names nothing). Of several names so read, the one
 * of which the question holds the most words wins, then the larger share;
 * a tie names none. Built per snapshot, with each word's names listed, so
 * a question visits only the names that share a word with it. Also: an
 * English name with its last word cut short (`CutNameTable`), and a Chinese
 * name with characters left out (`AbridgedNameTable`).
 */
import { stem } from './stem.ts';
import { STOP_WORDS } from './stopwords.ts';

/**
 * A name is read loosely only from this many of its words: two ("guarantee fee" of "guarantee fee refund") are a
 * phrase many cards use, and a two-word name is read whole by the name table.
 */
const MIN_HELD = 3;
/** The share of a name's words the question must hold. */
const MIN_SHARE = 2 / 3;
/** Of those, this many must be telling (see `find`). */
const MIN_TELLING = 2;
/** The words held may stand this many words further apart than the name is long. */
const SLACK = 3;

interface LooseName {
    readonly id: string;
    /** The name's distinct stems, stop words left out. */
    readonly words: readonly string[];
}

export interface LooseMatch {
    readonly id: string;
    /** The words of the question that said the name, in its order, joined by _. */
    readonly heard: string;
}

/** A text's English words as stems, in order (sci-tech → sci, tech). */
function stemsOf(text: string): string[] {
    return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(stem);
}

export class LooseNameTable {
    private _byWord?: Map<string, LooseName[]>;

    constructor(private readonly _names: Iterable<{ readonly id: string; readonly names: readonly string[] }>) {}

    private build(): Map<string, LooseName[]> {
        const byWord = new Map<string, LooseName[]>();
        for (const { id, names } of this._names) {
            for (const name of names) {
                const words = [...new Set(stemsOf(name).filter((w) => w.length > 1 && !STOP_WORDS.has(w)))];
                if (words.length < MIN_HELD) continue;
                const entry = { id, words };
                for (const w of words) {
                    const list = byWord.get(w);
                    if (list) list.push(entry);
                    else byWord.set(w, [entry]);
                }
            }
        }
        return byWord;
    }

    /**
     * The one item an English question names loosely, if any; `telling` says whether a stem is held by few cards.
     * `skip`: items already named, whose names are not read again.
     */
    find(text: string, telling: (stem: string) => boolean, skip: ReadonlySet<string> = new Set()): LooseMatch | undefined {
        this._byWord ??= this.build();
        const words = stemsOf(text);
        if (words.length < 2) return undefined;
        const at = new Map<string, number[]>();
        words.forEach((w, i) => {
            const list = at.get(w);
            if (list) list.push(i);
            else at.set(w, [i]);
        });
        // A name is read only with two telling words of the question: it holds one of them that is not the commonest,
        // so only those words' names are visited (in a large knowledge a common word's list is long).
        const byWord = this._byWord;
        const visited = [...at.keys()]
            .filter((w) => byWord.has(w) && telling(w))
            .sort((a, b) => byWord.get(a)!.length - byWord.get(b)!.length)
            .slice(0, -1);
        const seen = new Set<LooseName>();
        // Per item, its name the question holds most of.
        const found = new Map<string, { held: number; share: number; heard: string }>();
        for (const w of visited) {
            for (const name of byWord.get(w)!) {
                if (seen.has(name) || skip.has(name.id)) continue;
                seen.add(name);
                const held = name.words.filter((x) => at.has(x));
                if (held.length < Math.max(MIN_HELD, Math.ceil(name.words.length * MIN_SHARE))) continue;
                if (held.filter(telling).length < MIN_TELLING) continue;
                const place = closest(held.map((x) => at.get(x)!));
                if (!place || place.span > name.words.length + SLACK) continue;
                const share = held.length / name.words.length;
                const prior = found.get(name.id);
                if (prior && (prior.held > held.length || (prior.held === held.length && prior.share >= share))) continue;
                const heard = place.positions
                    .sort((a, b) => a - b)
                    .map((i) => words[i])
                    .join('_');
                found.set(name.id, { held: held.length, share, heard });
            }
        }
        const [first, second] = [...found].sort(([, a], [, b]) => b.held - a.held || b.share - a.share);
        if (!first || (second && second[1].held === first[1].held && second[1].share === first[1].share)) return undefined;
        return { id: first[0], heard: first[1].heard };
    }
}

/** A word cut short holds the name's last word it begins from this many letters ("comp" of compensation, not "co"). */
const MIN_CUT = 4;

/**
 * English names written with their last word cut short, as founders shorten one: "risk comp" for risk compensation,
 * "credit risk comp". Every other word of the name is written whole, in its order, and the cut word is one no card
 * writes (`known`), at least `MIN_CUT` letters long, that the name's last word begins with. The one item so named, if
 * only one is.
 */
export class CutNameTable {
    /** Names of two words or more, by their first word: a question visits only those a word of it starts. */
    private _byFirst?: Map<string, { readonly id: string; readonly words: readonly string[] }[]>;

    constructor(private readonly _source: Iterable<{ readonly id: string; readonly names: readonly string[] }>) {}

    find(text: string, known: (stem: string) => boolean): LooseMatch | undefined {
        if (!this._byFirst) {
            this._byFirst = new Map();
            for (const { id, names } of this._source)
                for (const name of names) {
                    const words = stemsOf(name);
                    if (words.length < 2) continue;
                    const list = this._byFirst.get(words[0]!);
                    if (list) list.push({ id, words });
                    else this._byFirst.set(words[0]!, [{ id, words }]);
                }
        }
        const words = stemsOf(text);
        const found = new Map<string, string>();
        words.forEach((cut, at) => {
            if (cut.length < MIN_CUT || !/^[a-z]+$/.test(cut) || known(cut)) return;
            // A name of n words cut at its last word starts n - 1 words before the cut one.
            for (let start = Math.max(0, at - MAX_NAME_WORDS); start < at; start++) {
                for (const { id, words: name } of this._byFirst!.get(words[start]!) ?? []) {
                    const last = name[name.length - 1]!;
                    if (start + name.length - 1 !== at || last.length <= cut.length || !last.startsWith(cut)) continue;
                    if (name.slice(0, -1).every((w, k) => words[start + k] === w)) found.set(id, words.slice(start, at + 1).join('_'));
                }
            }
        });
        const [only, ...more] = [...found];
        return only && more.length === 0 ? { id: only[0], heard: only[1] } : undefined;
    }
}
/** The longest name read cut short, in words. */
const MAX_NAME_WORDS = 12;

/** One position per word, as close together as can be: the positions and the words they span. */
function closest(places: readonly (readonly number[])[]): { positions: number[]; span: number } | undefined {
    // The smallest window holding a position of every word, the leftmost of equal ones: a sweep over all positions in
    // order (a long message may say a word of a name many times). Each list is in ascending order.
    const all = places.flatMap((list, k) => list.map((at) => ({ at, k }))).sort((a, b) => a.at - b.at);
    const inWindow = new Array<number>(places.length).fill(0);
    let covered = 0;
    let best: { from: number; span: number } | undefined;
    for (let left = 0, right = 0; right < all.length; right++) {
        if (inWindow[all[right]!.k]!++ === 0) covered++;
        while (covered === places.length) {
            const span = all[right]!.at - all[left]!.at + 1;
            if (!best || span < best.span) best = { from: all[left]!.at, span };
            if (--inWindow[all[left]!.k]! === 0) covered--;
            left++;
        }
    }
    if (!best) return undefined;
    const from = best.from;
    return { positions: places.map((list) => list.find((at) => at >= from)!), span: best.span };
}

/** An abridged Chinese name keeps this many characters at least ("沪专贷" of 沪科专贷)… */
const MIN_ABRIDGED = 3;
/** …and more than half of the name's: "经营贷款" keeps half of 经营困难企业贷款, and none of what tells it apart. */
const MIN_ABRIDGED_SHARE = 0.6;
/** The longest abridged name looked for, in characters. */
const MAX_ABRIDGED = 10;

/**
 * Chinese names said with characters left out, as Chinese abbreviates: "沪专贷" for 沪科专贷, "科技信贷补贴" for
 * 科技信贷保费补贴. A run of the question names a card when it begins and ends as one of the card's names does, holds
 * the rest of its characters in the name's order, keeps more than half of them, and is written in no card
 * (`written`): "科技贷", which the cards write for tech loans in general, names none. Of runs naming several cards,
 * none is read. Built per snapshot: names are found by their first and last characters.
 */
export class AbridgedNameTable {
    private _byEnds?: Map<string, { readonly id: string; readonly name: string }[]>;

    constructor(private readonly _source: Iterable<{ readonly id: string; readonly names: readonly string[] }>) {}

    find(text: string, written: (run: string) => boolean, skip: ReadonlySet<string>): LooseMatch | undefined {
        if (!this._byEnds) {
            this._byEnds = new Map();
            for (const { id, names } of this._source)
                for (const name of names) {
                    const han = [...name].filter((c) => /\p{Script=Han}/u.test(c)).join('');
                    if (han.length <= MIN_ABRIDGED) continue;
                    const ends = `${han[0]}${han[han.length - 1]}`;
                    const list = this._byEnds.get(ends);
                    if (list) list.push({ id, name: han });
                    else this._byEnds.set(ends, [{ id, name: han }]);
                }
        }
        const spans: { readonly id: string; readonly said: string; readonly from: number; readonly to: number }[] = [];
        for (const m of text.matchAll(/\p{Script=Han}{3,}/gu)) {
            const run = m[0];
            for (let from = 0; from + MIN_ABRIDGED <= run.length; from++) {
                for (let to = from + MIN_ABRIDGED; to <= Math.min(run.length, from + MAX_ABRIDGED); to++) {
                    const said = run.slice(from, to);
                    for (const { id, name } of this._byEnds.get(`${said[0]}${said[said.length - 1]}`) ?? []) {
                        if (skip.has(id) || name.length <= said.length || said.length < name.length * MIN_ABRIDGED_SHARE) continue;
                        if (subsequence(said, name) && !name.includes(said) && !written(said))
                            spans.push({ id, said, from: m.index + from, to: m.index + to });
                    }
                }
            }
        }
        // A run inside a longer one read as a name is part of that name: 信贷补 of 科技信贷补贴 names no 信贷奖补.
        const outer = spans.filter((a) => !spans.some((b) => b.to - b.from > a.to - a.from && b.from <= a.from && a.to <= b.to));
        const ids = new Set(outer.map((s) => s.id));
        return ids.size === 1 ? { id: outer[0]!.id, heard: outer[0]!.said } : undefined;
    }
}

/** Every character of `short` in `long`, in order. */
function subsequence(short: string, long: string): boolean {
    let at = 0;
    for (const c of short) {
        at = long.indexOf(c, at);
        if (at < 0) return false;
        at++;
    }
    return true;
}
