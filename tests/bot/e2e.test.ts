/**
 * End to end over real HTTP: the real long-polling bot against a fake Bot
 * API on 127.0.0.1, driven by simulated users. Every reply passes the fake
 * server's checks (HTML well-formed, under 4,096 characters, callback_data
 * within 64 bytes), or the server answers 400 as Telegram would.
 */
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { labelOf } from '../../src/core/present/index.ts';
import { FAILURES, FakeBotApi } from '../helpers/fake-bot-api.ts';
import { botDeps, startPollingBot, TestUser, type RunningBot } from '../helpers/bot-harness.ts';
import { removeDir, tempDir } from '../helpers/temp.ts';
import { shippedService } from '../helpers/knowledge.ts';

const zh = MESSAGES.zh;
const en = MESSAGES.en;

let api: FakeBotApi;
let dataDir: string;
let bot: RunningBot | undefined;
let nextUserId = 1000;

async function start(overrides: Record<string, string> = {}): Promise<RunningBot> {
    bot = await startPollingBot(api, await botDeps(api, dataDir, overrides));
    return bot;
}

function user(options: { languageCode?: string; chatId?: number } = {}): TestUser {
    return new TestUser(api, { id: ++nextUserId, languageCode: 'zh-hans', ...options });
}

function sessionFiles(): string[] {
    const dir = path.join(dataDir, 'sessions');
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
}

beforeAll(async () => {
    await shippedService();
});

afterAll(async () => {
    await (await shippedService()).close();
});

beforeEach(async () => {
    api = await new FakeBotApi().start();
    dataDir = tempDir();
});

afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    await api.close();
    removeDir(dataDir);
});

describe('the bot over the Bot API', () => {
    it('starts: getMe, deleteWebhook, commands in zh and en, then long polling', async () => {
        await start();
        expect(api.callsOf('getMe')).toHaveLength(1);
        expect(api.callsOf('deleteWebhook')).toHaveLength(1);
        await api.until(() => api.callsOf('setMyCommands').length === 3);
        const langs = api.callsOf('setMyCommands').map((c) => c.payload.language_code);
        expect(langs).toEqual([undefined, 'zh', 'en']);
        const en = api.callsOf('setMyCommands').find((c) => c.payload.language_code === 'en')!;
        expect((en.payload.commands as { command: string }[]).map((c) => c.command)).toEqual([
            'start',
            'match',
            'profile',
            'products',
            'contact',
            'lang',
            'subscribe',
            'unsubscribe',
            'help',
            'forget',
        ]);
        expect(api.callsOf('getUpdates')[0]!.payload.allowed_updates).toEqual(['message', 'callback_query', 'inline_query']);
    });

    it("/start greets with the main menu in the user's Telegram language", async () => {
        await start();
        const calls = await user().say('/start');
        expect(TestUser.texts(calls)[0]).toContain('科金助手');
        const english = user({ languageCode: 'en-GB' });
        await english.say('/start');
        expect(english.buttons()).toEqual([en.menuMatch, en.menuAsk, en.menuBrowse, en.menuContact, en.menuLang]);
    });

    it('runs the whole guided match with buttons, back, skip and a typed amount', async () => {
        await start();
        const u = user();
        await u.say('/start');
        let calls = await u.press(zh.menuMatch);
        expect(TestUser.texts(calls)[0]).toContain(zh.qStage);
        expect(calls.some((c) => c.method === 'editMessageText')).toBe(true);
        await u.press('成长期');
        await u.press('高新技术企业');
        calls = await u.press('科技型中小企业');
        expect(TestUser.texts(calls)[0]).toContain('科技型中小企业、高新技术企业');
        await u.press(zh.done);
        calls = await u.press(zh.back);
        expect(TestUser.texts(calls)[0]).toContain(zh.qQualifications);
        await u.press(zh.done);
        await u.press(zh.skip); // size
        await u.press('无抵押信用贷款');
        await u.press(zh.done);
        calls = await u.press(zh.yes);
        expect(TestUser.texts(calls)[0]).toContain(zh.qAmount);
        calls = await u.say('500万');
        const result = TestUser.texts(calls).join('\n');
        expect(result).toMatch(/找到 <b>\d+<\/b> 个/);
        expect(result).toContain(labelOf('reasons', 'zh'));
        expect(result).toContain(labelOf('source', 'zh'));
        expect(u.buttons()).toEqual(expect.arrayContaining([zh.refine, zh.menuHome]));
        // The full card of the first product.
        calls = await u.press(/^1\. /);
        expect(TestUser.texts(calls)[0]).toContain(labelOf('sources', 'zh'));
        const profile = TestUser.texts(await u.say('/profile'))[0]!;
        expect(profile).toContain('成长期');
        expect(profile).toContain('500 万元');
        expect(profile).not.toContain(zh.fieldSize);
        // Refining starts from the saved answers.
        calls = await u.press(zh.profileEdit);
        expect(TestUser.texts(calls)[0]).toContain('✓ 成长期'.slice(2));
        expect(u.buttons()).toContain('✓ 成长期');
    });

    it('cancel keeps the saved profile; old questionnaire buttons are answered as stale', async () => {
        await start();
        const u = user();
        await u.say('/match');
        await u.press('种子期');
        const calls = await u.press(zh.cancel);
        expect(TestUser.texts(calls)[0]).toBe(zh.flowCancelled);
        const stale = await u.pressData('q:1:t:srdi');
        expect(TestUser.notices(stale)).toEqual([zh.flowStale]);
        expect(TestUser.texts(await u.say('/profile'))[0]).toContain(zh.profileEmpty);
    });

    it('answers a free question in Chinese with sources and follow-up buttons', async () => {
        await start();
        const u = user({ languageCode: 'en' });
        const calls = await u.say('高企贷');
        const text = TestUser.texts(calls).join('\n');
        expect(text).toContain('关于“高企贷”');
        expect(text).toContain('高企贷');
        expect(text).toContain(labelOf('source', 'zh'));
        expect(u.buttons().some((b) => b.includes(zh.details))).toBe(true);
    });

    it('answers a free question in English, in English, for a Chinese-language user', async () => {
        await start();
        const u = user();
        const calls = await u.say('high-tech enterprise loan');
        const text = TestUser.texts(calls).join('\n');
        expect(text).toContain('About "high-tech enterprise loan"');
        expect(text).not.toContain('关于');
    });

    it('asks an English question that wants the match of a Chinese-language user in English, questionnaire and all', async () => {
        await start();
        const u = user();
        const text = TestUser.texts(await u.say('Can you recommend a loan for us?')).join('\n');
        expect(text).toContain(en.needProfile.slice(0, 30));
        expect(text).toContain(en.stepOf(1, 6));
        expect(text).not.toContain(zh.stepOf(1, 6));
        // Every later step, typed answer and the results stay in the language of the message that asked.
        let calls = await u.press('growth stage');
        expect(TestUser.texts(calls)[0]).toContain(en.qQualifications);
        expect(u.buttons()).toContain(en.done);
        calls = await u.say('high-tech enterprise');
        expect(TestUser.texts(calls)[0]).toContain(en.stepOf(3, 6));
        await u.press(en.skip); // size
        await u.press(en.done); // needs
        calls = await u.press(en.yes);
        expect(TestUser.texts(calls)[0]).toContain(en.qAmount);
        const result = TestUser.texts(await u.say('5 million')).join('\n');
        expect(result).toContain('For your firm I found');
        expect(result).not.toMatch(/找到 <b>/);
        // A language chosen with /lang, even mid-way, wins over the one the questionnaire began in.
        const v = user();
        await v.say('Can you recommend a loan for us?');
        await v.press('growth stage');
        await v.say('/lang zh');
        expect(TestUser.texts(await v.say('高新技术企业'))[0]).toContain(zh.stepOf(3, 6));
    });

    it('says plainly when it is not sure, with did-you-mean, match and contacts buttons', async () => {
        await start();
        const u = user();
        const calls = await u.say('火星殖民地的咖啡价格');
        expect(TestUser.texts(calls)[0]).toContain(zh.notConfident);
        const buttons = u.buttons();
        expect(buttons).toEqual(expect.arrayContaining([zh.menuMatch, zh.generalContacts]));
        expect(buttons.length).toBeLessThanOrEqual(5);
    });

    it('matches a message that only tells about the firm at once, showing what was read so it can be put right', async () => {
        await start();
        const u = user();
        const text = TestUser.texts(await u.say('我们是高新技术企业，贷款快到期了')).join('\n');
        expect(text).toContain('根据你目前告诉我的企业情况');
        expect(text).toContain('高新技术企业');
        expect(text).toContain('续贷');
        expect(text).toContain('高企贷');
        expect(u.buttons()).toContain(zh.refine);
        // What was told is the profile now.
        expect(TestUser.texts(await u.say('/profile'))[0]).toContain('高新技术企业');
    });

    it('answers a question that also tells about the firm, and offers the match on what it told', async () => {
        await start();
        const u = user();
        const calls = await u.say('我们是高新技术企业，贷款快到期了，高企贷有哪些合作银行？');
        const text = TestUser.texts(calls).join('\n');
        expect(text).toContain('中国银行');
        expect(text).toContain('我从你的话里理解到');
        expect(text).toContain('资质：高新技术企业');
        const matched = TestUser.texts(await u.press(zh.matchUnderstood)).join('\n');
        expect(matched).toContain('高企贷');
        // The offer is used up.
        expect(TestUser.notices(await u.pressData('pr:u'))).toEqual([zh.staleButton]);
    });

    it('follows the conversation: a pronoun, an ellipsis and a question back (three dialogues)', async () => {
        await start();
        const a = user();
        await a.say('高企贷是什么');
        // 它 is 高企贷: its partner banks, not another product's.
        const banks = TestUser.texts(await a.say('它有哪些合作银行')).join('\n');
        expect(banks).toContain('高企贷');
        expect(banks).toContain('中国银行');
        expect(banks).not.toContain(zh.notConfident);

        const b = user();
        await b.say('高企贷的合作银行有哪些');
        const ellipsis = TestUser.texts(await b.say('那沪科专贴呢')).join('\n');
        expect(ellipsis).toContain('沪科专贴');
        expect(ellipsis).toContain('上海银行');

        const c = user();
        const back = TestUser.texts(await c.say('利率多少')).join('\n');
        expect(back).toContain('您想问哪个产品的利率');
        // Each likely product is a button that answers its rate.
        const offered = c.buttons();
        expect(offered).toContain('高企贷');
        const rate = TestUser.texts(await c.press('高企贷')).join('\n');
        expect(rate).toContain('LPR');
    });

    it('thanks is acknowledged, not answered again, and "第二个" picks from a question back', async () => {
        await start();
        const a = user();
        await a.say('高企贷是什么');
        const thanks = TestUser.texts(await a.say('谢谢')).join('\n');
        expect(thanks).toBe(zh.ack);
        // The focus stayed: 它 is still 高企贷.
        expect(TestUser.texts(await a.say('它有哪些合作银行')).join('\n')).toContain('中国银行');

        const b = user();
        await b.say('利率多少');
        const second = b.buttons()[1]!;
        const picked = TestUser.texts(await b.say('第二个')).join('\n');
        expect(picked).toContain(second);
    });

    it('answers a question of the products just matched for each of them, with a button per product', async () => {
        await start();
        const service = await shippedService();
        const a = user();
        await a.say('我们是高新技术企业，需要流动资金，想贷1000万');
        const reply = TestUser.texts(await a.say('这几个利率分别是多少')).join('\n');
        // A line per product, each its own rate; a button per product (and the menu) answers that product's rate in full.
        const lines = reply.split('\n').filter((l) => l.startsWith('• '));
        expect(lines.length).toBeGreaterThanOrEqual(2);
        const buttons = a.buttons();
        expect(buttons.length).toBe(lines.length + 1);
        const second = service.findItem(buttons[1]!)!;
        const rate = service.answerAbout(second.id, 'rate', { lang: 'zh' })!;
        expect(lines[1]).toContain(second.name);
        const full = TestUser.texts(await a.press(buttons[1]!)).join('\n');
        expect(full).toContain(rate.text.slice(0, 30));
    });

    it('offers no match for a question that states nothing about the firm', async () => {
        await start();
        const u = user();
        const text = TestUser.texts(await u.say('高企贷有哪些合作银行')).join('\n');
        expect(text).not.toContain('我从你的话里理解到');
        expect(u.buttons()).not.toContain(zh.matchUnderstood);
    });

    it('switches language with /lang and keeps it', async () => {
        await start();
        const u = user();
        await u.say('/lang');
        const calls = await u.press('English');
        expect(TestUser.texts(calls)[0]).toContain(en.langSet);
        expect(TestUser.notices(calls)).toEqual([en.langSet]);
        expect(TestUser.texts(await u.say('/start'))[0]).toContain('Hello');
        expect(TestUser.texts(await u.say('/products'))[0]).toBe(en.browseKind);
    });

    it('switches language when a message asks for one: the last answer again, then every reply and button', async () => {
        await start();
        const u = user();
        await u.say('沪科专贷是什么');
        const again = TestUser.texts(await u.say('can you say that in English?')).join('\n');
        expect(again).toContain('Huke Zhuandai');
        expect(again).not.toMatch(/关于“/);
        // The choice holds for a Chinese question after it, buttons included, and for /start.
        const next = TestUser.texts(await u.say('利率多少')).join('\n');
        expect(next).toContain('3.68%');
        expect(next).not.toMatch(/关于“/);
        expect(u.buttons().join(' ')).toMatch(/Details/);
        expect(TestUser.texts(await u.say('/start'))[0]).toContain('Hello');
    });

    it('/forget deletes the stored record after confirmation', async () => {
        await start();
        const u = user();
        await u.say('/lang');
        await u.press('English');
        expect(sessionFiles()).toHaveLength(1);
        await u.say('/forget');
        const kept = await u.press(en.forgetNo);
        expect(TestUser.texts(kept)[0]).toBe(en.forgetKept);
        expect(sessionFiles()).toHaveLength(1);
        await u.say('/forget');
        const calls = await u.press(en.forgetYes);
        expect(TestUser.texts(calls)[0]).toBe(en.forgetDone);
        expect(sessionFiles()).toHaveLength(0);
        // The language choice is gone: back to the Telegram language (zh).
        expect(TestUser.texts(await u.say('/start'))[0]).toContain('你好');
    });

    it('keeps the profile across a restart with the same DATA_DIR', async () => {
        const first = await start();
        const u = user();
        await u.say('/match');
        await u.press('成熟期');
        await u.press(zh.noneOfThese);
        await u.press('中型');
        await u.press(zh.done);
        await u.press(zh.no);
        await u.press('1,000 万元');
        await first.stop();
        bot = undefined;
        await start();
        const profile = TestUser.texts(await u.say('/profile'))[0]!;
        expect(profile).toContain('成熟期');
        expect(profile).toContain('中型');
        expect(profile).toContain(`${zh.fieldQualifications}${zh.colon}${zh.none}`);
        expect(profile).toContain('1,000 万元');
    });

    it('answers forged and malformed button presses gracefully and keeps running', async () => {
        await start();
        const u = user();
        await u.say('/start');
        for (const data of ['garbage', 'i:no-such-item', 'q:3:s:seed', 'p:product:seed:999', '\u0000'.repeat(10), 'x'.repeat(64)]) {
            const calls = await u.pressData(data);
            expect(calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
        }
        expect(TestUser.notices(await u.pressData('i:no-such-item'))).toEqual([zh.unknownItem]);
        expect(TestUser.notices(await u.pressData('garbage'))).toEqual([zh.staleButton]);
        const calls = await u.say('/help');
        expect(TestUser.texts(calls)[0]).toContain('/match');
    });

    it('answers a 5,000-character message in parts under the limit', async () => {
        await start();
        const u = user();
        const calls = await u.say('科技贷款'.repeat(1250));
        expect(calls.filter((c) => c.method === 'sendMessage').every((c) => c.ok)).toBe(true);
        for (const text of TestUser.texts(calls)) expect(text.length).toBeLessThanOrEqual(4096);
        expect(TestUser.texts(calls).length).toBeGreaterThan(0);
    });

    it("escapes HTML in the user's text", async () => {
        await start();
        const u = user();
        const calls = await u.say('<b>x</b> & <script>');
        const text = TestUser.texts(calls)[0]!;
        expect(calls[0]!.ok).toBe(true);
        expect(text).toContain('&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;');
        expect(text).not.toContain('<script>');
    });

    it("works in groups: commands with the bot's @name, questions only when addressed", async () => {
        await start();
        const u = user({ chatId: -100_500 });
        expect(TestUser.texts(await u.say('/start@kejin_test_bot'))[0]).toContain('科金助手');
        expect(await u.say('/start@some_other_bot')).toEqual([]);
        expect(await u.say('高企贷')).toEqual([]);
        const calls = await u.say('@kejin_test_bot 高企贷');
        expect(TestUser.texts(calls)[0]).toContain('关于“高企贷”');
        expect(calls[0]!.payload.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    });

    it('lists products as inline results', async () => {
        await start();
        const u = user();
        const calls = await u.inline('高企贷');
        const answer = calls.find((c) => c.method === 'answerInlineQuery')!;
        expect(answer.ok).toBe(true);
        const results = answer.payload.results as { id: string; title: string; input_message_content: { parse_mode: string } }[];
        expect(results.map((r) => r.id)).toContain('gaoqidai');
        expect(results[0]!.input_message_content.parse_mode).toBe('HTML');
        const empty = (await u.inline('')).find((c) => c.method === 'answerInlineQuery')!;
        expect((empty.payload.results as unknown[]).length).toBeGreaterThan(0);
    });

    it('browses products by kind and stage', async () => {
        await start();
        const u = user();
        await u.say('/products');
        await u.press('信贷产品');
        const calls = await u.press('成长期');
        expect(TestUser.texts(calls)[0]).toMatch(/信贷产品 · 成长期/);
        expect(u.buttons()).toEqual(expect.arrayContaining([zh.menuBrowse, zh.menuHome]));
    });

    it('shows contacts for the menu and for an item', async () => {
        await start();
        const u = user();
        await u.say('/contact');
        expect(TestUser.texts(await u.say('/contact'))[0]).toContain(zh.contactHeader);
        await u.say('高企贷');
        const calls = await u.press(zh.contacts);
        expect(TestUser.texts(calls)[0]).toContain('的联系机构');
    });
});

describe('the bot when the Bot API fails', () => {
    it('retries a 429 after retry_after and delivers the reply', async () => {
        await start();
        const u = user();
        api.failNext('sendMessage', FAILURES.tooManyRequests(1));
        const started = Date.now();
        const calls = await u.say('/help');
        expect(calls.map((c) => c.ok)).toEqual([false, true]);
        expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    });

    it('retries a 500 and delivers the reply', async () => {
        await start();
        const u = user();
        api.failNext('sendMessage', FAILURES.internal());
        const calls = await u.say('/help');
        expect(calls.map((c) => c.ok)).toEqual([false, true]);
    });

    it('survives "method not supported": apologises, then answers the next message', async () => {
        await start();
        const u = user();
        api.failNext('sendMessage', FAILURES.notSupported());
        const calls = await u.say('/help');
        expect(calls.map((c) => c.ok)).toEqual([false, true]);
        expect(TestUser.texts(calls)[1]).toBe(zh.sorry);
        expect((await u.say('/help')).map((c) => c.ok)).toEqual([true]);
    });

    it('starts even when the server does not support setMyCommands', async () => {
        api.failNext('setMyCommands', FAILURES.notSupported(), 3);
        await start();
        const calls = await user().say('/start');
        expect(calls[0]!.ok).toBe(true);
    });

    it('survives getUpdates failing with 500', async () => {
        api.failNext('getUpdates', FAILURES.internal());
        await start();
        const calls = await user().say('/help');
        expect(calls[0]!.ok).toBe(true);
    });
});

describe('rate limit and storage', () => {
    it('asks a user who sends too much to slow down, once per window', async () => {
        await start({ BOT_RATE_LIMIT_PER_MINUTE: '3' });
        const u = user();
        for (let i = 0; i < 3; i++) expect(TestUser.texts(await u.say('/help'))).toHaveLength(1);
        expect(TestUser.texts(await u.say('/help'))).toEqual([zh.slowDown]);
        expect(await u.say('/help')).toEqual([]);
        // Another user is not affected.
        expect(TestUser.texts(await user().say('/help'))).toHaveLength(1);
    });

    it('treats a corrupt session record as an empty session', async () => {
        await start();
        const u = user();
        const key = String(u.from.id);
        mkdirSync(path.join(dataDir, 'sessions', key.slice(-2)), { recursive: true });
        writeFileSync(path.join(dataDir, 'sessions', key.slice(-2), `${key}.json`), '{"lang": "en", "profile": {"stage": tru');
        const calls = await u.say('/profile');
        expect(TestUser.texts(calls)[0]).toContain(zh.profileEmpty);
    });
});
