/**
 * Issue 9, item 12: one line over 10 MB on the MCP stdio server's stdin is
 * refused with a JSON-RPC error, and the session goes on (the SDK's buffer
 * would throw and close the transport: "stdin closed").
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { startStdioServer } from '../../src/mcp/stdio.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
});

afterAll(async () => {
    await service.close();
});

/** Collects the server's output as JSON-RPC messages. */
function messages(stdout: PassThrough): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    let rest = '';
    stdout.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        for (const line of lines) if (line.trim()) out.push(JSON.parse(line) as Record<string, unknown>);
    });
    return out;
}

async function until(predicate: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
    }
}

describe('the MCP stdio server', () => {
    it('answers a line over 10 MB with a JSON-RPC error and keeps the session', async () => {
        const stdin = new PassThrough();
        const stdout = new PassThrough();
        const out = messages(stdout);
        const server = await startStdioServer({ service, logger: silentLogger }, stdin, stdout);
        let ended = false;
        void server.ended.then(() => (ended = true));

        const init = {
            jsonrpc: '2.0',
            id: 1,
            method: 'initialize',
            params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
        };
        stdin.write(`${JSON.stringify(init)}\n`);
        await until(() => out.some((m) => m.id === 1), 'the initialize answer');
        stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);

        // 11 MB in one line, written in pieces as a pipe delivers it.
        const huge = JSON.stringify({
            jsonrpc: '2.0',
            id: 2,
            method: 'tools/call',
            params: { name: 'search_financing_knowledge', arguments: { query: 'x'.repeat(11 * 1024 * 1024) } },
        });
        for (let i = 0; i < huge.length; i += 1 << 20) stdin.write(huge.slice(i, i + (1 << 20)));
        stdin.write('\n');
        await until(() => out.some((m) => m.error !== undefined), 'the refusal');
        const refusal = out.find((m) => m.error !== undefined)!;
        expect(refusal).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } });
        expect(String((refusal.error as { message: string }).message)).toMatch(/10 MiB/);

        stdin.write(
            `${JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'search_financing_knowledge', arguments: { query: '高企贷' } } })}\n`,
        );
        await until(() => out.some((m) => m.id === 3), 'the next answer');
        expect(JSON.stringify(out.find((m) => m.id === 3))).toContain('高企贷');
        expect(ended).toBe(false);
        await server.close();
    }, 30_000);
});
