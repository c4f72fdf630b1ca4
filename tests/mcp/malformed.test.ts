/**
 * Malformed requests are the client's mistake: answered `-32602` with a
 * short line naming the field, on both protocol eras, never `-32603` with a
 * schema library's issue dump (issue 18, item 14). And no answer carries
 * half a character (a lone UTF-16 surrogate), whatever the question held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { startHttpServer, type RunningHttpServer } from '../../src/mcp/http.ts';
import { shortIssues, wellFormed, wellFormedText } from '../../src/mcp/wire.ts';
import { callTool, connectInMemory, textOf } from '../helpers/mcp.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;
let http: RunningHttpServer;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
    http = await startHttpServer({ service, logger: silentLogger }, { host: '127.0.0.1', port: 0, maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
    await http?.close();
    await service?.close();
});

const BASE = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
const ENVELOPE = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': {},
};

/** One request as a 2025-era client sends it, or with the 2026-07-28 envelope and routing headers. */
async function send(era: 'legacy' | 'modern', method: string, params?: Record<string, unknown>): Promise<{ code: number; message: string }> {
    const modern = era === 'modern';
    const body = { jsonrpc: '2.0', id: 9, method, ...(params || modern ? { params: { ...params, ...(modern ? { _meta: ENVELOPE } : {}) } } : {}) };
    const name: Record<string, string> = typeof params?.name === 'string' ? { 'mcp-name': params.name } : {};
    const headers = modern
        ? { ...BASE, 'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...name }
        : { ...BASE, 'mcp-protocol-version': '2025-11-25' };
    const res = await fetch(http.url, { method: 'POST', headers, body: JSON.stringify(body) });
    const json = (await res.json()) as { error?: { code: number; message: string } };
    expect(json.error, JSON.stringify(json)).toBeDefined();
    return json.error!;
}

function expectShort(error: { code: number; message: string }, mentions: string): void {
    expect(error.code).toBe(-32602);
    expect(error.message).toContain(mentions);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toMatch(/\[\s*\{/);
    expect(error.message.length).toBeLessThanOrEqual(300);
}

describe('malformed requests', () => {
    for (const era of ['legacy', 'modern'] as const) {
        it(`are answered -32602 with a short message (${era} era)`, async () => {
            expectShort(await send(era, 'tools/call', { name: 'get_financing_product', arguments: null }), 'params.arguments');
            expectShort(await send(era, 'tools/call', { name: 'get_financing_product', arguments: [1, 2] }), 'params.arguments');
            expectShort(await send(era, 'tools/call', era === 'legacy' ? undefined : {}), era === 'legacy' ? 'params' : 'params.name');
        });
    }

    it('a bogus log level is -32602 naming the allowed levels, not -32603', async () => {
        const error = await send('legacy', 'logging/setLevel', { level: 'bogus' });
        expectShort(error, 'params.level');
        expect(error.message).toContain('warning');
    });

    it('keeps a message that is not a schema dump as it is', () => {
        expect(shortIssues('Tool nope not found')).toBeUndefined();
    });
});

describe('no half characters', () => {
    it('drops lone surrogates, keeps pairs, and copies nothing when all is well', () => {
        const cut = '科技贷款😀'.slice(0, -1); // half of the emoji
        expect(wellFormedText(cut)).toBe('科技贷款');
        expect(wellFormedText('a😀b')).toBe('a😀b');
        const clean = { a: ['x', { b: 'y' }] };
        expect(wellFormed(clean)).toBe(clean);
        expect(wellFormed({ a: ['x', { b: `y${cut}` }] })).toEqual({ a: ['x', { b: 'y科技贷款' }] });
    });

    it('answers a question holding half an emoji without echoing the half', async () => {
        const { client, close } = await connectInMemory(service);
        try {
            const result = await callTool(client, 'search_financing_knowledge', { query: `高企贷\uD83D的额度` });
            const wire = JSON.stringify(result);
            expect(wire).not.toMatch(/\\ud83d(?!\\ud[c-f])/i);
            expect(textOf(result)).toContain('高企贷');
        } finally {
            await close();
        }
    });
});
