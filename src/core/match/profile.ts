/**
 * The firm profile: what a user tells about their firm. Every field is
 * optional but at least one is needed; unknown words are refused with the
 * allowed list, so the bot, the MCP tools and the CLI all fail the same way.
 */
import { z } from 'zod';
import { NEEDS, QUALIFICATIONS, SIZES, STAGES } from '../vocabulary.ts';

/** The longest free-text question kept; the rest is cut, not refused. */
export const MAX_QUESTION_CHARS = 2000;

function vocabEnum<const T extends readonly [string, ...string[]]>(values: T, what: string) {
    return z.enum(values, { error: (issue) => `unknown ${what} ${JSON.stringify(issue.input)}; allowed: ${values.join(', ')}` });
}

export const profileShape = {
    stage: vocabEnum(STAGES.values, 'stage')
        .optional()
        .describe(`Development stage: ${STAGES.values.join(' | ')}`),
    qualifications: z
        .array(vocabEnum(QUALIFICATIONS.values, 'qualification'))
        .max(QUALIFICATIONS.values.length)
        .optional()
        .describe(`Certifications the firm holds: ${QUALIFICATIONS.values.join(', ')}`),
    qualificationsLacking: z
        .array(vocabEnum(QUALIFICATIONS.values, 'qualification'))
        .max(QUALIFICATIONS.values.length)
        .optional()
        .describe(
            `Certifications the firm says it does not hold ("还没有高企认定", "not yet high-tech"): ` +
                `a product requiring one is then ineligible. Same words as qualifications`,
        ),
    size: vocabEnum(SIZES.values, 'size')
        .optional()
        .describe(`Firm size: ${SIZES.values.join(' | ')}`),
    needs: z
        .array(vocabEnum(NEEDS.values, 'need'))
        .max(NEEDS.values.length)
        .optional()
        .describe(`What the firm needs: ${NEEDS.values.join(', ')}`),
    annualRevenueWan: z.number().nonnegative().max(1e9).optional().describe('Annual revenue (年营业收入) in 万元 (10,000 CNY)'),
    amountWan: z.number().positive().max(1e9).optional().describe('Financing amount sought (融资需求) in 万元 (10,000 CNY)'),
    hasIntellectualProperty: z.boolean().optional().describe('Whether the firm owns patents or other intellectual property'),
    employees: z.number().int().nonnegative().max(10_000_000).optional().describe('Number of employees'),
    district: z.string().trim().max(50).optional().describe('Shanghai district, e.g. 浦东新区'),
    question: z
        .string()
        .transform((s) => s.slice(0, MAX_QUESTION_CHARS))
        .optional()
        .describe('Free-text description or question; plain statements in it fill the fields above'),
} as const;

export const firmProfileSchema = z
    .strictObject(profileShape)
    .refine((p) => Object.values(p).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0) && v !== ''), {
        message:
            'the profile is empty: give at least one of stage, qualifications, size, needs, annualRevenueWan, ' +
            'amountWan, hasIntellectualProperty, employees, district or question',
    });

export type FirmProfile = z.infer<typeof firmProfileSchema>;

export class ProfileError extends Error {
    override name = 'ProfileError';
    constructor(readonly issues: readonly { path: string; message: string }[]) {
        super(`kejin: invalid firm profile: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    }
}

/** Validates unknown input into a profile, or throws a ProfileError naming each bad field. */
export function parseProfile(input: unknown): FirmProfile {
    const result = firmProfileSchema.safeParse(input);
    if (result.success) return result.data;
    throw new ProfileError(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}
