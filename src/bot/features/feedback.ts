/**
 * 👍 / 👎 under each answer. A 👎 puts the question in the question log
 * (scrubbed, without who asked) for the staff report; a 👍 only thanks.
 * The buttons name the answer by a token in the feedback memo, so neither
 * the button nor the session holds the question; the memo keeps it
 * scrubbed, for a day at most, and /forget removes it (forgetFeedback).
 */
import { Composer } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { feedbackOwner } from '../../core/insights/feedback.ts';
import type { QuestionEvent } from '../../core/insights/record.ts';
import { recordQuietly } from '../../core/insights/log.ts';
import { encodeCallback } from '../conversation/callback.ts';
import type { BotContext } from '../runtime/context.ts';
import type { View } from '../views/format.ts';
import { INSIGHTS_MESSAGES } from '../views/insights-i18n.ts';
import { onAction } from '../views/reply.ts';

export const feedbackFeature = new Composer<BotContext>();

feedbackFeature.use(
    onAction('feedback', async (ctx, action) => {
        const m = INSIGHTS_MESSAGES[ctx.lang];
        const event = await ctx.deps.feedback?.take(action.token);
        // Drop the buttons either way: one vote per answer.
        await ctx.editMessageReplyMarkup({ reply_markup: withoutFeedback(ctx) }).catch(() => undefined);
        if (!event || action.helpful) return m.feedbackThanks;
        recordQuietly(ctx.deps.questionLog, { ...event, reason: 'unhelpful' }, ctx.deps.logger);
        return m.feedbackNoted;
    }),
);

/** The view with a 👍 / 👎 row added, when feedback is being collected. */
export async function withFeedback(ctx: BotContext, view: View, event: QuestionEvent): Promise<View> {
    const memo = ctx.deps.feedback;
    if (!memo || !ctx.deps.questionLog) return view;
    const token = await memo.put(event, ctx.from ? feedbackOwner(ctx.from.id) : undefined);
    const m = INSIGHTS_MESSAGES[event.lang];
    const row: InlineKeyboardButton[] = [
        { text: m.helpful, callback_data: encodeCallback({ type: 'feedback', helpful: true, token }) },
        { text: m.unhelpful, callback_data: encodeCallback({ type: 'feedback', helpful: false, token }) },
    ];
    return { ...view, keyboard: { inline_keyboard: [...(view.keyboard?.inline_keyboard ?? []), row] } };
}

/** /forget: the user's answers awaiting a vote are dropped from the memo. */
export async function forgetFeedback(ctx: BotContext): Promise<void> {
    if (ctx.from) await ctx.deps.feedback?.forget(feedbackOwner(ctx.from.id));
}

function withoutFeedback(ctx: BotContext) {
    const message = ctx.callbackQuery?.message;
    const rows = (message && 'reply_markup' in message ? message.reply_markup?.inline_keyboard : undefined) ?? [];
    const kept = rows.filter((r) => !r.some((b) => 'callback_data' in b && b.callback_data?.startsWith('fb:')));
    return { inline_keyboard: kept };
}
