/** Plain-text rendering for the terminal: every fact with its source. */
import type { Source } from '../core/knowledge/schema.ts';
import { standingNote } from '../core/match/standing.ts';
import type { ConditionCheck, MatchResponse } from '../core/match/types.ts';
import type { SearchResponse } from '../core/search/types.ts';
import { ELIGIBILITY, KINDS, label, type Lang } from '../core/vocabulary.ts';

const T = {
    noResults: { zh: '没有找到可靠的答案。可以换个说法，或用 kejin match 按企业情况匹配。', en: 'No reliable answer found. Try other words, or use kejin match with your firm profile.' },
    notConfident: { zh: '（匹配度不高，以下结果仅供参考）', en: '(weak match: the results below may not answer the question)' },
    sources: { zh: '来源', en: 'Sources' },
    contacts: { zh: '联系', en: 'Contact' },
    understood: { zh: '从问题中理解到', en: 'Understood from the question' },
    why: { zh: '符合', en: 'Fits' },
    missing: { zh: '待确认/不符合', en: 'Unmet or to confirm' },
    apply: { zh: '申请渠道', en: 'Where to apply' },
    noPhone: { zh: '来源未公布电话', en: 'no phone published in the sources' },
    amount: { zh: '额度', en: 'Amount' },
    term: { zh: '期限', en: 'Term' },
} as const;

export function formatSource(s: Source): string {
    return [s.title, s.ref, s.date, s.url].filter(Boolean).join(' · ');
}

/** `contactName` turns an organization id into the name to print (the id itself when unknown). */
export function formatSearch(r: SearchResponse, lang: Lang, contactName: (id: string) => string = (id) => id): string {
    const out: string[] = [];
    if (r.notice) out.push(r.notice[lang]);
    if (r.results.length === 0) return [...out, T.noResults[lang]].join('\n') + '\n';
    if (!r.confident) out.push(T.notConfident[lang]);
    r.results.forEach((hit, i) => {
        out.push(`${i + 1}. ${hit.title[lang]} [${label(KINDS.labels, hit.kind, lang)}] (${hit.id})`);
        out.push(`   ${hit.snippet}`);
        if (hit.contacts.length) out.push(`   ${T.contacts[lang]}: ${hit.contacts.map(contactName).join(', ')}`);
        for (const s of hit.sources) out.push(`   ${T.sources[lang]}: ${formatSource(s)}`);
    });
    return out.join('\n') + '\n';
}

/** A text with the flag of its sources' standing and their keys. */
function sourced(c: Pick<ConditionCheck, 'text' | 'sources' | 'sourceStatus' | 'sourceDate'>, lang: Lang): string {
    return `${c.text[lang]}${standingNote(c)?.[lang] ?? ''}${c.sources.length ? ` [${c.sources.join(', ')}]` : ''}`;
}

function check(c: ConditionCheck, lang: Lang): string {
    const mark = c.status === 'met' ? '✓' : c.status === 'unmet' ? '✗' : '?';
    return `${mark} ${sourced(c, lang)}`;
}

export function formatMatch(r: MatchResponse, lang: Lang): string {
    const out: string[] = [];
    if (r.understood.length) out.push(`${T.understood[lang]}: ${r.understood.map((u) => u.text[lang]).join('; ')}`, '');
    r.matches.forEach((m, i) => {
        out.push(`${i + 1}. ${m.name[lang]} (${m.id}) — ${ELIGIBILITY.labels[m.eligibility][lang]}`);
        out.push(`   ${m.summary[lang]}`);
        if (m.reasons.length) out.push(`   ${T.why[lang]}: ${m.reasons.map((c) => check(c, lang)).join('; ')}`);
        if (m.missing.length) out.push(`   ${T.missing[lang]}: ${m.missing.map((c) => check(c, lang)).join('; ')}`);
        if (m.apply) out.push(`   ${T.apply[lang]}: ${sourced(m.apply, lang)}`);
        if (m.amount) out.push(`   ${T.amount[lang]}: ${m.amount[lang]}`);
        if (m.term) out.push(`   ${T.term[lang]}: ${m.term[lang]}`);
        for (const c of m.contacts) {
            const phones = c.phones.map((p) => (p.label ? `${p.value} (${p.label[lang]})` : p.value)).join(', ');
            out.push(`   ${T.contacts[lang]}: ${c.name[lang]} ${phones || `(${T.noPhone[lang]})`}${c.website ? ` ${c.website}` : ''}`);
        }
        for (const s of m.sources) out.push(`   [${s.key}] ${formatSource(s)}`);
    });
    return out.join('\n') + '\n';
}
