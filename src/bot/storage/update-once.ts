/**
 * Each update_id is handled once across all instances. Telegram re-sends an
 * update it got no 2xx answer for; the copy may reach another instance.
 *
 * The claim is a lease (`SET NX PX`, renewed while the update runs) that
 * becomes a `done` mark kept a day once the update has been handled
 * (Telegram keeps an update at most 24 hours). A copy that arrives:
 * - after `done`: is acknowledged and not handled again;
 * - while the first is still running: is refused with UpdateBusyError, which
 *   the webhook answers 503, so that Telegram tries again later (and keeps
 *   the chat's next updates queued meanwhile) instead of the update running
 *   twice or being acknowledged before it is done;
 * - after the instance running it died: finds the lease expired (it was no
 *   longer renewed) and handles it. Nothing acknowledged is lost.
 *
 * When Redis cannot be reached the claim is skipped (logged once per
 * outage) and the update goes on; the per-user lock then fails it with a
 * short apology.
 */
import type { Context, MiddlewareFn } from 'grammy';
import type { Logger } from 'pino';
import { redisKey, type RedisClient } from '../../core/infra/redis.ts';
import { tryLease } from './lease.ts';

export interface UpdateOnceOptions {
    readonly redis: RedisClient;
    readonly prefix: string;
    readonly logger?: Logger;
    /** Lease length without renewal, in ms: how soon a copy may run after the instance handling it died. Default 10,000. */
    readonly ttlMs?: number;
    /** How long a handled update is remembered, in s. Default 86,400 (Telegram keeps updates a day). */
    readonly doneSeconds?: number;
}

const DONE = 'done';

/** A copy of an update that another instance (or this one) is still handling. */
export class UpdateBusyError extends Error {
    override name = 'UpdateBusyError';
    constructor(readonly updateId: number) {
        super(`update ${updateId} is still being handled; try again later`);
    }
}

export function updateOnce<C extends Context>(options: UpdateOnceOptions): MiddlewareFn<C> {
    const ttlMs = options.ttlMs ?? 10_000;
    const doneSeconds = options.doneSeconds ?? 86_400;
    let down = false;
    return async (ctx, next) => {
        const id = ctx.update.update_id;
        const key = redisKey(options.prefix, 'update', id);
        let lease;
        try {
            lease = await tryLease(options.redis, key, { ttlMs, tokenPrefix: 'run:' });
            if (!lease) {
                const held = await options.redis.get(key);
                if (held === DONE) {
                    options.logger?.debug({ update_id: id }, 'update already handled; acknowledged again');
                    return;
                }
                throw new UpdateBusyError(id);
            }
            if (down) options.logger?.info('update dedupe works again');
            down = false;
        } catch (err) {
            if (err instanceof UpdateBusyError) throw err;
            if (!down) options.logger?.warn({ err: (err as Error).message }, 'redis unreachable: updates are handled without dedupe');
            down = true;
            return next();
        }
        try {
            await next();
        } catch (err) {
            // Not handled: let a re-sent copy try again.
            await lease.release().catch(() => undefined);
            throw err;
        }
        await lease
            .settle(DONE, doneSeconds)
            .catch((err: unknown) => options.logger?.warn({ update_id: id, err: (err as Error).message }, 'update handled, but not marked done'));
    };
}
