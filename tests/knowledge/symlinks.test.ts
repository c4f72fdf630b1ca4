/**
 * A symbolic link that leads out of the knowledge folder is refused, as a
 * card with an error is: at start, on a live edit and after a `git pull`
 * that brings one in (git stores links as links). A link that stays inside
 * the folder is read like the file it names.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeLoadError } from '../../src/core/errors.ts';
import { startKnowledgePull } from '../../src/core/infra/knowledge-pull.ts';
import { createKnowledgeService } from '../../src/core/service.ts';
import { copyFolder } from '../helpers/knowledge.ts';
import { git, createKnowledgeRepo } from '../helpers/knowledge-repo.ts';
import { FIXTURE_KNOWLEDGE, SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((f) => f()));
});

/** A valid card outside any knowledge folder: what a link could smuggle in. */
async function outsideCard(from = path.join(FIXTURE_KNOWLEDGE, 'products/test-loan.md')): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'kejin-outside-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const card = (await readFile(from, 'utf8')).replace(/^id: .*$/m, 'id: secret-card').replace(/^name: .*$/m, 'name: 外部文件');
    const file = path.join(dir, 'secret-card.md');
    await writeFile(file, card);
    return file;
}

describe('symbolic links in the knowledge folder', () => {
    it('a card linked from outside fails the load, naming the file', async () => {
        const folder = await copyFolder();
        cleanups.push(folder.remove);
        await symlink(await outsideCard(), path.join(folder.dir, 'products/secret-card.md'));
        const err = await createKnowledgeService({ dir: folder.dir }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(KnowledgeLoadError);
        expect((err as Error).message).toContain('products/secret-card.md');
        expect((err as Error).message).toMatch(/outside the knowledge folder/);
    });

    it('a linked folder that leaves the knowledge folder is refused too', async () => {
        const folder = await copyFolder();
        cleanups.push(folder.remove);
        const elsewhere = path.dirname(await outsideCard());
        await rm(path.join(folder.dir, 'policies'), { recursive: true });
        await symlink(elsewhere, path.join(folder.dir, 'policies'));
        const err = await createKnowledgeService({ dir: folder.dir }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(KnowledgeLoadError);
        expect((err as Error).message).toMatch(/policies: .*outside the knowledge folder/);
    });

    it('a link inside the folder is read as the file it names', async () => {
        const folder = await copyFolder();
        cleanups.push(folder.remove);
        await mkdir(path.join(folder.dir, '.drafts'));
        const draft = (await readFile(path.join(folder.dir, 'products/test-loan.md'), 'utf8')).replace('id: test-loan', 'id: linked-card');
        await writeFile(path.join(folder.dir, '.drafts/linked-card.md'), draft);
        await symlink('../.drafts/linked-card.md', path.join(folder.dir, 'products/linked-card.md'));
        const service = await createKnowledgeService({ dir: folder.dir });
        cleanups.push(() => service.close());
        expect(service.getItem('linked-card')).toBeDefined();
    });

    it('a live edit adding an outside link is refused; the last good version keeps serving', async () => {
        const folder = await copyFolder();
        cleanups.push(folder.remove);
        const service = await createKnowledgeService({ dir: folder.dir, watch: true, debounceMs: 50 });
        cleanups.push(() => service.close());
        const version = service.snapshot().version;
        await symlink(await outsideCard(), path.join(folder.dir, 'products/secret-card.md'));
        await service.reload();
        expect(service.getItem('secret-card')).toBeUndefined();
        expect(service.snapshot().version).toBe(version);
    });

    it('after a git pull that brings an outside link, the card is not served', async () => {
        const repo = await createKnowledgeRepo();
        cleanups.push(() => repo.remove());
        const dir = await repo.clone('instance');
        const service = await createKnowledgeService({ dir, watch: true, debounceMs: 50 });
        cleanups.push(() => service.close());
        const puller = startKnowledgePull({ dir, intervalMs: 3_600_000, onPulled: () => service.reload() });
        cleanups.push(() => puller.close());
        // Staff commit a link to a file outside the repository (an absolute path on the instance).
        const staff = path.join(path.dirname(path.dirname(dir)), 'staff');
        await symlink(await outsideCard(path.join(SHIPPED_KNOWLEDGE, 'products/gaoqidai.md')), path.join(staff, 'knowledge/products/secret-card.md'));
        git(staff, 'add', '-A');
        git(staff, 'commit', '--quiet', '-m', 'link');
        git(staff, 'push', '--quiet', 'origin', 'HEAD');
        expect(await puller.pull()).toMatchObject({ changed: true });
        expect(service.getItem('secret-card')).toBeUndefined();
        expect(service.findItem('外部文件')).toBeUndefined();
        expect(service.getItem('gaoqidai')).toBeDefined();
    }, 30_000);
});
