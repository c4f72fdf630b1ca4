import type { McpServer, RegisteredTool } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { FOLDER_KINDS, KINDS, NEEDS, QUALIFICATIONS, STAGES } from '../../core/vocabulary.ts';
import { respond, toolResult } from '../errors.ts';
import { listStructured, listText } from '../format.ts';
import { DEFAULT_LANG, READ_ONLY_ANNOTATIONS, langField, toolInput, vocabEnum } from '../schemas.ts';
import type { McpDeps } from '../deps.ts';

export const name = 'list_financing_products';

const OFFERING_KINDS = FOLDER_KINDS.products;
const words = (v: { values: readonly string[]; labels: Record<string, { zh: string }> }) =>
    v.values.map((w) => `${w} (${v.labels[w]!.zh})`).join(', ');

export const config = {
    title: 'List Shanghai sci-tech financing products',
    description: [
        "Lists the financing offerings in kejin's knowledge (credit products, service platforms, cooperation programmes) " +
            'as short entries: id, names, summary, needs served, stages and qualifications asked for.',
        'Use it to show what exists or to narrow by stage, qualification or kind. ' +
            'A stage or qualification keeps what match_financing_products would not rate ineligible for a firm at that stage, ' +
            'or holding that qualification (and what it implies) and no other; ' +
            'to rate offerings against a whole firm profile, call match_financing_products.',
    ].join('\n'),
    inputSchema: toolInput({
        stage: vocabEnum(STAGES.values, 'stage')
            .optional()
            .describe(`Only offerings open to firms at this stage: ${words(STAGES)}`),
        qualification: vocabEnum(QUALIFICATIONS.values, 'qualification')
            .optional()
            .describe(`Only offerings open to a firm holding this qualification: ${words(QUALIFICATIONS)}`),
        kind: vocabEnum(OFFERING_KINDS, 'kind')
            .optional()
            .describe(`Only this kind of offering: ${OFFERING_KINDS.map((k) => `${k} (${KINDS.labels[k].zh})`).join(', ')}`),
        lang: langField,
    }),
    outputSchema: z.object({
        count: z.number().int(),
        products: z.array(
            z.object({
                id: z.string(),
                kind: z.enum(OFFERING_KINDS),
                name: z.string().describe('Official Chinese name'),
                name_en: z.string(),
                summary: z.string(),
                needs: z.array(z.enum(NEEDS.values)).describe('Financing needs served'),
                stages: z.array(z.enum(STAGES.values)).optional().describe('Stages it is for; absent when not limited'),
                qualifications: z
                    .array(z.enum(QUALIFICATIONS.values))
                    .describe('Qualifications it asks for (one of them or all, see the card); empty when none'),
                expired: z.boolean(),
                uri: z.string(),
            }),
        ),
    }),
    annotations: { title: 'List financing products', ...READ_ONLY_ANNOTATIONS },
};

export function registerListFinancingProductsTool(server: McpServer, deps: McpDeps): RegisteredTool {
    return server.registerTool(name, config, ({ stage, qualification, kind, lang = DEFAULT_LANG }) =>
        respond(deps.logger, lang, () => {
            const products = deps.service.listProducts({ stage, qualification, kind });
            return toolResult(listText(products, lang), listStructured(products, lang));
        }),
    );
}
