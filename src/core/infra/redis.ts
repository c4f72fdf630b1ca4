/**
 * The one place a Redis client is made. Every piece of shared state (sessions,
 * rate limits, update dedupe, locks, the question log, alerts) takes a client
 * from here and names its keys with `redisKey`, so that all of kejin's keys
 * sit under one prefix and an operator can find, count or flush them at once.
 *
 * Nothing here reads the environment or connects at import: an entry point
 * passes the URL and prefix it read from config.
 */
import { createRequire } from 'node:module';
import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

export interface RedisConnectionOptions {
    /** `redis://[:password@]host:port[/db]`, `rediss://…` or `unix:///path/to/redis.sock`. */
    readonly url: string;
    /** Prefix of every key, e.g. `kejin:`. Default `kejin:`. */
    readonly prefix?: string;
    /**
     * How long one command may wait for a connection before it fails, in ms.
     * Default 2000: a user then gets a short apology instead of a reply that
     * hangs while Redis restarts.
     */
    readonly commandTimeoutMs?: number;
    /** Name shown by `CLIENT LIST`, for operators. Default `kejin`. */
    readonly connectionName?: string;
    /** Told once when the connection is lost and once when it is back. */
    readonly logger?: Logger;
}

export const DEFAULT_REDIS_PREFIX = 'kejin:';

export type RedisClient = Redis;

/** Options shared by every client, so that a subscriber and a command client behave alike. */
export function redisOptions(options: RedisConnectionOptions): RedisOptions {
    return {
        connectionName: options.connectionName ?? 'kejin',
        // Fail a command fast while disconnected instead of queueing it for
        // ever; ioredis keeps reconnecting in the background.
        maxRetriesPerRequest: 1,
        commandTimeout: options.commandTimeoutMs ?? 2000,
        connectTimeout: options.commandTimeoutMs ?? 2000,
        retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2000),
        lazyConnect: false,
        // A socket whose connection was refused never closes on `end()`, and ioredis
        // then holds the process for this long (default 2 s) before it destroys it.
        disconnectTimeout: 200,
    };
}

/**
 * ioredis, loaded on the first client: most starts (no REDIS_URL) never
 * need it, and loading it costs ~70 ms of the half second a start may take.
 * It is a CommonJS package, so `require` loads it synchronously.
 */
let redisClass: typeof Redis | undefined;
const loadRedis = (): typeof Redis => (redisClass ??= (createRequire(import.meta.url)('ioredis') as { Redis: typeof Redis }).Redis);

/** A client for `options.url`. The caller owns it and must `quit()` it on shutdown. */
export function createRedis(options: RedisConnectionOptions): RedisClient {
    const url = options.url;
    const base = redisOptions(options);
    const Redis = loadRedis();
    const client = url.startsWith('unix://') ? new Redis({ ...base, path: new URL(url).pathname }) : new Redis(url, base);
    watchOutages(client, options.logger);
    return client;
}

/**
 * ioredis emits `error` on every failed reconnect attempt; unhandled, that is
 * a line per attempt on stderr. One line when the outage starts and one when
 * it ends is what an operator needs. The URL is never logged: it may hold a
 * password.
 */
function watchOutages(client: Redis, logger: Logger | undefined): void {
    let down = false;
    client.on('error', (err: Error) => {
        if (down) return;
        down = true;
        logger?.error({ code: (err as NodeJS.ErrnoException).code }, 'redis unreachable; retrying in the background');
    });
    client.on('ready', () => {
        if (!down) return;
        down = false;
        logger?.info('redis reachable again');
    });
}

/**
 * Warns when Redis may delete keys to make room (`maxmemory-policy` other
 * than `noeviction`): saved firm profiles, subscriptions and the alert
 * ledger would then vanish without a word. With `allkeys-lru` 22 of 40
 * profiles were lost, with `volatile-lru` (a common managed default, and
 * sessions carry a TTL) 40 of 40. Checked at the first connection (Redis
 * may be down at start); read with INFO, which managed services allow
 * where CONFIG GET is often disabled. Resolves with the policy, or
 * undefined when it could not be read.
 */
export function warnIfEvicting(client: RedisClient, logger: Logger): Promise<string | undefined> {
    return new Promise((resolve) => {
        const check = () => {
            client
                .info('memory')
                .then((info) => {
                    const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
                    if (policy && policy !== 'noeviction') {
                        logger.warn(
                            { maxmemoryPolicy: policy },
                            'redis may evict keys (maxmemory-policy is not noeviction): saved profiles and alert subscriptions can vanish; ' +
                                'set maxmemory-policy noeviction (docs/deploy.md)',
                        );
                    }
                    resolve(policy);
                })
                .catch(() => resolve(undefined));
        };
        if (client.status === 'ready') check();
        else client.once('ready', check);
    });
}

/** How long a shutdown waits for a connected client's pending replies before it drops the connection. */
const QUIT_GRACE_MS = 300;

function within<T>(ms: number, task: Promise<T>, otherwise: T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(otherwise), ms)));
    return Promise.race([task, late]).finally(() => clearTimeout(timer));
}

/**
 * True when Redis answers a PING within `ms`. A server that hangs (a
 * network partition, a stopped process) leaves the connection "ready"
 * while nothing answers, so the status alone cannot tell.
 */
export async function redisAnswers(client: RedisClient, ms: number): Promise<boolean> {
    if (client.status !== 'ready') return false;
    return within(
        ms,
        client.ping().then(
            () => true,
            () => false,
        ),
        false,
    );
}

/**
 * Closes a client on shutdown without waiting on an outage. ioredis queues
 * `QUIT` behind any command waiting for a reconnection, so a plain `quit()`
 * while Redis is unreachable waits out the command timeout, once per client
 * in turn: a stop then took 3.5 to 10 s. A client that is not connected is
 * dropped at once; a connected one gets QUIT_GRACE_MS for its replies.
 */
export async function closeRedis(client: RedisClient, graceMs = QUIT_GRACE_MS): Promise<void> {
    if (client.status === 'ready')
        await within(
            graceMs,
            client.quit().then(
                () => undefined,
                () => undefined,
            ),
            undefined,
        );
    client.disconnect();
}

/** `redisKey('kejin:', 'session', '42')` → `kejin:session:42`. */
export function redisKey(prefix: string, ...parts: readonly (string | number)[]): string {
    return prefix + parts.join(':');
}
