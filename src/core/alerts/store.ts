/**
 * What alerts keep: the subscriptions (a chat, its language, the firm
 * profile it subscribed with, and how each product rated for it when last
 * looked at) and the ledger of alerts already sent. Both in files under
 * DATA_DIR (each rewritten atomically: a temporary file renamed over it),
 * or in Redis so that every instance sees the same.
 *
 * The ledger is claimed before a message goes out (`SET NX` in Redis), so
 * that of two instances, or of a run before and after a restart, only one
 * sends a given alert: at most once, never twice.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { redisKey, type RedisClient } from '../infra/redis.ts';
import { writeAtomically } from '../insights/log.ts';
import { firmProfileSchema, type FirmProfile } from '../match/profile.ts';
import { LANGS, type Lang } from '../vocabulary.ts';
import type { Eligibility } from '../match/types.ts';

export interface SeenRating {
    /** Content hash of the card when rated. */
    readonly hash: string;
    readonly rating: Eligibility;
}

export interface Subscription {
    readonly chatId: number;
    readonly lang: Lang;
    readonly profile: FirmProfile;
    readonly since: string;
    /** Product id → its card and rating when last looked at: the baseline changes are measured against. */
    readonly seen: Readonly<Record<string, SeenRating>>;
}

const subscriptionSchema = z.object({
    chatId: z.number().int(),
    lang: z.enum(LANGS),
    profile: firmProfileSchema,
    since: z.string(),
    seen: z.record(z.string(), z.object({ hash: z.string(), rating: z.enum(['eligible', 'possible', 'ineligible']) })),
});

export interface SubscriptionStore {
    get(chatId: number): Promise<Subscription | undefined>;
    put(subscription: Subscription): Promise<void>;
    /** Replaces the given ones that are still subscribed (one write, not one per subscriber); others stay removed. */
    update(subscriptions: readonly Subscription[]): Promise<void>;
    /** True when there was one to remove. */
    delete(chatId: number): Promise<boolean>;
    all(): Promise<Subscription[]>;
}

export interface SentLedger {
    /** True for the one caller that may send the alert `key`; false when it is sent or being sent. */
    claim(key: string): Promise<boolean>;
    has(key: string): Promise<boolean>;
}

export interface AlertStores {
    readonly subscriptions: SubscriptionStore;
    readonly sent: SentLedger;
}

const parseSubscription = (value: unknown): Subscription | undefined => {
    const parsed = subscriptionSchema.safeParse(value);
    return parsed.success ? (parsed.data as Subscription) : undefined;
};

/** One process at a time: each call runs after the previous one has finished. */
function serializer() {
    let queue: Promise<unknown> = Promise.resolve();
    return <T>(task: () => Promise<T>): Promise<T> => {
        const run = queue.then(task, task);
        queue = run.catch(() => undefined);
        return run;
    };
}

async function readJson(file: string): Promise<unknown> {
    try {
        return JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new Error(`kejin: ${file} is not readable JSON (${(err as Error).message}); fix or remove it`, { cause: err });
    }
}

export const ALERTS_DIR = 'alerts';

/** The file stores under `dataDir/alerts`, for one process. */
export function createFileAlertStores(dataDir: string): AlertStores {
    const dir = path.resolve(dataDir, ALERTS_DIR);
    const subsFile = path.join(dir, 'subscriptions.json');
    const sentFile = path.join(dir, 'sent.json');
    const serial = serializer();
    let subs: Map<number, Subscription> | undefined;
    let sent: Set<string> | undefined;

    const loadSubs = async () => {
        if (subs) return subs;
        const raw = await readJson(subsFile);
        const list = Array.isArray(raw) ? raw.map(parseSubscription).filter((s): s is Subscription => s !== undefined) : [];
        subs = new Map(list.map((s) => [s.chatId, s]));
        return subs;
    };
    const saveSubs = async (map: Map<number, Subscription>) => {
        await mkdir(dir, { recursive: true });
        await writeAtomically(subsFile, JSON.stringify([...map.values()]));
    };
    const loadSent = async () => {
        if (sent) return sent;
        const raw = await readJson(sentFile);
        sent = new Set(Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : []);
        return sent;
    };

    return {
        subscriptions: {
            get: (chatId) => serial(async () => (await loadSubs()).get(chatId)),
            put: (s) =>
                serial(async () => {
                    const map = await loadSubs();
                    map.set(s.chatId, s);
                    await saveSubs(map);
                }),
            update: (list) =>
                serial(async () => {
                    const map = await loadSubs();
                    const kept = list.filter((s) => map.has(s.chatId));
                    if (kept.length === 0) return;
                    for (const s of kept) map.set(s.chatId, s);
                    await saveSubs(map);
                }),
            delete: (chatId) =>
                serial(async () => {
                    const map = await loadSubs();
                    if (!map.delete(chatId)) return false;
                    await saveSubs(map);
                    return true;
                }),
            all: () => serial(async () => [...(await loadSubs()).values()]),
        },
        sent: {
            claim: (key) =>
                serial(async () => {
                    const set = await loadSent();
                    if (set.has(key)) return false;
                    set.add(key);
                    await mkdir(dir, { recursive: true });
                    // Written before the message goes out: a crash then loses the alert, never repeats it.
                    await writeAtomically(sentFile, JSON.stringify([...set]));
                    return true;
                }),
            has: (key) => serial(async () => (await loadSent()).has(key)),
        },
    };
}

const UPDATE_IF_PRESENT = "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 0";

/** How long the ledger remembers a sent alert in Redis. Longer than any card stays unchanged in practice. */
const SENT_TTL_SECONDS = 400 * 86_400;

export function createRedisAlertStores(redis: RedisClient, prefix = 'kejin:'): AlertStores {
    const subsKey = redisKey(prefix, 'alerts', 'subscriptions');
    const sentKey = (key: string) => redisKey(prefix, 'alerts', 'sent', key);
    return {
        subscriptions: {
            async get(chatId) {
                const json = await redis.hget(subsKey, String(chatId));
                return json ? parseSubscription(JSON.parse(json)) : undefined;
            },
            async put(s) {
                await redis.hset(subsKey, String(s.chatId), JSON.stringify(s));
            },
            async update(list) {
                // HSET only where the field still exists, atomically per subscriber (an /unsubscribe meanwhile wins).
                const multi = redis.multi();
                for (const s of list) multi.eval(UPDATE_IF_PRESENT, 1, subsKey, String(s.chatId), JSON.stringify(s));
                await multi.exec();
            },
            async delete(chatId) {
                return (await redis.hdel(subsKey, String(chatId))) > 0;
            },
            async all() {
                const all = await redis.hgetall(subsKey);
                return Object.values(all)
                    .map((json) => parseSubscription(JSON.parse(json)))
                    .filter((s): s is Subscription => s !== undefined);
            },
        },
        sent: {
            claim: async (key) => (await redis.set(sentKey(key), '1', 'EX', SENT_TTL_SECONDS, 'NX')) === 'OK',
            has: async (key) => (await redis.exists(sentKey(key))) === 1,
        },
    };
}
