/**
 * One update at a time per session key across every instance: a short
 * Redis lease per key, renewed while the update runs and released when it
 * ends. Together with Telegram's own order per chat (the next update of a
 * chat is sent only once the previous one was answered) and `sequentialize`
 * inside each process (which keeps an instance's own waiters off Redis),
 * two updates of one user never read the same session and both write it.
 *
 * A holder that dies stops renewing, so its lease ends within `ttlMs` and the
 * next update goes on. When Redis cannot be reached the update fails, and
 * the error boundary tells the user so briefly: better than answering from
 * an empty session.
 */
import type { Context, MiddlewareFn } from 'grammy';
import type { RedisClient } from '../../core/infra/redis.ts';
import { redisKey } from '../../core/infra/redis.ts';
import { tryLease } from './lease.ts';

export interface UserLockOptions {
    readonly redis: RedisClient;
    readonly prefix: string;
    /** Lease length without renewal, in ms: how long a dead holder blocks its user. Default 10,000. */
    readonly ttlMs?: number;
    /** Longest wait for the lock before the update fails, in ms. Default 15,000. */
    readonly waitMs?: number;
    /** First pause between attempts, doubling up to 200 ms. Default 10. */
    readonly retryMs?: number;
}

export class LockTimeoutError extends Error {
    override name = 'LockTimeoutError';
}

export function redisUserLock<C extends Context>(keyOf: (ctx: C) => string | undefined, options: UserLockOptions): MiddlewareFn<C> {
    const ttlMs = options.ttlMs ?? 10_000;
    const waitMs = options.waitMs ?? 15_000;
    return async (ctx, next) => {
        const id = keyOf(ctx);
        if (id === undefined) return next();
        const key = redisKey(options.prefix, 'lock', 'user', id);
        const deadline = Date.now() + waitMs;
        let pause = options.retryMs ?? 10;
        for (;;) {
            const lease = await tryLease(options.redis, key, { ttlMs });
            if (lease) {
                try {
                    return await next();
                } finally {
                    await lease.release().catch(() => undefined); // it expires on its own
                }
            }
            if (Date.now() + pause > deadline) throw new LockTimeoutError(`another update of this user held the lock for over ${waitMs} ms`);
            await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause));
            pause = Math.min(pause * 2, 200);
        }
    };
}
