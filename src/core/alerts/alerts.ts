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
    const { file: _file, expired: _expired, ...content } = item;
    return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 16);
}

/** How every product rates for `profile` now, with its card hash. */
export function currentRatings(service: KnowledgeService, profile: FirmProfile): { matches: readonly ProductMatch[]; seen: Record<string, SeenRating> } {
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
        if (change) alerts.push({ chatId: subscription.chatId, lang: subscription.lang, change, match: m, key: `${subscription.chatId}:${m.id}:${now.hash}` });
    }
    return { alerts, seen };
}

/** A subscription whose baseline is the current knowledge: only later changes alert it. */
export function newSubscription(service: KnowledgeService, chatId: number, lang: Lang, profile: FirmProfile, now = new Date()): Subscription {
    return { chatId, lang, profile, since: now.toISOString(), seen: currentRatings(service, profile).seen };
}

export type Delivery = 'sent' | 'blocked' | 'failed';

export interface RunAlertsOptions {
    readonly service: KnowledgeService;
    readonly stores: AlertStores;
    /** Sends one alert; 'blocked' (the user blocked the bot) removes the subscription. */
    readonly deliver?: (alert: Alert) => Promise<Delivery>;
    /** Only list the alerts due: nothing is sent, claimed or updated. */
    readonly dryRun?: boolean;
    readonly logger?: Logger;
}

export interface AlertRun {
    /** Every alert due (in a dry run: that would be sent). */
    readonly due: readonly Alert[];
    readonly sent: number;
    /** Claimed by another instance or an earlier run. */
    readonly skipped: number;
    readonly failed: number;
    readonly unsubscribed: number;
}

/**
 * Finds and sends the alerts due to every subscriber. Subscribers are
 * handled concurrently (the sender's throttler keeps to Telegram's limits),
 * each one's alerts in turn.
 */
export async function runAlerts(options: RunAlertsOptions): Promise<AlertRun> {
    const { service, stores } = options;
    const subscriptions = await stores.subscriptions.all();
    const due: Alert[] = [];
    const updated: Subscription[] = [];
    const counts = { sent: 0, skipped: 0, failed: 0, unsubscribed: 0 };
    await Promise.all(
        subscriptions.map(async (subscription) => {
            let result: ReturnType<typeof alertsFor>;
            try {
                result = alertsFor(service, subscription);
            } catch (err) {
                // A profile the current matcher refuses: keep the subscription, skip it.
                options.logger?.warn({ err: (err as Error).message }, 'alerts: a saved profile no longer matches; skipped');
                return;
            }
            due.push(...result.alerts);
            if (options.dryRun || !options.deliver) return;
            for (const alert of result.alerts) {
                if (!(await stores.sent.claim(alert.key))) {
                    counts.skipped++;
                    continue;
                }
                const outcome = await options.deliver(alert);
                if (outcome === 'blocked') {
                    await stores.subscriptions.delete(subscription.chatId);
                    counts.unsubscribed++;
                    return;
                }
                counts[outcome === 'sent' ? 'sent' : 'failed']++;
            }
            updated.push({ ...subscription, seen: result.seen });
        }),
    );
    // The new baselines in one write; `update` skips whoever unsubscribed meanwhile.
    if (updated.length > 0) await stores.subscriptions.update(updated);
    return { due, ...counts };
}

export interface AlertLoop {
    /** Resolves when the run in progress (if any) is done. */
    idle(): Promise<void>;
    stop(): Promise<void>;
}

/**
 * Runs alerts now (changes made while the bot was down) and after every
 * new knowledge version, one run at a time.
 */
export function startAlertLoop(options: Omit<RunAlertsOptions, 'dryRun'> & { readonly deliver: NonNullable<RunAlertsOptions['deliver']> }): AlertLoop {
    let tail: Promise<unknown> = Promise.resolve();
    let stopped = false;
    const run = () => {
        if (stopped) return;
        tail = tail
            .then(() => runAlerts(options))
            .then((r) => {
                if (r.due.length > 0) options.logger?.info({ due: r.due.length, sent: r.sent, skipped: r.skipped, failed: r.failed, unsubscribed: r.unsubscribed }, 'alerts run');
            })
            .catch((err: unknown) => options.logger?.error({ err: err instanceof Error ? err.message : String(err) }, 'alerts run failed'));
    };
    const unsubscribe = options.service.subscribe(run);
    run();
    return {
        idle: async () => {
            let seen: Promise<unknown>;
            do {
                seen = tail;
                await seen;
            } while (seen !== tail);
        },
        stop: async () => {
            stopped = true;
            unsubscribe();
            await tail;
        },
    };
}
