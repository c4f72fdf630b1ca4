/**
 * What the bot keeps about a user, and where. One session per Telegram user
 * (not per chat): a firm profile typed in a group stays the user's own, and
 * inline queries, which have no chat, still know the user's language.
 *
 * The store is any grammY `StorageAdapter`; the default is JSON files under
 * DATA_DIR/sessions, written atomically. Whatever is read back is validated
 * field by field: a corrupt or outdated value is dropped alone, never the
 * whole session, and never a crash on every update.
 */
import path from 'node:path';
import type { StorageAdapter } from 'grammy';
import { z } from 'zod';
import { errorSummary, type Logger } from '../../logger.ts';
import { profileShape } from '../../core/match/profile.ts';
import { LANGS, type Lang } from '../../core/vocabulary.ts';
import { checkFocus, checkMatched, type ConversationState, type Focus } from '../../core/conversation/state.ts';
import { FailureEpisode } from '../runtime/episode.ts';
import { AtomicFileStorage, SessionStoreError } from './file-storage.ts';
import { STEPS, type Draft, type FlowState } from '../conversation/questionnaire.ts';

export interface SessionData {
    /** The language the user chose with /lang; unset: from Telegram. */
    lang?: 'zh' | 'en';
    /** The firm profile saved at the end of the questionnaire. */
    profile?: Draft;
    /** The questionnaire in progress. */
    flow?: SessionFlow;
    /** What the last question stated about the firm, offered as a match until used. */
    understood?: Draft;
    /** What the conversation is about: the items of the last answer and the aspect asked (core/conversation). */
    focus?: Focus;
    /** The products of the last match, best first. */
    matched?: readonly string[];
}

/**
 * The questionnaire in progress with the language it began in: the language of the message that asked for it (an
 * English question from a Chinese Telegram), which its steps and results keep (see profile-flow.ts `flowLang`).
 */
export type SessionFlow = FlowState & { readonly lang?: Lang };

/** The conversation's part of a session: language, profile, focus and last match (core/conversation/state.ts). */
export function conversationOf(session: SessionData): ConversationState {
    return {
        ...(session.lang ? { lang: session.lang } : {}),
        ...(session.profile ? { profile: session.profile } : {}),
        ...(session.focus ? { focus: session.focus } : {}),
        ...(session.matched ? { matched: session.matched } : {}),
    };
}

/** Writes a turn's state back into the session (a field the turn dropped is removed). */
export function keepConversation(session: SessionData, state: ConversationState): void {
    const set = <K extends 'profile' | 'focus' | 'matched'>(key: K, value: SessionData[K] | undefined) => {
        if (value === undefined) delete session[key];
        else session[key] = value;
    };
    set('profile', state.profile);
    set('focus', state.focus);
    set('matched', state.matched);
    // A language asked for in a message ("English please") is the user's choice, as /lang is; a turn never unsets one.
    if (state.lang) session.lang = state.lang;
}

type DraftKey = keyof Draft;

/** Each field of a draft with its own schema, so that one bad value costs only itself. */
const DRAFT_FIELDS: Record<DraftKey, z.ZodType> = {
    stage: profileShape.stage,
    qualifications: profileShape.qualifications,
    size: profileShape.size,
    needs: profileShape.needs,
    hasIntellectualProperty: profileShape.hasIntellectualProperty,
    amountWan: profileShape.amountWan,
    qualificationsLacking: profileShape.qualificationsLacking,
    annualRevenueWan: profileShape.annualRevenueWan,
    employees: profileShape.employees,
};
const langSchema = z.enum(LANGS);
const stepSchema = z
    .number()
    .int()
    .min(0)
    .max(STEPS.length - 1);

export interface CheckedSession {
    readonly session: SessionData;
    /** What was dropped, as `field: value` (the value only when it looks like a vocabulary word). */
    readonly dropped: readonly string[];
}

/**
 * Validates stored data field by field: a value that does not fit (a
 * qualification the vocabulary no longer has, a corrupt number) is dropped
 * alone, and list entries one by one; everything valid is kept.
 */
export function checkSession(value: unknown): CheckedSession {
    const dropped: string[] = [];
    const drop = (field: string, v: unknown) => dropped.push(`${field}: ${shown(v)}`);
    if (!isRecord(value)) {
        if (value !== undefined && value !== null) drop('(session)', value);
        return { session: {}, dropped };
    }
    const session: SessionData = {};
    for (const [field, v] of Object.entries(value)) {
        if (v === undefined) continue;
        switch (field) {
            case 'lang':
                if (langSchema.safeParse(v).success) session.lang = v as SessionData['lang'];
                else drop(field, v);
                break;
            case 'profile':
            case 'understood': {
                const draft = checkDraft(v, field, drop);
                if (Object.keys(draft).length > 0) session[field] = draft;
                break;
            }
            case 'focus': {
                const focus = checkFocus(v);
                if (focus) session.focus = focus;
                else drop(field, v);
                break;
            }
            case 'matched': {
                const matched = checkMatched(v);
                if (matched) session.matched = matched;
                else drop(field, v);
                break;
            }
            case 'flow': {
                if (!isRecord(v) || !stepSchema.safeParse(v.step).success) {
                    drop('flow.step', isRecord(v) ? v.step : v);
                    break;
                }
                const flowLang = v.lang === undefined || langSchema.safeParse(v.lang).success ? (v.lang as Lang | undefined) : undefined;
                if (v.lang !== undefined && !flowLang) drop('flow.lang', v.lang);
                session.flow = {
                    step: v.step as number,
                    draft: checkDraft(v.draft ?? {}, 'flow.draft', drop),
                    ...(flowLang ? { lang: flowLang } : {}),
                };
                break;
            }
            default:
                drop(field, v);
        }
    }
    return { session, dropped };
}

/** `checkSession` without the report. */
export function sanitizeSession(value: unknown): SessionData {
    return checkSession(value).session;
}

function checkDraft(value: unknown, at: string, drop: (field: string, v: unknown) => void): Draft {
    if (!isRecord(value)) {
        drop(at, value);
        return {};
    }
    const draft: Record<string, unknown> = {};
    for (const [field, v] of Object.entries(value)) {
        if (v === undefined) continue;
        const schema = DRAFT_FIELDS[field as DraftKey] as z.ZodType | undefined;
        if (!schema) {
            drop(`${at}.${field}`, v);
        } else if (Array.isArray(v)) {
            // A list keeps its good entries: validate each one as a list of one.
            const kept = [...new Set(v)].filter((entry) => {
                const ok = schema.safeParse([entry]).success;
                if (!ok) drop(`${at}.${field}`, entry);
                return ok;
            });
            // An empty list is an answer ("none of these"); one emptied here is not.
            if ((kept.length > 0 || v.length === 0) && schema.safeParse(kept).success) draft[field] = kept;
        } else if (schema.safeParse(v).success) {
            draft[field] = v;
        } else {
            drop(`${at}.${field}`, v);
        }
    }
    return draft as Draft;
}

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A dropped value is shown only when it looks like a vocabulary word; anything else might be personal. */
function shown(v: unknown): string {
    if (typeof v === 'string' && /^[a-z0-9_-]{1,40}$/i.test(v)) return JSON.stringify(v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return Array.isArray(v) ? 'a list' : typeof v;
}

export function isEmptySession(s: SessionData): boolean {
    return (
        s.lang === undefined &&
        s.profile === undefined &&
        s.flow === undefined &&
        s.understood === undefined &&
        s.focus === undefined &&
        s.matched === undefined
    );
}

/** The session key: the user's id. Updates without a user have no session. */
export function sessionKey(ctx: { from?: { id: number } | undefined }): string | undefined {
    return ctx.from ? String(ctx.from.id) : undefined;
}

/** The default embedded store: one JSON file per user under `dataDir/sessions`, written atomically. */
export function createFileStorage(dataDir: string): StorageAdapter<unknown> {
    return new AtomicFileStorage(path.resolve(dataDir, 'sessions'));
}

/** What a key held when it was last read, to skip writing it back unchanged. */
const UNREADABLE = Symbol('unreadable');
type Known = string | typeof UNREADABLE;
/** Keys remembered between read and write; beyond this the oldest are forgotten (and simply written). */
const MAX_KNOWN = 10_000;

/**
 * Wraps any store (files, Redis…) so that:
 * - what is read is validated field by field (`checkSession`), and what was
 *   dropped is logged;
 * - a record that cannot be parsed becomes an empty session, and one that
 *   cannot be read at all is never overwritten in this update;
 * - a session is written only when it changed, and an empty one deletes the
 *   record instead of writing `{}` for every passer-by;
 * - a store that cannot be written is reported once, not on every update,
 *   and the update goes on (the user is answered; nothing is saved).
 * Nothing logged names the key, which is a user id.
 */
export function guardedStorage(inner: StorageAdapter<unknown>, logger: Logger): StorageAdapter<SessionData> {
    const known = new Map<string, Known>();
    const remember = (key: string, value: Known) => {
        known.delete(key);
        known.set(key, value);
        if (known.size > MAX_KNOWN) known.delete(known.keys().next().value!);
    };
    const writes = new FailureEpisode(logger, {
        failed: (err) =>
            `${writeFailureHeadline(err)}: answers go on, but languages, profiles and questionnaire steps are not saved until it is fixed`,
        recovered: 'the session store is writable again',
    });
    const reads = new FailureEpisode(logger, {
        failed: () => 'the session store cannot be read: users start with an empty session, and their records are left untouched',
        recovered: 'the session store is readable again',
    });
    return {
        async read(key) {
            let raw: unknown;
            try {
                raw = await inner.read(key);
                reads.ok();
            } catch (err) {
                if (err instanceof SyntaxError) {
                    logger.warn({ err: errorSummary(err) }, 'session record is not valid JSON; starting a fresh session');
                    remember(key, '');
                } else {
                    reads.failed(err);
                    remember(key, UNREADABLE);
                }
                return undefined;
            }
            if (raw === undefined) {
                remember(key, '');
                return undefined;
            }
            const { session, dropped } = checkSession(raw);
            if (dropped.length > 0) logger.warn({ dropped }, 'session record: dropped values that are no longer valid, kept the rest');
            // Remember the stored form, so that a cleaned record is written back once.
            remember(key, dropped.length > 0 ? JSON.stringify(raw) : JSON.stringify(session));
            return session;
        },
        async write(key, value) {
            const before = known.get(key);
            known.delete(key);
            if (before === UNREADABLE) return; // its content is unknown: writing could destroy it
            const empty = isEmptySession(value);
            const after = empty ? '' : JSON.stringify(value);
            if (before === after) return;
            try {
                if (empty) await inner.delete(key);
                else await inner.write(key, value);
                writes.ok();
            } catch (err) {
                writes.failed(err);
            }
        },
        async delete(key) {
            known.delete(key);
            await inner.delete(key);
        },
    };
}

function writeFailureHeadline(err: unknown): string {
    if (err instanceof SessionStoreError && (err.code === 'EACCES' || err.code === 'EROFS' || err.code === 'EPERM')) {
        return `DATA_DIR is not writable (${err.message})`;
    }
    return `the session store cannot be written (${errorSummary(err).message})`;
}
