/**
 * Starts a real `redis-server` (Debian's package) for a test: on a Unix socket
 * in a fresh temp folder, with persistence off, so that tests never share
 * state with each other or with a Redis the machine may run.
 *
 * Outside CI a machine without the binary skips the Redis tests with a clear
 * message; in CI (`CI` set) the binary is required, since `.ci/run` installs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createRedis, type RedisClient, type RedisConnectionOptions } from '../../src/core/infra/redis.ts';

export const REDIS_BINARY = process.env.REDIS_SERVER_BIN ?? 'redis-server';

/** True when `redis-server` can be run here. */
export function hasRedisServer(): boolean {
    return spawnSync(REDIS_BINARY, ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Why Redis tests are skipped here, or undefined when they must run.
 * Use as `describe.skipIf(redisSkipReason())(…)`; in CI a missing binary
 * fails loudly instead.
 */
export function redisSkipReason(): string | undefined {
    if (hasRedisServer()) return undefined;
    if (process.env.CI) throw new Error(`redis-server not found (${REDIS_BINARY}); .ci/run installs it with apt`);
    console.warn(`[skip] redis-server not found: Redis tests skipped (apt-get install redis-server to run them)`);
    return 'redis-server not installed';
}

export interface RedisServer {
    /** `unix:///…/redis.sock`, for `createRedis({ url })`. */
    readonly url: string;
    readonly socket: string;
    /** Stops the server (SIGKILL when `hard`), keeping its folder so that `start` brings it back. */
    stop(hard?: boolean): Promise<void>;
    /** Starts it again on the same socket after `stop`. */
    start(): Promise<void>;
    /** Stops it and removes its folder. */
    close(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
    const dir = await mkdtemp(path.join(tmpdir(), 'kejin-redis-'));
    const socket = path.join(dir, 'redis.sock');
    let child: ChildProcess | undefined;

    const start = async () => {
        child = spawn(
            REDIS_BINARY,
            ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--save', '', '--appendonly', 'no', '--dir', dir],
            { stdio: 'ignore' },
        );
        await waitForSocket(socket, 5000);
    };
    const stop = async (hard = false) => {
        const c = child;
        child = undefined;
        if (!c || c.exitCode !== null) return;
        const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
        c.kill(hard ? 'SIGKILL' : 'SIGTERM');
        await exited;
    };
    await start();
    return {
        url: `unix://${socket}`,
        socket,
        stop,
        start,
        close: async () => {
            await stop(true);
            await rm(dir, { recursive: true, force: true });
        },
    };
}

export interface SuiteRedis {
    /** The server; read it in a hook or a test, once the suite's beforeAll has started it. */
    readonly server: RedisServer;
    /** A client on the server (options as for `createRedis`), disconnected after the suite. */
    client(options?: Omit<RedisConnectionOptions, 'url'>): RedisClient;
}

/**
 * The one way a describe block gets a Redis: a fresh server started before
 * its tests; after them every client from `client()` disconnected, the
 * server stopped and its folder removed. Call it in the describe body,
 * before the block's own hooks, which then find the server running.
 */
export function redisForSuite(): SuiteRedis {
    let server: RedisServer | undefined;
    const clients: RedisClient[] = [];
    beforeAll(async () => {
        server = await startRedisServer();
    });
    afterAll(async () => {
        for (const c of clients.splice(0)) c.disconnect();
        await server?.close();
    });
    const running = (): RedisServer => {
        if (!server) throw new Error("redisForSuite: the server starts in the suite's beforeAll; read it in a hook or a test");
        return server;
    };
    return {
        get server() {
            return running();
        },
        client(options = {}) {
            const c = createRedis({ ...options, url: running().url });
            clients.push(c);
            return c;
        },
    };
}

async function waitForSocket(socket: string, ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
        if (await ping(socket)) return;
        await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`redis-server did not answer on ${socket} within ${ms} ms`);
}

function ping(socket: string): Promise<boolean> {
    return new Promise((resolve) => {
        const conn = createConnection(socket);
        conn.once('error', () => resolve(false));
        conn.once('connect', () => conn.write('PING\r\n'));
        conn.once('data', (d) => {
            conn.destroy();
            resolve(d.toString().startsWith('+PONG'));
        });
    });
}
