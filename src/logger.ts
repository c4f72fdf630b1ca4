/**
 * Logs go to stderr, always: stdout belongs to the MCP stdio protocol and to
 * the terminal bot's conversation. No secret is ever written: see
 * `createLogger`'s `secrets` and `scrubSecrets`.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
    /**
     * Values that must never be written (the bot token, the webhook secret,
     * the MCP token: see `secretsOf`). Scrubbed wherever they appear, in
     * every field, besides anything shaped like a bot token or bearer token.
     */
    readonly secrets?: readonly (string | undefined)[];
    /** Default: stderr. */
    readonly destination?: pino.DestinationStream;
}

export function createLogger(level = 'info', options: LoggerOptions = {}): Logger {
    const scrub = scrubberFor(options.secrets ?? []);
    return pino(
        {
            level,
            base: undefined,
            redact: {
                paths: [
                    'token',
                    '*.token',
                    'config.TELEGRAM_BOT_TOKEN',
                    'config.MCP_AUTH_TOKEN',
                    'config.WEBHOOK_SECRET',
                    'authorization',
                    '*.authorization',
                ],
                censor: '[redacted]',
            },
            hooks: {
                // Every argument, the message and each field of the merged object, at any depth:
                // a secret can hide in an error text that repeats a request address.
                logMethod(args, method) {
                    // `logger.error(err)`: keep pino's shape, `{ err }` and the error's message.
                    const [first, ...rest] = args as unknown[];
                    const shaped = first instanceof Error ? [{ err: first }, ...(rest.length > 0 ? rest : [first.message])] : (args as unknown[]);
                    method.apply(this, shaped.map((a) => scrubValue(a, scrub)) as Parameters<typeof method>);
                },
            },
            // Errors are already plain objects here (see scrubValue); pino's serializer would
            // label the summaries the code logs as `type: "Object"` with an empty stack.
            serializers: { err: (err: unknown) => err },
            formatters: {
                // Fields bound with `logger.child({...})` do not pass the hook above.
                bindings: (bindings) => scrubValue(bindings, scrub) as Record<string, unknown>,
            },
        },
        options.destination ?? pino.destination(2),
    );
}

/** The configured secrets, for `createLogger` and for the start-up failure path. */
export function secretsOf(config: {
    readonly TELEGRAM_BOT_TOKEN?: string;
    readonly WEBHOOK_SECRET?: string;
    readonly MCP_AUTH_TOKEN?: string;
}): string[] {
    const token = config.TELEGRAM_BOT_TOKEN;
    // The part after the colon alone is the secret part of a bot token.
    const tokenSecret = token?.includes(':') ? token.slice(token.indexOf(':') + 1) : undefined;
    return [token, tokenSecret, config.WEBHOOK_SECRET, config.MCP_AUTH_TOKEN].filter(
        (s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH,
    );
}

/** Shorter values are not scrubbed literally: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 8;
const MAX_DEPTH = 8;

/** Removes bot tokens (also inside `/bot<token>/` addresses), bearer tokens and the given secrets from free text. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
    return scrubberFor(secrets)(text);
}

function scrubberFor(secrets: readonly (string | undefined)[]): (text: string) => string {
    // Longest first, so that a token is not left half-replaced by its own secret part.
    const known = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH))].sort(
        (a, b) => b.length - a.length,
    );
    return (text) => {
        let out = text;
        for (const secret of known) if (out.includes(secret)) out = out.split(secret).join('[redacted]');
        return out
            .replace(/\/bot[^/\s"'?#]+/g, '/bot[redacted]')
            .replace(/\b\d{6,12}:[A-Za-z0-9_-]{30,}\b/g, '[redacted-token]')
            .replace(/(Bearer\s+)[^\s"',]+/gi, '$1[redacted]');
    };
}

/**
 * A copy of `value` with every string scrubbed. Errors become plain
 * objects (`type`, `message`, `stack`, `code`, `cause`) so that their texts
 * are scrubbed too; cycles and depth are bounded.
 */
function scrubValue(value: unknown, scrub: (text: string) => string, depth = 0, seen = new WeakSet<object>()): unknown {
    if (typeof value === 'string') return scrub(value);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value) || depth >= MAX_DEPTH) return '[…]';
    seen.add(value);
    const next = (v: unknown) => scrubValue(v, scrub, depth + 1, seen);
    if (value instanceof Error) {
        const fields: Record<string, unknown> = { type: value.name, message: scrub(value.message) };
        if (value.stack) fields.stack = scrub(value.stack);
        for (const [k, v] of Object.entries(value)) fields[k] = next(v);
        if (value.cause !== undefined) fields.cause = next(value.cause);
        return fields;
    }
    if (Array.isArray(value)) return value.map(next);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
        // A URL, a Date…: scrub what it would be written as.
        const toJSON = (value as { toJSON?: unknown }).toJSON;
        return typeof toJSON === 'function' ? next(toJSON.call(value)) : value;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, next(v)]));
}

/** A logger that drops everything, for tests and silent library use. */
export const silentLogger: Logger = pino({ level: 'silent' });

/** An error as loggable fields: its name and the start of its message, never its stack or payload. */
export function errorSummary(err: unknown): { name: string; message: string } {
    if (err instanceof Error) return { name: err.name, message: err.message.slice(0, 300) };
    return { name: typeof err, message: String(err).slice(0, 300) };
}

/**
 * Node writes process warnings (a MaxListenersExceededWarning, a
 * deprecation) to stderr as text, which breaks a log of JSON lines: they go
 * through `logger` instead, as warn records. Returns a function that puts
 * Node's own printing back (for tests).
 */
export function logProcessWarnings(logger: Logger): () => void {
    const previous = process.listeners('warning');
    process.removeAllListeners('warning');
    const onWarning = (warning: Error) => logger.warn({ warning: warning.name, code: (warning as NodeJS.ErrnoException).code }, warning.message);
    process.on('warning', onWarning);
    return () => {
        process.off('warning', onWarning);
        for (const listener of previous) process.on('warning', listener);
    };
}
