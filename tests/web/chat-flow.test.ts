/**
 * The web chat's questionnaire keeps the language of the message that asked for it (an English question from a
 * Chinese browser), through its buttons, its typed answers and its results, unless the user chooses another.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionData } from '../../src/bot/storage/session.ts';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { silentLogger } from '../../src/logger.ts';
import { chatAction, chatText, type ChatDeps, type Reply } from '../../src/web/chat.ts';
import { shippedService } from '../helpers/knowledge.ts';

const { zh, en } = MESSAGES;

afterAll(async () => {
    await (await shippedService()).close();
});

/** The callback data of the reply's button whose label is `label`. */
function button(reply: Reply, label: string): string {
    const found = reply.view?.keyboard?.inline_keyboard.flat().find((b) => b.text === label);
    if (!found || !('callback_data' in found)) throw new Error(`no button "${label}" in ${JSON.stringify(reply.view?.keyboard)}`);
    return found.callback_data!;
}

describe('the web questionnaire', () => {
    it('keeps the language of the message that started it, from a Chinese browser', async () => {
        const deps: ChatDeps = { service: await shippedService(), logger: silentLogger };
        const session: SessionData = {};
        let reply = await chatText(deps, session, 'Can you recommend a loan for us?', 'zh');
        expect(reply.view?.html).toContain(en.stepOf(1, 6));
        reply = await chatAction(deps, session, button(reply, 'growth stage'), 'zh');
        expect(reply.view?.html).toContain(en.qQualifications);
        reply = await chatText(deps, session, 'high-tech enterprise', 'zh');
        expect(reply.view?.html).toContain(en.stepOf(3, 6));
        reply = await chatAction(deps, session, button(reply, en.skip), 'zh');
        reply = await chatAction(deps, session, button(reply, en.done), 'zh');
        reply = await chatAction(deps, session, button(reply, en.yes), 'zh');
        expect(reply.view?.html).toContain(en.qAmount);
        reply = await chatText(deps, session, '5 million', 'zh');
        expect(reply.view?.html).toContain('For your firm I found');
    });

    it('follows a language chosen mid-way', async () => {
        const deps: ChatDeps = { service: await shippedService(), logger: silentLogger };
        const session: SessionData = {};
        const reply = await chatText(deps, session, 'Can you recommend a loan for us?', 'zh');
        await chatAction(deps, session, button(reply, 'growth stage'), 'zh');
        await chatText(deps, session, '/lang zh', 'zh');
        expect((await chatText(deps, session, '高新技术企业', 'zh')).view?.html).toContain(zh.stepOf(3, 6));
    });
});

describe('the web chat after an answer', () => {
    it('acknowledges thanks in the language of the chat and keeps the item in focus', async () => {
        const deps: ChatDeps = { service: await shippedService(), logger: silentLogger };
        const session: SessionData = {};
        await chatText(deps, session, 'what is gaoqidai', 'en');
        expect((await chatText(deps, session, 'thanks!', 'en')).view?.html).toBe(en.ack);
        expect((await chatText(deps, session, 'and its partner banks?', 'en')).view?.html).toContain('Bank of China');
    });

    it('answers a question of the products just matched for each of them', async () => {
        const deps: ChatDeps = { service: await shippedService(), logger: silentLogger };
        const session: SessionData = {};
        await chatText(deps, session, 'we are a high-tech enterprise and need working capital', 'en');
        const matched = session.matched ?? [];
        expect(matched.length).toBeGreaterThanOrEqual(2);
        const html = (await chatText(deps, session, 'how do we apply for these?', 'en')).view?.html ?? '';
        const lines = html.split('\n').filter((l) => l.startsWith('• '));
        expect(lines.length).toBe(matched.length);
        lines.forEach((line, i) => expect(line).toContain(deps.service.getItem(matched[i]!)!.name_en.slice(0, 20)));
    });
});
