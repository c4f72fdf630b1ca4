/**
 * `npm run bench` (node --expose-gc --import tsx bench/run.ts): index build
 * time and heap, query latency and match latency, on the shipped knowledge
 * and on synthetic snapshots of 1,000 and 10,000 cards (bench/synthetic.ts),
 * beside plain MiniSearch (default tokenizer and options, same cards, same
 * questions). The questions are those of tests/eval/search*.jsonl, the
 * profiles those of tests/eval/match*.jsonl.
 *
 * Then: edit → live on synthetic folders written to disk (bench/live.ts),
 * cold start to the first MCP answer and bot reply (bench/cold-start.ts),
 * and the eval figures of the code measured (recall, abstention, match), so
 * that a speed-up that changes answers shows.
 *
 * Options: --knowledge DIR (default ./knowledge), --sizes 1000,10000,30000,
 * --live 1000,10000 (edit → live sizes; empty for none), --no-cold.
 * Takes several minutes on two cores.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge, type KnowledgeSnapshot } from '../src/core/knowledge/load.ts';
import { createSearchIndex, type KnowledgeIndex } from '../src/core/search/index.ts';
import { createServiceFromSnapshot } from '../src/core/service.ts';
import { createBaselineIndex, type BaselineIndex } from '../src/eval/baseline.ts';
import { loadMatchCases, loadSearchCases } from '../src/eval/cases.ts';
import { runEval } from '../src/eval/run.ts';
import { formatColdStart, measureColdStart, type ColdStartRow } from './cold-start.ts';
import { formatLive, measureEditToLive, type LiveRow } from './live.ts';
import { syntheticSnapshot } from './synthetic.ts';

interface Row {
    readonly data: string;
    readonly items: number;
    readonly system: string;
    readonly buildMs: number;
    readonly heapMb: number;
    readonly query: Latency;
    readonly match?: Latency;
}

interface Latency {
    readonly p50: number;
    readonly p99: number;
    readonly n: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** JavaScript heap plus ArrayBuffers: the index keeps its postings in typed arrays, outside `heapUsed`. */
function heapMb(): number {
    gc();
    gc();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return (heapUsed + arrayBuffers) / 1024 / 1024;
}

function latency(samples: number[]): Latency {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { p50: at(0.5), p99: at(0.99), n: sorted.length };
}

/** Runs `f` over `inputs` for `rounds` rounds after one untimed warm-up pass over a few of them. */
function time<T>(inputs: readonly T[], rounds: number, f: (input: T) => unknown): Latency {
    for (const input of inputs.slice(0, 10)) f(input);
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) {
        for (const input of inputs) {
            const started = performance.now();
            f(input);
            samples.push(performance.now() - started);
        }
    }
    return latency(samples);
}

function build<T>(make: () => T): { value: T; ms: number; mb: number } {
    const before = heapMb();
    const started = performance.now();
    const value = make();
    const ms = performance.now() - started;
    return { value, ms, mb: heapMb() - before };
}

function measure(data: string, snapshot: KnowledgeSnapshot, questions: readonly string[], profiles: readonly unknown[], rounds: number): Row[] {
    const items = snapshot.items.size;
    const rows: Row[] = [];

    let kejin: KnowledgeIndex | undefined;
    const built = build(() => createSearchIndex(snapshot));
    kejin = built.value;
    const queryKejin = time(questions, rounds, (q) => kejin!.search(q));
    kejin = undefined;
    // The service builds its own index; matching rates every product and searches the question.
    const service = createServiceFromSnapshot(snapshot);
    const match = time(profiles, rounds, (p) => service.match(p));
    rows.push({ data, items, system: 'kejin', buildMs: built.ms, heapMb: built.mb, query: queryKejin, match });

    let baseline: BaselineIndex | undefined;
    const plain = build(() => createBaselineIndex(snapshot.items.values()));
    baseline = plain.value;
    const queryPlain = time(questions, rounds, (q) => baseline!.search(q));
    baseline = undefined;
    rows.push({ data, items, system: 'MiniSearch', buildMs: plain.ms, heapMb: plain.mb, query: queryPlain });
    return rows;
}

function formatTable(rows: readonly Row[]): string {
    const header = ['data', 'items', 'system', 'build ms', 'heap MB', 'query p50 ms', 'query p99 ms', 'match p50 ms', 'match p99 ms'];
    const body = rows.map((r) => [
        r.data,
        r.items.toLocaleString('en'),
        r.system,
        r.buildMs.toFixed(0),
        r.heapMb.toFixed(1),
        r.query.p50.toFixed(3),
        r.query.p99.toFixed(3),
        r.match ? r.match.p50.toFixed(3) : '—',
        r.match ? r.match.p99.toFixed(3) : '—',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
    const line = (cells: readonly string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The goals of the performance issue, at 10,000 cards. */
const GOAL_ITEMS = 10_000;

function formatGoals(row: Row | undefined, live: LiveRow | undefined, cold: ColdStartRow | undefined): string {
    const goal = (name: string, value: number | undefined, limit: number, unit: string) =>
        value === undefined
            ? `  ${name}: not measured`
            : `  ${name}: ${value.toFixed(unit === 's' ? 2 : 1)} ${unit} (goal ≤ ${limit} ${unit}) ${value <= limit ? 'met' : 'NOT met'}`;
    return [
        `goals at ${GOAL_ITEMS.toLocaleString('en')} cards:`,
        goal('build', row && row.buildMs / 1000, 3, 's'),
        goal('heap', row?.heapMb, 150, 'MB'),
        goal('query p50', row?.query.p50, 3, 'ms'),
        goal('query p99', row?.query.p99, 15, 'ms'),
        goal('match p50', row?.match?.p50, 3, 'ms'),
        goal('match p99', row?.match?.p99, 15, 'ms'),
        goal('edit → live', live && live.liveMs / 1000, 1, 's'),
        goal('longest stall meanwhile', live?.maxStallMs, 50, 'ms'),
        goal('cold start to the first MCP answer (shipped knowledge)', cold?.mcpMs && cold.mcpMs / 1000, 0.5, 's'),
        goal("cold start to the bot's first reply (shipped knowledge)", cold?.botMs && cold.botMs / 1000, 0.5, 's'),
    ].join('\n');
}

const sizes = (list: string): number[] =>
    list
        .split(',')
        .map(Number)
        .filter((n) => n > 0);

/** Log-log slope of cost against size between the smallest and largest synthetic rows: 1 grows as the data does. */
function growth(rows: readonly Row[]): string {
    const [a, b] = [rows[0], rows.at(-1)];
    if (!a || !b || a === b) return '';
    const slope = (x: number, y: number) => (Math.log(y) - Math.log(x)) / (Math.log(b.items) - Math.log(a.items));
    const parts = [
        `build ${slope(a.buildMs, b.buildMs).toFixed(2)}`,
        `heap ${slope(a.heapMb, b.heapMb).toFixed(2)}`,
        `query p50 ${slope(a.query.p50, b.query.p50).toFixed(2)}`,
    ];
    if (a.match && b.match) parts.push(`match p50 ${slope(a.match.p50, b.match.p50).toFixed(2)}`);
    return `growth from ${a.items.toLocaleString('en')} to ${b.items.toLocaleString('en')} items (log-log slope, 1 = as the data): ${parts.join(', ')}`;
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            knowledge: { type: 'string', default: 'knowledge' },
            sizes: { type: 'string', default: '1000,10000,30000' },
            live: { type: 'string', default: '1000,10000' },
            'no-cold': { type: 'boolean', default: false },
        },
    });
    if (!(globalThis as { gc?: unknown }).gc) process.stderr.write('bench: run with node --expose-gc for heap figures (npm run bench does)\n');
    const dir = path.resolve(values.knowledge);
    const { snapshot, problems } = await loadKnowledge(dir);
    if (!snapshot) throw new Error(`bench: ${dir} does not load (${problems.filter((p) => p.severity === 'error').length} errors; run kejin check)`);
    const questions = (await loadSearchCases()).map((c) => c.q);
    const profiles = (await loadMatchCases()).map((c) => c.profile);
    const started = performance.now();
    const rows: Row[] = [];
    const log = (text: string) => process.stderr.write(`${text}\n`);

    log(`bench: shipped knowledge (${snapshot.items.size} items), ${questions.length} questions, ${profiles.length} profiles`);
    // The first build of a process also loads OpenCC's dictionaries and builds the
    // character tables of tokenize.ts; every later build (each reload) does not.
    const first = build(() => createSearchIndex(snapshot));
    rows.push(...measure('shipped', snapshot, questions, profiles, 30));
    for (const size of sizes(values.sizes)) {
        log(`bench: synthetic ${size.toLocaleString('en')} items…`);
        const synthetic = syntheticSnapshot(snapshot, size);
        rows.push(...measure(`synthetic`, synthetic, questions, profiles, size > 2000 ? 1 : 3));
    }

    process.stdout.write(`${formatTable(rows)}\n\n`);
    process.stdout.write(
        `first build in a process (with OpenCC and character tables): ${first.ms.toFixed(0)} ms, ${first.mb.toFixed(1)} MB; the rows show rebuilds\n`,
    );
    process.stdout.write(`${growth(rows.filter((r) => r.system === 'kejin' && r.data === 'synthetic'))}\n\n`);

    const live: LiveRow[] = [];
    for (const size of sizes(values.live)) {
        log(`bench: edit → live at ${size.toLocaleString('en')} items (folder written to disk)…`);
        live.push(await measureEditToLive(snapshot, dir, size));
    }
    if (live.length > 0) process.stdout.write(`${formatLive(live)}\n\n`);
    let cold: ColdStartRow | undefined;
    if (!values['no-cold']) {
        log('bench: cold start…');
        const coldRows = await measureColdStart(dir);
        cold = coldRows[0];
        process.stdout.write(`${formatColdStart(coldRows)}\n\n`);
    }
    process.stdout.write(
        `${formatGoals(
            rows.find((r) => r.system === 'kejin' && r.items === GOAL_ITEMS),
            live.find((r) => r.items === GOAL_ITEMS),
            cold,
        )}\n\n`,
    );
    const report = await runEval({ knowledgeDir: dir });
    const { kejin } = report.search;
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    process.stdout.write(
        `eval (${report.search.cases} questions, knowledge ${report.knowledge.version}): R@1 ${pct(kejin.all.recallAt1)}, R@3 ${pct(kejin.all.recallAt3)}, MRR ${kejin.all.mrr.toFixed(3)}, ` +
            `abstention ${pct(kejin.abstention.rate)}, confident on topic ${pct(kejin.confidentOnTopic)}; match ${report.match.passed}/${report.match.cases}\n`,
    );
    process.stdout.write(`node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`);
}

await main();
