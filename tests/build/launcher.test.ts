/**
 * bin/kejin.js runs the build in dist/ only while it is newer than every
 * source file, and the TypeScript sources otherwise: a checkout edited after
 * its build must never run the stale build. Tried on a throw-away checkout
 * whose dist/ and src/ each say which one ran.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/root.ts';

const run = promisify(execFile);
let root: string;

beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'kejin-launcher-'));
    for (const dir of ['bin', 'dist', 'src/bin']) await mkdir(path.join(root, dir), { recursive: true });
    await copyFile(path.join(PROJECT_ROOT, 'bin/kejin.js'), path.join(root, 'bin/kejin.js'));
    await writeFile(path.join(root, 'package.json'), '{"type": "module"}');
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'));
    await writeFile(path.join(root, 'dist/kejin.js'), "process.stdout.write('dist');\n");
    await writeFile(path.join(root, 'src/bin/kejin.ts'), "const ran: string = 'src';\nprocess.stdout.write(ran);\n");
});
afterAll(async () => {
    await rm(root, { recursive: true, force: true });
});

async function ran(): Promise<string> {
    return (await run(process.execPath, [path.join(root, 'bin/kejin.js')])).stdout;
}

async function age(file: string, secondsAgo: number): Promise<void> {
    const at = new Date(Date.now() - secondsAgo * 1000);
    await utimes(path.join(root, file), at, at);
}

describe('bin/kejin.js', () => {
    it('runs dist/ while it is newer than every source file', async () => {
        for (const f of ['src/bin/kejin.ts', 'src/bin', 'src']) await age(f, 60);
        await age('dist/kejin.js', 10);
        expect(await ran()).toBe('dist');
    });

    it('runs the sources once any of them is newer than the build, or when there is no build', async () => {
        await age('dist/kejin.js', 10);
        await age('src/bin/kejin.ts', 1);
        expect(await ran()).toBe('src');
        await rm(path.join(root, 'dist/kejin.js'));
        expect(await ran()).toBe('src');
    });
});
