/**
 * The knowledge the tests run on: the shipped folder (read as it is, or a
 * service over it) and the small fixture corpus, and throw-away copies of
 * either that a test may edit or break.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { FIXTURE_KNOWLEDGE, SHIPPED_KNOWLEDGE } from './paths.ts';

export interface FolderCopy {
    readonly dir: string;
    edit(file: string, f: (s: string) => string): Promise<void>;
    write(file: string, data: string | Uint8Array): Promise<void>;
    remove(): Promise<void>;
}

/** A throw-away copy of a knowledge folder that a test may break at will. */
export async function copyFolder(from = FIXTURE_KNOWLEDGE): Promise<FolderCopy> {
    const dir = await mkdtemp(path.join(tmpdir(), 'kejin-knowledge-'));
    await cp(from, dir, { recursive: true });
    return {
        dir,
        edit: async (file, f) => writeFile(path.join(dir, file), f(await readFile(path.join(dir, file), 'utf8'))),
        write: async (file, data) => {
            await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
            await writeFile(path.join(dir, file), data);
        },
        remove: () => rm(dir, { recursive: true, force: true }),
    };
}

// The search tests' corpus until it is merged into FIXTURE_KNOWLEDGE.
const SEARCH_FIXTURE = path.join(FIXTURE_KNOWLEDGE, '..', 'search-knowledge');

/** The fixture corpus as of 2026-11-26 (no card expired); fails loudly if a card stops loading. */
export async function loadFixture(): Promise<KnowledgeSnapshot> {
    const { snapshot, problems } = await loadKnowledge(SEARCH_FIXTURE, { now: new Date('2026-11-26') });
    if (!snapshot) throw new Error(`fixture does not load: ${problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
    return snapshot;
}

let shipped: Promise<KnowledgeService> | undefined;

/** One service over the shipped knowledge, shared by the tests of a file (vitest gives each file its own modules). */
export function shippedService(): Promise<KnowledgeService> {
    shipped ??= createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
    return shipped;
}

/** Polls `probe` until it returns true or `ms` pass. */
export async function waitFor(probe: () => boolean, ms = 3000): Promise<boolean> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
        if (probe()) return true;
        await new Promise((r) => setTimeout(r, 20));
    }
    return probe();
}
