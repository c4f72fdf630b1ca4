/**
 * A browser's session: an opaque random id in a cookie, and under it the
 * same session record as a Telegram user's (bot/storage/session.ts: the same store,
 * file or Redis, the same field-by-field validation, the same TTL), plus the
 * transcript the page shows, kept beside it under its own key so that the
 * bot's validation never sees it.
 *
 * The id is 32 random bytes: it is the only credential, so it is never
 * logged, and the store key is derived from it with a prefix that no
 * Telegram user id can take.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StorageAdapter } from 'grammy';
import type { SessionData } from '../bot/storage/session.ts';

export const COOKIE_NAME = 'kejin_sid';
const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** At most this many entries are kept and shown; older ones fall off the top. */
export const MAX_TRANSCRIPT_ENTRIES = 40;
/** And at most this many characters of HTML in all, so that a record stays small. */
const MAX_TRANSCRIPT_CHARS = 200_000;

export interface Entry {
    readonly from: 'user' | 'bot';
    /** Markup made by this server from escaped text (render.ts), never the user's raw words. */
    readonly html: string;
}

export function newSessionId(): string {
    return randomBytes(32).toString('base64url');
}

export function isSessionId(value: string | undefined): value is string {
    return value !== undefined && ID_PATTERN.test(value);
}

/** The store key of a browser session (file names allow [A-Za-z0-9_-]). */
export function sessionStoreKey(id: string): string {
    return `web-${id}`;
}

function transcriptKey(id: string): string {
    return `web-${id}-log`;
}

/**
 * The session's CSRF token: a digest of the id. A page on another site can
 * neither read the HttpOnly cookie nor this page, so it cannot know it.
 */
export function csrfToken(id: string): string {
    return createHash('sha256').update(`kejin-web-csrf\0${id}`).digest('base64url').slice(0, 32);
}

export function csrfMatches(id: string, given: string | undefined): boolean {
    if (!given) return false;
    const want = createHash('sha256').update(csrfToken(id)).digest();
    return timingSafeEqual(want, createHash('sha256').update(given).digest());
}

/** The session id a request's Cookie header names, if well formed. */
export function sessionIdOf(cookieHeader: string | undefined): string | undefined {
    for (const part of (cookieHeader ?? '').split(';')) {
        const [name, ...rest] = part.trim().split('=');
        if (name === COOKIE_NAME) {
            const value = rest.join('=');
            return isSessionId(value) ? value : undefined;
        }
    }
    return undefined;
}

export function sessionCookie(id: string, options: { secure: boolean; maxAgeDays: number }): string {
    const maxAge = Math.round(options.maxAgeDays * 86_400);
    return `${COOKIE_NAME}=${id}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;
}

export function clearedCookie(secure: boolean): string {
    return `${COOKIE_NAME}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export interface WebSessions {
    read(id: string): Promise<SessionData>;
    write(id: string, session: SessionData): Promise<void>;
    transcript(id: string): Promise<Entry[]>;
    /** Stores the transcript, bounded; returns what was kept. */
    saveTranscript(id: string, entries: readonly Entry[]): Promise<Entry[]>;
    /** "删除我的数据": the session record and the transcript. */
    forget(id: string): Promise<void>;
}

/**
 * `sessions`: the bot's guarded store (validation, write-only-when-changed);
 * `transcripts`: the same store unguarded (files: without fsync, see bin/web.ts).
 */
export function createWebSessions(sessions: StorageAdapter<SessionData>, transcripts: StorageAdapter<unknown>): WebSessions {
    return {
        read: async (id) => (await sessions.read(sessionStoreKey(id))) ?? {},
        write: async (id, session) => {
            await sessions.write(sessionStoreKey(id), session);
        },
        async transcript(id) {
            try {
                return checkTranscript(await transcripts.read(transcriptKey(id)));
            } catch {
                return [];
            }
        },
        async saveTranscript(id, entries) {
            const kept = bound([...entries]);
            await transcripts.write(transcriptKey(id), kept);
            return kept;
        },
        async forget(id) {
            await Promise.all([sessions.delete(sessionStoreKey(id)), transcripts.delete(transcriptKey(id))]);
        },
    };
}

function checkTranscript(value: unknown): Entry[] {
    if (!Array.isArray(value)) return [];
    return value.filter(
        (e): e is Entry => typeof e === 'object' && e !== null && (e.from === 'user' || e.from === 'bot') && typeof e.html === 'string',
    );
}

function bound(entries: Entry[]): Entry[] {
    let kept = entries.slice(-MAX_TRANSCRIPT_ENTRIES);
    let size = kept.reduce((n, e) => n + e.html.length, 0);
    while (kept.length > 1 && size > MAX_TRANSCRIPT_CHARS) {
        size -= kept[0]!.html.length;
        kept = kept.slice(1);
    }
    return kept;
}
