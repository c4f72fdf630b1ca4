/**
 * The parse cache a built kejin keeps between starts: a start parses only
 * the cards changed since the cache was written, and gives the same
 * snapshot as a start without it; a cache of another build, or a broken
 * one, is ignored.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKnowledgeReader, loadKnowledge } from '../../src/core/knowledge/load.ts';
import { copyFolder, waitFor } from '../helpers/knowledge.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const CARD = readdirSync(path.join(SHIPPED_KNOWLEDGE, 'products')).find((f) => f.endsWith('.md'))!;

let folder: Awaited<ReturnType<typeof copyFolder>>;
let cacheDir: string;
beforeEach(async () => {
    folder = await copyFolder(SHIPPED_KNOWLEDGE);
    cacheDir = await mkdtemp(path.join(tmpdir(), 'kejin-cache-'));
});
afterEach(async () => {
    await folder.remove();
    await rm(cacheDir, { recursive: true, force: true });
});

async function startWith(key: string) {
    const cache = { file: path.join(cacheDir, 'nested', 'knowledge.json'), key };
    const result = await createKnowledgeReader(folder.dir, { cache }).read();
    // The cache is written in the background: wait until this start's write has landed.
    const written = () =>
        existsSync(cache.file) &&
        readFileSync(cache.file, 'utf8').includes(`"key":"${key}"`) &&
        readdirSync(path.dirname(cache.file)).every((f) => !f.endsWith('.tmp'));
    expect(await waitFor(written)).toBe(true);
    return result;
}

describe('the parse cache', () => {
    it('lets a later start parse nothing and serve the same snapshot', async () => {
        const first = await startWith('build-1');
        expect(first.stats.parsed).toBe(first.stats.files);
        const again = await startWith('build-1');
        expect(again.stats.parsed).toBe(0);
        const fresh = await loadKnowledge(folder.dir);
        expect(again.snapshot!.version).toBe(fresh.snapshot!.version);
        expect([...again.snapshot!.items]).toEqual([...fresh.snapshot!.items]);
        expect(again.problems).toEqual(fresh.problems);
    });

    it('parses only the card edited since, and everything for another build or a broken cache', async () => {
        await startWith('build-1');
        await folder.edit(`products/${CARD}`, (s) => s.replace(/^name: .*$/m, 'name: 缓存之后改名贷'));
        const edited = await startWith('build-1');
        expect(edited.stats.parsed).toBe(1);
        expect(edited.snapshot!.items.get(path.basename(CARD, '.md'))!.name).toBe('缓存之后改名贷');

        const other = await startWith('build-2');
        expect(other.stats.parsed).toBe(other.stats.files);

        await writeFile(path.join(cacheDir, 'nested', 'knowledge.json'), '{"key": "build-2", "files": [[');
        const broken = await createKnowledgeReader(folder.dir, {
            cache: { file: path.join(cacheDir, 'nested', 'knowledge.json'), key: 'build-2' },
        }).read();
        expect(broken.stats.parsed).toBe(broken.stats.files);
        expect(broken.snapshot).not.toBeNull();
    });
});
