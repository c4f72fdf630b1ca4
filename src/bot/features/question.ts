/**
 * Any other text is a turn of the conversation (core/conversation): read
 * against what is in focus and the profile told so far, it is answered,
 * matched, or asked back about. This file only shows the turn's reply: the
 * answer (the fact asked, with its own sources) first, then whom to ask,
 * related items and follow-up buttons; a match on the profile told, with
 * what was read so that it can be put right; or the questionnaire when a
 * firm asks what fits before saying anything about itself.
 */
import { Composer } from 'grammy';
import { converse, focusOn } from '../../core/conversation/converse.ts';
import { noteAnswer } from '../../core/insights/log.ts';
import { answerEvent } from '../../core/insights/record.ts';
import { draftOfUnderstood } from '../../core/match/told-profile.ts';
import type { BotContext } from '../runtime/context.ts';
import { answerView, listAnswerView, mainMenuKeyboard, toldMatchView, withUnderstood } from '../views/format.ts';
import { MESSAGES } from '../views/i18n.ts';
import { addressedText, onAction, send } from '../views/reply.ts';
import { conversationOf, keepConversation } from '../storage/session.ts';
import { withFeedback } from './feedback.ts';
import { findItem } from '../conversation/callback.ts';
import { idGuessRefs } from '../views/item-refs.ts';
import { beginFlow } from './match.ts';
import { withAlertsButton } from './subscribe.ts';

export const questionFeature = new Composer<BotContext>();

/** How many answers a question gets. */
export const ANSWERS_SHOWN = 3;

/** A follow-up button under an answer ("申请方式"), or under a question back: that aspect of that item, answered the same way. */
questionFeature.use(
    onAction('aspect', async (ctx, action) => {
        const item = findItem(ctx.deps.service, action.ref);
        const answer = item && ctx.deps.service.answerAbout(item.id, action.aspect, { lang: ctx.lang });
        if (!answer) return ctx.t.unknownItem;
        keepConversation(ctx.session, focusOn(conversationOf(ctx.session), answer));
        await send(ctx, answerView(ctx.t, ctx.lang, answer));
    }),
);

questionFeature.on('message:text', async (ctx, next) => {
    const text = addressedText(ctx);
    if (text === undefined) return next();
    const turn = converse(ctx.deps.service, conversationOf(ctx.session), text, { defaultLang: ctx.lang, limit: ANSWERS_SHOWN });
    keepConversation(ctx.session, turn.state);
    const { lang, reply } = turn;
    // The buttons of this reply too, when the message asked for a language.
    ctx.lang = ctx.session.lang ?? ctx.lang;
    const t = MESSAGES[lang];
    switch (reply.kind) {
        case 'ack':
            return send(ctx, { html: t.ack, keyboard: mainMenuKeyboard(t) });
        case 'answers':
            // One question, one entry in the log: the answer about the first product listed.
            noteAnswer(ctx.deps.questionLog, answerEvent('bot', text, reply.answers[0]!, ctx.deps.service.snapshot().version), ctx.deps.logger);
            return send(ctx, listAnswerView(t, lang, reply.answers));
        case 'need-profile':
            return beginFlow(ctx, send, t.needProfile, lang);
        case 'match':
            delete ctx.session.understood;
            return send(ctx, await withAlertsButton(ctx, toldMatchView(t, lang, reply.response, reply.profile, reply.rated), lang));
        case 'answer': {
            const { answer, understood } = reply;
            const guesses = answer.search.results.length === 0 ? idGuessRefs(ctx.deps.service, text) : [];
            const view = answerView(t, lang, answer, guesses);
            if (understood.length > 0) ctx.session.understood = draftOfUnderstood(understood);
            const event = answerEvent('bot', text, answer, ctx.deps.service.snapshot().version);
            noteAnswer(ctx.deps.questionLog, event, ctx.deps.logger);
            return send(ctx, await withFeedback(ctx, withUnderstood(t, lang, view, understood), event));
        }
    }
});
