/**
 * The 👍 / 👎 under a bot answer. The button carries only a short random
 * token; what a 👎 would log waits here until pressed (or expires), so that
 * neither the button nor the session holds the question. One vote per
 * answer: the first press takes the entry.
 *
 * What is kept is what the question log would keep, no more: the question
 * scrubbed of personal data (scrub.ts) and bounded, the ids shown, the
 * language and the knowledge version; never the text as typed, nor who
 * asked. Each entry is filed under its owner's pseudonym (`feedbackOwner`)
 * so that /forget can remove them before they expire.
 *
 * In memory by default (a press after a restart just gets thanks); in Redis
 * with REDIS_URL, so that a press reaching another instance still counts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { redisKey, type RedisClient } from '../infra/redis.ts';
import { MAX_LOGGED_CHARS, type QuestionEvent } from './record.ts';
import { scrubPersonalData } from './scrub.ts';

export interface FeedbackMemo {
    /** Keeps the answered question, scrubbed, under its owner (see feedbackOwner) and returns the token for its buttons. */
    put(event: QuestionEvent, owner?: string): Promise<string>;
    /** The question of a token, once; undefined when unknown, taken, forgotten or expired. */
    take(token: string): Promise<QuestionEvent | undefined>;
    /** Removes every entry of an owner (/forget). */
    forget(owner: string): Promise<void>;
}

/**
 * The name an owner's entries are filed under: a hash of the user id, so
 * that the memo holds no user id in the clear (a Redis key listing shows
 * none), yet /forget finds the entries again.
 */
export function feedbackOwner(userId: number | string): string {
    return createHash('sha256').update(`kejin-feedback-owner:${userId}`).digest('base64url').slice(0, 22);
}

export interface FeedbackMemoOptions {
    /** How long a vote is possible, in seconds. Default one day. */
    readonly ttlSeconds?: number;
    /** Memory store: entries kept at most, oldest dropped first. Default 5,000. */
    readonly maxEntries?: number;
}

export const FEEDBACK_TOKEN = /^[A-Za-z0-9_-]{12}$/;
const DEFAULT_TTL_SECONDS = 86_400;

const newToken = () => randomBytes(9).toString('base64url');

/** What is kept of an event: its fields with the question scrubbed and bounded, the date as text. */
type Stored = Omit<QuestionEvent, 'at'> & { readonly at?: string };
const store = (e: QuestionEvent): Stored => ({
    front: e.front,
    question: scrubPersonalData(e.question.trim()).slice(0, MAX_LOGGED_CHARS),
    lang: e.lang,
    ids: [...e.ids],
    confident: e.confident,
    ...(e.aspect ? { aspect: e.aspect } : {}),
    knowledgeVersion: e.knowledgeVersion,
    ...(e.reason ? { reason: e.reason } : {}),
    at: (e.at ?? new Date()).toISOString(),
});
const restore = (s: Stored): QuestionEvent => ({ ...s, at: s.at ? new Date(s.at) : new Date() });

export function createMemoryFeedbackMemo(options: FeedbackMemoOptions = {}): FeedbackMemo {
    const ttlMs = (options.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000;
    const max = options.maxEntries ?? 5000;
    const entries = new Map<string, { stored: Stored; expires: number; owner: string | undefined }>();
    return {
        async put(event, owner) {
            const token = newToken();
            entries.set(token, { stored: store(event), expires: Date.now() + ttlMs, owner });
            // A Map iterates in insertion order: the first key is the oldest.
            while (entries.size > max) entries.delete(entries.keys().next().value!);
            return token;
        },
        async take(token) {
            const entry = entries.get(token);
            entries.delete(token);
            return entry && entry.expires > Date.now() ? restore(entry.stored) : undefined;
        },
        async forget(owner) {
            for (const [token, entry] of entries) if (entry.owner === owner) entries.delete(token);
        },
    };
}

export function createRedisFeedbackMemo(redis: RedisClient, prefix = 'kejin:', options: FeedbackMemoOptions = {}): FeedbackMemo {
    const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    const key = (token: string) => redisKey(prefix, 'feedback', token);
    // Beside the entries, a set per owner of their tokens, living as long as the newest entry.
    const ownerKey = (owner: string) => redisKey(prefix, 'feedback-owner', owner);
    return {
        async put(event, owner) {
            const token = newToken();
            const write = redis.multi().set(key(token), JSON.stringify(store(event)), 'EX', ttl);
            if (owner) write.sadd(ownerKey(owner), token).expire(ownerKey(owner), ttl);
            await write.exec();
            return token;
        },
        async forget(owner) {
            const tokens = await redis.smembers(ownerKey(owner));
            await redis.del(ownerKey(owner), ...tokens.filter((t) => FEEDBACK_TOKEN.test(t)).map(key));
        },
        async take(token) {
            if (!FEEDBACK_TOKEN.test(token)) return undefined;
            const json = await redis.getdel(key(token));
            return json ? restore(JSON.parse(json) as Stored) : undefined;
        },
    };
}
