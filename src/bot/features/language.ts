/** /lang and the language buttons: the choice is kept in the session. */
import { Composer } from 'grammy';
import type { Lang } from '../../core/vocabulary.ts';
import type { BotContext } from '../context.ts';
import { langView, mainMenuKeyboard } from '../format.ts';
import { MESSAGES } from '../i18n.ts';
import { onAction, onMenu, send, show } from '../reply.ts';

export const languageFeature = new Composer<BotContext>();

languageFeature.command('lang', (ctx) => send(ctx, langView(ctx.t)));

languageFeature.use(onMenu('lang', (ctx) => show(ctx, langView(ctx.t))));

languageFeature.use(
    onAction('lang', async (ctx, action) => {
        setLang(ctx, action.lang);
        await show(ctx, { html: `${ctx.t.langSet}\n\n${ctx.t.help}`, keyboard: mainMenuKeyboard(ctx.t) });
        return ctx.t.langSet;
    }),
);

function setLang(ctx: BotContext, lang: Lang): void {
    ctx.session.lang = lang;
    ctx.lang = lang;
    ctx.t = MESSAGES[lang];
}
