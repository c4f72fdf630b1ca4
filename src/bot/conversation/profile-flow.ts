/**
 * The guided match over a chat session: the same steps for the bot and the
 * web page, which keep the same session record. The profile grows by the
 * core's rule (match/told-profile.ts): the questionnaire starts from what is
 * saved plus what the last question stated; its answers, or a stated
 * profile confirmed with a button, are merged into the saved one. The
 * fronts only show the results.
 */
import { ProfileError } from '../../core/match/profile.ts';
import { isEmptyDraft, mergeDrafts } from '../../core/match/told-profile.ts';
import type { MatchResponse } from '../../core/match/types.ts';
import type { KnowledgeService } from '../../core/service.ts';
import type { Lang } from '../../core/vocabulary.ts';
import type { SessionData } from '../storage/session.ts';
import { startFlow, type Draft, type FlowResult, type FlowState } from './questionnaire.ts';

/**
 * Starts the questionnaire from the saved profile plus what the last question stated; `lang`: the language of the
 * message that asked for it, which its steps keep (`flowLang`).
 */
export function beginFlowIn(session: SessionData, lang?: Lang): FlowState {
    const state = startFlow(mergeDrafts(session.profile ?? {}, session.understood ?? {}));
    delete session.understood;
    session.flow = lang ? { ...state, lang } : state;
    return state;
}

/**
 * The language of the questionnaire's steps and results: the one the user chose (/lang, even mid-way), else the one
 * it began in, else `fallback` (Telegram's or the browser's).
 */
export function flowLang(session: SessionData, fallback: Lang): Lang {
    return session.lang ?? session.flow?.lang ?? fallback;
}

/**
 * A step taken: the next state kept, or the questionnaire ended. Its answers
 * win over the saved profile; what messages told besides (revenue, a denied
 * title) is kept. Returns the profile to match when it is done.
 */
export function stepFlowIn(session: SessionData, result: Exclude<FlowResult, { kind: 'invalid' }>): Draft | undefined {
    if (result.kind === 'continue') {
        const lang = session.flow?.lang;
        session.flow = lang ? { ...result.state, lang } : result.state;
        return undefined;
    }
    delete session.flow;
    if (result.kind === 'cancelled') return undefined;
    session.profile = mergeDrafts(session.profile ?? {}, result.draft);
    return session.profile;
}

/** What the last question stated, joined to the saved profile (a button press); undefined when nothing is waiting. */
export function confirmUnderstood(session: SessionData): Draft | undefined {
    const understood = session.understood;
    if (!understood) return undefined;
    delete session.understood;
    session.profile = mergeDrafts(session.profile ?? {}, understood);
    return session.profile;
}

/** The match of a profile; 'empty' when it says nothing, 'bad-profile' (and the saved one dropped) when the matcher refuses it. */
export function matchProfileIn(service: KnowledgeService, session: SessionData, draft: Draft, lang: Lang): MatchResponse | 'empty' | 'bad-profile' {
    if (isEmptyDraft(draft)) return 'empty';
    try {
        return service.match(draft, { lang });
    } catch (err) {
        if (!(err instanceof ProfileError)) throw err;
        delete session.profile;
        return 'bad-profile';
    }
}
