/**
 * `kejin bot --set-webhook`, run once per deploy: registers the webhook
 * with its secret and the command menu, and prints the TELEGRAM_BOT_INFO
 * line that lets each instance start without getMe.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { FakeBotApi, TEST_BOT } from '../helpers/fake-bot-api.ts';
import { WEBHOOK_PATH, WEBHOOK_SECRET } from '../helpers/cluster.ts';
import { KEJIN_BIN, SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

function run(env: Record<string, string>, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [KEJIN_BIN, 'bot', '--set-webhook'], {
            cwd,
            env: { PATH: process.env.PATH ?? '', HOME: cwd, KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE, LOG_LEVEL: 'silent', DATA_DIR: cwd, ...env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });
}

describe('kejin bot --set-webhook', () => {
    let api: FakeBotApi;
    let dir: string;
    beforeAll(async () => {
        api = await new FakeBotApi().start();
        dir = mkdtempSync(path.join(tmpdir(), 'kejin-setwebhook-'));
    });
    afterAll(async () => {
        await api?.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('registers the webhook and the commands once, and prints a TELEGRAM_BOT_INFO that config accepts', async () => {
        const url = `https://bot.example.invalid${WEBHOOK_PATH}`;
        const { code, stdout, stderr } = await run(
            { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url, WEBHOOK_URL: url, WEBHOOK_SECRET },
            dir,
        );
        expect(code, stderr).toBe(0);
        expect(api.callsOf('setWebhook')).toHaveLength(1);
        expect(api.callsOf('setWebhook')[0]!.payload).toMatchObject({ url, secret_token: WEBHOOK_SECRET });
        expect(api.callsOf('setMyCommands').length).toBeGreaterThan(0);
        const line = /^TELEGRAM_BOT_INFO='(.*)'$/m.exec(stdout);
        expect(line, stdout).not.toBeNull();
        expect(parseConfig({ TELEGRAM_BOT_INFO: line![1] }).TELEGRAM_BOT_INFO).toMatchObject({ id: TEST_BOT.id, username: TEST_BOT.username });
        expect(stdout).not.toContain(api.token);
    });

    it('says what is missing without WEBHOOK_URL', async () => {
        const { code, stderr } = await run({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url }, dir);
        expect(code).toBe(1);
        expect(stderr).toContain('--set-webhook needs WEBHOOK_URL and WEBHOOK_SECRET');
    });
});
