/**
 * Tests use temporary folders only. Every process a test starts inherits
 * DATA_DIR from here unless the test gives its own, so that a front started
 * without one (an MCP stdio client, `kejin ask`) does not write into the
 * checkout's data/; the teardown fails the run when the checkout's data/
 * appeared anyway.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/root.ts';

export default function setup(): () => void {
    const checkoutData = path.join(PROJECT_ROOT, 'data');
    const existed = existsSync(checkoutData);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kejin-test-data-'));
    process.env.DATA_DIR = dataDir;
    return () => {
        rmSync(dataDir, { recursive: true, force: true });
        if (existed || !existsSync(checkoutData)) return;
        // vitest reports a teardown error but keeps its exit code: set it too.
        process.exitCode = 1;
        throw new Error(`a test wrote into the checkout's ${checkoutData}: give it a temporary DATA_DIR`);
    };
}
