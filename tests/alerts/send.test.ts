/**
 * How alerts go out (core/alerts/send.ts): recorded only once their turn
 * has come, so that a stop leaves the alerts not started unrecorded (the
 * next run sends them) and cuts the one on its way after its grace.
 */
import { describe, expect, it } from 'vitest';
import { localSendRate } from '../../src/core/alerts/rate.ts';
import { sendAlerts, type Delivery } from '../../src/core/alerts/send.ts';
import type { SentLedger } from '../../src/core/alerts/store.ts';

function memoryLedger(): SentLedger & { readonly keys: Set<string> } {
    const keys = new Set<string>();
    return {
        keys,
        claim: async (key) => !keys.has(key) && Boolean(keys.add(key)),
        has: async (key) => keys.has(key),
    };
}

const chat = (chatId: number, n: number) => Array.from({ length: n }, (_, i) => ({ chatId, key: `${chatId}:${i}` }));

describe('sendAlerts', () => {
    it('records an alert only when it is sent, and a stop leaves the rest for the next run', async () => {
        const ledger = memoryLedger();
        const stop = new AbortController();
        const delivered: string[] = [];
        // The third alert's request hangs until the stop's grace cuts it.
        const deliver = (alert: { key: string }, signal: AbortSignal): Promise<Delivery> => {
            if (delivered.length === 2) {
                stop.abort();
                return new Promise((resolve) => signal.addEventListener('abort', () => resolve('failed'), { once: true }));
            }
            delivered.push(alert.key);
            return Promise.resolve('sent');
        };
        const chats = [chat(1, 1), chat(2, 1), chat(3, 1), chat(4, 1), chat(5, 1)];
        const outcomes = await sendAlerts(chats, { ledger, rate: localSendRate(200), deliver, signal: stop.signal, graceMs: 100, concurrency: 1 });
        expect(outcomes).toEqual([['sent'], ['sent'], ['failed'], ['stopped'], ['stopped']]);
        // The one in flight was claimed (it may have reached the user: never sent twice); the others were not.
        expect([...ledger.keys]).toEqual(['1:0', '2:0', '3:0']);

        const again = await sendAlerts(chats, { ledger, rate: localSendRate(200), deliver: async (a) => (delivered.push(a.key), 'sent') });
        expect(again).toEqual([['skipped'], ['skipped'], ['skipped'], ['sent'], ['sent']]);
        expect(delivered).toEqual(['1:0', '2:0', '4:0', '5:0']);
    });

    it("sends a chat's alerts in order, a second apart, and nothing more after it blocked the bot", async () => {
        const times: number[] = [];
        const outcomes = await sendAlerts([chat(1, 2), chat(2, 3)], {
            ledger: memoryLedger(),
            rate: localSendRate(200),
            chatSpacingMs: 300,
            deliver: async (a) => {
                if (a.chatId === 2) return a.key === '2:1' ? 'blocked' : 'sent';
                times.push(Date.now());
                return 'sent';
            },
        });
        expect(outcomes).toEqual([
            ['sent', 'sent'],
            ['sent', 'blocked', 'stopped'],
        ]);
        expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(290);
    });
});
