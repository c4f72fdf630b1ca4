/**
 * `createBot(deps)`: the one bot, whatever runs it (long polling, webhook,
 * the terminal or a test). Middleware order:
 *
 *   log → ignore updates without a user → error boundary → per-user rate limit →
 *   per-user queue (sequentialize, keyed like the session) → per-update time budget →
 *   session → context (deps, language, parsed button) → features
 *
 * Updates of different users run concurrently (the runner, or concurrent
 * webhook calls); those of one user run in order. Every Bot API call of an
 * update shares its time budget, retries included, so that one chat's
 * failing or slow calls end within it instead of holding the update for
 * minutes. Nothing here starts anything; `run.ts` does.
 */
import { setMaxListeners } from 'node:events';
import { autoRetry, type AutoRetryOptions } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Bot, GrammyError, HttpError, session, type BotError, type Middleware, type StorageAdapter, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Lang } from '../../core/vocabulary.ts';
import { parseCallback } from '../conversation/callback.ts';
import type { BotContext, BotDeps } from './context.ts';
import { features } from '../features/all.ts';
import { langOfLanguageCode } from '../../core/language.ts';
import { MESSAGES } from '../views/i18n.ts';
import { errorSummary } from '../../logger.ts';
import { apiSignal } from './abort.ts';
import { redisTrouble } from '../../core/infra/redis-errors.ts';
import { FailureEpisode } from './episode.ts';
import { createFileStorage, guardedStorage, sessionKey, type SessionData } from '../storage/session.ts';
import type { SharedBotState } from '../storage/shared.ts';

export interface CreateBotOptions {
    /** Default: config.TELEGRAM_BOT_TOKEN. */
    readonly token?: string;
    /** Skips getMe (the terminal mode and tests). */
    readonly botInfo?: UserFromGetMe;
    /** Session store; default: JSON files under config.DATA_DIR. */
    readonly storage?: StorageAdapter<unknown>;
    readonly autoRetry?: Partial<AutoRetryOptions>;
    /** How long one update may take, its Bot API calls and their retries included. Default UPDATE_BUDGET_MS. */
    readonly updateBudgetMs?: number;
    /** Aborts every Bot API call in flight (a shutdown that can wait no longer). */
    readonly signal?: AbortSignal;
    /** State shared with other instances on Redis (storage/shared.ts); default: this process and DATA_DIR. */
    readonly shared?: SharedBotState<BotContext>;
}

/** Retry 429 and 5xx a few times; a `retry_after` over 10 s fails the call instead of stalling the user. */
const AUTO_RETRY: Partial<AutoRetryOptions> = { maxRetryAttempts: 3, maxDelaySeconds: 10 };

/** Default time budget of one update: a few calls, each with a short retry, fit well within it. */
export const UPDATE_BUDGET_MS = 20_000;

/** How long the slow-down notice may take. */
const NOTICE_TIMEOUT_MS = 5_000;

/** Inline queries come per keystroke, so they get a larger allowance than messages. */
const INLINE_RATE_FACTOR = 5;

export function createBot(deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
    const { config } = deps;
    const token = options.token ?? config.TELEGRAM_BOT_TOKEN;
    if (!token) throw new Error('kejin: createBot needs a bot token (TELEGRAM_BOT_TOKEN), or a dummy one with botInfo for the terminal mode');
    const bot = new Bot<BotContext>(token, {
        ...(options.botInfo ? { botInfo: options.botInfo } : {}),
        client: { ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT.replace(/\/+$/, '') } : {}) },
    });
    // Inside the retries, so that each attempt counts: an outage is seen as it happens.
    bot.api.config.use(watchOutage(deps));
    const retry = autoRetry({ ...AUTO_RETRY, ...options.autoRetry });
    // Polling retries on its own (run.ts): autoRetry's backoff, doubling up to an hour, would
    // leave the bot deaf long after an outage has ended.
    bot.api.config.use((prev, method, payload, signal) =>
        method === 'getUpdates' ? prev(method, payload, signal) : retry(prev, method, payload, signal),
    );
    bot.catch((err) =>
        deps.logger.error({ update_id: err.ctx.update.update_id, err: describeError(err.error) }, 'update failed outside the error boundary'),
    );

    const shared = options.shared;
    const storage = guardedStorage(options.storage ?? shared?.storage ?? createFileStorage(config.DATA_DIR), deps.logger);
    const redisEpisode = redisFailures(deps);
    bot.use(logUpdates(deps, redisEpisode));
    bot.use(ignoreWithoutUser(deps));
    // Outside the boundary: a copy still running elsewhere must fail the request, not be apologised for.
    if (shared) bot.use(shared.updateOnce);
    bot.errorBoundary(
        (err) => apologise(err, deps, redisEpisode),
        rateLimits(config.BOT_RATE_LIMIT_PER_MINUTE, config.DEFAULT_LANG, shared),
        // Two quick presses must not both read the same session and lose one write;
        // with other instances, the Redis lock extends that to all of them.
        sequentialize<BotContext>((ctx) => sessionKey(ctx) ?? []),
        ...(shared ? [shared.userLock] : []),
        updateBudget(options.updateBudgetMs ?? UPDATE_BUDGET_MS, options.signal),
        session({ initial: (): SessionData => ({}), storage, getSessionKey: sessionKey }),
        setContext(deps),
        features,
    );
    return bot;
}

/**
 * Channel posts and other updates without a user have no session and
 * nothing to answer: they end here, quietly. (`bot.drop(predicate)` with no
 * middleware would pass them on.)
 */
function ignoreWithoutUser(deps: BotDeps): Middleware<BotContext> {
    return (ctx, next) => {
        if (ctx.from !== undefined) return next();
        deps.logger.debug({ update_id: ctx.update.update_id }, 'update without a user ignored');
        return Promise.resolve();
    };
}

/**
 * Gives every Bot API call of an update one shared deadline (and the
 * shutdown signal): retries stop when it passes, and a hanging call is cut.
 */
function updateBudget(ms: number, shutdown: AbortSignal | undefined): Middleware<BotContext> {
    // Every update in flight listens to the one shutdown signal (up to the polling
    // concurrency, 100): more than Node's default of 10 is the design, not a leak.
    if (shutdown) setMaxListeners(0, shutdown);
    return async (ctx, next) => {
        const budget = new AbortController();
        const timer = setTimeout(() => budget.abort(new Error(`the update took over ${ms} ms`)), ms);
        const stop = () => budget.abort(new Error('the bot is shutting down'));
        if (shutdown?.aborted) stop();
        shutdown?.addEventListener('abort', stop, { once: true });
        const bounded: Transformer = (prev, method, payload, signal) =>
            prev(method, payload, apiSignal(signal ? AbortSignal.any([signal as AbortSignal, budget.signal]) : budget.signal));
        ctx.api.config.use(bounded);
        try {
            await next();
        } finally {
            clearTimeout(timer);
            shutdown?.removeEventListener('abort', stop);
        }
    };
}

function isGatewayError(code: number): boolean {
    return code >= 502 && code <= 504;
}

/**
 * Logs a Bot API outage once when it starts (the network fails, a gateway
 * answers 502 to 504, or polling gets a 5xx) and once when a call succeeds again.
 */
function watchOutage(deps: BotDeps): Transformer {
    const outage = new FailureEpisode(deps.logger, {
        failed: () => 'the Bot API cannot be reached; retrying',
        recovered: 'the Bot API can be reached again',
    });
    return async (prev, method, payload, signal) => {
        try {
            const result = await prev(method, payload, signal);
            if (!result.ok && (isGatewayError(result.error_code) || (method === 'getUpdates' && result.error_code >= 500)))
                outage.failed(new Error(result.description), { method, code: result.error_code });
            else outage.ok();
            return result;
        } catch (err) {
            if (err instanceof HttpError && !signal?.aborted) outage.failed(err, { method });
            throw err;
        }
    };
}

function setContext(deps: BotDeps): Middleware<BotContext> {
    return (ctx, next) => {
        ctx.deps = deps;
        ctx.lang = ctx.session.lang ?? langOfLanguageCode(ctx.from?.language_code, deps.config.DEFAULT_LANG);
        ctx.t = MESSAGES[ctx.lang];
        if (ctx.callbackQuery) ctx.action = parseCallback(ctx.callbackQuery.data);
        return next();
    };
}

/** One debug line per update: its id, type and duration; never who sent it or what it says. */
function logUpdates(deps: BotDeps, redisEpisode: FailureEpisode): Middleware<BotContext> {
    return async (ctx, next) => {
        const started = performance.now();
        try {
            await next();
            if (!redisFailed.has(ctx)) redisEpisode.ok();
        } finally {
            const type = Object.keys(ctx.update).find((k) => k !== 'update_id');
            deps.logger.debug({ update_id: ctx.update.update_id, type, ms: Math.round(performance.now() - started) }, 'update handled');
        }
    };
}

function rateLimits(perMinute: number, defaultLang: Lang, shared: SharedBotState<BotContext> | undefined): Middleware<BotContext> {
    const key = (ctx: BotContext) => (ctx.from ? String(ctx.from.id) : undefined);
    const tell = async (ctx: BotContext) => {
        const t = MESSAGES[langOfLanguageCode(ctx.from?.language_code, defaultLang)];
        // Ahead of the per-update budget: a notice of its own, bounded on its own.
        const signal = apiSignal(AbortSignal.timeout(NOTICE_TIMEOUT_MS));
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t.slowDown }, signal);
        else if (ctx.chat?.type === 'private') await ctx.reply(t.slowDown, undefined, signal);
    };
    const store = shared ? { storageClient: shared.rateLimitStore(60_000) as never } : {};
    const messages = limit<BotContext, never>({
        timeFrame: 60_000,
        limit: perMinute,
        keyGenerator: key,
        keyPrefix: 'msg',
        onLimitExceeded: (ctx) => tell(ctx).catch(() => undefined),
        ...store,
    });
    const inline = limit<BotContext, never>({
        timeFrame: 60_000,
        limit: perMinute * INLINE_RATE_FACTOR,
        keyGenerator: key,
        keyPrefix: 'inline',
        ...store,
    });
    return (ctx, next) => (ctx.inlineQuery ? inline(ctx, next) : messages(ctx, next));
}

/** The updates that failed on Redis trouble: they do not end an episode. */
const redisFailed = new WeakSet<BotContext>();

/**
 * Redis down, out of memory or refusing the password fails every update
 * until it is fixed: the episode is logged once (with what is wrong, see
 * redisTrouble) and once when an update goes through again, not per update.
 */
function redisFailures(deps: BotDeps): FailureEpisode {
    return new FailureEpisode(deps.logger, {
        failed: (err) => `Redis ${redisTrouble(err) ?? 'fails'}; updates get an apology meanwhile`,
        recovered: 'Redis works again; updates are answered',
    });
}

/** Logs a failed update without personal data and tells the user briefly; never throws. */
async function apologise(err: BotError<BotContext>, deps: BotDeps, redisEpisode: FailureEpisode): Promise<void> {
    const ctx = err.ctx;
    if (redisTrouble(err.error)) {
        redisFailed.add(ctx);
        redisEpisode.failed(err.error, { update_id: ctx.update.update_id });
    } else {
        deps.logger.error({ update_id: ctx.update.update_id, err: describeError(err.error) }, 'update failed');
    }
    const t = ctx.t ?? MESSAGES[deps.config.DEFAULT_LANG];
    try {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t.sorry });
        else if (ctx.chat && ctx.message) await ctx.reply(t.sorry);
    } catch (apologyError) {
        deps.logger.warn({ update_id: ctx.update.update_id, err: describeError(apologyError) }, 'could not tell the user about the failure');
    }
}

/** An error as loggable fields: never the payload (it holds the user's words) nor a token. */
export function describeError(err: unknown): Record<string, unknown> {
    if (err instanceof GrammyError) return { name: err.name, method: err.method, code: err.error_code, description: err.description };
    if (err instanceof HttpError) return { name: err.name, message: err.message };
    return errorSummary(err);
}
