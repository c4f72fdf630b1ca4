/**
 * What the page does with a message or a button: the bot's conversation
 * without Telegram. A typed message is a turn of core/conversation (or an
 * answer to the questionnaire in progress, bot/conversation/questionnaire.ts); a button
 * carries the bot's own action code (bot/conversation/callback.ts), parsed as the same
 * untrusted input. Replies are the bot's views (bot/views/format.ts), which
 * render.ts marks up for the page. The session is the bot's session shape,
 * changed in place and saved by the caller.
 */
import type { Logger } from 'pino';
import { findItem, parseCallback, type CallbackAction } from '../bot/conversation/callback.ts';
import {
    answerView,
    listAnswerView,
    browseKindView,
    browseListView,
    browseStageView,
    contactsView,
    flowView,
    forgetView,
    itemView,
    langView,
    mainMenuKeyboard,
    matchView,
    profileView,
    titleOf,
    toldMatchView,
    withUnderstood,
    type View,
} from '../bot/views/format.ts';
import { MESSAGES, type Messages } from '../bot/views/i18n.ts';
import { INSIGHTS_MESSAGES } from '../bot/views/insights-i18n.ts';
import { idGuessRefs, relatedRefs } from '../bot/views/item-refs.ts';
import { beginFlowIn, confirmUnderstood, flowLang, matchProfileIn, stepFlowIn } from '../bot/conversation/profile-flow.ts';
import { applyFlow, stepName, type Draft, type FlowResult } from '../bot/conversation/questionnaire.ts';
import { conversationOf, keepConversation, type SessionData } from '../bot/storage/session.ts';
import { converse, focusOn } from '../core/conversation/converse.ts';
import type { FeedbackMemo } from '../core/insights/feedback.ts';
import { noteAnswer, recordQuietly, type QuestionLog } from '../core/insights/log.ts';
import { answerEvent, type QuestionEvent } from '../core/insights/record.ts';
import { draftOfUnderstood } from '../core/match/told-profile.ts';
import type { KnowledgeService } from '../core/service.ts';
import type { Lang } from '../core/vocabulary.ts';

export interface ChatDeps {
    readonly service: KnowledgeService;
    readonly logger: Logger;
    readonly questionLog?: QuestionLog;
    readonly feedback?: FeedbackMemo;
}

export interface Reply {
    /** What to show; none when a button only changes something (a vote). */
    readonly view?: View;
    /** A short notice instead of or besides a view ("thanks", "this button is out of date"). */
    readonly notice?: string;
    /** The user asked to delete their data: the caller deletes the record and the transcript. */
    readonly forget?: boolean;
    /** The language changed: the page's own words change with it. */
    readonly langChanged?: boolean;
    /** The view takes the place of the last one (the next questionnaire step), as the bot edits its message. */
    readonly replace?: boolean;
}

/** How many answers a question gets (as in the bot). */
const ANSWERS_SHOWN = 3;

/** The first screen: greeting and main menu. */
export function welcomeView(lang: Lang): View {
    const t = MESSAGES[lang];
    return { html: t.greeting(undefined), keyboard: mainMenuKeyboard(t) };
}

/**
 * A typed message. `lang`: the session's choice, else the browser's;
 * `owner`: the session's pseudonym in the feedback memo, so that "delete my
 * data" drops its answers awaiting a vote (feedbackOwner).
 */
export async function chatText(deps: ChatDeps, session: SessionData, text: string, lang: Lang, owner?: string): Promise<Reply> {
    const t = MESSAGES[lang];
    const command = commandAction(text);
    if (command) return act(deps, session, command, lang, t);
    const flow = session.flow;
    if (flow) {
        const result = applyFlow(flow, { op: 'text', text }, deps.service.lexicon());
        if (result.kind !== 'invalid') return afterStep(deps, session, result, lang);
        if (stepName(flow) === 'amount' && /\d/.test(text) && text.length < 30)
            return { view: { html: MESSAGES[flowLang(session, lang)].amountHint } };
    }
    const turn = converse(deps.service, conversationOf(session), text, { defaultLang: lang, limit: ANSWERS_SHOWN });
    keepConversation(session, turn.state);
    const tt = MESSAGES[turn.lang];
    const reply = turn.reply;
    switch (reply.kind) {
        case 'ack':
            return { view: { html: tt.ack, keyboard: mainMenuKeyboard(tt) } };
        case 'answers':
            // One question, one entry in the log: the answer about the first product listed.
            noteAnswer(deps.questionLog, answerEvent('web', text, reply.answers[0]!, deps.service.snapshot().version), deps.logger);
            return { view: listAnswerView(tt, turn.lang, reply.answers) };
        case 'need-profile':
            return { view: beginFlow(session, turn.lang, tt.needProfile) };
        case 'match':
            delete session.understood;
            return { view: toldMatchView(tt, turn.lang, reply.response, reply.profile, reply.rated) };
        case 'answer': {
            const { answer, understood } = reply;
            const guesses = answer.search.results.length === 0 ? idGuessRefs(deps.service, text) : [];
            if (understood.length > 0) session.understood = draftOfUnderstood(understood);
            const event = answerEvent('web', text, answer, deps.service.snapshot().version);
            noteAnswer(deps.questionLog, event, deps.logger);
            return {
                view: await withFeedback(deps, withUnderstood(tt, turn.lang, answerView(tt, turn.lang, answer, guesses), understood), event, owner),
            };
        }
    }
}

/** The bot's commands typed on the page ("/lang en", "/match"), as the buttons they stand for. */
function commandAction(text: string): CallbackAction | undefined {
    const m = /^\/([a-z]+)(?:@\w+)?(?:\s+(.*))?$/i.exec(text.trim());
    if (!m) return undefined;
    const arg = (m[2] ?? '').trim().toLowerCase();
    switch (m[1]!.toLowerCase()) {
        case 'start':
        case 'help':
            return { type: 'menu', entry: 'home' };
        case 'lang':
            if (arg.startsWith('zh') || arg === '中文') return { type: 'lang', lang: 'zh' };
            if (arg.startsWith('en')) return { type: 'lang', lang: 'en' };
            return { type: 'menu', entry: 'lang' };
        case 'match':
            return { type: 'menu', entry: 'match' };
        case 'products':
            return { type: 'menu', entry: 'prod' };
        case 'contact':
            return { type: 'menu', entry: 'contact' };
        case 'profile':
            return { type: 'menu', entry: 'profile' };
        case 'forget':
            return { type: 'menu', entry: 'forget' };
        default:
            return undefined;
    }
}

/** A pressed button: its action code, untrusted. */
export async function chatAction(deps: ChatDeps, session: SessionData, data: string, lang: Lang): Promise<Reply> {
    const t = MESSAGES[lang];
    const action = parseCallback(data);
    if (!action) return { notice: t.staleButton };
    return act(deps, session, action, lang, t);
}

async function act(deps: ChatDeps, session: SessionData, action: CallbackAction, lang: Lang, t: Messages): Promise<Reply> {
    const { service } = deps;
    switch (action.type) {
        case 'menu':
            switch (action.entry) {
                case 'home':
                    return { view: welcomeView(lang) };
                case 'ask':
                    return { view: { html: t.askPrompt, keyboard: mainMenuKeyboard(t) } };
                case 'match':
                    return { view: beginFlow(session, lang) };
                case 'prod':
                    return { view: browseKindView(t, lang) };
                case 'contact':
                    return { view: contactsView(t, lang, service.contacts()) };
                case 'lang':
                    return { view: langView(t) };
                case 'profile':
                    return { view: profileView(t, lang, session.profile) };
                case 'forget':
                    return { view: forgetView(t) };
            }
            break;
        case 'lang': {
            session.lang = action.lang;
            const tl = MESSAGES[action.lang];
            return { view: { html: `${tl.langSet}\n\n${tl.help}`, keyboard: mainMenuKeyboard(tl) }, langChanged: true };
        }
        case 'flow': {
            const flow = session.flow;
            if (!flow || flow.step !== action.step) return { notice: t.flowStale };
            const result = applyFlow(flow, action);
            if (result.kind === 'invalid') return { notice: t.staleButton };
            return { ...afterStep(deps, session, result, lang), replace: true };
        }
        case 'item': {
            const item = findItem(service, action.ref);
            if (!item) return { notice: t.unknownItem };
            session.focus = { items: [item.id] };
            return { view: itemView(t, lang, item, (id) => service.getItem(id), relatedRefs(service, item)) };
        }
        case 'contacts': {
            const item = findItem(service, action.ref);
            if (!item) return { notice: t.unknownItem };
            const orgs = item.kind === 'organization' ? [item] : service.contacts({ productId: item.id });
            return { view: contactsView(t, lang, orgs, { id: item.id, title: titleOf(item) }) };
        }
        case 'aspect': {
            const item = findItem(service, action.ref);
            const answer = item && service.answerAbout(item.id, action.aspect, { lang });
            if (!answer) return { notice: t.unknownItem };
            keepConversation(session, focusOn(conversationOf(session), answer));
            return { view: answerView(t, lang, answer) };
        }
        case 'browse': {
            const { kind, stage, page } = action;
            if (!kind) return { view: browseKindView(t, lang) };
            if (!stage) return { view: browseStageView(t, lang, kind) };
            const items = service.listProducts({ ...(kind === '*' ? {} : { kind }), ...(stage === '*' ? {} : { stage }) });
            const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
            return { view: browseListView(t, lang, kind, stage, sorted, page ?? 1) };
        }
        case 'forget':
            if (!action.confirmed) return { view: { html: t.forgetKept, keyboard: mainMenuKeyboard(t) } };
            return { view: { html: t.forgetDone, keyboard: mainMenuKeyboard(t) }, forget: true };
        case 'profile': {
            if (action.op === 'edit') return { view: beginFlow(session, lang) };
            if (action.op === 'match') return { view: showMatches(service, session, session.profile ?? {}, lang) };
            const profile = confirmUnderstood(session);
            if (!profile) return { notice: t.staleButton };
            return { view: showMatches(service, session, profile, lang) };
        }
        case 'feedback': {
            const m = INSIGHTS_MESSAGES[lang];
            const event = await deps.feedback?.take(action.token);
            if (!event || action.helpful) return { notice: m.feedbackThanks };
            recordQuietly(deps.questionLog, { ...event, reason: 'unhelpful' }, deps.logger);
            return { notice: m.feedbackNoted };
        }
        case 'alerts':
            // Alerts are sent through Telegram; a page has no way to reach the user later.
            return { notice: t.staleButton };
    }
    return { notice: t.staleButton };
}

/** Starts the questionnaire from the saved profile plus what the last question stated. */
function beginFlow(session: SessionData, lang: Lang, intro?: string): View {
    const view = flowView(MESSAGES[lang], lang, beginFlowIn(session, lang));
    return intro ? { ...view, html: `${intro}\n\n${view.html}` } : view;
}

/** A step taken, in the questionnaire's language (read before the step: the last one ends it). */
function afterStep(deps: ChatDeps, session: SessionData, result: Exclude<FlowResult, { kind: 'invalid' }>, fallback: Lang): Reply {
    const lang = flowLang(session, fallback);
    const t = MESSAGES[lang];
    const profile = stepFlowIn(session, result);
    if (result.kind === 'continue') return { view: flowView(t, lang, result.state) };
    if (!profile) return { view: { html: t.flowCancelled, keyboard: mainMenuKeyboard(t) } };
    return { view: showMatches(deps.service, session, profile, lang) };
}

function showMatches(service: KnowledgeService, session: SessionData, draft: Draft, lang: Lang): View {
    const t = MESSAGES[lang];
    const response = matchProfileIn(service, session, draft, lang);
    if (response === 'empty') return { html: t.matchEmptyProfile, keyboard: mainMenuKeyboard(t) };
    if (response === 'bad-profile') return { html: t.matchBadProfile, keyboard: mainMenuKeyboard(t) };
    return matchView(t, lang, response);
}

async function withFeedback(deps: ChatDeps, view: View, event: QuestionEvent, owner: string | undefined): Promise<View> {
    if (!deps.feedback || !deps.questionLog) return view;
    const token = await deps.feedback.put(event, owner);
    const m = INSIGHTS_MESSAGES[event.lang];
    const row = [
        { text: m.helpful, callback_data: `fb:y:${token}` },
        { text: m.unhelpful, callback_data: `fb:n:${token}` },
    ];
    return { ...view, keyboard: { inline_keyboard: [...(view.keyboard?.inline_keyboard ?? []), row] } };
}
