/**
 * Retrieval figures. A hit at k: any expected id among the first k results.
 * Reciprocal rank: 1 / rank of the first expected id found (0 when none is
 * among the results). Off-topic questions (`expect: []`) are scored apart:
 * they count only towards the abstention rate, the share answered with
 * `confident: false`.
 */
import type { Lang } from '../core/vocabulary.ts';
import type { SearchCase } from './cases.ts';

export interface RetrievalFigures {
    readonly cases: number;
    readonly recallAt1: number;
    readonly recallAt3: number;
    readonly mrr: number;
}

export interface AbstentionFigures {
    readonly cases: number;
    readonly abstained: number;
    readonly rate: number;
}

/** What one system answered for one case. */
export interface CaseOutcome {
    readonly case: SearchCase;
    readonly ids: readonly string[];
    readonly confident: boolean;
}

export interface SearchFigures {
    readonly all: RetrievalFigures;
    readonly zh: RetrievalFigures;
    readonly en: RetrievalFigures;
    readonly abstention: AbstentionFigures;
    /**
     * Share of on-topic questions answered confidently: the other side of
     * abstention (a system that is never confident abstains perfectly).
     */
    readonly confidentOnTopic: number;
}

/** 1-based rank of the first expected id, or 0. */
export function firstRank(ids: readonly string[], expect: readonly string[]): number {
    const i = ids.findIndex((id) => expect.includes(id));
    return i < 0 ? 0 : i + 1;
}

export function retrieval(outcomes: readonly CaseOutcome[]): RetrievalFigures {
    const ranked = outcomes.filter((o) => o.case.expect.length > 0).map((o) => firstRank(o.ids, o.case.expect));
    const n = ranked.length;
    const share = (f: (r: number) => number) => (n === 0 ? 0 : ranked.reduce((s, r) => s + f(r), 0) / n);
    return {
        cases: n,
        recallAt1: share((r) => (r === 1 ? 1 : 0)),
        recallAt3: share((r) => (r >= 1 && r <= 3 ? 1 : 0)),
        mrr: share((r) => (r > 0 ? 1 / r : 0)),
    };
}

export function abstention(outcomes: readonly CaseOutcome[]): AbstentionFigures {
    const offTopic = outcomes.filter((o) => o.case.expect.length === 0);
    const abstained = offTopic.filter((o) => !o.confident).length;
    return { cases: offTopic.length, abstained, rate: offTopic.length === 0 ? 1 : abstained / offTopic.length };
}

export function searchFigures(outcomes: readonly CaseOutcome[]): SearchFigures {
    const byLang = (lang: Lang) => retrieval(outcomes.filter((o) => o.case.lang === lang));
    const onTopic = outcomes.filter((o) => o.case.expect.length > 0);
    const confidentOnTopic = onTopic.length === 0 ? 0 : onTopic.filter((o) => o.confident).length / onTopic.length;
    return { all: retrieval(outcomes), zh: byLang('zh'), en: byLang('en'), abstention: abstention(outcomes), confidentOnTopic };
}
