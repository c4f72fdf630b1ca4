/**
 * Watches a knowledge folder and reloads it whole after each burst of
 * changes. Reloading the whole folder (a few ms for hundreds of cards) keeps
 * one code path for every kind of edit: in-place writes, an editor's
 * save-by-rename, new, moved and deleted files all end as "read it again".
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Problem } from './problems.ts';
import { loadKnowledge, type KnowledgeSnapshot, type LoadOptions } from './load.ts';

export interface WatchOptions extends LoadOptions {
    /** Called with each new good snapshot (only when its content changed). */
    readonly onSnapshot: (snapshot: KnowledgeSnapshot, warnings: readonly Problem[]) => void;
    /** Called when an edit leaves the folder with errors; the last good snapshot stays. */
    readonly onProblems?: (problems: readonly Problem[]) => void;
    readonly onError?: (error: unknown) => void;
    /** Quiet time after the last event before reloading, in ms. Default 150. */
    readonly debounceMs?: number;
    /** Version of the snapshot already being served, so an unchanged folder is not re-announced. */
    readonly initialVersion?: string;
}

export interface KnowledgeWatcher {
    /** Resolves after any reload in progress has finished. */
    close(): Promise<void>;
    /** Reloads now, as if a change had been seen; resolves when done. */
    reload(): Promise<void>;
}

export function watchKnowledge(dir: string, options: WatchOptions): KnowledgeWatcher {
    const debounceMs = options.debounceMs ?? 150;
    let version = options.initialVersion;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let again = false;
    let closed = false;

    const reload = async (): Promise<void> => {
        if (running) {
            // A change arrived mid-load: read once more after this load ends.
            again = true;
            return running;
        }
        running = (async () => {
            do {
                again = false;
                const { snapshot, problems } = await loadKnowledge(dir, options);
                if (closed) return;
                if (!snapshot) options.onProblems?.(problems);
                else if (snapshot.version !== version) {
                    version = snapshot.version;
                    options.onSnapshot(snapshot, problems);
                }
            } while (again && !closed);
        })()
            .catch((err: unknown) => options.onError?.(err))
            .finally(() => {
                running = undefined;
            });
        return running;
    };

    const schedule = () => {
        if (closed) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reload(), debounceMs);
    };

    let watcher: FSWatcher | undefined;
    try {
        watcher = watch(dir, { recursive: true, persistent: false }, schedule);
        watcher.on('error', (err) => options.onError?.(err));
    } catch (err) {
        options.onError?.(err);
    }

    return {
        reload,
        async close() {
            closed = true;
            clearTimeout(timer);
            watcher?.close();
            await running;
        },
    };
}
