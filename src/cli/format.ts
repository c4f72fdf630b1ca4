/**
 * Plain text for the terminal: the core's presented answer, match result and
 * card (core/present), every line with its source keys. Only layout here.
 */
import type { Answer } from '../core/answer/answer.ts';
import type { KnowledgeItem, Source } from '../core/knowledge/schema.ts';
import type { MatchResponse } from '../core/match/types.ts';
import {
    CHECK_MARK,
    labelOf,
    presentAnswer,
    presentCard,
    presentHit,
    presentMatch,
    type ItemLookup,
    type Line,
    type Section,
} from '../core/present/index.ts';
import type { Lang } from '../core/vocabulary.ts';

export function formatSource(s: Source): string {
    return [s.title, s.ref, s.date, s.url].filter(Boolean).join(' · ');
}

function keys(l: Line): string {
    return l.sources.length ? ` [${l.sources.join(', ')}]` : '';
}

/** One line: a check's mark, the label, the text with its standing and its source keys. */
export function lineText(l: Line): string {
    if (l.kind === 'contact') return `${[l.label, l.text, l.address, l.url].filter(Boolean).join(' ')}${keys(l)}`;
    const mark = l.check ? `${CHECK_MARK[l.check]} ` : '';
    return `${mark}${l.label ? `${l.label}: ` : ''}${l.text}${l.note}${keys(l)}`;
}

/** A section indented under its item: checks on one line, other lines one by one. */
function sectionText(s: Section): string[] {
    if (s.key === 'reasons' || s.key === 'missing') return [`   ${s.title}: ${s.lines.map(lineText).join('; ')}`];
    if (s.key === 'contacts') return s.lines.map((l) => `   ${s.title}: ${lineText(l)}`);
    return s.lines.map((l) => `   ${lineText(l)}`);
}

/** The answer first (with the sources of its facts and whom to ask), then the ranked results with their matched passages. */
export function formatAnswer(a: Answer, lang: Lang, contactName: (id: string) => string = (id) => id): string {
    const p = presentAnswer(a, lang);
    const out: string[] = [];
    if (p.notice) out.push(p.notice);
    out.push(p.text);
    if (p.comparison) {
        const [left, right] = p.comparison.items;
        for (const row of p.comparison.rows)
            out.push(`   ${row.label}:`, `     ${left.title}: ${row.left.text}`, `     ${right.title}: ${row.right.text}`);
    }
    for (const s of p.sources) out.push(`   ${labelOf('source', lang)}: ${formatSource(s)}`);
    if (p.contacts.length && a.status !== 'unknown') out.push(`   ${labelOf('contact', lang)}: ${p.contacts.map(lineText).join(', ')}`);
    if (a.search.results.length === 0) return out.join('\n') + '\n';
    out.push('');
    if (!p.confident) out.push(labelOf('weakResults', lang));
    a.search.results.forEach((hit, i) => {
        const h = presentHit(hit, lang, { contactName });
        out.push(`${i + 1}. ${h.title} [${h.kindLabel}] (${h.id})`);
        for (const l of h.lines) out.push(`   ${l.text}${l.note}`);
        if (h.contacts.length) out.push(`   ${labelOf('contact', lang)}: ${h.contacts.map((c) => c.label).join(', ')}`);
    });
    return out.join('\n') + '\n';
}

export function formatMatch(r: MatchResponse, lang: Lang): string {
    const out: string[] = [];
    if (r.understood.length) out.push(`${labelOf('understood', lang)}: ${r.understood.map((u) => u.text[lang]).join('; ')}`, '');
    r.matches.forEach((m, i) => {
        const p = presentMatch(m, lang);
        out.push(`${i + 1}. ${p.title} (${p.id}) — ${p.rating.label}${p.expired ? labelOf('expired', lang) : ''}`, `   ${p.summary}`);
        for (const s of p.sections) out.push(...sectionText(s));
        for (const s of p.sources) out.push(`   [${s.key}] ${formatSource(s)}`);
    });
    return out.join('\n') + '\n';
}

/** A whole card: every section of the presenter, every line with its source keys, the sources at the end. */
export function formatCard(item: KnowledgeItem, lang: Lang, lookup?: ItemLookup): string {
    const p = presentCard(item, lang, lookup ? { lookup } : {});
    const out = [`${p.title} [${p.kindLabel}] (${p.id})${p.expired ? labelOf('expired', lang) : ''}`, p.summary];
    for (const s of p.sections) out.push('', `${s.title}:`, ...s.lines.map((l) => `   ${lineText(l)}`));
    if (p.sources.length) out.push('', `${labelOf('sources', lang)}:`, ...p.sources.map((s) => `   [${s.key}] ${formatSource(s)}`));
    out.push('', p.meta.map(lineText).join(' · '));
    return out.join('\n') + '\n';
}
