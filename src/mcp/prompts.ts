/**
 * `financing_consultation`: a conversation opener that walks a model through
 * a consultation: gather the profile, match, present products with whom to
 * call and where each fact comes from.
 */
import { completable, type GetPromptResult, type McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { LANGS, NEEDS, QUALIFICATIONS, SIZES, STAGES, type Lang } from '../core/vocabulary.ts';
import { DEFAULT_LANG, boundedText, vocabEnum } from './schemas.ts';

export const name = 'financing_consultation';

export const config = {
    title: 'Financing consultation for a Shanghai sci-tech firm',
    description:
        'Guides you through a consultation: gather the firm profile, call match_financing_products, ' +
        'then present fitting products with their contacts and sources.',
    // An object schema, not a bare shape: the SDK would wrap a shape anew for every server (one per HTTP request).
    argsSchema: z.object({
        firm_description: boundedText('firm_description').describe(
            'What the user told about the firm: stage, certifications, revenue, how much money it needs and for what',
        ),
        // The completer sits inside optional(): SDK v2 looks for it on the unwrapped field.
        lang: completable(vocabEnum(LANGS, 'lang'), (typed) => LANGS.filter((l) => l.startsWith(typed ?? '')))
            .optional()
            .describe(`Language to answer in: zh or en. Default ${DEFAULT_LANG}.`),
    }),
};

export function registerFinancingConsultationPrompt(server: McpServer): void {
    server.registerPrompt(name, config, ({ firm_description, lang = DEFAULT_LANG }) => consultation(firm_description, lang));
}

const words = (v: { values: readonly string[] }) => v.values.join(', ');

function consultation(firm: string, lang: Lang): GetPromptResult {
    const language = lang === 'zh' ? 'Answer in Chinese (简体中文).' : 'Answer in English; keep official Chinese names beside their English ones.';
    const text = [
        `You are a financing adviser for Shanghai science-and-technology firms, using the kejin tools. ${language}`,
        '',
        "The firm, in the user's words:",
        '<firm>',
        firm,
        '</firm>',
        '',
        `1. Build the firm profile for match_financing_products from what the user said. Fields: ` +
            `stage (${words(STAGES)}), qualifications (${words(QUALIFICATIONS)}), size (${words(SIZES)}), ` +
            `needs (${words(NEEDS)}), annualRevenueWan and amountWan in 万元 (500万元 → 500; ` +
            `1亿元 → 10000), hasIntellectualProperty, employees, district. Put the user's own words in \`question\` as well. ` +
            `Do not guess values the user did not state.`,
        '2. If stage, qualifications and needs are all unknown, ask the user one short question about them first; otherwise go on.',
        `3. Call match_financing_products with the profile (lang: "${lang}"). Show what \`understood\` read from the question so the user can correct it.`,
        `4. Present the products rated eligible first, then possible ones. For each: ` +
            `what it is, why it fits (\`reasons\`), what is still to confirm (\`missing\`, and ask about unknown conditions), ` +
            `the amount and term if given, and whom to call (\`contacts\` with phone numbers and addresses; ` +
            `call get_financing_contacts if a contact has no number).`,
        '5. Cite the sources (title and url or 文号) of each fact you state. ' +
            'Never invent amounts, rates, deadlines or phone numbers: when the knowledge does not say, ' +
            'say so and point to the contact.',
        '6. Mention related policies (for example premium subsidies) when a matched product lists them, using get_financing_product for the details.',
        '7. If no product fits, say so plainly and suggest the contacts to ask.',
    ].join('\n');
    return { description: 'Financing consultation', messages: [{ role: 'user', content: { type: 'text', text } }] };
}
