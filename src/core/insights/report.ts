/**
 * The staff report (`kejin report`): what the question log says the
 * knowledge lacks, and which cards need care. Pure data here; the CLI marks
 * it up as Markdown, HTML or JSON.
 *
 * A group of questions counts as resolved when a card now lists an
 * alternate question worded like it, or, for questions that were not
 * answered confidently, when the current knowledge answers the group's
 * typical question confidently (a synonym or a card edit fixed it).
 */
import type { KnowledgeItem } from '../knowledge/schema.ts';
import { normalize } from '../search/tokenize.ts';
import type { KnowledgeService } from '../service.ts';
import type { Kind, Localized } from '../vocabulary.ts';
import type { Front, QuestionRecord } from './record.ts';
import { DEFAULT_SIMILARITY, groupBySimilarWording, similarity, wordingTerms } from './similar.ts';

export interface CardRef {
    readonly id: string;
    readonly kind: Kind;
    readonly name: Localized;
}

export type Resolution = 'alternate-question' | 'search';

export interface QuestionGroup {
    readonly count: number;
    /** Distinct wordings, most asked first. */
    readonly examples: readonly string[];
    readonly notConfident: number;
    readonly unhelpful: number;
    /** Questions by front; `web` only when the web page logged any (a deployment without it reads as before). */
    readonly fronts: { readonly bot: number; readonly mcp: number; readonly web?: number };
    /** The card that most likely should answer the group; null: no card does. */
    readonly card: CardRef | null;
    readonly resolved: boolean;
    readonly resolvedBy?: Resolution;
}

export type CardProblem = 'stale' | 'expired' | 'no-contacts' | 'no-sources';

export interface CardCare extends CardRef {
    readonly problems: readonly CardProblem[];
    readonly lastVerified: string;
    readonly validUntil?: string;
}

export interface Report {
    readonly generatedAt: string;
    readonly since: string;
    readonly knowledgeVersion: string;
    readonly totals: {
        readonly logged: number;
        readonly notConfident: number;
        readonly unhelpful: number;
        readonly groups: number;
        readonly resolved: number;
    };
    readonly groups: readonly QuestionGroup[];
    /** Aspects (rate, amount, contacts…) of the logged questions, most asked first. */
    readonly aspects: readonly { readonly aspect: string; readonly count: number }[];
    /** Cards not shown as an answer since `since`. */
    readonly neverShown: readonly CardRef[];
    readonly needsCare: readonly CardCare[];
    /** Synonym groups none of whose words occurs in any card: they can match nothing. */
    readonly unusedSynonyms: readonly (readonly string[])[];
}

export interface ReportOptions {
    readonly since: Date;
    /** Default: now. */
    readonly now?: Date;
    /** Default 0.4 (see similar.ts). */
    readonly similarity?: number;
    /** Examples shown per group. Default 3. */
    readonly examples?: number;
    /** `last_verified` older than this is stale. Default 365 days. */
    readonly staleAfterDays?: number;
}

export interface ReportInput {
    readonly records: readonly QuestionRecord[];
    /** Card id → last time shown (QuestionLog.lastShown). */
    readonly lastShown: Readonly<Record<string, string>>;
    readonly service: KnowledgeService;
}

const DAY_MS = 86_400_000;

export function buildReport(input: ReportInput, options: ReportOptions): Report {
    const now = options.now ?? new Date();
    const since = options.since;
    const threshold = options.similarity ?? DEFAULT_SIMILARITY;
    const snapshot = input.service.snapshot();
    const items = [...snapshot.items.values()];
    const records = input.records.filter((r) => Date.parse(r.at) >= since.getTime() && Date.parse(r.at) <= now.getTime());
    const alternates = items.flatMap((item) => item.alternate_questions.map((q) => ({ item, terms: wordingTerms(q) })));

    const groups = groupBySimilarWording(records, (r) => r.question, threshold)
        .map((g): QuestionGroup => {
            const examples = byFrequency(g.members.map((r) => r.question)).slice(0, options.examples ?? 3);
            const notConfident = g.members.filter((r) => r.reason === 'not-confident').length;
            const base = {
                count: g.members.length,
                examples,
                notConfident,
                unhelpful: g.members.length - notConfident,
                fronts: frontCounts(g.members),
            };
            const alternate = alternates.find((a) => similarity(a.terms, g.terms) >= threshold);
            if (alternate) return { ...base, card: cardRef(alternate.item), resolved: true, resolvedBy: 'alternate-question' };
            const answer = input.service.search(examples[0]!, { limit: 1 });
            const top = answer.results[0] ? input.service.getItem(answer.results[0].id) : undefined;
            const card = top ? cardRef(top) : null;
            if (answer.confident && base.unhelpful === 0) return { ...base, card, resolved: true, resolvedBy: 'search' };
            return { ...base, card, resolved: false };
        })
        .sort((a, b) => Number(a.resolved) - Number(b.resolved) || b.count - a.count || a.examples[0]!.localeCompare(b.examples[0]!));

    const aspects = counted(records.flatMap((r) => (r.answered.aspect ? [r.answered.aspect] : []))).map(({ value, count }) => ({
        aspect: value,
        count,
    }));
    const neverShown = items
        .filter((item) => {
            const at = input.lastShown[item.id];
            return at === undefined || Date.parse(at) < since.getTime();
        })
        .map(cardRef);
    const staleBefore = now.getTime() - (options.staleAfterDays ?? 365) * DAY_MS;
    const needsCare = items.flatMap((item): CardCare[] => {
        const problems = careProblems(item, now, staleBefore);
        if (problems.length === 0) return [];
        return [{ ...cardRef(item), problems, lastVerified: item.last_verified, ...(item.valid_until ? { validUntil: item.valid_until } : {}) }];
    });

    return {
        generatedAt: now.toISOString(),
        since: since.toISOString(),
        knowledgeVersion: snapshot.version,
        totals: {
            logged: records.length,
            notConfident: records.filter((r) => r.reason === 'not-confident').length,
            unhelpful: records.filter((r) => r.reason === 'unhelpful').length,
            groups: groups.length,
            resolved: groups.filter((g) => g.resolved).length,
        },
        groups,
        aspects,
        neverShown,
        needsCare,
        unusedSynonyms: unusedSynonyms(snapshot.synonyms, items),
    };
}

function cardRef(item: KnowledgeItem): CardRef {
    return { id: item.id, kind: item.kind, name: { zh: item.name, en: item.name_en } };
}

function careProblems(item: KnowledgeItem, now: Date, staleBefore: number): CardProblem[] {
    const problems: CardProblem[] = [];
    if (Date.parse(item.last_verified) < staleBefore) problems.push('stale');
    if (item.valid_until && Date.parse(item.valid_until) < now.getTime()) problems.push('expired');
    if ('contacts' in item && item.contacts.length === 0) problems.push('no-contacts');
    if (item.sources.length === 0) problems.push('no-sources');
    return problems;
}

/** Distinct values, most frequent first, ties in first-seen order. */
function byFrequency(values: readonly string[]): string[] {
    return counted(values).map((v) => v.value);
}

function counted(values: readonly string[]): { value: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/** Letters, digits and Han only, folded as the search folds them (traditional, case, width). */
const bare = (text: string) => normalize(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** A synonym word "occurs" in a card when the card's bare text contains the bare word. */
function unusedSynonyms(groups: readonly (readonly string[])[], items: readonly KnowledgeItem[]): (readonly string[])[] {
    const texts = items.map((i) =>
        bare(
            [i.name, i.name_en, ...i.aliases.zh, ...i.aliases.en, ...i.topics, ...i.alternate_questions, i.summary.zh, i.summary.en, i.body].join(
                ' ',
            ),
        ),
    );
    return groups.filter((g) => !g.some((word) => texts.some((t) => t.includes(bare(word)))));
}

function frontCounts(records: readonly QuestionRecord[]): QuestionGroup['fronts'] {
    const count = (front: Front) => records.filter((r) => r.front === front).length;
    const web = count('web');
    return { bot: count('bot'), mcp: count('mcp'), ...(web > 0 ? { web } : {}) };
}
