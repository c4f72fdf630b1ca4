/**
 * Reads a knowledge folder into one immutable snapshot, or into the full list
 * of what stops it from being one. Nothing in a card can crash the loader:
 * every file ends as an item or as problems.
 *
 * A reader (`createKnowledgeReader`) remembers each file it parsed, keyed by
 * path and content hash, so that reading the folder again parses only the
 * files that changed; unchanged cards come back as the very same objects,
 * which is how the service tells what to re-index. Files are read in
 * parallel. `loadKnowledge` is a one-shot reader.
 */
import { createHash } from 'node:crypto';
import { type Dirent } from 'node:fs';
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FOLDER_KINDS, type Folder } from '../vocabulary.ts';
import { collectKeys, fieldPath, lineOf, parseYaml, splitFrontMatter, validate, type ParsedYaml } from './parse.ts';
import { closest, type Problem, type Severity } from './problems.ts';
import { CARD_RULES } from './rules.ts';
import { monthsBefore, newestSourceDate } from './freshness.ts';
import { aspectsSchema, FOLDER_SCHEMAS, synonymsSchema, type AspectTable, type KnowledgeItem } from './schema.ts';
import { nextTurn } from '../turn.ts';

export interface KnowledgeSnapshot {
    /** Content hash: changes whenever any loaded file changes. */
    readonly version: string;
    readonly loadedAt: string;
    readonly dir: string;
    readonly items: ReadonlyMap<string, KnowledgeItem>;
    /** Groups of interchangeable words from `synonyms.yaml`. */
    readonly synonyms: readonly (readonly string[])[];
    /** The words that ask for each aspect, from `aspects.yaml` (empty when the file is absent). */
    readonly aspects: AspectTable;
    /** Problems that did not stop the load (stale dates, missing contacts…). */
    readonly warnings: readonly Problem[];
}

export interface LoadResult {
    /** Null when any error was found: a half-valid folder is never served. */
    readonly snapshot: KnowledgeSnapshot | null;
    readonly problems: readonly Problem[];
    readonly stats: LoadStats;
}

export interface LoadStats {
    /** Files of the layout found (cards, synonyms.yaml and aspects.yaml). */
    readonly files: number;
    /** Of those, files whose content was read (the others were unchanged by size and time). */
    readonly read: number;
    /** Of those, files parsed and validated (the others were unchanged by content). */
    readonly parsed: number;
}

export interface LoadOptions {
    /** Dates are judged against this; defaults to the current time. */
    readonly now?: Date;
    /** Larger files are refused unread. Default 1 MiB: a card is a few KB. */
    readonly maxFileBytes?: number;
    /** `last_verified` older than this warns. Default 365 days. */
    readonly staleAfterDays?: number;
    /** A card whose newest dated source is older than this many months warns (STALE_MONTHS). Default 18. */
    readonly staleSourceMonths?: number;
    /** Files read at once. Default 32. */
    readonly concurrency?: number;
    /**
     * Keep what was parsed in this file between processes, so that a start
     * parses only the cards changed since the last one. Valid only for the
     * same `key`, which must change whenever the parsing code does (the
     * build's id). Written after the first read only. Default: no cache.
     */
    readonly cache?: { readonly file: string; readonly key: string };
}

export interface ReadOptions {
    /**
     * How an unchanged file is recognised. `stat` (default): same size,
     * modification and change time as last read, so the file is not even
     * read. `content`: read every file and compare its hash, for folders
     * whose times cannot be trusted (network volumes, coarse clocks).
     */
    readonly verify?: 'stat' | 'content';
    /**
     * The only files that may have changed (paths relative to the folder,
     * as file-system events name them): every other file read before is
     * taken as it was, not even looked at. Default: any file may have.
     */
    readonly changed?: ReadonlySet<string>;
}

export interface KnowledgeReader {
    /** Reads the folder again, parsing only what changed since the last read. */
    read(options?: ReadOptions): Promise<LoadResult>;
}

const DEFAULTS = { maxFileBytes: 1024 * 1024, staleAfterDays: 365, staleSourceMonths: 18, concurrency: 32 } as const;
const SYNONYMS_FILE = 'synonyms.yaml';
const ASPECTS_FILE = 'aspects.yaml';
const TOP_LEVEL_DOCS = new Set(['README.md', SYNONYMS_FILE, ASPECTS_FILE]);
const KNOWN_KEYS = collectKeys(Object.values(FOLDER_SCHEMAS));
const DAY_MS = 86_400_000;

/** Editor droppings and hidden files are skipped without a word. */
export function isIgnoredName(name: string): boolean {
    return name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || /\.(swp|swx|tmp|bak)$/i.test(name) || name === '4913';
}

interface Collector {
    problems: Problem[];
    report(file: string, severity: Severity, p: Omit<Problem, 'file' | 'severity'>): void;
}

function collector(): Collector {
    const problems: Problem[] = [];
    return { problems, report: (file, severity, p) => problems.push({ severity, file, ...p }) };
}

/** Lines the cross-check may point at, taken from the YAML while it is at hand so that it need not be kept. */
interface CardLines {
    readonly related: readonly number[];
    readonly contacts: readonly number[];
    readonly valid_until: number;
    readonly last_verified: number;
    readonly sources: number;
}

interface Card {
    readonly item: KnowledgeItem;
    readonly lines: CardLines;
    /** The same item marked expired, made once so that it too keeps its identity across reads. */
    expired?: KnowledgeItem;
}

/** What one file yields: problems, and a card or the synonym groups when it is good. */
type Parsed =
    | { readonly type: 'card'; readonly card: Card | null; readonly problems: readonly Problem[] }
    | { readonly type: 'synonyms'; readonly synonyms: string[][] | null; readonly problems: readonly Problem[] }
    | { readonly type: 'aspects'; readonly aspects: AspectTable | null; readonly problems: readonly Problem[] };

interface FileState {
    readonly signature: string;
    readonly hash: string;
    readonly parsed: Parsed;
}

/** A file of the layout to load, or a problem found while listing. */
type Slot = { readonly rel: string; readonly folder: Folder | null } | { readonly problem: Problem };

export async function loadKnowledge(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
    return createKnowledgeReader(dir, options).read();
}

export function createKnowledgeReader(dir: string, options: LoadOptions = {}): KnowledgeReader {
    const opts = { ...DEFAULTS, ...options };
    const root = path.resolve(dir);
    let files = new Map<string, FileState>();
    let cacheRead = false;

    return {
        async read(readOptions = {}) {
            const now = options.now ?? new Date();
            const first = options.cache && !cacheRead;
            if (first) {
                cacheRead = true;
                files = await readCache(options.cache!, root);
            }
            const { slots, problems: listing } = await listFolder(root);
            const out = collector();
            if (listing) return { snapshot: null, problems: listing, stats: { files: 0, read: 0, parsed: 0 } };

            const stats = { files: 0, read: 0, parsed: 0 };
            const next = new Map<string, FileState>();
            const loaded = await mapLimit(slots, opts.concurrency, async (slot) => {
                if ('problem' in slot) return slot.problem;
                stats.files++;
                const before = files.get(slot.rel);
                const loadedFile =
                    before && readOptions.changed && !readOptions.changed.has(slot.rel)
                        ? before
                        : await loadFile(root, slot.rel, slot.folder, before, readOptions.verify ?? 'stat', opts.maxFileBytes, stats);
                if (loadedFile === null || 'severity' in loadedFile) return loadedFile;
                next.set(slot.rel, loadedFile);
                return loadedFile;
            });
            files = next;
            // Written at start only: serializing every card again after each edit would stall a large folder.
            if (first && stats.parsed > 0) void writeCache(options.cache!, root, files);

            // Problems in listing order, whatever order the files were read in.
            const hash = createHash('sha256');
            const cards: Card[] = [];
            const broken = new Set<string>();
            let synonyms: string[][] = [];
            let aspects: AspectTable = {};
            loaded.forEach((result, i) => {
                if (result === null) return;
                if ('severity' in result) return void out.problems.push(result);
                const slot = slots[i] as { rel: string };
                hash.update(slot.rel).update('\0').update(result.hash).update('\0');
                out.problems.push(...result.parsed.problems);
                if (result.parsed.type === 'synonyms') synonyms = result.parsed.synonyms ?? [];
                else if (result.parsed.type === 'aspects') aspects = result.parsed.aspects ?? {};
                else if (result.parsed.card) cards.push(result.parsed.card);
                else broken.add(path.basename(slot.rel, '.md'));
            });

            // A turn for requests between the two passes over every card (tens of ms each at 10,000).
            if (cards.length > YIELD_EVERY) await nextTurn();
            const items = crossCheck(cards, broken, out, now, opts.staleAfterDays, opts.staleSourceMonths);
            if (items.size === 0 && broken.size === 0) {
                out.report('.', 'error', {
                    message: `the knowledge folder ${root} holds no cards`,
                    hint: 'put the cards (.md files) into products/, policies/ and organizations/; an emptied folder is never served',
                });
            }
            const hasErrors = out.problems.some((p) => p.severity === 'error');
            if (hasErrors) return { snapshot: null, problems: out.problems, stats };
            const snapshot: KnowledgeSnapshot = deepFreeze({
                version: hash.digest('hex').slice(0, 12),
                loadedAt: now.toISOString(),
                dir: root,
                items,
                synonyms,
                aspects,
                warnings: out.problems,
            });
            return { snapshot, problems: out.problems, stats };
        },
    };
}

interface CacheFile {
    readonly key: string;
    readonly root: string;
    readonly files: [string, FileState][];
}

/** The files remembered by an earlier process; none when the cache is missing, unreadable or of another build. */
async function readCache(cache: { file: string; key: string }, root: string): Promise<Map<string, FileState>> {
    try {
        const data = JSON.parse(await readFile(cache.file, 'utf8')) as CacheFile;
        if (data.key === cache.key && data.root === root && Array.isArray(data.files)) return new Map(data.files);
    } catch {
        // No cache yet, or a broken one: parse everything, as without a cache.
    }
    return new Map();
}

let cacheWrites = 0;

/** Best effort and atomic (a temporary file renamed over the cache): a failed write only costs the next start a parse. */
async function writeCache(cache: { file: string; key: string }, root: string, files: ReadonlyMap<string, FileState>): Promise<void> {
    const data: CacheFile = { key: cache.key, root, files: [...files] };
    const temporary = `${cache.file}.${process.pid}.${++cacheWrites}.tmp`;
    try {
        await mkdir(path.dirname(cache.file), { recursive: true });
        await writeFile(temporary, JSON.stringify(data));
        await rename(temporary, cache.file);
    } catch {
        await rm(temporary, { force: true }).catch(() => undefined);
    }
}

/** The files of the layout in a stable order, with the problems of what does not belong; or why the folder cannot be listed. */
async function listFolder(root: string): Promise<{ slots: Slot[]; problems: Problem[] | null }> {
    const out = collector();
    const list = async (rel: string) =>
        (await readdir(path.join(root, rel), { withFileTypes: true })).filter((e) => !isIgnoredName(e.name)).sort((a, b) => a.name.localeCompare(b.name));
    const top = await list('.').catch((err: NodeJS.ErrnoException) => {
        out.report('.', 'error', { message: `cannot read the knowledge folder ${root} (${err.code ?? err.message})`, hint: 'check the path; set KNOWLEDGE_DIR to the folder that holds products/, policies/ and organizations/' });
        return null;
    });
    if (!top) return { slots: [], problems: out.problems };

    const slots: Slot[] = [];
    const problem = (rel: string, severity: Severity, p: Omit<Problem, 'file' | 'severity'>) => slots.push({ problem: { severity, file: rel, ...p } });
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
            problem(rel, 'warning', { message: 'ignored: a symbolic link to nothing', hint: 'remove the link, or make it point to a file inside the knowledge folder' });
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
                problem(folder, 'error', { message: `cannot read the folder (${err.code ?? err.message})`, hint: 'make the folder readable by the user running kejin (chmod), or remove it' });
                return [];
            });
            for (const name of inside) {
                const rel = `${folder}/${name.name}`;
                const inner = await typeOf(name, rel);
                if (inner === undefined) continue;
                if (inner === 'directory') {
                    problem(rel, 'warning', { message: `folder ignored: cards must sit directly in ${folder}/`, hint: `move its .md files up into ${folder}/` });
                } else if (!name.name.endsWith('.md')) {
                    problem(rel, 'warning', { message: 'ignored: not a Markdown file', hint: 'cards are .md files; rename it to <id>.md or move it out of the knowledge folder' });
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
const outsideProblem = {
    message: 'symbolic link leads outside the knowledge folder: refused',
    hint: 'copy the file into the knowledge folder instead of linking to it, or remove the link',
};

/** Where a link leads, resolved, and whether that is outside `realRoot`; a broken link is not outside (it reads as nothing). */
async function linkTarget(realRoot: string, file: string): Promise<{ outside: boolean }> {
    const target = await realpath(file).catch(() => undefined);
    if (target === undefined) return { outside: false };
    const rel = path.relative(realRoot, target);
    return { outside: rel.startsWith('..') || path.isAbsolute(rel) };
}

/** Inputs handled between two turns of the event loop (see mapLimit). */
const YIELD_EVERY = 500;

/**
 * Runs `f` over `inputs` with at most `limit` calls in flight; results in
 * input order. Files taken as they were resolve at once, and thousands of
 * them in a row would hold every request up: every `YIELD_EVERY` inputs
 * the event loop gets a turn.
 */
async function mapLimit<T, R>(inputs: readonly T[], limit: number, f: (input: T) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(inputs.length);
    let next = 0;
    const worker = async () => {
        while (next < inputs.length) {
            const i = next++;
            if (i > 0 && i % YIELD_EVERY === 0) await nextTurn();
            results[i] = await f(inputs[i]!);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
    return results;
}

/**
 * One file: reused when unchanged (by its times and size, or by its content
 * hash), parsed otherwise; a problem when it cannot be read; null when it
 * vanished since the listing.
 */
async function loadFile(
    root: string,
    rel: string,
    folder: Folder | null,
    before: FileState | undefined,
    verify: 'stat' | 'content',
    maxBytes: number,
    stats: { read: number; parsed: number },
): Promise<FileState | Problem | null> {
    const file = path.join(root, rel);
    const problem = (p: Omit<Problem, 'file' | 'severity'>): Problem => ({ severity: 'error', file: rel, ...p });
    let signature: string;
    try {
        // Checked again here: a file may have become a link since the listing.
        if ((await lstat(file)).isSymbolicLink() && (await linkTarget(await realpath(root), file)).outside) return problem(outsideProblem);
        const info = await stat(file);
        if (info.size > maxBytes) {
            return problem({
                message: `file is too large (${(info.size / 1024 / 1024).toFixed(1)} MiB; the limit is ${(maxBytes / 1024 / 1024).toFixed(1)} MiB)`,
                hint: 'a card is a few KB of text; keep long documents out of the knowledge folder and link to them in `sources`',
            });
        }
        signature = `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
    } catch (err) {
        return unreadable(err as NodeJS.ErrnoException, problem);
    }
    if (before && verify === 'stat' && before.signature === signature) return before;

    const text = await readText(file, rel, problem).catch((err: NodeJS.ErrnoException) => unreadable(err, problem));
    if (text === null || typeof text !== 'string') return text;
    stats.read++;
    const hash = createHash('sha256').update(text).digest('hex');
    if (before && before.hash === hash) return { signature, hash, parsed: before.parsed };
    stats.parsed++;
    const out = collector();
    const parsed: Parsed = folder
        ? { type: 'card', card: parseCard(rel, folder, text, out), problems: out.problems }
        : rel === ASPECTS_FILE
          ? { type: 'aspects', aspects: parseAspects(text, out), problems: out.problems }
          : { type: 'synonyms', synonyms: parseSynonyms(text, out), problems: out.problems };
    return { signature, hash, parsed };
}

function unreadable(e: NodeJS.ErrnoException, problem: (p: Omit<Problem, 'file' | 'severity'>) => Problem): Problem | null {
    if (e.code === 'ENOENT') return null; // deleted between listing and reading
    return problem({ message: `cannot be read (${e.code ?? e.message})`, hint: 'save the file as UTF-8 text' });
}

/** The text of a card or synonyms file; a problem when it is not text; null when it vanished. */
async function readText(file: string, rel: string, problem: (p: Omit<Problem, 'file' | 'severity'>) => Problem): Promise<string | Problem | null> {
    const bytes = await readFile(file);
    if (bytes.includes(0)) return problem({ message: 'is a binary file, not text', hint: 'save the card as plain UTF-8 text (a .md file), not as a Word or PDF file renamed' });
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        return problem({ message: 'is not valid UTF-8 text', hint: 'save the file as UTF-8 text' });
    }
    if (text.trim() === '') return problem({ line: 1, message: 'file is empty', hint: 'fill it from the template in knowledge/README.md, or delete it' });
    return text;
}

function parseCard(rel: string, folder: Folder, text: string, out: Collector): Card | null {
    const report = (p: Omit<Problem, 'file' | 'severity'> & { severity?: Severity }) => out.report(rel, p.severity ?? 'error', p);
    const fm = splitFrontMatter(text);
    if (!fm) {
        report({ line: 1, message: 'has no front matter', hint: 'start the file with a line `---`, then the YAML fields, then another `---` line, then the Markdown text (see knowledge/README.md)' });
        return null;
    }
    const yaml = parseYaml(fm.yaml, fm.firstLine, report);
    if (!yaml) return null;
    if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
        report({ line: fm.firstLine, message: 'front matter is not a group of `key: value` fields', hint: 'copy the template for this kind from knowledge/README.md' });
        return null;
    }
    const data = validate(FOLDER_SCHEMAS[folder], yaml, fm.firstLine, KNOWN_KEYS, report);
    if (!data) return null;

    const fileId = path.basename(rel, '.md');
    if (data.id !== fileId) {
        report({ line: lineOf(yaml, ['id'], fm.firstLine), field: 'id', message: `"${data.id}" differs from the file name "${fileId}.md"`, hint: `rename the file to ${data.id}.md or set \`id: ${fileId}\`` });
    }
    checkSourceKeys(data, yaml, fm.firstLine, report);
    for (const rule of CARD_RULES) for (const p of rule(data)) report({ line: lineOf(yaml, p.path, fm.firstLine), field: fieldPath(p.path), message: p.message, hint: p.hint, ...(p.severity ? { severity: p.severity } : {}) });
    const item = { ...data, file: rel, body: fm.body.trim(), expired: false } as KnowledgeItem;
    const at = (p: PropertyKey[]) => lineOf(yaml, p, fm.firstLine);
    const lines: CardLines = {
        related: item.related.map((_, i) => at(['related', i])),
        contacts: 'contacts' in item ? item.contacts.map((_, i) => at(['contacts', i])) : [],
        valid_until: at(['valid_until']),
        last_verified: at(['last_verified']),
        sources: at(['sources']),
    };
    return { item, lines };
}

/** Every `sources: [keys]` inside a fact must name a source the card declares. */
function checkSourceKeys(
    data: { sources: readonly { key: string }[] },
    yaml: ParsedYaml,
    firstLine: number,
    report: (p: Omit<Problem, 'file' | 'severity'>) => void,
): void {
    const declared = new Set<string>();
    data.sources.forEach((s, i) => {
        if (declared.has(s.key)) {
            report({ line: lineOf(yaml, ['sources', i, 'key'], firstLine), field: `sources.${i}.key`, message: `key "${s.key}" is declared twice`, hint: 'give each source its own key' });
        }
        declared.add(s.key);
    });
    const walk = (v: unknown, p: PropertyKey[]): void => {
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...p, i]));
        if (!v || typeof v !== 'object') return;
        for (const [k, child] of Object.entries(v)) {
            if (k === 'sources' && p.length > 0 && Array.isArray(child)) {
                child.forEach((key, i) => {
                    if (typeof key === 'string' && !declared.has(key)) {
                        const guess = closest(key, declared, 1, 0.5)[0];
                        report({
                            line: lineOf(yaml, [...p, k, i], firstLine),
                            field: fieldPath([...p, k, i]),
                            message: `source key "${key}" is not declared in this card's \`sources\``,
                            hint: guess ? `did you mean "${guess}"? Otherwise add a source with \`key: ${key}\`` : `add a source with \`key: ${key}\` to \`sources\``,
                        });
                    }
                });
            } else walk(child, [...p, k]);
        }
    };
    walk(data, []);
}

function crossCheck(
    cards: readonly Card[],
    broken: ReadonlySet<string>,
    out: Collector,
    now: Date,
    staleAfterDays: number,
    staleSourceMonths: number,
): Map<string, KnowledgeItem> {
    const staleBefore = monthsBefore(now, staleSourceMonths);
    const items = new Map<string, KnowledgeItem>();
    for (const { item } of cards) {
        const first = items.get(item.id);
        if (first) {
            out.report(item.file, 'error', { line: 2, field: 'id', message: `id "${item.id}" is already used by ${first.file}`, hint: 'ids must be unique across the whole folder; rename one of them' });
            continue;
        }
        items.set(item.id, item);
    }
    const today = now.toISOString().slice(0, 10);
    for (const card of cards) {
        const { item, lines } = card;
        if (items.get(item.id) !== item) continue;
        item.related.forEach((ref, i) => {
            if (!items.has(ref) && !broken.has(ref)) {
                out.report(item.file, 'error', { line: lines.related[i], field: `related.${i}`, message: `"${ref}" is not a known item`, hint: hintForId(ref, items.keys()) });
            }
        });
        if ('contacts' in item) {
            item.contacts.forEach((ref, i) => {
                const target = items.get(ref);
                if ((!target && !broken.has(ref)) || (target && target.kind !== 'organization')) {
                    const orgs = [...items.values()].filter((x) => x.kind === 'organization').map((x) => x.id);
                    out.report(item.file, 'error', {
                        line: lines.contacts[i],
                        field: `contacts.${i}`,
                        message: target ? `"${ref}" is a ${target.kind}, not an organization` : `"${ref}" is not a known organization`,
                        hint: hintForId(ref, orgs),
                    });
                }
            });
        }
        if (item.valid_until && item.valid_until < today) {
            // Cards are shared between reads: mark a copy, made once per card.
            card.expired ??= { ...item, expired: true };
            items.set(item.id, card.expired);
            out.report(item.file, 'warning', {
                line: lines.valid_until,
                field: 'valid_until',
                message: `${item.valid_until} has passed: the item is marked expired and matching never rates it eligible`,
                hint: 'if it still runs, set a new `valid_until` (and `last_verified`); otherwise leave it or delete the file',
            });
        }
        if (item.last_verified > today) {
            out.report(item.file, 'warning', {
                line: lines.last_verified,
                field: 'last_verified',
                message: `${item.last_verified} is in the future`,
                hint: 'set it to the day the facts were last checked against their sources (today at the latest)',
            });
        }
        const newest = newestSourceDate(item);
        if (newest !== undefined && newest < staleBefore) {
            out.report(item.file, 'warning', {
                line: lines.sources,
                field: 'sources',
                message: `the newest dated source is from ${newest}, over ${staleSourceMonths} months ago`,
                hint: 'look for a later notice or report, add it with its date, and mark facts it overtakes `status: outdated`; `kejin report` lists these cards',
            });
        }
        if (now.getTime() - Date.parse(item.last_verified) > staleAfterDays * DAY_MS) {
            out.report(item.file, 'warning', {
                line: lines.last_verified,
                field: 'last_verified',
                message: `last verified ${item.last_verified}, over ${staleAfterDays} days ago`,
                hint: 'check the facts against their sources, then set `last_verified` to today',
            });
        }
        if (item.kind === 'product') {
            if (!('contacts' in item) || item.contacts.length === 0) {
                out.report(item.file, 'warning', { line: 2, field: 'contacts', message: 'product has no contacts', hint: 'add the id of an organization in organizations/ that a firm can call about it' });
            }
            if (item.sources.length === 0) {
                out.report(item.file, 'warning', { line: 2, field: 'sources', message: 'product has no sources', hint: 'add at least one source (title and url or 文号) for its facts' });
            }
        }
    }
    return items;
}

function hintForId(ref: string, ids: Iterable<string>): string {
    const guess = closest(ref, ids, 1, 0.4)[0];
    return guess ? `did you mean "${guess}"? Ids are file names without .md` : 'create the item first, or remove the reference';
}

function parseSynonyms(text: string, out: Collector): string[][] | null {
    const report = (p: Omit<Problem, 'file' | 'severity'>) => out.report(SYNONYMS_FILE, 'error', p);
    const yaml = parseYaml(text, 1, report);
    if (!yaml) return null;
    const data = validate(synonymsSchema, yaml, 1, new Set(['groups']), report);
    return data ? data.groups : null;
}

const ASPECT_KEYS = new Set(['aspects', 'zh', 'en', ...Object.keys(aspectsSchema.shape.aspects.shape)]);

/**
 * The aspect words. A word may ask for one aspect only: listed under two,
 * a question using it would be read both ways, so that is an error naming
 * both places.
 */
function parseAspects(text: string, out: Collector): AspectTable | null {
    const report = (p: Omit<Problem, 'file' | 'severity'>) => out.report(ASPECTS_FILE, 'error', p);
    const yaml = parseYaml(text, 1, report);
    if (!yaml) return null;
    const data = validate(aspectsSchema, yaml, 1, ASPECT_KEYS, report);
    if (!data) return null;
    const seen = new Map<string, string>();
    let ok = true;
    for (const [aspect, words] of Object.entries(data.aspects)) {
        for (const lang of ['zh', 'en'] as const) {
            (words?.[lang] ?? []).forEach((word, i) => {
                const key = word.toLowerCase();
                const first = seen.get(key);
                if (first !== undefined && first !== aspect) {
                    ok = false;
                    report({
                        line: lineOf(yaml, ['aspects', aspect, lang, i], 1),
                        field: `aspects.${aspect}.${lang}.${i}`,
                        message: `"${word}" is already listed under ${first}`,
                        hint: 'a word may ask for one aspect only; keep it under the aspect it asks for most often and remove it here',
                    });
                }
                seen.set(key, aspect);
            });
        }
    }
    return ok ? (data.aspects as AspectTable) : null;
}

function deepFreeze<T>(value: T): T {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        if (value instanceof Map) {
            for (const v of value.values()) deepFreeze(v);
            const map = value as Map<unknown, unknown>;
            // A frozen Map can still be mutated through its methods; shut them.
            map.set = map.delete = () => {
                throw new TypeError('knowledge snapshots are immutable');
            };
            map.clear = () => {
                throw new TypeError('knowledge snapshots are immutable');
            };
        } else {
            for (const v of Object.values(value)) deepFreeze(v);
        }
        Object.freeze(value);
    }
    return value;
}
