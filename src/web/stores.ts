/**
 * Where the page keeps its sessions: in the bot's stores (bot/storage/session.ts),
 * files under DATA_DIR by default or Redis with REDIS_URL, with the bot's
 * validation on read and the bot's TTL, and the transcripts beside them.
 */
import path from 'node:path';
import type { Context, StorageAdapter } from 'grammy';
import type { Logger } from 'pino';
import { AtomicFileStorage } from '../bot/storage/file-storage.ts';
import { createFileStorage, guardedStorage, type SessionData } from '../bot/storage/session.ts';
import { createRedisSessionStorage } from '../bot/storage/redis-session.ts';
import { redisUserLock } from '../bot/storage/user-lock.ts';
import type { RedisClient } from '../core/infra/redis.ts';

export interface WebStores {
    readonly sessions: StorageAdapter<SessionData>;
    readonly transcripts: StorageAdapter<unknown>;
    /** With Redis: one turn of a session at a time across instances. */
    readonly lock?: <T>(sessionKey: string, job: () => Promise<T>) => Promise<T>;
}

export type WebStoreOptions = { readonly dataDir: string } | { readonly redis: RedisClient; readonly prefix: string; readonly ttlDays: number };

export function createWebStores(options: WebStoreOptions, logger: Logger): WebStores {
    if ('redis' in options) {
        const raw = createRedisSessionStorage({ redis: options.redis, prefix: options.prefix, ttlDays: options.ttlDays });
        // The bot's per-user lock, keyed by the session's store key; it needs only a key and a next().
        const middleware = redisUserLock<Context>((ctx) => (ctx as unknown as { webKey: string }).webKey, {
            redis: options.redis,
            prefix: options.prefix,
        });
        const lock = async <T>(sessionKey: string, job: () => Promise<T>): Promise<T> => {
            let result: { value: T } | undefined;
            await middleware({ webKey: sessionKey } as unknown as Context, async () => {
                result = { value: await job() };
            });
            return result!.value;
        };
        return { sessions: guardedStorage(raw, logger), transcripts: raw, lock };
    }
    return {
        sessions: guardedStorage(createFileStorage(options.dataDir), logger),
        // Without fsync: a killed process loses nothing (the page cache keeps it); only a power
        // cut could lose the last lines of a transcript, never a session, which is synced.
        transcripts: new AtomicFileStorage(path.resolve(options.dataDir, 'sessions'), { fsync: false }),
    };
}
