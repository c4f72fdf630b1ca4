/** Outcomes grouped by a key, each group summed by `sum`, keys in order: one grouping for every figure table of the eval. */
export function groupBy<O, G>(outcomes: readonly O[], key: (o: O) => string, sum: (group: readonly O[]) => G): Record<string, G> {
    const groups = new Map<string, O[]>();
    for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
    return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sum(v)]));
}
