/**
 * Cold start: wall time from spawning a command to its first answer, on the
 * shipped knowledge. Two probes, each run a few times (the median is shown):
 *
 * - MCP: `<runner> mcp` over stdio, timed until the answer to a first
 *   `tools/call` of search_financing_knowledge (after `initialize`).
 * - bot: `<runner> bot` in the terminal (no token) with one piped question,
 *   timed until the reply is printed.
 *
 * Runners: `node bin/kejin.js` (which runs dist/ when built, see
 * scripts/build.js), the TypeScript sources through tsx, and a bare MCP SDK
 * server started with `node` as the floor.
 *
 * Options: --rounds N (default 5); --mcp-only: only `node bin/kejin.js mcp`
 * against the bare server, alternated, with the ratio (issue 21's goal).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { PROJECT_ROOT } from '../src/root.ts';

export interface ColdStartRow {
    readonly runner: string;
    readonly mcpMs?: number;
    readonly botMs?: number;
}

const SEARCH_CALL = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'search_financing_knowledge', arguments: { query: '高企贷' } } };
const INITIALIZE = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } },
};

/** Spawns `command args`, writes `input`, resolves with the ms until stdout satisfies `done`. */
function timeUntil(
    command: string,
    args: readonly string[],
    env: Record<string, string>,
    input: string,
    done: (stdout: string) => boolean,
    keepStdinOpen: boolean,
): Promise<number> {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(command, args, {
            cwd: PROJECT_ROOT,
            env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: '', ...env },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`${args.join(' ')}: no answer within 30 s; stderr: ${stderr}`));
        }, 30_000);
        child.stdout.on('data', (d: Buffer) => {
            stdout += d.toString('utf8');
            if (done(stdout)) {
                const ms = performance.now() - started;
                clearTimeout(timer);
                child.kill('SIGTERM');
                resolve(ms);
            }
        });
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        child.on('error', reject);
        if (keepStdinOpen) child.stdin.write(input);
        else child.stdin.end(input);
    });
}

const mcpInput = `${JSON.stringify(INITIALIZE)}\n${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n${JSON.stringify(SEARCH_CALL)}\n`;
const answeredSearch = (stdout: string) => stdout.includes('"id":2');

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
}

async function repeat(rounds: number, f: () => Promise<number>): Promise<number> {
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) samples.push(await f());
    return median(samples);
}

/** A bare SDK server with one tool: what `node` plus the MCP SDK cost before any kejin code. */
const BARE_SERVER = `
import { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { z } from 'zod';
serveStdio(() => {
    const server = new McpServer({ name: 'bare', version: '0' });
    server.registerTool('search_financing_knowledge', { inputSchema: z.object({ query: z.string() }) }, async ({ query }) => ({ content: [{ type: 'text', text: query }] }));
    return server;
});
`;

export interface ColdStartOptions {
    readonly rounds?: number;
    /** Only the MCP probe of `node bin/kejin.js` and the bare server (the issue 21 ratio), not the bot or tsx. */
    readonly mcpOnly?: boolean;
}

export async function measureColdStart(knowledgeDir: string, options: ColdStartOptions = {}): Promise<ColdStartRow[]> {
    const rounds = options.rounds ?? 5;
    // bin/kejin.js runs dist/ only while it is newer than src/: build it first.
    await promisify(execFile)(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.js')]);
    const env = { KNOWLEDGE_DIR: knowledgeDir };
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'kejin-cold-'));
    const dataEnv = { ...env, DATA_DIR: tmp };
    const bare = path.join(PROJECT_ROOT, 'node_modules', '.kejin-bench-bare-server.mjs');
    await writeFile(bare, BARE_SERVER);
    const bin = path.join(PROJECT_ROOT, 'bin/kejin.js');
    const runners: { runner: string; args: string[] }[] = [
        { runner: 'node bin/kejin.js', args: [bin] },
        ...(options.mcpOnly ? [] : [{ runner: 'tsx src/bin/kejin.ts', args: ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/bin/kejin.ts')] }]),
    ];
    const mcp = (args: string[]) => () => timeUntil(process.execPath, args, env, mcpInput, answeredSearch, true);
    try {
        if (options.mcpOnly) {
            // Alternated, so that other load on the machine falls on both alike.
            const kejin: number[] = [];
            const floor: number[] = [];
            for (let i = 0; i < rounds; i++) {
                kejin.push(await mcp([bin, 'mcp'])());
                floor.push(await mcp([bare])());
            }
            return [
                { runner: 'node bin/kejin.js', mcpMs: median(kejin) },
                { runner: 'bare MCP SDK server (node)', mcpMs: median(floor) },
            ];
        }
        const rows: ColdStartRow[] = [];
        for (const { runner, args } of runners) {
            const mcpMs = await repeat(rounds, mcp([...args, 'mcp']));
            const botMs = await repeat(rounds, () =>
                timeUntil(process.execPath, [...args, 'bot'], dataEnv, '高企贷\n', (out) => out.includes('高企贷'), false),
            );
            rows.push({ runner, mcpMs, botMs });
        }
        rows.push({ runner: 'bare MCP SDK server (node)', mcpMs: await repeat(rounds, mcp([bare])) });
        return rows;
    } finally {
        await rm(tmp, { recursive: true, force: true });
        await rm(bare, { force: true });
    }
}

export function formatColdStart(rows: readonly ColdStartRow[]): string {
    const cell = (ms?: number) => (ms === undefined ? '—' : `${ms.toFixed(0)} ms`);
    const width = Math.max(...rows.map((r) => r.runner.length));
    const floor = rows.find((r) => r.runner.startsWith('bare'))?.mcpMs;
    const ratio = (r: ColdStartRow) =>
        floor && r.mcpMs !== undefined && !r.runner.startsWith('bare') ? ` (${(r.mcpMs / floor).toFixed(2)}× bare)` : '';
    return [
        `${'cold start to first answer'.padEnd(width)}  ${'MCP'.padStart(7)}  ${'bot'.padStart(7)}`,
        ...rows.map((r) => `${r.runner.padEnd(width)}  ${cell(r.mcpMs).padStart(7)}  ${cell(r.botMs).padStart(7)}${ratio(r)}`),
    ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, 'mcp-only': { type: 'boolean', default: false } } });
    const dir = path.join(PROJECT_ROOT, 'knowledge');
    process.stdout.write(`${formatColdStart(await measureColdStart(dir, { rounds: Number(values.rounds), mcpOnly: values['mcp-only'] }))}\n`);
}
