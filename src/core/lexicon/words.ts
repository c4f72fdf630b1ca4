/**
 * The words a firm uses for each vocabulary value: the value itself, its
 * zh and en labels, the words below, and every word of a staff-editable
 * synonym group (knowledge/synonyms.yaml) that holds one of them. A group
 * touching two values of one field says nothing about either and is left out.
 */
import { NEEDS, QUALIFICATIONS, SIZES, STAGES, type Localized, type Need, type Qualification, type Size, type Stage } from '../vocabulary.ts';
import { readPinyin } from './pinyin.ts';

export interface FieldValues {
    stage: Stage;
    size: Size;
    qualifications: Qualification;
    needs: Need;
}
export type LexiconField = keyof FieldValues;

/** Words for each value, besides its value and labels. */
const EXTRA: { readonly [F in LexiconField]: Record<FieldValues[F], readonly string[]> } = {
    stage: {
        seed: ['种子', '种子期', '种子阶段', 'seed'],
        startup: ['初创', '初创期', '初创阶段', '创业期', 'start-up', 'start up', 'startup', 'early'],
        growth: ['成长', '成长期', '成长阶段', 'growing', 'growth'],
        mature: ['成熟', '成熟期', '成熟阶段', 'mature stage', 'mature'],
    },
    size: {
        micro: ['微', '微型企业', '微企'],
        small: ['小', '小型企业', '小微', '小企业'],
        medium: ['中', '中型企业', '中企业'],
        large: ['大', '大型企业', '大企业', 'big'],
    },
    qualifications: {
        'tech-sme': ['科技型中小企业', '科技型中小微企业', '科小', '科技型企业', 'tech sme', 'tech-based sme'],
        'high-tech': [
            '高企',
            '高新',
            '高新企业',
            '高新技术企业',
            '国家高新技术企业',
            '高新技术企业认定',
            'hte',
            'high tech',
            'high-tech',
            'high-tech enterprise',
            'hnte',
        ],
        'tech-little-giant': [
            '小巨人',
            '科技小巨人',
            '科技小巨人企业',
            '科技小巨人培育',
            '科技小巨人培育企业',
            'sci-tech little giant',
            'tech little giant',
            'little giant',
        ],
        srdi: ['专精特新', '专精特新企业', '专精特新中小企业', 'srdi', 'srdi sme'],
        'srdi-little-giant': ['专精特新小巨人', '专精特新“小巨人”', '国家级小巨人', '国家级专精特新小巨人', 'srdi little giant'],
    },
    needs: {
        'working-capital': ['流动资金', '流贷', '流动资金贷款', '周转', 'working capital'],
        'credit-loan': ['信用贷', '信用贷款', '无抵押', '无抵押贷款', 'credit loan', 'unsecured loan'],
        'ip-pledge': ['知识产权质押', '知识产权质押融资', '专利质押', 'ip质押', 'ip pledge'],
        'loan-renewal': ['续贷', '无还本续贷', 'renewal', 'loan renewal'],
        'bill-discount': ['票据', '贴现', '票据贴现', 'bill discounting', 'discounting'],
        relief: ['纾困', '纾困贷款', 'relief'],
        'first-loan': ['首贷', '第一笔贷款', 'first loan'],
        equity: ['股权', '股权融资', '融资入股', '投资', 'equity', 'investment'],
    },
};

const LABELS: { readonly [F in LexiconField]: Record<FieldValues[F], Localized> } = {
    stage: STAGES.labels,
    size: SIZES.labels,
    qualifications: QUALIFICATIONS.labels,
    needs: NEEDS.labels,
};

/** Lower case, full-width folded, quotes dropped, spaces single: how words are compared. */
export function normaliseWord(text: string): string {
    return text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[“”"'「」]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
}

export type WordTable = { readonly [F in LexiconField]: ReadonlyMap<string, FieldValues[F]> };

/** Word → value, per field, from the vocabulary and the synonym groups. */
export function buildWords(groups: readonly (readonly string[])[]): WordTable {
    const build = <F extends LexiconField>(field: F): Map<string, FieldValues[F]> => {
        const words = new Map<string, FieldValues[F]>();
        const labels = LABELS[field] as Record<FieldValues[F], Localized>;
        const extra = EXTRA[field] as Record<FieldValues[F], readonly string[]>;
        for (const value of Object.keys(labels) as FieldValues[F][]) {
            for (const w of [value, labels[value].zh, labels[value].en, ...extra[value]]) words.set(normaliseWord(w), value);
        }
        for (const group of groups) {
            const members = group.map(normaliseWord);
            const values = new Set(members.map((w) => words.get(w)).filter((v) => v !== undefined));
            if (values.size !== 1) continue;
            const [value] = values;
            for (const w of members) if (!words.has(w)) words.set(w, value!);
        }
        return words;
    };
    return { stage: build('stage'), size: build('size'), qualifications: build('qualifications'), needs: build('needs') };
}

/** A Chinese word spelt in pinyin: its value and its syllables. */
export interface Spelling<V> {
    readonly value: V;
    readonly syllables: readonly string[];
}

/**
 * The pinyin spellings of a table's Chinese words, keyed by the syllables joined ("gaoxin" for 高新, "zhuanjingtexin"
 * for 专精特新): founders writing English spell a Chinese title as they say it. A spelling two values share, or one
 * that is already a word of the table, is left out.
 */
export function pinyinSpellings<V>(words: ReadonlyMap<string, V>): Map<string, Spelling<V>> {
    const spelt = new Map<string, Spelling<V> | null>();
    for (const [word, value] of words) {
        if (!/^\p{Script=Han}{2,}$/u.test(word)) continue;
        const syllables = readPinyin(word);
        if (syllables.some((s) => s === '')) continue;
        const joined = syllables.join('');
        if (words.has(joined)) continue;
        const had = spelt.get(joined);
        spelt.set(joined, had === undefined || had?.value === value ? { value, syllables } : null);
    }
    return new Map([...spelt].filter((e): e is [string, Spelling<V>] => e[1] !== null));
}
