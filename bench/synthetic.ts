/**
 * Synthetic knowledge for the benchmark: snapshots of any size made from the
 * real cards, so that texts, lengths and the mix of kinds stay realistic.
 *
 * Item i copies real card i mod n (the template): its kind, front matter and
 * size. Its name gets a district or bank prefix and a round number, its
 * topics a few vocabulary labels, and its body the template's paragraphs
 * with one paragraph of another card swapped in, so that no two synthetic
 * bodies are equal. The real cards are part of every snapshot, so contacts
 * and synonyms resolve as in the shipped knowledge. Deterministic: the same
 * size always gives the same snapshot.
 */
import type { KnowledgeSnapshot } from '../src/core/knowledge/load.ts';
import type { KnowledgeItem } from '../src/core/knowledge/schema.ts';
import { NEEDS, QUALIFICATIONS, STAGES } from '../src/core/vocabulary.ts';

const PLACES = ['浦东', '闵行', '徐汇', '杨浦', '嘉定', '临港', '张江', '松江', '宝山', '静安', '长宁', '奉贤', '青浦', '金山', '虹口', '普陀'];
const PLACES_EN = [
    'Pudong',
    'Minhang',
    'Xuhui',
    'Yangpu',
    'Jiading',
    'Lingang',
    'Zhangjiang',
    'Songjiang',
    'Baoshan',
    "Jing'an",
    'Changning',
    'Fengxian',
    'Qingpu',
    'Jinshan',
    'Hongkou',
    'Putuo',
];
const BANKS = [
    '工商银行',
    '建设银行',
    '农业银行',
    '中国银行',
    '交通银行',
    '招商银行',
    '浦发银行',
    '上海银行',
    '兴业银行',
    '中信银行',
    '民生银行',
    '宁波银行',
];
const BANKS_EN = ['ICBC', 'CCB', 'ABC', 'Bank of China', 'BoCom', 'CMB', 'SPDB', 'Bank of Shanghai', 'CIB', 'CITIC', 'CMBC', 'Bank of Ningbo'];

/** A small deterministic PRNG (mulberry32), so runs compare. */
export function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const pick = <T>(list: readonly T[], r: () => number): T => list[Math.floor(r() * list.length)]!;

function paragraphs(body: string): string[] {
    return body.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
}

/** A snapshot of `size` items (at least the real ones): the real cards plus synthetic variants. */
export function syntheticSnapshot(real: KnowledgeSnapshot, size: number, seed = 1): KnowledgeSnapshot {
    const r = random(seed);
    const templates = [...real.items.values()];
    const items = new Map<string, KnowledgeItem>(real.items);
    const labels = [...Object.values(NEEDS.labels), ...Object.values(QUALIFICATIONS.labels), ...Object.values(STAGES.labels)];
    for (let i = 0; items.size < size; i++) {
        const template = templates[i % templates.length]!;
        const other = templates[Math.floor(r() * templates.length)]!;
        const byBank = r() < 0.5;
        const k = Math.floor(r() * (byBank ? BANKS.length : PLACES.length));
        const prefix = byBank ? BANKS[k]! : PLACES[k]!;
        const prefixEn = byBank ? BANKS_EN[k]! : PLACES_EN[k]!;
        const round = 1 + (i % 9);
        const body = paragraphs(template.body);
        const swap = paragraphs(other.body);
        if (body.length > 2 && swap.length > 0) body[1 + Math.floor(r() * (body.length - 1))] = pick(swap, r);
        const extra = [pick(labels, r), pick(labels, r)];
        const item = {
            ...template,
            id: `${template.id}-syn-${i}`,
            name: `${prefix}${template.name}（第${round}期）`,
            name_en: `${prefixEn} ${template.name_en} (round ${round})`,
            aliases: { zh: template.aliases.zh.map((a) => `${prefix}${a}`), en: template.aliases.en.map((a) => `${prefixEn} ${a}`) },
            topics: [...template.topics, ...extra.map((l) => l.zh), ...extra.map((l) => l.en)],
            related: [],
            body: body.join('\n\n'),
            file: `synthetic/${template.id}-syn-${i}.md`,
        } as KnowledgeItem;
        items.set(item.id, item);
    }
    return { ...real, version: `synthetic-${size}-${seed}`, dir: '(synthetic)', items, warnings: [] };
}
