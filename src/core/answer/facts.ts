/**
 * A ranked passage as a fact of an answer: its text in the answer's
 * language, with only the sources it rests on (`toFact`); and the name an
 * answer opens with. The answer about one item, whom to call and the
 * comparison all state their facts so.
 */
import type { KnowledgeItem, Source } from '../knowledge/schema.ts';
import type { RankedPassage } from '../search/index.ts';
import { paragraphs } from '../search/passages.ts';
import type { Lang } from '../vocabulary.ts';
import { textIn } from '../words/units.ts';
import type { AnswerFact } from './types.ts';

export const passageText = (r: RankedPassage) => `${r.passage.text.zh ?? ''}\n${r.passage.text.en ?? ''}`;

export function toFact(item: KnowledgeItem, r: RankedPassage, lang: Lang): AnswerFact {
    const p = r.passage;
    const keys = new Set(p.sources);
    return {
        text: textIn(p.text, lang, () => paragraphs(item.body, 'zh').join('\n')),
        item: item.id,
        field: p.field,
        aspects: p.aspects,
        sources: item.sources.filter((s: Source) => keys.has(s.key)),
        status: p.status,
        absence: p.absence,
    };
}

/** The name an answer opens with: short, since the answer must come within the first lines. */
export function nameOf(item: Pick<KnowledgeItem, 'name' | 'name_en'>, lang: Lang): string {
    return lang === 'zh' ? item.name : item.name_en;
}
