/**
 * What in the knowledge may no longer hold, for `kejin report`: the cards by
 * the age of their newest dated source (the oldest first; those older than
 * STALE_MONTHS flagged, undated ones last), every statement marked
 * unconfirmed or outdated, and the application windows that have closed.
 * Data only; the report words it.
 */
import type { KnowledgeItem } from './schema.ts';
import { windowOf } from './application.ts';
import type { Kind, Localized } from '../vocabulary.ts';

export interface CardAge {
    readonly id: string;
    readonly kind: Kind;
    readonly name: Localized;
    /** The latest date among its sources; absent when none is dated. */
    readonly newestSource?: string;
    /** Older than STALE_MONTHS (or undated). */
    readonly stale: boolean;
}

export interface FlaggedFact {
    readonly id: string;
    /** Where on the card: `terms.rate`, `facts.2`, `eligibility.basis.sizes`. */
    readonly field: string;
    readonly status: 'unconfirmed' | 'outdated';
    /** The statement (absent for a `basis`, which states no text of its own). */
    readonly text?: Localized;
}

export interface ClosedWindow {
    readonly id: string;
    readonly name: Localized;
    readonly closes: string;
}

export interface Freshness {
    readonly staleMonths: number;
    /** Every card, the oldest newest source first, undated last. */
    readonly cards: readonly CardAge[];
    readonly flagged: readonly FlaggedFact[];
    readonly closed: readonly ClosedWindow[];
}

/** The latest `date` among a card's sources; undefined when none is dated. */
export function newestSourceDate(item: { readonly sources: readonly { readonly date?: string | undefined }[] }): string | undefined {
    return item.sources.reduce<string | undefined>(
        (max, s) => (s.date !== undefined && (max === undefined || s.date > max) ? s.date : max),
        undefined,
    );
}

/** The day `months` calendar months before `now`, YYYY-MM-DD. */
export function monthsBefore(now: Date, months: number): string {
    const d = new Date(now.getTime());
    d.setUTCMonth(d.getUTCMonth() - months);
    return d.toISOString().slice(0, 10);
}

/** Takes the snapshot's cards only, so that the loader's own cross-check can use this file without a circle. */
export function freshnessOf(snapshot: { readonly items: ReadonlyMap<string, KnowledgeItem> }, now: Date, staleMonths = 18): Freshness {
    const before = monthsBefore(now, staleMonths);
    const items = [...snapshot.items.values()];
    const cards = items
        .map((item) => {
            const newest = newestSourceDate(item);
            return {
                id: item.id,
                kind: item.kind,
                name: { zh: item.name, en: item.name_en },
                ...(newest ? { newestSource: newest } : {}),
                stale: newest === undefined || newest < before,
            };
        })
        .sort((a, b) => (a.newestSource ?? '9999').localeCompare(b.newestSource ?? '9999') || a.id.localeCompare(b.id));
    const flagged: FlaggedFact[] = [];
    for (const item of items) {
        const walk = (v: unknown, path: string): void => {
            if (Array.isArray(v)) return v.forEach((x, i) => walk(x, path ? `${path}.${i}` : String(i)));
            if (!v || typeof v !== 'object') return;
            const o = v as Record<string, unknown>;
            if ((o.status === 'unconfirmed' || o.status === 'outdated') && Array.isArray(o.sources)) {
                flagged.push({
                    id: item.id,
                    field: path,
                    status: o.status,
                    ...(typeof o.zh === 'string' && typeof o.en === 'string' ? { text: { zh: o.zh, en: o.en } } : {}),
                });
            }
            for (const [k, child] of Object.entries(o)) if (k !== 'sources') walk(child, path ? `${path}.${k}` : k);
        };
        const { file: _file, body: _body, ...card } = item;
        walk(card, '');
    }
    const closed = items.flatMap((item) => {
        if (item.kind === 'organization' || !item.application?.closes) return [];
        return windowOf(item.application, now)?.state === 'closed'
            ? [{ id: item.id, name: { zh: item.name, en: item.name_en }, closes: item.application.closes }]
            : [];
    });
    return { staleMonths, cards, flagged, closed };
}
