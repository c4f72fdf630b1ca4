import type { InputRequiredResult, McpServer, RegisteredTool } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { langOfText } from '../../core/language.ts';
import { profileShape } from '../../core/match/profile.ts';
import { askBack, profileAnswers, withAnswers } from '../ask-profile.ts';
import { respond, toolResult } from '../errors.ts';
import { matchStructured, matchText } from '../format.ts';
import {
    DEFAULT_LANG,
    MAX_LIMIT,
    READ_ONLY_ANNOTATIONS,
    boundedText,
    contactSummaryOut,
    kindOut,
    langField,
    limitField,
    sourceOut,
    toolInput,
} from '../schemas.ts';
import type { McpDeps } from '../deps.ts';

export const name = 'match_financing_products';

const DEFAULT_LIMIT = 5;

export const config = {
    title: 'Match a firm to Shanghai sci-tech credit products',
    description: [
        "Rates every Shanghai sci-tech credit product in kejin's knowledge against a firm profile and returns the best first: " +
            '`eligible` (every known condition met), `possible` (nothing contradicts, something is unknown: ' +
            'ask the firm) or `ineligible` (a condition from a current source is not met). ' +
            'A condition resting on an unconfirmed or outdated source never rules a product out: ' +
            'it is listed to confirm, with `sourceStatus` and `sourceDate`.',
        'Use it whenever the user describes a firm and asks what financing fits ("we are a high-tech enterprise ' +
            'with 3,000万 revenue and need working capital"). Give every field you know; at least one is required. ' +
            "`question` may carry the firm's own words: plain statements in it fill the other fields, " +
            'and `understood` shows what was read so the user can correct it.',
        'Money is in 万元 (10,000 CNY): 500万元 → 500; 1.2亿元 → 12000. Each match has the reasons it fits, ' +
            'the conditions that are missing or unmet (ask the user about `unknown` ones), the amount and term where known, ' +
            'the organizations to contact with phone numbers, and the sources to cite.',
        'Present contacts and sources with the products; never invent amounts, rates or phone numbers that the answer does not give.',
    ].join('\n'),
    inputSchema: toolInput({
        ...profileShape,
        question: boundedText('question')
            .optional()
            .describe(
                "The firm's situation or question in its own words (Chinese or English, at most 2,000 characters); " +
                    'plain statements in it ("我们是高新技术企业", "贷款快到期") fill the fields above',
            ),
        limit: limitField(DEFAULT_LIMIT, 'products'),
        lang: langField,
    }),
    outputSchema: z.object({
        profile: z.record(z.string(), z.unknown()).describe('The profile matched: the fields given plus what the question stated'),
        understood: z
            .array(z.object({ field: z.string(), value: z.unknown(), text: z.string() }))
            .describe('Values read from `question`; show them so the user can correct them'),
        matches: z
            .array(
                z.object({
                    id: z.string(),
                    kind: kindOut,
                    name: z.string(),
                    summary: z.string(),
                    eligibility: z.enum(['eligible', 'possible', 'ineligible']),
                    score: z.number().describe('Rank within its rating; higher is better'),
                    reasons: z.array(conditionOut()).describe('Conditions met and needs served'),
                    missing: z.array(conditionOut()).describe('Conditions unmet, or unknown from the profile: ask the firm about the unknown ones'),
                    amount: z.string().optional().describe('Loan amount as the source states it'),
                    term: z.string().optional(),
                    apply: z.string().optional().describe('Where to apply, as the card says: the channel to give where a contact has no phone'),
                    contacts: z.array(contactSummaryOut).describe('Whom to call, with phone numbers'),
                    sources: z.array(sourceOut),
                    related: z.array(z.string()),
                    expired: z.boolean(),
                    uri: z.string().describe('Resource address of the full card'),
                    nextStep: z
                        .object({
                            mode: z
                                .enum(['automatic', 'apply', 'through-bank'])
                                .optional()
                                .describe(
                                    'automatic: 免申即享, nothing to apply for; apply: the firm applies; through-bank: apply to a bank for the loan',
                                ),
                            text: z.string().describe('The next step in words, as every front shows it'),
                            window: z
                                .object({
                                    opens: z.string().optional(),
                                    closes: z.string().optional(),
                                    state: z.enum(['open', 'upcoming', 'closed', 'rolling']),
                                    daysLeft: z.number().optional(),
                                })
                                .optional()
                                .describe('Application window on the day of the query: a closed window is closed, rolling is accepted all year'),
                            channel: z.object({ text: z.string(), url: z.string().optional() }).optional().describe('Where to apply'),
                            documents: z.array(z.string()).describe('What to prepare'),
                            benefit: z
                                .object({
                                    text: z.string(),
                                    percent: z.number().optional(),
                                    capWan: z.number().optional(),
                                    rateCutPoints: z.number().optional(),
                                })
                                .optional()
                                .describe('The support in numbers where a source gives them (capWan in 万元)'),
                            sources: z.array(z.string()).describe('Keys of the sources of the next step'),
                        })
                        .optional()
                        .describe('For eligible and possible products whose card states it: apply or not, by when, where, what to bring, how much'),
                }),
            )
            .max(MAX_LIMIT),
    }),
    annotations: { title: 'Match financing products', ...READ_ONLY_ANNOTATIONS },
};

function conditionOut() {
    return z.object({
        status: z.enum(['met', 'unmet', 'unknown']),
        field: z.string().optional().describe('Profile field the condition is about'),
        text: z.string(),
        sources: z.array(z.string()).describe('Keys of the sources of this condition'),
        sourceStatus: z
            .enum(['current', 'unconfirmed', 'outdated'])
            .describe(
                'Standing of those sources: only a current condition can make a product ineligible; an unconfirmed or outdated one is a thing to confirm',
            ),
        sourceDate: z.string().optional().describe('Latest date among those sources (YYYY-MM-DD), when any is dated'),
    });
}

export function registerMatchFinancingProductsTool(server: McpServer, deps: McpDeps): RegisteredTool {
    return server.registerTool(name, config, ({ limit, lang: asked, ...given }, ctx) => {
        // No lang given: answer in the language of the firm's own words, when there are any.
        const lang = asked ?? (given.question ? langOfText(given.question, DEFAULT_LANG) : DEFAULT_LANG);
        const answered = profileAnswers(ctx);
        let asking: InputRequiredResult | undefined;
        const result = respond(deps.logger, lang, () => {
            const res = deps.service.match(withAnswers(given, answered), { limit: limit ?? DEFAULT_LIMIT, lang });
            asking = askBack(ctx, res.profile, answered, lang);
            return toolResult(matchText(res, lang), matchStructured(res, lang));
        });
        return asking ?? result;
    });
}
