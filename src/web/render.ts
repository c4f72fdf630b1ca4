/**
 * The bot's views as page markup. The bot's screens (bot/views/format.ts) are
 * built from core/present's localized lines with every dynamic string
 * escaped, in a small subset of HTML (<b>, <i>, <a href>, line breaks as
 * "\n"); here that markup is kept as it is, shown with its line breaks, and
 * only three things are added: links open safely in a new tab, the phone
 * numbers of the knowledge base become `tel:` links, and each keyboard
 * becomes a form of real <button>s that post the button's action, so that
 * they work with or without the script.
 */
import type { InlineKeyboardButton } from 'grammy/types';
import type { View } from '../bot/views/format.ts';
import { esc } from '../bot/views/html.ts';
import type { KnowledgeService } from '../core/service.ts';

/** Phone numbers of the current snapshot, longest first, as one pattern (cached per version). */
let phoneCache: { version: string; pattern: RegExp | undefined } | undefined;

function phonePattern(service: KnowledgeService): RegExp | undefined {
    const snapshot = service.snapshot();
    if (phoneCache?.version === snapshot.version) return phoneCache.pattern;
    const numbers = new Set<string>();
    for (const item of snapshot.items.values()) {
        const phones = (item as { phones?: readonly { value?: unknown }[] }).phones ?? [];
        for (const p of phones) if (typeof p.value === 'string' && /^[\d+()\s-]{5,20}$/.test(p.value)) numbers.add(esc(p.value.trim()));
    }
    const sorted = [...numbers].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = sorted.length > 0 ? new RegExp(`(?<![\\d\\w])(${sorted.join('|')})(?![\\d\\w])`, 'g') : undefined;
    phoneCache = { version: snapshot.version, pattern };
    return pattern;
}

/** Adds `tel:` links to known numbers, only in text outside tags and outside links. */
function linkPhones(html: string, pattern: RegExp | undefined): string {
    if (!pattern) return html;
    let inLink = 0;
    return html
        .split(/(<[^>]*>)/)
        .map((part) => {
            if (part.startsWith('<')) {
                if (/^<a\b/i.test(part)) inLink++;
                else if (/^<\/a>/i.test(part)) inLink = Math.max(0, inLink - 1);
                return part;
            }
            if (inLink > 0) return part;
            return part.replace(pattern, (n) => `<a href="tel:${n.replace(/[^\d+]/g, '')}">${n}</a>`);
        })
        .join('');
}

/** Web links leave the page in a new tab, telling nothing of where they came from. */
function safeLinks(html: string): string {
    return html.replace(/<a href="(https?:[^"]*)">/g, '<a href="$1" target="_blank" rel="noopener noreferrer">');
}

/** A view as one bot message: its text, then its buttons as a form. */
export function viewHtml(service: KnowledgeService, view: View): string {
    const text = `<div class="text">${linkPhones(safeLinks(view.html.trim()), phonePattern(service))}</div>`;
    const rows = view.keyboard?.inline_keyboard ?? [];
    return rows.length > 0 ? text + buttonsHtml(rows) : text;
}

function buttonsHtml(rows: readonly (readonly InlineKeyboardButton[])[]): string {
    const lines = rows.map((row) => {
        const buttons = row
            .filter((b): b is InlineKeyboardButton.CallbackButton => 'callback_data' in b)
            .map((b) => {
                const feedback = b.callback_data.startsWith('fb:') ? ' data-once' : '';
                return `<button type="submit" name="a" value="${esc(b.callback_data)}"${feedback}>${esc(b.text)}</button>`;
            });
        return `<div class="row">${buttons.join('')}</div>`;
    });
    return `${ACTIONS_FORM}${lines.join('')}</form>`;
}

/** Stored without the CSRF token, which `withCsrf` adds as the page is sent. */
const ACTIONS_FORM = '<form class="actions" method="post" action="/">';

export function withCsrf(html: string, csrf: string): string {
    return html.replaceAll(ACTIONS_FORM, `${ACTIONS_FORM}<input type="hidden" name="csrf" value="${esc(csrf)}">`);
}

/** What the user typed, as text. */
export function userHtml(text: string): string {
    return `<div class="text">${esc(text)}</div>`;
}
