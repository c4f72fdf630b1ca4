/**
 * The question log: where questions kejin did not answer well are kept for
 * the staff report. Two stores behind one interface:
 *
 * - a JSON-lines file under DATA_DIR (the embedded default). Each entry is
 *   one `write` of one line to a file opened for appending, so a crash
 *   mid-write can tear only the last line; the reader skips a line that does
 *   not parse, and the next writer first ends a torn line, so that it never
 *   glues its entry to the torn one. Trimming (size and age) rewrites the
 *   file to a temporary one and renames it over, which is atomic. Several
 *   processes may share the file (the bot beside `kejin mcp --http` on one
 *   DATA_DIR): appends and trims take a lock file beside the log, and an
 *   append first reopens the file if a trim replaced it, so that no entry
 *   goes to a replaced file.
 * - a Redis stream (with REDIS_URL), which several instances share:
 *   `XADD … MAXLEN ~` bounds it and `XTRIM MINID ~` applies the retention.
 *
 * Both drop the oldest entries first.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { redisKey, type RedisClient } from '../infra/redis.ts';
import { parseRecord, toRecord, type QuestionEvent, type QuestionRecord } from './record.ts';

export interface QuestionLog {
    /** Scrubs and stores one question. */
    record(event: QuestionEvent): Promise<void>;
    /** Notes that these cards were shown as an answer now (for "cards never shown"). */
    shown(ids: readonly string[], at?: Date): Promise<void>;
    /** When each card was last shown, as ISO times. */
    lastShown(): Promise<Record<string, string>>;
    /** Entries asked at or after `since` (default: all kept), oldest first. */
    read(options?: { readonly since?: Date }): Promise<QuestionRecord[]>;
    close(): Promise<void>;
}

export interface QuestionLogOptions {
    /** Entries kept at most; the oldest go first. Default 50,000. */
    readonly maxEntries?: number;
    /** Entries older than this many days are dropped. Default 180. */
    readonly retentionDays?: number;
    /** The clock, for tests. Default: Date.now. */
    readonly now?: () => number;
}

export const DEFAULT_MAX_ENTRIES = 50_000;
export const DEFAULT_RETENTION_DAYS = 180;
const DAY_MS = 86_400_000;
/** A file log over its bound is trimmed to this share of it, so that it is not rewritten at every entry. */
const TRIM_TO_SHARE = 0.9;

export const QUESTION_LOG_FILE = path.join('insights', 'questions.jsonl');
/** Beside the log: card id → last time shown. */
export const SHOWN_FILE = 'shown.json';
/** The file of last-shown times is rewritten at most this often. */
const SHOWN_FLUSH_MS = 5000;

function settings(options: QuestionLogOptions) {
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    const retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS;
    const now = options.now ?? Date.now;
    return { maxEntries, now, cutoff: () => now() - retentionMs };
}

/** A log that keeps nothing: `QUESTION_LOG=off`. */
export const DISABLED_QUESTION_LOG: QuestionLog = {
    record: async () => undefined,
    shown: async () => undefined,
    lastShown: async () => ({}),
    read: async () => [],
    close: async () => undefined,
};

/** The file log at `file` (created on the first entry). Processes on one machine may share it. */
export function createFileQuestionLog(file: string, options: QuestionLogOptions = {}): QuestionLog {
    const { maxEntries, cutoff } = settings(options);
    let handle: { file: FileHandle; ino: number } | undefined;
    let count = 0;
    // The file's size after this process's last write: another size means another process appended since, and the
    // count is read again, so that the bound holds for the file, not for this process's own entries.
    let knownSize = -1;
    // Appends and trims run one after another, in call order, and under the lock file between processes.
    let queue: Promise<unknown> = Promise.resolve();
    const serial = <T>(task: () => Promise<T>): Promise<T> => {
        const run = queue.then(task, task);
        queue = run.catch(() => undefined);
        return run;
    };
    const locked = <T>(task: () => Promise<T>): Promise<T> => serial(() => withFileLock(`${file}.lock`, task));

    async function readLines(): Promise<QuestionRecord[]> {
        let text: string;
        try {
            text = await readFile(file, 'utf8');
        } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
            throw err;
        }
        const out: QuestionRecord[] = [];
        for (const line of text.split('\n')) {
            const record = line.trim() === '' ? undefined : parseRecord(line);
            if (record) out.push(record);
        }
        return out;
    }

    /** Opens the file as it is now (under the lock), trimmed, its last line ended. */
    async function openForAppend(): Promise<{ file: FileHandle; ino: number }> {
        await mkdir(path.dirname(file), { recursive: true });
        await removeOrphanCopies(file);
        await removeOrphanCopies(shownFile);
        const existing = await readLines();
        const kept = keep(existing, cutoff(), maxEntries);
        if (kept.length < existing.length) await rewrite(kept);
        count = kept.length;
        const h = await open(file, 'a+');
        const { size, ino } = await h.stat();
        knownSize = size;
        if (size > 0) {
            const last = Buffer.alloc(1);
            await h.read(last, 0, 1, size - 1);
            if (last[0] !== 0x0a) {
                await h.write('\n');
                knownSize += 1;
            }
        }
        return { file: h, ino };
    }

    /** The handle, reopened if another process's trim replaced the file since it was opened. */
    async function current(): Promise<FileHandle> {
        if (handle) {
            const now = await stat(file).catch(() => undefined);
            if (now?.ino === handle.ino) {
                if (now.size !== knownSize) {
                    count = (await readLines()).length;
                    knownSize = now.size;
                }
                return handle.file;
            }
            await handle.file.close();
            handle = undefined;
        }
        handle = await openForAppend();
        return handle.file;
    }

    async function rewrite(records: readonly QuestionRecord[]): Promise<void> {
        await writeAtomically(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }

    async function trim(): Promise<void> {
        await handle?.file.close();
        handle = undefined;
        const all = await readLines();
        // Others write too: trim only when the file, not this process's count, is over the bound.
        if (all.length <= maxEntries) {
            count = all.length;
            return;
        }
        const kept = keep(all, cutoff(), Math.floor(maxEntries * TRIM_TO_SHARE));
        await rewrite(kept);
        count = kept.length;
    }

    const shownFile = path.join(path.dirname(file), SHOWN_FILE);
    let shownTimes: Record<string, string> | undefined;
    let flushTimer: NodeJS.Timeout | undefined;
    const loadShown = async () => {
        shownTimes ??= await readJson(shownFile);
        return shownTimes;
    };
    const flushShown = async () => {
        clearTimeout(flushTimer);
        flushTimer = undefined;
        if (!shownTimes) return;
        await mkdir(path.dirname(shownFile), { recursive: true });
        // Another process may have noted other cards meanwhile: keep the later time of each.
        const merged = await readJson(shownFile);
        for (const [id, at] of Object.entries(shownTimes)) if (!(merged[id] && merged[id] > at)) merged[id] = at;
        shownTimes = merged;
        await writeAtomically(shownFile, JSON.stringify(merged));
    };

    return {
        shown: (ids, at = new Date()) =>
            serial(async () => {
                const times = await loadShown();
                for (const id of ids) times[id] = at.toISOString();
                flushTimer ??= setTimeout(() => void locked(flushShown).catch(() => undefined), SHOWN_FLUSH_MS).unref();
            }),
        lastShown: () => serial(async () => ({ ...(await loadShown()) })),
        record: (event) =>
            locked(async () => {
                // One write of one whole line: a crash can tear only this entry.
                const line = `${JSON.stringify(toRecord(event))}\n`;
                await (await current()).write(line);
                knownSize += Buffer.byteLength(line);
                if (++count > maxEntries) await trim();
            }),
        read: (opts = {}) => serial(async () => since(await readLines(), Math.max(cutoff(), opts.since?.getTime() ?? 0))),
        close: () =>
            locked(async () => {
                await flushShown();
                await handle?.file.close();
                handle = undefined;
            }),
    };
}

/** How long a lock file may stand before it is taken for one left by a crash: holders keep it for milliseconds. */
const LOCK_STALE_MS = 10_000;
/** How long a writer waits for the lock before its entry fails (logged, never the user's reply). */
const LOCK_WAIT_MS = 5_000;

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
}

/**
 * Runs `task` holding a lock between processes on one machine: a file
 * created exclusively that names its holder. A lock whose holder no longer
 * runs (kill -9 while holding it), or that is older than LOCK_STALE_MS, is
 * taken over. The lock is moved aside before it is removed, and put back
 * if it turns out to be another's fresh one; only three processes racing
 * right after a crash could still both hold it.
 */
export async function withFileLock<T>(lockFile: string, task: () => Promise<T>): Promise<T> {
    const token = `${process.pid} ${randomUUID()}`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    await mkdir(path.dirname(lockFile), { recursive: true });
    for (let pause = 1; ; pause = Math.min(pause * 2, 20)) {
        try {
            await writeFile(lockFile, token, { flag: 'wx' });
            break;
        } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        }
        const held = await readFile(lockFile, 'utf8').catch(() => undefined);
        const info = await stat(lockFile).catch(() => undefined);
        const holder = Number(held?.split(' ')[0]);
        if (held !== undefined && info && held.includes(' ') && (!alive(holder) || Date.now() - info.mtimeMs > LOCK_STALE_MS)) {
            const aside = `${lockFile}.${process.pid}.stale`;
            if (
                await rename(lockFile, aside).then(
                    () => true,
                    () => false,
                )
            ) {
                const moved = await readFile(aside, 'utf8').catch(() => undefined);
                if (moved !== held) await link(aside, lockFile).catch(() => undefined);
                await rm(aside, { force: true });
            }
            continue;
        }
        if (Date.now() > deadline) throw new Error(`kejin: ${lockFile} is held by process ${holder}; gave up after ${LOCK_WAIT_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, pause));
    }
    try {
        return await task();
    } finally {
        // Ours unless it was taken over as stale; then it is another's now.
        if ((await readFile(lockFile, 'utf8').catch(() => undefined)) === token) await rm(lockFile, { force: true });
    }
}

/**
 * Removes the temporary copies of `file` that writeAtomically left when
 * its process died before the rename (kill -9 in the middle of a trim).
 * A copy belongs to a process by the pid in its name; only those of
 * processes that no longer run are removed.
 */
export async function removeOrphanCopies(file: string): Promise<void> {
    const base = path.basename(file);
    const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
    for (const name of names) {
        const m = name.startsWith(`${base}.`) ? /^(\d+)\.\d+(?:\.\d+)?\.tmp$/.exec(name.slice(base.length + 1)) : null;
        if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) await rm(path.join(path.dirname(file), name), { force: true });
    }
}

async function readJson(file: string): Promise<Record<string, string>> {
    try {
        const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
        // Missing or unreadable: start afresh; these are hints, not records.
        return {};
    }
}

let tmpSeq = 0;

/** Writes to a temporary file and renames it over `file`: a reader sees the old or the new text, never half. */
export async function writeAtomically(file: string, text: string): Promise<void> {
    const tmp = `${file}.${process.pid}.${Date.now()}.${++tmpSeq}.tmp`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
}

/** The newest `max` records asked after `cutoffMs`, oldest first. */
function keep(records: readonly QuestionRecord[], cutoffMs: number, max: number): QuestionRecord[] {
    const fresh = since(records, cutoffMs);
    return fresh.slice(Math.max(0, fresh.length - max));
}

function since(records: readonly QuestionRecord[], fromMs: number): QuestionRecord[] {
    return records.filter((r) => Date.parse(r.at) >= fromMs);
}

export interface RedisQuestionLogOptions extends QuestionLogOptions {
    readonly redis: RedisClient;
    /** Key prefix (KEJIN_REDIS_PREFIX). Default `kejin:`. */
    readonly prefix?: string;
}

const READ_PAGE = 1000;

/** The log as a Redis stream shared by every instance. The caller owns the client. */
export function createRedisQuestionLog(options: RedisQuestionLogOptions): QuestionLog {
    const { maxEntries, cutoff } = settings(options);
    const { redis } = options;
    const key = redisKey(options.prefix ?? 'kejin:', 'questions');
    const shownKey = redisKey(options.prefix ?? 'kejin:', 'shown');
    return {
        async shown(ids, at = new Date()) {
            if (ids.length > 0) await redis.hset(shownKey, Object.fromEntries(ids.map((id) => [id, at.toISOString()])));
        },
        lastShown: () => redis.hgetall(shownKey),
        async record(event) {
            const record = toRecord(event);
            await redis.multi().xadd(key, 'MAXLEN', '~', maxEntries, '*', 'r', JSON.stringify(record)).xtrim(key, 'MINID', '~', cutoff()).exec();
        },
        async read(opts = {}) {
            const from = Math.max(cutoff(), opts.since?.getTime() ?? 0);
            const out: QuestionRecord[] = [];
            let start = String(from);
            for (;;) {
                const page = await redis.xrange(key, start, '+', 'COUNT', READ_PAGE);
                for (const [, fields] of page) {
                    const json = fields[fields.indexOf('r') + 1];
                    const record = json === undefined ? undefined : parseRecord(json);
                    if (record && Date.parse(record.at) >= from) out.push(record);
                }
                if (page.length < READ_PAGE) return out;
                start = `(${page.at(-1)![0]}`;
            }
        },
        close: async () => undefined,
    };
}

export interface QuestionLogSetup extends QuestionLogOptions {
    /** False for `QUESTION_LOG=off`. */
    readonly enabled: boolean;
    readonly dataDir: string;
    /** With a client, the shared Redis stream; without, the file under dataDir. */
    readonly redis?: RedisClient;
    readonly prefix?: string;
}

/** The log an entry point asked for. */
export function createQuestionLog(setup: QuestionLogSetup): QuestionLog {
    if (!setup.enabled) return DISABLED_QUESTION_LOG;
    if (setup.redis) return createRedisQuestionLog({ ...setup, redis: setup.redis });
    return createFileQuestionLog(path.resolve(setup.dataDir, QUESTION_LOG_FILE), setup);
}

/**
 * Logs a question without holding up the answer: a failing store costs a
 * log line (without the question), never the user's reply.
 */
export function recordQuietly(log: QuestionLog | undefined, event: QuestionEvent, logger?: Logger): void {
    if (!log) return;
    log.record(event).catch((err: unknown) => logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'question log write failed'));
}

/**
 * What a front calls after each search answer: an unconfident one is
 * logged, a confident one counts its cards as shown.
 */
export function noteAnswer(log: QuestionLog | undefined, event: QuestionEvent, logger?: Logger): void {
    if (!log) return;
    if (!event.confident) return recordQuietly(log, event, logger);
    log.shown(event.ids).catch((err: unknown) =>
        logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'question log write failed'),
    );
}
