/** /contact and the "contacts" buttons: the organizations to call, with sources. */
import { Composer } from 'grammy';
import type { BotContext } from '../runtime/context.ts';
import { contactsView, titleOf } from '../views/format.ts';
import { onAction, onMenu, send, show } from '../views/reply.ts';
import { findItem } from '../conversation/callback.ts';

export const contactFeature = new Composer<BotContext>();

contactFeature.command('contact', (ctx) => send(ctx, contactsView(ctx.t, ctx.lang, ctx.deps.service.contacts())));

contactFeature.use(onMenu('contact', (ctx) => show(ctx, contactsView(ctx.t, ctx.lang, ctx.deps.service.contacts()))));

contactFeature.use(
    onAction('contacts', async (ctx, action) => {
        const item = findItem(ctx.deps.service, action.ref);
        if (!item) return ctx.t.unknownItem;
        const orgs = item.kind === 'organization' ? [item] : ctx.deps.service.contacts({ productId: item.id });
        await send(ctx, contactsView(ctx.t, ctx.lang, orgs, { id: item.id, title: titleOf(item) }));
    }),
);
