/**
 * Asking back instead of guessing (2026-07-28 multi-round requests): when
 * match_financing_products gets a profile too thin to rate anything (no
 * stage, no qualification, no need, given or read from the question), a
 * 2026 client that can show forms is sent an elicitation form for those
 * three fields, with the vocabulary's values and zh/en labels; the retried
 * call is answered with the answers merged in. A 2025 client, or one that
 * declared no elicitation, keeps the plain answer with its "what is
 * missing" list.
 */
import {
    acceptedContent,
    CLIENT_CAPABILITIES_META_KEY,
    inputRequired,
    type InputRequiredResult,
    type ServerContext,
} from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { FirmProfile } from '../core/match/profile.ts';
import { NEEDS, QUALIFICATIONS, STAGES, type Lang, type Localized } from '../core/vocabulary.ts';

/** The key of the form among the call's input requests. */
export const PROFILE_FORM = 'profile';

/** How the answers are read back: only known words, every field optional (a user may skip one). */
const answersSchema = z.object({
    stage: z.enum(STAGES.values).optional(),
    qualifications: z.array(z.enum(QUALIFICATIONS.values)).optional(),
    needs: z.array(z.enum(NEEDS.values)).optional(),
});
export type ProfileAnswers = z.infer<typeof answersSchema>;

const choices = (labels: Record<string, Localized>) => Object.entries(labels).map(([value, l]) => ({ const: value, title: `${l.zh} / ${l.en}` }));

const TEXT = {
    message: {
        zh: '要判断哪些产品适合，请告诉我企业的发展阶段、资质和融资需求（可以只填一部分）。',
        en: "To tell which products fit, say the firm's stage, qualifications and what the money is for (any of them).",
    },
    stage: { zh: '发展阶段 / Stage', en: 'Stage / 发展阶段' },
    qualifications: { zh: '资质 / Qualifications', en: 'Qualifications / 资质' },
    needs: { zh: '融资需求 / Needs', en: 'Needs / 融资需求' },
} as const;

/** The form, in the restricted schema elicitation allows: titled single and multi-select enums. */
function form(lang: Lang) {
    return inputRequired.elicit({
        message: TEXT.message[lang],
        requestedSchema: {
            type: 'object',
            properties: {
                stage: { type: 'string', title: TEXT.stage[lang], oneOf: choices(STAGES.labels) },
                qualifications: { type: 'array', title: TEXT.qualifications[lang], items: { anyOf: choices(QUALIFICATIONS.labels) } },
                needs: { type: 'array', title: TEXT.needs[lang], items: { anyOf: choices(NEEDS.labels) } },
            },
        },
    });
}

/** The answers to the form when this call is the retry that carries them. */
export function profileAnswers(ctx: ServerContext): ProfileAnswers | undefined {
    return acceptedContent(ctx.mcpReq.inputResponses, PROFILE_FORM, answersSchema);
}

/** A 2026-07-28 request (it carries the per-request envelope) from a client that shows forms. */
function canAskBack(ctx: ServerContext): boolean {
    const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
    const capabilities = envelope?.[CLIENT_CAPABILITIES_META_KEY] as { elicitation?: { form?: unknown } } | undefined;
    return capabilities?.elicitation !== undefined;
}

export function isThin(profile: FirmProfile): boolean {
    return !profile.stage && !(profile.qualifications?.length ?? 0) && !(profile.needs?.length ?? 0);
}

/** The form to send instead of an answer, or undefined to answer now. */
export function askBack(ctx: ServerContext, matched: FirmProfile, answered: ProfileAnswers | undefined, lang: Lang): InputRequiredResult | undefined {
    if (answered || !isThin(matched) || !canAskBack(ctx)) return undefined;
    return inputRequired({ inputRequests: { [PROFILE_FORM]: form(lang) } });
}

/** The given profile with the answered fields added (only those answered). */
export function withAnswers<P extends object>(given: P, answered: ProfileAnswers | undefined): P {
    if (!answered) return given;
    const filled = Object.fromEntries(Object.entries(answered).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
    return { ...given, ...filled };
}
