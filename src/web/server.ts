/**
 * The web chat's HTTP server (`kejin web`, and with `/mcp` mounted,
 * `kejin serve`): the page at `/`, its two assets, `/healthz`, the form
 * path (`POST /`, answered with the whole page, for browsers without
 * script) and the script's path (`POST /chat`, answered with the new
 * transcript entries as JSON). Both posting paths run the same `chat.ts`.
 *
 * Order for a request: Host/Origin → per-address limit → cross-site and
 * CSRF checks → per-session limit → body limit → one request of a session
 * at a time → read session, chat, write session and transcript → answer.
 * A turn is acknowledged only after its session is written, so an instance
 * killed mid-conversation loses nothing the user saw.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { StorageAdapter } from 'grammy';
import type { Logger } from 'pino';
import { MESSAGES } from '../bot/views/i18n.ts';
import type { SessionData } from '../bot/storage/session.ts';
import { feedbackOwner } from '../core/insights/feedback.ts';
import type { KnowledgeService } from '../core/service.ts';
import { langOfAcceptLanguage } from '../core/language.ts';
import type { Lang } from '../core/vocabulary.ts';
import { loadAssets, type Assets } from './assets.ts';
import { chatAction, chatText, welcomeView, type ChatDeps, type Reply } from './chat.ts';
import type { HostRules } from '../allowed-hosts.ts';
import { checkHostAndOrigin, clientAddress, crossSite, isHttps, readBody, send, webHostRules } from './guard.ts';
import type { Limiter } from './limit.ts';
import { entryHtml, noticeHtml, pageHtml, PAGE_WORDS } from './page.ts';
import { userHtml, viewHtml } from './render.ts';
import {
    clearedCookie,
    createWebSessions,
    csrfMatches,
    csrfToken,
    newSessionId,
    sessionCookie,
    sessionIdOf,
    sessionStoreKey,
    type Entry,
    type WebSessions,
} from './session.ts';

export interface WebOptions {
    readonly host: string;
    /** 0 picks a free port. */
    readonly port: number;
    readonly allowedHosts?: readonly string[];
    readonly trustProxy: boolean;
    readonly maxBodyBytes: number;
    readonly sessionRatePerMinute: number;
    readonly ipRatePerMinute: number;
    readonly sessionTtlDays: number;
    readonly defaultLang: Lang;
}

export interface WebDeps extends ChatDeps {
    readonly logger: Logger;
    readonly service: KnowledgeService;
    /** The bot's guarded session store (bot/storage/session.ts guardedStorage). */
    readonly sessions: StorageAdapter<SessionData>;
    /** The same store unguarded, for the transcripts. */
    readonly transcripts: StorageAdapter<unknown>;
    readonly limiter: Limiter;
    /** With Redis: one turn of a session at a time across instances (the bot's per-user lock). */
    readonly lock?: <T>(sessionKey: string, job: () => Promise<T>) => Promise<T>;
    /** `kejin serve`: requests under /mcp go here (the MCP endpoint of src/mcp). */
    readonly mcp?: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface RunningWebServer {
    readonly url: string;
    readonly port: number;
    readonly server: Server;
    close(): Promise<void>;
}

/** The longest message accepted, in characters (the textarea's maxlength). */
export const MAX_MESSAGE_CHARS = 1000;

export async function startWebServer(deps: WebDeps, options: WebOptions): Promise<RunningWebServer> {
    const assets = await loadAssets();
    let rules: HostRules = [];
    const handler = createWebHandler(deps, options, assets, () => rules);
    const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000 }, handler);
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const port = (server.address() as AddressInfo).port;
    rules = webHostRules(options.allowedHosts, options.host, port);
    const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
    return {
        url: `http://${shown}:${port}/`,
        port,
        server,
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeIdleConnections();
                setTimeout(() => server.closeAllConnections(), 1000).unref();
            }),
    };
}

export function createWebHandler(deps: WebDeps, options: WebOptions, assets: Assets, rules: () => HostRules) {
    const web = createWebSessions(deps.sessions, deps.transcripts);
    const queue = new SessionQueue();
    const ctx: HandlerContext = { deps, options, assets, web, queue, rules };
    return (req: IncomingMessage, res: ServerResponse): void => {
        const started = performance.now();
        res.once('finish', () =>
            deps.logger.debug({ method: req.method, path: pathOf(req), status: res.statusCode, ms: Math.round(performance.now() - started) }, 'web'),
        );
        handle(ctx, req, res, started).catch((err: unknown) => {
            deps.logger.error({ err: errorName(err) }, 'web request failed');
            if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `${MESSAGES.zh.sorry}\n${MESSAGES.en.sorry}\n`);
            else res.destroy();
        });
    };
}

interface HandlerContext {
    readonly deps: WebDeps;
    readonly options: WebOptions;
    readonly assets: Assets;
    readonly web: WebSessions;
    readonly queue: SessionQueue;
    readonly rules: () => HostRules;
}

function pathOf(req: IncomingMessage): string {
    return (req.url ?? '/').split('?')[0] ?? '/';
}

/** Logged instead of the error itself, whose message could quote a user's words. */
function errorName(err: unknown): Record<string, unknown> {
    return err instanceof Error
        ? { name: err.name, code: (err as { code?: unknown }).code, stack: err.stack?.split('\n').slice(1, 4).join(' ') }
        : { type: typeof err };
}

async function handle(c: HandlerContext, req: IncomingMessage, res: ServerResponse, started: number): Promise<void> {
    const path = pathOf(req);
    if (path === '/healthz') return health(c, req, res);
    if (c.deps.mcp && (path === '/mcp' || path.startsWith('/mcp/'))) return c.deps.mcp(req, res);
    const refused = checkHostAndOrigin(req, c.rules());
    if (refused) return send(res, refused.status, 'text/plain; charset=utf-8', `forbidden: ${refused.reason}\n`);
    const asset = path.startsWith('/') ? c.assets.byName(path.slice(1)) : undefined;
    if (asset) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed\n', { Allow: 'GET, HEAD' });
        const gz = acceptsGzip(req);
        return send(res, 200, asset.type, gz ? asset.gzipped : asset.body, {
            'Cache-Control': 'public, max-age=31536000, immutable',
            Vary: 'Accept-Encoding',
            ...(gz ? { 'Content-Encoding': 'gzip' } : {}),
        });
    }
    if (path !== '/' && path !== '/chat') return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    const ip = await c.deps.limiter.hit(`ip:${clientAddress(req, c.options.trustProxy)}`, c.options.ipRatePerMinute);
    if (!ip.ok) return tooMany(c, req, res, ip.retryAfter);
    if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) return showPage(c, req, res);
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed\n', { Allow: path === '/' ? 'GET, HEAD, POST' : 'POST' });
    return post(c, req, res, path === '/chat', started);
}

function health(c: HandlerContext, req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed\n', { Allow: 'GET, HEAD' });
    const snapshot = c.deps.service.snapshot();
    const body = JSON.stringify({ status: 'ok', version: snapshot.version, items: snapshot.items.size, loadedAt: snapshot.loadedAt });
    send(res, 200, 'application/json', req.method === 'HEAD' ? '' : body);
}

function acceptsGzip(req: IncomingMessage): boolean {
    return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

function cookieFor(c: HandlerContext, req: IncomingMessage, id: string): string {
    return sessionCookie(id, { secure: isHttps(req, c.options.trustProxy), maxAgeDays: c.options.sessionTtlDays });
}

function sendHtml(req: IncomingMessage, res: ServerResponse, status: number, html: string, headers: Record<string, string>): void {
    const gz = acceptsGzip(req);
    send(res, status, 'text/html; charset=utf-8', req.method === 'HEAD' ? '' : gz ? gzipSync(html) : html, {
        Vary: 'Accept-Encoding, Cookie, Accept-Language',
        ...(gz ? { 'Content-Encoding': 'gzip' } : {}),
        ...headers,
    });
}

async function showPage(c: HandlerContext, req: IncomingMessage, res: ServerResponse, notice?: string, status = 200): Promise<void> {
    const known = sessionIdOf(req.headers.cookie);
    const id = known ?? newSessionId();
    const session = known ? await c.web.read(id) : {};
    const entries = known ? await c.web.transcript(id) : [];
    const lang = session.lang ?? langOfAcceptLanguage(req.headers['accept-language'], c.options.defaultLang);
    const shown = entries.length > 0 ? entries : [{ from: 'bot' as const, html: viewHtml(c.deps.service, welcomeView(lang)) }];
    const html = pageHtml({
        lang,
        csrf: csrfToken(id),
        entries: shown,
        ...(notice ? { notice } : {}),
        assets: { css: c.assets.css.name, js: c.assets.js.name },
    });
    // The cookie is (re)set on every page, so that its lifetime runs from the last visit.
    sendHtml(req, res, status, html, { 'Set-Cookie': cookieFor(c, req, id) });
}

function tooMany(c: HandlerContext, req: IncomingMessage, res: ServerResponse, retryAfter: number): void {
    const lang = langOfAcceptLanguage(req.headers['accept-language'], c.options.defaultLang);
    const text = PAGE_WORDS[lang].slowDown;
    if (pathOf(req) === '/chat')
        return send(res, 429, 'application/json', JSON.stringify({ error: 'rate', notice: text }), { 'Retry-After': String(retryAfter) });
    send(res, 429, 'text/plain; charset=utf-8', `${text}\n`, { 'Retry-After': String(retryAfter) });
}

interface Posted {
    readonly q?: string;
    readonly a?: string;
    readonly csrf?: string;
}

function parsePosted(body: string, json: boolean): Posted | undefined {
    if (json) {
        try {
            const v = JSON.parse(body) as unknown;
            if (typeof v !== 'object' || v === null) return undefined;
            const o = v as Record<string, unknown>;
            return { ...(typeof o.q === 'string' ? { q: o.q } : {}), ...(typeof o.a === 'string' ? { a: o.a } : {}) };
        } catch {
            return undefined;
        }
    }
    const form = new URLSearchParams(body);
    const get = (k: string) => form.get(k) ?? undefined;
    const q = get('q');
    const a = get('a');
    const csrf = get('csrf');
    return { ...(q !== undefined ? { q } : {}), ...(a !== undefined ? { a } : {}), ...(csrf !== undefined ? { csrf } : {}) };
}

async function post(c: HandlerContext, req: IncomingMessage, res: ServerResponse, json: boolean, started: number): Promise<void> {
    const plain = 'text/plain; charset=utf-8';
    if (crossSite(req)) return send(res, 403, plain, 'forbidden: cross-site request\n');
    const id = sessionIdOf(req.headers.cookie);
    // No session cookie: the page was not loaded from here (or cookies are off); nothing to post to.
    if (!id) return send(res, 403, plain, 'forbidden: no session; load the page first\n');
    const headerToken = req.headers['x-csrf-token'];
    if (json && !csrfMatches(id, typeof headerToken === 'string' ? headerToken : undefined)) return send(res, 403, plain, 'forbidden: csrf\n');
    const type = String(req.headers['content-type'] ?? '');
    if (json ? !type.startsWith('application/json') : !type.startsWith('application/x-www-form-urlencoded'))
        return send(res, 415, plain, 'unsupported media type\n');
    const limited = await c.deps.limiter.hit(`session:${id}`, c.options.sessionRatePerMinute);
    if (!limited.ok) return tooMany(c, req, res, limited.retryAfter);
    const body = await readBody(req, c.options.maxBodyBytes);
    if (body === undefined) {
        res.setHeader('Connection', 'close');
        return send(res, 413, plain, `request body over ${c.options.maxBodyBytes} bytes\n`);
    }
    const posted = parsePosted(body, json);
    if (!posted) return send(res, 400, plain, 'bad request\n');
    if (!json && !csrfMatches(id, posted.csrf)) return send(res, 403, plain, 'forbidden: csrf\n');
    const text = posted.q?.trim();
    if (text !== undefined && [...text].length > MAX_MESSAGE_CHARS) return send(res, 413, plain, `message over ${MAX_MESSAGE_CHARS} characters\n`);
    if (!text && !posted.a) return json ? send(res, 400, plain, 'empty message\n') : showPage(c, req, res);

    const job = () => turn(c, req, id, text ? { text } : { action: posted.a! });
    const lock = c.deps.lock;
    const outcome = await c.queue.run(id, lock ? () => lock(sessionStoreKey(id), job) : job);
    const ms = (performance.now() - started).toFixed(1);
    const timing = { 'Server-Timing': `app;dur=${ms}` };
    if (json) {
        const lang = outcome.lang;
        const html = [
            ...outcome.added.map((e) => entryHtml(e, lang, csrfToken(outcome.id))),
            ...(outcome.notice ? [noticeHtml(outcome.notice)] : []),
        ].join('\n');
        const headers = { ...timing, ...(outcome.forgotten ? { 'Set-Cookie': clearedCookie(isHttps(req, c.options.trustProxy)) } : {}) };
        const payload = JSON.stringify({
            html,
            ...(outcome.forgotten ? { reset: true } : {}),
            ...(outcome.reload ? { reload: true } : {}),
            ...(outcome.replace ? { replace: true } : {}),
        });
        const gz = acceptsGzip(req) && payload.length > 1024;
        return send(res, 200, 'application/json', gz ? gzipSync(payload) : payload, {
            ...headers,
            ...(gz ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
        });
    }
    if (outcome.forgotten) {
        // A fresh, empty page: the old id is gone with its data.
        const fresh = newSessionId();
        const html = pageHtml({
            lang: outcome.lang,
            csrf: csrfToken(fresh),
            entries: outcome.added,
            assets: { css: c.assets.css.name, js: c.assets.js.name },
        });
        return sendHtml(req, res, 200, html, { ...timing, 'Set-Cookie': cookieFor(c, req, fresh) });
    }
    const html = pageHtml({
        lang: outcome.lang,
        csrf: csrfToken(id),
        entries: outcome.entries,
        ...(outcome.notice ? { notice: outcome.notice } : {}),
        assets: { css: c.assets.css.name, js: c.assets.js.name },
    });
    return sendHtml(req, res, 200, html, { ...timing, 'Set-Cookie': cookieFor(c, req, id) });
}

interface Outcome {
    readonly id: string;
    /** The page's language after the turn. */
    readonly lang: Lang;
    readonly added: Entry[];
    /** The whole transcript after the turn. */
    readonly entries: Entry[];
    readonly notice?: string;
    readonly forgotten?: boolean;
    readonly reload?: boolean;
    readonly replace?: boolean;
}

async function turn(c: HandlerContext, req: IncomingMessage, id: string, input: { text: string } | { action: string }): Promise<Outcome> {
    const [session, before] = await Promise.all([c.web.read(id), c.web.transcript(id)]);
    const browserLang = langOfAcceptLanguage(req.headers['accept-language'], c.options.defaultLang);
    const lang = session.lang ?? browserLang;
    const owner = feedbackOwner(sessionStoreKey(id));
    const reply: Reply =
        'text' in input ? await chatText(c.deps, session, input.text, lang, owner) : await chatAction(c.deps, session, input.action, lang);
    const pageLang = session.lang ?? browserLang;
    const added: Entry[] = [];
    if ('text' in input) added.push({ from: 'user', html: userHtml(input.text) });
    if (reply.view) added.push({ from: 'bot', html: viewHtml(c.deps.service, reply.view) });
    if (reply.forget) {
        await Promise.all([c.web.forget(id), c.deps.feedback?.forget(owner)]);
        return { id, lang: browserLang, added, entries: added, forgotten: true };
    }
    const replace = reply.replace === true && added.length === 1 && before.at(-1)?.from === 'bot';
    const after = replace ? [...before.slice(0, -1), ...added] : [...before, ...added];
    // Both written before the answer goes out: what the user sees is stored.
    const [, entries] = await Promise.all([c.web.write(id, session), added.length > 0 ? c.web.saveTranscript(id, after) : Promise.resolve(before)]);
    return {
        id,
        lang: pageLang,
        added,
        entries,
        ...(reply.notice ? { notice: reply.notice } : {}),
        ...(reply.langChanged ? { reload: true } : {}),
        ...(replace ? { replace } : {}),
    };
}

/** One request of a session at a time in this process, so that two quick presses do not both read the same session and lose a write. */
class SessionQueue {
    private readonly _tails = new Map<string, Promise<unknown>>();

    run<T>(key: string, job: () => Promise<T>): Promise<T> {
        const before = this._tails.get(key) ?? Promise.resolve();
        const result = before.then(job, job);
        const tail = result.catch(() => undefined);
        this._tails.set(key, tail);
        void tail.then(() => {
            if (this._tails.get(key) === tail) this._tails.delete(key);
        });
        return result;
    }
}
