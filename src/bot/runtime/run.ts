/**
 * The three ways to run the bot, each until its AbortSignal fires:
 * long polling (default), webhook (WEBHOOK_URL), and the terminal (no token).
 * Each resolves once the bot has stopped and in-flight updates are done.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { run } from '@grammyjs/runner';
import { BotError, webhookCallback, type Bot } from 'grammy';
import type { BotContext, BotDeps } from './context.ts';
import { registerCommands } from './commands.ts';
import { createBot, describeError, UPDATE_BUDGET_MS, type CreateBotOptions } from './create-bot.ts';
import { UpdateBusyError } from '../storage/update-once.ts';
import { apiSignal } from './abort.ts';
import { boundedHttpAdapter, WebhookRequestError } from './webhook.ts';
import { runTerminal, TERMINAL_BOT, TERMINAL_TOKEN, type TerminalOptions } from './terminal.ts';
import { webhookSettings } from '../../config.ts';

/**
 * How long a shutdown lets updates in flight finish before it cuts their
 * Bot API calls; the whole stop then takes a few seconds at most.
 */
const SHUTDOWN_GRACE_MS = 3_000;
/** Updates handled at once in long polling; those of one user still run in order. */
const POLLING_CONCURRENCY = 100;
/** Pause between polls while the Bot API cannot be reached. */
const POLL_RETRY_MS = 1_000;
/** How long the call that confirms the last handled updates may take at shutdown. */
const CONFIRM_TIMEOUT_MS = 2_000;

/**
 * How long a webhook client may take to send its request line and headers,
 * and the whole request with its body. Telegram posts an update in well
 * under a second; Node's defaults (60 s and 300 s, checked every 30 s) let a
 * client trickling bytes hold a connection 72 to 88 s, or 300 s and more.
 * They bound receiving the request only: an update that takes long to
 * handle is not cut by them (the update budget does that).
 */
export const WEBHOOK_HEADERS_TIMEOUT_MS = 5_000;
export const WEBHOOK_REQUEST_TIMEOUT_MS = 10_000;
/** How often Node checks those two timeouts. */
const WEBHOOK_TIMEOUT_CHECK_MS = 1_000;

/** grammY's webhook timeout is the update budget plus this, so that the budget always ends an update first. */
const WEBHOOK_TIMEOUT_MARGIN_MS = 5_000;

/** The update types the bot handles; others are not fetched at all. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

async function registerCommandsSafely(bot: Bot<BotContext>, deps: BotDeps, signal: AbortSignal): Promise<void> {
    try {
        await registerCommands(bot.api, deps.config.DEFAULT_LANG, signal);
    } catch (err) {
        if (!signal.aborted) deps.logger.warn({ err: describeError(err) }, 'could not register the command menu; the bot runs without it');
    }
}

function untilAborted(signal: AbortSignal): Promise<void> {
    return signal.aborted ? Promise.resolve() : once(signal, 'abort').then(() => undefined);
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Updates in flight, so that a shutdown can wait for them (within its grace) and knows which are done. */
class InFlight {
    private readonly _tasks = new Map<number, Promise<void>>();
    private _highest = 0;

    track(updateId: number, task: Promise<void>): Promise<void> {
        this._highest = Math.max(this._highest, updateId);
        this._tasks.set(updateId, task);
        return task.finally(() => this._tasks.delete(updateId));
    }

    /** Waits for every update in flight, or until `ms` have passed. */
    async settle(ms: number): Promise<void> {
        if (this._tasks.size === 0) return;
        await Promise.race([Promise.allSettled(this._tasks.values()), sleep(ms)]);
    }

    /** The offset that confirms every finished update and none that is unfinished; undefined before any update. */
    confirmOffset(): number | undefined {
        if (this._highest === 0) return undefined;
        return this._tasks.size > 0 ? Math.min(...this._tasks.keys()) : this._highest + 1;
    }
}

/**
 * Long polling with `@grammyjs/runner`: updates are handled concurrently
 * (per-user order is kept by the bot's `sequentialize`). Every phase stops
 * on `signal` within a few seconds: the start-up calls (getMe,
 * deleteWebhook, which retry while the Bot API is unreachable) are aborted,
 * polling is cut, and updates in flight get SHUTDOWN_GRACE_MS before their
 * calls are aborted; then the handled updates are confirmed to Telegram.
 */
export async function runPolling(deps: BotDeps, signal: AbortSignal, options: CreateBotOptions = {}): Promise<void> {
    const { logger } = deps;
    const hardStop = new AbortController();
    const bot = createBot(deps, { ...options, signal: hardStop.signal });
    if (signal.aborted) return;
    try {
        await bot.init(apiSignal(signal));
        await bot.api.deleteWebhook(undefined, apiSignal(signal));
    } catch (err) {
        if (signal.aborted) {
            logger.info('bot stopped during start-up');
            return;
        }
        throw err;
    }
    const inFlight = new InFlight();
    const runner = run(
        {
            api: bot.api,
            handleUpdate: (update) => inFlight.track(update.update_id, bot.handleUpdate(update)),
            errorHandler: (err: BotError<BotContext>) => bot.errorHandler(err),
        },
        {
            // Retry polling every second for as long as the Bot API is away (the outage is logged by
            // the bot's API watch); the runner's own messages would print raw errors to stderr.
            runner: {
                fetch: { allowed_updates: ALLOWED_UPDATES, timeout: 30 },
                silent: true,
                retryInterval: POLL_RETRY_MS,
                maxRetryTime: Number.POSITIVE_INFINITY,
            },
            sink: { concurrency: POLLING_CONCURRENCY },
        },
    );
    logger.info({ bot: bot.botInfo.username, mode: 'polling' }, 'bot started');
    void registerCommandsSafely(bot, deps, signal);
    const task = runner.task();
    const failed = task ? task.then(() => undefined) : Promise.resolve();
    await Promise.race([untilAborted(signal), failed]);
    // Stopped, or polling gave up (a revoked token: 401; another instance polling: 409).
    const stopping = runner.isRunning() ? runner.stop() : Promise.resolve();
    await stopping.catch(() => undefined);
    await inFlight.settle(SHUTDOWN_GRACE_MS);
    hardStop.abort();
    await inFlight.settle(500);
    await confirm(bot, inFlight.confirmOffset(), deps);
    logger.info('bot stopped');
    await failed; // rethrows why polling gave up
}

/** Tells Telegram which updates are done, so that a restart does not get them again. */
async function confirm(bot: Bot<BotContext>, offset: number | undefined, deps: BotDeps): Promise<void> {
    if (offset === undefined) return;
    try {
        await bot.api.getUpdates({ offset, limit: 1, timeout: 0 }, apiSignal(AbortSignal.timeout(CONFIRM_TIMEOUT_MS)));
    } catch (err) {
        deps.logger.warn({ err: describeError(err) }, 'could not confirm the handled updates; Telegram may deliver the last ones again');
    }
}

export interface WebhookHandle {
    readonly port: number;
    /** Resolves when the server has closed. */
    readonly done: Promise<void>;
}

/**
 * Serves Telegram's webhook calls at the path of WEBHOOK_URL on
 * WEBHOOK_HOST:WEBHOOK_PORT; requests without the secret token get 401,
 * bodies over WEBHOOK_MAX_BODY_BYTES 413, bodies that are no update 400,
 * and a client too slow to send its headers or body is cut off (408).
 * Meant to sit behind a TLS proxy. Like polling, it stops on `signal` in
 * every phase within a few seconds.
 */
export async function startWebhook(deps: BotDeps, signal: AbortSignal, options: CreateBotOptions = {}): Promise<WebhookHandle> {
    const { config, logger } = deps;
    const webhook = webhookSettings(config);
    const hardStop = new AbortController();
    const bot = createBot(deps, { ...options, signal: hardStop.signal });
    const { path } = webhook;
    const handle = webhookCallback(bot, boundedHttpAdapter(config.WEBHOOK_MAX_BODY_BYTES), {
        secretToken: webhook.secret,
        ...webhookTimeout(options),
    });
    const limits = {
        headersTimeout: WEBHOOK_HEADERS_TIMEOUT_MS,
        requestTimeout: WEBHOOK_REQUEST_TIMEOUT_MS,
        connectionsCheckingInterval: WEBHOOK_TIMEOUT_CHECK_MS,
    };
    const server = createServer(limits, (req: IncomingMessage, res: ServerResponse) => {
        if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== path) {
            res.writeHead(404).end();
            return;
        }
        handle(req, res).catch((err: unknown) => {
            if (err instanceof WebhookRequestError) {
                logger.debug({ status: err.status, reason: err.message }, 'webhook request refused');
                if (!res.headersSent) res.writeHead(err.status, { Connection: 'close' }).end(err.message);
                return;
            }
            if (isStillRunning(err)) {
                // Telegram tries again later and holds the chat's next updates meanwhile (see webhookTimeout).
                logger.warn(
                    { err: describeError(err instanceof BotError ? err.error : err) },
                    'update still running: asked Telegram to deliver it again later',
                );
                if (!res.headersSent) res.writeHead(503, { 'Retry-After': '5' }).end('update still being handled');
                return;
            }
            logger.error({ err: describeError(err) }, 'webhook request failed');
            if (!res.headersSent) res.writeHead(500).end();
        });
    });
    const stopped = (): WebhookHandle => {
        server.close();
        logger.info('bot stopped during start-up');
        return { port: 0, done: Promise.resolve() };
    };
    try {
        await bot.init(apiSignal(signal));
        server.listen(config.WEBHOOK_PORT, config.WEBHOOK_HOST);
        await once(server, 'listening', { signal });
        // One of many instances: `kejin bot --set-webhook` registers the webhook once per deploy.
        if (!options.shared) await setWebhook(bot, deps, signal);
    } catch (err) {
        if (signal.aborted) return stopped();
        server.close();
        throw err;
    }
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.WEBHOOK_PORT;
    logger.info({ bot: bot.botInfo.username, mode: 'webhook', host: config.WEBHOOK_HOST, port, shared: Boolean(options.shared) }, 'bot started');
    if (!options.shared) void registerCommandsSafely(bot, deps, signal);
    const done = untilAborted(signal).then(async () => {
        // Stop accepting; let requests in flight finish (their updates are handled within), then
        // cut their Bot API calls, and do not wait on idle keep-alive connections.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const cut = setTimeout(() => hardStop.abort(), SHUTDOWN_GRACE_MS);
        const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS + 500);
        await closed;
        clearTimeout(cut);
        clearTimeout(force);
        logger.info('bot stopped');
    });
    return { port, done };
}

/**
 * grammY's guidance ("Ending Webhook Requests in Time"): Telegram sends a
 * chat's next update only once the previous request has ended, and re-sends
 * an update whose request fails or takes too long. The update budget
 * (create-bot.ts) ends every update well before this timeout, so it should
 * never fire. Should it fire anyway:
 * - with shared state, `throw` (answered 503): the update goes on under its
 *   claim, Telegram keeps the chat's next updates queued and re-sends this
 *   one later, when the claim answers "done" without running it again;
 * - alone, `return`: with no claim a re-send would run twice, so ending
 *   early is the lesser harm, and `sequentialize` still keeps this user's
 *   updates in order within the process.
 */
function webhookTimeout(options: CreateBotOptions) {
    return {
        onTimeout: options.shared ? ('throw' as const) : ('return' as const),
        timeoutMilliseconds: (options.updateBudgetMs ?? UPDATE_BUDGET_MS) + WEBHOOK_TIMEOUT_MARGIN_MS,
    };
}

/** An update another request is still handling, or grammY's own webhook timeout. */
function isStillRunning(err: unknown): boolean {
    const cause = err instanceof BotError ? err.error : err;
    return cause instanceof UpdateBusyError || (cause instanceof Error && cause.message.startsWith('Request timed out after'));
}

/** Registers the webhook with its secret, and the command menu: once per deploy. */
export async function setWebhook(bot: Bot<BotContext>, deps: BotDeps, signal: AbortSignal): Promise<void> {
    const { url, secret } = webhookSettings(deps.config);
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }, apiSignal(signal));
}

export async function runWebhook(deps: BotDeps, signal: AbortSignal, options: CreateBotOptions = {}): Promise<void> {
    await (
        await startWebhook(deps, signal, options)
    ).done;
}

export async function runInTerminal(
    deps: BotDeps,
    options: Omit<TerminalOptions, 'user'> & { readonly user?: TerminalOptions['user'] },
    botOptions: CreateBotOptions = {},
): Promise<void> {
    const bot = createBot(deps, { ...botOptions, token: TERMINAL_TOKEN, botInfo: TERMINAL_BOT });
    const user = options.user ?? { id: 10_000, firstName: 'Terminal', languageCode: deps.config.DEFAULT_LANG };
    await runTerminal(bot, { ...options, user });
}
