/**
 * What the bot keeps about a user, and where. One session per Telegram user
 * (not per chat): a firm profile typed in a group stays the user's own, and
 * inline queries, which have no chat, still know the user's language.
 *
 * The store is any grammY `StorageAdapter`; the default is JSON files under
 * DATA_DIR/sessions. Whatever is read back is validated: a corrupt or
 * outdated file becomes an empty session, never a crash on every update.
 */
import path from 'node:path';
import { FileAdapter } from '@grammyjs/storage-file';
import type { StorageAdapter } from 'grammy';
import { z } from 'zod';
import type { Logger } from 'pino';
import { profileShape } from '../core/match/profile.ts';
import { LANGS } from '../core/vocabulary.ts';
import { STEPS, type Draft, type FlowState } from './questionnaire.ts';

export interface SessionData {
    /** The language the user chose with /lang; unset: from Telegram. */
    lang?: 'zh' | 'en';
    /** The firm profile saved at the end of the questionnaire. */
    profile?: Draft;
    /** The questionnaire in progress. */
    flow?: FlowState;
    /** What the last question stated about the firm, offered as a match until used. */
    understood?: Draft;
}

const draftSchema = z.object({
    stage: profileShape.stage,
    qualifications: profileShape.qualifications,
    size: profileShape.size,
    needs: profileShape.needs,
    hasIntellectualProperty: profileShape.hasIntellectualProperty,
    amountWan: profileShape.amountWan,
});

const sessionSchema = z.object({
    lang: z.enum(LANGS).optional().catch(undefined),
    profile: draftSchema.optional().catch(undefined),
    understood: draftSchema.optional().catch(undefined),
    flow: z
        .object({ step: z.number().int().min(0).max(STEPS.length - 1), draft: draftSchema })
        .optional()
        .catch(undefined),
});

/** Validates stored data; what does not fit is dropped field by field. */
export function sanitizeSession(value: unknown): SessionData {
    const parsed = sessionSchema.safeParse(value);
    if (!parsed.success) return {};
    const out: SessionData = {};
    if (parsed.data.lang) out.lang = parsed.data.lang;
    if (parsed.data.profile) out.profile = stripUndefined(parsed.data.profile);
    if (parsed.data.understood) out.understood = stripUndefined(parsed.data.understood);
    if (parsed.data.flow) out.flow = { step: parsed.data.flow.step, draft: stripUndefined(parsed.data.flow.draft) };
    return out;
}

function stripUndefined<T extends object>(o: T): T {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function isEmptySession(s: SessionData): boolean {
    return s.lang === undefined && s.profile === undefined && s.flow === undefined && s.understood === undefined;
}

/** The session key: the user's id. Updates without a user have no session. */
export function sessionKey(ctx: { from?: { id: number } | undefined }): string | undefined {
    return ctx.from ? String(ctx.from.id) : undefined;
}

/** The default embedded store: one JSON file per user under `dataDir/sessions`. */
export function createFileStorage(dataDir: string): StorageAdapter<unknown> {
    return new FileAdapter<unknown>({ dirName: path.resolve(dataDir, 'sessions'), serializer: (v) => JSON.stringify(v) });
}

/**
 * Wraps a store so that reads are validated and failures of a read become an
 * empty session (logged without the key, which is a user id), and an empty
 * session deletes the record instead of writing `{}` for every passer-by.
 */
export function guardedStorage(inner: StorageAdapter<unknown>, logger: Logger): StorageAdapter<SessionData> {
    return {
        async read(key) {
            try {
                const value = await inner.read(key);
                return value === undefined ? undefined : sanitizeSession(value);
            } catch (err) {
                logger.warn({ err: errorSummary(err) }, 'session record unreadable; starting a fresh session');
                return undefined;
            }
        },
        async write(key, value) {
            if (isEmptySession(value)) await inner.delete(key);
            else await inner.write(key, value);
        },
        async delete(key) {
            await inner.delete(key);
        },
    };
}

export function errorSummary(err: unknown): { name: string; message: string } {
    if (err instanceof Error) return { name: err.name, message: err.message.slice(0, 300) };
    return { name: typeof err, message: String(err).slice(0, 300) };
}
