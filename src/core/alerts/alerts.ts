/**
 * Policies find firms (政策找企业): when a knowledge version adds a product,
 * or changes one so that it now rates better for a subscriber's profile,
 * the subscriber is told once. The matcher decides what fits (the service's
 * `match`); this module only compares each product's rating and card with
 * the subscriber's baseline (`seen`: how each product rated when last
 * looked at), so that a change made while the bot was down is still found
 * at the next start, and nothing is found twice.
 *
 *   added        a product the baseline does not know, rated eligible or possible
 *   now-eligible a changed card, now eligible, before possible or ineligible
 *   now-possible a changed card, now possible, before ineligible
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { KnowledgeItem } from '../knowledge/schema.ts';
import type { FirmProfile } from '../match/profile.ts';
import type { Eligibility, ProductMatch } from '../match/types.ts';
import type { KnowledgeService } from '../service.ts';
import type { Lang } from '../vocabulary.ts';
import { localSendRate, type SendRate } from './rate.ts';
import { sendAlerts, type Deliver, type Outcome } from './send.ts';
import type { AlertStores, SeenRating, Subscription } from './store.ts';

/** `closing`: a fitting product's application window closes soon (core/deadlines, sent through the same path). */
export type Change = 'added' | 'now-eligible' | 'now-possible' | 'closing';

export interface Alert {
    readonly chatId: number;
    readonly lang: Lang;
    readonly change: Change;
    /** The product as the matcher rated it: why it fits, what to check, whom to contact, sources. */
    readonly match: ProductMatch;
    /** (subscriber, item, change): the ledger key, sent at most once. */
    readonly key: string;
}

const RANK: Record<Eligibility, number> = { ineligible: 0, possible: 1, eligible: 2 };

/** A card's content hash: any edit of the card changes it. */
export function itemHash(item: KnowledgeItem): string {
    const { file: _file, ...content } = item;
    return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 16);
}

/** How every product rates for `profile` now, with its card hash. */
export function currentRatings(
    service: KnowledgeService,
    profile: FirmProfile,
): { matches: readonly ProductMatch[]; seen: Record<string, SeenRating> } {
    // Every product, not the first few: the baseline must know each one's rating.
    const { matches } = service.match(profile, { limit: Infinity });
    const seen: Record<string, SeenRating> = {};
    for (const m of matches) {
        const item = service.getItem(m.id);
        if (item) seen[m.id] = { hash: itemHash(item), rating: m.eligibility };
    }
    return { matches, seen };
}

/** The alerts one subscriber is due under the current knowledge, and the new baseline. */
export function alertsFor(service: KnowledgeService, subscription: Subscription): { alerts: Alert[]; seen: Record<string, SeenRating> } {
    const { matches, seen } = currentRatings(service, subscription.profile);
    const alerts: Alert[] = [];
    for (const m of matches) {
        const now = seen[m.id];
        if (!now || m.eligibility === 'ineligible') continue;
        const before = subscription.seen[m.id];
        const change: Change | undefined = !before
            ? 'added'
            : before.hash !== now.hash && RANK[m.eligibility] > RANK[before.rating]
              ? m.eligibility === 'eligible'
                  ? 'now-eligible'
                  : 'now-possible'
              : undefined;
        if (change)
            alerts.push({
                chatId: subscription.chatId,
                lang: subscription.lang,
                change,
                match: m,
                key: `${subscription.chatId}:${m.id}:${now.hash}`,
            });
    }
    return { alerts, seen };
}

/** A subscription whose baseline is the current knowledge: only later changes alert it. */
export function newSubscription(service: KnowledgeService, chatId: number, lang: Lang, profile: FirmProfile, now = new Date()): Subscription {
    return { chatId, lang, profile, since: now.toISOString(), seen: currentRatings(service, profile).seen };
}

export type { Delivery } from './send.ts';

/** What a run over every subscription takes: the change alerts here and the deadlines (core/deadlines) alike. */
export interface SubscriptionRunOptions {
    readonly service: KnowledgeService;
    readonly stores: AlertStores;
    /** Sends one alert; 'blocked' (the user blocked the bot) removes the subscription. */
    readonly deliver?: Deliver<Alert>;
    /** The pace of sends, shared by every instance (and both kinds of alert) when it is in Redis. Default: 25 a second in this process. */
    readonly rate?: SendRate;
    /** Stops the run: alerts not yet started are not recorded, so the next run sends them. */
    readonly signal?: AbortSignal;
    /** Only list the alerts due: nothing is sent, claimed or updated. */
    readonly dryRun?: boolean;
    readonly logger?: Logger;
}

export type RunAlertsOptions = SubscriptionRunOptions;

/** One run's alerts, a list per subscriber, sent through the one sending path (send.ts): the shared pace, the ledger. */
export function sendRun(
    alerts: readonly (readonly Alert[])[],
    options: SubscriptionRunOptions & { readonly deliver: Deliver<Alert> },
): Promise<Outcome[][]> {
    return sendAlerts(alerts, {
        ledger: options.stores.sent,
        rate: options.rate ?? localSendRate(),
        deliver: options.deliver,
        ...(options.signal ? { signal: options.signal } : {}),
    });
}

/** Resolves once a loop's chain of runs has settled, runs chained meanwhile included. */
export async function settled(tail: () => Promise<unknown>): Promise<void> {
    let seen: Promise<unknown>;
    do {
        seen = tail();
        await seen;
    } while (seen !== tail());
}

export interface AlertRun {
    /** Every alert due (in a dry run: that would be sent). */
    readonly due: readonly Alert[];
    readonly sent: number;
    /** Claimed by another instance or an earlier run. */
    readonly skipped: number;
    readonly failed: number;
    readonly unsubscribed: number;
    /** Not started because the run was stopped; the next run sends them. */
    readonly stopped: number;
}

/**
 * Finds and sends the alerts due to every subscriber (see send.ts for how
 * they go out). A subscriber's baseline moves on only once each of its
 * alerts was sent (or found sent), so that an alert not sent, because the
 * run was stopped or failed, is still due at the next run.
 */
export async function runAlerts(options: RunAlertsOptions): Promise<AlertRun> {
    const { service, stores } = options;
    const subscriptions = await stores.subscriptions.all();
    const due: Alert[] = [];
    const found: { subscription: Subscription; alerts: Alert[]; seen: Record<string, SeenRating> }[] = [];
    for (const subscription of subscriptions) {
        try {
            const result = alertsFor(service, subscription);
            due.push(...result.alerts);
            found.push({ subscription, ...result });
        } catch (err) {
            // A profile the current matcher refuses: keep the subscription, skip it.
            options.logger?.warn({ err: (err as Error).message }, 'alerts: a saved profile no longer matches; skipped');
        }
    }
    const counts = { sent: 0, skipped: 0, failed: 0, unsubscribed: 0, stopped: 0 };
    if (options.dryRun || !options.deliver) return { due, ...counts };
    const outcomes = await sendRun(
        found.map((f) => f.alerts),
        { ...options, deliver: options.deliver },
    );
    const updated: Subscription[] = [];
    for (const [i, f] of found.entries()) {
        const results = outcomes[i]!;
        const blocked = results.indexOf('blocked');
        for (const r of blocked < 0 ? results : results.slice(0, blocked)) if (r !== 'blocked') counts[r]++;
        if (blocked >= 0) {
            await stores.subscriptions.delete(f.subscription.chatId);
            counts.unsubscribed++;
        } else if (results.every((r) => r === 'sent' || r === 'skipped' || r === 'failed')) {
            // A failed alert is not tried again: it may have reached the user (at most once, never twice).
            if (f.alerts.length > 0 || !sameSeen(f.subscription.seen, f.seen)) updated.push({ ...f.subscription, seen: f.seen });
        }
    }
    // The new baselines in one write; `update` skips whoever unsubscribed meanwhile.
    if (updated.length > 0) await stores.subscriptions.update(updated);
    return { due, ...counts };
}

function sameSeen(a: Readonly<Record<string, SeenRating>>, b: Readonly<Record<string, SeenRating>>): boolean {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => a[k]?.hash === b[k]?.hash && a[k]?.rating === b[k]?.rating);
}

export interface AlertLoop {
    /** Resolves when the run in progress (if any) is done. */
    idle(): Promise<void>;
    /** Stops the run in progress (alerts on their way finish) and runs no other. */
    stop(): Promise<void>;
}

export interface AlertLoopOptions extends Omit<RunAlertsOptions, 'dryRun' | 'signal'> {
    readonly deliver: NonNullable<RunAlertsOptions['deliver']>;
    /** Stops the loop, as `stop()` does: a process's shutdown signal, so that the run stops at once. */
    readonly signal?: AbortSignal;
    /** First wait before a failed run is tried again, doubling up to RETRY_MAX_MS. Default 1,000 ms. */
    readonly retryMs?: number;
}

/** The longest wait between tries of a failed run: Redis back, alerts out within this. */
const RETRY_MAX_MS = 15_000;

/**
 * Runs alerts now (changes made while the bot was down) and after every
 * new knowledge version, one run at a time. A run that fails (Redis down)
 * is tried again, 1, 2, 4… up to 15 s apart, until one succeeds: a version
 * that went live during an outage is still announced once Redis is back.
 */
export function startAlertLoop(options: AlertLoopOptions): AlertLoop {
    const stopping = new AbortController();
    const onSignal = () => stopping.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onSignal, { once: true });
    const firstRetry = options.retryMs ?? 1_000;
    let tail: Promise<unknown> = Promise.resolve();
    let retry: { timer: NodeJS.Timeout; ms: number } | undefined;
    let failures = 0;
    const run = () => {
        if (stopping.signal.aborted) return;
        // A new run covers the one waiting to be tried again.
        if (retry) clearTimeout(retry.timer);
        retry = undefined;
        tail = tail.then(once).catch(() => undefined);
    };
    const once = async () => {
        if (stopping.signal.aborted) return;
        try {
            const r = await runAlerts({ ...options, signal: stopping.signal });
            if (failures > 0) options.logger?.info({ failures }, 'alerts run succeeded after failing');
            failures = 0;
            options.logger?.info(
                { due: r.due.length, sent: r.sent, skipped: r.skipped, failed: r.failed, unsubscribed: r.unsubscribed, stopped: r.stopped },
                'alerts run',
            );
        } catch (err) {
            if (stopping.signal.aborted) return;
            const ms = Math.min(firstRetry * 2 ** failures++, RETRY_MAX_MS);
            options.logger?.error(
                { err: err instanceof Error ? err.message : String(err), retryInSeconds: ms / 1000 },
                'alerts run failed; trying again',
            );
            if (!retry) retry = { timer: setTimeout(run, ms).unref(), ms };
        }
    };
    const unsubscribe = options.service.subscribe(run);
    run();
    return {
        idle: () => settled(() => tail),
        stop: async () => {
            stopping.abort(new Error('alert loop stopped'));
            options.signal?.removeEventListener('abort', onSignal);
            if (retry) clearTimeout(retry.timer);
            unsubscribe();
            await tail;
        },
    };
}
