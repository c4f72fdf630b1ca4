/**
 * Two items side by side: the aspect asked of both, or what each is, leads;
 * then a row for each aspect both cards hold (`COMPARED`), each fact with
 * its own sources, and both items' contacts.
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import type { KnowledgeItem } from '../knowledge/schema.ts';
import type { KnowledgeIndex, QueryReading } from '../search/index.ts';
import type { Aspect, Lang } from '../vocabulary.ts';
import { itemSentence, notHeldSentence } from '../words/answer.ts';
import { fullStop, sentenceGap } from '../words/labels.ts';
import { nameOf, passageText, toFact } from './facts.ts';
import { figureIn } from './item-answer.ts';
import { yearsIn } from './reading.ts';
import type { Answer, AnswerFact, Base, ComparisonRow } from './types.ts';
import { contactsOf, refOf } from './whom-to-call.ts';

/** Kinds that can be set side by side; an organization or a document is whom to ask or where a rule is written. */
export const comparable = (i: KnowledgeItem) => i.kind !== 'organization' && i.kind !== 'document';

/** The aspects a comparison shows, in this order, when both items hold them. */
const COMPARED: readonly Aspect[] = ['eligibility', 'amount', 'term', 'rate', 'fee', 'subsidy', 'risk-sharing', 'partner-banks', 'how-to-apply'];

export function compare(
    snapshot: KnowledgeSnapshot,
    index: KnowledgeIndex,
    reading: QueryReading,
    left: KnowledgeItem,
    right: KnowledgeItem,
    base: Base,
    options: {
        /** The year the last answer named, when this comparison goes on from it and names none. */
        readonly year?: string;
        /** The question asks which is more of something ("which one puts more risk on the government side"). */
        readonly ranks?: boolean;
        /** The two are only named together ("沪科专贷和沪科专贴覆盖的企业里…"), with no word asking to choose or compare. */
        readonly together?: boolean;
        /** The question asks for a number ("占比多少", "how many firms"). */
        readonly number?: boolean;
    } = {},
): Answer {
    const { year, ranks = false, together = false, number = false } = options;
    const lang = base.lang;
    const factsOf = (item: KnowledgeItem, aspect: Aspect) =>
        index
            .passages(item.id, reading)
            .filter((r) => r.passage.typed && r.passage.aspects[0] === aspect)
            .slice(0, 1)
            .map((r) => toFact(item, r, lang));
    const asked = reading.aspects.aspects.map((a) => a.aspect).filter((a) => COMPARED.includes(a));
    const rows: ComparisonRow[] = (asked.length > 0 ? asked : COMPARED)
        .map((aspect) => ({ aspect, left: factsOf(left, aspect), right: factsOf(right, aspect) }))
        .filter((r) => r.left.length > 0 && r.right.length > 0);
    // The aspect asked, side by side, leads; without an aspect word, a question of which is more of something is of the
    // aspect whose fields on both cards hold its words ("which one puts more risk on the government side": the
    // risk-sharing fields); else what each is ("有啥区别？一个是保险一个是担保？").
    const lead = asked[0] ?? (ranks && reading.aspects.aspects.length === 0 && yearsIn(base.question).length === 0 ? byWords() : undefined);
    // An aspect no row shows (figures, history), or a year asked ("which one had more by April 2025"): each side's
    // passage of that aspect, the one stating the year first, else the one the question's words point to.
    const other = lead ? undefined : reading.aspects.primary !== 'what-is' ? reading.aspects.primary : undefined;
    const named = yearsIn(base.question);
    const years = named.length > 0 ? named : year ? [year] : [];
    const pointed = (item: KnowledgeItem): AnswerFact[] => {
        const ranked = index.passages(item.id, reading).filter((r) => r.passage.structured && !r.passage.absence);
        const worded = other
            ? ranked.filter((r) => r.passage.aspects.includes(other))
            : ranked.filter((r) => r.overlap > 0 && r.passage.field !== 'summary');
        // A number asked: the passages stating one, in either language (九成以上 is "over 90%"), when any does.
        const figured = number ? worded.filter((r) => [r.passage.text.zh, r.passage.text.en].some((t) => t !== undefined && figureIn(t))) : [];
        const of = figured.length > 0 ? figured : worded;
        // The passage stating the year asked, though it holds none of the question's words ("which lent more that
        // year?": "In 2021 the loan provided 2.669 billion yuan").
        const dated = (other ? of : ranked.filter((r) => r.passage.field !== 'summary')).filter((r) => years.some((y) => passageText(r).includes(y)));
        const best = dated.reduce<(typeof of)[number] | undefined>((b, r) => (!b || r.overlap > b.overlap ? r : b), undefined) ?? of[0];
        return best ? [toFact(item, best, lang)] : [];
    };
    // Named together with no aspect read and no word of choosing, a number asked ("沪科专贷和沪科专贴覆盖的企业里，高新技术
    // 企业占比多少"): the figure each card states nearest the question's own words, not what each is.
    const byQuestion = together && number && !lead && !other && reading.aspects.aspects.length === 0;
    const [ownLeft, ownRight] = other || years.length > 0 || byQuestion ? [pointed(left), pointed(right)] : [[], []];
    if (ownLeft.length > 0 && ownRight.length > 0) {
        const text = [
            itemSentence(
                nameOf(left, lang),
                ownLeft.map((f) => f.text),
                lang,
            ),
            itemSentence(
                nameOf(right, lang),
                ownRight.map((f) => f.text),
                lang,
            ),
        ].join(sentenceGap(lang));
        return withRows(text, [...ownLeft, ...ownRight, ...rows.flatMap((r) => [...r.left, ...r.right])]);
    }
    const side = (item: KnowledgeItem, facts: readonly AnswerFact[]) =>
        lead
            ? facts.length > 0
                ? itemSentence(
                      nameOf(item, lang),
                      facts.map((f) => f.text),
                      lang,
                  )
                : notHeldSentence(nameOf(item, lang), lead, lang)
            : itemSentence(nameOf(item, lang), [firstClause(item.summary[lang], lang)], lang);
    const leadLeft = lead ? factsOf(left, lead) : [];
    const leadRight = lead ? factsOf(right, lead) : [];
    const text = [side(left, leadLeft), side(right, leadRight)].join(sentenceGap(lang));
    return withRows(text, [...leadLeft, ...leadRight, ...rows.filter((r) => r.aspect !== lead).flatMap((r) => [...r.left, ...r.right])]);

    /** The compared aspect whose fields on both cards hold most of the question's words, when both hold some. */
    function byWords(): Aspect | undefined {
        const held = (item: KnowledgeItem, aspect: Aspect) =>
            index.passages(item.id, reading).find((r) => r.passage.typed && r.passage.aspects[0] === aspect && !r.passage.absence)?.overlap ?? 0;
        let best: { aspect: Aspect; overlap: number } | undefined;
        for (const aspect of COMPARED) {
            const [l, r] = [held(left, aspect), held(right, aspect)];
            if (l > 0 && r > 0 && (!best || l + r > best.overlap)) best = { aspect, overlap: l + r };
        }
        return best?.aspect;
    }

    function withRows(text: string, facts: AnswerFact[]): Answer {
        const contacts = [...contactsOf(snapshot, left), ...contactsOf(snapshot, right)].filter(
            (c, i, all) => all.findIndex((x) => x.id === c.id) === i,
        );
        return {
            ...base,
            aspect: 'comparison',
            status: 'comparison',
            confident: true,
            text,
            facts,
            item: refOf(left),
            related: [refOf(right)],
            contacts,
            suggestions: [],
            comparison: { items: [refOf(left), refOf(right)], rows },
        };
    }
}

/** What an item is, in its summary's first clause: a comparison's rows must come within the first screen. */
function firstClause(summary: string, lang: Lang): string {
    const m = /^[^。；;!?！？]{12,}?[。；;!?！？](?=.)|^[^.]{24,}?\.\s/.exec(summary);
    // The card's own clause, ended as a sentence of its language ("firms;" → "firms.", not "firms。").
    return m ? m[0].trim().replace(/[；;]$/, fullStop(lang).trim()) : summary;
}
