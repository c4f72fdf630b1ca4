/**
 * Reading a knowledge folder as files: which files belong to the layout
 * (cards in products/, policies/ and organizations/, synonyms.yaml and
 * aspects.yaml at the top), which do not and why, and the text of one file.
 * Nothing here parses a card; `card-file.ts` does.
 */
import { type Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { FOLDER_KINDS, type Folder } from '../vocabulary.ts';
import { collector, type Problem, type Severity } from './problems.ts';

export const SYNONYMS_FILE = 'synonyms.yaml';
export const ASPECTS_FILE = 'aspects.yaml';
const TOP_LEVEL_DOCS = new Set(['README.md', SYNONYMS_FILE, ASPECTS_FILE]);

/** Editor droppings and hidden files are skipped without a word. */
export function isIgnoredName(name: string): boolean {
    return name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || /\.(swp|swx|tmp|bak)$/i.test(name) || name === '4913';
}

/** A file of the layout to load, or a problem found while listing. */
export type Slot = { readonly rel: string; readonly folder: Folder | null } | { readonly problem: Problem };

/** The files of the layout in a stable order, with the problems of what does not belong; or why the folder cannot be listed. */
export async function listFolder(root: string): Promise<{ slots: Slot[]; problems: Problem[] | null }> {
    const out = collector();
    const list = async (rel: string) =>
        (await readdir(path.join(root, rel), { withFileTypes: true }))
            .filter((e) => !isIgnoredName(e.name))
            .sort((a, b) => a.name.localeCompare(b.name));
    const top = await list('.').catch((err: NodeJS.ErrnoException) => {
        out.report('.', 'error', {
            message: `cannot read the knowledge folder ${root} (${err.code ?? err.message})`,
            hint: 'check the path; set KNOWLEDGE_DIR to the folder that holds products/, policies/ and organizations/',
        });
        return null;
    });
    if (!top) return { slots: [], problems: out.problems };

    const slots: Slot[] = [];
    const problem = (rel: string, severity: Severity, p: Omit<Problem, 'file' | 'severity'>) =>
        slots.push({ problem: { severity, file: rel, ...p } });
    const realRoot = await realpath(root);
    /** What an entry is, a link taken as what it names; undefined (and a problem) for a link out of the folder or to nothing. */
    const typeOf = async (entry: Dirent, rel: string): Promise<'file' | 'directory' | 'other' | undefined> => {
        if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
        const target = await linkTarget(realRoot, path.join(root, rel));
        if (target.outside) {
            problem(rel, 'error', outsideProblem);
            return undefined;
        }
        const info = await stat(path.join(root, rel)).catch(() => null);
        if (!info) {
            problem(rel, 'warning', {
                message: 'ignored: a symbolic link to nothing',
                hint: 'remove the link, or make it point to a file inside the knowledge folder',
            });
            return undefined;
        }
        return info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other';
    };
    for (const entry of top) {
        const type = await typeOf(entry, entry.name);
        if (type === undefined) continue;
        if (type === 'directory' && entry.name in FOLDER_KINDS) {
            const folder = entry.name as Folder;
            const inside = await list(folder).catch((err: NodeJS.ErrnoException) => {
                problem(folder, 'error', {
                    message: `cannot read the folder (${err.code ?? err.message})`,
                    hint: 'make the folder readable by the user running kejin (chmod), or remove it',
                });
                return [];
            });
            for (const name of inside) {
                const rel = `${folder}/${name.name}`;
                const inner = await typeOf(name, rel);
                if (inner === undefined) continue;
                if (inner === 'directory') {
                    problem(rel, 'warning', {
                        message: `folder ignored: cards must sit directly in ${folder}/`,
                        hint: `move its .md files up into ${folder}/`,
                    });
                } else if (!name.name.endsWith('.md')) {
                    problem(rel, 'warning', {
                        message: 'ignored: not a Markdown file',
                        hint: 'cards are .md files; rename it to <id>.md or move it out of the knowledge folder',
                    });
                } else {
                    slots.push({ rel, folder });
                }
            }
        } else if (type === 'file' && (entry.name === SYNONYMS_FILE || entry.name === ASPECTS_FILE)) {
            slots.push({ rel: entry.name, folder: null });
        } else if (!TOP_LEVEL_DOCS.has(entry.name)) {
            problem(entry.name, 'warning', {
                message: 'ignored: not part of the knowledge layout',
                hint: 'cards go into products/, policies/ or organizations/; the only other files read are README.md, synonyms.yaml and aspects.yaml',
            });
        }
    }
    return { slots, problems: null };
}

/**
 * Security: a symbolic link that leads out of the knowledge folder (to
 * /etc/…, to another checkout) is refused like a card with an error, so
 * that an edit or a pulled commit cannot make kejin serve a file from
 * elsewhere on the machine. Links within the folder are read as what they name.
 */
export const outsideProblem = {
    message: 'symbolic link leads outside the knowledge folder: refused',
    hint: 'copy the file into the knowledge folder instead of linking to it, or remove the link',
};

/** Where a link leads, resolved, and whether that is outside `realRoot`; a broken link is not outside (it reads as nothing). */
export async function linkTarget(realRoot: string, file: string): Promise<{ outside: boolean }> {
    const target = await realpath(file).catch(() => undefined);
    if (target === undefined) return { outside: false };
    const rel = path.relative(realRoot, target);
    return { outside: rel.startsWith('..') || path.isAbsolute(rel) };
}

export function unreadable(e: NodeJS.ErrnoException, problem: (p: Omit<Problem, 'file' | 'severity'>) => Problem): Problem | null {
    if (e.code === 'ENOENT') return null; // deleted between listing and reading
    return problem({ message: `cannot be read (${e.code ?? e.message})`, hint: 'save the file as UTF-8 text' });
}

/** The text of a card or synonyms file; a problem when it is not text; null when it vanished. */
export async function readText(
    file: string,
    rel: string,
    problem: (p: Omit<Problem, 'file' | 'severity'>) => Problem,
): Promise<string | Problem | null> {
    const bytes = await readFile(file);
    if (bytes.includes(0))
        return problem({
            message: 'is a binary file, not text',
            hint: 'save the card as plain UTF-8 text (a .md file), not as a Word or PDF file renamed',
        });
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        return problem({ message: 'is not valid UTF-8 text', hint: 'save the file as UTF-8 text' });
    }
    if (text.trim() === '')
        return problem({ line: 1, message: 'file is empty', hint: 'fill it from the template in knowledge/README.md, or delete it' });
    return text;
}
