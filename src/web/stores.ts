/**
 * Where the page keeps its sessions: in the bot's stores (bot/session.ts),
 * files under DATA_DIR by default or Redis with REDIS_URL, with the bot's
 * validation on read and the bot's TTL, and the transcripts beside them.
 */
import path from 'node:path';
import type { StorageAdapter } from 'grammy';
import type { Logger } from 'pino';
import { AtomicFileStorage } from '../bot/file-storage.ts';
import { createFileStorage, guardedStorage, type SessionData } from '../bot/session.ts';
import { createRedisSessionStorage } from '../bot/state/redis-session.ts';
import type { RedisClient } from '../core/infra/redis.ts';

export interface WebStores {
    readonly sessions: StorageAdapter<SessionData>;
    readonly transcripts: StorageAdapter<unknown>;
}

export type WebStoreOptions = { readonly dataDir: string } | { readonly redis: RedisClient; readonly prefix: string; readonly ttlDays: number };

export function createWebStores(options: WebStoreOptions, logger: Logger): WebStores {
    if ('redis' in options) {
        const raw = createRedisSessionStorage({ redis: options.redis, prefix: options.prefix, ttlDays: options.ttlDays });
        return { sessions: guardedStorage(raw, logger), transcripts: raw };
    }
    return {
        sessions: guardedStorage(createFileStorage(options.dataDir), logger),
        // Without fsync: a killed process loses nothing (the page cache keeps it); only a power
        // cut could lose the last lines of a transcript, never a session, which is synced.
        transcripts: new AtomicFileStorage(path.resolve(options.dataDir, 'sessions'), { fsync: false }),
    };
}
