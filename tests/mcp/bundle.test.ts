/**
 * The Claude Desktop bundle (`npm run bundle`): built into a temp folder,
 * unpacked with the mcpb tool, and started from the unpacked files the way
 * the host does (the manifest's command and args, `${__dirname}` and the
 * user config substituted), then used with the SDK client over stdio: on the
 * shipped knowledge by default, and on another folder chosen in the user
 * config.
 *
 * `npm run bundle` builds dist/ first, and in the checkout that would empty
 * and rewrite the dist/ that other tests' processes start from while they
 * run: the bundle is made from a copy of the checkout's sources instead, with
 * the real HOME, where npm keeps the registry settings and download cache its
 * `npm ci` needs.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { copyFolder } from '../helpers/knowledge.ts';
import { TOOL_NAMES, callTool, newClient, textOf, newProductCard } from '../helpers/mcp.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const run = promisify(execFile);

interface Manifest {
    server: { mcp_config: { command: string; args: string[]; env: Record<string, string> } };
    user_config: Record<string, { default?: string }>;
}

describe('the .mcpb bundle', () => {
    let work: string;
    let unpacked: string;
    let manifest: Manifest;

    beforeAll(async () => {
        work = await mkdtemp(path.join(tmpdir(), 'kejin-mcpb-'));
        const file = path.join(work, 'kejin.mcpb');
        const checkout = path.join(work, 'checkout');
        for (const part of ['src', 'scripts', 'bundle', 'knowledge', 'package.json', 'package-lock.json', 'tsconfig.json']) {
            await cp(path.join(PROJECT_ROOT, part), path.join(checkout, part), { recursive: true });
        }
        await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(checkout, 'node_modules'));
        await run(process.execPath, [path.join(checkout, 'scripts/bundle.js'), file], {
            cwd: checkout,
            env: { ...process.env, HOME: userInfo().homedir },
            timeout: 240_000,
        });
        unpacked = path.join(work, 'unpacked');
        await run(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/@anthropic-ai/mcpb/dist/cli/cli.js'), 'unpack', file, unpacked], {
            timeout: 60_000,
        });
        manifest = JSON.parse(await readFile(path.join(unpacked, 'manifest.json'), 'utf8')) as Manifest;
    }, 300_000);
    afterAll(async () => {
        if (work) await rm(work, { recursive: true, force: true });
    });

    /** The host's substitution of `${__dirname}` and `${user_config.*}`. */
    function resolve(text: string, userConfig: Record<string, string>): string {
        return text
            .replace(/\$\{__dirname\}/g, unpacked)
            .replace(/\$\{user_config\.(\w+)\}/g, (_, key: string) => userConfig[key] ?? resolve(manifest.user_config[key]?.default ?? '', {}));
    }

    async function start(userConfig: Record<string, string>) {
        const { command, args, env } = manifest.server.mcp_config;
        const transport = new StdioClientTransport({
            command: command === 'node' ? process.execPath : command,
            args: args.map((a) => resolve(a, userConfig)),
            env: {
                PATH: process.env.PATH ?? '',
                ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, resolve(v, userConfig)])),
                LOG_LEVEL: 'silent',
            },
            cwd: tmpdir(),
        });
        const client = newClient();
        await client.connect(transport);
        return client;
    }

    it('starts from the unpacked bundle on the shipped knowledge and serves the five tools', async () => {
        const client = await start({});
        try {
            expect((await client.listTools()).tools.map((t) => t.name)).toEqual([...TOOL_NAMES]);
            const card = await callTool(client, 'get_financing_product', { id: 'gaoqidai' });
            expect(textOf(card)).toContain('高企贷');
        } finally {
            await client.close();
        }
    });

    it('serves the knowledge folder chosen in the user config', async () => {
        const folder = await copyFolder(SHIPPED_KNOWLEDGE);
        await folder.write('products/bundle-loan.md', newProductCard('bundle-loan', '包裹贷'));
        const client = await start({ knowledge_dir: folder.dir });
        try {
            expect(textOf(await callTool(client, 'get_financing_product', { id: 'bundle-loan' }))).toContain('包裹贷');
        } finally {
            await client.close();
            await folder.remove();
        }
    });
});
