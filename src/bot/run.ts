/**
 * The three ways to run the bot, each until its AbortSignal fires:
 * long polling (default), webhook (WEBHOOK_URL), and the terminal (no token).
 * Each resolves once the bot has stopped and in-flight updates are done.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { webhookCallback, type Bot } from 'grammy';
import type { BotContext, BotDeps } from './context.ts';
import { registerCommands } from './commands.ts';
import { createBot, describeError, type CreateBotOptions } from './index.ts';
import { runTerminal, TERMINAL_BOT, TERMINAL_TOKEN, type TerminalOptions } from './terminal.ts';

/** How long a webhook shutdown waits for requests in flight. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The update types the bot handles; others are not fetched at all. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

async function registerCommandsSafely(bot: Bot<BotContext>, deps: BotDeps): Promise<void> {
    try {
        await registerCommands(bot.api, deps.config.DEFAULT_LANG);
    } catch (err) {
        deps.logger.warn({ err: describeError(err) }, 'could not register the command menu; the bot runs without it');
    }
}

function untilAborted(signal: AbortSignal): Promise<void> {
    return signal.aborted ? Promise.resolve() : once(signal, 'abort').then(() => undefined);
}

export async function runPolling(deps: BotDeps, signal: AbortSignal, options: CreateBotOptions = {}): Promise<void> {
    const bot = createBot(deps, options);
    if (signal.aborted) return;
    const stop = () => void bot.stop().catch((err: unknown) => deps.logger.warn({ err: describeError(err) }, 'stopping the bot failed'));
    signal.addEventListener('abort', stop, { once: true });
    try {
        await bot.start({
            allowed_updates: ALLOWED_UPDATES,
            onStart: async (me) => {
                deps.logger.info({ bot: me.username, mode: 'polling' }, 'bot started');
                await registerCommandsSafely(bot, deps);
            },
        });
    } catch (err) {
        // Stopped while still starting up: the aborted setup calls are no failure.
        if (!signal.aborted) throw err;
    } finally {
        signal.removeEventListener('abort', stop);
    }
    deps.logger.info('bot stopped');
}

export interface WebhookHandle {
    readonly port: number;
    /** Resolves when the server has closed. */
    readonly done: Promise<void>;
}

/**
 * Serves Telegram's webhook calls at the path of WEBHOOK_URL on
 * WEBHOOK_HOST:WEBHOOK_PORT; requests without the secret token get 401.
 * Meant to sit behind a TLS proxy.
 */
export async function startWebhook(deps: BotDeps, signal: AbortSignal, options: CreateBotOptions = {}): Promise<WebhookHandle> {
    const { config, logger } = deps;
    if (!config.WEBHOOK_URL) throw new Error('kejin: webhook mode needs WEBHOOK_URL');
    if (!config.WEBHOOK_SECRET) throw new Error('kejin: WEBHOOK_SECRET is required with WEBHOOK_URL, so that only Telegram can post updates');
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(config.WEBHOOK_SECRET)) throw new Error('kejin: WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and - (1 to 256 characters)');
    const bot = createBot(deps, options);
    await bot.init();
    const path = new URL(config.WEBHOOK_URL).pathname;
    const handle = webhookCallback(bot, 'http', { secretToken: config.WEBHOOK_SECRET, onTimeout: 'return', timeoutMilliseconds: 9_000 });
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) {
            res.writeHead(404).end();
            return;
        }
        handle(req, res).catch((err: unknown) => {
            logger.error({ err: describeError(err) }, 'webhook request failed');
            if (!res.headersSent) res.writeHead(500).end();
        });
    });
    server.listen(config.WEBHOOK_PORT, config.WEBHOOK_HOST);
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.WEBHOOK_PORT;
    await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES] });
    await registerCommandsSafely(bot, deps);
    logger.info({ bot: bot.botInfo.username, mode: 'webhook', host: config.WEBHOOK_HOST, port }, 'bot started');
    const done = untilAborted(signal).then(async () => {
        // Stop accepting; let requests in flight finish (their updates are handled within),
        // but do not wait on idle keep-alive connections, nor forever on busy ones.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(force);
        logger.info('bot stopped');
    });
    return { port, done };
}

export async function runWebhook(deps: BotDeps, signal: AbortSignal, options: CreateBotOptions = {}): Promise<void> {
    await (await startWebhook(deps, signal, options)).done;
}

export async function runInTerminal(deps: BotDeps, options: Omit<TerminalOptions, 'user'> & { readonly user?: TerminalOptions['user'] }, botOptions: CreateBotOptions = {}): Promise<void> {
    const bot = createBot(deps, { ...botOptions, token: TERMINAL_TOKEN, botInfo: TERMINAL_BOT });
    const user = options.user ?? { id: 10_000, firstName: 'Terminal', languageCode: deps.config.DEFAULT_LANG };
    await runTerminal(bot, { ...options, user });
}
