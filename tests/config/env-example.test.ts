/**
 * The first hour: `.env.example` copied to `.env` as its header says must
 * leave every command working. An empty `KNOWLEDGE_DIR=` or `DATA_DIR=`
 * means "unset" (the defaults), not the current folder.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, parseConfig, PROJECT_ROOT } from '../../src/config.ts';
import { KEJIN_BIN, SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let cwd: string;
let dataDir: string;

beforeAll(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'kejin-env-example-'));
    dataDir = mkdtempSync(path.join(tmpdir(), 'kejin-env-data-'));
    copyFileSync(path.join(PROJECT_ROOT, '.env.example'), path.join(cwd, '.env'));
});

afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The process's own environment holds only PATH and HOME, and DATA_DIR so
 * that the test writes into a temporary folder (the real environment wins
 * over `.env`, as dotenv does); everything else comes from the copied file.
 */
function run(args: string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [KEJIN_BIN, ...args], {
        cwd,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, DATA_DIR: dataDir },
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdin.end(stdin ?? '');
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('.env.example copied to .env as it is', () => {
    it('reads every empty variable as unset: the defaults apply', () => {
        const env: Record<string, string> = {};
        for (const line of readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8').split('\n')) {
            const m = /^([A-Z_]+)=(.*)$/.exec(line);
            if (m) env[m[1]!] = m[2]!;
        }
        const config = parseConfig(env);
        expect(config.KNOWLEDGE_DIR).toBe(SHIPPED_KNOWLEDGE);
        expect(config.DATA_DIR).toBe(path.join(PROJECT_ROOT, 'data'));
        expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
        expect(config.REDIS_URL).toBeUndefined();
        // Blank or spaces only is unset for every variable, whatever its type.
        const blank = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, '  ']));
        expect(parseConfig(blank)).toEqual(parseConfig({}));
    });

    it('documents every variable the configuration reads', () => {
        const example = readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');
        const missing = Object.keys(configSchema.shape).filter((k) => !new RegExp(`^${k}=`, 'm').test(example));
        expect(missing).toEqual([]);
    });

    it('kejin check and kejin ask work', async () => {
        const check = await run(['check']);
        expect(check.stderr).not.toContain('holds no cards');
        expect(check.code).toBe(0);
        const ask = await run(['ask', '高企贷']);
        expect(ask.code).toBe(0);
        expect(ask.stdout).toMatch(/^高企贷/);
    }, 40_000);

    it('the terminal bot answers', async () => {
        const bot = await run(['bot'], '高企贷\n');
        expect(bot.code).toBe(0);
        expect(bot.stdout).toContain('关于“高企贷”');
        expect(existsSync(path.join(cwd, 'insights'))).toBe(false);
    }, 40_000);

    it('kejin mcp serves the shipped knowledge over stdio', async () => {
        const transport = new StdioClientTransport({
            command: process.execPath,
            args: [KEJIN_BIN, 'mcp'],
            cwd,
            env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, DATA_DIR: dataDir },
            stderr: 'pipe',
        });
        const client = new Client({ name: 'kejin-test', version: '0.0.0' }, { capabilities: {} });
        await client.connect(transport);
        try {
            const result = await client.callTool({ name: 'get_financing_product', arguments: { id: 'gaoqidai' } });
            expect(result.isError).toBeFalsy();
        } finally {
            await client.close();
        }
        expect(existsSync(path.join(cwd, 'insights'))).toBe(false);
    }, 40_000);
});
