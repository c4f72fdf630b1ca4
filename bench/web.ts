/**
 * `npm run bench:web` (node --expose-gc --import tsx bench/web.ts): a
 * bounded load test of the web chat on the shipped knowledge. `--sessions`
 * browser sessions (default 200) each load the page, then send `--turns`
 * messages and button presses (questions, follow-ups, a profile told, a card
 * opened), `--concurrency` sessions at a time, against the real server on
 * 127.0.0.1 with the default file session store in a temp folder.
 *
 * Reported: p50/p90/p99 of the server-side time of a turn (its
 * Server-Timing header: from the request to the written session and
 * transcript), the client-side round trip, errors (any status but 200), and
 * the heap after a forced GC at the start, halfway and at the end, which
 * must stay flat. A fixed number of requests, so it ends by itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createKnowledgeService } from '../src/core/service.ts';
import { silentLogger } from '../src/logger.ts';
import { memoryLimiter } from '../src/web/limit.ts';
import { createWebStores } from '../src/web/stores.ts';
import { startWebServer } from '../src/web/server.ts';

const { values } = parseArgs({
    options: {
        knowledge: { type: 'string', default: path.resolve('knowledge') },
        sessions: { type: 'string', default: '200' },
        turns: { type: 'string', default: '6' },
        concurrency: { type: 'string', default: '8' },
    },
});
const SESSIONS = Number(values.sessions);
const TURNS = Number(values.turns);
const CONCURRENCY = Number(values.concurrency);

/** What a session sends, in order (cycled): typed turns as {q}, button presses as {a}. */
const SCRIPT: readonly ({ q: string } | { a: string })[] = [
    { q: '高企贷的合作银行有哪些' },
    { q: '它的利率多少' },
    { a: 'i:gaoqidai' },
    { q: '我们是成长期的专精特新中小企业，想要无抵押的信用贷款' },
    { q: 'What is the interest rate of the Huke Zhuandai?' },
    { a: 'm:match' },
    { q: '知识产权质押融资怎么办' },
    { q: '登记要多久' },
];

function heapMb(): number {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed / 2 ** 20;
}

function percentile(sorted: readonly number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kejin-bench-web-'));
    const service = await createKnowledgeService({ dir: values.knowledge });
    const web = await startWebServer(
        { service, logger: silentLogger, ...createWebStores({ dataDir }, silentLogger), limiter: memoryLimiter() },
        {
            host: '127.0.0.1',
            port: 0,
            trustProxy: false,
            maxBodyBytes: 16 * 1024,
            sessionRatePerMinute: 10_000,
            ipRatePerMinute: 1_000_000,
            sessionTtlDays: 180,
            defaultLang: 'zh',
        },
    );
    const server: number[] = [];
    const client: number[] = [];
    const statuses = new Map<number, number>();
    const heap = [heapMb()];

    async function session(n: number): Promise<void> {
        const page = await fetch(web.url, { headers: { 'Accept-Language': n % 2 ? 'en' : 'zh-CN' } });
        const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
        const csrf = /<meta name="csrf" content="([^"]+)">/.exec(await page.text())?.[1] ?? '';
        for (let t = 0; t < TURNS; t++) {
            const body = SCRIPT[(n + t) % SCRIPT.length]!;
            const started = performance.now();
            const res = await fetch(new URL('/chat', web.url), {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Cookie: cookie },
                body: JSON.stringify(body),
            });
            await res.arrayBuffer();
            client.push(performance.now() - started);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const dur = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1];
            if (dur) server.push(Number(dur));
        }
    }

    let next = 0;
    const started = performance.now();
    async function worker(): Promise<void> {
        while (next < SESSIONS) {
            const n = next++;
            await session(n);
            if (n === Math.floor(SESSIONS / 2)) heap.push(heapMb());
        }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    heap.push(heapMb());
    await web.close();
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });

    const s = [...server].sort((a, b) => a - b);
    const c = [...client].sort((a, b) => a - b);
    const errors = [...statuses].filter(([status]) => status !== 200).reduce((n, [, k]) => n + k, 0);
    const fmt = (x: number) => x.toFixed(1);
    process.stdout.write(
        [
            `web chat: ${SESSIONS} sessions × ${TURNS} turns, ${CONCURRENCY} at a time, ${s.length} turns in ${seconds.toFixed(1)} s (${(s.length / seconds).toFixed(0)}/s)`,
            `server-side turn ms: p50 ${fmt(percentile(s, 50))}  p90 ${fmt(percentile(s, 90))}  p99 ${fmt(percentile(s, 99))}  max ${fmt(s.at(-1) ?? NaN)}`,
            `client round trip ms: p50 ${fmt(percentile(c, 50))}  p99 ${fmt(percentile(c, 99))}`,
            `statuses: ${[...statuses].map(([k, v]) => `${k}×${v}`).join(' ')}  errors: ${errors}`,
            `heap MB after GC: start ${heap.map(fmt).join(' → ')}${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for exact figures)'}`,
            '',
        ].join('\n'),
    );
    if (errors > 0) process.exitCode = 1;
}

await main();
