import type { Source } from '../knowledge/schema.ts';
import type { PassageStatus } from '../search/passages.ts';
import type { SearchResponse } from '../search/types.ts';
import type { Aspect, Kind, Lang, Localized } from '../vocabulary.ts';

/**
 * - `answered`: the item holds the aspect asked; the text states it.
 * - `not-held`: the item is known but holds nothing for the aspect; the text
 *   says so in the card's own words where it has them ("来源未给出统一额度上限").
 * - `comparison`: two items side by side (see `Answer.comparison`).
 * - `unknown`: nothing in the knowledge answers; did-you-mean and the general contact.
 *   A bare aspect with nothing to be about ("利率多少") is `unknown` too, with
 *   `clarify` set: the reply asks which item, the suggestions being the likely ones.
 */
export type AnswerStatus = 'answered' | 'not-held' | 'comparison' | 'unknown';

export interface ItemRef {
    readonly id: string;
    readonly kind: Kind;
    readonly title: Localized;
}

/** One fact of an answer, with only the sources it rests on. */
export interface AnswerFact {
    /** The fact in the answer's language. */
    readonly text: string;
    /** The card it comes from and the field it sits in (`terms.amount`, `facts.2`). */
    readonly item: string;
    readonly field: string;
    readonly aspects: readonly Aspect[];
    readonly sources: readonly Source[];
    readonly status: PassageStatus;
    /** The fact says what the sources do not give. */
    readonly absence: boolean;
}

export interface ContactRef extends ItemRef {
    readonly phones: readonly { readonly value: string; readonly label?: Localized; readonly sources: readonly string[] }[];
}

export interface ComparisonRow {
    readonly aspect: Aspect;
    readonly left: readonly AnswerFact[];
    readonly right: readonly AnswerFact[];
}

export interface Answer {
    /** The question as read (trimmed, bounded). */
    readonly question: string;
    readonly lang: Lang;
    /** The aspect understood (the strongest one), `comparison`, or undefined when none was asked. */
    readonly aspect?: Aspect | 'comparison';
    /** Every aspect the question asks, strongest first. */
    readonly aspects: readonly Aspect[];
    readonly status: AnswerStatus;
    /**
     * True when the text answers the question from the knowledge: the aspect
     * was found on the item, or the card itself says that its sources lack it.
     * False for `unknown` and for a `not-held` the card says nothing about.
     */
    readonly confident: boolean;
    /** The direct answer, one to three sentences in `lang`. */
    readonly text: string;
    /** The facts the text states, each with its own sources and status. */
    readonly facts: readonly AnswerFact[];
    /** The item the answer is about. */
    readonly item?: ItemRef;
    readonly related: readonly ItemRef[];
    /** Whom to ask: the item's contacts, or the general contacts when no item is known. */
    readonly contacts: readonly ContactRef[];
    /** Did-you-mean, for `unknown`. */
    readonly suggestions: readonly ItemRef[];
    readonly comparison?: { readonly items: readonly [ItemRef, ItemRef]; readonly rows: readonly ComparisonRow[] };
    /** Set when the question asked an aspect of nothing named or in focus: the text asks which item, `suggestions` are the likely ones. */
    readonly clarify?: { readonly aspect?: Aspect };
    /** The ranked search results the answer was chosen among. */
    readonly search: SearchResponse;
}

/** What every answer starts from, whatever its subject: the question as read, its language, the aspects asked, the search. */
export type Base = Pick<Answer, 'question' | 'lang' | 'aspects' | 'search'>;
