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
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist');

// The build's id (src/build-id.ts): a hash of every source file and of the lock file.
const hash = createHash('sha256');
for (const file of readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
}
hash.update(readFileSync(path.join(root, 'package-lock.json')));

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
    define: { __KEJIN_BUILD_ID__: JSON.stringify(hash.digest('hex').slice(0, 16)) },
    logLevel: 'warning',
});
