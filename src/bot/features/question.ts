/**
 * Any other text is a question: the answer (the fact asked, with its own
 * sources) first, then whom to ask, related items and follow-up buttons;
 * or, when nothing answers, a plain "not sure" with did-you-mean buttons,
 * the guided match and the contacts. The answer is in the language of the
 * question. What the question states about the firm ("我们是高新技术企业")
 * is shown, with a button to match on it.
 */
import { Composer } from 'grammy';
import type { Answer } from '../../core/answer/answer.ts';
import { noteAnswer } from '../../core/insights/log.ts';
import type { QuestionEvent } from '../../core/insights/record.ts';
import type { KnowledgeItem } from '../../core/knowledge/schema.ts';
import type { KnowledgeService } from '../../core/service.ts';
import type { BotContext } from '../context.ts';
import { answerView, titleOf, withUnderstood, type ItemRef } from '../format.ts';
import { MESSAGES, langOfText } from '../i18n.ts';
import { pickDraft } from '../questionnaire.ts';
import { addressedText, onAction, send } from '../reply.ts';
import { withFeedback } from './feedback.ts';
import { findItem } from './item.ts';

export const questionFeature = new Composer<BotContext>();

/** How many answers a question gets. */
export const ANSWERS_SHOWN = 3;

/** A follow-up button under an answer ("申请方式"): that aspect of that item, answered the same way. */
questionFeature.use(
    onAction('aspect', async (ctx, action) => {
        const item = findItem(ctx.deps.service, action.ref);
        const answer = item && ctx.deps.service.answerAbout(item.id, action.aspect, { lang: ctx.lang });
        if (!answer) return ctx.t.unknownItem;
        await send(ctx, answerView(ctx.t, ctx.lang, answer));
    }),
);

questionFeature.on('message:text', async (ctx, next) => {
    const text = addressedText(ctx);
    if (text === undefined) return next();
    const lang = langOfText(text, ctx.lang);
    const answer = ctx.deps.service.answer(text, { limit: ANSWERS_SHOWN, lang });
    const guesses = answer.search.results.length === 0 ? idGuesses(ctx.deps.service, text) : [];
    const view = answerView(MESSAGES[lang], lang, answer, guesses);
    const { fields, understood } = ctx.deps.service.understand(text);
    const draft = pickDraft(fields);
    const shown = understood.filter((u) => u.field in draft);
    if (shown.length > 0) ctx.session.understood = draft;
    const event = questionEvent(ctx, text, answer);
    noteAnswer(ctx.deps.questionLog, event, ctx.deps.logger);
    await send(ctx, await withFeedback(ctx, withUnderstood(MESSAGES[lang], lang, view, shown), event));
});

/** What the question log keeps of a question and its answer (see core/insights): the item answered from first. */
function questionEvent(ctx: BotContext, question: string, answer: Answer): QuestionEvent {
    const ids = [...new Set([...(answer.item ? [answer.item.id] : []), ...answer.search.results.map((r) => r.id)])];
    return { front: 'bot', question, lang: answer.lang, ids, confident: answer.confident, knowledgeVersion: ctx.deps.service.snapshot().version };
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
