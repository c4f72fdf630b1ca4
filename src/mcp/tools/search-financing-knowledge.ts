import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { noteAnswer } from '../../core/insights/log.ts';
import { DEFAULT_LIMIT } from '../../core/search/index.ts';
import { KINDS, LANGS } from '../../core/vocabulary.ts';
import { respond, toolResult } from '../errors.ts';
import { searchStructured, searchText } from '../format.ts';
import { DEFAULT_LANG, MAX_LIMIT, READ_ONLY_ANNOTATIONS, boundedText, kindField, kindOut, langField, limitField, sourceOut, toolInput } from '../schemas.ts';
import type { McpDeps } from '../server.ts';

export const name = 'search_financing_knowledge';

const kinds = KINDS.values.map((k) => `${k} (${KINDS.labels[k].zh}, ${KINDS.labels[k].en})`).join(', ');

export const config = {
    title: 'Search Shanghai sci-tech financing knowledge',
    description: [
        'Full-text search over kejin\'s curated knowledge of Shanghai sci-tech financing: credit products (科创助力贷, 科技履约贷, 高企贷, 沪科专贷…), policies (subsidies, risk compensation), platforms, programmes, policy documents and the agencies to contact.',
        'Use it for questions about a named product, policy, document or agency ("what is 科技微贷通?", "premium subsidy rate", "who runs 信易贷?"). To find the products that fit a particular firm, call match_financing_products instead.',
        'Write the query in Chinese or English, key words or a whole question. Results come best first with a summary, a snippet, the ids of organizations to contact and the sources of the card.',
        '`confident: false` means nothing matches well: tell the user the knowledge does not cover it rather than presenting weak results. Amounts in the cards are in 万元 (10,000 CNY) unless stated.',
    ].join('\n'),
    inputSchema: toolInput({
        query: boundedText('query')
            .refine((q) => q.trim() !== '', { error: 'query must not be empty: give key words or a question' })
            .describe('Question or key words, Chinese or English, at most 2,000 characters, e.g. "知识产权质押贷款怎么申请" or "loan renewal without repaying first"'),
        limit: limitField(DEFAULT_LIMIT, 'results'),
        kind: kindField.optional().describe(`Only items of this kind: ${kinds}. Omit to search everything.`),
        lang: langField,
    }),
    outputSchema: z.object({
        query: z.string().describe('The query as searched (trimmed)'),
        lang: z.enum(LANGS),
        confident: z.boolean().describe('False when nothing matches well: say so plainly instead of presenting the results as an answer'),
        notice: z.string().optional().describe('Set when the query was refused or altered'),
        results: z
            .array(
                z.object({
                    id: z.string().describe('Item id, for get_financing_product and get_financing_contacts'),
                    kind: kindOut,
                    title: z.string(),
                    summary: z.string(),
                    snippet: z.string().describe('Text around the matched words'),
                    score: z.number().describe('Relevance; higher is better; only comparable within one answer'),
                    expired: z.boolean().describe('The card\'s valid_until has passed'),
                    uri: z.string().describe('Resource address of the full card'),
                    contacts: z.array(z.string()).describe('Organization ids to contact about this item'),
                    related: z.array(z.string()).describe('Ids of related items'),
                    sources: z.array(sourceOut),
                }),
            )
            .max(MAX_LIMIT),
    }),
    annotations: { title: 'Search financing knowledge', ...READ_ONLY_ANNOTATIONS },
};

export function registerSearchFinancingKnowledgeTool(server: McpServer, deps: McpDeps): void {
    server.registerTool(name, config, ({ query, limit, kind, lang = DEFAULT_LANG }) =>
        respond(deps.logger, lang, () => {
            const res = deps.service.search(query, { limit: limit ?? DEFAULT_LIMIT, lang, ...(kind ? { kind } : {}) });
            const event = { front: 'mcp', question: query, lang: res.lang, ids: res.results.map((r) => r.id), confident: res.confident, knowledgeVersion: deps.service.snapshot().version } as const;
            noteAnswer(deps.questionLog, event, deps.logger);
            return toolResult(searchText(res, lang), searchStructured(res, lang));
        }),
    );
}
