/**
 * Writes a snapshot back as a knowledge folder (one Markdown card per item,
 * plus the top-level files of the real folder it was made from: synonyms
 * and the like), so that the loader and the watcher can be measured on
 * synthetic folders of any size.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { KnowledgeSnapshot } from '../src/core/knowledge/load.ts';
import type { KnowledgeItem } from '../src/core/knowledge/schema.ts';
import { FOLDER_KINDS, type Folder } from '../src/core/vocabulary.ts';

const folderOf = (item: KnowledgeItem): Folder =>
    (Object.keys(FOLDER_KINDS) as Folder[]).find((f) => (FOLDER_KINDS[f] as readonly string[]).includes(item.kind))!;

/** The Markdown text of a card: its fields as front matter, then its body. */
export function cardText(item: KnowledgeItem): string {
    const { file: _file, body, ...fields } = item;
    return `---\n${stringify(fields, { lineWidth: 0 })}---\n${body}\n`;
}

export async function writeFolder(snapshot: KnowledgeSnapshot, realDir: string, dir: string): Promise<void> {
    for (const folder of Object.keys(FOLDER_KINDS)) await mkdir(path.join(dir, folder), { recursive: true });
    for (const entry of await readdir(realDir, { withFileTypes: true })) {
        if (entry.isFile()) await copyFile(path.join(realDir, entry.name), path.join(dir, entry.name));
    }
    const items = [...snapshot.items.values()];
    for (let i = 0; i < items.length; i += 256) {
        await Promise.all(items.slice(i, i + 256).map((item) => writeFile(cardPath(dir, item), cardText(item))));
    }
}

export function cardPath(dir: string, item: KnowledgeItem): string {
    return path.join(dir, folderOf(item), `${item.id}.md`);
}
