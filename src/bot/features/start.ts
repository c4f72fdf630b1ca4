/** /start, /help, the main menu and the "ask a question" prompt. */
import { Composer } from 'grammy';
import type { BotContext } from '../runtime/context.ts';
import { helpView, mainMenuKeyboard, startView } from '../views/format.ts';
import { onMenu, send, show } from '../views/reply.ts';

export const startFeature = new Composer<BotContext>();

// A fresh start: nothing is in focus any more (the profile and language stay; /forget removes them).
startFeature.command('start', (ctx) => {
    delete ctx.session.focus;
    delete ctx.session.matched;
    return send(ctx, startView(ctx.t, ctx.from?.first_name));
});

startFeature.command('help', (ctx) => send(ctx, helpView(ctx.t)));

startFeature.use(onMenu('home', (ctx) => show(ctx, startView(ctx.t, ctx.from?.first_name))));

startFeature.use(onMenu('ask', (ctx) => show(ctx, { html: ctx.t.askPrompt, keyboard: mainMenuKeyboard(ctx.t) })));
