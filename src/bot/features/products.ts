/** /products: browse the offerings by kind, then by stage, a page at a time. */
import { Composer } from 'grammy';
import type { BotContext } from '../runtime/context.ts';
import { browseKindView, browseListView, browseStageView } from '../views/format.ts';
import { onAction, onMenu, send, show } from '../views/reply.ts';

export const productsFeature = new Composer<BotContext>();

productsFeature.command('products', (ctx) => send(ctx, browseKindView(ctx.t, ctx.lang)));

productsFeature.use(onMenu('prod', (ctx) => show(ctx, browseKindView(ctx.t, ctx.lang))));

productsFeature.use(
    onAction('browse', async (ctx, { kind, stage, page }) => {
        if (!kind) return show(ctx, browseKindView(ctx.t, ctx.lang));
        if (!stage) return show(ctx, browseStageView(ctx.t, ctx.lang, kind));
        const items = ctx.deps.service.listProducts({ ...(kind === '*' ? {} : { kind }), ...(stage === '*' ? {} : { stage }) });
        const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
        return show(ctx, browseListView(ctx.t, ctx.lang, kind, stage, sorted, page ?? 1));
    }),
);
