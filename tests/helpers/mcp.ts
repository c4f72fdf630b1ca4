/**
 * Shared set-up for the MCP tests: real SDK clients over each transport. The
 * tools are tested on the shipped knowledge (SHIPPED_KNOWLEDGE): on what they
 * serve, not on a copy that drifts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Client, type CallToolResult, type Tool } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/client/validators/ajv';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { startHttpServer, type RunningHttpServer } from '../../src/mcp/http.ts';
import { createMcpServer } from '../../src/mcp/server.ts';
import { cardMarkdown, productCard } from './cards.ts';
import { copyFolder } from './knowledge.ts';
import { KEJIN_BIN, SHIPPED_KNOWLEDGE } from './paths.ts';

export const TOOL_NAMES = [
    'search_financing_knowledge',
    'match_financing_products',
    'get_financing_product',
    'list_financing_products',
    'get_financing_contacts',
] as const;

/** A 2025-era client (the SDK's default: the initialize handshake), or one pinned to the 2026-07-28 revision. */
export function newClient(era: 'legacy' | 'modern' = 'legacy'): Client {
    const modern = era === 'modern' ? ({ versionNegotiation: { mode: { pin: '2026-07-28' } } } as const) : {};
    return new Client({ name: 'kejin-test', version: '0.0.0' }, { capabilities: {}, ...modern });
}

/** A real Client talking to createMcpServer() through the SDK's in-memory pair. */
export async function connectInMemory(service: KnowledgeService): Promise<{ client: Client; close(): Promise<void> }> {
    const mcp = createMcpServer({ service, logger: silentLogger });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await mcp.connect(serverSide);
    const client = newClient();
    await client.connect(clientSide);
    return {
        client,
        close: async () => {
            await client.close();
            await mcp.close();
        },
    };
}

/** `node bin/kejin.js mcp …` with a real StdioClientTransport. */
export async function connectStdio(
    env: Record<string, string>,
    stderr: string[] = [],
    era: 'legacy' | 'modern' = 'legacy',
): Promise<{ client: Client; transport: StdioClientTransport; close(): Promise<void> }> {
    const transport = new StdioClientTransport({
        command: process.execPath,
        args: [KEJIN_BIN, 'mcp'],
        cwd: PROJECT_ROOT,
        env: { ...process.env, LOG_LEVEL: 'silent', ...env } as Record<string, string>,
        stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const client = newClient(era);
    await client.connect(transport);
    return { client, transport, close: () => client.close() };
}

/** Spawns `node bin/kejin.js mcp --http --port 0` and waits for the address it logs. */
export async function spawnHttp(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; stderr: string[] }> {
    const child = spawn(process.execPath, [KEJIN_BIN, 'mcp', '--http', '--port', '0'], {
        cwd: PROJECT_ROOT,
        // Explicit values: a developer's .env must not change what the test sees.
        env: { ...process.env, LOG_LEVEL: 'info', MCP_HTTP_HOST: '127.0.0.1', MCP_ALLOWED_HOSTS: '', MCP_AUTH_TOKEN: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address logged:\n${stderr.join('')}`)), 15_000);
        child.stderr!.on('data', (chunk: Buffer) => {
            stderr.push(chunk.toString());
            const found = /"url":"([^"]+)"/.exec(stderr.join(''));
            if (found) {
                clearTimeout(timer);
                resolve(found[1]!);
            }
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${stderr.join('')}`)));
    });
    return { child, url, stderr };
}

const ajv = new AjvJsonSchemaValidator();

/** Checks `structuredContent` against the outputSchema the server advertises, independently of the Client. */
export function expectValidOutput(tool: Tool, result: CallToolResult): Record<string, unknown> {
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(tool.outputSchema, `${tool.name} has no outputSchema`).toBeDefined();
    const check = ajv.getValidator(tool.outputSchema!)(result.structuredContent);
    expect(check.errorMessage, `${tool.name}: ${check.errorMessage}`).toBeUndefined();
    expect(check.valid).toBe(true);
    return result.structuredContent as Record<string, unknown>;
}

export function textOf(result: CallToolResult | { content?: unknown }): string {
    const content = (result.content ?? []) as { type: string; text?: string }[];
    return content
        .filter((c) => c.type === 'text')
        .map((c) => c.text)
        .join('\n');
}

export async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

export async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
        const value = await probe();
        if (value !== undefined && value !== false) return value;
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
    }
}

/** A card that the live-reload tests write into a copy of the shipped knowledge: the only one about quantum technology. */
export function newProductCard(id: string, name: string): string {
    return cardMarkdown(
        productCard({
            id,
            name,
            name_en: `Test Quantum Loan ${id}`,
            summary: { zh: '仅用于测试的量子科技贷款，验证热更新。', en: 'A quantum technology loan that exists only to test live reload.' },
            topics: ['量子科技', 'quantum'],
            needs: ['credit-loan'],
            sources: [{ key: 'T1', title: '测试来源', url: 'https://example.org/test' }],
            last_verified: '2026-11-26',
            body: '\n量子科技贷款。',
        }),
    );
}

/** `kejin mcp --http` in process, serving a watched copy of the shipped knowledge that a test may edit. */
export interface LiveHttpServer {
    readonly folder: Awaited<ReturnType<typeof copyFolder>>;
    readonly service: KnowledgeService;
    readonly http: RunningHttpServer;
    close(): Promise<void>;
}

export async function startLiveHttpServer(): Promise<LiveHttpServer> {
    const folder = await copyFolder(SHIPPED_KNOWLEDGE);
    const service = await createKnowledgeService({ dir: folder.dir, watch: true, debounceMs: 50, logger: silentLogger });
    const http = await startHttpServer({ service, logger: silentLogger }, { host: '127.0.0.1', port: 0, maxBodyBytes: 256 * 1024 });
    return {
        folder,
        service,
        http,
        async close() {
            await http.close();
            await service.close();
            await folder.remove();
        },
    };
}
