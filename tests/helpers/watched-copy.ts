/** A watched temporary copy of the shipped knowledge, with the snapshot it would be serving. */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createKnowledgeReader, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import type { Problem } from '../../src/core/knowledge/problems.ts';
import { watchKnowledge, type WatchOptions } from '../../src/core/knowledge/watch.ts';
import { copyFolder } from './knowledge.ts';
import { SHIPPED_KNOWLEDGE } from './paths.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((f) => f()));
});

/** The ids of the shipped product cards, from the file names. */
export const PRODUCT_IDS = readdirSync(path.join(SHIPPED_KNOWLEDGE, 'products'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.basename(f, '.md'));

export async function watchedCopy(options: Partial<WatchOptions> = {}, prepare?: (dir: string) => Promise<void>) {
    const folder = await copyFolder(SHIPPED_KNOWLEDGE);
    await prepare?.(folder.dir);
    const reader = createKnowledgeReader(folder.dir);
    const first = (await reader.read()).snapshot!;
    const state = { current: first, snapshots: 0, refused: [] as (readonly Problem[])[] };
    const watcher = watchKnowledge(folder.dir, {
        debounceMs: 50,
        retryMs: 100,
        reader,
        initial: first,
        onSnapshot: (s: KnowledgeSnapshot) => {
            state.current = s;
            state.snapshots++;
        },
        onProblems: (p) => state.refused.push(p),
        ...options,
    });
    cleanups.push(async () => {
        await watcher.close();
        await folder.remove();
    });
    return { folder, state, watcher, first };
}

/** Adds `count` copies of a shipped product card, `copy-1`…, that nothing refers to: removing them breaks no reference. */
export async function addCopies(dir: string, count: number): Promise<string[]> {
    const text = await readFile(path.join(dir, 'products', `${PRODUCT_IDS[0]}.md`), 'utf8');
    const ids = Array.from({ length: count }, (_, i) => `copy-${i + 1}`);
    for (const id of ids)
        await writeFile(path.join(dir, 'products', `${id}.md`), text.replace(/^id: .*$/m, `id: ${id}`).replace(/^related: .*$/m, 'related: []'));
    return ids;
}

/** A card's front matter with its `name:` line changed. */
export const renamed = (text: string, name: string) => text.replace(/^name: .*$/m, `name: ${name}`);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
