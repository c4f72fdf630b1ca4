/**
 * The bot in a terminal, for running without a token: the same `createBot`,
 * with a fixed botInfo and a dummy token, and an API transformer that
 * answers every outgoing Bot API call itself and draws it on the screen
 * instead of sending it. Input lines become synthetic updates fed to
 * `bot.handleUpdate`, one at a time: a number presses that button of the
 * last keyboard, `@<bot> words` is an inline query, anything else a message.
 *
 * The screen is the output stream (stdout); logs stay on stderr.
 */
import { createInterface } from 'node:readline';
import type { Bot, Transformer } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User, UserFromGetMe } from 'grammy/types';
import type { BotContext } from './context.ts';
import { htmlToPlain } from '../views/html.ts';

export const TERMINAL_BOT: UserFromGetMe = {
    id: 1,
    is_bot: true,
    first_name: '科金助手 Kejin',
    username: 'kejin_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
};

/** A token-shaped placeholder: never sent anywhere, the transformer answers every call. */
export const TERMINAL_TOKEN = '0:terminal';

export interface TerminalUser {
    readonly id: number;
    readonly firstName: string;
    readonly languageCode?: string;
}

interface Choice {
    readonly button: InlineKeyboardButton;
    readonly message: Message;
}

/** Draws Bot API calls as text and remembers the last keyboard's buttons. */
export class TerminalScreen {
    private _messageId = 0;
    private _choices: Choice[] = [];
    private readonly _messages = new Map<number, Message>();

    constructor(
        private readonly _write: (text: string) => void,
        private readonly _chat: Message['chat'],
    ) {}

    /** The transformer to install with `bot.api.config.use`. */
    transformer(): Transformer {
        return async (_prev, method, payload) => ({ ok: true, result: this.render(method, (payload ?? {}) as Record<string, unknown>) }) as never;
    }

    nextMessageId(): number {
        return ++this._messageId;
    }

    /** The button numbered `n` (1-based) of the last keyboard shown. */
    choice(n: number): Choice | undefined {
        return this._choices[n - 1];
    }

    private render(method: string, p: Record<string, unknown>): unknown {
        switch (method) {
            case 'sendMessage':
                return this.showMessage(this.nextMessageId(), p);
            case 'editMessageText':
                return this.showMessage(typeof p.message_id === 'number' ? p.message_id : this.nextMessageId(), p);
            case 'editMessageReplyMarkup': {
                const old = typeof p.message_id === 'number' ? this._messages.get(p.message_id) : undefined;
                if (old) this.showKeyboard(p.reply_markup, old);
                return old ?? true;
            }
            case 'answerCallbackQuery':
                if (typeof p.text === 'string' && p.text) this._write(`  (${p.text})\n`);
                return true;
            case 'answerInlineQuery':
                return this.showInlineResults(p.results);
            case 'getMe':
                return TERMINAL_BOT;
            default:
                // setMyCommands, deleteWebhook, sendChatAction…: nothing to draw.
                return true;
        }
    }

    private showMessage(messageId: number, p: Record<string, unknown>): Message {
        const text = typeof p.text === 'string' ? p.text : '';
        const message = { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: this._chat, from: TERMINAL_BOT, text } as Message;
        this._messages.set(messageId, message);
        this._write(`\n${p.parse_mode === 'HTML' ? htmlToPlain(text) : text}\n`);
        this.showKeyboard(p.reply_markup, message);
        return message;
    }

    private showKeyboard(markup: unknown, message: Message): void {
        const rows = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard;
        if (!Array.isArray(rows) || rows.length === 0) return;
        this._choices = [];
        const lines = rows.map((row) =>
            row
                .map((button) => {
                    this._choices.push({ button, message });
                    return `[${this._choices.length}] ${button.text}`;
                })
                .join('   '),
        );
        this._write(`${lines.map((l) => `  ${l}`).join('\n')}\n`);
    }

    private showInlineResults(results: unknown): true {
        const list = Array.isArray(results) ? (results as { title?: string; description?: string }[]) : [];
        const lines = list.map((r, i) => `  ${i + 1}. ${r.title ?? ''}${r.description ? ` — ${r.description}` : ''}`);
        this._write(`\n${lines.length > 0 ? lines.join('\n') : '  (no inline results)'}\n`);
        return true;
    }
}

/** Turns input lines into updates for one user in a private chat with the bot. */
type IncomingMessage = NonNullable<Update['message']>;

/** A text message as Telegram sends it, with the entity grammY needs to see a leading /command. */
export function textMessage(messageId: number, chat: Message['chat'], from: User, text: string): IncomingMessage {
    const command = /^\/\S+/.exec(text);
    return {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat,
        from,
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    } as IncomingMessage;
}

export class UpdateFactory {
    private _updateId = 0;
    private readonly _from: User;

    constructor(
        private readonly _screen: TerminalScreen,
        private readonly _chat: Message['chat'],
        user: TerminalUser,
        private readonly _botUsername: string,
    ) {
        this._from = { id: user.id, is_bot: false, first_name: user.firstName, ...(user.languageCode ? { language_code: user.languageCode } : {}) };
    }

    /** The update a line stands for; undefined for a blank line or a number with no button. */
    fromLine(line: string): Update | { url: string } | undefined {
        const text = line.trim();
        if (text === '') return undefined;
        if (/^\d{1,3}$/.test(text)) {
            const choice = this._screen.choice(Number(text));
            if (choice && 'callback_data' in choice.button) return this.callback(choice.button.callback_data ?? '', choice.message);
            if (choice && 'url' in choice.button && choice.button.url) return { url: choice.button.url };
        }
        const inline = new RegExp(`^@${this._botUsername}(?:\\s+|$)`, 'i').exec(text);
        if (inline) return this.inline(text.slice(inline[0].length));
        return this.message(text);
    }

    message(text: string): Update {
        return { update_id: ++this._updateId, message: textMessage(this._screen.nextMessageId(), this._chat, this._from, text) };
    }

    callback(data: string, message: Message): Update {
        return {
            update_id: ++this._updateId,
            callback_query: { id: String(this._updateId), from: this._from, chat_instance: 'terminal', message, data },
        };
    }

    inline(query: string): Update {
        return {
            update_id: ++this._updateId,
            inline_query: { id: String(this._updateId), from: this._from, query, offset: '', chat_type: 'sender' },
        };
    }
}

export interface TerminalOptions {
    readonly input: NodeJS.ReadableStream;
    readonly output: { write(text: string): unknown };
    /** A person at a terminal: show an intro, open with /start and prompt. */
    readonly interactive: boolean;
    readonly user: TerminalUser;
    /** Stops reading input (SIGINT, SIGTERM). */
    readonly signal?: AbortSignal;
}

/**
 * Installs the screen on `bot` (made with TERMINAL_BOT and TERMINAL_TOKEN)
 * and runs the conversation until the input ends or the signal fires. Each
 * update is handled to the end before the next line is read.
 */
export async function runTerminal(bot: Bot<BotContext>, options: TerminalOptions): Promise<void> {
    const chat = { id: options.user.id, type: 'private', first_name: options.user.firstName } as Message['chat'];
    const write = (text: string) => void options.output.write(text);
    const screen = new TerminalScreen(write, chat);
    bot.api.config.use(screen.transformer());
    const updates = new UpdateFactory(screen, chat, options.user, bot.botInfo.username);
    await bot.init();

    const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
    // Take the iterator now: lines (and the end) arriving during the first await would otherwise be lost.
    const iterator = lines[Symbol.asyncIterator]();
    const stop = () => lines.close();
    options.signal?.addEventListener('abort', stop, { once: true });
    const prompt = () => options.interactive && write('\n> ');
    if (options.interactive) {
        write(
            '科金助手 Kejin, terminal mode (no TELEGRAM_BOT_TOKEN). Type a question, a number to press a button, /help for commands; Ctrl-D quits.\n',
        );
        await feed(bot, updates.message('/start'));
        prompt();
    }
    try {
        for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
            if (!options.interactive && line.trim() !== '') write(`\n» ${line.trim()}\n`);
            const update = updates.fromLine(line);
            if (update && 'url' in update) write(`  → ${update.url}\n`);
            else if (update) await feed(bot, update);
            prompt();
        }
    } finally {
        options.signal?.removeEventListener('abort', stop);
        lines.close();
    }
    if (options.interactive) write('\n');
}

async function feed(bot: Bot<BotContext>, update: Update): Promise<void> {
    try {
        await bot.handleUpdate(update);
    } catch {
        // The bot's error boundary has logged it and told the user; keep reading.
    }
}
