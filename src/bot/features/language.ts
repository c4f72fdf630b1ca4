/** /lang and the language buttons: the choice is kept in the session. */
import { Composer } from 'grammy';
import type { Lang } from '../../core/vocabulary.ts';
import type { BotContext } from '../runtime/context.ts';
import { langView, mainMenuKeyboard } from '../views/format.ts';
import { MESSAGES } from '../views/i18n.ts';
import { onAction, onMenu, send, show } from '../views/reply.ts';

export const languageFeature = new Composer<BotContext>();

// "/lang en" sets it at once; "/lang" alone offers the choice.
languageFeature.command('lang', async (ctx) => {
    const wanted = ctx.match.trim().toLowerCase();
    const lang = wanted.startsWith('zh') || wanted === '中文' ? 'zh' : wanted.startsWith('en') ? 'en' : undefined;
    if (!lang) return send(ctx, langView(ctx.t));
    setLang(ctx, lang);
    return send(ctx, { html: ctx.t.langSet, keyboard: mainMenuKeyboard(ctx.t) });
});

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
