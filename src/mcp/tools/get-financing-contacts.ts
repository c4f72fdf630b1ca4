import type { McpServer, RegisteredTool } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { respond, toolResult } from '../errors.ts';
import { contactsStructured, contactsText } from '../format.ts';
import { DEFAULT_LANG, READ_ONLY_ANNOTATIONS, boundedText, idField, langField, sourceOut, toolInput } from '../schemas.ts';
import type { McpDeps } from '../deps.ts';

export const name = 'get_financing_contacts';

export const config = {
    title: 'Get the agencies to contact about financing',
    description: [
        "Returns the organizations to contact (agencies, centres, banks' units) " +
            'with phone numbers, address, website and hours, each with the source it comes from.',
        'Give `product_id` for the contacts of a product or policy, `organization_id` for one organization, ' +
            'or `query` to find organizations by words ("担保基金", "科技创业中心"); with none of them, all organizations. ' +
            'Use it to answer "whom do we call?". Give the numbers exactly as returned and cite their sources; ' +
            'if a number is missing, say so.',
    ].join('\n'),
    inputSchema: toolInput({
        product_id: idField('Id of a product or policy whose contacts you want, e.g. "keji-lvyuedai"').optional(),
        organization_id: idField('Id of one organization, e.g. "stcsm"').optional(),
        query: boundedText('query').optional().describe('Words to find organizations by, Chinese or English, at most 2,000 characters'),
        lang: langField,
    }),
    outputSchema: z.object({
        organizations: z.array(
            z.object({
                id: z.string(),
                name: z.string().describe('Official Chinese name'),
                name_en: z.string(),
                role: z.string().describe('What the organization does for financing'),
                phones: z.array(sourcedOut()),
                address: sourcedOut().optional(),
                postcode: sourcedOut().optional(),
                website: sourcedOut().optional(),
                hours: sourcedOut().optional(),
                sources: z.array(sourceOut),
                uri: z.string(),
            }),
        ),
    }),
    annotations: { title: 'Get financing contacts', ...READ_ONLY_ANNOTATIONS },
};

function sourcedOut() {
    return z.object({
        value: z.string(),
        label: z.string().optional(),
        sources: z.array(z.string()).describe("Keys of the organization's sources"),
    });
}

export function registerGetFinancingContactsTool(server: McpServer, deps: McpDeps): RegisteredTool {
    return server.registerTool(name, config, ({ product_id, organization_id, query, lang = DEFAULT_LANG }) =>
        respond(deps.logger, lang, () => {
            const orgs = deps.service.contacts({ productId: product_id, organizationId: organization_id, query });
            return toolResult(contactsText(orgs, lang), contactsStructured(orgs, lang));
        }),
    );
}
