/**
 * `kejin bot`: the Telegram bot. With no TELEGRAM_BOT_TOKEN (or with
 * `--terminal`) it runs in the terminal; with a token it long-polls, or
 * serves a webhook when WEBHOOK_URL is set. Resolves after a graceful stop
 * on SIGINT or SIGTERM (or at the end of piped input in the terminal), and
 * then closes the knowledge service it was given.
 */
import { parseArgs } from 'node:util';
import type { UserFromGetMe } from 'grammy/types';
import { createAlertSender } from '../bot/runtime/alert-sender.ts';
import type { BotDeps } from '../bot/runtime/context.ts';
import type { CreateBotOptions } from '../bot/runtime/create-bot.ts';
import { runInTerminal, runPolling, runWebhook } from '../bot/runtime/run.ts';
import { sessionKey } from '../bot/storage/session.ts';
import { createSharedBotState } from '../bot/storage/shared.ts';
import { startAlertLoop } from '../core/alerts/alerts.ts';
import { localSendRate, redisSendRate } from '../core/alerts/rate.ts';
import { startDeadlineLoop } from '../core/deadlines/deadlines.ts';
import { closeRedis, createRedis, redisAnswers, warnIfEvicting, type RedisClient } from '../core/infra/redis.ts';

const USAGE = `kejin bot [--terminal | --set-webhook]
  no TELEGRAM_BOT_TOKEN, or --terminal: chat with the bot in this terminal (also with piped input)
  TELEGRAM_BOT_TOKEN set: long polling; with WEBHOOK_URL and WEBHOOK_SECRET: webhook server
  --set-webhook: register WEBHOOK_URL (with WEBHOOK_SECRET) and the command menu once per deploy,
                 then print the TELEGRAM_BOT_INFO line that spares each instance its getMe
  With REDIS_URL, sessions, rate limits, update dedupe and per-user order are shared by every
  instance, and instances do not register the webhook themselves (use --set-webhook).
`;

/** The longest a shutdown may take before the process exits regardless. */
const FORCE_EXIT_MS = 10_000;

/** How long Redis may take to answer at shutdown before it is taken for hung. */
const SHUTDOWN_PING_MS = 300;

/**
 * Updates in flight while Redis hangs wait out a command timeout at every
 * step (claim, lock, session), so that the shutdown's grace ran out and
 * the whole stop took 7 to 10 s. A Redis that does not answer at once is
 * dropped: they fail at their next command, briefly, and the stop goes on.
 */
async function dropIfHung(redis: RedisClient, logger: BotDeps['logger']): Promise<void> {
    if (await redisAnswers(redis, SHUTDOWN_PING_MS)) return;
    logger.warn('redis does not answer; updates in flight are cut');
    redis.disconnect();
}

export async function main(argv: string[], deps: BotDeps): Promise<void> {
    const { values } = parseArgs({
        args: argv,
        options: { terminal: { type: 'boolean' }, 'set-webhook': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
        process.stdout.write(USAGE);
        return;
    }
    if (values['set-webhook']) {
        const { registerWebhook } = await import('./set-webhook.ts');
        await registerWebhook(deps);
        return;
    }
    const { config, logger } = deps;
    const redis: RedisClient | undefined =
        config.REDIS_URL && !values.terminal
            ? createRedis({ url: config.REDIS_URL, prefix: config.KEJIN_REDIS_PREFIX, logger, connectionName: 'kejin-bot' })
            : undefined;
    if (redis) void warnIfEvicting(redis, logger);
    const botOptions: CreateBotOptions = {
        ...(config.TELEGRAM_BOT_INFO ? { botInfo: config.TELEGRAM_BOT_INFO as unknown as UserFromGetMe } : {}),
        ...(redis
            ? {
                  shared: createSharedBotState(
                      { redis, prefix: config.KEJIN_REDIS_PREFIX, sessionTtlDays: config.SESSION_TTL_DAYS, logger },
                      sessionKey,
                  ),
              }
            : {}),
    };
    const controller = new AbortController();
    const stop = (signal: NodeJS.Signals) => {
        deps.logger.info({ signal }, 'shutting down');
        controller.abort();
        if (redis) void dropIfHung(redis, deps.logger);
        // Every phase stops within a few seconds; should anything still hold the process, it
        // must not outlive the signal (a second signal ends it at once, as usual).
        setTimeout(() => {
            deps.logger.warn({ seconds: FORCE_EXIT_MS / 1000 }, 'shutdown is taking too long; exiting now');
            process.exit(1);
        }, FORCE_EXIT_MS).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // Alerts go out only from a bot on Telegram, never from the terminal.
    const token = values.terminal ? undefined : deps.config.TELEGRAM_BOT_TOKEN;
    const deliver = token && deps.alerts ? createAlertSender({ token, apiRoot: deps.config.TELEGRAM_API_ROOT, logger: deps.logger }) : undefined;
    // One pace for every instance and both kinds of alert: Telegram counts the bot's messages.
    const rate = redis ? redisSendRate(redis, config.KEJIN_REDIS_PREFIX) : localSendRate();
    const loop = { service: deps.service, logger: deps.logger, rate, signal: controller.signal };
    const alerts = deliver && deps.alerts ? startAlertLoop({ ...loop, stores: deps.alerts, deliver }) : undefined;
    // Deadlines go through the same sender, the same pace and the same ledger.
    const deadlines = deliver && deps.alerts ? startDeadlineLoop({ ...loop, stores: deps.alerts, deliver }) : undefined;
    try {
        if (values.terminal || !deps.config.TELEGRAM_BOT_TOKEN) {
            await runInTerminal(deps, {
                input: process.stdin,
                output: process.stdout,
                interactive: Boolean(process.stdin.isTTY),
                signal: controller.signal,
            });
        } else if (deps.config.WEBHOOK_URL) {
            await runWebhook(deps, controller.signal, botOptions);
        } else {
            await runPolling(deps, controller.signal, botOptions);
        }
    } finally {
        await alerts?.stop();
        await deadlines?.stop();
        if (redis) await closeRedis(redis);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await deps.service.close();
    }
}
