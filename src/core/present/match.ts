/**
 * A match result: the rating named once, why it fits, what is missing, terms, where to apply, what to do next, whom to call.
 * Every word of a match comes from core/words/match.ts: the rating, the headings, each condition worded from what the
 * matcher found (`conditionText`) and the standing of its sources; the field labels it shares with a card (额度, 申请方式)
 * from words/labels.ts, as a card's.
 */
import { conditionText, RATING_MARK, ratingLabel, standingNote } from '../words/match.ts';
import type { ConditionCheck, ContactSummary, ProductMatch, SourcedText } from '../match/types.ts';
import type { Lang } from '../vocabulary.ts';
import { labelOf } from '../words/labels.ts';
import { phoneText, section, valueLine } from './lines.ts';
import { nextStepLines } from './next-step.ts';
import type { Line, PresentedMatch } from './types.ts';

/** A condition or channel with the standing of its sources and their date ("（未经确认，来源日期 2011-05-01）"). */
function sourcedText(c: SourcedText, lang: Lang): Pick<Line, 'text' | 'sources' | 'status' | 'note'> {
    return {
        text: c.text[lang],
        sources: [...c.sources],
        ...(c.sourceStatus !== 'current' ? { status: c.sourceStatus } : {}),
        note: standingNote(c)?.[lang] ?? '',
    };
}

export function checkLine(c: ConditionCheck, lang: Lang): Line {
    return { kind: 'check', check: c.status, ...sourcedText({ ...c, text: conditionText(c) }, lang) };
}

export function contactSummaryLine(c: ContactSummary, lang: Lang): Line {
    const phones = c.phones.map((p) => phoneText(p.value, p.label, lang));
    return {
        kind: 'contact',
        label: c.name[lang],
        text: phones.length > 0 ? phones.join(', ') : labelOf('noPhone', lang),
        sources: [],
        note: '',
        ref: c.id,
        phones,
        ...(c.website ? { url: c.website } : {}),
        ...(c.address ? { address: c.address } : {}),
    };
}

/**
 * What the firm told contradicts comes first among what is unmet or to confirm: a condition not met, then one the
 * profile differs from though its source is not current, then what is merely unknown ("annual revenue 200–1000万元 —
 * your profile differs" before "for firms at the start-up stage", of which the firm said nothing).
 */
const contradicted = (c: ConditionCheck) => (c.status === 'unmet' ? 0 : c.differs ? 1 : 2);

export function presentMatch(m: ProductMatch, lang: Lang): PresentedMatch {
    const terms = [...(m.amount ? [valueLine('amount', m.amount[lang], lang)] : []), ...(m.term ? [valueLine('term', m.term[lang], lang)] : [])];
    return {
        id: m.id,
        kind: m.kind,
        title: m.name[lang],
        summary: m.summary[lang],
        rating: { key: m.eligibility, label: ratingLabel(m.eligibility, lang), mark: RATING_MARK[m.eligibility] },
        expired: m.expired,
        sections: [
            ...section(
                'reasons',
                lang,
                m.reasons.map((c) => checkLine(c, lang)),
            ),
            ...section(
                'missing',
                lang,
                [...m.missing].sort((a, b) => contradicted(a) - contradicted(b)).map((c) => checkLine(c, lang)),
            ),
            ...section('terms', lang, terms),
            ...section('howToApply', lang, m.apply ? [{ kind: 'fact', label: labelOf('howToApply', lang), ...sourcedText(m.apply, lang) }] : []),
            ...section('nextStep', lang, m.nextStep ? nextStepLines(m.nextStep, lang) : []),
            ...section(
                'contacts',
                lang,
                m.contacts.map((c) => contactSummaryLine(c, lang)),
            ),
        ],
        sources: m.sources,
    };
}
