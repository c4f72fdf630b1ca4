import type { McpServer, RegisteredTool } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { organizationSchema, policySchema, productSchema } from '../../core/knowledge/schema.ts';
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
            const item = deps.service.requireItem(id);
            return toolResult(
                cardText(item, lang, (ref) => deps.service.getItem(ref)),
                cardStructured(item),
            );
        }),
    );
}
