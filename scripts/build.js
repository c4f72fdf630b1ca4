#!/usr/bin/env node
/**
 * `npm run build` (also run by `npm install` / `npm ci` through `prepare`):
 * bundles the sources into plain JavaScript in dist/, so that `kejin`,
 * `npm start` and the MCP client configurations start without compiling
 * TypeScript (bin/kejin.js picks dist/ while it is newer than src/).
 *
 * One ES module per entry point and per lazily imported front (the CLI,
 * the MCP server and the bot load only what they use); dependencies stay
 * in node_modules. Every chunk lands directly in dist/, one level below the
 * checkout, which src/root.ts relies on.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist');

rmSync(outdir, { recursive: true, force: true });
await build({
    absWorkingDir: root,
    entryPoints: ['src/bin/kejin.ts'],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
});
