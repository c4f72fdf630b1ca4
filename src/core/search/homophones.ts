/**
 * Item names read by their sound: founders type a name with a character of
 * the same pinyin (旅约贷 for 履约贷, 高启贷 for 高企贷, 新易贷 for 信易贷,
 * 无缝须贷 for 无缝续贷 — the input method offers them side by side), and
 * foreigners write the pinyin (Hu Ke Zhuan Dai, gaoqidai, lvyuedai). The
 * typo reading of query.ts needs two agreeing characters on one side of the
 * wrong one, so it cannot read a three-character name; a same-sound
 * character is a far stronger sign than any other one-character slip.
 *
 * Syllables come from pinyin-pro (lexicon/pinyin.ts), loaded on the first
 * question that needs it, one character at a time and cached, so that a name and
 * a question in characters are read the same way whatever the context. A
 * name written in Latin letters is also matched against the whole name as
 * pinyin-pro reads it, a character of several readings as the word gives
 * it (行 of 科技支行: hang, not xing).
 */
import { readPinyin } from '../lexicon/pinyin.ts';
import { oneSlip } from './slips.ts';

const syllables = new Map<string, string>();

/** The toneless syllable of one Han character (ü written v), or '' when it has none. */
function syllable(ch: string): string {
    let s = syllables.get(ch);
    if (s === undefined) {
        s = readPinyin(ch)[0] ?? '';
        syllables.set(ch, s);
    }
    return s;
}

/**
 * The syllables of a whole Han name as pinyin-pro reads it in context, where a character of several readings takes the
 * one the word gives it (行 in 支行 is hang, alone xing), or undefined when a character has none.
 */
function soundInContext(text: string): string[] | undefined {
    const read = readPinyin(text);
    return read.length === [...text].length && read.every((r) => r !== '') ? read : undefined;
}

/** The syllables of a Han text, or undefined when a character has none. */
function soundOf(text: string): string[] | undefined {
    const out: string[] = [];
    for (const ch of text) {
        const s = syllable(ch);
        if (!s) return undefined;
        out.push(s);
    }
    return out;
}

/** A name's piece written in pinyin is read only when it has this many letters (lvyue, zhuandai), not ke or dai. */
const MIN_PIECE_LETTERS = 5;

/** The ways syllables are written joined in Latin letters: ü as v, and as u. */
function spellings(sound: readonly string[]): string[] {
    const joined = sound.join('');
    return joined.includes('v') ? [joined, joined.replace(/v/g, 'u')] : [joined];
}

/** A pinyin word this long or longer may be read through one slip of typing: shorter ones are too close to others. */
const MIN_SLIPPED_NAME = 7;

/** A pinyin piece of more items' names than this says too little to be told apart by the question's other words (keji: 科技…). */
const MAX_SHARED = 3;

/** Names shorter than this are not read by sound: two syllables match too much. */
const MIN_CHARS = 3;
/** At most this many characters may differ from the name: one per three. */
const maxWrong = (length: number) => Math.floor(length / 3);

export interface SoundMatch {
    readonly id: string;
    /** The name as the card writes it. */
    readonly name: string;
    /** The text that sounded like it. */
    readonly heard: string;
}

interface Entry {
    readonly id: string;
    readonly name: string;
}

/**
 * The Chinese names of a set of cards, by sound. Built on first use and
 * kept with the snapshot it was made from; a new snapshot makes a new one.
 */
export class SoundTable {
    private _han?: Map<string, Entry[]>;
    private _latin?: Map<string, Entry[]>;
    /** Pinyin pieces of several items' names that none of them holds most of ("kechuang": 科创助力贷, 科创金融联盟). */
    private _shared?: Map<string, Entry[]>;
    /** The pinyin spellings long enough to be read through a slip, by their first letter. */
    private _byStart?: Map<string, string[]>;
    private _lengths: number[] = [];

    constructor(private readonly _names: Iterable<{ readonly id: string; readonly names: readonly string[] }>) {}

    private build(): void {
        const han = new Map<string, Entry[]>();
        const latin = new Map<string, Entry[]>();
        const lengths = new Set<number>();
        const add = (map: Map<string, Entry[]>, key: string, e: Entry) => {
            const list = map.get(key);
            if (!list) map.set(key, [e]);
            else if (!list.some((x) => x.id === e.id)) list.push(e);
        };
        // A name's first or last syllables in pinyin ("zhuandai" of 沪科专贷, "lvyue" of 履约贷), as the short names
        // founders write: kept when they spell one item's names only, or are most (more than half) of one item's name and a smaller part
        // of every other's ("lvyue": two of 履约贷's three syllables, two of 履约贷保费补贴's seven).
        const pieces = new Map<string, Entry[]>();
        const shares = new Map<string, Map<string, number>>();
        const share = (joined: string, id: string, part: number) => {
            const of = shares.get(joined) ?? new Map<string, number>();
            of.set(id, Math.max(of.get(id) ?? 0, part));
            shares.set(joined, of);
        };
        for (const { id, names } of this._names) {
            for (const name of names) {
                if (!/^\p{Script=Han}+$/u.test(name) || name.length < MIN_CHARS) continue;
                const sound = soundOf(name);
                if (!sound) continue;
                add(han, sound.join(' '), { id, name });
                lengths.add(name.length);
                // Written in pinyin: with ü as v and as u, each character as it reads alone and as the name reads it
                // (科技支行: keji zhi xing, keji zhi hang).
                const inContext = soundInContext(name);
                const sounds = inContext && inContext.join(' ') !== sound.join(' ') ? [sound, inContext] : [sound];
                for (const said of sounds) {
                    for (const joined of spellings(said)) add(latin, joined, { id, name });
                    for (let k = 2; k < said.length; k++) {
                        for (const part of [said.slice(0, k), said.slice(said.length - k)]) {
                            for (const joined of spellings(part)) {
                                if (joined.length < MIN_PIECE_LETTERS) continue;
                                add(pieces, joined, { id, name });
                                share(joined, id, part.length / said.length);
                            }
                        }
                    }
                }
            }
        }
        const shared = new Map<string, Entry[]>();
        for (const [joined, entries] of pieces) {
            if (latin.has(joined)) continue;
            if (entries.length === 1) latin.set(joined, entries);
            else {
                const ranked = [...shares.get(joined)!].sort((a, b) => b[1] - a[1]);
                const [best, next] = ranked;
                // Most: more than half of one, less than half of any other ("kechuang", half of the alias 科创贷款, is
                // also the start of 科创金融联盟: none; "shanghai kechuang", four of 上海科创中心's six syllables, is half of
                // 上海科创金融联盟: none).
                if (best && next && best[1] > 0.5 && next[1] < 0.5) latin.set(joined, entries.filter((e) => e.id === best[0]).slice(0, 1));
                else if (ranked.length <= MAX_SHARED) shared.set(joined, entries);
            }
        }
        this._shared = shared;
        this._han = han;
        this._latin = latin;
        this._byStart = new Map();
        for (const spelt of latin.keys()) {
            if (spelt.length < MIN_SLIPPED_NAME - 1) continue;
            const list = this._byStart.get(spelt[0]!);
            if (list) list.push(spelt);
            else this._byStart.set(spelt[0]!, [spelt]);
        }
        this._lengths = [...lengths].sort((a, b) => b - a);
    }

    /**
     * The names a question says by sound but not by writing: windows of its
     * Han runs that sound like a name and differ from it in at most one
     * character in three (unless `han` is false), and runs of Latin words that spell a name's pinyin.
     */
    find(text: string, han = true): SoundMatch[] {
        if (!this._han) this.build();
        const out: SoundMatch[] = [];
        const seen = new Set<string>();
        const push = (e: Entry, heard: string) => {
            if (seen.has(e.id)) return;
            seen.add(e.id);
            out.push({ id: e.id, name: e.name, heard });
        };
        if (han)
            for (const [run] of text.matchAll(/\p{Script=Han}{3,}/gu)) {
                const sounds = [...run].map(syllable);
                for (const length of this._lengths) {
                    for (let i = 0; i + length <= run.length; i++) {
                        const window = sounds.slice(i, i + length);
                        if (window.some((s) => !s)) continue;
                        const heard = run.slice(i, i + length);
                        for (const e of this._han!.get(window.join(' ')) ?? []) {
                            let wrong = 0;
                            for (let k = 0; k < length; k++) if (heard[k] !== e.name[k]) wrong++;
                            if (wrong > 0 && wrong <= maxWrong(length)) push(e, heard);
                        }
                    }
                }
            }
        // The longest run of words that spells a name is read from each word on, and the words it spans are read no
        // further: "xiao ju ren xin yong dai" is 小巨人信用贷, not also 信用 of another name.
        const words = text.toLowerCase().match(/[a-zü]+/g) ?? [];
        for (let i = 0; i < words.length; i++) {
            let joined = '';
            let longest: { entries: readonly Entry[]; end: number } | undefined;
            for (let j = i; j < Math.min(words.length, i + 6); j++) {
                joined += words[j]!.replace(/ü/g, 'v');
                const entries = this._latin!.get(joined);
                if (entries) longest = { entries, end: j };
            }
            // A single word that spells no name but is one slip of typing from one item's pinyin name (lvyeudai,
            // gaoqdai, weidaitnog): that name, as a same-sound character is.
            if (!longest && words[i]!.length >= MIN_SLIPPED_NAME) {
                const word = words[i]!;
                const near = (this._byStart!.get(word.slice(0, 1)) ?? []).filter((spelt) => oneSlip(word, spelt));
                const entries = near.flatMap((spelt) => this._latin!.get(spelt)!);
                if (new Set(entries.map((e) => e.id)).size === 1) longest = { entries: entries.slice(0, 1), end: i };
            }
            if (!longest) continue;
            for (const e of longest.entries) push(e, words.slice(i, longest.end + 1).join(' '));
            i = longest.end;
        }
        return out;
    }

    /**
     * The pinyin words of a text that spell a piece of a few items' names alike, none of them most ("kechuang" of
     * 科创助力贷 and 科创金融联盟), each with the items it may name and the words written right beside it: which item,
     * those words tell ("kechuang finance alliance": see knowledge-index.ts `withSound`).
     */
    sharedPieces(text: string): { readonly heard: string; readonly ids: readonly string[]; readonly beside: readonly string[] }[] {
        if (!this._shared) this.build();
        const words = text.toLowerCase().match(/[a-zü]+/g) ?? [];
        const out: { heard: string; ids: string[]; beside: string[] }[] = [];
        words.forEach((word, i) => {
            const entries = this._shared!.get(word.replace(/ü/g, 'v'));
            if (!entries) return;
            const beside = [words[i - 1], words[i + 1]].filter((w): w is string => w !== undefined);
            out.push({ heard: word, ids: [...new Set(entries.map((e) => e.id))], beside });
        });
        return out;
    }
}
