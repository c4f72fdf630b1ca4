/**
 * A Redis store for `@grammyjs/ratelimiter` whose increment and expiry are
 * one step. The plugin's own Redis store runs INCR, then PEXPIRE when the
 * count is 1: a process that dies between the two leaves a counter with no
 * expiry, and that user is limited for good.
 *
 * Here `incr` sends `SET key 0 PX window NX` and `INCR key` in one
 * MULTI/EXEC transaction: Redis runs both or neither, with no other command
 * in between, so every counter is born with its expiry (INCR keeps a key's
 * TTL). No script is needed. The plugin then calls `pexpire` only for a
 * count of 1, which is already done, so that call does nothing.
 */
import { redisKey, type RedisClient } from '../../core/infra/redis.ts';

/** The two methods the plugin calls (its `RedisType`). */
export interface RateLimitStore {
    incr(key: string): Promise<number>;
    pexpire(key: string, milliseconds: number): Promise<number>;
}

export function redisRateLimitStore(redis: RedisClient, prefix: string, windowMs: number): RateLimitStore {
    return {
        async incr(key) {
            const at = redisKey(prefix, 'ratelimit', key);
            const results = await redis.multi().set(at, 0, 'PX', windowMs, 'NX').incr(at).exec();
            const failed = results?.find(([err]) => err);
            if (!results || failed) throw failed?.[0] ?? new Error('rate limit transaction discarded');
            return results[1]![1] as number;
        },
        pexpire: async () => 1,
    };
}
