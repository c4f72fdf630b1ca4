/**
 * A small Bot API server on 127.0.0.1 for end-to-end tests: it answers
 * getMe, getUpdates (long polling over a queue), sendMessage,
 * editMessageText, answerCallbackQuery, answerInlineQuery, setMyCommands,
 * deleteWebhook, setWebhook…, checks what Telegram checks (text length,
 * HTML well-formedness, callback_data size) and can be told to fail the
 * next calls of a method with 429, 500 or 404, or every call that matches a
 * rule (one chat failing or slow while others are not).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import { TERMINAL_BOT } from '../../src/bot/runtime/terminal.ts';

/** The terminal bot's identity under another name and id, so tests never depend on the real one. */
export const TEST_BOT: UserFromGetMe = { ...TERMINAL_BOT, id: 4242, first_name: 'Kejin Test', username: 'kejin_test_bot' };

export interface ApiCall {
    readonly seq: number;
    readonly method: string;
    readonly payload: Record<string, unknown>;
    /** What the server answered. */
    readonly ok: boolean;
    readonly description?: string;
    readonly result?: unknown;
}

interface Failure {
    readonly status: number;
    readonly body: Record<string, unknown>;
}

/** What a rule does to the calls it matches: answer late, fail, or both. */
export interface RuleEffect {
    readonly delayMs?: number;
    readonly failure?: Failure;
}

interface Rule extends RuleEffect {
    readonly when: (method: string, payload: Record<string, unknown>) => boolean;
}

export const FAILURES = {
    tooManyRequests: (retryAfter = 1): Failure => ({
        status: 429,
        body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } },
    }),
    internal: (): Failure => ({ status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } }),
    notSupported: (): Failure => ({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found: method not supported' } }),
    blocked: (): Failure => ({ status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } }),
};

const MAX_HOLD_MS = 300;
const ALLOWED_TAGS = new Set([
    'b',
    'strong',
    'i',
    'em',
    'u',
    'ins',
    's',
    'strike',
    'del',
    'a',
    'code',
    'pre',
    'tg-spoiler',
    'span',
    'blockquote',
    'tg-emoji',
]);

/** Telegram's HTML parse-mode rules, enough to catch unescaped text and unbalanced tags. */
export function checkTelegramHtml(html: string): string | undefined {
    const stack: string[] = [];
    const token = /<(\/?)([a-z-]+)([^<>]*)>|<|&(?!(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);)/gi;
    for (const m of html.matchAll(token)) {
        if (m[0] === '<') return `Bad Request: can't parse entities: unexpected "<" at byte offset ${m.index}`;
        if (m[0] === '&') return `Bad Request: can't parse entities: unescaped "&" at byte offset ${m.index}`;
        const [, closing, name = ''] = m;
        const tag = name.toLowerCase();
        if (!ALLOWED_TAGS.has(tag)) return `Bad Request: can't parse entities: unsupported start tag "${tag}"`;
        if (!closing) stack.push(tag);
        else if (stack.pop() !== tag) return `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${tag}"`;
    }
    return stack.length > 0 ? `Bad Request: can't parse entities: can't find end tag for "${stack.at(-1)}"` : undefined;
}

function visibleText(html: string): string {
    return html
        .replace(/<[^>]*>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
}

export class FakeBotApi {
    readonly calls: ApiCall[] = [];
    readonly token: string;
    private _server: Server | undefined;
    private _queue: Update[] = [];
    private _nextUpdateId = 1;
    private _messageId = 1000;
    /** Highest offset the bot has asked for: every update below it is handled. */
    private _offset = 0;
    private readonly _handled = new Set<number>();
    private readonly _failures = new Map<string, Failure[]>();
    private readonly _rules = new Set<Rule>();
    /** The presses answered: Telegram takes one answer per callback query. */
    private readonly _answeredPresses = new Set<string>();
    /** `until` loops waiting for a change. */
    private readonly _waiters = new Set<() => void>();
    /** getUpdates requests held until an update arrives. */
    private readonly _pollers = new Set<() => void>();
    private readonly _pending = new Set<ServerResponse>();
    private _seq = 0;

    constructor(token = '123456:TEST-not-a-real-token') {
        this.token = token;
    }

    get url(): string {
        const address = this._server?.address() as AddressInfo | undefined;
        if (!address) throw new Error('fake Bot API not started');
        return `http://127.0.0.1:${address.port}`;
    }

    async start(): Promise<this> {
        this._server = createServer((req, res) => void this.handle(req, res));
        await new Promise<void>((resolve) => this._server!.listen(0, '127.0.0.1', resolve));
        return this;
    }

    async close(): Promise<void> {
        for (const res of this._pending) res.end(JSON.stringify({ ok: true, result: [] }));
        this._pending.clear();
        const server = this._server;
        if (!server) return;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    /** The next `times` calls of `method` get this failure instead of an answer. */
    failNext(method: string, failure: Failure, times = 1): void {
        this._failures.set(method, [...(this._failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    }

    /** Every call for which `when` holds gets `effect`, until the returned function is called. */
    rule(when: Rule['when'], effect: RuleEffect): () => void {
        const rule: Rule = { when, ...effect };
        this._rules.add(rule);
        return () => this._rules.delete(rule);
    }

    /** Queues an update (its update_id is set here) and returns its id. */
    push(update: Omit<Update, 'update_id'>): number {
        const id = this._nextUpdateId++;
        this._queue.push({ update_id: id, ...update } as Update);
        for (const poller of [...this._pollers]) poller();
        this.wake();
        return id;
    }

    nextMessageId(): number {
        return ++this._messageId;
    }

    /** Records that the bot under test has finished an update (see `botDeps` in harness.ts, whose logger calls this). */
    markHandled(updateId: number): void {
        this._handled.add(updateId);
        this.wake();
    }

    /**
     * Resolves once the bot reported `updateId` handled. (The bot fetches the
     * next updates while it still handles earlier ones, so a later offset
     * proves only that the update was received: see `confirmed`.)
     */
    async handled(updateId: number, timeoutMs = 15_000): Promise<void> {
        await this.until(() => this._handled.has(updateId), timeoutMs, `update ${updateId} to be handled (is the bot's logger from botDeps?)`);
    }

    /** Resolves once the bot has asked for updates past `updateId`: Telegram would not deliver it again. */
    async confirmed(updateId: number, timeoutMs = 15_000): Promise<void> {
        await this.until(() => this._offset > updateId, timeoutMs, `update ${updateId} to be confirmed`);
    }

    /** Resolves when `predicate` holds, polling at each call; rejects after `timeoutMs`. */
    async until(predicate: () => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
        const deadline = Date.now() + timeoutMs;
        while (!predicate()) {
            if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
            await new Promise<void>((resolve) => {
                const timer = setTimeout(done, 50);
                this._waiters.add(done);
                function done() {
                    clearTimeout(timer);
                    resolve();
                }
            });
        }
    }

    callsOf(method: string): ApiCall[] {
        return this.calls.filter((c) => c.method === method);
    }

    private wake(): void {
        for (const w of [...this._waiters]) w();
        this._waiters.clear();
    }

    private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        if (!match || match[1] !== this.token) {
            res.writeHead(401, { 'content-type': 'application/json' }).end(
                JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }),
            );
            return;
        }
        const method = match[2]!;
        const body = Buffer.concat(chunks).toString('utf8');
        const payload = (body ? JSON.parse(body) : {}) as Record<string, unknown>;
        const rule = [...this._rules].find((r) => r.when(method, payload));
        if (rule?.delayMs) {
            await new Promise((resolve) => setTimeout(resolve, rule.delayMs));
            if (res.destroyed) return;
        }
        const failure = rule?.failure ?? this._failures.get(method)?.shift();
        if (failure) return this.reply(res, method, payload, failure.status, failure.body);
        if (method === 'getUpdates') return this.getUpdates(res, payload);
        const [status, answer] = this.answer(method, payload);
        this.reply(res, method, payload, status, answer);
    }

    private reply(res: ServerResponse, method: string, payload: Record<string, unknown>, status: number, body: Record<string, unknown>): void {
        this.calls.push({
            seq: ++this._seq,
            method,
            payload,
            ok: body.ok === true,
            result: body.result,
            ...(typeof body.description === 'string' ? { description: body.description } : {}),
        });
        this.wake();
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }

    private getUpdates(res: ServerResponse, payload: Record<string, unknown>): void {
        const offset = typeof payload.offset === 'number' ? payload.offset : 0;
        this._offset = Math.max(this._offset, offset);
        this._queue = this._queue.filter((u) => u.update_id >= offset);
        const limit = typeof payload.limit === 'number' ? payload.limit : 100;
        const send = () => {
            this._pending.delete(res);
            clearTimeout(timer);
            this._pollers.delete(send);
            if (!res.writableEnded) this.reply(res, 'getUpdates', payload, 200, { ok: true, result: this._queue.slice(0, limit) });
        };
        const timer = setTimeout(send, this._queue.length > 0 ? 0 : Math.min(MAX_HOLD_MS, Number(payload.timeout ?? 0) * 1000));
        this._pending.add(res);
        if (this._queue.length === 0) this._pollers.add(send);
        res.on('close', () => {
            this._pending.delete(res);
            this._pollers.delete(send);
            clearTimeout(timer);
        });
        this.wake();
    }

    private answer(method: string, p: Record<string, unknown>): [number, Record<string, unknown>] {
        const bad = (description: string): [number, Record<string, unknown>] => [400, { ok: false, error_code: 400, description }];
        switch (method) {
            case 'getMe':
                return [200, { ok: true, result: TEST_BOT }];
            case 'deleteWebhook':
            case 'setWebhook':
            case 'setMyCommands':
            case 'sendChatAction':
                return [200, { ok: true, result: true }];
            case 'answerCallbackQuery': {
                // As Telegram: a press is answered once. A second answer (a call retried after its response was lost on
                // the way, or a bug) is refused, and recorded as refused.
                const id = String(p.callback_query_id);
                if (this._answeredPresses.has(id)) return bad('Bad Request: query is too old and response timeout expired or query ID is invalid');
                this._answeredPresses.add(id);
                return [200, { ok: true, result: true }];
            }
            case 'answerInlineQuery': {
                const results = Array.isArray(p.results) ? (p.results as { id?: string }[]) : [];
                if (results.some((r) => !r.id || Buffer.byteLength(r.id) > 64)) return bad('Bad Request: RESULT_ID_INVALID');
                return [200, { ok: true, result: true }];
            }
            case 'sendMessage':
            case 'editMessageText': {
                const problem = this.checkMessage(p);
                if (problem) return bad(problem);
                const chatId = Number(p.chat_id);
                const message = {
                    message_id: method === 'editMessageText' && typeof p.message_id === 'number' ? p.message_id : this.nextMessageId(),
                    date: Math.floor(Date.now() / 1000),
                    chat: chatId < 0 ? { id: chatId, type: 'group', title: 'Test group' } : { id: chatId, type: 'private', first_name: 'Test' },
                    from: TEST_BOT,
                    text: visibleText(String(p.text)),
                } as Message;
                return [200, { ok: true, result: message }];
            }
            default:
                return [404, { ok: false, error_code: 404, description: 'Not Found: method not found' }];
        }
    }

    private checkMessage(p: Record<string, unknown>): string | undefined {
        if (typeof p.text !== 'string' || p.text.trim() === '') return 'Bad Request: message text is empty';
        if (p.parse_mode === 'HTML') {
            const htmlProblem = checkTelegramHtml(p.text);
            if (htmlProblem) return htmlProblem;
        }
        if (visibleText(p.text).length > 4096) return 'Bad Request: message is too long';
        const rows = (p.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
        for (const button of rows.flat()) {
            if (button.callback_data !== undefined && (Buffer.byteLength(button.callback_data) > 64 || button.callback_data === ''))
                return 'Bad Request: BUTTON_DATA_INVALID';
        }
        return undefined;
    }
}
