/** The small builders every presenter makes its lines with. */
import type { Fact, KnowledgeItem, Source, SourcedValue } from '../knowledge/schema.ts';
import { KINDS, label, type Lang, type Localized } from '../vocabulary.ts';
import { aside, labelOf, listJoin, type LabelKey } from '../words/labels.ts';
import type { Line, LineStatus, Section, SectionKey } from './types.ts';

/** The words that flag a line's standing, '' for a current one. */
export function statusNote(status: LineStatus | 'current' | undefined, lang: Lang): string {
    return status === 'unconfirmed' || status === 'outdated' ? labelOf(status, lang) : '';
}

/** A phone number with what the source gives it for: "23116237（联系人电话）" / "23116237 (contact person)". */
export function phoneText(value: string, label: Localized | undefined, lang: Lang): string {
    return label ? `${value}${aside(label[lang], lang)}` : value;
}

/** A card statement, optionally under a field label. */
export function factLine(f: Fact, lang: Lang, field?: LabelKey): Line {
    return {
        kind: 'fact',
        ...(field ? { label: labelOf(field, lang) } : {}),
        text: f[lang],
        sources: [...f.sources],
        ...(f.status ? { status: f.status } : {}),
        note: statusNote(f.status, lang),
    };
}

/** A plain value, labelled unless `field` is undefined, with the sources and standing given for it. */
export function valueLine(field: LabelKey | undefined, text: string, lang: Lang, sources: readonly string[] = [], status?: LineStatus): Line {
    return {
        kind: 'text',
        ...(field ? { label: labelOf(field, lang) } : {}),
        text,
        sources: [...sources],
        ...(status ? { status } : {}),
        note: statusNote(status, lang),
    };
}

/** A contact detail of an organization (a phone under its own label where the source gives one). */
export function sourcedLine(field: LabelKey, v: SourcedValue, lang: Lang, kind: Line['kind'] = 'contact'): Line {
    return {
        kind,
        label: v.label ? v.label[lang] : labelOf(field, lang),
        text: v.value,
        sources: [...v.sources],
        note: '',
        ...(kind === 'link' ? { url: v.value } : {}),
    };
}

export function section(key: SectionKey, lang: Lang, lines: readonly Line[], title: LabelKey = key as LabelKey): Section[] {
    return lines.length > 0 ? [{ key, title: labelOf(title, lang), lines }] : [];
}

/** The section of a presented item with this key, if it has lines. */
export function sectionOf(p: { readonly sections: readonly Section[] }, key: SectionKey): Section | undefined {
    return p.sections.find((s) => s.key === key);
}

/** An item's display name: the Chinese name, with the English one first in en. */
export function displayName(item: Pick<KnowledgeItem, 'name' | 'name_en'>, lang: Lang): string {
    return lang === 'zh' ? item.name : `${item.name_en} (${item.name})`;
}

/** The short name an item goes by in a list: Chinese in zh, English in en. */
export function shortName(item: Pick<KnowledgeItem, 'name' | 'name_en'>, lang: Lang): string {
    return lang === 'zh' ? item.name : item.name_en;
}

export function kindLabel(kind: KnowledgeItem['kind'], lang: Lang): string {
    return label(KINDS.labels, kind, lang);
}

/** Values of a vocabulary as one list in the language's separator. */
export function vocabularyList(values: readonly string[] | undefined, labels: Record<string, Localized>, lang: Lang): string {
    return listJoin(
        lang,
        (values ?? []).map((v) => label(labels, v, lang)),
    );
}

/** The sources a set of lines cites, in the card's order; `fallback` (the card's first) when they cite none. */
export function citedSources(lines: readonly Pick<Line, 'sources'>[], card: readonly Source[], fallback = false): Source[] {
    const keys = new Set(lines.flatMap((l) => l.sources));
    const cited = card.filter((s) => keys.has(s.key));
    return cited.length > 0 || !fallback ? cited : card.slice(0, 1);
}
