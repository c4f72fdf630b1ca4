/** An answer: the text first, each fact with only its own sources, then whom to ask and what is related. */
import type { Answer, AnswerFact, ContactRef, ItemRef } from '../answer/types.ts';
import type { Source } from '../knowledge/schema.ts';
import { NOTICES } from '../search/input.ts';
import { ASPECTS, type Lang } from '../vocabulary.ts';
import { statusNote } from './lines.ts';
import type { Line, PresentedAnswer, PresentedRef } from './types.ts';

function factLine(f: AnswerFact, lang: Lang): Line {
    return {
        kind: 'fact',
        text: f.text,
        sources: f.sources.map((s) => s.key),
        ...(f.status !== 'current' ? { status: f.status } : {}),
        note: statusNote(f.status, lang),
    };
}

/** A source of an answer, with the card it belongs to. */
export type AnswerSource = Source & { readonly item: string };

/**
 * The sources of an answer's facts, each once, in order of first use. Two
 * cards may use the same key for different sources (a comparison), so a
 * source is one per card and key, and names its card.
 */
export function answerSources(answer: Pick<Answer, 'facts'>): AnswerSource[] {
    const seen = new Map<string, AnswerSource>();
    for (const f of answer.facts)
        for (const s of f.sources) if (!seen.has(`${f.item}\u0000${s.key}`)) seen.set(`${f.item}\u0000${s.key}`, { ...s, item: f.item });
    return [...seen.values()];
}

function ref(r: ItemRef, lang: Lang): PresentedRef {
    return { id: r.id, title: r.title[lang] };
}

function contactLine(c: ContactRef, lang: Lang): Line {
    const phones = c.phones.map((p) => p.value);
    return {
        kind: 'contact',
        label: c.title[lang],
        text: phones.join(', '),
        sources: [...new Set(c.phones.flatMap((p) => p.sources))],
        note: '',
        ref: c.id,
        phones,
    };
}

export function presentAnswer(answer: Answer, lang: Lang): PresentedAnswer {
    const joined = (facts: readonly AnswerFact[]): Line => ({
        kind: 'fact',
        text: facts.map((f) => f.text).join(' '),
        sources: [...new Set(facts.flatMap((f) => f.sources.map((s) => s.key)))],
        note: '',
    });
    const c = answer.comparison;
    // "No words to search for" is moot when the conversation answered it ("tell me more" after an answer, "需要多久"
    // after how to apply, which the card does not give): the item in focus is the subject. A question cut to length is
    // still said.
    const moot = answer.item !== undefined && (answer.search.notice === NOTICES.noWords || answer.search.notice === NOTICES.empty);
    const notice = moot ? undefined : answer.search.notice?.[lang];
    return {
        question: answer.question,
        ...(notice ? { notice } : {}),
        text: answer.text,
        confident: answer.confident,
        facts: answer.facts.map((f) => factLine(f, lang)),
        ...(c
            ? {
                  comparison: {
                      items: [ref(c.items[0], lang), ref(c.items[1], lang)] as const,
                      rows: c.rows.map((r) => ({ label: ASPECTS.labels[r.aspect][lang], left: joined(r.left), right: joined(r.right) })),
                  },
              }
            : {}),
        sources: answerSources(answer),
        contacts: answer.contacts.map((x) => contactLine(x, lang)),
        related: answer.related.map((r) => ref(r, lang)),
        suggestions: answer.suggestions.map((r) => ref(r, lang)),
    };
}
