#!/usr/bin/env node
/**
 * `npm run bundle [-- OUTPUT]`: builds `kejin.mcpb`, the one-file install for
 * Claude Desktop (MCP Bundle, @anthropic-ai/mcpb). The bundle holds the
 * built server (dist/), the shipped knowledge, bundle/manifest.json and the
 * production dependencies only, staged in a temp folder so that the
 * checkout's dev tools (test runners, the Node 22 binary for the
 * conformance suite) stay out. Default output: ./kejin.mcpb.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const output = path.resolve(process.argv[2] ?? path.join(root, 'kejin.mcpb'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const stage = mkdtempSync(path.join(tmpdir(), 'kejin-bundle-'));
const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

try {
    run(process.execPath, [path.join(root, 'scripts/build.js')], root);
    for (const part of ['dist', 'knowledge', 'package.json', 'package-lock.json']) {
        cpSync(path.join(root, part), path.join(stage, part), { recursive: true });
    }
    cpSync(path.join(root, 'bundle/manifest.json'), path.join(stage, 'manifest.json'));
    // Production dependencies as locked; no scripts: dist/ is built already.
    run(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], stage);
    run(process.execPath, [path.join(root, 'node_modules/@anthropic-ai/mcpb/dist/cli/cli.js'), 'pack', stage, output], root);
} finally {
    rmSync(stage, { recursive: true, force: true });
}
