import { parseArgs } from 'node:util';
import type { QuestionLog } from '../core/insights/log.ts';
import { buildReport } from '../core/insights/report.ts';
import { freshnessOf } from '../core/knowledge/freshness.ts';
import type { KnowledgeService } from '../core/service.ts';
import { parseLang, UsageError } from './args.ts';
import { reportHtml, reportMarkdown } from './report-format.ts';

const FORMATS = ['md', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];
const DAY_MS = 86_400_000;

/** `--since 30d`, `12h` or a date `2026-11-01`; default 30 days. */
export function parseSince(value: string | undefined, now: Date): Date {
    if (value === undefined) return new Date(now.getTime() - 30 * DAY_MS);
    const rel = /^(\d+)\s*([dh])$/i.exec(value.trim());
    if (rel) return new Date(now.getTime() - Number(rel[1]) * (rel[2]!.toLowerCase() === 'd' ? DAY_MS : DAY_MS / 24));
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return new Date(`${value}T00:00:00Z`);
    throw new UsageError(`--since "${value}" is not a period; write it like --since 30d, --since 12h or --since 2026-11-01`);
}

export interface ReportDeps {
    readonly service: KnowledgeService;
    readonly questionLog: QuestionLog;
    readonly write?: (text: string) => void;
    readonly now?: Date;
    /** Cards whose newest dated source is older than this many months are flagged (STALE_MONTHS). Default 18. */
    readonly staleMonths?: number;
}

/** `kejin report [--since 30d] [--format md|html|json] [--lang zh|en]`: the staff report on stdout. */
export async function runReport(args: string[], deps: ReportDeps): Promise<number> {
    const { values } = parseArgs({ args, options: { since: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' } } });
    const now = deps.now ?? new Date();
    const since = parseSince(values.since, now);
    const format = (values.format ?? 'md') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format "${values.format}" is not a format; allowed: ${FORMATS.join(', ')}`);
    const lang = parseLang(values.lang) ?? 'zh';
    const [records, lastShown] = await Promise.all([deps.questionLog.read({ since }), deps.questionLog.lastShown()]);
    const report = buildReport({ records, lastShown, service: deps.service }, { since, now });
    const freshness = freshnessOf(deps.service.snapshot(), now, deps.staleMonths);
    const text =
        format === 'json'
            ? `${JSON.stringify({ ...report, freshness }, null, 2)}\n`
            : format === 'html'
              ? reportHtml(report, lang, freshness)
              : reportMarkdown(report, lang, freshness);
    (deps.write ?? ((t) => process.stdout.write(t)))(text);
    return 0;
}
