/**
 * End-to-end harness: the real long-polling bot (`runPolling`) against the
 * fake Bot API on 127.0.0.1, and simulated Telegram users who send messages,
 * press buttons and type inline queries, each waiting until the bot has
 * handled the update. The bot serves the shipped knowledge: it is tested on
 * what it serves, not on a copy that drifts.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup, Message, Update } from 'grammy/types';
import { parseConfig, type Config } from '../../src/config.ts';
import { Writable } from 'node:stream';
import pino from 'pino';
import { silentLogger, type Logger } from '../../src/logger.ts';
import type { BotDeps } from '../../src/bot/runtime/context.ts';
import { runPolling } from '../../src/bot/runtime/run.ts';
import { textMessage } from '../../src/bot/runtime/terminal.ts';
import { TEST_BOT, type ApiCall, type FakeBotApi } from './fake-bot-api.ts';
import { shippedService } from './knowledge.ts';
import { SHIPPED_KNOWLEDGE } from './paths.ts';

export function testConfig(overrides: Record<string, string> = {}): Config {
    return parseConfig({
        LOG_LEVEL: 'silent',
        BOT_RATE_LIMIT_PER_MINUTE: '1000',
        DEFAULT_LANG: 'zh',
        KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
        ...overrides,
    });
}

export interface RunningBot {
    stop(): Promise<void>;
}

/** Starts the real polling bot against `api`; resolves once it polls. */
export async function startPollingBot(api: FakeBotApi, deps: BotDeps): Promise<RunningBot> {
    const controller = new AbortController();
    const before = api.callsOf('getUpdates').length;
    const running = runPolling({ ...deps, logger: reportingLogger(api, deps.logger) }, controller.signal);
    let failed: unknown;
    running.catch((err: unknown) => (failed = err));
    await api.until(() => api.callsOf('getUpdates').length > before || failed !== undefined, 15_000, 'the bot to poll');
    if (failed) throw failed;
    return {
        async stop() {
            controller.abort();
            await running;
        },
    };
}

export async function botDeps(api: FakeBotApi, dataDir: string, overrides: Record<string, string> = {}): Promise<BotDeps> {
    const config = testConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, DATA_DIR: dataDir, ...overrides });
    return { config, logger: silentLogger, service: await shippedService() };
}

/**
 * `inner` (default: silent), which also tells `api` when the bot has
 * finished an update (its debug line "update handled"): that is when a test
 * may look at the replies.
 */
export function reportingLogger(api: FakeBotApi, inner: Logger = silentLogger): Logger {
    return pino(
        {
            level: 'debug',
            hooks: {
                logMethod(args, _method, level) {
                    const [fields, msg] = args as unknown[];
                    const id = (fields as { update_id?: unknown } | undefined)?.update_id;
                    if (msg === 'update handled' && typeof id === 'number') api.markHandled(id);
                    const label = pino.levels.labels[level];
                    if (label && inner.isLevelEnabled(label)) (inner[label as pino.Level] as (...a: unknown[]) => void)(...args);
                },
            },
        },
        new Writable({ write: (_chunk, _enc, done) => done() }),
    );
}

const REPLY_METHODS = new Set(['sendMessage', 'editMessageText', 'answerCallbackQuery', 'answerInlineQuery']);

/** Delivers an update (without its update_id) some other way than long polling, e.g. by webhook; resolves once it is acknowledged. */
export type Deliver = (update: Omit<Update, 'update_id'>) => Promise<void>;

/** A Telegram user talking to the bot in a private chat (or in a group, with `chatId` < 0). */
export class TestUser {
    readonly from: { id: number; is_bot: false; first_name: string; language_code?: string };
    readonly chat: Message['chat'];
    private readonly _deliver: Deliver | undefined;

    constructor(
        private readonly _api: FakeBotApi,
        options: { id: number; languageCode?: string; chatId?: number; firstName?: string; deliver?: Deliver },
    ) {
        this._deliver = options.deliver;
        const firstName = options.firstName ?? 'Tester';
        this.from = {
            id: options.id,
            is_bot: false,
            first_name: firstName,
            ...(options.languageCode ? { language_code: options.languageCode } : {}),
        };
        const chatId = options.chatId ?? options.id;
        this.chat = (
            chatId < 0 ? { id: chatId, type: 'group', title: 'Test group' } : { id: chatId, type: 'private', first_name: firstName }
        ) as Message['chat'];
    }

    /** Sends a message; resolves with the bot's calls for this chat while handling it. */
    async say(text: string, extra: Record<string, unknown> = {}): Promise<ApiCall[]> {
        const message = { ...textMessage(this._api.nextMessageId(), this.chat, this.from, text), ...extra };
        return this.send({ message } as never);
    }

    /** Presses the first button whose text contains `label` on the latest keyboard sent to this chat. */
    async press(label: string | RegExp): Promise<ApiCall[]> {
        const { button, message } = this.findButton(label);
        return this.pressData(button.callback_data ?? '', message);
    }

    /** Sends a callback query with any data, as a client (or a forger) could. */
    async pressData(data: string, message?: Message): Promise<ApiCall[]> {
        const on = message ?? this.latestMessage();
        return this.send({
            callback_query: { id: String(Date.now() + Math.random()), from: this.from, chat_instance: 'test', data, ...(on ? { message: on } : {}) },
        } as never);
    }

    async inline(query: string): Promise<ApiCall[]> {
        return this.send({ inline_query: { id: String(Date.now()), from: this.from, query, offset: '', chat_type: 'sender' } } as never);
    }

    /** The texts the bot sent or edited in this chat among `calls`. */
    static texts(calls: readonly ApiCall[]): string[] {
        return calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').map((c) => String(c.payload.text));
    }

    /** The notices shown as answers to button presses among `calls`. */
    static notices(calls: readonly ApiCall[]): string[] {
        return calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => String(c.payload.text ?? ''));
    }

    /** Button texts of the latest keyboard sent to this chat. */
    buttons(): string[] {
        return (
            this.latestKeyboard()
                ?.markup.inline_keyboard.flat()
                .map((b) => b.text) ?? []
        );
    }

    private async send(update: never): Promise<ApiCall[]> {
        const start = this._api.calls.length;
        if (this._deliver) {
            await this._deliver(update);
        } else {
            const id = this._api.push(update);
            await this._api.handled(id);
        }
        return this._api.calls.slice(start).filter((c) => REPLY_METHODS.has(c.method) && this.isMine(c));
    }

    private isMine(c: ApiCall): boolean {
        return c.payload.chat_id === undefined || Number(c.payload.chat_id) === this.chat.id;
    }

    private latestKeyboard(): { markup: InlineKeyboardMarkup; message: Message } | undefined {
        for (let i = this._api.calls.length - 1; i >= 0; i--) {
            const c = this._api.calls[i]!;
            if (!c.ok || (c.method !== 'sendMessage' && c.method !== 'editMessageText') || Number(c.payload.chat_id) !== this.chat.id) continue;
            const markup = c.payload.reply_markup as InlineKeyboardMarkup | undefined;
            if (!markup) continue;
            const message = { ...(c.result as Message), chat: this.chat, from: TEST_BOT } as Message;
            return { markup, message };
        }
        return undefined;
    }

    private latestMessage(): Message | undefined {
        return this.latestKeyboard()?.message;
    }

    private findButton(label: string | RegExp): { button: InlineKeyboardButton.CallbackButton; message: Message } {
        const keyboard = this.latestKeyboard();
        const button = keyboard?.markup.inline_keyboard.flat().find((b) => (typeof label === 'string' ? b.text.includes(label) : label.test(b.text)));
        if (!keyboard || !button || !('callback_data' in button))
            throw new Error(`no button "${String(label)}" among: ${this.buttons().join(' | ')}`);
        return { button, message: keyboard.message };
    }
}
