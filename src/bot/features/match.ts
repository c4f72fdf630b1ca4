/**
 * The guided match: /match starts the questionnaire (keeping earlier
 * answers), each button or typed answer moves it on, and the last step saves
 * the profile and shows the ranked products.
 */
import { Composer } from 'grammy';
import type { Lang } from '../../core/vocabulary.ts';
import type { BotContext } from '../runtime/context.ts';
import { MESSAGES } from '../views/i18n.ts';
import { flowView, mainMenuKeyboard, matchView, type View } from '../views/format.ts';
import { beginFlowIn, confirmUnderstood, flowLang, matchProfileIn, stepFlowIn } from '../conversation/profile-flow.ts';
import { applyFlow, stepName, type Draft, type FlowResult } from '../conversation/questionnaire.ts';
import { addressedText, onAction, onMenu, send, show } from '../views/reply.ts';
import { withAlertsButton } from './subscribe.ts';

export const matchFeature = new Composer<BotContext>();

matchFeature.command('match', (ctx) => beginFlow(ctx, send));

matchFeature.use(onMenu('match', (ctx) => beginFlow(ctx, show)));

// A new message, so that the results being refined stay readable above it.
matchFeature.use(
    onAction(
        'profile',
        (ctx) => beginFlow(ctx, send),
        (a) => a.op === 'edit',
    ),
);

matchFeature.use(
    onAction(
        'profile',
        (ctx) => showMatches(ctx, ctx.session.profile ?? {}, show),
        (a) => a.op === 'match',
    ),
);

// What a question stated joins the saved profile (newer values win, lists merge), then matches.
matchFeature.use(
    onAction(
        'profile',
        async (ctx) => {
            const profile = confirmUnderstood(ctx.session);
            if (!profile) return ctx.t.staleButton;
            return showMatches(ctx, profile, send);
        },
        (a) => a.op === 'understood',
    ),
);

matchFeature.use(
    onAction('flow', async (ctx, action) => {
        const flow = ctx.session.flow;
        if (!flow || flow.step !== action.step) return ctx.t.flowStale;
        const result = applyFlow(flow, action);
        if (result.kind === 'invalid') return ctx.t.staleButton;
        return afterStep(ctx, result, show);
    }),
);

/** A typed answer to the current step; text that is no answer goes on to the question feature. */
matchFeature.on('message:text', async (ctx, next) => {
    const flow = ctx.session.flow;
    const text = flow && addressedText(ctx);
    if (!flow || !text) return next();
    const result = applyFlow(flow, { op: 'text', text }, ctx.deps.service.lexicon());
    if (result.kind !== 'invalid') return afterStep(ctx, result, send);
    if (stepName(flow) === 'amount' && /\d/.test(text) && text.length < 30)
        return send(ctx, { html: MESSAGES[flowLang(ctx.session, ctx.lang)].amountHint });
    return next();
});

type Sender = (ctx: BotContext, view: View) => Promise<void>;

/**
 * Starts the questionnaire from the saved profile plus what the last question stated; `intro` says why it starts,
 * in `lang`, the language of the message that asked (an English question from a Chinese Telegram gets English steps).
 */
export function beginFlow(ctx: BotContext, out: Sender, intro?: string, lang: Lang = ctx.lang): Promise<void> {
    const view = flowView(MESSAGES[lang], lang, beginFlowIn(ctx.session, lang));
    return out(ctx, intro ? { ...view, html: `${intro}\n\n${view.html}` } : view);
}

async function afterStep(ctx: BotContext, result: Exclude<FlowResult, { kind: 'invalid' }>, out: Sender): Promise<void> {
    // Read before the step: the last one ends the questionnaire, and its language with it.
    const lang = flowLang(ctx.session, ctx.lang);
    const t = MESSAGES[lang];
    const profile = stepFlowIn(ctx.session, result);
    if (result.kind === 'continue') return out(ctx, flowView(t, lang, result.state));
    if (!profile) return out(ctx, { html: t.flowCancelled, keyboard: mainMenuKeyboard(t) });
    return showMatches(ctx, profile, out, lang);
}

/** Matches a profile and shows the ranked products, in `lang` (default: the user's). */
export async function showMatches(ctx: BotContext, draft: Draft, out: Sender, lang: Lang = ctx.lang): Promise<void> {
    const t = MESSAGES[lang];
    const response = matchProfileIn(ctx.deps.service, ctx.session, draft, lang);
    if (response === 'empty') return out(ctx, { html: t.matchEmptyProfile, keyboard: mainMenuKeyboard(t) });
    if (response === 'bad-profile') return out(ctx, { html: t.matchBadProfile, keyboard: mainMenuKeyboard(t) });
    return out(ctx, await withAlertsButton(ctx, matchView(t, lang, response), lang));
}
