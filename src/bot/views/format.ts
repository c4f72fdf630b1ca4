/**
 * Every screen of the bot as Telegram HTML plus an inline keyboard. Pure:
 * data in, `View` out; the features only fetch the data and send the view.
 * Every dynamic string goes through `esc` (or `link`, which escapes).
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { KnowledgeItem, OrganizationItem, ProductItem, Source } from '../../core/knowledge/schema.ts';
import type { Answer } from '../../core/answer/answer.ts';
import type { MatchResponse, ProductMatch, Understood } from '../../core/match/types.ts';
import {
    aside,
    clauseJoin,
    colon,
    displayName,
    labelOf,
    listJoin,
    moreText,
    organizationLines,
    presentAnswer,
    presentCard,
    nextStepBrief,
    presentMatch,
    RATING_MARK,
    reachOf,
    sectionOf,
    sentenceGap,
    type ItemLookup,
    type Line,
    type Section,
} from '../../core/present/index.ts';
import { KINDS, NEEDS, QUALIFICATIONS, SIZES, STAGES, label, type Lang, type Localized, type Stage } from '../../core/vocabulary.ts';
import { BROWSE_KINDS, encodeCallback, refOf, type BrowseKind, type CallbackAction } from '../conversation/callback.ts';
import { esc, link, truncate } from './html.ts';
import { LANGUAGE_NAMES, type Messages } from './i18n.ts';
import { AMOUNT_PRESETS, STEPS, stepName, type Draft, type FlowState, type StepName } from '../conversation/questionnaire.ts';

export interface View {
    readonly html: string;
    readonly keyboard?: InlineKeyboardMarkup;
}

/** Id and title of an item a view refers to (related items, did-you-mean). */
export interface ItemRef {
    readonly id: string;
    readonly title: Localized;
}

// === Helpers =================================================================

export function pick(l: Localized, lang: Lang): string {
    return l[lang];
}

function button(text: string, action: CallbackAction): InlineKeyboardButton {
    return { text: truncate(text, 40), callback_data: encodeCallback(action) };
}

function keyboard(rows: InlineKeyboardButton[][]): InlineKeyboardMarkup | undefined {
    const kept = rows.filter((r) => r.length > 0);
    return kept.length > 0 ? { inline_keyboard: kept } : undefined;
}

function chunk<T>(list: readonly T[], size: number): T[][] {
    const rows: T[][] = [];
    for (let i = 0; i < list.length; i += size) rows.push(list.slice(i, i + size));
    return rows;
}

export function titleOf(item: Pick<KnowledgeItem, 'name' | 'name_en'>): Localized {
    return { zh: item.name, en: item.name_en };
}

function homeRow(t: Messages): InlineKeyboardButton[] {
    return [button(t.menuHome, { type: 'menu', entry: 'home' })];
}

function sourceLine(s: Source): string {
    const extra = [s.ref, s.date].filter((x): x is string => Boolean(x)).map(esc);
    return [link(s.title, s.url), ...extra].join(', ');
}

// === Menus ===================================================================

export function mainMenuKeyboard(t: Messages): InlineKeyboardMarkup {
    return {
        inline_keyboard: [
            [button(t.menuMatch, { type: 'menu', entry: 'match' })],
            [button(t.menuAsk, { type: 'menu', entry: 'ask' }), button(t.menuBrowse, { type: 'menu', entry: 'prod' })],
            [button(t.menuContact, { type: 'menu', entry: 'contact' }), button(t.menuLang, { type: 'menu', entry: 'lang' })],
        ],
    };
}

export function startView(t: Messages, firstName: string | undefined): View {
    return { html: t.greeting(firstName), keyboard: mainMenuKeyboard(t) };
}

export function helpView(t: Messages): View {
    return { html: t.help, keyboard: mainMenuKeyboard(t) };
}

export function langView(t: Messages): View {
    return {
        html: t.langPrompt,
        keyboard: {
            inline_keyboard: [[button(LANGUAGE_NAMES.zh, { type: 'lang', lang: 'zh' }), button(LANGUAGE_NAMES.en, { type: 'lang', lang: 'en' })]],
        },
    };
}

// === Questionnaire ===========================================================

const QUESTION_OF: Record<StepName, keyof Messages> = {
    stage: 'qStage',
    qualifications: 'qQualifications',
    size: 'qSize',
    needs: 'qNeeds',
    ip: 'qIp',
    amount: 'qAmount',
};

export function flowView(t: Messages, lang: Lang, state: FlowState): View {
    const step = stepName(state);
    const current = currentAnswer(t, lang, state.draft, step);
    const html = [
        `<b>${esc(t.stepOf(state.step + 1, STEPS.length))}</b> · ${t[QUESTION_OF[step]] as string}`,
        `${t.current}${t.colon}${current}`,
    ].join('\n');
    const nav = [
        ...(state.step > 0 ? [button(t.back, { type: 'flow', step: state.step, op: 'back' })] : []),
        button(t.skip, { type: 'flow', step: state.step, op: 'skip' }),
        button(t.cancel, { type: 'flow', step: state.step, op: 'cancel' }),
    ];
    return { html, keyboard: keyboard([...choiceRows(t, lang, state, step), nav]) };
}

function currentAnswer(t: Messages, lang: Lang, d: Draft, step: StepName): string {
    const text = profileValue(t, lang, d, step);
    return text === undefined ? `<i>${esc(t.notAnswered)}</i>` : esc(text);
}

function choiceRows(t: Messages, lang: Lang, state: FlowState, step: StepName): InlineKeyboardButton[][] {
    const d = state.draft;
    const s = state.step;
    const mark = (on: boolean, text: string) => (on ? `✓ ${text}` : text);
    switch (step) {
        case 'stage':
            return chunk(
                STAGES.values.map((v) => button(mark(d.stage === v, STAGES.labels[v][lang]), { type: 'flow', step: s, op: 'set', value: v })),
                2,
            );
        case 'size':
            return chunk(
                SIZES.values.map((v) => button(mark(d.size === v, SIZES.labels[v][lang]), { type: 'flow', step: s, op: 'set', value: v })),
                2,
            );
        case 'qualifications':
            return [
                ...QUALIFICATIONS.values.map((v) => [
                    button(mark(d.qualifications?.includes(v) ?? false, QUALIFICATIONS.labels[v][lang]), {
                        type: 'flow',
                        step: s,
                        op: 'toggle',
                        value: v,
                    }),
                ]),
                [
                    button(mark(d.qualifications?.length === 0, t.noneOfThese), { type: 'flow', step: s, op: 'none' }),
                    button(t.done, { type: 'flow', step: s, op: 'done' }),
                ],
            ];
        case 'needs':
            return [
                ...chunk(
                    NEEDS.values.map((v) =>
                        button(mark(d.needs?.includes(v) ?? false, NEEDS.labels[v][lang]), { type: 'flow', step: s, op: 'toggle', value: v }),
                    ),
                    2,
                ),
                [button(t.done, { type: 'flow', step: s, op: 'done' })],
            ];
        case 'ip':
            return [
                [
                    button(mark(d.hasIntellectualProperty === true, t.yes), { type: 'flow', step: s, op: 'set', value: 'y' }),
                    button(mark(d.hasIntellectualProperty === false, t.no), { type: 'flow', step: s, op: 'set', value: 'n' }),
                ],
            ];
        case 'amount':
            return chunk(
                AMOUNT_PRESETS.map((n) => button(mark(d.amountWan === n, t.wan(n)), { type: 'flow', step: s, op: 'set', value: String(n) })),
                3,
            );
    }
}

// === Profile =================================================================

function profileValue(t: Messages, lang: Lang, d: Draft, field: StepName): string | undefined {
    const list = (values: readonly string[] | undefined, labels: Record<string, Localized>) =>
        values === undefined
            ? undefined
            : values.length === 0
              ? t.none
              : listJoin(
                    lang,
                    values.map((v) => label(labels, v, lang)),
                );
    switch (field) {
        case 'stage':
            return d.stage && label(STAGES.labels, d.stage, lang);
        case 'qualifications':
            return list(d.qualifications, QUALIFICATIONS.labels);
        case 'size':
            return d.size && label(SIZES.labels, d.size, lang);
        case 'needs':
            return list(d.needs, NEEDS.labels);
        case 'ip':
            return d.hasIntellectualProperty === undefined ? undefined : d.hasIntellectualProperty ? t.yes : t.no;
        case 'amount':
            return d.amountWan === undefined ? undefined : t.wan(d.amountWan);
    }
}

const FIELD_LABEL: Record<StepName, keyof Messages> = {
    stage: 'fieldStage',
    qualifications: 'fieldQualifications',
    size: 'fieldSize',
    needs: 'fieldNeeds',
    ip: 'fieldIp',
    amount: 'fieldAmount',
};

export function profileLines(t: Messages, lang: Lang, d: Draft): string[] {
    const line = (name: string, v: string | undefined) => (v === undefined ? [] : [`• ${esc(name)}${t.colon}${esc(v)}`]);
    return [
        ...STEPS.flatMap((step) => line(t[FIELD_LABEL[step]] as string, profileValue(t, lang, d, step))),
        // Told in messages, not asked by the questionnaire.
        ...line(
            t.fieldLacking,
            d.qualificationsLacking?.length
                ? listJoin(
                      lang,
                      d.qualificationsLacking.map((v) => label(QUALIFICATIONS.labels, v, lang)),
                  )
                : undefined,
        ),
        ...line(t.fieldRevenue, d.annualRevenueWan === undefined ? undefined : t.wan(d.annualRevenueWan)),
        // Kept when told ("200 staff"), though no card's condition counts heads: shown, so the firm sees it was read.
        ...line(t.fieldEmployees, d.employees === undefined ? undefined : String(d.employees)),
    ];
}

export function profileView(t: Messages, lang: Lang, profile: Draft | undefined): View {
    const lines = profile ? profileLines(t, lang, profile) : [];
    const html = lines.length > 0 ? [t.profileHeader, ...lines].join('\n') : t.profileEmpty;
    return {
        html,
        keyboard: keyboard([
            [
                button(t.profileEdit, { type: 'profile', op: 'edit' }),
                ...(lines.length > 0 ? [button(t.profileMatch, { type: 'profile', op: 'match' })] : []),
            ],
            [button(t.forgetButton, { type: 'menu', entry: 'forget' }), ...homeRow(t)],
        ]),
    };
}

export function forgetView(t: Messages): View {
    return {
        html: t.forgetConfirm,
        keyboard: {
            inline_keyboard: [[button(t.forgetYes, { type: 'forget', confirmed: true }), button(t.forgetNo, { type: 'forget', confirmed: false })]],
        },
    };
}

// === Presented lines =========================================================

/** Numbers a card's sources [1], [2]… so that each line can cite them. */
function citations(sources: readonly Source[]) {
    const index = new Map(sources.map((s, i) => [s.key, i + 1]));
    const cite = (keys: readonly string[]) => {
        const nums = [...new Set(keys.map((k) => index.get(k)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
        return nums.length > 0 ? ` ${nums.map((n) => `[${n}]`).join('')}` : '';
    };
    return { cite, list: sources.map((s, i) => `[${i + 1}] ${sourceLine(s)}`) };
}

/** One presented line as a bullet: label, text (a link for a web address), its standing and its source numbers. */
function lineHtml(l: Line, lang: Lang, cite: (keys: readonly string[]) => string): string {
    const label = l.label ? `${esc(l.label)}${colon(lang)}` : '';
    const text = l.kind === 'link' && l.url ? link(l.text, l.url) : esc(l.text);
    return `• ${label}${text}${esc(l.note)}${cite(l.sources)}`;
}

function sectionsHtml(sections: readonly Section[], lang: Lang, cite: (keys: readonly string[]) => string): string[] {
    return sections.flatMap((s) => [`\n<b>${esc(s.title)}</b>`, ...s.lines.map((l) => lineHtml(l, lang, cite))]);
}

// === Match results ===========================================================

const MAX_CHECKS = 3;

function checkList(lines: readonly Line[], lang: Lang): string {
    const shown = lines.slice(0, MAX_CHECKS).map((l) => esc(truncate(l.text.replace(/[。.；;]+$/, ''), 90) + l.note));
    const more = lines.length - shown.length;
    return clauseJoin(lang, [...shown, ...(more > 0 ? [moreText(more, lang)] : [])]);
}

/** A match result, short enough for a list: the rating, why, what is missing, the terms, one contact and one source. */
export function matchCard(lang: Lang, m: ProductMatch, rank: number): string {
    const p = presentMatch(m, lang);
    const sep = colon(lang);
    const lines = [`${rank}. <b>${esc(p.title)}</b> · ${p.rating.mark} ${esc(p.rating.label)}`];
    for (const key of ['reasons', 'missing'] as const) {
        const s = sectionOf(p, key);
        if (s) lines.push(`<b>${esc(s.title)}</b>${sep}${checkList(s.lines, lang)}`);
    }
    const terms = sectionOf(p, 'terms')?.lines ?? [];
    if (terms.length > 0) lines.push(terms.map((l) => `${esc(l.label ?? '')}${sep}${esc(truncate(l.text, 120))}`).join(' · '));
    const reach = reachOf(p);
    if (reach) {
        // A number is shown only with what the source gives it for, never as the product's hotline.
        const { contact, phone, apply } = reach;
        lines.push(
            `<b>${esc(labelOf('contact', lang))}</b>${sep}${esc(contact.label ?? '')}${phone ? ` ${esc(phone)}` : esc(aside(labelOf('noPhone', lang), lang))}`,
        );
        if (apply) lines.push(`<b>${esc(apply.label ?? '')}</b>${sep}${esc(truncate(apply.text, 120))}${esc(apply.note)}`);
    }
    // The next step in one short line: how it is granted, where, by when, what to bring.
    if (m.nextStep) lines.push(`<b>${esc(labelOf('nextStep', lang))}</b>${sep}${esc(nextStepBrief(m.nextStep, lang))}`);
    const s = p.sources[0];
    if (s) lines.push(`<b>${esc(labelOf('source', lang))}</b>${sep}${sourceLine(s)}`);
    if (p.expired) lines.push(expiredNotice(lang));
    return lines.join('\n');
}

function expiredNotice(lang: Lang): string {
    return `⚠️ ${esc(labelOf('expiredNotice', lang))}`;
}

/** At most this many products are shown; the rest are ineligible or weaker. */
export const MAX_MATCHES_SHOWN = 5;

/** `rated`: the products the user asked about, shown whatever their rating (what the firm lacks is the answer). */
export function matchView(t: Messages, lang: Lang, response: MatchResponse, rated = false): View {
    const shown = response.matches.filter((m) => rated || m.eligibility !== 'ineligible').slice(0, MAX_MATCHES_SHOWN);
    const refine = [button(t.refine, { type: 'profile', op: 'edit' }), ...homeRow(t)];
    if (shown.length === 0) {
        return { html: t.matchNone, keyboard: keyboard([[button(t.generalContacts, { type: 'menu', entry: 'contact' })], refine]) };
    }
    // Every product shown, named with its mark on one line under the header: a phone's first screen holds one card, not
    // the list, and the founder should see all the options before reading the first in full.
    const overview = shown.length > 1 ? [shown.map((m) => `${esc(pick(m.name, lang))} ${RATING_MARK[m.eligibility]}`).join(' · ')] : [];
    const header = [rated ? t.ratedHeader : t.matchHeader(shown.length), ...overview].join('\n');
    const html = [header, ...shown.map((m, i) => matchCard(lang, m, i + 1))].join('\n\n');
    const rows = shown.map((m, i) => [
        button(`${i + 1}. ${pick(m.name, lang)}`, { type: 'item', ref: refOf(m.id) }),
        ...(m.contacts.length > 0 ? [button(t.contacts, { type: 'contacts', ref: refOf(m.id) })] : []),
    ]);
    return { html, keyboard: keyboard([...rows, refine]) };
}

/**
 * Adds to an answer what its question stated about the firm, with a button
 * to match on it, so that "我们是高企，贷款快到期" leads to products, not only
 * to search hits.
 */
export function withUnderstood(t: Messages, lang: Lang, view: View, understood: readonly Understood[]): View {
    if (understood.length === 0) return view;
    const lines = [t.understoodHeader, ...understood.map((u) => `• ${esc(pick(u.text, lang))}`)];
    const row = [button(t.matchUnderstood, { type: 'profile', op: 'understood' }), button(t.refine, { type: 'profile', op: 'edit' })];
    return { html: `${view.html}\n\n${lines.join('\n')}`, keyboard: { inline_keyboard: [row, ...(view.keyboard?.inline_keyboard ?? [])] } };
}

// === Answers to questions ====================================================

/** "Did you mean" offers at most this many items. */
const MAX_GUESSES = 3;
/** Related items offered as "similar" buttons. */
const MAX_SIMILAR = 2;

/**
 * The reply to a free question: the answer first (the fact asked, in the
 * question's language), then only the sources of the facts shown, the
 * comparison rows, whom to ask and the related items; follow-up buttons
 * ("申请方式 / 联系谁 / 相似产品") under it. A question nothing answers gets
 * a plain "not sure" with did-you-mean, the match and the contacts.
 */
/** Characters of the question echoed above its answer. */
const ECHO_LENGTH = 30;

export function answerView(t: Messages, lang: Lang, answer: Answer, guesses: readonly ItemRef[] = []): View {
    const p = presentAnswer(answer, lang);
    const sep = colon(lang);
    // The echo says which message this answers, not the message again: a long one would push the answer off the first screen.
    const header = [t.answerHeader(truncate(p.question, ECHO_LENGTH)), ...(p.notice ? [esc(p.notice)] : [])];
    if (answer.clarify) return clarifyView(t, lang, header, answer);
    if (answer.status === 'unknown') {
        const weak = answer.suggestions.length > 0 ? answer.suggestions.map((r) => ({ id: r.id, title: r.title })) : guesses;
        return unsureView(t, lang, header, weak.slice(0, MAX_GUESSES));
    }
    const lines = [...header, esc(p.text)];
    if (p.comparison) {
        const [a, b] = p.comparison.items;
        for (const row of p.comparison.rows)
            lines.push(`<b>${esc(row.label)}</b>`, `• ${esc(a.title)}${sep}${esc(row.left.text)}`, `• ${esc(b.title)}${sep}${esc(row.right.text)}`);
    }
    // A document two cards cite (a comparison of sibling lines) is one source to the reader: listed once.
    const documents = [...new Set(p.sources.map(sourceLine))];
    if (documents.length > 0)
        lines.push(
            `<b>${esc(labelOf('source', lang))}</b>${sep}${clauseJoin(
                lang,
                documents.map((d, i) => `[${i + 1}] ${d}`),
            )}`,
        );
    if (p.contacts.length > 0) {
        const who = p.contacts.map((c) => `${esc(c.label ?? '')}${c.phones?.[0] ? ` ${esc(c.phones[0])}` : ''}`);
        lines.push(`<b>${esc(labelOf('contact', lang))}</b>${sep}${listJoin(lang, who)}`);
    }
    if (p.related.length > 0)
        lines.push(
            `<b>${esc(labelOf('related', lang))}</b>${sep}${listJoin(
                lang,
                p.related.map((r) => esc(r.title)),
            )}`,
        );
    const item = answer.item;
    const rows: InlineKeyboardButton[][] = [];
    if (item) {
        const ref = refOf(item.id);
        rows.push([
            button(t.details, { type: 'item', ref }),
            ...(answer.aspect !== 'how-to-apply' && item.kind !== 'organization'
                ? [button(t.followApply, { type: 'aspect', aspect: 'how-to-apply', ref })]
                : []),
            ...(answer.contacts.length > 0 && item.kind !== 'organization' ? [button(t.followContact, { type: 'contacts', ref })] : []),
        ]);
    }
    rows.push(p.related.slice(0, MAX_SIMILAR).map((r) => button(`${t.followSimilar}${t.colon}${r.title}`, { type: 'item', ref: refOf(r.id) })));
    return { html: lines.join('\n'), keyboard: keyboard([...rows, homeRow(t)]) };
}

/** Characters of each product's answer in a reply to a question asked of a list: the first screen holds three or four. */
const LIST_LINE: Readonly<Record<Lang, number>> = { zh: 90, en: 150 };

/**
 * A question asked of each product of the list just matched ("这几个利率分别是多少"): each one's answer, cut to its first
 * sentences, in the list's order; a button per product opens its whole answer.
 */
export function listAnswerView(t: Messages, lang: Lang, answers: readonly Answer[]): View {
    const lines = [t.answerHeader(truncate(answers[0]?.question ?? '', ECHO_LENGTH))];
    const rows: InlineKeyboardButton[][] = [];
    for (const answer of answers) {
        lines.push(`• ${esc(truncate(presentAnswer(answer, lang).text, LIST_LINE[lang]))}`);
        const item = answer.item;
        if (!item) continue;
        const aspect = answer.aspect && answer.aspect !== 'comparison' ? answer.aspect : undefined;
        rows.push([
            aspect
                ? button(pick(item.title, lang), { type: 'aspect', aspect, ref: refOf(item.id) })
                : button(pick(item.title, lang), { type: 'item', ref: refOf(item.id) }),
        ]);
    }
    return { html: lines.join('\n'), keyboard: keyboard([...rows, homeRow(t)]) };
}

/** A bare aspect with nothing in focus: the question back, and a button per likely item that answers that aspect of it. */
function clarifyView(t: Messages, lang: Lang, header: string[], answer: Answer): View {
    const aspect = answer.clarify?.aspect;
    const rows = answer.suggestions.map((s) => [
        aspect
            ? button(pick(s.title, lang), { type: 'aspect', aspect, ref: refOf(s.id) })
            : button(pick(s.title, lang), { type: 'item', ref: refOf(s.id) }),
    ]);
    return { html: [...header, esc(answer.text)].join('\n'), keyboard: keyboard([...rows, homeRow(t)]) };
}

/**
 * The products matched on what the conversation has been told of the firm:
 * what was read first (so that it can be put right), then the results.
 */
export function toldMatchView(t: Messages, lang: Lang, response: MatchResponse, profile: Draft, rated = false): View {
    const view = matchView(t, lang, response, rated);
    // On one line, so that the products come within the first screen.
    const told = profileLines(t, lang, profile).map((l) => l.replace(/^• /, ''));
    return {
        html: [`${t.toldHeader}${sentenceGap(lang)}${clauseJoin(lang, told)}`, '', view.html].join('\n'),
        ...(view.keyboard ? { keyboard: view.keyboard } : {}),
    };
}

function unsureView(t: Messages, lang: Lang, header: string[], guesses: readonly ItemRef[]): View {
    const lines = [...header, `${t.notConfident}${guesses.length > 0 ? `${sentenceGap(lang)}${t.didYouMean}` : ''}`, t.tryMatch];
    const rows = guesses.map((g) => [button(pick(g.title, lang), { type: 'item', ref: refOf(g.id) })]);
    return {
        html: lines.join('\n'),
        keyboard: keyboard([
            ...rows,
            [button(t.menuMatch, { type: 'menu', entry: 'match' }), button(t.generalContacts, { type: 'menu', entry: 'contact' })],
        ]),
    };
}

// === Full cards ==============================================================

/**
 * A full card: every section of the card presenter, each line citing the
 * card's numbered sources. `lookup` resolves the contact organizations and
 * `related` is resolved by the caller from the same snapshot, so that this
 * stays pure.
 */
export function itemView(t: Messages, lang: Lang, item: KnowledgeItem, lookup: ItemLookup, related: readonly ItemRef[]): View {
    const p = presentCard(item, lang, { lookup });
    const { cite, list } = citations(p.sources);
    const lines = [`<b>${esc(p.title)}</b> · ${esc(p.kindLabel)}`];
    if (p.expired) lines.push(expiredNotice(lang));
    lines.push(esc(p.summary), ...sectionsHtml(p.sections, lang, cite));
    if (list.length > 0) lines.push(`\n<b>${esc(labelOf('sources', lang))}</b>`, ...list);
    lines.push(`\n<i>${p.meta.map((l) => `${esc(l.label ?? '')}${colon(lang)}${esc(l.text)}`).join(' · ')}</i>`);
    const ref = refOf(item.id);
    const hasContacts = sectionOf(p, 'contacts') !== undefined;
    const rows = [
        ...(hasContacts ? [[button(t.contacts, { type: 'contacts', ref })]] : []),
        ...chunk(
            related.slice(0, 4).map((r) => button(pick(r.title, lang), { type: 'item', ref: refOf(r.id) })),
            2,
        ),
        homeRow(t),
    ];
    return { html: lines.join('\n'), keyboard: keyboard(rows) };
}

// === Contacts ================================================================

export function contactsView(t: Messages, lang: Lang, orgs: readonly OrganizationItem[], forItem?: ItemRef): View {
    const header = forItem ? t.contactsFor(pick(forItem.title, lang)) : t.contactHeader;
    if (orgs.length === 0) return { html: `${header}\n${t.noContacts}`, keyboard: keyboard([homeRow(t)]) };
    const blocks = orgs.map((o) => {
        const { cite, list } = citations(o.sources);
        const used = organizationLines(o, lang).map((l) => lineHtml(l, lang, cite));
        return [`<b>${esc(displayName(o, lang))}</b>`, ...used, ...list.map((l) => `<i>${l}</i>`)].join('\n');
    });
    const rows = chunk(
        orgs.slice(0, 6).map((o) => button(pick(titleOf(o), lang), { type: 'item', ref: refOf(o.id) })),
        2,
    );
    return { html: [header, ...blocks].join('\n\n'), keyboard: keyboard([...rows, homeRow(t)]) };
}

// === Browse ==================================================================

export const BROWSE_PAGE_SIZE = 8;

export function browseKindView(t: Messages, lang: Lang): View {
    const kinds = BROWSE_KINDS.map((k) => button(KINDS.labels[k][lang], { type: 'browse', kind: k }));
    return { html: t.browseKind, keyboard: keyboard([...chunk(kinds, 3), [button(t.anyKind, { type: 'browse', kind: '*' })], homeRow(t)]) };
}

export function browseStageView(t: Messages, lang: Lang, kind: BrowseKind | '*'): View {
    const stages = STAGES.values.map((s) => button(STAGES.labels[s][lang], { type: 'browse', kind, stage: s }));
    return { html: t.browseStage, keyboard: keyboard([...chunk(stages, 2), [button(t.anyStage, { type: 'browse', kind, stage: '*' })], homeRow(t)]) };
}

export function browseListView(
    t: Messages,
    lang: Lang,
    kind: BrowseKind | '*',
    stage: Stage | '*',
    items: readonly ProductItem[],
    page: number,
): View {
    const what = [kind === '*' ? t.anyKind : KINDS.labels[kind][lang], stage === '*' ? t.anyStage : STAGES.labels[stage][lang]].join(' · ');
    if (items.length === 0)
        return { html: `${t.browseHeader(what, 0)}\n${t.browseNone}`, keyboard: keyboard([[button(t.menuBrowse, { type: 'browse' })], homeRow(t)]) };
    const pages = Math.ceil(items.length / BROWSE_PAGE_SIZE);
    const p = Math.min(Math.max(page, 1), pages);
    const shown = items.slice((p - 1) * BROWSE_PAGE_SIZE, p * BROWSE_PAGE_SIZE);
    const lines = shown.map((i) => `• <b>${esc(displayName(i, lang))}</b>${t.colon}${esc(truncate(i.summary[lang], 90))}`);
    const paging = [
        ...(p > 1 ? [button(t.prev, { type: 'browse', kind, stage, page: p - 1 })] : []),
        ...(p < pages ? [button(t.next, { type: 'browse', kind, stage, page: p + 1 })] : []),
    ];
    const rows = chunk(
        shown.map((i) => button(pick(titleOf(i), lang), { type: 'item', ref: refOf(i.id) })),
        2,
    );
    return {
        html: [t.browseHeader(what, items.length), ...lines].join('\n'),
        keyboard: keyboard([...rows, paging, [button(t.menuBrowse, { type: 'browse' }), ...homeRow(t)]]),
    };
}

// === Inline mode =============================================================

/** The message an inline result posts: a short card with its source. */
export function inlineCardHtml(lang: Lang, item: KnowledgeItem): string {
    const p = presentCard(item, lang);
    const lines = [`<b>${esc(p.title)}</b> · ${esc(p.kindLabel)}`, esc(p.summary)];
    const s = p.sources[0];
    if (s) lines.push(`${esc(labelOf('source', lang))}${colon(lang)}${sourceLine(s)}`);
    return lines.join('\n');
}
