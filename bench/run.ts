/**
 * `npm run bench` (node --expose-gc --import tsx bench/run.ts): index build
 * time and heap, query latency and match latency, on the shipped knowledge
 * and on synthetic snapshots of 1,000 and 10,000 cards (bench/synthetic.ts),
 * beside plain MiniSearch (default tokenizer and options, same cards, same
 * questions). The questions are those of tests/eval/search*.jsonl, the
 * profiles those of tests/eval/match*.jsonl.
 *
 * Options: --knowledge DIR (default ./knowledge), --sizes 1000,10000.
 * Takes about a minute and a half on two cores.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge, type KnowledgeSnapshot } from '../src/core/knowledge/load.ts';
import { createSearchIndex, type KnowledgeIndex } from '../src/core/search/index.ts';
import { createServiceFromSnapshot } from '../src/core/service.ts';
import { createBaselineIndex, type BaselineIndex } from '../src/eval/baseline.ts';
import { loadMatchCases, loadSearchCases } from '../src/eval/cases.ts';
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

function heapMb(): number {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 1024 / 1024;
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

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { knowledge: { type: 'string', default: 'knowledge' }, sizes: { type: 'string', default: '1000,10000' } } });
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
    for (const size of values.sizes.split(',').map(Number).filter((n) => n > 0)) {
        log(`bench: synthetic ${size.toLocaleString('en')} items…`);
        const synthetic = syntheticSnapshot(snapshot, size);
        rows.push(...measure(`synthetic`, synthetic, questions, profiles, size > 2000 ? 1 : 3));
    }

    const shipped = rows.find((r) => r.data === 'shipped' && r.system === 'kejin')!;
    const largest = rows.filter((r) => r.system === 'kejin').at(-1)!;
    process.stdout.write(`${formatTable(rows)}\n\n`);
    process.stdout.write(`targets: query p50 < 1 ms on the shipped knowledge: ${shipped.query.p50 < 1 ? 'met' : 'NOT met'} (${shipped.query.p50.toFixed(3)} ms); `);
    process.stdout.write(`build < 3 s at ${largest.items.toLocaleString('en')} items: ${largest.buildMs < 3000 ? 'met' : 'NOT met'} (${(largest.buildMs / 1000).toFixed(1)} s)\n`);
    process.stdout.write(`first build in a process (with OpenCC and character tables): ${first.ms.toFixed(0)} ms, ${first.mb.toFixed(1)} MB; the rows show rebuilds\n`);
    process.stdout.write(`node ${process.version}, ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`);
}

await main();
