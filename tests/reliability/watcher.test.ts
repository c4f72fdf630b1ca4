/**
 * The watcher must never go deaf: after an editor's save-by-rename, after a
 * card folder or the whole folder is deleted and restored (a deploy, a
 * `git checkout`), later edits and new cards are still served; and the
 * periodic rescan finds edits where no event arrives, at the cost of a read
 * (no parse) when nothing changed.
 */
import { appendFile, cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnowledgeReader } from '../../src/core/knowledge/load.ts';
import { copyFolder, waitFor } from '../helpers/knowledge.ts';
import { PRODUCT_IDS, renamed, sleep, watchedCopy } from '../helpers/watched-copy.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const [ID, OTHER] = PRODUCT_IDS as [string, string];
const card = (dir: string, id = ID) => path.join(dir, 'products', `${id}.md`);

describe('the watcher after files and folders are replaced', () => {
    it('serves an in-place append made after an editor saved the file by renaming over it', async () => {
        const { folder, state } = await watchedCopy();
        const file = card(folder.dir);
        // Save-by-rename, as vim, VS Code and many others do: write a temporary file, rename it over the card.
        await writeFile(`${file}.tmp`, renamed(await readFile(file, 'utf8'), '改名保存贷'));
        await rename(`${file}.tmp`, file);
        expect(await waitFor(() => state.current.items.get(ID)?.name === '改名保存贷')).toBe(true);

        await appendFile(file, '\n\n追加的一段：原地写入也要生效。\n');
        expect(await waitFor(() => state.current.items.get(ID)?.body.includes('原地写入也要生效') === true)).toBe(true);
    });

    it('serves later edits and new cards after the whole folder is deleted and restored', async () => {
        const { folder, state } = await watchedCopy();
        const backup = await copyFolder(folder.dir);
        try {
            await rm(folder.dir, { recursive: true, force: true });
            await sleep(300);
            await cp(backup.dir, folder.dir, { recursive: true });
            await sleep(300);
            await writeFile(card(folder.dir), renamed(await readFile(card(folder.dir), 'utf8'), '恢复后修改贷'));
            expect(await waitFor(() => state.current.items.get(ID)?.name === '恢复后修改贷')).toBe(true);

            const text = await readFile(card(folder.dir, OTHER), 'utf8');
            await writeFile(card(folder.dir, 'restored-new-card'), text.replace(/^id: .*$/m, 'id: restored-new-card'));
            expect(await waitFor(() => state.current.items.has('restored-new-card'))).toBe(true);
            // The short absence was a refusal to serve nothing, never an empty snapshot.
            expect(state.current.items.size).toBeGreaterThan(PRODUCT_IDS.length);
        } finally {
            await backup.remove();
        }
    });

    it('serves edits inside a card folder that was replaced by a rename', async () => {
        const { folder, state } = await watchedCopy();
        const products = path.join(folder.dir, 'products');
        await cp(products, `${products}.new`, { recursive: true });
        await rm(products, { recursive: true });
        await rename(`${products}.new`, products);
        await sleep(300);
        await writeFile(card(folder.dir), renamed(await readFile(card(folder.dir), 'utf8'), '换了文件夹贷'));
        expect(await waitFor(() => state.current.items.get(ID)?.name === '换了文件夹贷')).toBe(true);
    });
});

describe('what a reload reads', () => {
    it('after an edit, only the file the events named', async () => {
        const reads: number[] = [];
        const { folder, state } = await watchedCopy({
            onSnapshot: (s, _w, stats) => {
                state.current = s;
                reads.push(stats.read);
            },
        });
        await folder.edit(`products/${ID}.md`, (s) => renamed(s, '只读一张贷'));
        expect(await waitFor(() => state.current.items.get(ID)?.name === '只读一张贷')).toBe(true);
        expect(reads).toEqual([1]);
    });

    it('told which files changed, no other file; told nothing, every file', async () => {
        const folder = await copyFolder(SHIPPED_KNOWLEDGE);
        try {
            const reader = createKnowledgeReader(folder.dir);
            const { stats } = await reader.read();
            await folder.edit(`products/${OTHER}.md`, (s) => renamed(s, '事件没说贷'));
            // Told only ID changed: OTHER is taken as it was.
            const hinted = await reader.read({ changed: new Set([`products/${ID}.md`]) });
            expect(hinted.stats).toEqual({ files: stats.files, read: 0, parsed: 0 });
            expect(hinted.snapshot!.items.get(OTHER)!.name).not.toBe('事件没说贷');
            const all = await reader.read();
            expect(all.snapshot!.items.get(OTHER)!.name).toBe('事件没说贷');
        } finally {
            await folder.remove();
        }
    });
});

describe('the periodic rescan', () => {
    it('finds an edit when no file-system event arrives', async () => {
        const { folder, state } = await watchedCopy({ events: false, rescanMs: 100 });
        await writeFile(card(folder.dir), renamed(await readFile(card(folder.dir), 'utf8'), '轮询发现贷'));
        expect(await waitFor(() => state.current.items.get(ID)?.name === '轮询发现贷')).toBe(true);
    });

    it('reads but parses nothing in an unchanged folder, and keeps every unchanged card as it was', async () => {
        const folder = await copyFolder(SHIPPED_KNOWLEDGE);
        try {
            const reader = createKnowledgeReader(folder.dir);
            const first = await reader.read();
            expect(first.stats.parsed).toBe(first.stats.files);

            const byContent = await reader.read({ verify: 'content' });
            expect(byContent.stats).toEqual({ files: first.stats.files, read: first.stats.files, parsed: 0 });
            expect(byContent.snapshot!.version).toBe(first.snapshot!.version);
            const byTimes = await reader.read();
            expect(byTimes.stats).toEqual({ files: first.stats.files, read: 0, parsed: 0 });

            await folder.edit(`products/${ID}.md`, (s) => renamed(s, '只改一张贷'));
            const edited = await reader.read({ verify: 'content' });
            expect(edited.stats.parsed).toBe(1);
            expect(edited.snapshot!.version).not.toBe(first.snapshot!.version);
            expect(edited.snapshot!.items.get(ID)!.name).toBe('只改一张贷');
            for (const [id, item] of first.snapshot!.items) {
                if (id !== ID) expect(edited.snapshot!.items.get(id)).toBe(item);
            }
        } finally {
            await folder.remove();
        }
    });
});
