/**
 * The terminal mode: in-process over streams (numbered buttons, inline
 * queries, piped input to the end), and as the real command with no token.
 */
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { runInTerminal } from '../../src/bot/runtime/run.ts';
import { silentLogger } from '../../src/logger.ts';
import { FakeBotApi } from '../helpers/fake-bot-api.ts';
import { testConfig } from '../helpers/bot-harness.ts';
import { KEJIN_BIN, SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { shippedService } from '../helpers/knowledge.ts';

const zh = MESSAGES.zh;

let dataDir: string;

beforeEach(() => {
    dataDir = tempDir();
});

afterEach(() => {
    removeDir(dataDir);
});

afterAll(async () => {
    await (await shippedService()).close();
});

async function converse(lines: string[], interactive = false): Promise<string> {
    const input = new PassThrough();
    let screen = '';
    const output = { write: (text: string) => (screen += text) };
    const deps = { config: testConfig({ DATA_DIR: dataDir }), logger: silentLogger, service: await shippedService() };
    input.end(lines.map((l) => `${l}\n`).join(''));
    await runInTerminal(deps, { input, output, interactive });
    return screen;
}

describe('terminal mode in-process', () => {
    it('renders HTML as plain text and keyboards as numbered choices', async () => {
        const screen = await converse(['/start']);
        expect(screen).toContain('*科金助手*');
        expect(screen).toContain(`[1] ${zh.menuMatch}`);
        expect(screen).not.toMatch(/<\/?b>/);
    });

    it('a number presses that button of the last keyboard (same handlers as Telegram)', async () => {
        const screen = await converse(['/start', '1', '3']);
        expect(screen).toContain(zh.qStage);
        expect(screen).toContain(zh.qQualifications);
        expect(screen).toContain('第 2/6 步');
    });

    it('typed answers run the questionnaire to the result', async () => {
        const screen = await converse(['/match', '成长期', '高企', '小型', '流动资金', '有', '500万']);
        expect(screen).toContain('第 6/6 步');
        expect(screen).toMatch(/找到 \*\d+\* 个|没有找到符合的产品/);
    });

    it('a number with no such button is text', async () => {
        const screen = await converse(['/start', '99']);
        expect(screen).toContain('关于“99”');
    });

    it('answers an inline query typed as @bot words', async () => {
        const screen = await converse(['@kejin_bot 高企贷']);
        expect(screen).toMatch(/1\. .*高企贷/);
    });

    it('follows a conversation: /lang en holds for Chinese, a correction changes the match, a follow-up stays on its item', async () => {
        const corrected = await converse(['我们是初创期的科技型中小企业，想贷200万', '说错了，我们已经是高新技术企业了', '现在能申请什么']);
        const last = corrected.split('» 现在能申请什么')[1]!;
        expect(last).toContain('高新技术企业');
        expect(last).toContain('高企贷');

        const followUp = await converse(['无缝续贷是什么', '要找谁申请']);
        const reply = followUp.split('» 要找谁申请')[1]!;
        expect(reply).toContain('无缝续贷');
        expect(reply).toContain('贷款银行');

        // Last: the language chosen is kept in this user's session.
        const lang = await converse(['/lang en', '科技履约贷是什么']);
        expect(lang).toContain('Performance Bond');
        expect(lang.split('» 科技履约贷是什么')[1]).not.toMatch(/关于“/);
    });

    it('interactive: greets, opens with /start and prompts', async () => {
        const screen = await converse([], true);
        expect(screen).toContain('terminal mode');
        expect(screen).toContain(zh.menuMatch);
        expect(screen).toContain('> ');
    });
});

function runKejin(args: string[], env: Record<string, string>, stdin: string | undefined, timeoutMs = 30_000) {
    const child = spawn(process.execPath, [KEJIN_BIN, ...args], {
        cwd: dataDir,
        env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            TELEGRAM_BOT_TOKEN: '',
            LOG_LEVEL: 'silent',
            KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
            DATA_DIR: dataDir,
            ...env,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    if (stdin !== undefined) child.stdin.end(stdin);
    const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`kejin ${args.join(' ')} did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
        }, timeoutMs);
        child.on('exit', (code) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
        });
    });
    return { child, exited };
}

describe('`kejin bot` as a command', () => {
    it('with no token, answers piped input on stdout and exits 0 at EOF', async () => {
        const { exited } = runKejin(['bot'], {}, '高企贷\n');
        const { code, stdout, stderr } = await exited;
        expect(stderr).not.toMatch(/error/i);
        expect(code).toBe(0);
        expect(stdout).toContain('关于“高企贷”');
        expect(stdout).toContain('高企贷');
    });

    it('with a token, long-polls the Bot API and stops gracefully on SIGTERM', async () => {
        const api = await new FakeBotApi().start();
        try {
            const { child, exited } = runKejin(['bot'], { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.url }, undefined);
            await api.until(() => api.callsOf('getUpdates').length > 0, 20_000, 'the bot to poll');
            const id = api.push({
                message: {
                    message_id: 1,
                    date: 0,
                    chat: { id: 7, type: 'private', first_name: 'T' },
                    from: { id: 7, is_bot: false, first_name: 'T' },
                    text: '/start',
                    entities: [{ type: 'bot_command', offset: 0, length: 6 }],
                },
            });
            await api.until(() => api.callsOf('sendMessage').length === 1, 15_000, 'the reply');
            await api.confirmed(id);
            child.kill('SIGTERM');
            const { code } = await exited;
            expect(code).toBe(0);
            // The last getUpdates confirms the handled update so that it is not delivered again.
            expect(api.callsOf('getUpdates').at(-1)!.payload).toMatchObject({ offset: id + 1, limit: 1 });
        } finally {
            await api.close();
        }
    });
});
