/**
 * A lease in Redis: a key that one holder owns until it lets go or stops
 * renewing it (it died). The basis of the per-user lock and of the
 * once-per-update claim. Owning is `SET key token NX PX ms`; renewing and
 * releasing compare the token first, in one script, so that a holder whose
 * lease ran out can never extend or delete the next holder's.
 */
import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../core/infra/redis.ts';

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const REPLACE = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) return 1 else return 0 end`;

export interface Lease {
    readonly key: string;
    readonly token: string;
    /** Lets go, if still ours. */
    release(): Promise<void>;
    /** Replaces the lease by `value` kept `seconds` (e.g. "done"), if still ours. */
    settle(value: string, seconds: number): Promise<boolean>;
}

export interface LeaseOptions {
    /** How long the lease lives without renewal, in ms. */
    readonly ttlMs: number;
    /** Renewed every this many ms while held. Default ttlMs / 3. */
    readonly renewMs?: number;
    /** Prefix of the stored token, so that readers can tell a lease from another value. Default `lease:`. */
    readonly tokenPrefix?: string;
}

/** Takes the lease at `key`, or returns undefined when someone holds it. Redis errors propagate. */
export async function tryLease(redis: RedisClient, key: string, options: LeaseOptions): Promise<Lease | undefined> {
    const token = `${options.tokenPrefix ?? 'lease:'}${randomUUID()}`;
    const taken = await redis.set(key, token, 'PX', options.ttlMs, 'NX');
    if (taken !== 'OK') return undefined;
    const renew = setInterval(
        () => void redis.eval(RENEW, 1, key, token, options.ttlMs).catch(() => undefined),
        options.renewMs ?? Math.max(50, Math.floor(options.ttlMs / 3)),
    );
    renew.unref();
    return {
        key,
        token,
        async release() {
            clearInterval(renew);
            await redis.eval(RELEASE, 1, key, token);
        },
        async settle(value, seconds) {
            clearInterval(renew);
            return (await redis.eval(REPLACE, 1, key, token, value, seconds)) === 1;
        },
    };
}
