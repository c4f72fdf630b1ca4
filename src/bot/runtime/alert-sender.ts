/**
 * Alerts in Telegram: one short HTML message per alert (what changed, why
 * it fits, the next step, whom to contact, the source), sent through an `Api` of their own
 * and retried on 429 with its retry_after (@grammyjs/auto-retry), without
 * slowing the bot's replies. The pace (about 30 messages a second in all,
 * one a second per chat) is kept by the run that calls the sender
 * (core/alerts/send.ts), across instances when it is in Redis. A 403 (the
 * user blocked the bot) ends the subscription.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { Api, GrammyError } from 'grammy';
import type { Logger } from 'pino';
import type { Alert } from '../../core/alerts/alerts.ts';
import type { Deliver } from '../../core/alerts/send.ts';
import { aside, clauseJoin, colon, labelOf, presentMatch, reachOf, sectionOf } from '../../core/present/index.ts';
import type { Lang } from '../../core/vocabulary.ts';
import { apiSignal } from './abort.ts';
import { esc, link, truncate } from '../views/html.ts';
import { INSIGHTS_MESSAGES } from '../views/insights-i18n.ts';

const MAX_REASONS = 3;

/** One alert: what changed, then the match result as the core presents it (rating, why, what to confirm, contact, source). */
export function alertHtml(alert: Alert): string {
    const lang: Lang = alert.lang;
    const m = INSIGHTS_MESSAGES[lang];
    const p = presentMatch(alert.match, lang);
    const sep = colon(lang);
    const change = { added: m.alertAdded, 'now-eligible': m.alertNowEligible, 'now-possible': m.alertNowPossible, closing: m.alertClosing }[
        alert.change
    ];
    const lines = [
        `${alert.change === 'closing' ? '⏰' : '🔔'} <b>${esc(change)}${sep}${esc(p.title)}</b> · ${p.rating.mark} ${esc(p.rating.label)}`,
        esc(truncate(p.summary, 160)),
    ];
    // What to do and by when: the next step's lines (window, where, what to bring), each short.
    const next = sectionOf(p, 'nextStep');
    if (next) for (const l of next.lines.slice(0, 4)) lines.push(`<b>${esc(l.label ?? '')}</b>${sep}${esc(truncate(l.text, 120))}${esc(l.note)}`);
    const reasons = sectionOf(p, 'reasons');
    if (reasons)
        lines.push(
            `<b>${esc(reasons.title)}</b>${sep}${clauseJoin(
                lang,
                reasons.lines.slice(0, MAX_REASONS).map((l) => esc(l.text)),
            )}`,
        );
    const open = sectionOf(p, 'missing')?.lines.find((l) => l.check === 'unknown');
    if (open) lines.push(`<b>${esc(labelOf('toConfirm', lang))}</b>${sep}${esc(truncate(open.text, 120))}${esc(open.note)}`);
    const reach = reachOf(p);
    if (reach) {
        const { contact, phone, url, apply } = reach;
        // A number is shown only with what the source gives it for; without one, say the sources give none.
        const number = phone ? ` ${esc(phone)}` : esc(aside(labelOf('noPhone', lang), lang));
        lines.push(`<b>${esc(labelOf('contact', lang))}</b>${sep}${esc(contact.label ?? '')}${number}${url ? ` ${link(url, url)}` : ''}`);
        if (apply) lines.push(`<b>${esc(apply.label ?? '')}</b>${sep}${esc(truncate(apply.text, 120))}${esc(apply.note)}`);
    }
    const source = p.sources[0];
    if (source)
        lines.push(`<b>${esc(labelOf('source', lang))}</b>${sep}${link(source.title, source.url)}${source.ref ? `, ${esc(source.ref)}` : ''}`);
    lines.push(`<i>${esc(m.alertFooter)}</i>`);
    return lines.join('\n');
}

export interface AlertSenderOptions {
    readonly token: string;
    /** The Api to send through; default a new one for `token` and `apiRoot`. */
    readonly api?: Api;
    /** Default: Telegram's. */
    readonly apiRoot?: string;
    readonly logger?: Logger;
}

/** Sends one message of Telegram HTML to a chat: the part of a `deliver` function that any kind of alert can use. */
export function createHtmlSender(
    options: AlertSenderOptions,
): (chatId: number, html: string, signal: AbortSignal) => Promise<'sent' | 'blocked' | 'failed'> {
    const api = options.api ?? new Api(options.token, options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, '') } : undefined);
    api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));
    return async (chatId, html, signal) => {
        try {
            await api.sendMessage(chatId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }, apiSignal(signal));
            return 'sent';
        } catch (err) {
            if (err instanceof GrammyError && err.error_code === 403) return 'blocked';
            options.logger?.warn(
                {
                    code: err instanceof GrammyError ? err.error_code : undefined,
                    description: err instanceof GrammyError ? err.description : String(err),
                },
                'alert not sent',
            );
            return 'failed';
        }
    };
}

/** A `deliver` function for runAlerts / startAlertLoop. */
export function createAlertSender(options: AlertSenderOptions): Deliver<Alert> {
    const send = createHtmlSender(options);
    return (alert, signal) => send(alert.chatId, alertHtml(alert), signal);
}
