/**
 * The toneless pinyin of Chinese text, as pinyin-pro reads it: a syllable
 * per character, a character of several readings as the word gives it (行
 * of 科技支行: hang). pinyin-pro is loaded on the first call (like OpenCC),
 * so that a start that never reads pinyin never pays for its dictionary.
 * The search reads item names by sound with it (search/homophones.ts); the
 * lexicon reads titles spelt in pinyin (words.ts).
 */
import { createRequire } from 'node:module';

type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array' }) => string[];

const require = createRequire(import.meta.url);
let pinyinFn: PinyinFn | undefined;

/** pinyin-pro's toneless reading of a text, a syllable per character (ü written v; '' where a character has none). */
export function readPinyin(text: string): string[] {
    pinyinFn ??= (require('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
    return pinyinFn(text, { toneType: 'none', type: 'array' }).map((read) => (/^[a-zü]+$/.test(read) ? read.replace(/ü/g, 'v') : ''));
}
