/**
 * Fixed-window request counters for the page: per session and per address.
 * In this process by default; in Redis with REDIS_URL, so that every
 * instance behind a load balancer counts the same requests. A counter is
 * born with its expiry in one MULTI (as the bot's Redis limiter store), so
 * no crash can leave a counter that never resets. A refusal says when to
 * come back (`Retry-After`).
 */
import { createHash } from 'node:crypto';
import { redisKey, type RedisClient } from '../core/infra/redis.ts';

export interface Verdict {
    readonly ok: boolean;
    /** Seconds until the window ends (for `Retry-After`). */
    readonly retryAfter: number;
}

export interface Limiter {
    /** Counts one request for `key`; over `limit` in the window it is refused. */
    hit(key: string, limit: number): Promise<Verdict>;
}

export const WINDOW_MS = 60_000;

/** Keys are hashed: a session id is a credential and an address is personal. */
function hashed(key: string): string {
    return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}

export function memoryLimiter(windowMs = WINDOW_MS): Limiter {
    const windows = new Map<string, { count: number; resetAt: number }>();
    let lastSweep = Date.now();
    return {
        hit(key, limit) {
            const now = Date.now();
            // Forget ended windows now and then, so that memory stays bounded by the active keys.
            if (now - lastSweep > windowMs) {
                for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
                lastSweep = now;
            }
            const k = hashed(key);
            let w = windows.get(k);
            if (!w || w.resetAt <= now) {
                w = { count: 0, resetAt: now + windowMs };
                windows.set(k, w);
            }
            w.count++;
            return Promise.resolve({ ok: w.count <= limit, retryAfter: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) });
        },
    };
}

export function redisLimiter(redis: RedisClient, prefix: string, windowMs = WINDOW_MS): Limiter {
    return {
        async hit(key, limit) {
            const at = redisKey(prefix, 'ratelimit', 'web', hashed(key));
            const results = await redis.multi().set(at, 0, 'PX', windowMs, 'NX').incr(at).pttl(at).exec();
            const failed = results?.find(([err]) => err);
            if (!results || failed) throw failed?.[0] ?? new Error('rate limit transaction discarded');
            const count = results[1]![1] as number;
            const ttl = results[2]![1] as number;
            return { ok: count <= limit, retryAfter: Math.max(1, Math.ceil((ttl > 0 ? ttl : windowMs) / 1000)) };
        },
    };
}
