/**
 * The web chat in a real headless Chromium (Debian's, through
 * playwright-core) against `kejin web` started as a process on the shipped
 * knowledge: a question and its answer, a button, a dialogue of
 * shared/eval, a reload, hostile markup, the CSP, "delete my data", the form
 * path without script, at 375×667 and 1280×800 in zh and en; and two
 * instances on one real redis-server continuing one conversation.
 * Screenshots are kept in a temp folder whose path is printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { redisSkipReason, startRedisServer, type RedisServer } from '../helpers/redis-server.ts';
import { startWebProcess, type WebProcess } from '../helpers/web.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';

const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
function chromiumSkipReason(): string | undefined {
    if (existsSync(CHROMIUM)) return undefined;
    if (process.env.CI) throw new Error(`chromium not found at ${CHROMIUM}; .ci/run installs it with apt`);
    console.warn('[skip] chromium not found: the web chat is not tested in a browser (apt-get install chromium to run it)');
    return 'chromium not installed';
}

interface Dialogue {
    readonly turns: readonly string[];
    readonly expect_last_any: readonly string[];
}

/** The shared evaluation dialogues (../shared/eval), or the copy in tests/eval. */
function dialogues(): Dialogue[] {
    const shared = path.join(PROJECT_ROOT, '..', 'shared', 'eval', 'dialogues.jsonl');
    const file = existsSync(shared) ? shared : path.join(PROJECT_ROOT, 'tests', 'eval', 'dialogues.jsonl');
    return readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Dialogue);
}

const SHOTS = tempDir('kejin-web-shots-');
let browser: Browser;
let web: WebProcess;
let dataDir: string;

beforeAll(async () => {
    console.log(`[web] screenshots in ${SHOTS}`);
    dataDir = tempDir('kejin-web-data-');
    [browser, web] = await Promise.all([
        chromium.launch({
            executablePath: CHROMIUM,
            headless: true,
            args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-quic',
                '--no-first-run',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
            ],
        }),
        startWebProcess({ DATA_DIR: dataDir }),
    ]);
}, 60_000);

afterAll(async () => {
    await browser?.close();
    await web?.stop();
    removeDir(dataDir);
});

/** Types into the one textarea and sends with Enter; resolves when the answer is in the log. */
async function ask(page: Page, text: string): Promise<string> {
    const before = await page.locator('#log .msg.bot').count();
    await page.getByLabel(/提问|Ask/).fill(text);
    await page.getByLabel(/提问|Ask/).press('Enter');
    await page.locator('#log .msg.bot').nth(before).waitFor();
    return page.locator('#log .msg.bot').last().innerText();
}

async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

describe.skipIf(chromiumSkipReason())('the web chat in Chromium', () => {
    it('zh at 375×667: a question, a button, a dialogue, a reload, hostile markup, the CSP, delete my data', async () => {
        const context = await browser.newContext({
            viewport: { width: 375, height: 667 },
            locale: 'zh-CN',
            extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
        });
        const page = await context.newPage();
        const console: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => console.push(m.text()));
        page.on('request', (r) => requests.push(r.url()));
        let dialogs = 0;
        page.on('dialog', (d) => {
            dialogs++;
            void d.dismiss();
        });
        await page.goto(web.url);
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        // Nothing but this server: no CDN, font or third-party script.
        expect(requests.every((u) => u.startsWith(web.url))).toBe(true);
        const log = page.getByRole('log');
        expect(await log.getAttribute('aria-live')).toBe('polite');

        const answer = await ask(page, '高企贷的合作银行有哪些');
        expect(answer).toMatch(/银行/);
        // The page did not reload: the script posted it.
        expect(requests.filter((u) => u === web.url)).toHaveLength(1);
        await shot(page, 'zh-375-answer');

        // A button of the answer: the whole card.
        const bots = await page.locator('#log .msg.bot').count();
        await page
            .locator('#log .msg.bot')
            .last()
            .getByRole('button', { name: /详情|详细/ })
            .first()
            .click();
        await page.locator('#log .msg.bot').nth(bots).waitFor();
        expect(await page.locator('#log .msg.bot').last().innerText()).toContain('高企贷');

        // A dialogue of the shared evaluation: the second turn leans on the first.
        const d = dialogues()[0]!;
        let last = '';
        for (const turn of d.turns) last = await ask(page, turn);
        expect(
            d.expect_last_any.some((w) => last.toLowerCase().includes(w.toLowerCase())),
            last,
        ).toBe(true);

        // A question of the products just matched: a line per product, within the first screen of a phone.
        await ask(page, '我们是高新技术企业，需要流动资金，想贷1000万');
        const each = await ask(page, '这几个利率分别是多少');
        const lines = each.split('\n').filter((l) => l.trim().startsWith('•'));
        expect(lines.length, each).toBeGreaterThanOrEqual(2);
        expect(
            lines.some((l) => l.includes('3.68')),
            each,
        ).toBe(true);
        await shot(page, 'zh-375-list');

        // Shift+Enter breaks the line instead of sending.
        const box = page.getByLabel('提问');
        await box.fill('第一行');
        await box.press('Shift+Enter');
        await box.type('第二行');
        expect(await box.inputValue()).toBe('第一行\n第二行');
        await box.fill('');

        // Hostile markup is shown as text and runs nothing.
        const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>粗</b>';
        await ask(page, hostile);
        expect(await page.locator('#log .msg.user .text').last().innerText()).toBe(hostile);
        expect(await page.locator('#log img').count()).toBe(0);
        expect(await page.evaluate('window.__pwned')).toBeUndefined();

        // An inline script injected into the page is refused by the CSP.
        await page.evaluate(
            `(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.appendChild(s); })()`,
        );
        await page.waitForTimeout(100);
        expect(await page.evaluate('window.__inline')).toBeUndefined();
        expect(console.join('\n')).toMatch(/Content Security Policy/);
        expect(dialogs).toBe(0);

        // A reload keeps the conversation.
        await page.reload();
        expect(await page.getByRole('log').innerText()).toContain('高企贷的合作银行有哪些');
        await shot(page, 'zh-375-reloaded');

        // Delete my data, with its confirmation; a reload shows a fresh start.
        await page.getByRole('button', { name: '删除我的数据' }).click();
        await page
            .locator('#log .msg.bot')
            .last()
            .getByRole('button', { name: /删除|确定/ })
            .first()
            .click();
        await page.locator('#log', { hasNotText: '高企贷的合作银行有哪些' }).waitFor();
        expect(await page.getByRole('log').innerText()).toContain('已删除');
        await page.reload();
        expect(await page.getByRole('log').innerText()).not.toContain('高企贷的合作银行有哪些');
        await shot(page, 'zh-375-deleted');
        await context.close();
    });

    it('en at 1280×800, keyboard only: the guided questionnaire to a match', async () => {
        const context = await browser.newContext({
            viewport: { width: 1280, height: 800 },
            locale: 'en-GB',
            extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' },
        });
        const page = await context.newPage();
        await page.goto(web.url);
        expect(await page.locator('label[for="q"]').innerText()).toBe('Ask');
        const answer = await ask(page, 'What is the interest rate of the Huke Zhuandai?');
        expect(answer).toMatch(/%/);
        await shot(page, 'en-1280-answer');
        // Keyboard alone: focus the "match" button of the menu and press Enter, then answer each step by keys.
        await page
            .getByRole('button', { name: /Match products/ })
            .first()
            .focus();
        await page.keyboard.press('Enter');
        await page
            .locator('#log .msg.bot')
            .last()
            .getByText(/1\/6|Step 1/)
            .waitFor();
        // Each press by Tab-reachable focus and Enter: growth stage, high-tech, done, then skip the rest.
        for (const name of [/^Growth/i, /High-Tech Enterprise/, /Done/, /Skip/, /Skip/, /Skip/, /Skip/]) {
            const before = await page.locator('#log .msg.bot').last().innerText();
            await page.locator('#log .msg.bot').last().getByRole('button', { name }).first().focus();
            await page.keyboard.press('Enter');
            await expect.poll(() => page.locator('#log .msg.bot').last().innerText()).not.toBe(before);
        }
        // Each step took the place of the one before, as the bot edits its message: one questionnaire, then the match.
        expect(await page.locator('#log .msg.bot', { hasText: /Step \d\/6/ }).count()).toBe(0);
        const matched = await page.locator('#log .msg.bot').last().innerText();
        expect(matched).toMatch(/Gaoqidai|High-Tech Enterprise Loan/i);
        await shot(page, 'en-1280-questionnaire');
        await context.close();
    });

    it('works without JavaScript: the form posts and the page comes back with the answer', async () => {
        const context = await browser.newContext({
            javaScriptEnabled: false,
            viewport: { width: 375, height: 667 },
            extraHTTPHeaders: { 'Accept-Language': 'en' },
        });
        const page = await context.newPage();
        await page.goto(web.url);
        await page.getByLabel('Ask').fill('gaoqidai partner banks');
        await page.getByRole('button', { name: 'Send' }).click();
        await page.locator('#log .msg.user').first().waitFor();
        const text = await page.getByRole('log').innerText();
        expect(text).toContain('gaoqidai partner banks');
        expect(text).toMatch(/bank/i);
        await shot(page, 'en-375-nojs');
        await context.close();
    });
});

describe.skipIf(chromiumSkipReason() ?? redisSkipReason())('two instances on one Redis', () => {
    let redis: RedisServer;
    let a: WebProcess;
    let b: WebProcess;
    beforeAll(async () => {
        redis = await startRedisServer();
        [a, b] = await Promise.all([
            startWebProcess({ REDIS_URL: redis.url, DATA_DIR: tempDir('kejin-web-a-') }),
            startWebProcess({ REDIS_URL: redis.url, DATA_DIR: tempDir('kejin-web-b-') }),
        ]);
    }, 60_000);
    afterAll(async () => {
        await Promise.all([a?.stop(), b?.stop()]);
        await redis?.close();
    });

    it('continues on one instance a conversation started on the other, even after the first is killed', async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { 'Accept-Language': 'zh-CN' } });
        const page = await context.newPage();
        const d = dialogues()[0]!;
        await page.goto(a.url);
        await ask(page, d.turns[0]!);
        a.child.kill('SIGKILL');
        // Both listen on 127.0.0.1: the browser sends the same cookie to the other port.
        await page.goto(b.url);
        expect(await page.getByRole('log').innerText()).toContain(d.turns[0]!);
        const last = await ask(page, d.turns[1]!);
        expect(
            d.expect_last_any.some((w) => last.includes(w)),
            last,
        ).toBe(true);
        await shot(page, 'zh-1280-second-instance');
        await context.close();
    });
});
