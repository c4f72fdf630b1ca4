/**
 * The presenters decide once what a card, a match result, a hit and an
 * answer show; the three fronts only mark it up. These tests pin that
 * split: every line the presenter gives reaches every front, the rating
 * reads the same word everywhere, and each line keeps only its own sources.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertHtml } from '../../src/bot/runtime/alert-sender.ts';
import { answerView, itemView, matchCard } from '../../src/bot/views/format.ts';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { formatCard, formatMatch } from '../../src/cli/format.ts';
import type { KnowledgeItem } from '../../src/core/knowledge/schema.ts';
import {
    CHECK_MARK,
    LABELS,
    labelOf,
    presentAnswer,
    presentCard,
    presentHit,
    presentMatch,
    ratingLabel,
    sectionOf,
    wanRange,
    type Line,
} from '../../src/core/present/index.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { LANGS } from '../../src/core/vocabulary.ts';
import { plainOfHtml } from '../../src/eval/answers.ts';
import { cardText, matchText, searchStructured, searchText } from '../../src/mcp/format.ts';
import { FIXTURE_KNOWLEDGE, SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let fixture: KnowledgeService;
let shipped: KnowledgeService;

beforeAll(async () => {
    [fixture, shipped] = await Promise.all([createKnowledgeService({ dir: FIXTURE_KNOWLEDGE }), createKnowledgeService({ dir: SHIPPED_KNOWLEDGE })]);
});

afterAll(async () => {
    await Promise.all([fixture.close(), shipped.close()]);
});

const lookup = (service: KnowledgeService) => (id: string) => service.getItem(id);

/** The three fronts' renderings of one card, as plain text. */
function cardInEveryFront(service: KnowledgeService, item: KnowledgeItem, lang: 'zh' | 'en'): Record<string, string> {
    return {
        bot: plainOfHtml(itemView(MESSAGES[lang], lang, item, lookup(service), []).html),
        mcp: cardText(item, lang, lookup(service)),
        cli: formatCard(item, lang, lookup(service)),
    };
}

describe.each(LANGS)('presentCard in %s', (lang) => {
    it('every line of the presenter reaches the bot, MCP and the CLI, under its label and section heading', () => {
        // The fronts iterate the presenter's sections: a field the presenter gives a line is shown by all three
        // without any front knowing the field, so a new card field touches the schema and card.ts only.
        for (const item of shipped.snapshot().items.values()) {
            const p = presentCard(item, lang, { lookup: lookup(shipped) });
            const fronts = cardInEveryFront(shipped, item, lang);
            for (const [front, text] of Object.entries(fronts)) {
                expect(text, `${front} ${item.id}`).toContain(p.summary);
                for (const s of p.sections) {
                    expect(text, `${front} ${item.id} ${s.key}`).toContain(s.title);
                    for (const l of s.lines) {
                        expect(text, `${front} ${item.id} ${s.key}`).toContain(l.text);
                        if (l.label) expect(text, `${front} ${item.id} ${s.key}`).toContain(l.label);
                        if (l.note) expect(text, `${front} ${item.id} ${s.key}`).toContain(l.note.trim());
                    }
                }
            }
        }
    });

    it('each line carries its own source keys, all of them sources of the card', () => {
        for (const item of shipped.snapshot().items.values()) {
            const keys = new Set(item.sources.map((s) => s.key));
            const p = presentCard(item, lang, { lookup: lookup(shipped) });
            for (const s of p.sections) {
                for (const l of s.lines) {
                    if (s.key === 'contacts') continue; // a contact's keys are those of the organization's card
                    for (const k of l.sources) expect(keys.has(k), `${item.id} ${s.key} cites ${k}`).toBe(true);
                    // A fact of a card always names its sources; the checker refuses one without.
                    if (l.kind === 'fact') expect(l.sources.length, `${item.id} ${s.key}: ${l.text}`).toBeGreaterThan(0);
                }
            }
        }
    });

    it('a structured condition cites its own basis, and a fact its own sources and standing', () => {
        // test-loan: stages rest on basis s1; the rate is an unconfirmed fact of s1; amount_wan max 1000.
        const p = presentCard(fixture.getItem('test-loan')!, lang);
        const stages = sectionOf(p, 'eligibility')!.lines.find((l) => l.label === labelOf('stages', lang))!;
        expect(stages.sources).toEqual(['s1']);
        const terms = sectionOf(p, 'terms')!.lines;
        const rate = terms.find((l) => l.label === labelOf('rate', lang))!;
        expect(rate).toMatchObject({ kind: 'fact', sources: ['s1'], status: 'unconfirmed', note: labelOf('unconfirmed', lang) });
        expect(terms.find((l) => l.label === labelOf('amount', lang))!.text).toBe(wanRange({ max: 1000 }, lang));
    });

    it("the card's status mark reads the same in every front", () => {
        const item = fixture.getItem('test-loan')!;
        for (const [front, text] of Object.entries(cardInEveryFront(fixture, item, lang)))
            expect(text, front).toContain(labelOf('unconfirmed', lang).trim());
    });
});

describe.each(LANGS)('presentMatch in %s', (lang) => {
    const profile = { stage: 'growth', qualifications: ['high-tech'], size: 'small', needs: ['first-loan'] } as const;

    it('names the rating with the same word in the bot (replies and alerts), MCP and the CLI', () => {
        const response = fixture.match(profile, { lang });
        const mcp = matchText(response, lang);
        const cli = formatMatch(response, lang);
        const ratings = new Set<string>();
        response.matches.forEach((m, i) => {
            const word = ratingLabel(m.eligibility, lang);
            ratings.add(m.eligibility);
            expect(presentMatch(m, lang).rating.label).toBe(word);
            expect(plainOfHtml(matchCard(lang, m, i + 1)).split('\n')[0]).toContain(word);
            expect(mcp.split('\n').find((l) => l.includes(`\`${m.id}\``) && l.startsWith('###'))).toContain(word);
            expect(cli.split('\n').find((l) => l.includes(`(${m.id})`))).toContain(word);
            // An alert is a match result too: the same word, in its first line.
            expect(plainOfHtml(alertHtml({ chatId: 1, lang, change: 'added', match: m, key: 'k' })).split('\n')[0]).toContain(word);
        });
        // The profile rates the fixture's products differently, so more than one word is compared.
        expect(ratings.size).toBeGreaterThan(1);
    });

    it('shows the same place to go without a phone in the bot and in an alert: the contact said to have none, then where to apply', () => {
        const m = fixture.match(profile, { lang }).matches.find((x) => x.id === 'test-loan')!;
        const noPhone = {
            ...m,
            contacts: m.contacts.map((c) => ({ ...c, phones: [] })),
            apply: { text: { zh: '向合作银行提出申请', en: 'apply at a partner bank' }, sources: [], sourceStatus: 'current' as const },
        };
        const apply = sectionOf(presentMatch(noPhone, lang), 'howToApply')!.lines[0]!;
        for (const html of [matchCard(lang, noPhone, 1), alertHtml({ chatId: 1, lang, change: 'added', match: noPhone, key: 'k' })]) {
            const text = plainOfHtml(html);
            expect(text).toContain(labelOf('noPhone', lang));
            expect(text).toContain(apply.text);
        }
    });

    it('gives every condition its check mark and only its own sources', () => {
        const m = fixture.match(profile, { lang }).matches.find((x) => x.id === 'test-loan')!;
        const p = presentMatch(m, lang);
        const checks = [...(sectionOf(p, 'reasons')?.lines ?? []), ...(sectionOf(p, 'missing')?.lines ?? [])];
        expect(checks.length).toBe(m.reasons.length + m.missing.length);
        for (const l of checks) expect(l.kind).toBe('check');
        const cli = formatMatch(fixture.match(profile, { lang }), lang);
        const mcp = matchText(fixture.match(profile, { lang }), lang);
        for (const l of checks) {
            const shown = `${CHECK_MARK[l.check!]} ${l.text}${l.note}${l.sources.length ? ` [${l.sources.join(', ')}]` : ''}`;
            expect(cli).toContain(shown);
            expect(mcp).toContain(shown);
        }
    });
});

describe('presentHit and presentAnswer', () => {
    it("a hit shows the sources of the passages it shows, not the card's every source", () => {
        const answer = shipped.answer('科技履约贷的风险分担比例', { lang: 'zh' });
        const hit = answer.search.results.find((r) => r.id === 'keji-lvyuedai')!;
        const p = presentHit(hit, 'zh');
        const cited = new Set(p.lines.flatMap((l: Line) => l.sources));
        expect(cited.size).toBeGreaterThan(0);
        expect(p.sources.map((s) => s.key).every((k) => cited.has(k))).toBe(true);
        expect(p.sources.length).toBeLessThan(shipped.getItem('keji-lvyuedai')!.sources.length);
    });

    it('an answer lists each source of its facts once, and no other', () => {
        // A comparison cites two cards; each may number its own sources S1…, so a source is one per card and key.
        const answer = shipped.answer('履约贷和微贷通有什么区别', { lang: 'zh' });
        expect(answer.status).toBe('comparison');
        const p = presentAnswer(answer, 'zh');
        const expected = new Set(answer.facts.flatMap((f) => f.sources.map((s) => `${f.item}/${s.key}`)));
        expect(p.sources.length).toBe(expected.size);
        expect(p.comparison!.rows.length).toBeGreaterThan(0);
        // The MCP text lists exactly these sources, and the comparison rows beside them.
        const text = searchText(answer, 'zh');
        for (const s of p.sources) expect(text).toContain(`[${s.key}] ${s.title}`);
        for (const r of p.comparison!.rows) expect(text).toContain(`| ${r.label} |`);
        // structuredContent names each source's card, so that a fact's keys resolve on its own card.
        const structured = searchStructured(answer, 'zh').answer.sources;
        expect(structured.map((x) => `${x.item}/${x.key}`).sort()).toEqual([...expected].sort());
    });

    it('a source two cards cite is listed once under the answer the founder reads', () => {
        // huke-zhuandai and huke-zhuantie both cite the PBOC Shanghai article on the two lines, each under its own key.
        const answer = shipped.answer('沪科专贷和沪科专贴的利率有什么区别', { lang: 'zh' });
        expect(answer.status).toBe('comparison');
        const html = answerView(MESSAGES.zh, 'zh', answer).html;
        const title = '人民银行上海总部文章：沪科专贷、沪科专贴';
        expect(presentAnswer(answer, 'zh').sources.filter((s) => s.title === title).length).toBe(2);
        expect(html.split(title).length - 1).toBe(1);
    });

    it('an answer comes first in the MCP text, after its heading', () => {
        const answer = shipped.answer('高企贷有哪些合作银行', { lang: 'zh' });
        expect(searchText(answer, 'zh').split('\n')[1]).toBe(presentAnswer(answer, 'zh').text);
    });
});

describe('one label table', () => {
    it('no front words a label of the table itself', () => {
        // A label literal in a front file is a second copy that can drift from labels.ts.
        const fronts = ['src/bot/views/format.ts', 'src/bot/views/i18n.ts', 'src/mcp/format.ts', 'src/cli/format.ts'].map(
            (f) => [f, readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8')] as const,
        );
        const words = Object.values(LABELS)
            .flatMap((l) => [l.zh, l.en])
            .filter((w) => w.trim().length >= 4);
        for (const [file, source] of fronts) for (const w of words) expect(source, `${file} repeats "${w}"`).not.toContain(`'${w}'`);
    });
});
