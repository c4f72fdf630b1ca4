/**
 * Opt-in alerts (政策找企业): /subscribe (or the button under match
 * results) keeps the saved firm profile for alerts, /unsubscribe (or its
 * button) and /forget remove it. What a subscriber is told, and when, is
 * decided in core/alerts; sending is in ../alerts.ts.
 */
import { Composer } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { newSubscription } from '../../core/alerts/alerts.ts';
import { parseProfile, ProfileError } from '../../core/match/profile.ts';
import type { Lang } from '../../core/vocabulary.ts';
import { encodeCallback } from '../conversation/callback.ts';
import type { BotContext } from '../runtime/context.ts';
import type { View } from '../views/format.ts';
import { INSIGHTS_MESSAGES } from '../views/insights-i18n.ts';
import { onAction, send } from '../views/reply.ts';

export const subscribeFeature = new Composer<BotContext>();

subscribeFeature.command('subscribe', async (ctx) => send(ctx, { html: await subscribe(ctx) }));
subscribeFeature.command('unsubscribe', async (ctx) => send(ctx, { html: await unsubscribe(ctx) }));
subscribeFeature.use(
    onAction('alerts', async (ctx, action) => {
        await send(ctx, { html: action.on ? await subscribe(ctx) : await unsubscribe(ctx) });
    }),
);

async function subscribe(ctx: BotContext): Promise<string> {
    const m = INSIGHTS_MESSAGES[ctx.lang];
    const stores = ctx.deps.alerts;
    const chatId = ctx.chat?.id;
    if (!stores || chatId === undefined) return m.notSubscribed;
    let profile;
    try {
        profile = parseProfile(ctx.session.profile ?? {});
    } catch (err) {
        if (err instanceof ProfileError) return m.subscribeNeedsProfile;
        throw err;
    }
    await stores.subscriptions.put(newSubscription(ctx.deps.service, chatId, ctx.lang, profile));
    return m.subscribed;
}

async function unsubscribe(ctx: BotContext): Promise<string> {
    const m = INSIGHTS_MESSAGES[ctx.lang];
    const removed = ctx.chat && (await ctx.deps.alerts?.subscriptions.delete(ctx.chat.id));
    return removed ? m.unsubscribed : m.notSubscribed;
}

/** Removes the chat's subscription, for /forget. */
export async function forgetSubscription(ctx: BotContext): Promise<void> {
    if (ctx.chat) await ctx.deps.alerts?.subscriptions.delete(ctx.chat.id);
}

/** The match results with a button to subscribe (or unsubscribe) to alerts for this profile, in the results' `lang`. */
export async function withAlertsButton(ctx: BotContext, view: View, lang: Lang = ctx.lang): Promise<View> {
    const stores = ctx.deps.alerts;
    if (!stores || !ctx.chat || ctx.chat.type !== 'private') return view;
    const m = INSIGHTS_MESSAGES[lang];
    const on = (await stores.subscriptions.get(ctx.chat.id)) === undefined;
    const row: InlineKeyboardButton[] = [
        { text: on ? m.subscribeButton : m.unsubscribeButton, callback_data: encodeCallback({ type: 'alerts', on }) },
    ];
    return { ...view, keyboard: { inline_keyboard: [row, ...(view.keyboard?.inline_keyboard ?? [])] } };
}
