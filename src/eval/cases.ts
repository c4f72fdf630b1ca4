/**
 * Evaluation cases (`tests/eval/*.jsonl`, format in the catalogue): search
 * questions with the ids expected among the first results, firm profiles
 * with the products expected and rejected, and questions with the strings
 * an answer must state. A malformed line fails
 * loudly with its file and line number: a silently skipped case would make
 * the figures lie.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { LANGS } from '../core/vocabulary.ts';
import { PROJECT_ROOT } from '../root.ts';

export const searchCaseSchema = z.strictObject({
    q: z.string(),
    lang: z.enum(LANGS),
    /** Empty: the question is outside the knowledge and must not be answered confidently. */
    expect: z.array(z.string()),
    /** Why the case is there (typo, traditional characters, colloquial…). Free text. */
    note: z.string().optional(),
});

export const matchCaseSchema = z.strictObject({
    /** Validated by the matcher itself: an invalid profile is a failing case. */
    profile: z.record(z.string(), z.unknown()),
    expect: z.array(z.string()),
    reject: z.array(z.string()),
    note: z.string().optional(),
});

export const answerCaseSchema = z.strictObject({
    q: z.string(),
    lang: z.enum(LANGS),
    /** The item (or items) holding the fact. */
    item: z.union([z.string(), z.array(z.string())]),
    /** Any one of these in what the user reads first answers the question (see judge.ts). */
    expect_any: z.array(z.string()).min(1),
    aspect: z.string(),
    /** The knowledge does not hold the fact: the answer must say so. */
    absent: z.boolean().optional(),
    why: z.string(),
});

export const dialogueCaseSchema = z.strictObject({
    /** Typed one after another into one fresh bot; a number presses that button of the last reply. */
    turns: z.array(z.string()).min(1),
    /** Any one of these in the first 500 characters of the last reply passes the dialogue. */
    expect_last_any: z.array(z.string()).min(1),
    /** What the last turn depends on: pronoun, ellipsis, follow-up, profile, correction, language, clarify… */
    type: z.string().optional(),
    item: z
        .union([z.string(), z.array(z.string())])
        .nullable()
        .optional(),
    why: z.string(),
});

export type AnswerCase = z.infer<typeof answerCaseSchema> & { readonly file: string; readonly line: number };
export type SearchCase = z.infer<typeof searchCaseSchema> & { readonly file: string; readonly line: number };
export type MatchCase = z.infer<typeof matchCaseSchema> & { readonly file: string; readonly line: number };
export type DialogueCase = z.infer<typeof dialogueCaseSchema> & { readonly file: string; readonly line: number };

/** The case files read, in this order; a missing file is skipped (the extras are optional). */
export const SEARCH_FILES = [
    'search.jsonl',
    'search.extra.jsonl',
    'search.strangers2.jsonl',
    'search.strangers3.jsonl',
    'search.strangers4.jsonl',
] as const;
export const MATCH_FILES = ['match.jsonl', 'match.extra.jsonl'] as const;
export const ANSWER_FILES = [
    'answers.jsonl',
    'answers.extra.jsonl',
    'answers.strangers.jsonl',
    'answers.strangers2.jsonl',
    'answers.strangers3.jsonl',
    'answers.strangers4.jsonl',
    'answers.strangers5.jsonl',
    'answers.strangers6.jsonl',
    'answers.strangers7.jsonl',
    'answers.strangers8.jsonl',
    'answers.strangers9.jsonl',
    'answers.strangers10.jsonl',
    'answers.strangers11.jsonl',
    'answers.strangers12.jsonl',
    'answers.strangers13.jsonl',
    'answers.strangers14.jsonl',
    'answers.strangers15.jsonl',
    'answers.strangers16.jsonl',
    'answers.strangers18.jsonl',
    'answers.strangers20.jsonl',
] as const;
export const DIALOGUE_FILES = [
    'dialogues.jsonl',
    'dialogues.extra.jsonl',
    'dialogues.strangers.jsonl',
    'dialogues.strangers2.jsonl',
    'dialogues.strangers3.jsonl',
    'dialogues.strangers4.jsonl',
    'dialogues.strangers5.jsonl',
    'dialogues.strangers6.jsonl',
    'dialogues.strangers7.jsonl',
    'dialogues.strangers8.jsonl',
    'dialogues.strangers9.jsonl',
    'dialogues.strangers10.jsonl',
    'dialogues.strangers11.jsonl',
    'dialogues.strangers12.jsonl',
    'dialogues.strangers15.jsonl',
    'dialogues.strangers16.jsonl',
    'dialogues.strangers17.jsonl',
    'dialogues.strangers18.jsonl',
    'dialogues.strangers19.jsonl',
    'dialogues.strangers20.jsonl',
] as const;

/**
 * The held-out set: questions and dialogues written from the sources by
 * people who never saw the code, kept apart and never tuned on. Its figures
 * are reported beside the others, never mixed into them.
 */
export const HELDOUT_FILES = {
    answers: [
        'heldout-answers.jsonl',
        'heldout3-answers.jsonl',
        'heldout4-answers.jsonl',
        'heldout5-answers.jsonl',
        'heldout6-answers.jsonl',
        'heldout7-answers.jsonl',
        'heldout8-answers.jsonl',
        'heldout9-answers.jsonl',
        'heldout10-answers.jsonl',
        'heldout11-answers.jsonl',
        'heldout12-answers.jsonl',
        'heldout13-answers.jsonl',
        'heldout14-answers.jsonl',
        'heldout15-answers.jsonl',
        'heldout16-answers.jsonl',
        'heldout17-answers.jsonl',
        'heldout18-answers.jsonl',
        'heldout19-answers.jsonl',
        'heldout20-answers.jsonl',
        'heldout21-answers.jsonl',
        'heldout22-answers.jsonl',
        'heldout23-answers.jsonl',
        'heldout24-answers.jsonl',
        'heldout25-answers.jsonl',
        'heldout26-answers.jsonl',
        'heldout27-answers.jsonl',
        'heldout28-answers.jsonl',
        'heldout29-answers.jsonl',
        'heldout30-answers.jsonl',
        'heldout31-answers.jsonl',
    ],
    search: [
        'heldout-offtopic.jsonl',
        'heldout3-offtopic.jsonl',
        'heldout4-offtopic.jsonl',
        'heldout5-offtopic.jsonl',
        'heldout6-offtopic.jsonl',
        'heldout7-offtopic.jsonl',
        'heldout8-offtopic.jsonl',
        'heldout9-offtopic.jsonl',
        'heldout10-offtopic.jsonl',
        'heldout11-offtopic.jsonl',
        'heldout12-offtopic.jsonl',
        'heldout13-offtopic.jsonl',
        'heldout14-offtopic.jsonl',
        'heldout15-offtopic.jsonl',
        'heldout16-offtopic.jsonl',
        'heldout17-offtopic.jsonl',
        'heldout18-offtopic.jsonl',
        'heldout19-offtopic.jsonl',
        'heldout20-offtopic.jsonl',
        'heldout21-offtopic.jsonl',
        'heldout22-offtopic.jsonl',
        'heldout23-offtopic.jsonl',
        'heldout24-offtopic.jsonl',
        'heldout25-offtopic.jsonl',
        'heldout26-offtopic.jsonl',
        'heldout27-offtopic.jsonl',
        'heldout28-offtopic.jsonl',
        'heldout29-offtopic.jsonl',
        'heldout30-offtopic.jsonl',
        'heldout31-offtopic.jsonl',
    ],
    dialogues: [
        'heldout-dialogues.jsonl',
        'heldout3-dialogues.jsonl',
        'heldout4-dialogues.jsonl',
        'heldout5-dialogues.jsonl',
        'heldout6-dialogues.jsonl',
        'heldout7-dialogues.jsonl',
        'heldout8-dialogues.jsonl',
        'heldout9-dialogues.jsonl',
        'heldout10-dialogues.jsonl',
        'heldout11-dialogues.jsonl',
        'heldout12-dialogues.jsonl',
        'heldout13-dialogues.jsonl',
        'heldout14-dialogues.jsonl',
        'heldout15-dialogues.jsonl',
        'heldout16-dialogues.jsonl',
        'heldout17-dialogues.jsonl',
        'heldout18-dialogues.jsonl',
        'heldout19-dialogues.jsonl',
        'heldout20-dialogues.jsonl',
        'heldout21-dialogues.jsonl',
        'heldout22-dialogues.jsonl',
        'heldout23-dialogues.jsonl',
        'heldout24-dialogues.jsonl',
        'heldout25-dialogues.jsonl',
        'heldout26-dialogues.jsonl',
        'heldout27-dialogues.jsonl',
        'heldout28-dialogues.jsonl',
        'heldout29-dialogues.jsonl',
        'heldout30-dialogues.jsonl',
        'heldout31-dialogues.jsonl',
    ],
} as const;

/** The default case folder: `tests/eval/` of this repository, found from this file. */
export const DEFAULT_CASES_DIR = path.join(PROJECT_ROOT, 'tests/eval');

async function readLines<T extends z.ZodType>(
    dir: string,
    files: readonly string[],
    schema: T,
): Promise<(z.infer<T> & { file: string; line: number })[]> {
    const out: (z.infer<T> & { file: string; line: number })[] = [];
    for (const file of files) {
        const text = await readFile(path.join(dir, file), 'utf8').catch((err: NodeJS.ErrnoException) => {
            if (err.code === 'ENOENT') return null;
            throw err;
        });
        if (text === null) continue;
        text.split('\n').forEach((raw, i) => {
            const line = raw.trim();
            if (line.length === 0 || line.startsWith('//')) return;
            let json: unknown;
            try {
                json = JSON.parse(line);
            } catch (err) {
                throw new Error(`kejin eval: ${file}:${i + 1}: not JSON (${(err as Error).message})`, { cause: err });
            }
            const parsed = schema.safeParse(json);
            if (!parsed.success)
                throw new Error(`kejin eval: ${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
            out.push({ ...(parsed.data as object), file, line: i + 1 } as z.infer<T> & { file: string; line: number });
        });
    }
    return out;
}

export function loadSearchCases(dir = DEFAULT_CASES_DIR, files: readonly string[] = SEARCH_FILES): Promise<SearchCase[]> {
    return readLines(dir, files, searchCaseSchema);
}

export function loadMatchCases(dir = DEFAULT_CASES_DIR): Promise<MatchCase[]> {
    return readLines(dir, MATCH_FILES, matchCaseSchema);
}

export function loadAnswerCases(dir = DEFAULT_CASES_DIR, files: readonly string[] = ANSWER_FILES): Promise<AnswerCase[]> {
    return readLines(dir, files, answerCaseSchema);
}

export function loadDialogueCases(dir = DEFAULT_CASES_DIR, files: readonly string[] = DIALOGUE_FILES): Promise<DialogueCase[]> {
    return readLines(dir, files, dialogueCaseSchema);
}
