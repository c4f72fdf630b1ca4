/**
 * The embedded session store: one JSON file per key under a folder, in the
 * layout of `@grammyjs/storage-file` (`<dir>/<last two chars of key>/<key>.json`),
 * so existing data stays readable.
 *
 * Writes are atomic: the new record goes to a temporary file in the same
 * folder, is flushed to disk, then renamed over the old one. A crash or
 * `kill -9` at any moment leaves either the old record or the new one, never
 * a truncated file.
 *
 * Errors never name a file: the key is a user id. They carry the errno code
 * and say which folder failed, which is what an operator can act on.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { StorageAdapter } from 'grammy';

export interface FileStorageOptions {
    /** Flush each record and its folder to disk before the rename. Default true; off only for throwaway data. */
    readonly fsync?: boolean;
}

/** A failure of the store, safe to log: no key, no file name. */
export class SessionStoreError extends Error {
    override name = 'SessionStoreError';
    constructor(
        message: string,
        /** The errno code (`EACCES`, `EROFS`, `ENOSPC`…), when there is one. */
        readonly code: string | undefined,
    ) {
        super(message);
    }
}

/** Keys become file names: only plain characters, so no key can point outside the folder. */
const SAFE_KEY = /^[A-Za-z0-9_-]{1,128}$/;
const TEMP_SUFFIX = '.tmp';
/** Temporary files older than this are leftovers of a crash, not a write in progress. */
const STALE_TEMP_MS = 60_000;

export class AtomicFileStorage implements StorageAdapter<unknown> {
    readonly dir: string;
    private readonly _fsync: boolean;
    /** Sub-folders known to exist (and swept of crash leftovers) in this process. */
    private readonly _ready = new Set<string>();

    constructor(dir: string, options: FileStorageOptions = {}) {
        this.dir = path.resolve(dir);
        this._fsync = options.fsync ?? true;
    }

    async read(key: string): Promise<unknown> {
        let text: string;
        try {
            text = await readFile(this.fileOf(key), 'utf8');
        } catch (err) {
            if (codeOf(err) === 'ENOENT') return undefined;
            throw this.failure('read', err);
        }
        return JSON.parse(text) as unknown;
    }

    async write(key: string, value: unknown): Promise<void> {
        const file = this.fileOf(key);
        const folder = path.dirname(file);
        const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`;
        try {
            await this.prepare(folder);
            const handle = await open(temp, 'wx', 0o600);
            try {
                await handle.writeFile(JSON.stringify(value), 'utf8');
                if (this._fsync) await handle.sync();
            } finally {
                await handle.close();
            }
            await rename(temp, file);
            if (this._fsync) await syncFolder(folder);
        } catch (err) {
            await unlink(temp).catch(() => undefined);
            throw this.failure('write', err);
        }
    }

    async delete(key: string): Promise<void> {
        try {
            await rm(this.fileOf(key), { force: true });
        } catch (err) {
            throw this.failure('delete', err);
        }
    }

    private fileOf(key: string): string {
        if (!SAFE_KEY.test(key)) throw new SessionStoreError('session key must be 1 to 128 characters of A-Z, a-z, 0-9, _ or -', undefined);
        return path.join(this.dir, key.slice(-2), `${key}.json`);
    }

    /** Creates the sub-folder once, and removes temporary files a crash left there. */
    private async prepare(folder: string): Promise<void> {
        if (this._ready.has(folder)) return;
        await mkdir(folder, { recursive: true, mode: 0o700 });
        this._ready.add(folder);
        const now = Date.now();
        for (const name of await readdir(folder).catch(() => [])) {
            if (!name.endsWith(TEMP_SUFFIX)) continue;
            const file = path.join(folder, name);
            const info = await stat(file).catch(() => undefined);
            if (info && now - info.mtimeMs > STALE_TEMP_MS) await unlink(file).catch(() => undefined);
        }
    }

    private failure(op: 'read' | 'write' | 'delete', err: unknown): SessionStoreError {
        const code = codeOf(err);
        return new SessionStoreError(`cannot ${op} a session record in ${this.dir} (${code ?? (err instanceof Error ? err.name : 'error')})`, code);
    }
}

function codeOf(err: unknown): string | undefined {
    return err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/** Makes the rename itself durable: without this a power cut may bring the old name back. */
async function syncFolder(folder: string): Promise<void> {
    try {
        const handle = await open(folder, 'r');
        try {
            await handle.sync();
        } finally {
            await handle.close();
        }
    } catch (err) {
        // Some systems (Windows, some network file systems) cannot open or flush a folder.
        if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes(codeOf(err) ?? '')) throw err;
    }
}
