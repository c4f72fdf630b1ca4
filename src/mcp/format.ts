/**
 * Pure rendering for the MCP tools: each answer as `structuredContent` (the
 * data a model reasons over, shaped by the tool's outputSchema) and as
 * Markdown `text` in the requested language, with the source of every fact.
 * Nothing here reads the service; callers pass what it needs.
 */
import type { NextStep } from '../core/knowledge/application.ts';
import { isExpired, type KnowledgeItem, type OrganizationItem, type ProductItem, type Source, type SourcedValue } from '../core/knowledge/schema.ts';
import { conditionText, standingNote } from '../core/words/match.ts';
import { MCP_TEXTS } from './texts.ts';
import type { ConditionCheck, ContactSummary, MatchResponse, ProductMatch } from '../core/match/types.ts';
import type { Answer, AnswerFact } from '../core/answer/answer.ts';
import {
    answerSources,
    aside,
    CHECK_MARK,
    citedSources,
    clauseJoin,
    colon,
    counted,
    displayName,
    kindLabel,
    labelOf,
    listJoin,
    organizationLines,
    presentAnswer,
    presentCard,
    presentHit,
    presentMatch,
    quoted,
    benefitText,
    nextStepLines,
    type ItemLookup,
    type Line,
} from '../core/present/index.ts';
import type { SearchHit } from '../core/search/types.ts';
import { FOLDER_KINDS, NEEDS, label, type Folder, type Kind, type Lang, type Localized } from '../core/vocabulary.ts';

// ---- small helpers --------------------------------------------------------

function t(text: Localized, lang: Lang): string {
    return text[lang];
}

function cite(keys: readonly string[]): string {
    return keys.length ? ` [${keys.join(', ')}]` : '';
}

/** One presented line as a Markdown list item, with its source keys. */
function lineMd(l: Line): string {
    if (l.kind === 'contact') {
        const reach = l.text || l.url ? `: ${[l.text, l.address, l.url].filter(Boolean).join('; ')}` : '';
        return `- ${l.label}${l.ref ? ` (\`${l.ref}\`)` : ''}${reach}${cite(l.sources)}`;
    }
    const mark = l.check ? `${CHECK_MARK[l.check]} ` : '';
    return `- ${mark}${l.label ? `${l.label}: ` : ''}${l.text}${l.note}${cite(l.sources)}`;
}

function sourceLine(s: Source): string {
    const where = [s.url, s.ref].filter(Boolean).join(' · ');
    const when = s.date ? ` (${s.date})` : '';
    return `- [${s.key}] ${s.title}${where ? ` — ${where}` : ''}${when}`;
}

function sourcesBlock(sources: readonly Source[], lang: Lang): string[] {
    return sources.length ? [`**${labelOf('sources', lang)}**`, ...sources.map(sourceLine)] : [];
}

/** `kejin://products/keji-lvyuedai`: the resource address of a card. */
export function itemUri(item: { readonly id: string; readonly kind: Kind }): string {
    return `kejin://${folderOf(item.kind)}/${item.id}`;
}

export function folderOf(kind: Kind): Folder {
    const entry = Object.entries(FOLDER_KINDS).find(([, kinds]) => (kinds as readonly Kind[]).includes(kind));
    return (entry?.[0] ?? 'products') as Folder;
}

// ---- search_financing_knowledge --------------------------------------------

function factOut(f: AnswerFact) {
    return { text: f.text, item: f.item, field: f.field, aspects: [...f.aspects], status: f.status, sources: f.sources.map((s) => s.key) };
}

function answerOut(a: Answer, lang: Lang) {
    return {
        text: a.text,
        status: a.status,
        confident: a.confident,
        ...(a.aspect ? { aspect: a.aspect } : {}),
        aspects: [...a.aspects],
        ...(a.item ? { item: { id: a.item.id, kind: a.item.kind, title: t(a.item.title, lang), uri: itemUri(a.item) } } : {}),
        facts: a.facts.map(factOut),
        sources: answerSources(a).map((s) => ({ ...s })),
        contacts: a.contacts.map((c) => ({
            id: c.id,
            name: t(c.title, lang),
            phones: c.phones.map((p) => (p.label ? { value: p.value, label: t(p.label, lang) } : { value: p.value })),
        })),
        related: a.related.map((r) => r.id),
        suggestions: a.suggestions.map((r) => r.id),
        ...(a.comparison
            ? {
                  comparison: {
                      items: a.comparison.items.map((i) => i.id),
                      rows: a.comparison.rows.map((r) => ({ aspect: r.aspect, left: r.left.map(factOut), right: r.right.map(factOut) })),
                  },
              }
            : {}),
    };
}

export function searchStructured(a: Answer, lang: Lang) {
    const res = a.search;
    return {
        query: res.query,
        lang: res.lang,
        confident: res.confident,
        ...(res.notice ? { notice: t(res.notice, lang) } : {}),
        answer: answerOut(a, lang),
        results: res.results.map((h) => ({
            id: h.id,
            kind: h.kind,
            title: t(h.title, lang),
            summary: t(h.summary, lang),
            snippet: h.snippet,
            score: h.score,
            expired: h.expired,
            uri: itemUri(h),
            contacts: [...h.contacts],
            related: [...h.related],
            sources: citedSources(h.passages, h.sources, true).map((s) => ({ ...s })),
            passages: h.passages.map((p) => ({ field: p.field, aspects: [...p.aspects], text: p.text, status: p.status, sources: [...p.sources] })),
        })),
    };
}

export function searchText(a: Answer, lang: Lang, contactName?: (id: string) => string | undefined): string {
    const res = a.search;
    const p = presentAnswer(a, lang);
    const lines = [`## ${labelOf('answer', lang)}${colon(lang)}${quoted(p.question, lang)}`, p.text];
    if (p.comparison) {
        const [left, right] = p.comparison.items;
        lines.push(
            '',
            `| | ${left.title} | ${right.title} |`,
            '|---|---|---|',
            ...p.comparison.rows.map((r) => `| ${r.label} | ${cell(r.left)} | ${cell(r.right)} |`),
        );
    }
    if (p.sources.length) lines.push('', ...sourcesBlock(p.sources, lang));
    const status = a.facts.filter((f) => f.status !== 'current');
    if (status.length) lines.push('', MCP_TEXTS[lang].markedFacts([...new Set(status.map((f) => f.status))]));
    if (p.contacts.length) lines.push('', `**${labelOf('contacts', lang)}**`, ...p.contacts.map(lineMd));
    if (a.clarify) {
        // A bare aspect ("利率多少"): the assistant should ask which product, not say the knowledge lacks it.
        lines.push('', MCP_TEXTS[lang].askWhich(p.suggestions.map((s) => s.title)));
    } else if (!p.confident) {
        lines.push('', MCP_TEXTS[lang].notReliable);
    }
    lines.push('', `## ${labelOf('searchResults', lang)}${colon(lang)}${quoted(res.query, lang)}`);
    if (p.notice) lines.push(`> ${p.notice}`);
    res.results.forEach((h, i) => lines.push('', ...hitLines(h, i + 1, lang, contactName)));
    if (res.results.length === 0) lines.push('', labelOf('noResults', lang));
    return lines.join('\n');
}

/** A comparison cell: the facts with their source keys, pipes escaped. */
function cell(l: Line): string {
    return `${l.text}${cite(l.sources)}`.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

function hitLines(hit: SearchHit, n: number, lang: Lang, contactName?: (id: string) => string | undefined): string[] {
    const h = presentHit(hit, lang, contactName ? { contactName } : {});
    return [
        `### ${n}. ${h.title} (\`${h.id}\`, ${h.kindLabel})${h.expired ? labelOf('expired', lang) : ''}`,
        ...h.lines.map((l) => `> ${l.text}${l.note}${cite(l.sources)}`),
        ...(h.contacts.length
            ? [
                  `${labelOf('contacts', lang)}: ${h.contacts.map((c) => (c.label === c.ref ? `\`${c.ref}\`` : `${c.label} (\`${c.ref}\`)`)).join(', ')}`,
              ]
            : []),
        ...sourcesBlock(h.sources, lang),
    ];
}

// ---- match_financing_products -------------------------------------------------

function checkOut(c: ConditionCheck, lang: Lang) {
    const note = standingNote(c);
    return {
        status: c.status,
        ...(c.field ? { field: c.field } : {}),
        text: t(conditionText(c), lang) + (note ? t(note, lang) : ''),
        sources: [...c.sources],
        sourceStatus: c.sourceStatus,
        ...(c.sourceDate ? { sourceDate: c.sourceDate } : {}),
    };
}

function contactOut(c: ContactSummary, lang: Lang) {
    return {
        id: c.id,
        name: t(c.name, lang),
        phones: c.phones.map((p) => (p.label ? { value: p.value, label: t(p.label, lang) } : { value: p.value })),
        ...(c.website ? { website: c.website } : {}),
        ...(c.address ? { address: c.address } : {}),
    };
}

/** The next step of a match as data: the field names are a contract (the tool's `nextStep` schema). */
function nextStepOut(step: NextStep, lang: Lang) {
    const sources = [
        ...new Set([
            ...(step.application?.sources ?? []),
            ...(step.channel?.sources ?? []),
            ...step.documents.flatMap((d) => d.sources),
            ...(step.benefit?.sources ?? []),
        ]),
    ];
    return {
        ...(step.mode ? { mode: step.mode } : {}),
        text: clauseJoin(
            lang,
            nextStepLines(step, lang).map((l) => `${l.label ? `${l.label}${colon(lang)}` : ''}${l.text}${l.note}`),
        ),
        ...(step.window ? { window: { ...step.window } } : {}),
        ...(step.channel ? { channel: { text: step.channel[lang], ...(step.channel.url ? { url: step.channel.url } : {}) } } : {}),
        documents: step.documents.map((d) => d[lang]),
        ...(step.benefit
            ? {
                  benefit: {
                      text: benefitText(step.benefit, lang),
                      ...(step.benefit.percent !== undefined ? { percent: step.benefit.percent } : {}),
                      ...(step.benefit.cap_wan !== undefined ? { capWan: step.benefit.cap_wan } : {}),
                      ...(step.benefit.rate_cut_points !== undefined ? { rateCutPoints: step.benefit.rate_cut_points } : {}),
                  },
              }
            : {}),
        sources,
    };
}

export function matchStructured(res: MatchResponse, lang: Lang) {
    return {
        profile: { ...res.profile } as Record<string, unknown>,
        understood: res.understood.map((u) => ({ field: String(u.field), value: u.value, text: t(u.text, lang) })),
        matches: res.matches.map((m) => ({
            id: m.id,
            kind: m.kind,
            name: t(m.name, lang),
            summary: t(m.summary, lang),
            eligibility: m.eligibility,
            score: m.score,
            reasons: m.reasons.map((c) => checkOut(c, lang)),
            missing: m.missing.map((c) => checkOut(c, lang)),
            ...(m.amount ? { amount: t(m.amount, lang) } : {}),
            ...(m.term ? { term: t(m.term, lang) } : {}),
            ...(m.apply ? { apply: t(m.apply.text, lang) + t(standingNote(m.apply) ?? { zh: '', en: '' }, lang) } : {}),
            contacts: m.contacts.map((c) => contactOut(c, lang)),
            sources: m.sources.map((s) => ({ ...s })),
            related: [...m.related],
            expired: m.expired,
            uri: itemUri(m),
            ...(m.nextStep ? { nextStep: nextStepOut(m.nextStep, lang) } : {}),
        })),
    };
}

export function matchText(res: MatchResponse, lang: Lang): string {
    const lines = [`## ${counted('productMatch', res.matches.length, lang)}`];
    if (res.understood.length) {
        lines.push(`${labelOf('understoodCorrect', lang)}${colon(lang).trimEnd()}`, ...res.understood.map((u) => `- ${t(u.text, lang)}`));
    }
    res.matches.forEach((m, i) => lines.push('', ...matchLines(m, i + 1, lang)));
    if (res.matches.length === 0) lines.push('', labelOf('noProductToRate', lang));
    return lines.join('\n');
}

function matchLines(m: ProductMatch, n: number, lang: Lang): string[] {
    const p = presentMatch(m, lang);
    return [
        `### ${n}. ${p.title} (\`${p.id}\`) — ${p.rating.mark} ${p.rating.label}${p.expired ? labelOf('expired', lang) : ''}`,
        p.summary,
        ...p.sections.flatMap((s) => [`**${s.title}**`, ...s.lines.map(lineMd)]),
        ...sourcesBlock(p.sources, lang),
    ];
}

// ---- list_financing_products ---------------------------------------------------

export function listStructured(products: readonly ProductItem[], lang: Lang) {
    return {
        count: products.length,
        products: products.map((p) => ({
            id: p.id,
            kind: p.kind,
            name: p.name,
            name_en: p.name_en,
            summary: t(p.summary, lang),
            needs: [...p.needs],
            ...(p.eligibility?.stages ? { stages: [...p.eligibility.stages] } : {}),
            qualifications: [...new Set([...(p.eligibility?.qualifications_any ?? []), ...(p.eligibility?.qualifications_all ?? [])])],
            expired: isExpired(p, new Date()),
            uri: itemUri(p),
        })),
    };
}

export function listText(products: readonly ProductItem[], lang: Lang): string {
    const head = `## ${counted('productsAndPlatforms', products.length, lang)}`;
    const rows = products.map((p) => {
        const needs = listJoin(
            lang,
            p.needs.map((n) => label(NEEDS.labels, n, lang)),
        );
        const expired = isExpired(p, new Date()) ? labelOf('expired', lang) : '';
        return `- **${displayName(p, lang)}** (\`${p.id}\`, ${kindLabel(p.kind, lang)})${expired}: ${t(p.summary, lang)}${needs ? ` — ${needs}` : ''}`;
    });
    const empty = labelOf('noProductFits', lang);
    return [head, ...(rows.length ? rows : [empty])].join('\n');
}

// ---- get_financing_contacts ------------------------------------------------------

function sourcedOut(v: SourcedValue, lang: Lang) {
    return { value: v.value, ...(v.label ? { label: t(v.label, lang) } : {}), sources: [...v.sources] };
}

export function contactsStructured(orgs: readonly OrganizationItem[], lang: Lang) {
    return {
        organizations: orgs.map((o) => ({
            id: o.id,
            name: o.name,
            name_en: o.name_en,
            role: t(o.role, lang),
            phones: o.phones.map((p) => sourcedOut(p, lang)),
            ...(o.address ? { address: sourcedOut(o.address, lang) } : {}),
            ...(o.postcode ? { postcode: sourcedOut(o.postcode, lang) } : {}),
            ...(o.website ? { website: sourcedOut(o.website, lang) } : {}),
            ...(o.hours ? { hours: sourcedOut(o.hours, lang) } : {}),
            sources: o.sources.map((s) => ({ ...s })),
            uri: itemUri(o),
        })),
    };
}

export function contactsText(orgs: readonly OrganizationItem[], lang: Lang): string {
    const head = `## ${counted('organizationsToContact', orgs.length, lang)}`;
    const none = labelOf('noOrganization', lang);
    const entry = (o: OrganizationItem) => {
        const name = lang === 'zh' ? `${o.name}${aside(o.name_en, lang)}` : `${o.name_en}${aside(o.name, lang)}`;
        return ['', `### ${name} (\`${o.id}\`)`, ...organizationLines(o, lang).map(lineMd), ...sourcesBlock(o.sources, lang)];
    };
    return [head, ...(orgs.length ? orgs.flatMap(entry) : [none])].join('\n');
}

// ---- get_financing_product: the whole card ----------------------------------------

export function cardStructured(item: KnowledgeItem, now = new Date()) {
    // A shallow copy: the card is frozen, and nothing down the line (checks, serialisation) changes it.
    return { ...item, expired: isExpired(item, now), uri: itemUri(item) } as Record<string, unknown>;
}

/** The card as Markdown: every line with its source keys, the body under "Details", the sources listed at the end. */
export function cardText(item: KnowledgeItem, lang: Lang, lookup: ItemLookup, now?: Date): string {
    const p = presentCard(item, lang, { lookup, ...(now ? { now } : {}) });
    const meta = [p.kindLabel, ...p.meta.map((l) => `${l.label} ${l.text}`)];
    // The body's own headings go one level below this section's.
    const details = p.details ? ['', `## ${labelOf('details', lang)}`, p.details.replace(/^(#{1,5}) /gm, '#$1 ')] : [];
    return [
        `# ${p.title} (\`${p.id}\`)${p.expired ? labelOf('expired', lang) : ''}`,
        meta.join(' · '),
        '',
        p.summary,
        ...p.sections.flatMap((s) => ['', `## ${s.title}`, ...s.lines.map(lineMd)]),
        ...details,
        ...(p.sources.length ? ['', ...sourcesBlock(p.sources, lang)] : []),
    ].join('\n');
}

// ---- errors --------------------------------------------------------------------

export function notFoundText(id: string, suggestions: readonly string[], lang: Lang): string {
    const closest = suggestions.map((s) => `"${s}"`).join(', ');
    return MCP_TEXTS[lang].notFound(id, closest);
}
