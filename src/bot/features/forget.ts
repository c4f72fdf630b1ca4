/**
 * /forget: deletes the user's session record (profile, language, progress),
 * their alert subscription and their answers awaiting a 👍 / 👎, after a
 * confirmation. Setting the session to undefined makes grammY delete the key
 * from the store once the update is done.
 */
import { Composer } from 'grammy';
import type { BotContext } from '../runtime/context.ts';
import { forgetView, mainMenuKeyboard } from '../views/format.ts';
import { onAction, onMenu, send, show } from '../views/reply.ts';
import { forgetFeedback } from './feedback.ts';
import { forgetSubscription } from './subscribe.ts';

export const forgetFeature = new Composer<BotContext>();

forgetFeature.command('forget', (ctx) => send(ctx, forgetView(ctx.t)));

forgetFeature.use(onMenu('forget', (ctx) => show(ctx, forgetView(ctx.t))));

forgetFeature.use(
    onAction('forget', async (ctx, action) => {
        if (!action.confirmed) return show(ctx, { html: ctx.t.forgetKept, keyboard: mainMenuKeyboard(ctx.t) });
        await Promise.all([forgetSubscription(ctx), forgetFeedback(ctx)]);
        await show(ctx, { html: ctx.t.forgetDone });
        (ctx as { session: unknown }).session = undefined;
        return undefined;
    }),
);
