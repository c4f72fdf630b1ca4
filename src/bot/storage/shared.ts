/**
 * Everything several bot instances must share, on one Redis: sessions, rate
 * limit counters, the once-per-update claim and the per-user lock.
 * `createBot` takes this as `options.shared`; without it the bot keeps all of
 * it in this process and in files, as a single machine needs.
 */
import type { Context, MiddlewareFn, StorageAdapter } from 'grammy';
import type { Logger } from 'pino';
import type { RedisClient } from '../../core/infra/redis.ts';
import { redisRateLimitStore, type RateLimitStore } from './redis-rate-limit.ts';
import { createRedisSessionStorage } from './redis-session.ts';
import { updateOnce } from './update-once.ts';
import { redisUserLock } from './user-lock.ts';

export { UpdateBusyError } from './update-once.ts';
export { LockTimeoutError } from './user-lock.ts';

export interface SharedStateOptions {
    readonly redis: RedisClient;
    readonly prefix: string;
    /** SESSION_TTL_DAYS. */
    readonly sessionTtlDays: number;
    readonly logger?: Logger;
    /** Lease length of the per-user lock and the update claim, in ms: how long a dead instance holds them. Default 10,000. */
    readonly leaseMs?: number;
}

export interface SharedBotState<C extends Context> {
    readonly storage: StorageAdapter<unknown>;
    /** A rate-limit store for a window of `windowMs`. */
    rateLimitStore(windowMs: number): RateLimitStore;
    /** Before the error boundary: a re-sent update is not handled twice. */
    readonly updateOnce: MiddlewareFn<C>;
    /** Inside the error boundary, after `sequentialize`: one update per user at a time across instances. */
    readonly userLock: MiddlewareFn<C>;
}

export function createSharedBotState<C extends Context>(options: SharedStateOptions, sessionKey: (ctx: C) => string | undefined): SharedBotState<C> {
    const { redis, prefix } = options;
    const ttlMs = options.leaseMs ?? 10_000;
    return {
        storage: createRedisSessionStorage({ redis, prefix, ttlDays: options.sessionTtlDays }),
        rateLimitStore: (windowMs) => redisRateLimitStore(redis, prefix, windowMs),
        updateOnce: updateOnce<C>({ redis, prefix, ttlMs, ...(options.logger ? { logger: options.logger } : {}) }),
        userLock: redisUserLock<C>(sessionKey, { redis, prefix, ttlMs }),
    };
}
