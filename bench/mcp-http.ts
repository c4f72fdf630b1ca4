/**
 * `npm run bench:mcp` (node --import tsx bench/mcp-http.ts): requests per
 * second of kejin's stateless Streamable HTTP server against a bare SDK v2
 * echo server (`createMcpHandler` with one trivial tool behind
 * `toNodeHandler` on node:http, the SDK's own recipe), in the same process and
 * the same run, so that the ratio says what kejin's own work per request
 * costs. Both eras are measured: 2025-11-25 requests as clients such as
 * Cursor send them, and 2026-07-28 requests (per-request `_meta`, the
 * routing headers) as Claude's clients do.
 *
 * Each round sends JSON-RPC requests from `--concurrency` keep-alive
 * clients for `--seconds`, alternating the two servers so that noise from
 * other processes on the machine falls on both alike; the median round of
 * each is reported, with the 99th percentile and the slowest single request
 * of all rounds and how many took over 2 s. Each round opens its clients'
 * connections anew. By default (`--open before`) they are opened first, all
 * at once, each with one request: that burst is timed on its own ("open"
 * columns: the slowest first request and how many took over 2 s), and the
 * round is then timed on the open connections, so that the two measures do
 * not mix. With `--open during` (the figures before this option) each client
 * opens its connection with its first timed request while the first clients
 * already load the server: new connections arriving at a busy server, whose
 * first requests are the slowest (Node accepts one connection per turn of
 * its event loop; see Turns in src/mcp/http.ts). Requests:
 * `initialize`, `tools/list`, a cheap `tools/call` (kejin:
 * get_financing_product, cycling through every card id; echo: echo) and a
 * search (kejin: search_financing_knowledge; echo: echo of the same text).
 * The search cycles through the real questions of the eval sets that are
 * not held out (tests/eval answers*.jsonl and search*.jsonl, a few hundred),
 * so that no cache keyed on the question could make the figure; the
 * held-out files are never read here.
 *
 * Options: --knowledge DIR (default ./knowledge), --seconds 3, --rounds 3,
 * --concurrency 8 (issue 18 measures at 50 and 100), --only NAME,NAME (cases
 * by name, e.g. search,"search 2026"), --server-process (each server in a
 * process of its own, bench/mcp-servers.ts, as deployed: the client no
 * longer shares their event loop; the ratio then compares the servers
 * alone, and the latencies are those a client of one server sees),
 * --open before|during (see above).
 */
import { spawn } from 'node:child_process';
import { request, Agent } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/core/knowledge/load.ts';
import { loadAnswerCases, loadSearchCases } from '../src/eval/cases.ts';
import { startEchoServer, startKejinServer, type BenchServer } from './mcp-servers.ts';

const { values } = parseArgs({
    options: {
        knowledge: { type: 'string', default: path.resolve('knowledge') },
        seconds: { type: 'string', default: '3' },
        rounds: { type: 'string', default: '3' },
        concurrency: { type: 'string', default: '8' },
        only: { type: 'string' },
        'server-process': { type: 'boolean', default: false },
        open: { type: 'string', default: 'before' },
    },
});
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);
if (values.open !== 'before' && values.open !== 'during') throw new Error(`bench: --open is before or during, not ${values.open}`);
const OPEN_BEFORE = values.open === 'before';

const LEGACY = '2025-11-25';
const MODERN = '2026-07-28';
const HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

interface Call {
    readonly body: string;
    readonly headers: Record<string, string>;
}

/** A 2025-era request: a bare JSON-RPC body, the revision in the header. */
function legacy(method: string, params: unknown): Call {
    return { body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }), headers: { ...HEADERS, 'mcp-protocol-version': LEGACY } };
}

/** A 2026-07-28 request: the per-request `_meta` envelope and the routing headers. */
function modern(method: string, params: Record<string, unknown>): Call {
    const _meta = {
        'io.modelcontextprotocol/protocolVersion': MODERN,
        'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' },
        'io.modelcontextprotocol/clientCapabilities': {},
    };
    const name: Record<string, string> = typeof params.name === 'string' ? { 'mcp-name': params.name } : {};
    return {
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: { ...params, _meta } }),
        headers: { ...HEADERS, 'mcp-protocol-version': MODERN, 'mcp-method': method, ...name },
    };
}

interface Round {
    readonly rate: number;
    /** The slowest single request, ms. */
    readonly maxMs: number;
    /** Requests that took over 2 s (issue 18's bound at concurrency 100). */
    readonly over2s: number;
    /** Every request's time, ms. */
    readonly times: readonly number[];
    /** The slowest first request of a connection opened in the round's opening burst, ms. */
    readonly openMaxMs: number;
    /** First requests of the opening burst that took over 2 s. */
    readonly openOver2s: number;
}

/** The requests of one side of a case, sent in turn (one shared cycle over all clients). */
type Calls = Call | readonly Call[];

function post(agent: Agent, url: string, call: Call): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = request(url, { method: 'POST', headers: call.headers, agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(call.body);
    });
}

/** Requests per second from CONCURRENCY clients sending `calls` (in turn) for SECONDS. */
async function load(url: string, calls: Calls, seconds = SECONDS): Promise<Round> {
    const list: readonly Call[] = Array.isArray(calls) ? calls : [calls as Call];
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let next = 0;
    // The opening burst: every client opens its connection, all at once, with one request.
    const opening = await Promise.all(
        Array.from({ length: OPEN_BEFORE ? CONCURRENCY : 0 }, async () => {
            const call = list[next++ % list.length]!;
            const sent = performance.now();
            const status = await post(agent, url, call);
            if (status !== 200) throw new Error(`${url} answered ${status}`);
            return performance.now() - sent;
        }),
    );
    const end = performance.now() + seconds * 1000;
    let done = 0;
    let maxMs = 0;
    let over2s = 0;
    const times: number[] = [];
    const worker = async () => {
        while (performance.now() < end) {
            const call = list[next++ % list.length]!;
            const sent = performance.now();
            const status = await post(agent, url, call);
            const ms = performance.now() - sent;
            maxMs = Math.max(maxMs, ms);
            times.push(ms);
            if (ms > 2000) over2s++;
            if (status !== 200) throw new Error(`${url} answered ${status}`);
            done++;
        }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const rate = done / ((performance.now() - started) / 1000);
    agent.destroy();
    return { rate, maxMs, over2s, times, openMaxMs: OPEN_BEFORE ? Math.max(...opening) : NaN, openOver2s: opening.filter((ms) => ms > 2000).length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The 99th percentile of every request of the rounds, ms. */
const p99 = (rounds: readonly Round[]) => {
    const all = rounds.flatMap((r) => r.times).sort((a, b) => a - b);
    return all[Math.min(all.length - 1, Math.floor(all.length * 0.99))] ?? 0;
};

/** One of the two servers in a child process (see bench/mcp-servers.ts), once it prints its URL. */
async function startServerProcess(which: 'kejin' | 'echo'): Promise<BenchServer> {
    const script = fileURLToPath(new URL('./mcp-servers.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, which, '--knowledge', values.knowledge], {
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`bench: the ${which} server exited (${code}) before it listened`)));
        createInterface({ input: child.stdout! }).once('line', resolve);
    });
    child.removeAllListeners('exit');
    return {
        url,
        close: () =>
            new Promise<void>((resolve) => {
                child.once('exit', () => resolve());
                child.kill('SIGTERM');
            }),
    };
}

async function main(): Promise<void> {
    const inProcess = !values['server-process'];
    const kejin = inProcess ? await startKejinServer(values.knowledge) : await startServerProcess('kejin');
    const echo = inProcess ? await startEchoServer() : await startServerProcess('echo');
    const { snapshot } = await loadKnowledge(values.knowledge);
    if (!snapshot) throw new Error(`bench: no knowledge in ${values.knowledge}`);
    const ids = [...snapshot.items.keys()];
    const questions = await benchQuestions();
    const echo1 = { name: 'echo', arguments: { text: 'hello' } };
    const products = (wrap: typeof modern) => ids.map((id) => wrap('tools/call', { name: 'get_financing_product', arguments: { id } }));
    const searches = (wrap: typeof modern) =>
        questions.map((query) => wrap('tools/call', { name: 'search_financing_knowledge', arguments: { query } }));
    const echoes = (wrap: typeof modern) => questions.map((text) => wrap('tools/call', { name: 'echo', arguments: { text } }));
    const cases: { name: string; kejin: Calls; echo: Calls }[] = [
        {
            name: 'initialize',
            kejin: legacy('initialize', { protocolVersion: LEGACY, capabilities: {}, clientInfo: { name: 'bench', version: '1' } }),
            echo: legacy('initialize', { protocolVersion: LEGACY, capabilities: {}, clientInfo: { name: 'bench', version: '1' } }),
        },
        { name: 'tools/list', kejin: legacy('tools/list', {}), echo: legacy('tools/list', {}) },
        { name: 'tools/call', kejin: products(legacy), echo: legacy('tools/call', echo1) },
        { name: 'search', kejin: searches(legacy), echo: echoes(legacy) },
        { name: 'discover', kejin: modern('server/discover', {}), echo: modern('server/discover', {}) },
        { name: 'list 2026', kejin: modern('tools/list', {}), echo: modern('tools/list', {}) },
        { name: 'call 2026', kejin: products(modern), echo: modern('tools/call', echo1) },
        { name: 'search 2026', kejin: searches(modern), echo: echoes(modern) },
    ];
    const only = values.only?.split(',');
    console.log(
        `MCP Streamable HTTP, stateless, ${CONCURRENCY} keep-alive clients, ${ROUNDS} rounds of ${SECONDS}s each, median round; search: ${questions.length} questions in turn; servers ${inProcess ? 'in the client process' : 'each in a process of its own'}; connections opened ${OPEN_BEFORE ? 'before each round (open: kejin / echo)' : 'during each round'}`,
    );
    console.log(
        `${'request'.padEnd(12)}${'kejin req/s'.padStart(13)}${'echo req/s'.padStart(13)}${'ratio'.padStart(8)}${'kejin p99'.padStart(11)}${'echo p99'.padStart(10)}${'kejin max ms'.padStart(14)}${'echo max ms'.padStart(13)}${'kejin >2s'.padStart(11)}${'echo >2s'.padStart(10)}${'open max ms'.padStart(18)}${'open >2s'.padStart(12)}`,
    );
    try {
        for (const c of cases.filter((c) => !only || only.includes(c.name))) {
            // Warm both up (JIT, first-use compilation) before timing.
            await load(kejin.url, c.kejin, 1);
            await load(echo.url, c.echo, 1);
            const k: Round[] = [];
            const e: Round[] = [];
            for (let r = 0; r < ROUNDS; r++) {
                k.push(await load(kejin.url, c.kejin));
                e.push(await load(echo.url, c.echo));
            }
            const [mk, me] = [median(k.map((x) => x.rate)), median(e.map((x) => x.rate))];
            const [xk, xe] = [Math.max(...k.map((x) => x.maxMs)), Math.max(...e.map((x) => x.maxMs))];
            const slow = (rounds: Round[]) => rounds.reduce((n, x) => n + x.over2s, 0);
            const opened = (rounds: Round[]) => rounds.reduce((n, x) => n + x.openOver2s, 0);
            const cells = [
                mk.toFixed(0).padStart(13),
                me.toFixed(0).padStart(13),
                (mk / me).toFixed(2).padStart(8),
                p99(k).toFixed(0).padStart(11),
                p99(e).toFixed(0).padStart(10),
                xk.toFixed(0).padStart(14),
                xe.toFixed(0).padStart(13),
                String(slow(k)).padStart(11),
                String(slow(e)).padStart(10),
                // kejin / echo
                (OPEN_BEFORE
                    ? `${Math.max(...k.map((x) => x.openMaxMs)).toFixed(0)} / ${Math.max(...e.map((x) => x.openMaxMs)).toFixed(0)}`
                    : '-'
                ).padStart(18),
                (OPEN_BEFORE ? `${opened(k)} / ${opened(e)}` : '-').padStart(12),
            ];
            console.log(`${c.name.padEnd(12)}${cells.join('')}`);
        }
    } finally {
        await kejin.close();
        await echo.close();
    }
}

/** The questions of the eval sets that are not held out, each once, in file order. */
async function benchQuestions(): Promise<string[]> {
    const texts = [...(await loadAnswerCases()), ...(await loadSearchCases())].map((c) => c.q);
    return [...new Set(texts)];
}

await main();
