/**
 * Issue 9, items 7 and 8: a card with many YAML aliases (60 plain ones, or
 * an alias bomb) and a folder that cannot be read are problems of that file
 * or folder, with path and line, like any other: never a stack from
 * `kejin check`, never a service that cannot say why it refuses to start.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { ordinaryUser } from '../helpers/spawned-bot.ts';
import { KEJIN_BIN, SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

const ALIASES_60 = `x: &x a\nl: [${Array.from({ length: 60 }, () => '*x').join(', ')}]`;
const ALIAS_BOMB = [
    'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array.from({ length: 9 }, () => `*${'abcdefgh'[i]}`).join(', ')}]`),
].join('\n');

let root: string;
let dir: string;

/** A copy of the shipped knowledge in a temp folder, with `extra` YAML put after the `id:` line of a card. */
function inject(card: string, extra: string): number {
    const file = path.join(dir, card);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('id:')) + 1;
    lines.splice(at, 0, ...extra.split('\n'));
    writeFileSync(file, lines.join('\n'));
    return at + 1; // the 1-based line of the first injected line
}

beforeAll(() => {
    root = tempDir('kejin-check-');
    dir = path.join(root, 'knowledge');
    cpSync(SHIPPED_KNOWLEDGE, dir, { recursive: true });
});

afterAll(() => {
    chmodSync(path.join(dir, 'policies'), 0o755);
    removeDir(root);
});

describe('YAML aliases', () => {
    it('reports 60 plain aliases and an alias bomb as problems of their files, at the alias line', async () => {
        const plainLine = inject('products/gaoqidai.md', ALIASES_60);
        const bombLine = inject('products/huke-zhuandai.md', ALIAS_BOMB);
        const { snapshot, problems } = await loadKnowledge(dir);
        expect(snapshot).toBeNull();
        const plain = problems.filter((p) => p.file === 'products/gaoqidai.md');
        const bomb = problems.filter((p) => p.file === 'products/huke-zhuandai.md');
        expect(plain).toEqual([expect.objectContaining({ severity: 'error', line: plainLine + 1, message: expect.stringMatching(/aliases/) })]);
        expect(bomb).toEqual([expect.objectContaining({ severity: 'error', line: bombLine + 1, message: expect.stringMatching(/aliases/) })]);
    });
});

describe('`kejin check`', () => {
    it('lists the alias problems and an unreadable folder, without a stack, and exits 1', () => {
        chmodSync(path.join(dir, 'policies'), 0o000);
        // As root every folder is readable: check as an ordinary user.
        const user = ordinaryUser();
        if (!user) {
            console.warn('skipped the unreadable-folder check: running as root and the checkout is not readable by others');
            return;
        }
        for (const p of [root, dir]) chmodSync(p, 0o755);
        const result = spawnSync(process.execPath, [KEJIN_BIN, 'check', dir], {
            encoding: 'utf8',
            cwd: root,
            env: { PATH: process.env.PATH ?? '', HOME: root },
            timeout: 30_000,
            ...user.as,
        });
        expect(result.stderr).toBe('');
        expect(result.stdout).not.toMatch(/Error:|\n\s+at /);
        expect(result.stdout).toMatch(/^policies: cannot read the folder \(EACCES\)/m);
        expect(result.stdout).toMatch(/^products\/gaoqidai\.md:\d+: YAML aliases/m);
        expect(result.stdout).toMatch(/^products\/huke-zhuandai\.md:\d+: YAML aliases/m);
        expect(result.status).toBe(1);
    });
});
