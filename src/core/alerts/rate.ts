/**
 * The pace of bulk sends: at most `perSecond` messages in any second, in
 * all (Telegram allows about 30 a second to one bot). A send takes a slot
 * first; slots are spaced evenly, 1000 / perSecond ms apart, so no window
 * of one second ever holds more than `perSecond`.
 *
 * With several instances the slots must be shared, or two instances send
 * twice the rate (39 a second were measured with two). `redisSendRate`
 * keeps the next free slot in Redis, on Redis's clock, so that every
 * instance draws from one pace; `localSendRate` is for one process.
 */
import { redisKey, type RedisClient } from '../infra/redis.ts';

export interface SendRate {
    /** Resolves when the caller may send one message; rejects with the signal's reason once it is aborted. */
    take(signal?: AbortSignal): Promise<void>;
}

/** Telegram's limit is about 30 a second to one bot; this leaves room for the bot's own replies. */
export const DEFAULT_ALERTS_PER_SECOND = 25;

export function spacingMs(perSecond: number): number {
    return Math.ceil(1000 / perSecond);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason as Error);
        const done = () => {
            signal?.removeEventListener('abort', abort);
            resolve();
        };
        const timer = setTimeout(done, ms);
        const abort = () => {
            clearTimeout(timer);
            reject(signal!.reason as Error);
        };
        signal?.addEventListener('abort', abort, { once: true });
    });
}

/** Callers in turn: each `take` starts once the previous one has its slot, so that slots go out in call order. */
function inTurn(take: (signal?: AbortSignal) => Promise<void>): SendRate {
    let queue: Promise<unknown> = Promise.resolve();
    return {
        take(signal) {
            const mine = queue.then(() => take(signal));
            queue = mine.catch(() => undefined);
            return mine;
        },
    };
}

/** Slots for this process alone. */
export function localSendRate(perSecond = DEFAULT_ALERTS_PER_SECOND): SendRate {
    const spacing = spacingMs(perSecond);
    let next = 0;
    return inTurn(async (signal) => {
        const wait = next - Date.now();
        if (wait > 0) await sleep(wait, signal);
        signal?.throwIfAborted();
        next = Math.max(Date.now(), next) + spacing;
    });
}

/**
 * Books the next free slot at KEYS[1], on the server's clock, and returns
 * the ms until it is due. Each instance books one slot at a time (its
 * callers go in turn), so that a caller that stops waiting (a shutdown)
 * leaves at most one unused slot behind.
 */
const BOOK_SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], slot + tonumber(ARGV[1]), 'PX', slot - now + tonumber(ARGV[1]) + 1000)
return slot - now`;

/**
 * Slots shared by every instance on one Redis. Within a process callers go
 * in turn, so that only one per instance asks Redis at a time. Redis
 * errors propagate: an alert run then fails and is tried again later.
 */
export function redisSendRate(redis: RedisClient, prefix: string, perSecond = DEFAULT_ALERTS_PER_SECOND): SendRate {
    const spacing = spacingMs(perSecond);
    const key = redisKey(prefix, 'alerts', 'rate');
    return inTurn(async (signal) => {
        signal?.throwIfAborted();
        const wait = Number(await redis.eval(BOOK_SLOT, 1, key, spacing));
        if (wait > 0) await sleep(wait, signal);
    });
}
