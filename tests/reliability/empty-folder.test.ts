/**
 * A folder that suddenly loses all or most of its cards (a deploy or a bad
 * `git checkout` under way, a wrong mount) is far more likely an accident
 * than an edit: the last good version keeps being served and the refusal is
 * reported, once. A folder with no cards never loads at all.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { createKnowledgeService } from '../../src/core/service.ts';
import { copyFolder, waitFor } from '../helpers/knowledge.ts';
import { addCopies, PRODUCT_IDS, renamed, sleep, watchedCopy } from '../helpers/watched-copy.ts';
import { KEJIN_BIN } from '../helpers/paths.ts';

const run = promisify(execFile);

/**
 * Deletes the card folders one by one, with a pause between, as a person (or a slow disk under load) does: the watcher
 * sees the folder half emptied too, cards pointing at items already gone.
 */
async function removeAllCards(dir: string): Promise<void> {
    for (const folder of ['products', 'policies', 'organizations']) {
        await rm(path.join(dir, folder), { recursive: true });
        await sleep(400);
    }
}

const emptied = (problems: readonly { readonly message: string }[]) => problems.some((p) => /holds no cards/.test(p.message));

describe('an emptied knowledge folder', () => {
    it('keeps serving the last good version when every card is deleted, says so once, and serves the cards again once restored', async () => {
        const { folder, state, first } = await watchedCopy();
        const backup = await copyFolder(folder.dir);
        try {
            await removeAllCards(folder.dir);
            // Half emptied, the folder may be refused for its broken links first; emptied, for holding no cards.
            expect(await waitFor(() => state.refused.some(emptied))).toBe(true);
            expect(state.current).toBe(first);
            // Read again (as the rescan does): the same refusal is not reported twice.
            const reported = state.refused.length;
            await sleep(200);
            expect(state.refused).toHaveLength(reported);
            expect(state.refused.filter(emptied)).toHaveLength(1);

            await cp(backup.dir, folder.dir, { recursive: true });
            await folder.edit(`products/${PRODUCT_IDS[0]}.md`, (s) => renamed(s, '恢复以后贷'));
            expect(await waitFor(() => state.current.items.get(PRODUCT_IDS[0]!)?.name === '恢复以后贷')).toBe(true);
            expect(state.current.items.size).toBe(first.items.size);
        } finally {
            await backup.remove();
        }
    });

    it('refuses a reload that keeps fewer than half of the cards being served', async () => {
        let copies: string[] = [];
        const { folder, state, first } = await watchedCopy({}, async (dir) => void (copies = await addCopies(dir, 30)));
        for (const id of copies) await rm(path.join(folder.dir, 'products', `${id}.md`));
        expect(await waitFor(() => state.refused.length > 0)).toBe(true);
        expect(state.current).toBe(first);
        const [problem] = state.refused[0]!;
        expect(problem).toMatchObject({ severity: 'error', file: '.' });
        expect(problem!.message).toContain(`${first.items.size - 30} of the ${first.items.size} cards`);
        expect(problem!.hint).toMatch(/restart/);
    });

    it('serves a folder that lost a few cards: that is an edit', async () => {
        let copies: string[] = [];
        const { folder, state, first } = await watchedCopy({}, async (dir) => void (copies = await addCopies(dir, 3)));
        for (const id of copies) await rm(path.join(folder.dir, 'products', `${id}.md`));
        expect(await waitFor(() => state.current.items.size === first.items.size - 3)).toBe(true);
        expect(state.refused).toHaveLength(0);
    });
});

describe('a folder with no cards', () => {
    it('does not load, and `kejin check` fails on it naming the folder', async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'kejin-empty-'));
        try {
            for (const folder of ['products', 'policies', 'organizations']) await mkdir(path.join(dir, folder));
            const { snapshot, problems } = await loadKnowledge(dir);
            expect(snapshot).toBeNull();
            expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([`the knowledge folder ${dir} holds no cards`]);
            await expect(createKnowledgeService({ dir })).rejects.toThrow(/holds no cards/);

            const failed = await run(process.execPath, [KEJIN_BIN, 'check', dir], { env: { ...process.env, LOG_LEVEL: 'silent' } }).then(
                () => null,
                (err: { code: number; stdout: string }) => err,
            );
            expect(failed?.code).toBe(1);
            expect(failed?.stdout).toContain('holds no cards');
        } finally {
            await rm(dir, { recursive: true, force: true });
        }
    });
});
