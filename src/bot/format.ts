/**
 * Every screen of the bot as Telegram HTML plus an inline keyboard. Pure:
 * data in, `View` out; the features only fetch the data and send the view.
 * Every dynamic string goes through `esc` (or `link`, which escapes).
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Fact, KnowledgeItem, OrganizationItem, ProductItem, Source } from '../core/knowledge/schema.ts';
import { standingNote } from '../core/match/standing.ts';
import type { ConditionCheck, MatchResponse, ProductMatch, Understood } from '../core/match/types.ts';
import type { SearchHit, SearchResponse } from '../core/search/types.ts';
import { KINDS, NEEDS, QUALIFICATIONS, SIZES, STAGES, label, type Lang, type Localized, type Stage } from '../core/vocabulary.ts';
import { BROWSE_KINDS, encodeCallback, refOf, type BrowseKind, type CallbackAction } from './callback.ts';
import { esc, link, truncate } from './html.ts';
import { MESSAGES, type Messages } from './i18n.ts';
import { AMOUNT_PRESETS, STEPS, stepName, type Draft, type FlowState, type StepName } from './questionnaire.ts';

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

/** An item's display name: the Chinese name, with the English one first in en. */
export function itemName(item: Pick<KnowledgeItem, 'name' | 'name_en'>, lang: Lang): string {
    return lang === 'zh' ? item.name : `${item.name_en} (${item.name})`;
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
        keyboard: { inline_keyboard: [[button('中文', { type: 'lang', lang: 'zh' }), button('English', { type: 'lang', lang: 'en' })]] },
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
    const html = [`<b>${esc(t.stepOf(state.step + 1, STEPS.length))}</b> · ${t[QUESTION_OF[step]] as string}`, `${t.current}${t.colon}${current}`].join('\n');
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
            return chunk(STAGES.values.map((v) => button(mark(d.stage === v, STAGES.labels[v][lang]), { type: 'flow', step: s, op: 'set', value: v })), 2);
        case 'size':
            return chunk(SIZES.values.map((v) => button(mark(d.size === v, SIZES.labels[v][lang]), { type: 'flow', step: s, op: 'set', value: v })), 2);
        case 'qualifications':
            return [
                ...QUALIFICATIONS.values.map((v) => [button(mark(d.qualifications?.includes(v) ?? false, QUALIFICATIONS.labels[v][lang]), { type: 'flow', step: s, op: 'toggle', value: v })]),
                [button(mark(d.qualifications?.length === 0, t.noneOfThese), { type: 'flow', step: s, op: 'none' }), button(t.done, { type: 'flow', step: s, op: 'done' })],
            ];
        case 'needs':
            return [
                ...chunk(NEEDS.values.map((v) => button(mark(d.needs?.includes(v) ?? false, NEEDS.labels[v][lang]), { type: 'flow', step: s, op: 'toggle', value: v })), 2),
                [button(t.done, { type: 'flow', step: s, op: 'done' })],
            ];
        case 'ip':
            return [[button(mark(d.hasIntellectualProperty === true, t.yes), { type: 'flow', step: s, op: 'set', value: 'y' }), button(mark(d.hasIntellectualProperty === false, t.no), { type: 'flow', step: s, op: 'set', value: 'n' })]];
        case 'amount':
            return chunk(AMOUNT_PRESETS.map((n) => button(mark(d.amountWan === n, t.wan(n)), { type: 'flow', step: s, op: 'set', value: String(n) })), 3);
    }
}

// === Profile =================================================================

function profileValue(t: Messages, lang: Lang, d: Draft, field: StepName): string | undefined {
    const list = (values: readonly string[] | undefined, labels: Record<string, Localized>) =>
        values === undefined ? undefined : values.length === 0 ? t.none : values.map((v) => label(labels, v, lang)).join(lang === 'zh' ? '、' : ', ');
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
    return STEPS.flatMap((step) => {
        const v = profileValue(t, lang, d, step);
        return v === undefined ? [] : [`• ${esc(t[FIELD_LABEL[step]] as string)}${t.colon}${esc(v)}`];
    });
}

export function profileView(t: Messages, lang: Lang, profile: Draft | undefined): View {
    const lines = profile ? profileLines(t, lang, profile) : [];
    const html = lines.length > 0 ? [t.profileHeader, ...lines].join('\n') : t.profileEmpty;
    return {
        html,
        keyboard: keyboard([
            [button(t.profileEdit, { type: 'profile', op: 'edit' }), ...(lines.length > 0 ? [button(t.profileMatch, { type: 'profile', op: 'match' })] : [])],
            [button(t.forgetButton, { type: 'menu', entry: 'forget' }), ...homeRow(t)],
        ]),
    };
}

export function forgetView(t: Messages): View {
    return {
        html: t.forgetConfirm,
        keyboard: { inline_keyboard: [[button(t.forgetYes, { type: 'forget', confirmed: true }), button(t.forgetNo, { type: 'forget', confirmed: false })]] },
    };
}

// === Match results ===========================================================

const MAX_CHECKS = 3;

function checkList(items: readonly ConditionCheck[], lang: Lang): string {
    const shown = items.slice(0, MAX_CHECKS).map((c) => esc(truncate(pick(c.text, lang).replace(/[。.；;]+$/, ''), 90) + pick(standingNote(c) ?? { zh: '', en: '' }, lang)));
    const more = items.length - shown.length;
    return [...shown, ...(more > 0 ? [lang === 'zh' ? `另有 ${more} 项` : `${more} more`] : [])].join(lang === 'zh' ? '；' : '; ');
}

export function matchCard(t: Messages, lang: Lang, m: ProductMatch, rank: number): string {
    const lines = [`${rank}. <b>${esc(pick(m.name, lang))}</b> · ${m.eligibility === 'eligible' ? t.eligible : t.possible}`];
    if (m.reasons.length > 0) lines.push(`<b>${t.why}</b>${t.colon}${checkList(m.reasons, lang)}`);
    if (m.missing.length > 0) lines.push(`<b>${t.missing}</b>${t.colon}${checkList(m.missing, lang)}`);
    const terms = [m.amount && `${t.amount}${t.colon}${esc(truncate(pick(m.amount, lang), 120))}`, m.term && `${t.term}${t.colon}${esc(truncate(pick(m.term, lang), 120))}`].filter(Boolean);
    if (terms.length > 0) lines.push(terms.join(' · '));
    const c = m.contacts[0];
    if (c) {
        const phone = c.phones[0];
        // A number is shown only with what the source gives it for, never as the product's hotline.
        const number = phone ? ` ${esc(phone.value)}${phone.label ? `（${esc(pick(phone.label, lang))}）` : ''}` : `（${t.noPhone}）`;
        lines.push(`<b>${t.contact}</b>${t.colon}${esc(pick(c.name, lang))}${number}`);
        if (!phone && m.apply) lines.push(`<b>${t.howToApply}</b>${t.colon}${esc(truncate(pick(m.apply.text, lang), 120))}${esc(pick(standingNote(m.apply) ?? { zh: '', en: '' }, lang))}`);
    }
    const s = m.sources[0];
    if (s) lines.push(`<b>${t.source}</b>${t.colon}${sourceLine(s)}`);
    if (m.expired) lines.push(t.expired);
    return lines.join('\n');
}

/** At most this many products are shown; the rest are ineligible or weaker. */
export const MAX_MATCHES_SHOWN = 5;

export function matchView(t: Messages, lang: Lang, response: MatchResponse): View {
    const shown = response.matches.filter((m) => m.eligibility !== 'ineligible').slice(0, MAX_MATCHES_SHOWN);
    const refine = [button(t.refine, { type: 'profile', op: 'edit' }), ...homeRow(t)];
    if (shown.length === 0) {
        return { html: t.matchNone, keyboard: keyboard([[button(t.generalContacts, { type: 'menu', entry: 'contact' })], refine]) };
    }
    const html = [t.matchHeader(shown.length), ...shown.map((m, i) => matchCard(t, lang, m, i + 1))].join('\n\n');
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

const MAX_SNIPPET = 300;
/** "Did you mean" offers at most this many items. */
const MAX_GUESSES = 3;

function hitBlock(t: Messages, lang: Lang, hit: SearchHit, rank: number): string {
    const lines = [`${rank}. <b>${esc(pick(hit.title, lang))}</b> · ${esc(KINDS.labels[hit.kind][lang])}`];
    const snippet = hit.snippet.trim() || pick(hit.summary, lang);
    lines.push(esc(truncate(snippet, MAX_SNIPPET)));
    const s = hit.sources[0];
    if (s) lines.push(`<b>${t.source}</b>${t.colon}${sourceLine(s)}`);
    if (hit.expired) lines.push(t.expired);
    return lines.join('\n');
}

/**
 * The answer to a free question. `related` gives, per hit id, the related
 * items to offer as buttons (already resolved and filtered by the feature).
 */
export function answerView(
    t: Messages,
    lang: Lang,
    question: string,
    response: SearchResponse,
    related: ReadonlyMap<string, readonly ItemRef[]>,
    guesses: readonly ItemRef[] = [],
): View {
    const header = [t.answerHeader(truncate(question, 80)), ...(response.notice ? [esc(pick(response.notice, lang))] : [])];
    if (!response.confident || response.results.length === 0) {
        const weak = response.results.length > 0 ? response.results.map((r) => ({ id: r.id, title: r.title })) : guesses;
        return unsureView(t, lang, header, weak.slice(0, MAX_GUESSES));
    }
    const hits = response.results;
    const html = [header.join('\n'), ...hits.map((h, i) => hitBlock(t, lang, h, i + 1))].join('\n\n');
    const rows = hits.map((h, i) => [
        button(`${i + 1}. ${t.details}`, { type: 'item', ref: refOf(h.id) }),
        ...(h.contacts.length > 0 ? [button(t.contacts, { type: 'contacts', ref: refOf(h.id) })] : []),
        ...(related.get(h.id) ?? []).slice(0, 1).map((r) => button(`${t.seeAlso}${t.colon}${pick(r.title, lang)}`, { type: 'item', ref: refOf(r.id) })),
    ]);
    return { html, keyboard: keyboard([...rows, homeRow(t)]) };
}

function unsureView(t: Messages, lang: Lang, header: string[], guesses: readonly ItemRef[]): View {
    const space = lang === 'zh' ? '' : ' ';
    const lines = [...header, `${t.notConfident}${space}${guesses.length > 0 ? t.didYouMean : t.nothingFound}`, t.tryMatch];
    const rows = guesses.map((g) => [button(pick(g.title, lang), { type: 'item', ref: refOf(g.id) })]);
    return {
        html: lines.join('\n'),
        keyboard: keyboard([...rows, [button(t.menuMatch, { type: 'menu', entry: 'match' }), button(t.generalContacts, { type: 'menu', entry: 'contact' })]]),
    };
}

// === Full cards ==============================================================

/** Numbers a card's sources [1], [2]… so that each fact can cite them. */
function citations(item: KnowledgeItem) {
    const index = new Map(item.sources.map((s, i) => [s.key, i + 1]));
    const cite = (keys: readonly string[]) => {
        const nums = [...new Set(keys.map((k) => index.get(k)).filter((n): n is number => n !== undefined))];
        return nums.length > 0 ? ` ${nums.map((n) => `[${n}]`).join('')}` : '';
    };
    return { cite, list: item.sources.map((s, i) => `[${i + 1}] ${sourceLine(s)}`) };
}

function factLine(t: Messages, lang: Lang, f: Fact, cite: (keys: readonly string[]) => string): string {
    const status = f.status === 'unconfirmed' ? t.unconfirmed : f.status === 'outdated' ? t.outdated : '';
    return `• ${esc(f[lang])}${esc(status)}${cite(f.sources)}`;
}

function section(title: string, lines: string[]): string[] {
    return lines.length > 0 ? [`\n<b>${esc(title)}</b>`, ...lines] : [];
}

function labels(values: readonly string[] | undefined, table: Record<string, Localized>, lang: Lang): string {
    return (values ?? []).map((v) => label(table, v, lang)).join(lang === 'zh' ? '、' : ', ');
}

function eligibilityLines(t: Messages, lang: Lang, p: ProductItem, cite: (k: readonly string[]) => string): string[] {
    const e = p.eligibility;
    if (!e) return [];
    const lines: string[] = [];
    const add = (name: string, value: string) => value && lines.push(`• ${esc(name)}${t.colon}${esc(value)}`);
    add(t.stages, labels(e.stages, STAGES.labels, lang));
    add(t.qualificationsAny, labels(e.qualifications_any, QUALIFICATIONS.labels, lang));
    add(t.qualificationsAll, labels(e.qualifications_all, QUALIFICATIONS.labels, lang));
    add(t.qualificationsPreferred, labels(e.qualifications_preferred, QUALIFICATIONS.labels, lang));
    add(t.sizes, labels(e.sizes, SIZES.labels, lang));
    if (e.revenue_wan) add(t.revenue, t.wanRange(e.revenue_wan.min, e.revenue_wan.max));
    if (e.requires_ip) lines.push(`• ${esc(t.requiresIp)}`);
    return [...lines, ...e.conditions.map((c) => factLine(t, lang, c, cite))];
}

function termLines(t: Messages, lang: Lang, p: ProductItem, cite: (k: readonly string[]) => string): string[] {
    const terms = p.terms;
    if (!terms) return [];
    const lines: string[] = [];
    const fact = (name: string, f: Fact | undefined) => f && lines.push(`• ${esc(name)}${t.colon}${esc(f[lang])}${cite(f.sources)}`);
    if (terms.amount) fact(t.amount, terms.amount);
    else if (terms.amount_wan) lines.push(`• ${esc(t.amount)}${t.colon}${esc(t.wanRange(terms.amount_wan.min, terms.amount_wan.max))}`);
    if (terms.term) fact(t.term, terms.term);
    else if (terms.term_months) lines.push(`• ${esc(t.term)}${t.colon}${esc(t.months(terms.term_months.min, terms.term_months.max))}`);
    fact(t.rate, terms.rate);
    fact(t.subsidy, terms.subsidy);
    for (const f of [terms.fees, terms.risk_sharing, ...terms.partner_banks]) if (f) lines.push(factLine(t, lang, f, cite));
    return lines;
}

function organizationLines(t: Messages, lang: Lang, o: OrganizationItem, cite: (k: readonly string[]) => string): string[] {
    const lines = [esc(o.role[lang])];
    for (const p of o.phones) lines.push(`• ${esc(p.label ? p.label[lang] : t.phone)}${t.colon}${esc(p.value)}${cite(p.sources)}`);
    if (o.address) lines.push(`• ${esc(t.address)}${t.colon}${esc(o.address.value)}${o.postcode ? ` ${esc(o.postcode.value)}` : ''}${cite(o.address.sources)}`);
    if (o.website) lines.push(`• ${esc(t.website)}${t.colon}${link(o.website.value, o.website.value)}${cite(o.website.sources)}`);
    if (o.hours) lines.push(`• ${esc(t.hours)}${t.colon}${esc(o.hours.value)}${cite(o.hours.sources)}`);
    return lines;
}

/**
 * A full card. `contactNames` and `related` are resolved by the caller from
 * the same snapshot, so that this stays pure.
 */
export function itemView(t: Messages, lang: Lang, item: KnowledgeItem, contactNames: readonly ItemRef[], related: readonly ItemRef[]): View {
    const { cite, list } = citations(item);
    const lines = [`<b>${esc(itemName(item, lang))}</b> · ${esc(KINDS.labels[item.kind][lang])}`];
    if (item.expired) lines.push(t.expired);
    lines.push(esc(item.summary[lang]));
    if (item.kind === 'organization') lines.push(...organizationLines(t, lang, item, cite));
    if (item.kind === 'policy' || item.kind === 'document') {
        const meta = [item.doc_number && `${t.docNumber}${t.colon}${item.doc_number}`, item.issuer && `${t.issuer}${t.colon}${item.issuer}`, item.date && `${t.date}${t.colon}${item.date}`];
        lines.push(...meta.filter((m): m is string => Boolean(m)).map((m) => `• ${esc(m)}`));
    }
    if (item.kind === 'product' || item.kind === 'platform' || item.kind === 'program') {
        lines.push(...section(t.eligibility, eligibilityLines(t, lang, item, cite)));
        lines.push(...section(t.terms, termLines(t, lang, item, cite)));
        lines.push(...section(t.howToApply, item.how_to_apply.map((f) => factLine(t, lang, f, cite))));
    }
    lines.push(...section(t.facts, item.facts.map((f) => factLine(t, lang, f, cite))));
    lines.push(...section(t.notes, item.notes.map((f) => factLine(t, lang, f, cite))));
    if (contactNames.length > 0) lines.push(`\n<b>${esc(t.contact)}</b>${t.colon}${contactNames.map((c) => esc(pick(c.title, lang))).join(lang === 'zh' ? '、' : ', ')}`);
    lines.push(...section(t.sources, list));
    lines.push(`\n<i>${esc(t.lastVerified)}${t.colon}${esc(item.last_verified)}</i>`);
    const ref = refOf(item.id);
    const rows = [
        ...(contactNames.length > 0 ? [[button(t.contacts, { type: 'contacts', ref })]] : []),
        ...chunk(related.slice(0, 4).map((r) => button(pick(r.title, lang), { type: 'item', ref: refOf(r.id) })), 2),
        homeRow(t),
    ];
    return { html: lines.join('\n'), keyboard: keyboard(rows) };
}

// === Contacts ================================================================

export function contactsView(t: Messages, lang: Lang, orgs: readonly OrganizationItem[], forItem?: ItemRef): View {
    const header = forItem ? t.contactsFor(pick(forItem.title, lang)) : t.contactHeader;
    if (orgs.length === 0) return { html: `${header}\n${t.noContacts}`, keyboard: keyboard([homeRow(t)]) };
    const blocks = orgs.map((o) => {
        const { cite, list } = citations(o);
        const used = organizationLines(t, lang, o, cite);
        return [`<b>${esc(itemName(o, lang))}</b>`, ...used, ...list.map((l) => `<i>${l}</i>`)].join('\n');
    });
    const rows = chunk(orgs.slice(0, 6).map((o) => button(pick(titleOf(o), lang), { type: 'item', ref: refOf(o.id) })), 2);
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

export function browseListView(t: Messages, lang: Lang, kind: BrowseKind | '*', stage: Stage | '*', items: readonly ProductItem[], page: number): View {
    const what = [kind === '*' ? t.anyKind : KINDS.labels[kind][lang], stage === '*' ? t.anyStage : STAGES.labels[stage][lang]].join(' · ');
    if (items.length === 0) return { html: `${t.browseHeader(what, 0)}\n${t.browseNone}`, keyboard: keyboard([[button(t.menuBrowse, { type: 'browse' })], homeRow(t)]) };
    const pages = Math.ceil(items.length / BROWSE_PAGE_SIZE);
    const p = Math.min(Math.max(page, 1), pages);
    const shown = items.slice((p - 1) * BROWSE_PAGE_SIZE, p * BROWSE_PAGE_SIZE);
    const lines = shown.map((i) => `• <b>${esc(itemName(i, lang))}</b>${t.colon}${esc(truncate(i.summary[lang], 90))}`);
    const paging = [
        ...(p > 1 ? [button(t.prev, { type: 'browse', kind, stage, page: p - 1 })] : []),
        ...(p < pages ? [button(t.next, { type: 'browse', kind, stage, page: p + 1 })] : []),
    ];
    const rows = chunk(shown.map((i) => button(pick(titleOf(i), lang), { type: 'item', ref: refOf(i.id) })), 2);
    return { html: [t.browseHeader(what, items.length), ...lines].join('\n'), keyboard: keyboard([...rows, paging, [button(t.menuBrowse, { type: 'browse' }), ...homeRow(t)]]) };
}

// === Inline mode =============================================================

/** The message an inline result posts: a short card with its source. */
export function inlineCardHtml(lang: Lang, item: KnowledgeItem): string {
    const t = MESSAGES[lang];
    const lines = [`<b>${esc(itemName(item, lang))}</b> · ${esc(KINDS.labels[item.kind][lang])}`, esc(item.summary[lang])];
    const s = item.sources[0];
    if (s) lines.push(`${t.source}${t.colon}${sourceLine(s)}`);
    return lines.join('\n');
}
