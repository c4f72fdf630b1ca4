/**
 * Sending views: split under Telegram's limit, HTML parse mode, no link
 * previews, and button presses answered exactly once.
 */
import { GrammyError, type Middleware } from 'grammy';
import type { CallbackAction, MenuEntry } from '../conversation/callback.ts';
import type { BotContext } from '../runtime/context.ts';
import type { View } from './format.ts';
import { splitHtml } from './html.ts';

const SEND_OPTIONS = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/** Sends a view as one or more messages; the keyboard goes with the last one. */
export async function send(ctx: BotContext, view: View): Promise<void> {
    const parts = splitHtml(view.html);
    const replyTo =
        ctx.chat?.type !== 'private' && ctx.message
            ? { reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true } }
            : {};
    for (const [i, part] of parts.entries()) {
        const last = i === parts.length - 1;
        await ctx.reply(part, { ...SEND_OPTIONS, ...(i === 0 ? replyTo : {}), ...(last && view.keyboard ? { reply_markup: view.keyboard } : {}) });
    }
}

/**
 * Shows a view in place of the message whose button was pressed, so that a
 * menu does not pile up messages; sends a new message when there is nothing
 * to edit, when the view needs several messages, or when the edit fails.
 */
export async function show(ctx: BotContext, view: View): Promise<void> {
    const message = ctx.callbackQuery?.message;
    const parts = splitHtml(view.html);
    if (!message || !('text' in message) || parts.length > 1) return send(ctx, view);
    try {
        await ctx.editMessageText(view.html, { ...SEND_OPTIONS, ...(view.keyboard ? { reply_markup: view.keyboard } : {}) });
    } catch (err) {
        if (err instanceof GrammyError && /message is not modified/i.test(err.description)) return;
        if (err instanceof GrammyError && err.error_code === 400) return send(ctx, view);
        throw err;
    }
}

/** Answers a button press, ignoring a query that is too old to answer. */
export async function answer(ctx: BotContext, text?: string): Promise<void> {
    if (!ctx.callbackQuery) return;
    try {
        await ctx.answerCallbackQuery(text ? { text } : undefined);
    } catch (err) {
        if (!(err instanceof GrammyError && err.error_code === 400)) throw err;
    }
}

type ActionOf<T extends CallbackAction['type']> = Extract<CallbackAction, { type: T }>;

/** Middleware for the main-menu button `entry`. */
export function onMenu(entry: MenuEntry, handler: (ctx: BotContext) => Promise<string | void>): Middleware<BotContext> {
    return onAction(
        'menu',
        (ctx) => handler(ctx),
        (a) => a.entry === entry,
    );
}

/**
 * Middleware for one kind of button. The handler may return a short notice,
 * shown as the answer to the press (e.g. "this button is out of date").
 */
export function onAction<T extends CallbackAction['type']>(
    type: T,
    handler: (ctx: BotContext, action: ActionOf<T>) => Promise<string | void>,
    when: (action: ActionOf<T>) => boolean = () => true,
): Middleware<BotContext> {
    return async (ctx, next) => {
        const action = ctx.callbackQuery ? ctx.action : undefined;
        if (action?.type !== type || !when(action as ActionOf<T>)) return next();
        // A press on a message posted through inline mode has no chat to answer in.
        if (!ctx.chat) return answer(ctx, ctx.t.staleButton);
        const notice = await handler(ctx, action as ActionOf<T>);
        await answer(ctx, notice ?? undefined);
    };
}

/**
 * The text of a message meant for the bot: any text in a private chat; in a
 * group only text that names the bot (@name, stripped) or replies to it, so
 * that the bot does not answer a group's every line.
 */
export function addressedText(ctx: BotContext): string | undefined {
    const msg = ctx.message;
    if (!msg?.text || msg.text.startsWith('/')) return undefined;
    if (ctx.chat?.type === 'private') return msg.text;
    const mention = `@${ctx.me.username}`;
    if (msg.text.toLowerCase().includes(mention.toLowerCase())) {
        return msg.text.replace(new RegExp(mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'ig'), ' ').trim();
    }
    return msg.reply_to_message?.from?.id === ctx.me.id ? msg.text : undefined;
}
