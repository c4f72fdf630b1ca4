/**
 * The `callback_data` of every button: a short ASCII code, at most 64 bytes
 * (Telegram's limit), parsed strictly on the way back. Anyone can send any
 * callback_data to a bot, so `parseCallback` treats it as untrusted input:
 * whatever does not parse to a known action is `undefined`, never a throw.
 *
 *   m:<menu>                 main-menu entries
 *   l:<zh|en>                language
 *   q:<step>:<op>[:<value>]  questionnaire; the step number makes old buttons detectable
 *   i:<ref> / c:<ref>        full card / contacts of an item
 *   p[:<kind|*>[:<stage|*>[:<page>]]]  browse
 *   f:<y|n>                  forget, confirmed or not
 *   pr:<e|m|u>               profile: edit, match with it, match with what a question stated
 *   fb:<y|n>:<token>         👍 / 👎 on an answer (the token names it in the feedback memo)
 *   al:<y|n>                 alerts for the saved profile: subscribe or unsubscribe
 *
 * An item id longer than fits is sent as `~` and a hash of the id.
 */
import { createHash } from 'node:crypto';
import { FEEDBACK_TOKEN } from '../../core/insights/feedback.ts';
import type { KnowledgeItem } from '../../core/knowledge/schema.ts';
import type { KnowledgeService } from '../../core/service.ts';
import { ASPECTS, LANGS, OFFERING_KINDS, STAGES, type Aspect, type Lang, type OfferingKind, type Stage } from '../../core/vocabulary.ts';

export const MAX_CALLBACK_BYTES = 64;
const MAX_PLAIN_REF = 48;
const REF_PATTERN = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|~[A-Za-z0-9_-]{16})$/;

export const MENU_ENTRIES = ['match', 'ask', 'prod', 'contact', 'lang', 'home', 'profile', 'forget'] as const;
export type MenuEntry = (typeof MENU_ENTRIES)[number];

export const FLOW_OPS = { s: 'set', t: 'toggle', d: 'done', b: 'back', k: 'skip', x: 'cancel', n: 'none' } as const;
export type FlowOp = (typeof FLOW_OPS)[keyof typeof FLOW_OPS];
const OP_CODES = Object.fromEntries(Object.entries(FLOW_OPS).map(([code, op]) => [op, code])) as Record<FlowOp, string>;

/** The kinds that can be browsed: the offerings. */
export const BROWSE_KINDS = OFFERING_KINDS;
export type BrowseKind = OfferingKind;

const PROFILE_OPS = { e: 'edit', m: 'match', u: 'understood' } as const;
export type ProfileOp = (typeof PROFILE_OPS)[keyof typeof PROFILE_OPS];
const PROFILE_CODES = Object.fromEntries(Object.entries(PROFILE_OPS).map(([code, op]) => [op, code])) as Record<ProfileOp, string>;

export type CallbackAction =
    | { readonly type: 'menu'; readonly entry: MenuEntry }
    | { readonly type: 'lang'; readonly lang: Lang }
    | { readonly type: 'flow'; readonly step: number; readonly op: FlowOp; readonly value?: string }
    | { readonly type: 'item'; readonly ref: string }
    | { readonly type: 'contacts'; readonly ref: string }
    | { readonly type: 'aspect'; readonly aspect: Aspect; readonly ref: string }
    | { readonly type: 'browse'; readonly kind?: BrowseKind | '*'; readonly stage?: Stage | '*'; readonly page?: number }
    | { readonly type: 'forget'; readonly confirmed: boolean }
    | { readonly type: 'profile'; readonly op: ProfileOp }
    | { readonly type: 'feedback'; readonly helpful: boolean; readonly token: string }
    | { readonly type: 'alerts'; readonly on: boolean };

/** Encodes an action; throws if the result would pass Telegram's limit (a bug, not user input). */
export function encodeCallback(action: CallbackAction): string {
    const data = encode(action);
    if (Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_BYTES) throw new Error(`kejin: callback_data too long: ${data}`);
    return data;
}

function encode(a: CallbackAction): string {
    switch (a.type) {
        case 'menu':
            return `m:${a.entry}`;
        case 'lang':
            return `l:${a.lang}`;
        case 'flow':
            return ['q', a.step, OP_CODES[a.op], ...(a.value === undefined ? [] : [a.value])].join(':');
        case 'item':
            return `i:${a.ref}`;
        case 'contacts':
            return `c:${a.ref}`;
        case 'aspect':
            return `a:${a.aspect}:${a.ref}`;
        case 'browse':
            return ['p', ...(a.kind ? [a.kind] : []), ...(a.stage ? [a.stage] : []), ...(a.page ? [a.page] : [])].join(':');
        case 'forget':
            return `f:${a.confirmed ? 'y' : 'n'}`;
        case 'profile':
            return `pr:${PROFILE_CODES[a.op]}`;
        case 'feedback':
            return `fb:${a.helpful ? 'y' : 'n'}:${a.token}`;
        case 'alerts':
            return `al:${a.on ? 'y' : 'n'}`;
    }
}

/** Parses untrusted callback_data; anything unknown or malformed is undefined. */
export function parseCallback(data: string | undefined): CallbackAction | undefined {
    if (!data || Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_BYTES) return undefined;
    const [head, ...args] = data.split(':');
    const one = args.length === 1 ? args[0] : undefined;
    switch (head) {
        case 'm':
            return isOneOf(MENU_ENTRIES, one) ? { type: 'menu', entry: one } : undefined;
        case 'l':
            return isOneOf(LANGS, one) ? { type: 'lang', lang: one } : undefined;
        case 'q':
            return parseFlow(args);
        case 'i':
            return one && REF_PATTERN.test(one) ? { type: 'item', ref: one } : undefined;
        case 'c':
            return one && REF_PATTERN.test(one) ? { type: 'contacts', ref: one } : undefined;
        case 'a': {
            const [aspect, ref, ...extra] = args;
            return extra.length === 0 && isOneOf(ASPECTS.values, aspect) && ref && REF_PATTERN.test(ref)
                ? { type: 'aspect', aspect, ref }
                : undefined;
        }
        case 'p':
            return parseBrowse(args);
        case 'f':
            return one === 'y' || one === 'n' ? { type: 'forget', confirmed: one === 'y' } : undefined;
        case 'pr':
            return one !== undefined && one in PROFILE_OPS ? { type: 'profile', op: PROFILE_OPS[one as keyof typeof PROFILE_OPS] } : undefined;
        case 'fb': {
            const [vote, token, ...extra] = args;
            if (extra.length > 0 || (vote !== 'y' && vote !== 'n') || !token || !FEEDBACK_TOKEN.test(token)) return undefined;
            return { type: 'feedback', helpful: vote === 'y', token };
        }
        case 'al':
            return one === 'y' || one === 'n' ? { type: 'alerts', on: one === 'y' } : undefined;
        default:
            return undefined;
    }
}

function parseFlow(args: string[]): CallbackAction | undefined {
    const [stepText, code, value, ...extra] = args;
    if (extra.length > 0 || !stepText || !/^\d$/.test(stepText) || !code || !(code in FLOW_OPS)) return undefined;
    const op = FLOW_OPS[code as keyof typeof FLOW_OPS];
    const needsValue = op === 'set' || op === 'toggle';
    if (needsValue !== (value !== undefined)) return undefined;
    if (value !== undefined && !/^[a-z0-9-]{1,24}$/.test(value)) return undefined;
    return { type: 'flow', step: Number(stepText), op, ...(value === undefined ? {} : { value }) };
}

function parseBrowse(args: string[]): CallbackAction | undefined {
    const [kind, stage, page, ...extra] = args;
    if (extra.length > 0) return undefined;
    if (kind !== undefined && kind !== '*' && !isOneOf(BROWSE_KINDS, kind)) return undefined;
    if (stage !== undefined && stage !== '*' && !isOneOf(STAGES.values, stage)) return undefined;
    if (page !== undefined && !/^[1-9]\d{0,2}$/.test(page)) return undefined;
    return {
        type: 'browse',
        ...(kind === undefined ? {} : { kind }),
        ...(stage === undefined ? {} : { stage }),
        ...(page === undefined ? {} : { page: Number(page) }),
    } as CallbackAction;
}

function isOneOf<T extends string>(values: readonly T[], value: string | undefined): value is T {
    return value !== undefined && (values as readonly string[]).includes(value);
}

/** The reference of an item id inside callback_data: the id itself when short, else a hash. */
export function refOf(id: string): string {
    if (id.length <= MAX_PLAIN_REF && REF_PATTERN.test(id) && !id.startsWith('~')) return id;
    return `~${hashId(id)}`;
}

/** The id a reference names, among `ids`; undefined when none does. */
export function resolveRef(ref: string, ids: Iterable<string>): string | undefined {
    if (!ref.startsWith('~')) {
        for (const id of ids) if (id === ref) return id;
        return undefined;
    }
    const hash = ref.slice(1);
    for (const id of ids) if (hashId(id) === hash) return id;
    return undefined;
}

function hashId(id: string): string {
    return createHash('sha256').update(id).digest('base64url').slice(0, 16);
}

/** The item a button names, in the service's current snapshot; undefined when it is gone. */
export function findItem(service: KnowledgeService, ref: string): KnowledgeItem | undefined {
    const id = resolveRef(ref, service.snapshot().items.keys());
    return id === undefined ? undefined : service.getItem(id);
}
