/**
 * One entry of the question log: a question kejin did not answer well, as
 * staff need it to improve the knowledge, and nothing more. No user id,
 * chat id or name is ever part of it; the question text is scrubbed of
 * personal data (scrub.ts) before it gets here.
 */
import { z } from 'zod';
import type { Answer } from '../answer/answer.ts';
import { LANGS, type Lang } from '../vocabulary.ts';
import { scrubPersonalData } from './scrub.ts';

/** Where a question was asked: the Telegram bot (and the terminal), MCP, the web page. */
export const FRONTS = ['bot', 'mcp', 'web'] as const;
export type Front = (typeof FRONTS)[number];

/** Why a question was logged. */
export const REASONS = ['not-confident', 'unhelpful'] as const;
export type Reason = (typeof REASONS)[number];

/** Longest question text kept; the search reads no more either. */
export const MAX_LOGGED_CHARS = 500;

export const questionRecordSchema = z.object({
    /** ISO time the question was asked. */
    at: z.iso.datetime(),
    front: z.enum(FRONTS),
    lang: z.enum(LANGS),
    /** The question with personal data removed. */
    question: z.string().min(1).max(MAX_LOGGED_CHARS),
    reason: z.enum(REASONS),
    answered: z.object({
        /** Ids of the items shown, best first; empty when nothing was. */
        ids: z.array(z.string()),
        /** What the question was about (rate, amount, contacts…), where the answer says so. */
        aspect: z.string().optional(),
        confident: z.boolean(),
    }),
    knowledgeVersion: z.string(),
});

export type QuestionRecord = z.infer<typeof questionRecordSchema>;

/** What a front knows when it asks to log a question. */
export interface QuestionEvent {
    readonly front: Front;
    readonly question: string;
    readonly lang: Lang;
    readonly ids: readonly string[];
    readonly confident: boolean;
    readonly aspect?: string;
    readonly knowledgeVersion: string;
    readonly reason?: Reason;
    /** Default: now. */
    readonly at?: Date;
}

/** What the log keeps of a chat front's question and its answer: the item answered from first, then the other results. */
export function answerEvent(front: Front, question: string, answer: Answer, knowledgeVersion: string): QuestionEvent {
    const ids = [...new Set([...(answer.item ? [answer.item.id] : []), ...answer.search.results.map((r) => r.id)])];
    return { front, question, lang: answer.lang, ids, confident: answer.confident, knowledgeVersion };
}

/**
 * A text as one plain line: line breaks and tabs become spaces, control and
 * format characters (bidi overrides such as U+202E, zero-width marks) go,
 * except the zero-width joiner inside emoji. What a user typed can then
 * neither break a report's structure nor reorder how it reads.
 */
export function plainLine(text: string): string {
    return text
        .replace(/[\r\n\t\v\f\u0085\u2028\u2029]+/g, ' ')
        .replace(/(?!\u200d)[\p{Cc}\p{Cf}]/gu, '')
        .replace(/ {2,}/g, ' ')
        .trim();
}

/** A record for an event; the question is cleaned, scrubbed and bounded here, once for every front. */
export function toRecord(event: QuestionEvent): QuestionRecord {
    const question = scrubPersonalData(plainLine(event.question)).slice(0, MAX_LOGGED_CHARS);
    return {
        at: (event.at ?? new Date()).toISOString(),
        front: event.front,
        lang: event.lang,
        question: question === '' ? '?' : question,
        reason: event.reason ?? (event.confident ? 'unhelpful' : 'not-confident'),
        answered: { ids: [...event.ids], ...(event.aspect ? { aspect: event.aspect } : {}), confident: event.confident },
        knowledgeVersion: event.knowledgeVersion,
    };
}

/** Parses one stored line; undefined for a torn or foreign one. */
export function parseRecord(text: string): QuestionRecord | undefined {
    try {
        const parsed = questionRecordSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
    } catch {
        return undefined;
    }
}
