import type { McpServer, RegisteredTool } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { dayOf } from '../../core/knowledge/application.ts';
import type { KnowledgeSnapshot } from '../../core/knowledge/load.ts';
import { organizationSchema, policySchema, productSchema, type KnowledgeItem } from '../../core/knowledge/schema.ts';
import type { ItemLookup } from '../../core/present/index.ts';
import type { Lang } from '../../core/vocabulary.ts';
import { respond, toolResult } from '../errors.ts';
import { cardStructured, cardText } from '../format.ts';
import { DEFAULT_LANG, READ_ONLY_ANNOTATIONS, idField, kindOut, langField, toolInput } from '../schemas.ts';
import type { McpDeps } from '../deps.ts';

export const name = 'get_financing_product';

export const config = {
    title: 'Get a financing knowledge card',
    description: [
        'Returns one whole knowledge card by id: for a credit product its eligibility, terms (amounts in 万元, ' +
            'terms in months), how to apply, facts, contacts and sources; policies, platforms, programmes, ' +
            'documents and organizations work the same way.',
        'Use it after search_financing_knowledge, match_financing_products or list_financing_products gave ' +
            'you an id and the user wants the details. Every fact carries the keys of its sources ([S1]); cite them.',
        'An unknown id is answered with the closest known ids.',
    ].join('\n'),
    inputSchema: toolInput({
        id: idField('Item id, e.g. "keji-lvyuedai" (科技履约贷), "gaoqidai" (高企贷) or "stcsm" (上海市科学技术委员会)'),
        lang: langField,
    }),
    outputSchema: cardSchema(),
    annotations: { title: 'Get financing product', ...READ_ONLY_ANNOTATIONS },
};

/**
 * The card as stored, for any kind: the fields every kind has are required,
 * the kind-specific ones optional. Built from the knowledge schemas so that a
 * field added there shows up here.
 */
function cardSchema() {
    const common = productSchema.pick({
        id: true,
        name: true,
        name_en: true,
        aliases: true,
        summary: true,
        topics: true,
        related: true,
        sources: true,
        notes: true,
        facts: true,
        last_verified: true,
        valid_until: true,
    }).shape;
    // Loose at the top: the loader may add bookkeeping fields beside the card's own.
    return z.looseObject({
        ...organizationSchema.partial().shape,
        ...policySchema.partial().shape,
        ...productSchema.partial().shape,
        ...common,
        kind: kindOut,
        file: z.string().describe('Path of the card in the knowledge folder'),
        body: z.string().describe("The card's Markdown text, Chinese then English"),
        expired: z.boolean().describe('valid_until has passed'),
        uri: z.string().describe('Resource address of this card'),
    });
}

export function registerGetFinancingProductTool(server: McpServer, deps: McpDeps): RegisteredTool {
    return server.registerTool(name, config, ({ id, lang = DEFAULT_LANG }) =>
        respond(deps.logger, lang, () => {
            const snapshot = deps.service.snapshot();
            const item = deps.service.requireItem(id);
            const { text, structured } = cardAnswer(snapshot, item, lang, (ref) => deps.service.getItem(ref));
            // A new result around the kept parts: the SDK may add to a result, never to its frozen card.
            return { content: [{ type: 'text', text }], structuredContent: structured };
        }),
    );
}

interface CardAnswer {
    readonly text: string;
    readonly structured: Record<string, unknown>;
}

/** The answers made from one snapshot on one day, by card id and language. */
interface Answers {
    readonly day: string;
    readonly byCard: Map<string, CardAnswer>;
}

const answers = new WeakMap<KnowledgeSnapshot, Answers>();

/**
 * A card's answer is a pure function of the knowledge snapshot (the card and
 * the cards it names), the language and the UTC day (an application window,
 * `valid_until`), so it is made once per (snapshot, card, language, day) and
 * handed out again: its 10–30 KB of Markdown is not rendered, walked for
 * lone surrogates and checked against the output schema on every call (the
 * output check remembers the frozen answers it passed, see server.ts). A
 * reload brings a new snapshot object, so nothing made from an old one is
 * served after it; only the current day's answers are kept.
 */
function cardAnswer(snapshot: KnowledgeSnapshot, item: KnowledgeItem, lang: Lang, lookup: ItemLookup): CardAnswer {
    const now = new Date();
    const day = dayOf(now);
    let made = answers.get(snapshot);
    if (made?.day !== day) answers.set(snapshot, (made = { day, byCard: new Map() }));
    const key = `${item.id}\u0000${lang}`;
    let answer = made.byCard.get(key);
    if (!answer) {
        const structured = cardStructured(item, now);
        const result = toolResult(cardText(item, lang, lookup, now), structured);
        const text = (result.content[0] as { text: string }).text;
        answer = { text, structured: deepFreeze(result.structuredContent as typeof structured) };
        made.byCard.set(key, answer);
    }
    return answer;
}

function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
        for (const v of Object.values(value)) deepFreeze(v);
        Object.freeze(value);
    }
    return value;
}
