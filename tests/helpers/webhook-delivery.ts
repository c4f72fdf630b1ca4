/**
 * Telegram's side of a webhook, as grammY's guide and the Bot API describe
 * it: updates of one chat are posted one at a time, each only after the
 * previous one was answered 2xx; different chats are posted concurrently;
 * an update answered otherwise (or not at all) is posted again after a
 * pause until it is acknowledged. `resend` posts a copy as Telegram does
 * when it never saw an answer, alongside the chat's queue.
 */
import type { Update } from 'grammy/types';

export interface Attempt {
    readonly updateId: number;
    /** HTTP status, or 0 when the connection failed. */
    readonly status: number;
}

export class WebhookDelivery {
    readonly attempts: Attempt[] = [];
    /** Update ids in the order they were acknowledged (a re-sent copy appears again). */
    readonly acknowledged: number[] = [];
    private readonly _chains = new Map<number, Promise<void>>();
    private _nextId = 1;

    constructor(
        private readonly _url: string,
        private readonly _secret: string,
        private readonly _retryMs = 100,
        private readonly _giveUpMs = 60_000,
    ) {}

    /**
     * Gives `update` its update_id and queues it on its chat; resolves once
     * acknowledged. `copy`: Telegram also posts a copy, `during` the first
     * request (it never saw an answer in time) or `after` it was answered (the
     * answer was lost on the way); the chat's queue then waits for both.
     */
    deliver(update: Omit<Update, 'update_id'>, copy?: 'during' | 'after'): Promise<Update> {
        const full = { update_id: this._nextId++, ...update } as Update;
        const chat = chatOf(full);
        const post = async () => {
            if (copy === 'during') await Promise.all([this.post(full), new Promise((r) => setTimeout(r, 5)).then(() => this.post(full))]);
            else await this.post(full);
            if (copy === 'after') await this.post(full);
        };
        const run = (this._chains.get(chat) ?? Promise.resolve()).then(post);
        this._chains.set(
            chat,
            run.catch(() => undefined),
        );
        return run.then(() => full);
    }

    /** Posts a copy of an update already given to `deliver`, retrying until acknowledged. */
    resend(update: Update): Promise<void> {
        return this.post(update);
    }

    private async post(update: Update): Promise<void> {
        const until = Date.now() + this._giveUpMs;
        for (;;) {
            let status = 0;
            try {
                const res = await fetch(this._url, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': this._secret },
                    body: JSON.stringify(update),
                    signal: AbortSignal.timeout(30_000),
                });
                status = res.status;
                await res.arrayBuffer();
            } catch {
                status = 0;
            }
            this.attempts.push({ updateId: update.update_id, status });
            if (status >= 200 && status < 300) {
                this.acknowledged.push(update.update_id);
                return;
            }
            if (Date.now() > until)
                throw new Error(`update ${update.update_id} not acknowledged within ${this._giveUpMs} ms (last status ${status})`);
            await new Promise((r) => setTimeout(r, this._retryMs));
        }
    }
}

function chatOf(update: Update): number {
    return update.message?.chat.id ?? update.callback_query?.message?.chat.id ?? update.callback_query?.from.id ?? update.inline_query?.from.id ?? 0;
}
