/**
 * Deadline alerts: a subscriber whose profile fits a product (rated
 * eligible or possible) whose application window closes within
 * `DEADLINE_DAYS` days is told once, through the same sending path as the
 * other alerts (the `deliver` of core/alerts: Telegram's limits, a blocked
 * chat ending the subscription) and the same ledger, keyed by the closing
 * date, so that a window moved to a new date is a new deadline and a
 * repeated run (or a second instance) tells no one twice.
 *
 * It runs beside the change alerts rather than inside them: a deadline
 * comes from the calendar, not from a new knowledge version, so it is
 * checked on a timer as well as after each version.
 */
import { closesWithin, dayOf } from '../knowledge/application.ts';
import { sendRun, settled, type Alert, type SubscriptionRunOptions } from '../alerts/alerts.ts';
import type { Subscription } from '../alerts/store.ts';
import type { KnowledgeService } from '../service.ts';

/** A window closing within this many days (today included) is due. */
export const DEADLINE_DAYS = 14;

/** How often the calendar is looked at while the bot runs: a window comes into range by the day. */
export const DEADLINE_CHECK_MS = 6 * 3_600_000;

/** The deadline alerts one subscriber is due on `now`'s day. */
export function deadlineAlertsFor(service: KnowledgeService, subscription: Subscription, now: Date, days = DEADLINE_DAYS): Alert[] {
    const { matches } = service.match(subscription.profile, { limit: Infinity });
    const alerts: Alert[] = [];
    for (const m of matches) {
        if (m.eligibility === 'ineligible') continue;
        const item = service.getItem(m.id);
        if (!item || item.kind === 'organization' || !item.application?.closes || !closesWithin(item, now, days)) continue;
        alerts.push({
            chatId: subscription.chatId,
            lang: subscription.lang,
            change: 'closing',
            match: m,
            key: `${subscription.chatId}:${m.id}:closes:${item.application.closes}`,
        });
    }
    return alerts;
}

export interface RunDeadlineOptions extends SubscriptionRunOptions {
    readonly now?: Date;
    readonly days?: number;
}

export interface DeadlineRun {
    readonly due: readonly Alert[];
    readonly sent: number;
    readonly skipped: number;
    readonly failed: number;
    readonly unsubscribed: number;
}

/** Finds and sends the deadline alerts due to every subscriber, each at most once. */
export async function runDeadlineAlerts(options: RunDeadlineOptions): Promise<DeadlineRun> {
    const { service, stores } = options;
    const now = options.now ?? new Date();
    const due: Alert[] = [];
    const counts = { sent: 0, skipped: 0, failed: 0, unsubscribed: 0 };
    const subscriptions = await stores.subscriptions.all();
    const found: { subscription: Subscription; alerts: Alert[] }[] = [];
    for (const subscription of subscriptions) {
        try {
            const alerts = deadlineAlertsFor(service, subscription, now, options.days);
            due.push(...alerts);
            found.push({ subscription, alerts });
        } catch (err) {
            options.logger?.warn({ err: (err as Error).message }, 'deadlines: a saved profile no longer matches; skipped');
        }
    }
    if (options.dryRun || !options.deliver) return { due, ...counts };
    // The sending path of every alert: the shared pace, the ledger written right before each send.
    const outcomes = await sendRun(
        found.map((f) => f.alerts),
        { ...options, deliver: options.deliver },
    );
    for (const [i, f] of found.entries()) {
        for (const r of outcomes[i]!) {
            if (r === 'sent' || r === 'skipped' || r === 'failed') counts[r]++;
            if (r === 'blocked') {
                await stores.subscriptions.delete(f.subscription.chatId);
                counts.unsubscribed++;
            }
        }
    }
    return { due, ...counts };
}

export interface DeadlineLoop {
    idle(): Promise<void>;
    stop(): Promise<void>;
}

/**
 * Looks for deadlines now, after every new knowledge version and every
 * `DEADLINE_CHECK_MS` (the timer does not keep the process alive), one run at a time.
 */
export function startDeadlineLoop(
    options: Omit<RunDeadlineOptions, 'dryRun' | 'now'> & {
        readonly deliver: NonNullable<RunDeadlineOptions['deliver']>;
        readonly clock?: () => Date;
        readonly everyMs?: number;
    },
): DeadlineLoop {
    let tail: Promise<unknown> = Promise.resolve();
    let stopped = false;
    const run = () => {
        if (stopped || options.signal?.aborted) return;
        tail = tail
            .then(() => runDeadlineAlerts({ ...options, now: options.clock?.() ?? new Date() }))
            .then((r) => {
                if (r.due.length > 0)
                    options.logger?.info(
                        { day: dayOf(options.clock?.() ?? new Date()), due: r.due.length, sent: r.sent, skipped: r.skipped, failed: r.failed },
                        'deadline alerts run',
                    );
            })
            .catch((err: unknown) => {
                if (!options.signal?.aborted)
                    options.logger?.error({ err: err instanceof Error ? err.message : String(err) }, 'deadline alerts run failed');
            });
    };
    const unsubscribe = options.service.subscribe(run);
    const timer = setInterval(run, options.everyMs ?? DEADLINE_CHECK_MS);
    timer.unref();
    run();
    return {
        idle: () => settled(() => tail),
        stop: async () => {
            stopped = true;
            clearInterval(timer);
            unsubscribe();
            await tail;
        },
    };
}
