/**
 * Watches a knowledge folder and reloads it after each burst of changes.
 * Every kind of edit (in-place writes, an editor's save-by-rename, new,
 * moved and deleted files, the whole folder replaced) ends as "read the
 * folder again"; the reader (load.ts) parses only the files that changed,
 * and after events that named files, looks at those files alone.
 *
 * Watching must never go deaf, so it does not trust one long-lived watch:
 * - it watches the folder and each card folder itself (not the files, whose
 *   inodes an editor's save-by-rename replaces), and re-arms before every
 *   read, so that a folder deleted and created again (a deploy, a
 *   `git checkout`) is watched anew;
 * - while the folder is missing it looks again every `retryMs`;
 * - every `rescanMs` it reads the folder whatever the events said,
 *   comparing file contents by hash: an unchanged folder costs one read of
 *   each file and nothing else. This is the backstop where events never
 *   arrive (network volumes) or get lost.
 *
 * A reload that would serve a folder suddenly emptied (or holding less
 * than `minKeptShare` of the cards being served) is refused like a broken
 * edit: the last good snapshot stays, and the refusal is reported.
 */
import { statSync, watch, type FSWatcher, type Stats } from 'node:fs';
import path from 'node:path';
import { FOLDER_KINDS } from '../vocabulary.ts';
import type { Problem } from './problems.ts';
import { createKnowledgeReader, type KnowledgeReader, type KnowledgeSnapshot, type LoadOptions, type LoadStats, type ReadOptions } from './load.ts';
import { nextTurn } from '../turn.ts';

export interface WatchOptions extends LoadOptions {
    /** Called with each new good snapshot (only when its content changed). */
    readonly onSnapshot: (snapshot: KnowledgeSnapshot, warnings: readonly Problem[], stats: LoadStats) => void | Promise<void>;
    /** Called when a reload is refused (errors, or an emptied folder); the last good snapshot stays. Not repeated for the same problems. */
    readonly onProblems?: (problems: readonly Problem[]) => void;
    readonly onError?: (error: unknown) => void;
    /** Quiet time after the last event before reloading, in ms. Default 150. */
    readonly debounceMs?: number;
    /** The snapshot already being served: an unchanged folder is not re-announced, and the emptied-folder guard compares with it. */
    readonly initial?: KnowledgeSnapshot;
    /** Version of the snapshot already being served, when `initial` is not given. */
    readonly initialVersion?: string;
    /** The reader that loaded `initial`, so that the first reload parses only what changed. Default: a new reader. */
    readonly reader?: KnowledgeReader;
    /** Read the whole folder by content hash every this many ms, whatever the events said; 0 turns it off. Default 60,000. */
    readonly rescanMs?: number;
    /** Listen to file-system events. Default true; false leaves the periodic rescan alone (folders where events never arrive). */
    readonly events?: boolean;
    /** While the folder is missing, look for it again every this many ms. Default 1,000. */
    readonly retryMs?: number;
    /** Refuse a reload keeping fewer than this share of the cards served. Default 0.5. */
    readonly minKeptShare?: number;
}

export interface KnowledgeWatcher {
    /** Resolves after any reload in progress has finished. */
    close(): Promise<void>;
    /** Reloads now, as if a change had been seen (or by content with `verify: 'content'`); resolves when done. */
    reload(options?: ReadOptions): Promise<void>;
}

export const DEFAULT_RESCAN_MS = 60_000;

export function watchKnowledge(dir: string, options: WatchOptions): KnowledgeWatcher {
    const root = path.resolve(dir);
    const debounceMs = options.debounceMs ?? 150;
    const retryMs = options.retryMs ?? 1000;
    const rescanMs = options.rescanMs ?? DEFAULT_RESCAN_MS;
    const minKeptShare = options.minKeptShare ?? 0.5;
    const events = options.events ?? true;
    const reader = options.reader ?? createKnowledgeReader(root, options);
    let served = options.initial;
    let version = options.initial?.version ?? options.initialVersion;
    let lastRefusal: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let again: ReadOptions | undefined;
    // Files named by events since the last read; null when some event named no file or a folder.
    let changed: Set<string> | null = new Set();
    // A reload asked for from outside (or by the rescan) looks at every file, whatever events named.
    let everything = false;
    let closed = false;
    const watchers = new Map<string, { ino: number; watcher: FSWatcher }>();

    const schedule = (ms = debounceMs) => {
        if (closed) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), ms);
        // A pending reload is no reason to keep a finished process alive.
        timer.unref();
    };

    /** Watches the folder and its card folders, replacing any watch whose folder was replaced or removed. */
    /** Returns true when some watch was (re)placed: what happened before it was not seen. */
    const arm = (): boolean => {
        if (!events) return false;
        let placed = false;
        for (const folder of [root, ...Object.keys(FOLDER_KINDS).map((f) => path.join(root, f))]) {
            // Synchronous (four stats): an edit made right after watchKnowledge returns is seen.
            const info = statOrNull(folder);
            const current = watchers.get(folder);
            if (current && info?.isDirectory() && current.ino === info.ino) continue;
            current?.watcher.close();
            watchers.delete(folder);
            if (!info?.isDirectory() || closed) continue;
            try {
                const prefix = folder === root ? '' : `${path.basename(folder)}/`;
                const watcher = watch(folder, { persistent: false }, (_event, name) => {
                    const rel = name ? `${prefix}${name}` : undefined;
                    if (!rel || rel in FOLDER_KINDS) changed = null;
                    else changed?.add(rel);
                    schedule();
                });
                watcher.on('error', () => {
                    // The folder went away under the watch: drop it, re-arm on the next read.
                    watcher.close();
                    if (watchers.get(folder)?.watcher === watcher) watchers.delete(folder);
                    changed = null;
                    schedule();
                });
                watchers.set(folder, { ino: info.ino, watcher });
                placed = true;
            } catch (err) {
                options.onError?.(err);
            }
        }
        return placed;
    };

    const refuse = (problems: readonly Problem[]) => {
        const key = JSON.stringify(problems.filter((p) => p.severity === 'error'));
        if (key === lastRefusal) return;
        lastRefusal = key;
        options.onProblems?.(problems);
    };

    const readOnce = async (readOptions: ReadOptions): Promise<void> => {
        // Arm before reading: whatever changes after this is seen, whatever changed before is read.
        const rearmed = arm();
        // Only the files events named, when they named files and every watch held since the last read.
        const named = changed && !rearmed && !everything && readOptions.verify !== 'content' ? changed : undefined;
        changed = new Set();
        everything = false;
        const { snapshot, problems, stats } = await reader.read(named ? { ...readOptions, changed: named } : readOptions);
        if (closed) return;
        if (!snapshot) return refuse(problems);
        if (snapshot.version === version) {
            lastRefusal = undefined;
            return;
        }
        const kept = served ? snapshot.items.size / served.items.size : 1;
        if (served && kept < minKeptShare) {
            return refuse([
                {
                    severity: 'error',
                    file: '.',
                    message:
                        `the folder now holds ${snapshot.items.size} of the ${served.items.size} cards being served: ` +
                        `more likely an accident (a deploy or checkout under way, a wrong folder) than an edit, so the last good version stays`,
                    hint: 'put the cards back; if they were removed on purpose, restart kejin to serve the smaller folder',
                },
            ]);
        }
        lastRefusal = undefined;
        version = snapshot.version;
        served = snapshot;
        // A turn for requests between reading the folder and going live with it (the index update).
        await nextTurn();
        if (closed) return;
        // Awaited: the next read waits until this snapshot is live (the service may be building its index).
        await options.onSnapshot(snapshot, problems, stats);
    };

    const reload = async (readOptions: ReadOptions = {}): Promise<void> => {
        if (running) {
            // A change arrived mid-load: read once more after this load ends.
            again = again?.verify === 'content' ? again : readOptions;
            return running;
        }
        running = (async () => {
            let next: ReadOptions | undefined = readOptions;
            while (next && !closed) {
                again = undefined;
                await readOnce(next);
                next = again;
            }
        })()
            .catch((err: unknown) => options.onError?.(err))
            .finally(() => {
                running = undefined;
                // The folder is gone: look for it again soon, since no event will say it is back.
                if (events && !closed && !watchers.has(root)) schedule(retryMs);
            });
        return running;
    };

    const reloadAll = (readOptions?: ReadOptions): Promise<void> => {
        everything = true;
        return reload(readOptions);
    };

    const rescan = rescanMs > 0 ? setInterval(() => void reloadAll({ verify: 'content' }), rescanMs) : undefined;
    rescan?.unref();
    arm();

    return {
        reload: reloadAll,
        async close() {
            closed = true;
            clearTimeout(timer);
            clearInterval(rescan);
            await running;
            for (const { watcher } of watchers.values()) watcher.close();
            watchers.clear();
        },
    };
}

function statOrNull(file: string): Stats | undefined {
    try {
        return statSync(file, { throwIfNoEntry: false });
    } catch {
        return undefined; // not a folder on the way, or not readable: treated as missing
    }
}
