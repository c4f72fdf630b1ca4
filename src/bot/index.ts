/**
 * `createBot(deps)`: the one bot, whatever runs it (long polling, webhook,
 * the terminal or a test). Middleware order:
 *
 *   ignore updates without a user → error boundary → per-user rate limit →
 *   per-user queue → session → context (deps, language, parsed button) → features
 *
 * Nothing here starts anything; `run.ts` does.
 */
import { autoRetry, type AutoRetryOptions } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { Bot, GrammyError, HttpError, session, type BotError, type Middleware, type StorageAdapter } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Lang } from '../core/vocabulary.ts';
import { parseCallback } from './callback.ts';
import type { BotContext, BotDeps } from './context.ts';
import { features } from './features/index.ts';
import { langFromTelegram, MESSAGES } from './i18n.ts';
import { answer } from './reply.ts';
import { createFileStorage, errorSummary, guardedStorage, sessionKey, type SessionData } from './session.ts';

export interface CreateBotOptions {
    /** Default: config.TELEGRAM_BOT_TOKEN. */
    readonly token?: string;
    /** Skips getMe (the terminal mode and tests). */
    readonly botInfo?: UserFromGetMe;
    /** Session store; default: JSON files under config.DATA_DIR. */
    readonly storage?: StorageAdapter<unknown>;
    readonly autoRetry?: Partial<AutoRetryOptions>;
}

/** Retry 429 and 5xx a few times; a `retry_after` over a minute fails the call instead of stalling the bot. */
const AUTO_RETRY: Partial<AutoRetryOptions> = { maxRetryAttempts: 4, maxDelaySeconds: 60 };

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
    bot.api.config.use(autoRetry({ ...AUTO_RETRY, ...options.autoRetry }));
    bot.catch((err) => deps.logger.error({ update_id: err.ctx.update.update_id, err: describeError(err.error) }, 'update failed outside the error boundary'));

    const storage = guardedStorage(options.storage ?? createFileStorage(config.DATA_DIR), deps.logger);
    bot.drop((ctx) => ctx.from === undefined);
    bot.use(logUpdates(deps));
    bot.errorBoundary(
        (err) => apologise(err, deps),
        rateLimits(config.BOT_RATE_LIMIT_PER_MINUTE, config.DEFAULT_LANG),
        perUserQueue(),
        session({ initial: (): SessionData => ({}), storage, getSessionKey: sessionKey }),
        setContext(deps),
        features,
    );
    return bot;
}

function setContext(deps: BotDeps): Middleware<BotContext> {
    return (ctx, next) => {
        ctx.deps = deps;
        ctx.lang = ctx.session.lang ?? langFromTelegram(ctx.from?.language_code, deps.config.DEFAULT_LANG);
        ctx.t = MESSAGES[ctx.lang];
        if (ctx.callbackQuery) ctx.action = parseCallback(ctx.callbackQuery.data);
        return next();
    };
}

/** One debug line per update: its id, type and duration; never who sent it or what it says. */
function logUpdates(deps: BotDeps): Middleware<BotContext> {
    return async (ctx, next) => {
        const started = performance.now();
        try {
            await next();
        } finally {
            const type = Object.keys(ctx.update).find((k) => k !== 'update_id');
            deps.logger.debug({ update_id: ctx.update.update_id, type, ms: Math.round(performance.now() - started) }, 'update handled');
        }
    };
}

function rateLimits(perMinute: number, defaultLang: Lang): Middleware<BotContext> {
    const key = (ctx: BotContext) => (ctx.from ? String(ctx.from.id) : undefined);
    const tell = async (ctx: BotContext) => {
        const t = MESSAGES[langFromTelegram(ctx.from?.language_code, defaultLang)];
        if (ctx.callbackQuery) await answer(ctx as BotContext, t.slowDown);
        else if (ctx.chat?.type === 'private') await ctx.reply(t.slowDown);
    };
    const messages = limit<BotContext, never>({ timeFrame: 60_000, limit: perMinute, keyGenerator: key, keyPrefix: 'msg', onLimitExceeded: (ctx) => void tell(ctx).catch(() => undefined) });
    const inline = limit<BotContext, never>({ timeFrame: 60_000, limit: perMinute * INLINE_RATE_FACTOR, keyGenerator: key, keyPrefix: 'inline' });
    return (ctx, next) => (ctx.inlineQuery ? inline(ctx, next) : messages(ctx, next));
}

/**
 * One update at a time per user, so that two quick presses cannot both read
 * the same session and lose one write (webhooks deliver concurrently).
 */
function perUserQueue(): Middleware<BotContext> {
    const tails = new Map<string, Promise<void>>();
    return async (ctx, next) => {
        const key = sessionKey(ctx);
        if (key === undefined) return next();
        const previous = tails.get(key) ?? Promise.resolve();
        let release!: () => void;
        const mine = new Promise<void>((resolve) => (release = resolve));
        const tail = previous.then(() => mine);
        tails.set(key, tail);
        await previous;
        try {
            await next();
        } finally {
            release();
            if (tails.get(key) === tail) tails.delete(key);
        }
    };
}

/** Logs a failed update without personal data and tells the user briefly; never throws. */
async function apologise(err: BotError<BotContext>, deps: BotDeps): Promise<void> {
    const ctx = err.ctx;
    deps.logger.error({ update_id: ctx.update.update_id, err: describeError(err.error) }, 'update failed');
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
