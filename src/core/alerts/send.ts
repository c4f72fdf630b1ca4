/**
 * How any alert goes out (product changes here, and any other kind of
 * alert beside them): at the shared pace, each chat's alerts in turn and a
 * second apart, each one recorded in the ledger right before it leaves.
 *
 * The ledger entry is written once the alert has its slot, immediately
 * before the request: an alert is sent at most once (never twice, not by
 * two instances, not after a restart), and a crash loses only the alerts
 * whose request was on its way (one, at the pace of a bulk run). Alerts
 * not yet sent are not recorded, so the next run sends them. A stop
 * (`signal`) lets the requests on their way finish (within `graceMs`) and
 * starts no other.
 */
import type { SentLedger } from './store.ts';
import { sleep, type SendRate } from './rate.ts';

export type Delivery = 'sent' | 'blocked' | 'failed';

/** What happened to one alert: delivered, or already recorded as sent, or not tried because the run stopped. */
export type Outcome = Delivery | 'skipped' | 'stopped';

export interface Outgoing {
    /** The ledger key: sent at most once. */
    readonly key: string;
    readonly chatId: number;
}

/** Sends one alert; the signal aborts its request (a stop whose grace ran out). */
export type Deliver<A extends Outgoing> = (alert: A, signal: AbortSignal) => Promise<Delivery>;

export interface SendOptions<A extends Outgoing> {
    readonly ledger: SentLedger;
    readonly rate: SendRate;
    readonly deliver: Deliver<A>;
    /** Stops the run: no alert is started after it fires. */
    readonly signal?: AbortSignal;
    /** How long requests on their way may still take after a stop. Default 2,000 ms. */
    readonly graceMs?: number;
    /** Chats handled at once. Default 16: enough to keep the pace while some wait their second. */
    readonly concurrency?: number;
    /** Least time between two alerts to one chat (Telegram: about one a second). Default 1,000 ms. */
    readonly chatSpacingMs?: number;
}

export const SEND_GRACE_MS = 2_000;

/**
 * Sends `chats` (each an array of one chat's alerts, sent in order) and
 * returns each alert's outcome, in the same shape. A chat that blocked the
 * bot gets nothing more. Ledger errors (Redis down) reject, after the
 * alerts on their way have finished.
 */
export async function sendAlerts<A extends Outgoing>(chats: readonly (readonly A[])[], options: SendOptions<A>): Promise<Outcome[][]> {
    const { ledger, rate, deliver, signal } = options;
    const spacing = options.chatSpacingMs ?? 1_000;
    const outcomes: Outcome[][] = chats.map((alerts) => alerts.map((): Outcome => 'stopped'));
    // Requests on their way are aborted only once the stop's grace has run out.
    const cut = new AbortController();
    const onStop = () => setTimeout(() => cut.abort(new Error('alert run stopped')), options.graceMs ?? SEND_GRACE_MS).unref();
    signal?.addEventListener('abort', onStop, { once: true });
    let next = 0;
    let failure: unknown;
    const worker = async () => {
        for (let i = next++; i < chats.length && failure === undefined && !signal?.aborted; i = next++) {
            const alerts = chats[i]!;
            let last = -Infinity;
            for (let j = 0; j < alerts.length; j++) {
                const alert = alerts[j]!;
                const wait = last + spacing - Date.now();
                try {
                    if (wait > 0) await sleep(wait, signal);
                    await rate.take(signal);
                } catch (err) {
                    if (signal?.aborted) return;
                    throw err;
                }
                if (!(await ledger.claim(alert.key))) {
                    outcomes[i]![j] = 'skipped';
                    continue;
                }
                const delivery = await deliver(alert, cut.signal);
                last = Date.now();
                outcomes[i]![j] = delivery;
                if (delivery === 'blocked') break;
            }
        }
    };
    const workers = Array.from({ length: Math.min(options.concurrency ?? 16, chats.length) }, () =>
        worker().catch((err: unknown) => {
            failure ??= err;
        }),
    );
    await Promise.all(workers);
    signal?.removeEventListener('abort', onStop);
    if (failure !== undefined) throw failure;
    return outcomes;
}
