import type { Source } from '../knowledge/schema.ts';
import type { Kind, Lang, Localized } from '../vocabulary.ts';

export interface SearchOptions {
    /** How many results at most. Default 5, at most 20. */
    readonly limit?: number;
    /** Only items of these kinds. Default: all kinds. */
    readonly kind?: Kind | readonly Kind[];
    /** Language of the snippet; default: guessed from the query. */
    readonly lang?: Lang;
}

export interface SearchHit {
    readonly id: string;
    readonly kind: Kind;
    readonly title: Localized;
    readonly summary: Localized;
    /** Text around the matched words, in the requested language where the card has it. */
    readonly snippet: string;
    readonly score: number;
    readonly sources: readonly Source[];
    /** Organization ids to contact about this item. */
    readonly contacts: readonly string[];
    readonly related: readonly string[];
    readonly expired: boolean;
}

export interface SearchResponse {
    /** The query as searched (trimmed, bounded). */
    readonly query: string;
    readonly lang: Lang;
    readonly results: readonly SearchHit[];
    /** False when nothing matches well: the fronts must then say so plainly. */
    readonly confident: boolean;
    /** Set when the input was refused or altered (empty, too long, no words). */
    readonly notice?: Localized;
}
