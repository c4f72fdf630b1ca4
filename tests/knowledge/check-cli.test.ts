import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFolder } from '../helpers/knowledge.ts';
import { FIXTURE_KNOWLEDGE, KEJIN_BIN } from '../helpers/paths.ts';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((f) => f()));
});

async function check(dir: string): Promise<{ code: number; stdout: string }> {
    try {
        const { stdout } = await run(process.execPath, [KEJIN_BIN, 'check', dir], { env: { ...process.env, LOG_LEVEL: 'silent' } });
        return { code: 0, stdout };
    } catch (err) {
        const e = err as { code: number; stdout: string };
        return { code: e.code, stdout: e.stdout };
    }
}

describe('kejin check', () => {
    it('exits 0 on a valid folder and says how many items it holds', async () => {
        const { code, stdout } = await check(FIXTURE_KNOWLEDGE);
        expect(code).toBe(0);
        expect(stdout).toMatch(/0 error\(s\), 0 warning\(s\); 11 items, version [0-9a-f]{12}/);
    });

    it('exits 1 and lists every problem of a broken folder', async () => {
        const folder = await copyFolder();
        cleanups.push(folder.remove);
        await folder.edit('products/test-loan.md', (s) => s.replace('name_en: Test Loan\n', ''));
        await folder.write('products/empty.md', '');
        const { code, stdout } = await check(folder.dir);
        expect(code).toBe(1);
        expect(stdout).toContain('products/test-loan.md:2: name_en: is missing');
        expect(stdout).toContain('products/empty.md:1: file is empty');
        expect(stdout).toMatch(/2 error\(s\), 0 warning\(s\); not loadable/);
    });

    it('exits 1 with a clear message for a folder that does not exist', async () => {
        const { code, stdout } = await check('/nonexistent/kejin-knowledge');
        expect(code).toBe(1);
        expect(stdout).toContain('cannot read the knowledge folder');
    });
});
