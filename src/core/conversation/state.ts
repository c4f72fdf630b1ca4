/**
 * What a conversation keeps between turns, for every chat front (the bot,
 * the terminal, the web page): the items in focus and the aspect last
 * asked, the last match list, the firm profile told so far, and the
 * language the user chose. Small and bounded, so that it is stored with the
 * session (file or Redis) and read back field by field: a value that no
 * longer fits is dropped alone.
 */
import { z } from 'zod';
import { WANTED_FORMS, type Wanted } from '../answer/reading.ts';
import type { Draft } from '../match/told-profile.ts';
import { ASPECTS, LANGS, type Aspect, type Lang } from '../vocabulary.ts';

export interface Focus {
    /** The items the last answer was about: one, two set side by side, or none (a question back asked which). */
    readonly items: readonly string[];
    /** The aspect the last question asked. */
    readonly aspect?: Aspect;
    /** The year the last question named ("2021"): four digits, nothing of the user's own words. */
    readonly year?: string;
    /** What was in focus before these items, for "回到刚才那个贷款" / "back to the loan" after an aside. */
    readonly before?: EarlierFocus;
    /** The card field of the passage that answered ("facts.2"): "专精特新的呢" may ask the same passage of another scope. */
    readonly field?: string;
    /** What the last question's own form asked ("who's the insurer": who runs it), for "那X呢". */
    readonly wants?: Wanted;
    /**
     * The offering the last question named when another card answered it (科技履约贷 of "科技履约贷的保费补贴比例", answered
     * by the premium subsidy's card): "利率呢" may ask it rather than the card that answered.
     */
    readonly named?: string;
}

/** The focus one topic back: its items and aspect. */
export interface EarlierFocus {
    readonly items: readonly string[];
    readonly aspect?: Aspect;
}

export interface ConversationState {
    /** The language the user chose; unset: each message's own. */
    readonly lang?: Lang;
    /** The firm profile: the questionnaire's answers and what the messages told. */
    readonly profile?: Draft;
    readonly focus?: Focus;
    /** The products of the last match, best first ("第一个", "the second one"). */
    readonly matched?: readonly string[];
}

/** At most this many items in focus (a compared pair). */
export const MAX_FOCUS = 2;
/** At most this many products of the last match are remembered. */
export const MAX_MATCHED = 5;

const ID = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
const earlierSchema = z.strictObject({
    items: z.array(ID).max(MAX_FOCUS),
    aspect: z.enum(ASPECTS.values).optional(),
});
const focusSchema = z.strictObject({
    items: z.array(ID).max(MAX_FOCUS),
    aspect: z.enum(ASPECTS.values).optional(),
    year: z
        .string()
        .regex(/^(?:19|20)\d{2}$/)
        .optional(),
    before: earlierSchema.optional(),
    field: z
        .string()
        .regex(/^[a-z][a-z0-9_.]{0,59}$/)
        .optional(),
    wants: z.enum(WANTED_FORMS).optional(),
    named: ID.optional(),
});
const matchedSchema = z.array(ID).max(MAX_MATCHED);
export const langSchema = z.enum(LANGS);

/** A stored focus, or undefined when it does not fit (an old or corrupt record). */
export function checkFocus(value: unknown): Focus | undefined {
    const parsed = focusSchema.safeParse(value);
    return parsed.success ? stripUndefined(parsed.data) : undefined;
}

export function checkMatched(value: unknown): readonly string[] | undefined {
    const parsed = matchedSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
}

function stripUndefined(f: z.infer<typeof focusSchema>): Focus {
    const before = f.before ? { items: f.before.items, ...(f.before.aspect ? { aspect: f.before.aspect } : {}) } : undefined;
    return {
        items: f.items,
        ...(f.aspect ? { aspect: f.aspect } : {}),
        ...(f.year ? { year: f.year } : {}),
        ...(before ? { before } : {}),
        ...(f.field ? { field: f.field } : {}),
        ...(f.wants ? { wants: f.wants } : {}),
        ...(f.named ? { named: f.named } : {}),
    };
}
