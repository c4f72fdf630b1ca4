/**
 * A whole card as sections of lines. A new card field is shown by every
 * front once it has a line here (and a label in labels.ts).
 */
import { nextStepOf } from '../knowledge/application.ts';
import {
    isExpired,
    type Eligibility,
    type KnowledgeItem,
    type OrganizationItem,
    type PolicyItem,
    type ProductItem,
    type Source,
    type StructuredCondition,
    type Terms,
} from '../knowledge/schema.ts';
import { QUALIFICATIONS, SIZES, STAGES, type Lang, type Localized } from '../vocabulary.ts';
import { labelOf, type LabelKey } from '../words/labels.ts';
import { displayName, factLine, phoneText, kindLabel, section, shortName, sourcedLine, valueLine, vocabularyList } from './lines.ts';
import type { Line, PresentedCard, Section } from './types.ts';
import { nextStepLines } from './next-step.ts';
import { monthsRange, wanRange } from '../words/units.ts';

/** Finds another card by id (a contact organization); the caller passes its snapshot's lookup. */
export type ItemLookup = (id: string) => KnowledgeItem | undefined;

export interface PresentCardOptions {
    /** Resolves the card's contact organizations to their names and phones. Default: ids only. */
    readonly lookup?: ItemLookup;
    /** The day an application window (open, closed…) and `valid_until` are judged on. Default: now. */
    readonly now?: Date;
}

export function presentCard(item: KnowledgeItem, lang: Lang, options: PresentCardOptions = {}): PresentedCard {
    const meta = [
        valueLine('lastVerified', item.last_verified, lang),
        ...(item.valid_until ? [valueLine('validUntil', item.valid_until, lang)] : []),
    ];
    const facts = (key: 'facts' | 'notes' | 'howToApply', list: readonly Parameters<typeof factLine>[0][]) =>
        section(
            key,
            lang,
            list.map((f) => factLine(f, lang)),
        );
    const cited = citedSources(item);
    const contacts = (ids: readonly string[]) =>
        section(
            'contacts',
            lang,
            ids.map((id) => cited.adopt(contactLine(id, options.lookup, lang), options.lookup)),
        );
    const sections: Section[] = [];
    const step = nextStepOf(item, options.now ?? new Date());
    const next = section('nextStep', lang, step ? nextStepLines(step, lang) : []);
    if (item.kind === 'organization') {
        sections.push(...section('contactDetails', lang, organizationLines(item, lang)), ...facts('facts', item.facts));
    } else if (item.kind === 'policy' || item.kind === 'document') {
        sections.push(...section('document', lang, documentLines(item, lang)), ...next, ...facts('facts', item.facts), ...contacts(item.contacts));
    } else {
        const p = item as ProductItem;
        sections.push(
            ...section('eligibility', lang, p.eligibility ? eligibilityLines(p.eligibility, lang) : []),
            ...section('terms', lang, p.terms ? termLines(p.terms, lang) : []),
            ...facts('howToApply', p.how_to_apply),
            ...next,
            ...facts('facts', p.facts),
            ...contacts(p.contacts),
        );
    }
    sections.push(...facts('notes', item.notes));
    return {
        id: item.id,
        kind: item.kind,
        title: displayName(item, lang),
        kindLabel: kindLabel(item.kind, lang),
        expired: isExpired(item, options.now ?? new Date()),
        summary: item.summary[lang],
        meta,
        sections,
        details: bodyIn(item.body, lang),
        sources: cited.sources,
    };
}

/**
 * The card's sources, and those of other cards its lines quote: a contact
 * line gives the organization's phones with the organization's source keys
 * (S35 of stcsm), and a key must resolve on the card that shows it. An
 * adopted source keeps its key unless the card uses that key for another
 * source; then it is cited as `<organization id>:<key>`.
 */
function citedSources(item: KnowledgeItem) {
    const sources: Source[] = [...item.sources];
    const same = (a: Source, b: Source) => a.title === b.title && a.url === b.url && a.ref === b.ref && a.date === b.date;
    const keyFor = (from: KnowledgeItem, source: Source): string => {
        const held = sources.find((s) => s.key === source.key);
        if (held && same(held, source)) return held.key;
        const key = held ? `${from.id}:${source.key}` : source.key;
        if (!sources.some((s) => s.key === key)) sources.push({ ...source, key });
        return key;
    };
    return {
        sources,
        adopt(line: Line, lookup: ItemLookup | undefined): Line {
            const from = line.ref === undefined ? undefined : lookup?.(line.ref);
            if (!from || line.sources.length === 0) return line;
            const keys = line.sources.flatMap((k) => {
                const source = from.sources.find((s) => s.key === k);
                return source ? [keyFor(from, source)] : [];
            });
            return { ...line, sources: [...new Set(keys)] };
        },
    };
}

/** Role and every contact detail of an organization, each with its own sources. */
export function organizationLines(o: OrganizationItem, lang: Lang): Line[] {
    const main = o.sources[0] ? [o.sources[0].key] : [];
    return [
        valueLine('role', o.role[lang], lang, main),
        ...(o.phones.length > 0
            ? o.phones.map((p) => sourcedLine('phone', p, lang))
            : [{ kind: 'contact' as const, label: labelOf('phone', lang), text: labelOf('noPhone', lang), sources: [], note: '' }]),
        ...(o.address ? [sourcedLine('address', o.address, lang)] : []),
        ...(o.postcode ? [sourcedLine('postcode', o.postcode, lang)] : []),
        ...(o.website ? [sourcedLine('website', o.website, lang, 'link')] : []),
        ...(o.hours ? [sourcedLine('hours', o.hours, lang)] : []),
    ];
}

function documentLines(p: PolicyItem, lang: Lang): Line[] {
    return [
        ...(p.doc_number ? [valueLine('docNumber', p.doc_number, lang)] : []),
        ...(p.issuer ? [valueLine('issuer', p.issuer, lang)] : []),
        ...(p.date ? [valueLine('date', p.date, lang)] : []),
    ];
}

/** Each structured condition under its label with its own basis, then the free-text conditions. */
function eligibilityLines(e: Eligibility, lang: Lang): Line[] {
    const lines: Line[] = [];
    const add = (condition: StructuredCondition, field: LabelKey, text: string | undefined) => {
        if (!text) return;
        const basis = e.basis?.[condition];
        lines.push(valueLine(field, text, lang, basis?.sources ?? e.sources, basis?.status));
    };
    const list = (values: readonly string[] | undefined, labels: Record<string, Localized>) => vocabularyList(values, labels, lang);
    add('stages', 'stages', list(e.stages, STAGES.labels));
    add('qualifications_any', 'qualificationsAny', list(e.qualifications_any, QUALIFICATIONS.labels));
    add('qualifications_all', 'qualificationsAll', list(e.qualifications_all, QUALIFICATIONS.labels));
    add('qualifications_preferred', 'qualificationsPreferred', list(e.qualifications_preferred, QUALIFICATIONS.labels));
    add('sizes', 'sizes', list(e.sizes, SIZES.labels));
    add('revenue_wan', 'revenue', wanRange(e.revenue_wan, lang));
    if (e.requires_ip !== undefined) {
        const basis = e.basis?.requires_ip;
        const text = labelOf(e.requires_ip ? 'requiresIp' : 'noIpRequired', lang);
        lines.push(valueLine(undefined, text, lang, basis?.sources ?? e.sources, basis?.status));
    }
    return [...lines, ...e.conditions.map((c) => factLine(c, lang))];
}

/** Amount and term (the stated fact, else the range), then each named term, then each partner bank. */
function termLines(terms: Terms, lang: Lang): Line[] {
    const lines: Line[] = [];
    const amount = wanRange(terms.amount_wan, lang);
    const months = monthsRange(terms.term_months, lang);
    if (terms.amount) lines.push(factLine(terms.amount, lang, 'amount'));
    else if (amount) lines.push(valueLine('amount', amount, lang));
    if (terms.term) lines.push(factLine(terms.term, lang, 'term'));
    else if (months) lines.push(valueLine('term', months, lang));
    const named: [LabelKey, Terms['rate']][] = [
        ['rate', terms.rate],
        ['fees', terms.fees],
        ['subsidy', terms.subsidy],
        ['riskSharing', terms.risk_sharing],
    ];
    for (const [field, f] of named) if (f) lines.push(factLine(f, lang, field));
    for (const f of terms.partner_banks) lines.push(factLine(f, lang, 'partnerBanks'));
    return lines;
}

/** A contact organization: its name, phones (or that the sources give none) and website. */
function contactLine(id: string, lookup: PresentCardOptions['lookup'], lang: Lang): Line {
    const org = lookup?.(id);
    if (org?.kind !== 'organization') return { kind: 'contact', label: id, text: '', sources: [], note: '', ref: id };
    return contactOf(org, lang);
}

/** An organization as one contact line. */
export function contactOf(o: OrganizationItem, lang: Lang): Line {
    const phones = o.phones.map((p) => phoneText(p.value, p.label, lang));
    return {
        kind: 'contact',
        label: shortName(o, lang),
        text: phones.length > 0 ? phones.join(', ') : labelOf('noPhone', lang),
        sources: [...new Set([...o.phones.flatMap((p) => p.sources), ...(o.website?.sources ?? [])])],
        note: '',
        ref: o.id,
        phones,
        ...(o.website ? { url: o.website.value } : {}),
        ...(o.address ? { address: o.address.value } : {}),
    };
}

/** The part of a card's Markdown body in `lang`: cards keep English under a `## English` heading. */
function bodyIn(body: string, lang: Lang): string {
    const at = body.search(/^##\s+English\s*$/m);
    if (at < 0) return body.trim();
    return (lang === 'en' ? body.slice(at).replace(/^##\s+English\s*\n/, '') : body.slice(0, at)).trim();
}
