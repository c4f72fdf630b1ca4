#!/usr/bin/env node
// Runs the build in dist/ (made by `npm install` through `prepare`, or by
// `npm run build`) while it is newer than every source file, so that a start
// compiles nothing. Otherwise (no build yet, or sources edited since) it runs
// the TypeScript sources directly through tsx, as development does.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist', 'kejin.js');

function builtIsFresh() {
    let builtAt;
    try {
        builtAt = statSync(built).mtimeMs;
    } catch {
        return false;
    }
    const src = path.join(root, 'src');
    for (const file of readdirSync(src, { recursive: true })) {
        if (statSync(path.join(src, file)).mtimeMs > builtAt) return false;
    }
    return true;
}

if (builtIsFresh()) {
    await import(pathToFileURL(built).href);
} else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../src/bin/kejin.ts');
}
