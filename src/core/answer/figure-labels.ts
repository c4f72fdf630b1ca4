/**
 * Words that label a figure. The cards write 金额444.9亿元, 余额7280.16亿元, 增长17.38%: some two-character words stand
 * right before a number almost wherever they are written. In a follow-up that asks for a number ("纾困融资贷款覆盖了多少家
 * 科技企业" → "金额多少"), such a word says which figure of the item in focus is asked, not which card: 金额 is written
 * beside 沪科专贷's 444.9亿元, and would otherwise lead there. Counted from the knowledge itself, once per snapshot.
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';

/** A word labels figures when at least this share of the places it is written put a number right after it… */
const LABEL_SHARE = 0.75;
/** …and it is written at least this often. */
const LABEL_SEEN = 5;
/** A number right after a word, a small word of approximation or a colon between: 金额444.9亿元, 余额约, 规模超, 增长：. */
const NUMBER_AFTER = /^[约近超逾达为是：:]?\s?[\d一二三四五六七八九十百千两]/u;
const HAN_PAIR = /(?=(\p{Script=Han}{2}))/gu;

const cache = new WeakMap<KnowledgeSnapshot, ReadonlySet<string>>();

export function figureLabels(snapshot: KnowledgeSnapshot): ReadonlySet<string> {
    let labels = cache.get(snapshot);
    if (labels) return labels;
    const seen = new Map<string, number>();
    const before = new Map<string, number>();
    // Every string of every card, front matter and body: the Chinese of each is scanned, the rest has no Han pairs.
    for (const item of snapshot.items.values()) {
        const text = JSON.stringify(item);
        for (const m of text.matchAll(HAN_PAIR)) {
            const word = m[1]!;
            seen.set(word, (seen.get(word) ?? 0) + 1);
            if (NUMBER_AFTER.test(text.slice(m.index + 2, m.index + 5))) before.set(word, (before.get(word) ?? 0) + 1);
        }
    }
    const found = new Set<string>();
    for (const [word, n] of seen) if (n >= LABEL_SEEN && (before.get(word) ?? 0) >= LABEL_SHARE * n) found.add(word);
    cache.set(snapshot, (labels = found));
    return labels;
}
