import type { Source } from '../knowledge/schema.ts';
import type { Aspect, Kind, Lang, Localized } from '../vocabulary.ts';
import type { AspectReading } from './aspects.ts';
import type { Passage, PassageStatus } from './passages.ts';

export interface SearchOptions {
    /** How many results at most. Default 5, at most 20. */
    readonly limit?: number;
    /** Only items of these kinds. Default: all kinds. */
    readonly kind?: Kind | readonly Kind[];
    /** Language of the snippet; default: guessed from the query. */
    readonly lang?: Lang;
}

/** A passage of a hit's card that matches the question (see passages.ts). */
export interface HitPassage {
    /** Where it sits on the card: `terms.amount`, `facts.2`, `body.zh.3`. */
    readonly field: string;
    readonly aspects: readonly Aspect[];
    /** In the requested language where the card has it. */
    readonly text: string;
    /** Keys of the card's sources this passage rests on (none for body paragraphs and the summary). */
    readonly sources: readonly string[];
    readonly status: PassageStatus;
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
    /** The card's passages that match the question best, at most two. */
    readonly passages: readonly HitPassage[];
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

/** A question as the index reads it, before any ranking. */
export interface QueryReading {
    readonly terms: ReadonlyMap<string, number>;
    /** Items the question names by name, alias or abbreviation, typos read (科技微带通), longest name first. */
    readonly named: readonly NamedItem[];
    readonly aspects: AspectReading;
    /** The terms of the aspect words found: the aspect bonus already counts them, the word overlap does not. */
    readonly aspectTerms: ReadonlySet<string>;
    /**
     * The terms the question holds outside the names it names, and the cards they are read against: in "履约贷的保险公司
     * 是哪家" 保险 is asked, though it is a piece of the card's name 履约保证保险贷款. The cards are those the question
     * names, or the one in focus that it points back at (core/answer sets it). For any other card, and with no `free`,
     * every piece of a card's names is the card speaking of itself.
     */
    readonly free?: { readonly terms: ReadonlySet<string>; readonly items: readonly string[] };
    /** Terms held only as synonyms of the question's words, with those words (返还 → 补贴; see query.ts). */
    readonly synonymOf?: ReadonlyMap<string, ReadonlySet<string>>;
    /** Character pairs read across two words that no card writes, beside one a card writes (额一 of 余额一共; see query.ts). */
    readonly spanning?: ReadonlySet<string>;
}

export interface NamedItem {
    readonly id: string;
    /** The name term found in the question. */
    readonly term: string;
    /** Read through a one-character typo. */
    readonly typo: boolean;
}

export interface RankedPassage {
    readonly passage: Passage;
    /** Words of the question it holds (the card's own names left out) plus the aspect it holds. */
    readonly score: number;
    /** How much of the score is the question's words (the rest is the aspect). */
    readonly overlap: number;
    /**
     * The share of the question's telling words (their weights, as in
     * `overlap`) that the passage holds: how much of what was asked, beside
     * the card's own name, this passage speaks to.
     */
    readonly share: number;
    /** The part of `overlap` that is not the aspect's own words. */
    readonly plain: number;
    /**
     * The share of all the question's words (at their query weights) that
     * the passage holds, the card's own names counted as held by each of
     * its passages: unlike `share`, comparable between cards.
     */
    readonly coverage: number;
    /** The part of `coverage` held only by being the card's own names: between equal coverages, the one written wins. */
    readonly named: number;
    /**
     * `coverage` with each synonym counted as a word of its own, held or not (as every share was before synonyms
     * stood in for their words): the search's floor against a question's words scattered over a card is set on it.
     */
    readonly wordCoverage: number;
}
