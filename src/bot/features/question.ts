/**
 * Any other text is a question: the top answers with snippets, sources and
 * follow-up buttons, or, when the search is not confident, a plain "not
 * sure" with did-you-mean buttons, the guided match and the contacts. The
 * answer is in the language of the question. What the question states about
 * the firm ("我们是高新技术企业") is shown, with a button to match on it.
 */
import { Composer } from 'grammy';
import { noteAnswer } from '../../core/insights/log.ts';
import type { QuestionEvent } from '../../core/insights/record.ts';
import type { KnowledgeItem } from '../../core/knowledge/schema.ts';
import type { KnowledgeService } from '../../core/service.ts';
import type { SearchResponse } from '../../core/search/types.ts';
import type { Lang } from '../../core/vocabulary.ts';
import type { BotContext } from '../context.ts';
import { answerView, titleOf, withUnderstood, type ItemRef } from '../format.ts';
import { MESSAGES, langOfText } from '../i18n.ts';
import { pickDraft } from '../questionnaire.ts';
import { addressedText, send } from '../reply.ts';
import { withFeedback } from './feedback.ts';

export const questionFeature = new Composer<BotContext>();

/** How many answers a question gets. */
export const ANSWERS_SHOWN = 3;

questionFeature.on('message:text', async (ctx, next) => {
    const text = addressedText(ctx);
    if (text === undefined) return next();
    const lang = langOfText(text, ctx.lang);
    const response = ctx.deps.service.search(text, { limit: ANSWERS_SHOWN, lang });
    const guesses = response.results.length === 0 ? idGuesses(ctx.deps.service, text) : [];
    const view = answerView(MESSAGES[lang], lang, text, response, relatedOf(ctx.deps.service, response), guesses);
    const { fields, understood } = ctx.deps.service.understand(text);
    const draft = pickDraft(fields);
    const shown = understood.filter((u) => u.field in draft);
    if (shown.length > 0) ctx.session.understood = draft;
    const event = questionEvent(ctx, text, lang, response);
    noteAnswer(ctx.deps.questionLog, event, ctx.deps.logger);
    await send(ctx, await withFeedback(ctx, withUnderstood(MESSAGES[lang], lang, view, shown), event));
});

/** What the question log keeps of a question and its answer (see core/insights). */
function questionEvent(ctx: BotContext, question: string, lang: Lang, response: SearchResponse): QuestionEvent {
    return { front: 'bot', question, lang, ids: response.results.map((r) => r.id), confident: response.confident, knowledgeVersion: ctx.deps.service.snapshot().version };
}

/** Per hit, the related items worth a button: policies first (a loan's premium subsidy), then offerings, none already shown. */
export function relatedOf(service: KnowledgeService, response: SearchResponse): Map<string, ItemRef[]> {
    const shown = new Set(response.results.map((r) => r.id));
    const rank = (kind: string) => (kind === 'policy' ? 0 : 1);
    return new Map(
        response.results.map((hit) => {
            const items = hit.related
                .map((id) => service.getItem(id))
                .filter((i): i is KnowledgeItem => i !== undefined && !shown.has(i.id) && i.kind !== 'organization' && i.kind !== 'document')
                .sort((a, b) => rank(a.kind) - rank(b.kind));
            return [hit.id, items.map((i) => ({ id: i.id, title: titleOf(i) }))];
        }),
    );
}

/** For a text that looks like a mistyped id ("gaoqidia"), the closest ids; none for prose. */
function idGuesses(service: KnowledgeService, text: string): ItemRef[] {
    const word = text.trim().toLowerCase();
    if (!/^[a-z0-9-]{3,40}$/.test(word)) return [];
    return service
        .suggestIds(word, 3)
        .map((id) => service.getItem(id))
        .filter((i): i is KnowledgeItem => i !== undefined)
        .map((i) => ({ id: i.id, title: titleOf(i) }));
}
