/**
 * Several real instances behind a load balancer on loopback: a small
 * round-robin HTTP proxy (a backend that refuses the connection gets 502,
 * as from a load balancer that has not yet noticed it is gone), and `kejin
 * bot` processes in webhook mode sharing one Redis.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_BOT } from './fake-bot-api.ts';
import { spawnBot, type SpawnedBot } from './spawned-bot.ts';

export interface Proxy {
    readonly url: string;
    /** `host:port` of each backend, in turn; may change while running. */
    readonly backends: string[];
    /** How many requests each backend was sent. */
    readonly sent: Map<string, number>;
    close(): Promise<void>;
}

export async function startProxy(backends: string[] = []): Promise<Proxy> {
    let next = 0;
    const sent = new Map<string, number>();
    const server: Server = createServer((req, res) => {
        const target = backends[next++ % backends.length];
        if (!target) return void res.writeHead(503).end('no backend');
        sent.set(target, (sent.get(target) ?? 0) + 1);
        const [host, port] = target.split(':');
        const upstream = request({ host, port: Number(port), method: req.method, path: req.url, headers: req.headers }, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
        });
        upstream.on('error', () => {
            if (!res.headersSent) res.writeHead(502).end('backend unreachable');
            else res.destroy();
        });
        req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        backends,
        sent,
        close: () =>
            new Promise((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

export const WEBHOOK_PATH = '/telegram/hook';
export const WEBHOOK_SECRET = 'scale-test-secret_0123';

export interface BotInstance {
    readonly bot: SpawnedBot;
    /** `127.0.0.1:port` */
    readonly address: string;
}

/** Starts `kejin bot` in webhook mode with the shared state on `redisUrl`, the bot's identity preset. */
export async function startBotInstance(options: {
    apiUrl: string;
    token: string;
    redisUrl: string;
    prefix: string;
    cwd: string;
    env?: Record<string, string>;
}): Promise<BotInstance> {
    const bot = spawnBot(
        {
            TELEGRAM_BOT_TOKEN: options.token,
            TELEGRAM_API_ROOT: options.apiUrl,
            TELEGRAM_BOT_INFO: JSON.stringify(TEST_BOT),
            WEBHOOK_URL: `https://bot.example.invalid${WEBHOOK_PATH}`,
            WEBHOOK_SECRET,
            WEBHOOK_HOST: '127.0.0.1',
            WEBHOOK_PORT: '0',
            REDIS_URL: options.redisUrl,
            KEJIN_REDIS_PREFIX: options.prefix,
            BOT_RATE_LIMIT_PER_MINUTE: '1000',
            DATA_DIR: options.cwd,
            QUESTION_LOG: 'off',
            KNOWLEDGE_RESCAN_SECONDS: '0',
            ...options.env,
        },
        options.cwd,
    );
    const started = await bot.waitFor((l) => l.msg === 'bot started', 30_000, 'the bot to start');
    return { bot, address: `127.0.0.1:${String(started.port)}` };
}
