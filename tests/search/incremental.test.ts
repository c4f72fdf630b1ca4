/**
 * A live edit updates the index in place (`KnowledgeIndex.update`); after
 * any sequence of adds, edits, renames and deletes, search and match must
 * answer exactly as an index built from scratch on the same cards. The
 * sequence is random but seeded, so a failure repeats; the seed is in the
 * test name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import type { KnowledgeItem } from '../../src/core/knowledge/schema.ts';
import { matchProducts } from '../../src/core/match/match.ts';
import { parseProfile } from '../../src/core/match/profile.ts';
import { buildSearchIndex, createSearchIndex, type KnowledgeIndex } from '../../src/core/search/index.ts';
import { loadMatchCases, loadSearchCases } from '../../src/eval/cases.ts';
import { random } from '../../bench/synthetic.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let base: KnowledgeSnapshot;
let questions: string[];
let profiles: unknown[];

beforeAll(async () => {
    base = (await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!;
    questions = (await loadSearchCases()).map((c) => c.q).filter((_, i) => i % 5 === 0);
    profiles = (await loadMatchCases()).map((c) => c.profile);
});

type Op = 'body' | 'name' | 'alias' | 'topic-known' | 'topic-new' | 'add' | 'rename' | 'delete';
const OPS: readonly Op[] = ['body', 'body', 'name', 'alias', 'topic-known', 'topic-new', 'add', 'add', 'rename', 'delete'];

/** The next snapshot: unchanged cards keep their identity, as the reader keeps them. */
function mutate(s: KnowledgeSnapshot, r: () => number, step: number): { next: KnowledgeSnapshot; op: Op } {
    const items = new Map(s.items);
    const list = [...items.values()];
    const pick = () => list[Math.floor(r() * list.length)]!;
    const op = OPS[Math.floor(r() * OPS.length)]!;
    const card = pick();
    const other = pick();
    const replace = (item: KnowledgeItem) => items.set(item.id, item);
    switch (op) {
        case 'body':
            replace({ ...card, body: `${card.body}\n\n${other.body.split(/\n\s*\n/)[1] ?? other.summary.zh}` } as KnowledgeItem);
            break;
        case 'name':
            replace({
                ...card,
                name: `${other.name.slice(0, 2)}${card.name}`,
                name_en: `${other.name_en.split(' ')[0]} ${card.name_en}`,
            } as KnowledgeItem);
            break;
        case 'alias':
            replace({ ...card, aliases: { zh: [...card.aliases.zh, `${card.name.slice(0, 2)}快贷${step}`], en: card.aliases.en } } as KnowledgeItem);
            break;
        case 'topic-known':
            replace({ ...card, topics: [...card.topics, other.topics[0] ?? '科技'] } as KnowledgeItem);
            break;
        case 'topic-new':
            // A phrase no card has: every card holding its words is tokenized anew, so this is a full build.
            replace({ ...card, topics: [...card.topics, `融资新词${step}`] } as KnowledgeItem);
            break;
        case 'add':
            replace({ ...card, id: `${card.id}-copy-${step}`, name: `${card.name}（副本${step}）`, file: `copy-${step}.md` } as KnowledgeItem);
            break;
        case 'rename':
            items.delete(card.id);
            replace({ ...card, id: `${card.id}-renamed-${step}` } as KnowledgeItem);
            break;
        case 'delete':
            if (items.size > 5) items.delete(card.id);
            break;
    }
    return { next: { ...s, version: `${s.version}+${step}`, items }, op };
}

const NOW = new Date('2026-12-01');

function answers(index: KnowledgeIndex, s: KnowledgeSnapshot, extra: readonly string[]) {
    const search = [...questions, ...extra].map((q) => {
        const r = index.search(q, { limit: 8 });
        return {
            q,
            confident: r.confident,
            results: r.results.map((h) => [h.id, h.score.toFixed(9), h.snippet, h.passages.map((p) => p.field)]),
            named: index.read(q).named,
        };
    });
    const match = profiles.map((p) =>
        matchProducts(s, parseProfile(p), {
            now: NOW,
            questionScores: (q) => new Map(index.search(q, { limit: 20, kind: 'product' }).results.map((h) => [h.id, h.score])),
        }).matches.map((m) => [m.id, m.eligibility, m.score.toFixed(9)]),
    );
    return { search, match };
}

describe('incremental update', () => {
    for (const seed of [1, 7, 42]) {
        it(`equals a full rebuild after random adds, edits, renames and deletes (seed ${seed})`, () => {
            const r = random(seed);
            let snapshot = base;
            let live = createSearchIndex(snapshot);
            const ways = { updated: 0, rebuilt: 0 };
            for (let step = 0; step < 16; step++) {
                const { next } = mutate(snapshot, r, step);
                if (live.update(next)) ways.updated++;
                else {
                    live = createSearchIndex(next);
                    ways.rebuilt++;
                }
                snapshot = next;
                expect(live.version).toBe(next.version);
                const names = [...next.items.values()].slice(-3).map((i) => i.name);
                expect(answers(live, next, names)).toEqual(answers(createSearchIndex(next), next, names));
            }
            // Both paths were taken: most edits are local, a new shared phrase is not.
            expect(ways.updated).toBeGreaterThan(ways.rebuilt);
            expect(ways.rebuilt).toBeGreaterThan(0);
        });
    }

    it('ranks the passages of the edited card for a reading held across the update', () => {
        const index = createSearchIndex(base);
        const id = 'keji-weidaitong';
        const reading = index.read('科技微贷通的担保费率是多少');
        const before = index.passages(id, reading);
        const card = base.items.get(id)!;
        const edited = { ...card, body: `${card.body}\n\n科技微贷通的担保费率以合作担保机构公布为准。` } as KnowledgeItem;
        const next = { ...base, version: 'edited', items: new Map(base.items).set(id, edited) };
        expect(index.update(next)).toBe(true);
        const after = index.passages(id, reading);
        expect(after).toEqual(createSearchIndex(next).passages(id, reading));
        expect(after.length).toBe(before.length + 1);
    });

    it('refuses a change of synonyms, leaving the index as it was', () => {
        const index = createSearchIndex(base);
        const before = index.search('科技履约贷').results.map((h) => h.id);
        expect(index.update({ ...base, version: 'x', synonyms: [...base.synonyms, ['火锅', '融资']] })).toBe(false);
        expect(index.version).toBe(base.version);
        expect(index.search('科技履约贷').results.map((h) => h.id)).toEqual(before);
    });
});

describe('buildSearchIndex', () => {
    it('gives the event loop back between slices and builds the index createSearchIndex builds', async () => {
        let ticks = 0;
        const ticking = setInterval(() => ticks++, 0);
        const built = await buildSearchIndex(base, { sliceMs: 0 });
        clearInterval(ticking);
        expect(ticks).toBeGreaterThan(0);
        const fresh = createSearchIndex(base);
        for (const q of questions) expect(built!.search(q)).toEqual(fresh.search(q));
    });

    it('stops when a newer snapshot makes it useless', async () => {
        let asked = 0;
        expect(await buildSearchIndex(base, { sliceMs: 0, cancelled: () => ++asked > 1 })).toBeUndefined();
    });
});
