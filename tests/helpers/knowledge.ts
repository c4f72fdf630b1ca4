import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const VALID_FIXTURE = fileURLToPath(new URL('../fixtures/knowledge-valid', import.meta.url));
export const SHIPPED_KNOWLEDGE = fileURLToPath(new URL('../../knowledge', import.meta.url));

/** A throw-away copy of a knowledge folder that a test may break at will. */
export async function copyFolder(from = VALID_FIXTURE): Promise<{ dir: string; edit: (file: string, f: (s: string) => string) => Promise<void>; write: (file: string, data: string | Uint8Array) => Promise<void>; remove: () => Promise<void> }> {
    const dir = await mkdtemp(path.join(tmpdir(), 'kejin-knowledge-'));
    await cp(from, dir, { recursive: true });
    return {
        dir,
        edit: async (file, f) => writeFile(path.join(dir, file), f(await readFile(path.join(dir, file), 'utf8'))),
        write: (file, data) => writeFile(path.join(dir, file), data),
        remove: () => rm(dir, { recursive: true, force: true }),
    };
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
