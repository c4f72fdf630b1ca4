/** A search hit: the passages that matched, each with its own sources, and whom to contact. */
import type { SearchHit } from '../search/types.ts';
import type { Lang } from '../vocabulary.ts';
import { citedSources, kindLabel, statusNote } from './lines.ts';
import type { Line, PresentedHit } from './types.ts';

export interface PresentHitOptions {
    /** The name of a contact organization by id; default: the id. */
    readonly contactName?: (id: string) => string | undefined;
}

export function presentHit(hit: SearchHit, lang: Lang, options: PresentHitOptions = {}): PresentedHit {
    const passages: Line[] = hit.passages.map((p) => ({
        kind: 'fact',
        text: p.text.replace(/\s*\n+\s*/g, ' '),
        sources: [...p.sources],
        ...(p.status !== 'current' ? { status: p.status } : {}),
        note: statusNote(p.status, lang),
    }));
    const fallback: Line = { kind: 'text', text: hit.snippet || hit.summary[lang], sources: [], note: '' };
    const lines = passages.length > 0 ? passages : [fallback];
    return {
        id: hit.id,
        kind: hit.kind,
        title: hit.title[lang],
        kindLabel: kindLabel(hit.kind, lang),
        expired: hit.expired,
        lines,
        contacts: hit.contacts.map((id) => ({ kind: 'contact', label: options.contactName?.(id) ?? id, text: '', sources: [], note: '', ref: id })),
        sources: citedSources(lines, hit.sources, true),
    };
}
