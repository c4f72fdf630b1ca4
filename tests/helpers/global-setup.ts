/**
 * Tests use temporary folders only. Every process a test starts inherits
 * DATA_DIR and HOME from here unless the test gives its own, so that a front
 * started without one (an MCP stdio client, `kejin ask`) does not write into
 * the checkout's data/, and what writes into a home folder (headless
 * Chromium's crash reports and settings) writes into a temporary one. The
 * teardown fails the run when the checkout's data/ appeared anyway, or when
 * its knowledge/ or dist/ changed: other tests read both while they run.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/root.ts';

/** Folders of the checkout that the tests read and must leave as they found them. */
const READ_ONLY = ['knowledge', 'dist'];

export default function setup(): () => void {
    const checkoutData = path.join(PROJECT_ROOT, 'data');
    const existed = existsSync(checkoutData);
    const before = new Map(READ_ONLY.map((f) => [f, fingerprint(path.join(PROJECT_ROOT, f))]));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kejin-test-data-'));
    const home = mkdtempSync(path.join(tmpdir(), 'kejin-test-home-'));
    process.env.DATA_DIR = dataDir;
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = path.join(home, '.config');
    process.env.XDG_CACHE_HOME = path.join(home, '.cache');
    return () => {
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(home, { recursive: true, force: true });
        const wrote = READ_ONLY.filter((f) => fingerprint(path.join(PROJECT_ROOT, f)) !== before.get(f)).map((f) => path.join(PROJECT_ROOT, f));
        if (!existed && existsSync(checkoutData)) wrote.push(`${checkoutData} (give the test a temporary DATA_DIR)`);
        if (wrote.length === 0) return;
        // vitest reports a teardown error but keeps its exit code: set it too.
        process.exitCode = 1;
        throw new Error(`a test wrote into the checkout: ${wrote.join('; ')}`);
    };
}

/** Every file under `dir` with its size and time of change; empty when `dir` does not exist. */
function fingerprint(dir: string): string {
    if (!existsSync(dir)) return '';
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .sort()
        .map((f) => {
            const s = statSync(path.join(dir, f));
            return `${f} ${s.size} ${s.mtimeMs}`;
        })
        .join('\n');
}
