/**
 * The bot's context: grammY's, plus the session, the shared dependencies and
 * the user's language with its message table. Set once per update by the
 * middleware in `create-bot.ts`, so that handlers never look these up themselves.
 */
import type { Context, SessionFlavor } from 'grammy';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { AlertStores } from '../../core/alerts/store.ts';
import type { FeedbackMemo } from '../../core/insights/feedback.ts';
import type { QuestionLog } from '../../core/insights/log.ts';
import type { KnowledgeService } from '../../core/service.ts';
import type { Lang } from '../../core/vocabulary.ts';
import type { CallbackAction } from '../conversation/callback.ts';
import type { Messages } from '../views/i18n.ts';
import type { SessionData } from '../storage/session.ts';

export interface BotDeps {
    readonly config: Config;
    readonly logger: Logger;
    readonly service: KnowledgeService;
    /** Where unconfident and 👎 questions go (issue 13); none: nothing is logged. */
    readonly questionLog?: QuestionLog;
    /** The questions awaiting a 👍 / 👎; none: no feedback buttons. */
    readonly feedback?: FeedbackMemo;
    /** Subscriptions and the sent ledger for opt-in alerts (issue 13); none: no /subscribe. */
    readonly alerts?: AlertStores;
}

export interface KejinFlavor {
    deps: BotDeps;
    /** The user's language: chosen with /lang, else from Telegram, else DEFAULT_LANG. */
    lang: Lang;
    /** The message table of `lang`. */
    t: Messages;
    /** The parsed callback_data of a button press; undefined when it is malformed or forged. */
    action?: CallbackAction;
}

export type BotContext = Context & SessionFlavor<SessionData> & KejinFlavor;
