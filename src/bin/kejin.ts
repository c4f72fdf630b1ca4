/**
 * The `kejin` command: the only place that reads configuration and starts
 * things. Each subcommand is a thin front over the core service.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUILD_ID } from '../build-id.ts';
import { ConfigError, loadConfig, PROJECT_ROOT, type Config } from '../config.ts';
import { KnowledgeLoadError } from '../core/errors.ts';
import { redisTrouble } from '../core/infra/redis-errors.ts';
import { createLogger, logProcessWarnings, scrubSecrets, secretsOf } from '../logger.ts';

const USAGE = `kejin 科金助手: financing assistant for Shanghai sci-tech firms

Usage:
  kejin check [DIR]            validate a knowledge folder (default: KNOWLEDGE_DIR)
  kejin ask "问题" [options]    search the knowledge        --lang zh|en --limit N --kind K --json
  kejin show ID|NAME [--lang zh|en] [--json]
                               one whole card (by id, name or alias), every line with its source keys
  kejin match [profile] [--json] rate every product against a firm profile
      --stage seed|startup|growth|mature   --qual Q (repeatable)   --size micro|small|medium|large
      --need N (repeatable)   --revenue 万元   --amount 万元   --ip | --no-ip   --employees N
      --district D   --question "…"   --lang zh|en   --limit N
  kejin report [--since 30d] [--format md|html|json] [--lang zh|en]
                               staff report: questions not answered well, cards to fix
  kejin alerts --dry-run [DIR] [--json] [--lang zh|en]
                               who would be alerted if the knowledge folder on disk went live
  kejin eval [--json]          recall and match figures on tests/eval
  kejin mcp [--http] [--port N] MCP server over stdio (default) or Streamable HTTP
  kejin bot                    Telegram bot; in the terminal when TELEGRAM_BOT_TOKEN is empty
  kejin bot --set-webhook      register WEBHOOK_URL once per deploy (N instances: docs/deploy.md)
  kejin web [--port N]         the chat page at http://WEB_HOST:WEB_PORT/ (docs/web.md)
  kejin serve [--port N]       the chat page and the MCP endpoint /mcp in one process on one port
`;

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (!command || command === 'help' || command === '--help' || command === '-h') {
        process.stdout.write(USAGE);
        return command ? 0 : 1;
    }
    if (command === '--version' || command === '-V') {
        process.stdout.write(`${await packageVersion()}\n`);
        return 0;
    }
    // `kejin ask --help` answers before any config or knowledge is read, as in any CLI.
    if (rest.includes('--help') || rest.includes('-h')) {
        const help = usageOf(command);
        if (help) {
            process.stdout.write(help);
            return 0;
        }
    }
    const config = loadConfig();
    secrets = secretsOf(config);
    switch (command) {
        case 'check': {
            const { runCheck } = await import('../cli/check.ts');
            return runCheck(rest, config);
        }
        case 'ask': {
            const { runAsk } = await import('../cli/ask.ts');
            return runAsk(rest, await oneShotService(config));
        }
        case 'show': {
            const { runShow } = await import('../cli/show.ts');
            return runShow(rest, await oneShotService(config));
        }
        case 'match': {
            const { runMatch } = await import('../cli/match.ts');
            return runMatch(rest, await oneShotService(config));
        }
        case 'report': {
            const { runReport } = await import('../cli/report.ts');
            const { DISABLED_QUESTION_LOG } = await import('../core/insights/log.ts');
            const insights = (await import('./insights.ts')).openInsights(config, createLogger(config.LOG_LEVEL, { secrets }));
            const service = await oneShotService(config);
            try {
                return await runReport(rest, {
                    service,
                    questionLog: insights.questionLog ?? DISABLED_QUESTION_LOG,
                    staleMonths: config.STALE_MONTHS,
                });
            } finally {
                await Promise.all([service.close(), insights.close()]);
            }
        }
        case 'alerts': {
            const { alertsFolder, runAlertsCommand } = await import('../cli/alerts.ts');
            // A folder given (a staging copy) is previewed; by default the live KNOWLEDGE_DIR as it is on disk.
            const dir = alertsFolder(rest);
            const insights = (await import('./insights.ts')).openInsights(config, createLogger(config.LOG_LEVEL, { secrets }));
            const { createKnowledgeService } = await import('../core/service.ts');
            const service = await createKnowledgeService({ dir: dir ?? config.KNOWLEDGE_DIR });
            try {
                return await runAlertsCommand(rest, { service, stores: insights.alerts });
            } finally {
                await Promise.all([service.close(), insights.close()]);
            }
        }
        case 'eval': {
            const { runEval, formatEvalReport } = await import('../eval/run.ts');
            const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, 'heldout-misses': { type: 'boolean' } } });
            const report = await runEval({ knowledgeDir: config.KNOWLEDGE_DIR, json: values.json });
            const text = formatEvalReport(report, { heldoutMisses: values['heldout-misses'] === true });
            process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : text);
            return 0;
        }
        case 'mcp':
        case 'bot':
        case 'web':
        case 'serve': {
            const logger = createLogger(config.LOG_LEVEL, { secrets });
            logProcessWarnings(logger);
            // Load the front's modules while the knowledge folder is read.
            const loading = command === 'mcp' ? import('./mcp.ts') : command === 'bot' ? import('./bot.ts') : import('./web.ts');
            loading.catch(() => undefined);
            const { createKnowledgeService } = await import('../core/service.ts');
            const service = await createKnowledgeService({
                dir: config.KNOWLEDGE_DIR,
                watch: true,
                rescanMs: config.KNOWLEDGE_RESCAN_SECONDS * 1000,
                cache: knowledgeCache(config.KNOWLEDGE_DIR),
                logger,
            });
            const front = await loading;
            const insights = (await import('./insights.ts')).openInsights(config, logger);
            const sync = (await import('./knowledge-sync.ts')).startKnowledgeSync(config, service, logger);
            try {
                // `kejin serve` is `kejin web` with /mcp mounted.
                const args = command === 'serve' ? ['--mcp', ...rest] : rest;
                await front.main(args, {
                    config,
                    logger,
                    service,
                    questionLog: insights.questionLog,
                    feedback: insights.feedback,
                    alerts: insights.alerts,
                });
            } finally {
                await sync.close();
                await service.close();
                await insights.close();
            }
            return 0;
        }
        default:
            process.stderr.write(`kejin: unknown command "${command}"\n\n${USAGE}`);
            return 2;
    }
}

/** The lines of USAGE for one command (its own line and the option lines below it), or undefined. */
function usageOf(command: string): string | undefined {
    const lines = USAGE.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`  kejin ${command} `) || l === `  kejin ${command}`);
    if (start < 0) return undefined;
    const own = [lines[start]!];
    for (const line of lines.slice(start + 1)) {
        if (!line.startsWith('      ') && !/^ {20,}/.test(line)) break;
        own.push(line);
    }
    // A command with several forms (`kejin bot`, `kejin bot --set-webhook`) lists them all.
    const more = lines.filter((l, i) => i > start + own.length - 1 && l.startsWith(`  kejin ${command} `));
    return `Usage:\n${[...own, ...more].join('\n')}\n`;
}

async function packageVersion(): Promise<string> {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    return pkg.version;
}

/**
 * Where a built kejin keeps the cards it parsed, so that the next start
 * parses only what changed (node_modules/.cache, the usual home of tool
 * caches). None when running the sources: the build's id keys the cache.
 */
function knowledgeCache(dir: string): { file: string; key: string } | undefined {
    if (!BUILD_ID) return undefined;
    const name = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 12);
    return { file: path.join(PROJECT_ROOT, 'node_modules', '.cache', 'kejin', `knowledge-${name}.json`), key: BUILD_ID };
}

async function oneShotService(config: Config) {
    const { createKnowledgeService } = await import('../core/service.ts');
    return createKnowledgeService({ dir: config.KNOWLEDGE_DIR, cache: knowledgeCache(config.KNOWLEDGE_DIR) });
}

/** The configured secrets, once known: nothing written to stderr may hold one. */
let secrets: string[] = [];

/** Exit code and message for a failure: 2 for a wrong call, 1 for anything else; stacks only for bugs. */
function describeFailure(err: unknown): { code: number; message: string } {
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
        return { code: 2, message: `kejin: ${err.message}\n\n${USAGE}` };
    if (err instanceof Error && err.name === 'UsageError') return { code: 2, message: `kejin: ${err.message}\n` };
    if (err instanceof ConfigError || err instanceof KnowledgeLoadError || (err instanceof Error && err.name === 'ProfileError'))
        return { code: 1, message: `${err.message}\n` };
    // Redis down, a wrong password, out of memory: the operator's to fix, no bug, no stack.
    const redis = redisTrouble(err);
    if (redis) return { code: 1, message: `kejin: Redis ${redis}\n` };
    // The Bot API refused a start-up call (a wrong token, a bad WEBHOOK_URL) or cannot be reached: no bug, no stack.
    if (err instanceof Error && (err.name === 'GrammyError' || err.name === 'HttpError')) return { code: 1, message: `kejin: ${err.message}\n` };
    return { code: 1, message: `kejin: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n` };
}

// Node would print an uncaught error's stack as it is, secrets and all.
process.on('uncaughtException', (err: unknown) => {
    process.stderr.write(scrubSecrets(`kejin: uncaught ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`, secrets));
    process.exit(1);
});

main(process.argv.slice(2)).then(
    (code) => {
        // Long-running fronts resolve only when they have shut down.
        process.exitCode = code;
    },
    (err: unknown) => {
        const { code, message } = describeFailure(err);
        process.stderr.write(scrubSecrets(message, secrets));
        process.exitCode = code;
    },
);
