import type { McpServer, RegisteredTool } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { noteAnswer } from '../../core/insights/log.ts';
import { langOfText } from '../../core/language.ts';
import { shortName } from '../../core/present/index.ts';
import { DEFAULT_LIMIT } from '../../core/search/index.ts';
import { ASPECTS, KINDS, LANGS } from '../../core/vocabulary.ts';
import { respond, toolResult } from '../errors.ts';
import { searchStructured, searchText } from '../format.ts';
import {
    DEFAULT_LANG,
    MAX_LIMIT,
    READ_ONLY_ANNOTATIONS,
    boundedText,
    kindField,
    kindOut,
    langField,
    limitField,
    sourceOut,
    toolInput,
    contactSummaryOut,
} from '../schemas.ts';
import type { McpDeps } from '../deps.ts';

export const name = 'search_financing_knowledge';

const status = z.enum(['current', 'unconfirmed', 'outdated']).describe('current, or unconfirmed / outdated: repeat the fact with that caveat');
const aspect = z.enum(ASPECTS.values);
const passageOut = z.object({
    field: z.string().describe('Where the passage sits on the card, e.g. terms.amount, facts.2, body.zh.3'),
    aspects: z.array(aspect).describe('What the passage speaks of'),
    text: z.string(),
    status,
    sources: z.array(z.string()).describe("Keys of the result's sources this passage rests on (none for body text)"),
});
const factOut = z.object({
    text: z.string(),
    item: z.string().describe('Id of the card the fact comes from'),
    field: z.string(),
    aspects: z.array(aspect),
    status,
    sources: z.array(z.string()).describe('Keys into answer.sources'),
});
const answerSchema = z
    .object({
        text: z.string().describe('The direct answer, one to three sentences in the requested language; repeat it, citing answer.sources'),
        status: z.enum(['answered', 'not-held', 'comparison', 'unknown']),
        confident: z.boolean().describe('False when the knowledge does not answer: say so, offer answer.suggestions and answer.contacts'),
        aspect: z
            .union([aspect, z.literal('comparison')])
            .optional()
            .describe('What the question asks, as understood'),
        aspects: z.array(aspect).describe('Every aspect the question asks, strongest first'),
        item: z.object({ id: z.string(), kind: kindOut, title: z.string(), uri: z.string() }).optional().describe('The item the answer is about'),
        facts: z.array(factOut).describe('The facts the text states, each with only its own sources'),
        sources: z
            .array(
                sourceOut.extend({
                    item: z.string().describe('The id of the card the source belongs to (two cards of a comparison may use the same key)'),
                }),
            )
            .describe('The sources of the facts, and only those'),
        contacts: z
            .array(contactSummaryOut.pick({ id: true, name: true, phones: true }))
            .describe("Whom to ask (the item's contacts, or the general ones when nothing answers)"),
        related: z.array(z.string()).describe('Ids of related items worth a follow-up'),
        suggestions: z.array(z.string()).describe('Did-you-mean ids when nothing answers'),
        comparison: z
            .object({ items: z.array(z.string()), rows: z.array(z.object({ aspect, left: z.array(factOut), right: z.array(factOut) })) })
            .optional()
            .describe('For a comparison question: the aspects both items hold, side by side'),
    })
    .describe('The answer to the question, from the card fields that hold it');

const kinds = KINDS.values.map((k) => `${k} (${KINDS.labels[k].zh}, ${KINDS.labels[k].en})`).join(', ');

export const config = {
    title: 'Search Shanghai sci-tech financing knowledge',
    description: [
        "Full-text search over kejin's curated knowledge of Shanghai sci-tech financing: " +
            'credit products (科创助力贷, 科技履约贷, 高企贷, 沪科专贷…), policies (subsidies, risk compensation), platforms, ' +
            'programmes, policy documents and the agencies to contact.',
        'Use it for questions about a named product, policy, document or agency ("what is 科技微贷通?", ' +
            '"premium subsidy rate", "who runs 信易贷?"). To find the products that fit a particular firm, ' +
            'call match_financing_products instead.',
        'Write the query in Chinese or English, key words or a whole question. The reply leads with `answer`: ' +
            'the fact the question asks for (its `aspect`: amount, term, rate, how-to-apply, contact…), ' +
            'built only from card fields, each fact with its own source keys and status; then whom to contact and related items. ' +
            'Beside it come the ranked `results`, each with the `passages` of its card that matched and the sources ' +
            'of those passages.',
        '`answer.status`: answered (the fact was found), not-held (the item is known but its sources lack that fact: ' +
            'say so, and name whom to ask), comparison (two items side by side), unknown (nothing answers). ' +
            'A fact with status unconfirmed or outdated must be repeated with that caveat.',
        '`confident: false` (on the answer or the search) means nothing answers well: ' +
            'tell the user the knowledge does not cover it rather than presenting weak results. ' +
            'Amounts in the cards are in 万元 (10,000 CNY) unless stated.',
    ].join('\n'),
    inputSchema: toolInput({
        query: boundedText('query')
            .refine((q) => q.trim() !== '', { error: 'query must not be empty: give key words or a question' })
            .describe(
                'Question or key words, Chinese or English, at most 2,000 characters, e.g. "知识产权质押贷款怎么申请" or "loan renewal without repaying first"',
            ),
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
                    expired: z.boolean().describe("The card's valid_until has passed"),
                    uri: z.string().describe('Resource address of the full card'),
                    contacts: z.array(z.string()).describe('Organization ids to contact about this item'),
                    related: z.array(z.string()).describe('Ids of related items'),
                    sources: z.array(sourceOut).describe("The sources of the passages shown (the card's first source when they cite none)"),
                    passages: z.array(passageOut).describe('The parts of the card that match the question best, at most two'),
                }),
            )
            .max(MAX_LIMIT),
        answer: answerSchema,
    }),
    annotations: { title: 'Search financing knowledge', ...READ_ONLY_ANNOTATIONS },
};

export function registerSearchFinancingKnowledgeTool(server: McpServer, deps: McpDeps): RegisteredTool {
    return server.registerTool(name, config, ({ query, limit, kind, lang: asked }) => {
        // No lang given: answer in the language the question is written in.
        const lang = asked ?? langOfText(query, DEFAULT_LANG);
        return respond(deps.logger, lang, () => {
            const answer = deps.service.answer(query, { limit: limit ?? DEFAULT_LIMIT, lang, ...(kind ? { kind } : {}) });
            const ids = [...new Set([...(answer.item ? [answer.item.id] : []), ...answer.search.results.map((r) => r.id)])];
            const event = {
                front: 'mcp',
                question: query,
                lang: answer.lang,
                ids,
                confident: answer.confident,
                knowledgeVersion: deps.service.snapshot().version,
            } as const;
            noteAnswer(deps.questionLog, event, deps.logger);
            const contactName = (id: string) => {
                const org = deps.service.getItem(id);
                return org && shortName(org, lang);
            };
            return toolResult(searchText(answer, lang, contactName), searchStructured(answer, lang));
        });
    });
}
