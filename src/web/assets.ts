/**
 * The page's own stylesheet and script, read once at start, named by a
 * hash of their content so that a browser may keep them for good and still
 * gets a new one with a new release, and kept gzipped as well.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../root.ts';

export interface Asset {
    readonly name: string;
    readonly type: string;
    readonly body: Buffer;
    readonly gzipped: Buffer;
}

export interface Assets {
    readonly css: Asset;
    readonly js: Asset;
    byName(name: string): Asset | undefined;
}

export const ASSET_DIR = path.join(PROJECT_ROOT, 'src', 'web', 'assets');

async function load(file: string, type: string): Promise<Asset> {
    const body = await readFile(path.join(ASSET_DIR, file));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const [base, ext] = file.split('.') as [string, string];
    return { name: `${base}.${hash}.${ext}`, type, body, gzipped: gzipSync(body, { level: 9 }) };
}

export async function loadAssets(): Promise<Assets> {
    const [css, js] = await Promise.all([load('app.css', 'text/css; charset=utf-8'), load('app.js', 'text/javascript; charset=utf-8')]);
    return { css, js, byName: (name) => [css, js].find((a) => a.name === name) };
}
