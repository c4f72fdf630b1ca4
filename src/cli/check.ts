import path from 'node:path';
import type { Config } from '../config.ts';
import { loadKnowledge } from '../core/knowledge/load.ts';
import { countBySeverity, formatProblem } from '../core/knowledge/problems.ts';

/** `kejin check [DIR]`: prints every problem, exits 1 when any is an error. */
export async function runCheck(args: string[], config: Config): Promise<number> {
    const dir = path.resolve(args[0] ?? config.KNOWLEDGE_DIR);
    const { snapshot, problems } = await loadKnowledge(dir, { staleSourceMonths: config.STALE_MONTHS });
    for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
    const { errors, warnings } = countBySeverity(problems);
    const items = snapshot ? `${snapshot.items.size} items, version ${snapshot.version}` : 'not loadable';
    process.stdout.write(`${path.relative(process.cwd(), dir) || '.'}: ${errors} error(s), ${warnings} warning(s); ${items}\n`);
    return errors > 0 ? 1 : 0;
}
