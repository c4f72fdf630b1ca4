/** The full card of an item, from any "details" or "related" button. */
import { Composer } from 'grammy';
import type { KnowledgeItem } from '../../core/knowledge/schema.ts';
import type { KnowledgeService } from '../../core/service.ts';
import { resolveRef } from '../conversation/callback.ts';
import type { BotContext } from '../runtime/context.ts';
import { itemView, titleOf, type ItemRef } from '../views/format.ts';
import { onAction, send } from '../views/reply.ts';

export const itemFeature = new Composer<BotContext>();

itemFeature.use(
    onAction('item', async (ctx, action) => {
        const item = findItem(ctx.deps.service, action.ref);
        if (!item) return ctx.t.unknownItem;
        const service = ctx.deps.service;
        // The card read is what "它" means next.
        ctx.session.focus = { items: [item.id] };
        await send(ctx, itemView(ctx.t, ctx.lang, item, (id) => service.getItem(id), related(service, item)));
    }),
);

/** The item a button names, in the current snapshot; undefined when it is gone. */
export function findItem(service: KnowledgeService, ref: string): KnowledgeItem | undefined {
    const id = resolveRef(ref, service.snapshot().items.keys());
    return id === undefined ? undefined : service.getItem(id);
}

/** The items a card relates to, other than its contacts (the card lists those itself). */
function related(service: KnowledgeService, item: KnowledgeItem): ItemRef[] {
    const contactIds = 'contacts' in item ? item.contacts : [];
    return item.related
        .filter((id) => !contactIds.includes(id))
        .map((id) => service.getItem(id))
        .filter((i): i is KnowledgeItem => i !== undefined)
        .map((i) => ({ id: i.id, title: titleOf(i) }));
}
