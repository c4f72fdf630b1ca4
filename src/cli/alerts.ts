import { parseArgs } from 'node:util';
import { runAlerts, type Alert } from '../core/alerts/alerts.ts';
import { runDeadlineAlerts } from '../core/deadlines/deadlines.ts';
import type { AlertStores } from '../core/alerts/store.ts';
import type { KnowledgeService } from '../core/service.ts';
import { conditionText, ratingLabel } from '../core/present/index.ts';
import { parseLang, UsageError } from './args.ts';

const CHANGES = {
    added: { zh: '新增', en: 'new' },
    'now-eligible': { zh: '更新后符合', en: 'now eligible' },
    'now-possible': { zh: '更新后可能符合', en: 'now possibly eligible' },
    closing: { zh: '申请即将截止', en: 'applications close soon' },
} as const;

export interface AlertsDeps {
    /** The knowledge as it would go live: the folder on disk. */
    readonly service: KnowledgeService;
    readonly stores: AlertStores;
    readonly write?: (text: string) => void;
    /** The day deadlines are judged on. Default: now. */
    readonly now?: Date;
}

/**
 * `kejin alerts --dry-run [DIR] [--json] [--lang zh|en]`: who would be told
 * what if the folder on disk (DIR, default KNOWLEDGE_DIR) went live now, measured against what each
 * subscriber was last rated on, and the deadlines due today. Nothing is sent or recorded; the running
 * bot sends alerts itself when a new version goes live.
 */
export async function runAlertsCommand(args: string[], deps: AlertsDeps): Promise<number> {
    const { values } = parseAlertsArgs(args);
    if (!values['dry-run'])
        throw new UsageError('kejin alerts only previews: add --dry-run (the running bot sends alerts when a knowledge version goes live)');
    const lang = parseLang(values.lang) ?? 'zh';
    const subscribers = (await deps.stores.subscriptions.all()).length;
    const changes = await runAlerts({ service: deps.service, stores: deps.stores, dryRun: true });
    // Deadlines due today too (windows closing within 14 days), which the running bot sends as well.
    const deadlines = await runDeadlineAlerts({ service: deps.service, stores: deps.stores, dryRun: true, ...(deps.now ? { now: deps.now } : {}) });
    const due = [...changes.due, ...deadlines.due];
    const write = deps.write ?? ((t: string) => process.stdout.write(t));
    if (values.json) {
        const alerts = due.map((a) => ({
            chatId: a.chatId,
            lang: a.lang,
            change: a.change,
            product: a.match.id,
            eligibility: a.match.eligibility,
            key: a.key,
        }));
        write(`${JSON.stringify({ subscribers, alerts }, null, 2)}\n`);
        return 0;
    }
    const head =
        lang === 'zh'
            ? `订阅者 ${subscribers} 个；若知识库按磁盘上的版本上线，将发送 ${due.length} 条通知。`
            : `${subscribers} subscribers; ${due.length} alerts would be sent if the folder on disk went live.`;
    write([head, ...due.map((a) => line(a, lang))].join('\n') + '\n');
    return 0;
}

const parseAlertsArgs = (args: string[]) =>
    parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, lang: { type: 'string' } } });

/** The folder `kejin alerts` previews: DIR when given, else undefined (KNOWLEDGE_DIR). A flag's value (`--lang en`) is no folder. */
export function alertsFolder(args: string[]): string | undefined {
    const { positionals } = parseAlertsArgs(args);
    if (positionals.length > 1) throw new UsageError(`kejin alerts previews one folder; got ${positionals.map((p) => `"${p}"`).join(', ')}`);
    return positionals[0];
}

function line(a: Alert, lang: 'zh' | 'en'): string {
    const why = a.match.reasons
        .slice(0, 2)
        .map((r) => conditionText(r)[lang])
        .join('; ');
    const product = `${a.match.name[lang]} (${a.match.id})`;
    return `- chat ${a.chatId} (${a.lang}): ${CHANGES[a.change][lang]} · ${product} · ${ratingLabel(a.match.eligibility, lang)}${why ? ` · ${why}` : ''}`;
}
