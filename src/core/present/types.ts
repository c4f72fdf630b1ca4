/**
 * What a card, a match result, a search hit or an answer shows, decided once
 * for every front: a title and sections of lines in the asked language, each
 * line with the keys of the sources it rests on and its standing. Plain text
 * only; a front marks it up (Telegram HTML, MCP Markdown, terminal text) and
 * chooses how much of it fits its medium.
 */
import type { Source } from '../knowledge/schema.ts';
import type { Eligibility } from '../match/types.ts';
import type { Kind } from '../vocabulary.ts';

/**
 * - `fact`: a statement of a card (a term, a condition, a note);
 * - `contact`: an organization and how to reach it (`ref` is its id);
 * - `link`: a web address (`url`), shown as `text`;
 * - `check`: a condition checked against a firm profile (`check`);
 * - `text`: a plain value (a document number, a date, a role).
 */
export type LineKind = 'fact' | 'contact' | 'link' | 'check' | 'text';

export type LineStatus = 'unconfirmed' | 'outdated';

export interface Line {
    readonly kind: LineKind;
    /** The field's label ("额度", "Amount"); absent for a statement that stands alone. */
    readonly label?: string;
    /** The value in the asked language, plain text. */
    readonly text: string;
    /** Keys of the card's sources this line rests on (only its own, never the whole card's). */
    readonly sources: readonly string[];
    /** The standing of those sources when it is not current. */
    readonly status?: LineStatus;
    /** The words that flag that standing ("（未经确认）"), to follow the text; '' for a current line. */
    readonly note: string;
    /** `link`: the address; `contact`: the organization's website, if any. */
    readonly url?: string;
    /** `check`: how the firm stands against the condition. */
    readonly check?: 'met' | 'unmet' | 'unknown';
    /** `contact`: the organization's id. */
    readonly ref?: string;
    /** `contact`: each phone with what the source gives it for; the text joins them (or says there is none). */
    readonly phones?: readonly string[];
    /** `contact`: the organization's address, if the sources give one. */
    readonly address?: string;
}

export type SectionKey =
    | 'contactDetails'
    | 'document'
    | 'eligibility'
    | 'terms'
    | 'howToApply'
    | 'nextStep'
    | 'facts'
    | 'notes'
    | 'contacts'
    | 'reasons'
    | 'missing'
    | 'passages'
    | 'sources';

export interface Section {
    readonly key: SectionKey;
    /** The section's heading in the asked language, from the one label table. */
    readonly title: string;
    readonly lines: readonly Line[];
}

/** A reference to another item: its id and display title. */
export interface PresentedRef {
    readonly id: string;
    readonly title: string;
}

/** What every presented item opens with. */
export interface PresentedItem {
    readonly id: string;
    readonly kind: Kind;
    /** The display name: the Chinese name, in en the English one with the Chinese after it (a match: its name). */
    readonly title: string;
    readonly expired: boolean;
    /** Only the sources of what is shown (a card: all of them, in the card's order, the order fronts number them in). */
    readonly sources: readonly Source[];
}

export interface PresentedCard extends PresentedItem {
    readonly kindLabel: string;
    readonly summary: string;
    /** Last verified and valid until, as labelled lines. */
    readonly meta: readonly Line[];
    /** The card's sections in reading order, only those with lines. */
    readonly sections: readonly Section[];
    /** The card's Markdown body in the asked language (cards keep English under `## English`). */
    readonly details: string;
}

export interface PresentedMatch extends PresentedItem {
    readonly summary: string;
    /** The rating, named once for every front: its key, label and mark. */
    readonly rating: { readonly key: Eligibility; readonly label: string; readonly mark: string };
    /** reasons, missing (check lines), terms (amount, term), howToApply, contacts. */
    readonly sections: readonly Section[];
}

/** A search hit; its `sources` are those of the lines shown, the card's first when they cite none (body text). */
export interface PresentedHit extends PresentedItem {
    readonly kindLabel: string;
    /** The passages that matched, each with its own sources; the snippet or summary when none did. */
    readonly lines: readonly Line[];
    /** The organizations to contact, by name where the caller can resolve it. */
    readonly contacts: readonly Line[];
}

export interface PresentedComparisonRow {
    /** The aspect compared, as a label ("额度"). */
    readonly label: string;
    readonly left: Line;
    readonly right: Line;
}

export interface PresentedAnswer {
    readonly question: string;
    /** Set when the input was refused or altered. */
    readonly notice?: string;
    /** The direct answer, first in every front. */
    readonly text: string;
    readonly confident: boolean;
    /** The facts the text states, each with its own sources. */
    readonly facts: readonly Line[];
    readonly comparison?: { readonly items: readonly [PresentedRef, PresentedRef]; readonly rows: readonly PresentedComparisonRow[] };
    /** Only the sources of the facts shown, each once (per card and key), in order of first use, each naming its card. */
    readonly sources: readonly (Source & { readonly item: string })[];
    /** Whom to ask, with their phones. */
    readonly contacts: readonly Line[];
    readonly related: readonly PresentedRef[];
    /** Did-you-mean, for an answer nothing in the knowledge gives. */
    readonly suggestions: readonly PresentedRef[];
}
