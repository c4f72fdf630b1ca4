import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import type { Problem } from '../../src/core/knowledge/problems.ts';
import { watchKnowledge, type KnowledgeWatcher } from '../../src/core/knowledge/watch.ts';
import { copyFolder, waitFor } from '../helpers/knowledge.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((f) => f()));
});

/** A watched copy of the fixture, with the snapshot it would be serving. */
async function watched() {
    const folder = await copyFolder();
    const first = (await loadKnowledge(folder.dir)).snapshot!;
    const state = { current: first, snapshots: 0, rejected: [] as (readonly Problem[])[] };
    const watcher: KnowledgeWatcher = watchKnowledge(folder.dir, {
        debounceMs: 50,
        initialVersion: first.version,
        onSnapshot: (s: KnowledgeSnapshot) => {
            state.current = s;
            state.snapshots++;
        },
        onProblems: (p) => state.rejected.push(p),
    });
    cleanups.push(async () => {
        await watcher.close();
        await folder.remove();
    });
    return { folder, state, watcher };
}

const nameOf = (s: KnowledgeSnapshot, id: string) => s.items.get(id)?.name;

describe('watchKnowledge', () => {
    it('goes live with a good edit within a second', async () => {
        const { folder, state } = await watched();
        await folder.edit('products/test-loan.md', (s) => s.replace('name: 测试贷', 'name: 新测试贷'));
        expect(await waitFor(() => nameOf(state.current, 'test-loan') === '新测试贷', 1000)).toBe(true);
    });

    it('keeps the last good snapshot on a bad edit, reports it, and recovers on the fix', async () => {
        const { folder, state } = await watched();
        const good = state.current;
        await folder.edit('products/test-loan.md', (s) => s.replace('stages: [growth, mature]', 'stages: [growht]'));
        expect(await waitFor(() => state.rejected.length > 0)).toBe(true);
        expect(state.current).toBe(good);
        expect(state.rejected[0]!.some((p) => p.field === 'eligibility.stages.0' && p.hint.includes('did you mean "growth"'))).toBe(true);

        await folder.edit('products/test-loan.md', (s) => s.replace('stages: [growht]', 'stages: [startup]'));
        expect(await waitFor(() => state.current !== good)).toBe(true);
        expect(state.current.items.get('test-loan')).toMatchObject({ eligibility: { stages: ['startup'] } });
    });

    it('drops a deleted file and picks up a new one', async () => {
        const { folder, state } = await watched();
        await rm(path.join(folder.dir, 'products/test-micro.md'));
        expect(await waitFor(() => !state.current.items.has('test-micro'))).toBe(true);
        const text = (await import('node:fs/promises')).readFile(path.join(folder.dir, 'products/test-renewal.md'), 'utf8');
        await writeFile(path.join(folder.dir, 'products/test-copy.md'), (await text).replace('id: test-renewal', 'id: test-copy'));
        expect(await waitFor(() => state.current.items.has('test-copy'))).toBe(true);
    });

    it("handles an editor's save-by-rename", async () => {
        const { folder, state } = await watched();
        const file = path.join(folder.dir, 'products/test-loan.md');
        const text = (await (await import('node:fs/promises')).readFile(file, 'utf8')).replace('name: 测试贷', 'name: 改名贷');
        // What vim and many editors do: write a temporary file, then rename it over the card.
        await writeFile(`${file}.tmp~`, text);
        await rename(`${file}.tmp~`, file);
        expect(await waitFor(() => nameOf(state.current, 'test-loan') === '改名贷')).toBe(true);
    });

    it('does not announce a snapshot when nothing changed', async () => {
        const { folder, state, watcher } = await watched();
        await folder.write('products/.scratch.swp', 'editor noise');
        await watcher.reload();
        expect(state.snapshots).toBe(0);
    });

    it('reloads once more when a change arrives during a load', async () => {
        const { folder, state, watcher } = await watched();
        const pending = watcher.reload();
        await folder.edit('products/test-loan.md', (s) => s.replace('name: 测试贷', 'name: 又一贷'));
        await watcher.reload();
        await pending;
        expect(await waitFor(() => nameOf(state.current, 'test-loan') === '又一贷')).toBe(true);
    });
});
