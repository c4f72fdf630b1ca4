/**
 * Whom a firm reaches about a presented product, decided once for every
 * front that shows one contact (the bot's match list, an alert): the first
 * contact organization, with its first phone; without a phone, the card's
 * first line on how to apply stands in for it, so that the firm always has
 * a next place to go. A front words and marks it up, and may leave out the
 * website where its medium is short.
 */
import { sectionOf } from './lines.ts';
import type { Line, Section } from './types.ts';

export interface Reach {
    /** The contact line (label: the organization's short name). */
    readonly contact: Line;
    /** Its first phone, as the source gives it. */
    readonly phone?: string;
    /** Its website. */
    readonly url?: string;
    /** Only without a phone: where to apply instead. */
    readonly apply?: Line;
}

export function reachOf(p: { readonly sections: readonly Section[] }): Reach | undefined {
    const contact = sectionOf(p, 'contacts')?.lines[0];
    if (!contact) return undefined;
    const phone = contact.phones?.[0];
    const apply = phone ? undefined : sectionOf(p, 'howToApply')?.lines[0];
    return { contact, ...(phone ? { phone } : {}), ...(contact.url ? { url: contact.url } : {}), ...(apply ? { apply } : {}) };
}
