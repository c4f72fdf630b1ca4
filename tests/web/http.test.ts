/**
 * The web chat over HTTP, in process on the shipped knowledge: the page and
 * its headers, the form path without script, and every refusal (Host,
 * Origin, cross-site, CSRF, body size, rate) with the status a browser or
 * proxy expects.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.ts';
import { mountMcp } from '../../src/web/mcp-mount.ts';
import { createMemoryFeedbackMemo } from '../../src/core/insights/feedback.ts';
import { createQuestionLog } from '../../src/core/insights/log.ts';
import { Client, startInProcess, type InProcessWeb } from '../helpers/web.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { shippedService } from '../helpers/knowledge.ts';

let server: InProcessWeb;
let base: string;

beforeAll(async () => {
    server = await startInProcess();
    base = server.web.url;
}, 30_000);
afterAll(() => server?.close());

/** fetch will not send another Host header; node:http will. */
function statusWithHost(url: string, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = request(url, { headers: { Host: host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
    });
}

function textOf(html: string): string {
    return html
        .replace(/<[^>]+>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}

describe('the page', () => {
    it('is one HTML page with its own stylesheet and script, strict headers and a session cookie', async () => {
        const c = new Client(base, { 'Accept-Language': 'en-GB,en;q=0.9,zh;q=0.5' });
        const res = await c.page();
        expect(res.status).toBe(200);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toMatch(/unsafe-(inline|eval)/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('same-origin');
        const cookie = res.headers.get('set-cookie') ?? '';
        expect(cookie).toMatch(/^kejin_sid=[A-Za-z0-9_-]{43}; /);
        expect(cookie).toContain('HttpOnly');
        expect(cookie).toContain('SameSite=Lax');
        expect(cookie).not.toContain('Secure');
        const html = await res.text();
        expect(html).toContain('<html lang="en">');
        expect(html).toContain('role="log" aria-live="polite"');
        expect(html.match(/<textarea/g)).toHaveLength(1);
        expect(html).toContain('<label for="q">Ask</label>');
        // Nothing from elsewhere, and no inline script or style.
        expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
        expect(html).not.toMatch(/<script>|<script [^>]*>[^<]|style=/);
        const assets = [...html.matchAll(/(?:src|href)="\/(app\.[0-9a-f]{10}\.(?:css|js))"/g)].map((m) => m[1]!);
        expect(assets).toHaveLength(2);
        for (const name of assets) {
            const a = await fetch(new URL(name, base), { headers: { 'Accept-Encoding': 'gzip' } });
            expect(a.status).toBe(200);
            expect(a.headers.get('cache-control')).toContain('immutable');
        }
    });

    it('speaks Chinese to a Chinese browser, and the user can switch', async () => {
        const c = new Client(base, { 'Accept-Language': 'zh-CN,zh;q=0.9' });
        const html = await (await c.page()).text();
        expect(html).toContain('<html lang="zh-CN">');
        expect(html).toContain('<label for="q">提问</label>');
        expect(html).toContain('删除我的数据');
        const switched = await (await c.form({ a: 'l:en' })).text();
        expect(switched).toContain('<html lang="en">');
        expect(await (await c.page()).text()).toContain('Delete my data');
    });

    it('answers /healthz without any check', async () => {
        expect(await statusWithHost(new URL('/healthz', base).href, 'evil.example')).toBe(200);
        const res = await fetch(new URL('/healthz', base));
        expect(await res.json()).toMatchObject({ status: 'ok', items: expect.any(Number) });
    });
});

describe('the form path without script', () => {
    it('answers a typed question with the whole page, keeps it across a reload, and escapes hostile markup', async () => {
        const c = new Client(base, { 'Accept-Language': 'zh-CN' });
        await c.page();
        const res = await c.form({ q: '高企贷的合作银行有哪些' });
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(textOf(html)).toContain('高企贷的合作银行有哪些');
        expect(textOf(html)).toMatch(/银行/);
        const hostile = await (await c.form({ q: '<img src=x onerror=alert(1)><script>alert(2)</script>' })).text();
        expect(hostile).not.toContain('<img src=x');
        expect(hostile).not.toContain('<script>alert');
        expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
        const again = await (await c.page()).text();
        expect(textOf(again)).toContain('高企贷的合作银行有哪些');
    });

    it('a button is a form post of the bot action, and a forged action is refused politely', async () => {
        const c = new Client(base, { 'Accept-Language': 'zh-CN' });
        await c.page();
        const html = await (await c.form({ a: 'i:gaoqidai' })).text();
        expect(textOf(html)).toContain('高企贷');
        // A knowledge base phone number is a tel: link; web links open apart and tell nothing.
        const contacts = await (await c.form({ a: 'i:stcsm' })).text();
        expect(contacts).toContain('<a href="tel:23116237">23116237</a>');
        expect(contacts).toMatch(/<a href="https:[^"]+" target="_blank" rel="noopener noreferrer">/);
        const forged = await c.form({ a: 'i:../../etc/passwd' });
        expect(forged.status).toBe(200);
        expect(await forged.text()).toContain('role="status"');
    });

    it('deletes the session and the transcript on "delete my data"', async () => {
        const c = new Client(base, { 'Accept-Language': 'zh-CN' });
        await c.page();
        await c.form({ q: '我们是成长期的高新技术企业，需要流动资金' });
        const before = c.cookie;
        const done = await c.form({ a: 'f:y' });
        expect(textOf(await done.text())).toContain('已删除');
        expect(c.cookie).not.toBe(before);
        const old = new Client(base, { 'Accept-Language': 'zh-CN' });
        old.cookie = before;
        expect(textOf(await (await old.page()).text())).not.toContain('成长期的高新技术企业');
    });
});

describe('refusals', () => {
    it('refuses a Host or Origin that is not allowed (DNS rebinding)', async () => {
        const c = new Client(base);
        await c.page();
        expect(await statusWithHost(base, 'evil.example')).toBe(403);
        expect(await statusWithHost(base, `localhost:${new URL(base).port}`)).toBe(200);
        expect((await c.chat({ q: '高企贷' }, { Origin: 'http://evil.example' })).status).toBe(403);
    });

    it('refuses a post without the session CSRF token, or from another site', async () => {
        const c = new Client(base);
        await c.page();
        expect((await c.chat({ q: '高企贷' }, { 'X-CSRF-Token': 'wrong' })).status).toBe(403);
        expect((await c.form({ q: '高企贷', csrf: '' })).status).toBe(403);
        expect((await c.chat({ q: '高企贷' }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
        // Without the cookie the token is worth nothing.
        expect((await c.chat({ q: '高企贷' }, { Cookie: '' })).status).toBe(403);
        expect((await c.chat({ q: '高企贷' })).status).toBe(200);
    });

    it('refuses a body over the limit with 413 and a message over 1000 characters', async () => {
        const c = new Client(base);
        await c.page();
        expect((await c.chat({ q: 'x'.repeat(20_000) })).status).toBe(413);
        expect((await c.chat({ q: '贷'.repeat(1001) })).status).toBe(413);
        expect((await c.chat('not json')).status).toBe(400);
    });
});

describe('rate limits', () => {
    it('gives a flood 429 with Retry-After, per session and per address, and keeps serving', async () => {
        const limited = await startInProcess({ sessionRatePerMinute: 3, ipRatePerMinute: 12 });
        try {
            const c = new Client(limited.web.url);
            await c.page();
            const statuses: number[] = [];
            for (let i = 0; i < 5; i++) statuses.push((await c.chat({ q: '高企贷' })).status);
            expect(statuses).toEqual([200, 200, 200, 429, 429]);
            const res = await c.chat({ q: '高企贷' });
            expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
            expect((await res.json()) as unknown).toMatchObject({ error: 'rate' });
            // Another session from the same address still gets through, until the address is over its own limit.
            const other = new Client(limited.web.url);
            await other.page();
            expect((await other.chat({ q: '高企贷' })).status).toBe(200);
            const more: number[] = [];
            for (let i = 0; i < 6; i++) more.push((await other.page()).status);
            expect(more).toContain(429);
            expect((await fetch(new URL('/healthz', limited.web.url))).status).toBe(200);
        } finally {
            await limited.close();
        }
    });
});

describe('kejin serve: /mcp on the same port', () => {
    it('passes MCP requests to the MCP endpoint with its own checks, beside the page', async () => {
        const service = await shippedService();
        const mcp = await mountMcp({ service, logger: silentLogger }, { maxBodyBytes: 256 * 1024 });
        mcp.setAllowedHosts(['127.0.0.1', 'localhost']);
        const both = await startInProcess({}, mcp.handle);
        try {
            const url = new URL('/mcp', both.web.url);
            const res = await fetch(url, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
                body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
            });
            expect(res.status).toBe(200);
            const body = (await res.json()) as { result?: { tools?: { name: string }[] } };
            expect(body.result?.tools?.map((t) => t.name)).toContain('search_financing_knowledge');
            expect(await statusWithHost(url.href, 'evil.example')).toBe(403);
            expect((await fetch(both.web.url)).status).toBe(200);
        } finally {
            await both.close();
            await mcp.close();
        }
    });
});

describe('behind a proxy', () => {
    it('makes the cookie Secure when the trusted proxy says HTTPS, and ignores forwarded headers it does not trust', async () => {
        const trusted = await startInProcess({ trustProxy: true, ipRatePerMinute: 2 });
        try {
            const res = await fetch(trusted.web.url, { headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' } });
            expect(res.headers.get('set-cookie')).toContain('; Secure');
            // The per-address limit counts the address the proxy forwarded.
            await fetch(trusted.web.url, { headers: { 'X-Forwarded-For': '203.0.113.7' } });
            expect((await fetch(trusted.web.url, { headers: { 'X-Forwarded-For': '203.0.113.7' } })).status).toBe(429);
            expect((await fetch(trusted.web.url, { headers: { 'X-Forwarded-For': '203.0.113.8' } })).status).toBe(200);
        } finally {
            await trusted.close();
        }
        const c = new Client(base, { 'X-Forwarded-Proto': 'https' });
        expect((await c.page()).headers.get('set-cookie')).not.toContain('Secure');
    });
});

describe('👍 / 👎', () => {
    it('puts a 👎 question in the question log, scrubbed, and counts one vote per answer', async () => {
        const dir = tempDir('kejin-web-log-');
        const questionLog = createQuestionLog({ enabled: true, dataDir: dir });
        const voting = await startInProcess({}, undefined, { questionLog, feedback: createMemoryFeedbackMemo() });
        try {
            const c = new Client(voting.web.url, { 'Accept-Language': 'zh-CN' });
            await c.page();
            const res = await c.chat({ q: '高企贷的合作银行有哪些，我的电话13812345678' });
            const { html } = (await res.json()) as { html: string };
            const down = /value="(fb:n:[^"]+)"/.exec(html)?.[1];
            expect(down).toBeDefined();
            const noted = (await (await c.chat({ a: down! })).json()) as { html: string };
            expect(noted.html).toContain('工作人员会看到');
            const again = (await (await c.chat({ a: down! })).json()) as { html: string };
            expect(again.html).toContain('谢谢反馈');
            const records = await questionLog.read();
            expect(records.filter((r) => r.reason === 'unhelpful')).toHaveLength(1);
            expect(JSON.stringify(records)).not.toContain('13812345678');
            // "Delete my data" drops the answers still awaiting a vote.
            const pending = /value="(fb:n:[^"]+)"/.exec(((await (await c.chat({ q: '高企贷是什么' })).json()) as { html: string }).html)?.[1];
            await c.chat({ a: 'f:y' });
            const after = new Client(voting.web.url, { 'Accept-Language': 'zh-CN' });
            await after.page();
            expect(((await (await after.chat({ a: pending! })).json()) as { html: string }).html).toContain('谢谢反馈');
            expect((await questionLog.read()).filter((r) => r.reason === 'unhelpful')).toHaveLength(1);
        } finally {
            await voting.close();
            await questionLog.close();
            removeDir(dir);
        }
    });
});
