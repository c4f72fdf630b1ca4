/**
 * `kejin bot --set-webhook`: what a deploy runs once, not each instance on
 * start: setWebhook with the secret and the allowed updates, the command
 * menu, and getMe, printed as the TELEGRAM_BOT_INFO line for the instances.
 */
import type { BotDeps } from '../bot/runtime/context.ts';
import { apiSignal } from '../bot/runtime/abort.ts';
import { registerCommands } from '../bot/runtime/commands.ts';
import { createBot } from '../bot/runtime/create-bot.ts';
import { setWebhook } from '../bot/runtime/run.ts';
import { ConfigError } from '../config.ts';

export async function registerWebhook(deps: BotDeps): Promise<void> {
    const { config, logger } = deps;
    if (!config.TELEGRAM_BOT_TOKEN) throw new ConfigError('kejin: --set-webhook needs TELEGRAM_BOT_TOKEN');
    if (!config.WEBHOOK_URL || !config.WEBHOOK_SECRET)
        throw new ConfigError('kejin: --set-webhook needs WEBHOOK_URL and WEBHOOK_SECRET (the same values every instance gets)');
    const bot = createBot(deps, { storage: noStorage });
    const signal = AbortSignal.timeout(30_000);
    await bot.init(apiSignal(signal));
    await setWebhook(bot, deps, signal);
    await registerCommands(bot.api, config.DEFAULT_LANG, signal);
    logger.info({ bot: bot.botInfo.username, url: config.WEBHOOK_URL }, 'webhook registered');
    process.stdout.write(
        `# Give every instance this line, so that a restart does not call getMe:\nTELEGRAM_BOT_INFO='${JSON.stringify(bot.botInfo)}'\n`,
    );
}

/** The command handles no update, so it needs no session store (and must not create DATA_DIR). */
const noStorage = { read: async () => undefined, write: async () => undefined, delete: async () => undefined };
