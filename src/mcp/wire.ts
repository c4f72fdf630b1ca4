/**
 * What kejin puts on the wire beyond the SDK's own care:
 * - protocol errors about a malformed request (`arguments: null`, a
 *   `tools/call` without params, a bogus log level) are answered `-32602`
 *   with one short line per problem, where the SDK would answer with its
 *   schema library's raw issue dump (and `-32603` when a handler's own parse
 *   failed);
 * - no answer carries a lone UTF-16 surrogate (half of an emoji or a rare
 *   character, left by a cut or sent by the client), which clients decode
 *   as garbage or refuse.
 */
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/server';

const INVALID_PARAMS = -32602;
const INTERNAL_ERROR = -32603;
/** An error message is at most this long: enough for a few problems, short enough to read. */
const MAX_ERROR_CHARS = 300;

interface Issue {
    readonly path?: readonly (string | number)[];
    readonly message?: string;
}

/**
 * The issue list a zod error renders as its message, or undefined: the SDK
 * writes `Invalid tools/call request: [ {…} ]`, or the bare array when a
 * handler's own parse threw.
 */
function issuesIn(message: string): { prefix: string; issues: Issue[] } | undefined {
    const at = message.search(/\[\s*\{/);
    if (at < 0) return undefined;
    try {
        const issues = JSON.parse(message.slice(at)) as unknown;
        if (!Array.isArray(issues) || issues.length === 0 || !issues.every((i) => typeof i === 'object' && i !== null && 'message' in i))
            return undefined;
        return { prefix: message.slice(0, at).trim(), issues: issues as Issue[] };
    } catch {
        return undefined;
    }
}

/** One line: each problem as `params.arguments: Invalid input: expected record, received null`. */
export function shortIssues(message: string): string | undefined {
    const found = issuesIn(message);
    if (!found) return undefined;
    const lines = found.issues.map((i) => `${i.path && i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message ?? 'invalid'}`);
    const text = `${found.prefix ? `${found.prefix.replace(/:$/, '')}: ` : 'Invalid request: '}${lines.join('; ')}`;
    return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
}

/** The message as sent, with a schema dump in an error turned into a short `-32602`. */
export function refineMessage(message: JSONRPCMessage): JSONRPCMessage {
    if (!('error' in message) || (message.error.code !== INVALID_PARAMS && message.error.code !== INTERNAL_ERROR)) return message;
    const short = shortIssues(message.error.message);
    if (short === undefined) return message;
    // A schema failure is always about what the client sent, even when a handler's own parse found it.
    return { ...message, error: { code: INVALID_PARAMS, message: short } };
}

/** Makes the transport send refined errors (patched in place: the SDK keys per-request state on the transport object). */
export function refineWireErrors<T extends Transport>(transport: T): T {
    const send = transport.send.bind(transport);
    transport.send = (message, options) => send(refineMessage(message), options);
    return transport;
}

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without lone surrogates; the same string when it has none. */
export function wellFormedText(text: string): string {
    // The native check (Node 20) first: the lookaround pattern costs a tenth of a search's formatting when run on every string.
    return (text as string & { isWellFormed(): boolean }).isWellFormed() ? text : text.replace(LONE_SURROGATES, '');
}

/**
 * Every string in a JSON value made well formed, so that a cut never leaves
 * half a character. Returns the value itself when nothing needed changing
 * (the common case costs a walk, not a copy).
 */
export function wellFormed<T>(value: T): T {
    if (typeof value === 'string') return wellFormedText(value) as T;
    if (Array.isArray(value)) {
        const items: unknown[] = value;
        const fixed = items.map((v) => wellFormed(v));
        return (fixed.some((v, i) => v !== items[i]) ? fixed : value) as T;
    }
    if (value !== null && typeof value === 'object') {
        let out: Record<string, unknown> | undefined;
        for (const [k, v] of Object.entries(value)) {
            const fixed = wellFormed(v);
            if (fixed !== v) out ??= { ...(value as Record<string, unknown>) };
            if (out) out[k] = fixed;
        }
        return (out ?? value) as T;
    }
    return value;
}
