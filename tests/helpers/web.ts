/**
 * Helpers for the web chat tests: an in-process server on the shipped
 * knowledge (HTTP-level tests), `kejin web` started as a process (browser
 * tests), and a small cookie-keeping client.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { silentLogger } from '../../src/logger.ts';
import { memoryLimiter } from '../../src/web/limit.ts';
import { createWebStores } from '../../src/web/stores.ts';
import { startWebServer, type RunningWebServer, type WebDeps, type WebOptions } from '../../src/web/server.ts';
import { shippedService } from './knowledge.ts';
import { KEJIN_BIN, SHIPPED_KNOWLEDGE } from './paths.ts';
import { removeDir, tempDir } from './temp.ts';

export const WEB_DEFAULTS: WebOptions = {
    host: '127.0.0.1',
    port: 0,
    trustProxy: false,
    maxBodyBytes: 16 * 1024,
    sessionRatePerMinute: 1000,
    ipRatePerMinute: 10_000,
    sessionTtlDays: 180,
    defaultLang: 'zh',
};

export interface InProcessWeb {
    readonly web: RunningWebServer;
    readonly dataDir: string;
    close(): Promise<void>;
}

export async function startInProcess(
    options: Partial<WebOptions> = {},
    mcp?: WebDeps['mcp'],
    extra: Partial<Pick<WebDeps, 'questionLog' | 'feedback'>> = {},
): Promise<InProcessWeb> {
    const dataDir = tempDir('kejin-web-');
    const web = await startWebServer(
        {
            service: await shippedService(),
            logger: silentLogger,
            ...createWebStores({ dataDir }, silentLogger),
            limiter: memoryLimiter(),
            ...(mcp ? { mcp } : {}),
            ...extra,
        },
        { ...WEB_DEFAULTS, ...options },
    );
    return {
        web,
        dataDir,
        close: async () => {
            await web.close();
            removeDir(dataDir);
        },
    };
}

/** A browser-like client: keeps the session cookie and the CSRF token of the last page. */
export class Client {
    cookie = '';
    csrf = '';
    constructor(
        readonly base: string,
        readonly headers: Record<string, string> = {},
    ) {}

    async page(extra: Record<string, string> = {}): Promise<Response> {
        const res = await fetch(this.base, { headers: { ...this.headers, ...(this.cookie ? { Cookie: this.cookie } : {}), ...extra } });
        this.keep(res);
        const html = await res.clone().text();
        this.csrf = /<meta name="csrf" content="([^"]+)">/.exec(html)?.[1] ?? this.csrf;
        return res;
    }

    keep(res: Response): void {
        const set = res.headers.get('set-cookie');
        if (set) this.cookie = set.split(';')[0]!;
    }

    async chat(body: unknown, extra: Record<string, string> = {}): Promise<Response> {
        const res = await fetch(new URL('/chat', this.base), {
            method: 'POST',
            headers: {
                'Content-Type': 'application/json',
                'X-CSRF-Token': this.csrf,
                Cookie: this.cookie,
                Origin: new URL(this.base).origin,
                ...this.headers,
                ...extra,
            },
            body: typeof body === 'string' ? body : JSON.stringify(body),
        });
        this.keep(res);
        return res;
    }

    async form(fields: Record<string, string>, extra: Record<string, string> = {}): Promise<Response> {
        const res = await fetch(this.base, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: this.cookie, ...this.headers, ...extra },
            body: new URLSearchParams({ csrf: this.csrf, ...fields }).toString(),
        });
        this.keep(res);
        return res;
    }
}

export interface WebProcess {
    readonly url: string;
    readonly child: ChildProcess;
    stop(): Promise<void>;
}

/** `kejin web --port 0` as a process; resolves with its address once it listens. */
export async function startWebProcess(env: Record<string, string>): Promise<WebProcess> {
    const child = spawn(process.execPath, [KEJIN_BIN, 'web', '--port', '0'], {
        env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            LOG_LEVEL: 'info',
            KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
            WEB_IP_RATE_LIMIT_PER_MINUTE: '10000',
            WEB_RATE_LIMIT_PER_MINUTE: '1000',
            ...env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`kejin web did not start in 30 s:\n${err}`)), 30_000);
        child.stderr!.setEncoding('utf8').on('data', (d: string) => {
            err += d;
            const m = /listening on (http:\/\/[^\s"]+\/)/.exec(err);
            if (m) {
                clearTimeout(timer);
                resolve(m[1]!);
            }
        });
        child.once('exit', (code) => reject(new Error(`kejin web exited (${code}):\n${err}`)));
    });
    return {
        url,
        child,
        stop: () =>
            new Promise<void>((resolve) => {
                if (child.exitCode !== null || child.signalCode !== null) return resolve();
                child.once('exit', () => resolve());
                child.kill('SIGTERM');
            }),
    };
}
