/**
 * What alerts keep: the subscriptions (a chat, its language, the firm
 * profile it subscribed with, and how each product rated for it when last
 * looked at) and the ledger of alerts already sent. Both in files under
 * DATA_DIR (journals of JSON lines), or in Redis so that every instance
 * sees the same.
 *
 * The ledger is claimed right before a message goes out (`SET NX` in
 * Redis), so that of two instances, or of a run before and after a
 * restart, only one sends a given alert: at most once, never twice.
 */
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { redisKey, type RedisClient } from '../infra/redis.ts';
import { removeOrphanCopies, writeAtomically } from '../insights/log.ts';
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

async function readText(file: string): Promise<string | undefined> {
    try {
        return await readFile(file, 'utf8');
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
    }
}

async function readJson(file: string): Promise<unknown> {
    const text = await readText(file);
    try {
        return text === undefined ? undefined : JSON.parse(text);
    } catch (err) {
        throw new Error(`kejin: ${file} is not readable JSON (${(err as Error).message}); fix or remove it`, { cause: err });
    }
}

/** The lines of a JSON-lines file that parse; a line torn by a crash mid-write is skipped. */
function jsonLines(text: string | undefined): unknown[] {
    const out: unknown[] = [];
    for (const line of (text ?? '').split('\n')) {
        if (line.trim() === '') continue;
        try {
            out.push(JSON.parse(line));
        } catch {
            // torn
        }
    }
    return out;
}

export const ALERTS_DIR = 'alerts';

/**
 * How long the ledger remembers a sent alert. It guards only the time
 * between a send and the subscriber's new baseline (a run cut short, a
 * store that failed); the baseline then stops the alert from being due.
 */
export const SENT_TTL_DAYS = 90;
const DAY_MS = 86_400_000;
/** A journal is rewritten once it holds this many more lines than live entries (and at least twice as many). */
const COMPACT_SLACK = 256;

/**
 * The file stores under `dataDir/alerts`, for one process. Both are
 * journals of JSON lines, appended to and rewritten (atomically) only when
 * old lines outnumber live ones: a subscribe appends one line instead of
 * rewriting every subscription (130 subscribes a second at 500
 * subscribers, 48 at 2,000, before), and a ledger entry is one line, with
 * entries past SENT_TTL_DAYS dropped when the ledger is rewritten.
 *
 *   subscriptions.jsonl  {"put": subscription} | {"del": chatId}
 *   sent.jsonl           {"k": key, "at": ms}
 *
 * The files of earlier versions (subscriptions.json, sent.json) are read
 * once and replaced.
 */
export function createFileAlertStores(dataDir: string, options: { readonly now?: () => number } = {}): AlertStores {
    const now = options.now ?? Date.now;
    const dir = path.resolve(dataDir, ALERTS_DIR);
    const subsFile = path.join(dir, 'subscriptions.jsonl');
    const sentFile = path.join(dir, 'sent.jsonl');
    const legacySubs = path.join(dir, 'subscriptions.json');
    const legacySent = path.join(dir, 'sent.json');
    const serial = serializer();
    let subs: { map: Map<number, Subscription>; lines: number } | undefined;
    let sent: { map: Map<string, number>; lines: number } | undefined;

    const append = async (file: string, lines: readonly unknown[]) => {
        await mkdir(dir, { recursive: true });
        await appendFile(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''), 'utf8');
    };
    const rewrite = async (file: string, lines: readonly unknown[], legacy: string) => {
        await mkdir(dir, { recursive: true });
        await writeAtomically(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
        await rm(legacy, { force: true });
    };

    const loadSubs = async () => {
        if (subs) return subs;
        await removeOrphanCopies(subsFile);
        const text = await readText(subsFile);
        const map = new Map<number, Subscription>();
        let lines = 0;
        if (text === undefined) {
            const raw = await readJson(legacySubs);
            for (const s of Array.isArray(raw) ? raw.map(parseSubscription) : []) if (s) map.set(s.chatId, s);
            lines = Infinity; // rewrite in the new form
        } else {
            for (const entry of jsonLines(text)) {
                lines++;
                const e = entry as { put?: unknown; del?: unknown };
                if (typeof e.del === 'number') map.delete(e.del);
                const s = e.put === undefined ? undefined : parseSubscription(e.put);
                if (s) map.set(s.chatId, s);
            }
        }
        subs = { map, lines };
        await compactSubs();
        return subs;
    };
    const compactSubs = async () => {
        if (!subs || subs.lines <= Math.max(2 * subs.map.size, subs.map.size + COMPACT_SLACK)) return;
        if (subs.lines === Infinity && subs.map.size === 0) {
            subs.lines = 0;
            return;
        }
        await rewrite(
            subsFile,
            [...subs.map.values()].map((put) => ({ put })),
            legacySubs,
        );
        subs.lines = subs.map.size;
    };
    const journal = async (entries: readonly ({ put: Subscription } | { del: number })[]) => {
        await append(subsFile, entries);
        subs!.lines += entries.length;
        await compactSubs();
    };

    const loadSent = async () => {
        if (sent) return sent;
        await removeOrphanCopies(sentFile);
        const text = await readText(sentFile);
        const map = new Map<string, number>();
        let lines = 0;
        if (text === undefined) {
            const raw = await readJson(legacySent);
            // The old ledger kept no times: its entries start their time now.
            for (const k of Array.isArray(raw) ? raw : []) if (typeof k === 'string') map.set(k, now());
            lines = map.size > 0 ? Infinity : 0;
        } else {
            for (const entry of jsonLines(text)) {
                lines++;
                const e = entry as { k?: unknown; at?: unknown };
                if (typeof e.k === 'string' && typeof e.at === 'number') map.set(e.k, e.at);
            }
        }
        sent = { map, lines };
        await compactSent();
        return sent;
    };
    const compactSent = async () => {
        if (!sent) return;
        const cutoff = now() - SENT_TTL_DAYS * DAY_MS;
        for (const [k, at] of sent.map) if (at < cutoff) sent.map.delete(k);
        if (sent.lines <= Math.max(2 * sent.map.size, sent.map.size + COMPACT_SLACK)) return;
        await rewrite(
            sentFile,
            [...sent.map].map(([k, at]) => ({ k, at })),
            legacySent,
        );
        sent.lines = sent.map.size;
    };

    return {
        subscriptions: {
            get: (chatId) => serial(async () => (await loadSubs()).map.get(chatId)),
            put: (s) =>
                serial(async () => {
                    const { map } = await loadSubs();
                    map.set(s.chatId, s);
                    await journal([{ put: s }]);
                }),
            update: (list) =>
                serial(async () => {
                    const { map } = await loadSubs();
                    const kept = list.filter((s) => map.has(s.chatId));
                    if (kept.length === 0) return;
                    for (const s of kept) map.set(s.chatId, s);
                    await journal(kept.map((put) => ({ put })));
                }),
            delete: (chatId) =>
                serial(async () => {
                    const { map } = await loadSubs();
                    if (!map.delete(chatId)) return false;
                    await journal([{ del: chatId }]);
                    return true;
                }),
            all: () => serial(async () => [...(await loadSubs()).map.values()]),
        },
        sent: {
            claim: (key) =>
                serial(async () => {
                    const ledger = await loadSent();
                    if (ledger.map.has(key)) return false;
                    const at = now();
                    ledger.map.set(key, at);
                    // One line, appended before the message goes out: a crash then loses this alert, never repeats it.
                    await append(sentFile, [{ k: key, at }]);
                    ledger.lines++;
                    await compactSent();
                    return true;
                }),
            has: (key) => serial(async () => (await loadSent()).map.has(key)),
        },
    };
}

const UPDATE_IF_PRESENT = "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 0";

const SENT_TTL_SECONDS = SENT_TTL_DAYS * 86_400;

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
