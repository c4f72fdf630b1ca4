/**
 * What the checker reports. Every problem names the file, the line, the
 * field, what is wrong and how to fix it, so that staff never need to read
 * code to mend a card.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
    readonly severity: Severity;
    /** Path relative to the knowledge folder, with forward slashes. */
    readonly file: string;
    readonly line?: number;
    /** Dotted field path, e.g. `eligibility.stages.1`. */
    readonly field?: string;
    readonly message: string;
    readonly hint: string;
}

/** `path:line: field: what is wrong — how to fix it` */
export function formatProblem(p: Problem): string {
    const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
    const field = p.field ? ` ${p.field}:` : '';
    const tag = p.severity === 'warning' ? ' warning:' : '';
    return `${where}:${tag}${field} ${p.message} — ${p.hint}`;
}

export function countBySeverity(problems: readonly Problem[]): { errors: number; warnings: number } {
    let errors = 0;
    for (const p of problems) if (p.severity === 'error') errors++;
    return { errors, warnings: problems.length - errors };
}

/** Levenshtein distance, for "did you mean" hints on misspelt words and ids. */
export function editDistance(a: string, b: string): number {
    const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0]!;
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = prev[j]!;
            prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return prev[b.length]!;
}

/**
 * The candidates nearest to `word`, nearest first. With `maxRatio`, only
 * those within that share of the word's length: a hint that names an
 * unrelated word misleads more than no hint.
 */
export function closest(word: string, candidates: Iterable<string>, count = 1, maxRatio = Infinity): string[] {
    const w = word.toLowerCase();
    return [...candidates]
        .map((c) => {
            const lc = c.toLowerCase();
            // A candidate that contains the word (or the reverse) is a better
            // guess than its raw distance says: "giant" -> "tech-little-giant".
            const bonus = lc.includes(w) || w.includes(lc) ? -2 : 0;
            return { c, d: editDistance(w, lc) + bonus };
        })
        .filter((x) => x.d <= Math.max(2, word.length * maxRatio))
        .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
        .slice(0, count)
        .map((x) => x.c);
}

/** Where a pass over the folder puts what it finds, in the order found. */
export interface Collector {
    problems: Problem[];
    report(file: string, severity: Severity, p: Omit<Problem, 'file' | 'severity'>): void;
}

export function collector(): Collector {
    const problems: Problem[] = [];
    return { problems, report: (file, severity, p) => problems.push({ severity, file, ...p }) };
}
