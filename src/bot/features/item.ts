/** The full card of an item, from any "details" or "related" button. */
import { Composer } from 'grammy';
import { findItem } from '../conversation/callback.ts';
import type { BotContext } from '../runtime/context.ts';
import { itemView } from '../views/format.ts';
import { relatedRefs } from '../views/item-refs.ts';
import { onAction, send } from '../views/reply.ts';

export const itemFeature = new Composer<BotContext>();

itemFeature.use(
    onAction('item', async (ctx, action) => {
        const item = findItem(ctx.deps.service, action.ref);
        if (!item) return ctx.t.unknownItem;
        const service = ctx.deps.service;
        // The card read is what "它" means next.
        ctx.session.focus = { items: [item.id] };
        await send(
            ctx,
            itemView(ctx.t, ctx.lang, item, (id) => service.getItem(id), relatedRefs(service, item)),
        );
    }),
);
