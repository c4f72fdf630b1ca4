/**
 * The other items a view offers as buttons (an id and a title each), taken
 * from the service: shared by the bot's features and the web page, which
 * show the same views.
 */
import type { KnowledgeItem } from '../../core/knowledge/schema.ts';
import type { KnowledgeService } from '../../core/service.ts';
import { titleOf, type ItemRef } from './format.ts';

function refsOf(service: KnowledgeService, ids: readonly string[]): ItemRef[] {
    return ids
        .map((id) => service.getItem(id))
        .filter((i): i is KnowledgeItem => i !== undefined)
        .map((i) => ({ id: i.id, title: titleOf(i) }));
}

/** The items a card relates to, other than its contacts (the card lists those itself). */
export function relatedRefs(service: KnowledgeService, item: KnowledgeItem): ItemRef[] {
    const contactIds = 'contacts' in item ? item.contacts : [];
    return refsOf(
        service,
        item.related.filter((id) => !contactIds.includes(id)),
    );
}

/** For a text that looks like a mistyped id ("gaoqidia"), the closest ids; none for prose. */
export function idGuessRefs(service: KnowledgeService, text: string): ItemRef[] {
    const word = text.trim().toLowerCase();
    if (!/^[a-z0-9-]{3,40}$/.test(word)) return [];
    return refsOf(service, service.suggestIds(word, 3));
}
