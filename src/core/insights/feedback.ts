/**
 * The 👍 / 👎 under a bot answer. The button carries only a short random
 * token; the question it is about waits here until pressed (or expires), so
 * that neither the button nor the session holds the question, and a 👎 can
 * log it. One vote per answer: the first press takes the entry.
 *
 * In memory by default (a press after a restart just gets thanks); in Redis
 * with REDIS_URL, so that a press reaching another instance still counts.
 */
import { randomBytes } from 'node:crypto';
import { redisKey, type RedisClient } from '../infra/redis.ts';
import type { QuestionEvent } from './record.ts';

export interface FeedbackMemo {
    /** Keeps the answered question and returns the token for its buttons. */
    put(event: QuestionEvent): Promise<string>;
    /** The question of a token, once; undefined when unknown, taken or expired. */
    take(token: string): Promise<QuestionEvent | undefined>;
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

/** What is kept of an event: its fields, with the date as text. */
type Stored = Omit<QuestionEvent, 'at'> & { readonly at?: string };
const store = (e: QuestionEvent): Stored => ({ ...e, at: (e.at ?? new Date()).toISOString() });
const restore = (s: Stored): QuestionEvent => ({ ...s, at: s.at ? new Date(s.at) : new Date() });

export function createMemoryFeedbackMemo(options: FeedbackMemoOptions = {}): FeedbackMemo {
    const ttlMs = (options.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000;
    const max = options.maxEntries ?? 5000;
    const entries = new Map<string, { stored: Stored; expires: number }>();
    return {
        async put(event) {
            const token = newToken();
            entries.set(token, { stored: store(event), expires: Date.now() + ttlMs });
            // A Map iterates in insertion order: the first key is the oldest.
            while (entries.size > max) entries.delete(entries.keys().next().value!);
            return token;
        },
        async take(token) {
            const entry = entries.get(token);
            entries.delete(token);
            return entry && entry.expires > Date.now() ? restore(entry.stored) : undefined;
        },
    };
}

export function createRedisFeedbackMemo(redis: RedisClient, prefix = 'kejin:', options: FeedbackMemoOptions = {}): FeedbackMemo {
    const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    const key = (token: string) => redisKey(prefix, 'feedback', token);
    return {
        async put(event) {
            const token = newToken();
            await redis.set(key(token), JSON.stringify(store(event)), 'EX', ttl);
            return token;
        },
        async take(token) {
            if (!FEEDBACK_TOKEN.test(token)) return undefined;
            const json = await redis.getdel(key(token));
            return json ? restore(JSON.parse(json) as Stored) : undefined;
        },
    };
}
