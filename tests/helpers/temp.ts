/** Temporary folders: the only places a test writes (tests/helpers/global-setup.ts fails the run otherwise). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'kejin-test-'): string {
    return mkdtempSync(path.join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
}
