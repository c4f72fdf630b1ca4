/** The few named errors of kejin; each prefixes its message and keeps a cause. */
import { formatProblem, type Problem } from './knowledge/problems.ts';

export class KnowledgeLoadError extends Error {
    override name = 'KnowledgeLoadError';
    constructor(
        readonly dir: string,
        readonly problems: readonly Problem[],
    ) {
        const errors = problems.filter((p) => p.severity === 'error');
        super(`kejin: the knowledge folder ${dir} has ${errors.length} error(s):\n${errors.map(formatProblem).join('\n')}`);
    }
}

export class NotFoundError extends Error {
    override name = 'NotFoundError';
    constructor(
        readonly id: string,
        readonly suggestions: readonly string[],
    ) {
        super(`kejin: no item with id "${id}"${suggestions.length ? `; closest: ${suggestions.join(', ')}` : ''}`);
    }
}
