/**
 * Zod pieces shared by the tools: input fields whose error messages name the
 * field and the allowed values (the SDK prefixes them with the tool name and
 * suffixes ` at <field>`), and the output shapes of `structuredContent`.
 */
import { z } from 'zod';
import { MAX_LIMIT } from '../core/search/index.ts';
import { KINDS, LANGS, type Lang } from '../core/vocabulary.ts';

/** The most results a list tool returns at once: the search core's own bound. */
export { MAX_LIMIT };

/** The language of the readable text when a call does not say (the issue's contract: zh). */
export const DEFAULT_LANG: Lang = 'zh';

/** Every kejin tool only reads the current knowledge snapshot. */
export const READ_ONLY_ANNOTATIONS = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** The longest free text a tool accepts; longer input is refused, not cut. */
const MAX_TEXT_CHARS = 2000;
/** Ids are short slugs; anything longer is not worth a lookup. */
const MAX_ID_CHARS = 100;

/** An enum that answers a bad value with the allowed ones. */
export function vocabEnum<const T extends readonly [string, ...string[]]>(values: T, what: string) {
    return z.enum(values, { error: (issue) => `unknown ${what} ${JSON.stringify(issue.input)}; allowed: ${values.join(', ')}` });
}

/** Free text bounded at `max` characters, refused with a message saying by how much. */
export function boundedText(what: string, max = MAX_TEXT_CHARS) {
    return z.string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a string`) }).max(max, {
        error: (issue) =>
            `${what} is too long (${String((issue.input as string | undefined)?.length ?? '?')} characters; at most ${max}): shorten it to the essentials`,
    });
}

export const langField = vocabEnum(LANGS, 'lang')
    .optional()
    .describe(`Language of the answer: zh (Chinese) or en (English). Default ${DEFAULT_LANG}. Official names stay Chinese in both.`);

export function limitField(fallback: number, what: string) {
    return z
        .number({ error: () => `limit must be a whole number from 1 to ${MAX_LIMIT}` })
        .int({ error: () => `limit must be a whole number from 1 to ${MAX_LIMIT}` })
        .min(1, { error: () => `limit must be at least 1` })
        .max(MAX_LIMIT, { error: () => `limit must be at most ${MAX_LIMIT}` })
        .optional()
        .describe(`How many ${what} to return at most, 1–${MAX_LIMIT}. Default ${fallback}.`);
}

export const kindField = vocabEnum(KINDS.values, 'kind');

export function idField(description: string) {
    return z
        .string({ error: (issue) => (issue.input === undefined ? 'id is required' : 'id must be a string') })
        .trim()
        .min(1, { error: () => 'id must not be empty' })
        .max(MAX_ID_CHARS, { error: () => `id is too long (at most ${MAX_ID_CHARS} characters); ids look like "keji-lvyuedai"` })
        .describe(description);
}

/**
 * A strict object: an unknown argument (a typo such as `qualification` for
 * `qualifications`) is refused with the list of known ones rather than
 * silently dropped, so a model learns its mistake from one answer.
 */
export function toolInput<T extends z.ZodRawShape>(shape: T) {
    const known = Object.keys(shape).join(', ');
    return z.strictObject(shape, {
        error: (issue) =>
            issue.code === 'unrecognized_keys'
                ? `unknown argument(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; allowed: ${known}`
                : undefined,
    });
}

// ---- output pieces -------------------------------------------------------

/** Loose: a field added to card sources later must not break clients that validate. */
export const sourceOut = z
    .looseObject({
        key: z.string(),
        title: z.string(),
        url: z.string().optional(),
        ref: z.string().optional().describe('文号 or other reference of a document'),
        date: z.string().optional(),
        note: z.string().optional(),
    })
    .describe('Where a fact comes from: cite its title and url (or 文号) when you repeat the fact');

const phoneOut = z.object({
    value: z.string(),
    label: z.string().optional().describe('What the number is for, in the requested language'),
});

export const contactSummaryOut = z.object({
    id: z.string().describe('Organization id; get_financing_contacts gives its full card'),
    name: z.string(),
    phones: z.array(phoneOut),
    website: z.string().optional(),
    address: z.string().optional(),
});

export const kindOut = z.enum(KINDS.values);
