/**
 * A bot polling a fake Bot API in this process, with a throw-away DATA_DIR:
 * the set-up every in-process reliability test shares.
 */
import type { Logger } from 'pino';
import { runPolling } from '../../src/bot/runtime/run.ts';
import { FakeBotApi } from './fake-bot-api.ts';
import { botDeps } from './bot-harness.ts';
import { memoryLogger, type MemoryLogger } from './memory-logger.ts';
import { removeDir, tempDir } from './temp.ts';

export interface PollingBot {
    readonly api: FakeBotApi;
    /** Stops polling, waits for the bot to end, closes the API and removes the data. */
    stop(): Promise<void>;
}

/** Starts the API and the bot and resolves once the bot polls; `logger` is built once the API exists. */
export async function startPollingBot(logger: (api: FakeBotApi) => Logger, options: Parameters<typeof runPolling>[2] = {}): Promise<PollingBot> {
    const api = await new FakeBotApi().start();
    const dataDir = tempDir();
    const controller = new AbortController();
    const running = runPolling({ ...(await botDeps(api, dataDir)), logger: logger(api) }, controller.signal, options);
    await api.until(() => api.callsOf('getUpdates').length > 0, 15_000, 'the bot to poll');
    return {
        api,
        stop: async () => {
            controller.abort();
            await running;
            await api.close();
            removeDir(dataDir);
        },
    };
}

/** `startPollingBot` with a memory logger whose "update handled" records tell the API which updates are done. */
export async function startLoggedPollingBot(options: Parameters<typeof runPolling>[2] = {}): Promise<{ bot: PollingBot; log: MemoryLogger }> {
    let log: MemoryLogger | undefined;
    const bot = await startPollingBot((api) => {
        log = memoryLogger((r) => r.msg === 'update handled' && api.markHandled(Number(r.update_id)));
        return log.logger;
    }, options);
    return { bot, log: log! };
}
