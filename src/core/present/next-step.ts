/**
 * What a firm does next, as labelled lines: how the support is granted
 * (免申即享 / apply / through a bank), the window with its state on the
 * day of the query, where to apply, what to prepare, how much. Shown by a
 * whole card and by a match result alike, each line citing its own sources.
 */
import type { ApplicationWindow, NextStep } from '../knowledge/application.ts';
import type { Benefit } from '../knowledge/schema.ts';
import type { Lang } from '../vocabulary.ts';
import { aside, colon, fullStop, labelOf, listJoin } from '../words/labels.ts';
import { factLine, statusNote } from './lines.ts';
import type { Line } from './types.ts';
import { daysLeftText, fromDateText, pointsText, wanText } from '../words/units.ts';

const MODE_LABEL = { automatic: 'modeAutomatic', apply: 'modeApply', 'through-bank': 'modeThroughBank' } as const;

export function nextStepLines(step: NextStep, lang: Lang): Line[] {
    const lines: Line[] = [];
    const app = step.application;
    if (app) {
        const own = lang === 'zh' ? app.zh : app.en;
        const text = own ? `${labelOf(MODE_LABEL[app.mode], lang)}${fullStop(lang)}${own}` : labelOf(MODE_LABEL[app.mode], lang);
        lines.push(sourced('applicationMode', text, app.sources, app.status, lang));
        if (step.window) lines.push(sourced('window', windowText(step.window, lang), app.sources, app.status, lang));
    }
    if (step.channel) {
        const c = step.channel;
        lines.push({
            ...sourced('applyChannel', `${c[lang]}${c.url ? ` ${c.url}` : ''}`, c.sources, c.status, lang),
            kind: c.url ? 'link' : 'fact',
            ...(c.url ? { url: c.url } : {}),
        });
    }
    for (const d of step.documents) lines.push(factLine(d, lang, 'documents'));
    if (step.benefit) lines.push(sourced('benefit', benefitText(step.benefit, lang), step.benefit.sources, step.benefit.status, lang));
    return lines;
}

const BRIEF = { automatic: 'briefAutomatic', apply: 'briefApply', 'through-bank': 'briefThroughBank' } as const;

/**
 * The next step in one short phrase, for a list where every product gets a
 * line (the bot's match results): "向银行申请 · 参与的商业银行 · 常年受理".
 */
export function nextStepBrief(step: NextStep, lang: Lang): string {
    // The phrase rests on the mode and the channel: their standing goes with it.
    const note = statusNote(step.application?.status ?? step.channel?.status, lang);
    const parts = [
        ...(step.mode ? [labelOf(BRIEF[step.mode], lang)] : []),
        ...(step.channel ? [step.channel[lang]] : []),
        ...(step.window ? [windowText(step.window, lang)] : []),
        ...(step.documents.length > 0
            ? [
                  `${labelOf('documents', lang)}${colon(lang)}${listJoin(
                      lang,
                      step.documents.map((d) => d[lang]),
                  )}`,
              ]
            : []),
    ];
    return `${parts.join(' · ')}${note}`;
}

/** "2025-08-01 – 2025-08-31（已截止）", "常年受理", "截至 2026-12-10（受理中，还剩 7 天）". */
export function windowText(w: ApplicationWindow, lang: Lang): string {
    if (w.state === 'rolling') return labelOf('windowRolling', lang);
    const span =
        w.opens && w.closes
            ? `${w.opens} – ${w.closes}`
            : w.closes
              ? `${labelOf('windowUntil', lang)} ${w.closes}`
              : fromDateText(w.opens ?? '', lang);
    if (w.state === 'closed') return span + labelOf('windowClosed', lang);
    if (w.state === 'upcoming') return span + labelOf('windowUpcoming', lang);
    if (w.daysLeft === undefined) return span + labelOf('windowOpen', lang);
    return span + daysLeftText(w.daysLeft, lang);
}

/** The benefit's words, then its numbers: "…；最高 50 万元、比例 50%". */
export function benefitText(b: Benefit, lang: Lang): string {
    const numbers = [
        ...(b.cap_wan !== undefined ? [`${labelOf('upTo', lang)} ${wanText(b.cap_wan, lang)}`] : []),
        ...(b.percent !== undefined ? [`${labelOf('ofCost', lang)} ${b.percent}%`] : []),
        ...(b.rate_cut_points !== undefined ? [`${labelOf('rateCut', lang)} ${pointsText(b.rate_cut_points, lang)}`] : []),
    ];
    return numbers.length === 0 ? b[lang] : `${b[lang]}${aside(listJoin(lang, numbers), lang)}`;
}

function sourced(
    field: Parameters<typeof labelOf>[0],
    text: string,
    sources: readonly string[],
    status: 'unconfirmed' | 'outdated' | undefined,
    lang: Lang,
): Line {
    return { kind: 'fact', label: labelOf(field, lang), text, sources: [...sources], ...(status ? { status } : {}), note: statusNote(status, lang) };
}
