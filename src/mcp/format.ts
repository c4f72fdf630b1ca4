/**
 * Pure rendering for the MCP tools: each answer as `structuredContent` (the
 * data a model reasons over, shaped by the tool's outputSchema) and as
 * Markdown `text` in the requested language, with the source of every fact.
 * Nothing here reads the service; callers pass what it needs.
 */
import type { Eligibility, Fact, KnowledgeItem, OrganizationItem, PolicyItem, ProductItem, Source, SourcedValue, Terms } from '../core/knowledge/schema.ts';
import { standingNote } from '../core/match/standing.ts';
import type { ConditionCheck, ContactSummary, MatchResponse, ProductMatch } from '../core/match/types.ts';
import type { SearchHit, SearchResponse } from '../core/search/types.ts';
import { ELIGIBILITY, FOLDER_KINDS, KINDS, NEEDS, QUALIFICATIONS, SIZES, STAGES, label, type Folder, type Kind, type Lang, type Localized } from '../core/vocabulary.ts';

type Lookup = (id: string) => KnowledgeItem | undefined;

// ---- small helpers --------------------------------------------------------

const RATING_MARK = { eligible: '✅', possible: '🟡', ineligible: '❌' } as const;

const UI = {
    expired: { zh: '（已过期）', en: ' (expired)' },
    reasons: { zh: '符合之处', en: 'Why it fits' },
    missing: { zh: '不符合或待确认', en: 'Unmet or to confirm' },
    amount: { zh: '额度', en: 'Amount' },
    term: { zh: '期限', en: 'Term' },
    howToApply: { zh: '申请渠道', en: 'Where to apply' },
    contacts: { zh: '联系', en: 'Contacts' },
    sources: { zh: '来源', en: 'Sources' },
    phone: { zh: '电话', en: 'Phone' },
    address: { zh: '地址', en: 'Address' },
    website: { zh: '网站', en: 'Website' },
    hours: { zh: '办公时间', en: 'Hours' },
    postcode: { zh: '邮编', en: 'Postcode' },
    role: { zh: '职能', en: 'Role' },
    noPhone: { zh: '来源中没有电话', en: 'no phone number in the sources' },
    unconfirmed: { zh: '（未经证实）', en: ' (unconfirmed)' },
    outdated: { zh: '（信息可能已过时）', en: ' (may be outdated)' },
} as const satisfies Record<string, Localized>;

function t(text: Localized, lang: Lang): string {
    return text[lang];
}

function kindLabel(kind: Kind, lang: Lang): string {
    return label(KINDS.labels, kind, lang);
}

function cite(keys: readonly string[]): string {
    return keys.length ? ` [${keys.join(', ')}]` : '';
}

function fact(f: Fact, lang: Lang): string {
    const status = f.status ? t(UI[f.status], lang) : '';
    return `${f[lang]}${status}${cite(f.sources)}`;
}

function sourceLine(s: Source): string {
    const where = [s.url, s.ref].filter(Boolean).join(' · ');
    const when = s.date ? ` (${s.date})` : '';
    return `- [${s.key}] ${s.title}${where ? ` — ${where}` : ''}${when}`;
}

function sourcesBlock(sources: readonly Source[], lang: Lang): string[] {
    return sources.length ? [`**${t(UI.sources, lang)}**`, ...sources.map(sourceLine)] : [];
}

/** `kejin://products/keji-lvyuedai`: the resource address of a card. */
export function itemUri(item: { readonly id: string; readonly kind: Kind }): string {
    return `kejin://${folderOf(item.kind)}/${item.id}`;
}

export function folderOf(kind: Kind): Folder {
    const entry = Object.entries(FOLDER_KINDS).find(([, kinds]) => (kinds as readonly Kind[]).includes(kind));
    return (entry?.[0] ?? 'products') as Folder;
}

function wanRange(r: { min?: number; max?: number } | undefined, unit: Localized, lang: Lang): string | undefined {
    if (!r || (r.min === undefined && r.max === undefined)) return undefined;
    const u = t(unit, lang);
    if (r.min !== undefined && r.max !== undefined) return `${r.min}–${r.max} ${u}`;
    return r.max !== undefined ? `≤ ${r.max} ${u}` : `≥ ${r.min} ${u}`;
}

const WAN = { zh: '万元', en: '万元 (×10,000 CNY)' };
const MONTHS = { zh: '个月', en: 'months' };

// ---- search_financing_knowledge --------------------------------------------

/** A search hit cites no facts, so a few sources say enough; the card has them all. */
const HIT_SOURCES = 3;

export function searchStructured(res: SearchResponse, lang: Lang) {
    return {
        query: res.query,
        lang: res.lang,
        confident: res.confident,
        ...(res.notice ? { notice: t(res.notice, lang) } : {}),
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
            sources: h.sources.map((s) => ({ ...s })),
        })),
    };
}

export function searchText(res: SearchResponse, lang: Lang): string {
    const head = lang === 'zh' ? `## 检索：“${res.query}”` : `## Search: "${res.query}"`;
    const lines = [head];
    if (res.notice) lines.push(`> ${t(res.notice, lang)}`);
    if (!res.confident) {
        lines.push(
            lang === 'zh'
                ? '没有找到可靠匹配的内容。下列结果相关性较低，请勿当作答案；可换个说法，或用 match_financing_products 按企业情况匹配。'
                : 'Nothing in the knowledge matches this well. The results below are weak; do not present them as the answer. Rephrase, or use match_financing_products with the firm profile.',
        );
    }
    res.results.forEach((h, i) => lines.push('', ...hitLines(h, i + 1, lang)));
    if (res.results.length === 0) lines.push('', lang === 'zh' ? '（无结果）' : '(no results)');
    return lines.join('\n');
}

function hitLines(h: SearchHit, n: number, lang: Lang): string[] {
    const expired = h.expired ? t(UI.expired, lang) : '';
    return [
        `### ${n}. ${t(h.title, lang)} (\`${h.id}\`, ${kindLabel(h.kind, lang)})${expired}`,
        t(h.summary, lang),
        ...(h.snippet ? [`> ${h.snippet.replace(/\n+/g, ' ')}`] : []),
        ...(h.contacts.length ? [`${t(UI.contacts, lang)}: ${h.contacts.map((c) => `\`${c}\``).join(', ')}`] : []),
        ...sourcesBlock(h.sources.slice(0, HIT_SOURCES), lang),
        ...(h.sources.length > HIT_SOURCES ? [lang === 'zh' ? `- ……另有 ${h.sources.length - HIT_SOURCES} 个来源，见 get_financing_product` : `- …and ${h.sources.length - HIT_SOURCES} more, see get_financing_product`] : []),
    ];
}

// ---- match_financing_products -------------------------------------------------

function checkOut(c: ConditionCheck, lang: Lang) {
    const note = standingNote(c);
    return {
        status: c.status,
        ...(c.field ? { field: c.field } : {}),
        text: t(c.text, lang) + (note ? t(note, lang) : ''),
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
        })),
    };
}

export function matchText(res: MatchResponse, lang: Lang): string {
    const lines = [lang === 'zh' ? `## 产品匹配（${res.matches.length} 个）` : `## Product match (${res.matches.length})`];
    if (res.understood.length) {
        lines.push(lang === 'zh' ? '从描述中理解到（如有误请更正）：' : 'Read from the description (correct it if wrong):', ...res.understood.map((u) => `- ${t(u.text, lang)}`));
    }
    res.matches.forEach((m, i) => lines.push('', ...matchLines(m, i + 1, lang)));
    if (res.matches.length === 0) lines.push('', lang === 'zh' ? '知识库中没有可匹配的产品。' : 'The knowledge holds no product to rate.');
    return lines.join('\n');
}

function matchLines(m: ProductMatch, n: number, lang: Lang): string[] {
    const mark = { met: '✓', unmet: '✗', unknown: '?' } as const;
    const check = (c: ConditionCheck) => `- ${mark[c.status]} ${t(c.text, lang)}${t(standingNote(c) ?? { zh: '', en: '' }, lang)}${cite(c.sources)}`;
    return [
        `### ${n}. ${t(m.name, lang)} (\`${m.id}\`) — ${RATING_MARK[m.eligibility]} ${t(ELIGIBILITY.labels[m.eligibility], lang)}${m.expired ? t(UI.expired, lang) : ''}`,
        t(m.summary, lang),
        ...(m.amount ? [`- ${t(UI.amount, lang)}: ${t(m.amount, lang)}`] : []),
        ...(m.term ? [`- ${t(UI.term, lang)}: ${t(m.term, lang)}`] : []),
        ...(m.reasons.length ? [`**${t(UI.reasons, lang)}**`, ...m.reasons.map(check)] : []),
        ...(m.missing.length ? [`**${t(UI.missing, lang)}**`, ...m.missing.map(check)] : []),
        ...(m.apply ? [`- ${t(UI.howToApply, lang)}: ${t(m.apply.text, lang)}${t(standingNote(m.apply) ?? { zh: '', en: '' }, lang)}${cite(m.apply.sources)}`] : []),
        ...(m.contacts.length ? [`**${t(UI.contacts, lang)}**`, ...m.contacts.map((c) => contactSummaryLine(c, lang))] : []),
        ...sourcesBlock(m.sources, lang),
    ];
}

function contactSummaryLine(c: ContactSummary, lang: Lang): string {
    const phones = c.phones.map((p) => (p.label ? `${p.value}（${t(p.label, lang)}）` : p.value)).join(', ');
    const parts = [phones ? `${t(UI.phone, lang)} ${phones}` : t(UI.noPhone, lang), c.address && `${t(UI.address, lang)} ${c.address}`, c.website].filter(Boolean);
    return `- ${t(c.name, lang)} (\`${c.id}\`): ${parts.join('; ')}`;
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
            expired: p.expired,
            uri: itemUri(p),
        })),
    };
}

export function listText(products: readonly ProductItem[], lang: Lang): string {
    const head = lang === 'zh' ? `## 产品与平台（${products.length} 项）` : `## Products and platforms (${products.length})`;
    const rows = products.map((p) => {
        const needs = p.needs.map((n) => label(NEEDS.labels, n, lang)).join(lang === 'zh' ? '、' : ', ');
        const name = lang === 'zh' ? p.name : `${p.name_en} (${p.name})`;
        return `- **${name}** (\`${p.id}\`, ${kindLabel(p.kind, lang)})${p.expired ? t(UI.expired, lang) : ''}: ${t(p.summary, lang)}${needs ? ` — ${needs}` : ''}`;
    });
    const empty = lang === 'zh' ? '没有符合这些条件的产品；去掉一个条件再试。' : 'No product fits these filters; drop one and try again.';
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
    const head = lang === 'zh' ? `## 联系机构（${orgs.length} 个）` : `## Organizations to contact (${orgs.length})`;
    const none = lang === 'zh' ? '没有找到对应的机构。' : 'No organization found.';
    const entry = (o: OrganizationItem) => {
        const name = lang === 'zh' ? `${o.name}（${o.name_en}）` : `${o.name_en} (${o.name})`;
        return ['', `### ${name} (\`${o.id}\`)`, ...organizationDetails(o, lang), ...sourcesBlock(o.sources, lang)];
    };
    return [head, ...(orgs.length ? orgs.flatMap(entry) : [none])].join('\n');
}

/** Role and every contact detail, each with its source keys. */
function organizationDetails(o: OrganizationItem, lang: Lang): string[] {
    const value = (what: Localized, v: SourcedValue) => `- ${t(what, lang)}: ${v.value}${v.label ? ` (${t(v.label, lang)})` : ''}${cite(v.sources)}`;
    return [
        `- ${t(UI.role, lang)}: ${t(o.role, lang)}`,
        ...(o.phones.length ? o.phones.map((p) => value(UI.phone, p)) : [`- ${t(UI.phone, lang)}: ${t(UI.noPhone, lang)}`]),
        ...(o.address ? [value(UI.address, o.address)] : []),
        ...(o.postcode ? [value(UI.postcode, o.postcode)] : []),
        ...(o.website ? [value(UI.website, o.website)] : []),
        ...(o.hours ? [value(UI.hours, o.hours)] : []),
    ];
}

// ---- get_financing_product: the whole card ----------------------------------------

export function cardStructured(item: KnowledgeItem) {
    return { ...structuredClone(item), uri: itemUri(item) } as Record<string, unknown>;
}

const SECTION = {
    eligibility: { zh: '适用对象', en: 'Who can apply' },
    terms: { zh: '条款', en: 'Terms' },
    apply: { zh: '申请方式', en: 'How to apply' },
    facts: { zh: '要点', en: 'Facts' },
    notes: { zh: '说明', en: 'Notes' },
    details: { zh: '详细介绍', en: 'Details' },
    contacts: { zh: '联系机构', en: 'Contacts' },
    contactDetails: { zh: '联系方式', en: 'Contact details' },
    document: { zh: '文件信息', en: 'Document' },
} as const;

type Section = readonly [Localized, readonly string[]];

/** The card as Markdown: every fact with its source keys, the sources listed at the end. */
export function cardText(item: KnowledgeItem, lang: Lang, lookup: Lookup): string {
    const title = lang === 'zh' ? `${item.name}（${item.name_en}）` : `${item.name_en} (${item.name})`;
    const meta = [kindLabel(item.kind, lang), `${lang === 'zh' ? '最近核实' : 'last verified'} ${item.last_verified}`];
    if (item.valid_until) meta.push(`${lang === 'zh' ? '有效至' : 'valid until'} ${item.valid_until}`);
    const facts = (list: readonly Fact[]) => list.map((f) => `- ${fact(f, lang)}`);
    const contacts = (ids: readonly string[]) => ids.map((id) => contactLine(id, lookup, lang));
    const body = bodyIn(item.body, lang);
    const sections: Section[] = [
        ...kindSections(item, lang, facts, contacts),
        [SECTION.notes, facts(item.notes)],
        // The body's own headings go one level below this section's.
        [SECTION.details, body ? [body.replace(/^(#{1,5}) /gm, '#$1 ')] : []],
    ];
    return [
        `# ${title} (\`${item.id}\`)${item.expired ? t(UI.expired, lang) : ''}`,
        meta.join(' · '),
        '',
        t(item.summary, lang),
        ...sections.filter(([, lines]) => lines.length > 0).flatMap(([name, lines]) => ['', `## ${t(name, lang)}`, ...lines]),
        ...(item.sources.length ? ['', ...sourcesBlock(item.sources, lang)] : []),
    ].join('\n');
}

function kindSections(item: KnowledgeItem, lang: Lang, facts: (f: readonly Fact[]) => string[], contacts: (ids: readonly string[]) => string[]): Section[] {
    if (item.kind === 'organization') {
        const o = item as OrganizationItem;
        return [
            [SECTION.contactDetails, organizationDetails(o, lang)],
            [SECTION.facts, facts(o.facts)],
        ];
    }
    if (item.kind === 'policy' || item.kind === 'document') {
        const p = item as PolicyItem;
        return [
            [SECTION.document, policyMeta(p, lang)],
            [SECTION.facts, facts(p.facts)],
            [SECTION.contacts, contacts(p.contacts)],
        ];
    }
    const p = item as ProductItem;
    return [
        [SECTION.eligibility, p.eligibility ? eligibilityLines(p.eligibility, lang) : []],
        [SECTION.terms, p.terms ? termsLines(p.terms, lang) : []],
        [SECTION.apply, facts(p.how_to_apply)],
        [SECTION.facts, facts(p.facts)],
        [SECTION.contacts, contacts(p.contacts)],
    ];
}

function policyMeta(p: PolicyItem, lang: Lang): string[] {
    return [
        ...(p.doc_number ? [`- ${lang === 'zh' ? '文号' : 'Document number'}: ${p.doc_number}`] : []),
        ...(p.issuer ? [`- ${lang === 'zh' ? '发文机关' : 'Issuer'}: ${p.issuer}`] : []),
        ...(p.date ? [`- ${lang === 'zh' ? '日期' : 'Date'}: ${p.date}`] : []),
    ];
}

function eligibilityLines(e: Eligibility, lang: Lang): string[] {
    const sep = lang === 'zh' ? '、' : ', ';
    const list = (labels: Record<string, Localized>, words: readonly string[] | undefined) => words?.map((w) => label(labels, w, lang)).join(sep);
    const row = (zh: string, en: string, value: string | undefined) => (value ? [`- ${lang === 'zh' ? zh : en}: ${value}`] : []);
    const yesNo = e.requires_ip === undefined ? undefined : e.requires_ip ? (lang === 'zh' ? '需要' : 'required') : lang === 'zh' ? '不需要' : 'not required';
    return [
        ...row('发展阶段', 'Stages', list(STAGES.labels, e.stages)),
        ...row('企业规模', 'Sizes', list(SIZES.labels, e.sizes)),
        ...row('需具备其一', 'Needs one of', list(QUALIFICATIONS.labels, e.qualifications_any)),
        ...row('需全部具备', 'Needs all of', list(QUALIFICATIONS.labels, e.qualifications_all)),
        ...row('优先', 'Preferred', list(QUALIFICATIONS.labels, e.qualifications_preferred)),
        ...row('年营业收入', 'Annual revenue', wanRange(e.revenue_wan, WAN, lang)),
        ...row('知识产权', 'Intellectual property', yesNo),
        ...e.conditions.map((f) => `- ${fact(f, lang)}`),
        `- ${t(UI.sources, lang)}:${cite(e.sources)}`,
    ];
}

function termsLines(terms: Terms, lang: Lang): string[] {
    const named: [Localized, Fact | undefined][] = [
        [UI.amount, terms.amount],
        [UI.term, terms.term],
        [{ zh: '利率', en: 'Rate' }, terms.rate],
        [{ zh: '费用', en: 'Fees' }, terms.fees],
        [{ zh: '补贴', en: 'Subsidy' }, terms.subsidy],
        [{ zh: '风险分担', en: 'Risk sharing' }, terms.risk_sharing],
    ];
    const amount = wanRange(terms.amount_wan, WAN, lang);
    const months = wanRange(terms.term_months, MONTHS, lang);
    return [
        ...(amount ? [`- ${t(UI.amount, lang)}: ${amount}`] : []),
        ...(months ? [`- ${t(UI.term, lang)}: ${months}`] : []),
        ...named.filter((n): n is [Localized, Fact] => n[1] !== undefined).map(([name, f]) => `- ${t(name, lang)}: ${fact(f, lang)}`),
        ...terms.partner_banks.map((f) => `- ${lang === 'zh' ? '合作银行' : 'Partner bank'}: ${fact(f, lang)}`),
    ];
}

function contactLine(id: string, lookup: Lookup, lang: Lang): string {
    const org = lookup(id);
    if (org?.kind !== 'organization') return `- \`${id}\``;
    const o = org as OrganizationItem;
    const phones = o.phones.map((p) => `${p.value}${cite(p.sources)}`).join(', ');
    const parts = [phones ? `${t(UI.phone, lang)} ${phones}` : t(UI.noPhone, lang), o.website && `${o.website.value}${cite(o.website.sources)}`].filter(Boolean);
    return `- ${lang === 'zh' ? o.name : o.name_en} (\`${o.id}\`): ${parts.join('; ')}`;
}

/** The part of a card's Markdown body in `lang`: cards keep English under a `## English` heading. */
function bodyIn(body: string, lang: Lang): string {
    const at = body.search(/^##\s+English\s*$/m);
    if (at < 0) return body.trim();
    return (lang === 'en' ? body.slice(at).replace(/^##\s+English\s*\n/, '') : body.slice(0, at)).trim();
}

// ---- errors --------------------------------------------------------------------

export function notFoundText(id: string, suggestions: readonly string[], lang: Lang): string {
    const closest = suggestions.map((s) => `"${s}"`).join(', ');
    if (lang === 'zh') {
        return `没有 id 为 "${id}" 的条目。${closest ? `最接近的 id：${closest}。` : ''}可用 search_financing_knowledge 或 list_financing_products 查到正确的 id。`;
    }
    return `No item with id "${id}".${closest ? ` Closest ids: ${closest}.` : ''} Use search_financing_knowledge or list_financing_products to find the right id.`;
}
