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
 *
 * A read passes through, in order: `folder.ts` (which files belong to the
 * layout, their text), `card-file.ts` (each changed file parsed and
 * validated alone), `cross-check.ts` (what needs the other cards), then the
 * snapshot made here.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Folder } from '../vocabulary.ts';
import { collector, type Problem } from './problems.ts';
import { parseAspects, parseCard, parseSynonyms, type Card } from './card-file.ts';
import { crossCheck } from './cross-check.ts';
import { ASPECTS_FILE, linkTarget, listFolder, outsideProblem, readText, unreadable } from './folder.ts';
import type { AspectTable, KnowledgeItem } from './schema.ts';
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
