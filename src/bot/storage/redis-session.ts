/**
 * Sessions in Redis, through `@grammyjs/storage-redis`, under the kejin
 * prefix and with a TTL refreshed on every write, so that the profiles of
 * firms that stopped talking to the bot expire. `createBot` wraps this store
 * in the same validation on read as the file store (session.ts).
 */
import { RedisAdapter } from '@grammyjs/storage-redis';
import type { StorageAdapter } from 'grammy';
import { redisKey, type RedisClient } from '../../core/infra/redis.ts';

export interface RedisSessionOptions {
    readonly redis: RedisClient;
    readonly prefix: string;
    /** Days a session lives after its last write (SESSION_TTL_DAYS). */
    readonly ttlDays: number;
}

export function createRedisSessionStorage(options: RedisSessionOptions): StorageAdapter<unknown> {
    const inner = new RedisAdapter<unknown>({ instance: options.redis, ttl: Math.round(options.ttlDays * 86_400) });
    const key = (k: string) => redisKey(options.prefix, 'session', k);
    return {
        read: (k) => inner.read(key(k)),
        write: (k, v) => inner.write(key(k), v),
        delete: (k) => inner.delete(key(k)),
    };
}
