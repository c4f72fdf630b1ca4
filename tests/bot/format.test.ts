import { describe, expect, it } from 'vitest';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { parseCallback } from '../../src/bot/conversation/callback.ts';
import {
    answerView,
    browseKindView,
    browseListView,
    browseStageView,
    contactsView,
    flowView,
    itemView,
    matchView,
    profileView,
    startView,
    type View,
} from '../../src/bot/views/format.ts';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { esc } from '../../src/bot/views/html.ts';
import { STEPS } from '../../src/bot/conversation/questionnaire.ts';
import type { OrganizationItem, ProductItem } from '../../src/core/knowledge/schema.ts';
import type { MatchResponse, ProductMatch } from '../../src/core/match/types.ts';
import type { Answer } from '../../src/core/answer/answer.ts';
import type { SearchHit, SearchResponse } from '../../src/core/search/types.ts';
import { labelOf } from '../../src/core/present/index.ts';
import { LANGS } from '../../src/core/vocabulary.ts';
import { checkTelegramHtml } from '../helpers/fake-bot-api.ts';

const EVIL = '<b>x</b> & <script>';
const source = { key: 'S1', title: `Source ${EVIL}`, url: 'https://example.cn/a?b=1&c=2', date: '2024-10-12' };

const product = {
    id: 'evil-loan',
    kind: 'product',
    name: `恶意${EVIL}`,
    name_en: `Evil ${EVIL}`,
    aliases: { zh: [], en: [] },
    summary: { zh: `摘要${EVIL}`, en: `Summary ${EVIL}` },
    topics: [],
    related: ['other'],
    sources: [source],
    notes: [{ zh: `注${EVIL}`, en: `note ${EVIL}`, sources: ['S1'], status: 'unconfirmed' }],
    last_verified: '2024-10-12',
    needs: ['credit-loan'],
    eligibility: {
        stages: ['growth'],
        qualifications_any: ['high-tech'],
        revenue_wan: { min: 100 },
        requires_ip: true,
        conditions: [{ zh: EVIL, en: EVIL, sources: ['S1'] }],
        sources: ['S1'],
    },
    terms: { amount_wan: { max: 1000 }, term_months: { min: 12, max: 36 }, rate: { zh: EVIL, en: EVIL, sources: ['S1'] }, partner_banks: [] },
    how_to_apply: [{ zh: EVIL, en: EVIL, sources: ['S1'] }],
    facts: [{ zh: EVIL, en: EVIL, sources: ['S1', 'nope'] }],
    contacts: ['org'],
    file: 'products/evil-loan.md',
    body: '',
    valid_until: '2020-01-01',
} as unknown as ProductItem;

const org = {
    id: 'org',
    kind: 'organization',
    name: `机构${EVIL}`,
    name_en: `Org ${EVIL}`,
    aliases: { zh: [], en: [] },
    summary: { zh: EVIL, en: EVIL },
    topics: [],
    related: [],
    sources: [source],
    notes: [],
    facts: [],
    last_verified: '2024-10-12',
    role: { zh: EVIL, en: EVIL },
    phones: [{ value: `021-1234 ${EVIL}`, sources: ['S1'] }],
    address: { value: EVIL, sources: ['S1'] },
    website: { value: 'https://example.cn/?a=1&b=2', sources: ['S1'] },
    file: 'organizations/org.md',
    body: '',
    expired: false,
} as unknown as OrganizationItem;

const hit = (id: string): SearchHit => ({
    id,
    kind: 'product',
    title: { zh: `标题${EVIL}`, en: `Title ${EVIL}` },
    summary: { zh: EVIL, en: EVIL },
    snippet: `…${EVIL}…`,
    score: 1,
    sources: [source],
    contacts: ['org'],
    related: ['premium-subsidy'],
    expired: false,
    passages: [],
});

const productMatch: ProductMatch = {
    id: 'evil-loan',
    kind: 'product',
    name: { zh: EVIL, en: EVIL },
    summary: { zh: EVIL, en: EVIL },
    eligibility: 'possible',
    score: 1,
    reasons: [{ status: 'met', condition: { kind: 'stated', text: { zh: EVIL, en: EVIL } }, sources: [], sourceStatus: 'current' }],
    missing: Array.from({ length: 5 }, () => ({
        status: 'unknown' as const,
        condition: { kind: 'stated' as const, text: { zh: `${EVIL}。`, en: EVIL } },
        sources: [],
        sourceStatus: 'unconfirmed' as const,
    })),
    amount: { zh: EVIL, en: EVIL },
    term: { zh: EVIL, en: EVIL },
    contacts: [{ id: 'org', name: { zh: EVIL, en: EVIL }, phones: [{ value: EVIL }] }],
    sources: [source],
    related: [],
    expired: false,
};

function callbackData(keyboard: InlineKeyboardMarkup | undefined): string[] {
    return (keyboard?.inline_keyboard.flat() ?? []).map((b) => ('callback_data' in b ? (b.callback_data ?? '') : ''));
}

/** Every view must be valid Telegram HTML with no raw user or card text, and parseable buttons. */
function expectSafe(view: View): void {
    expect(checkTelegramHtml(view.html)).toBeUndefined();
    expect(view.html).not.toContain('<script>');
    expect(view.html).not.toContain('<b>x</b>');
    for (const data of callbackData(view.keyboard)) {
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
        expect(parseCallback(data), data).toBeDefined();
    }
}

describe.each(LANGS)('views in %s', (lang) => {
    const t = MESSAGES[lang];

    it('start, browse and profile views are safe', () => {
        expectSafe(startView(t, EVIL));
        expect(startView(t, EVIL).html).toContain('&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;');
        expectSafe(browseKindView(t, lang));
        expectSafe(browseStageView(t, lang, 'product'));
        expectSafe(
            browseListView(
                t,
                lang,
                '*',
                'growth',
                Array.from({ length: 20 }, () => product),
                2,
            ),
        );
        expectSafe(profileView(t, lang, { stage: 'seed', qualifications: [], needs: ['equity'], amountWan: 15_000 }));
        expectSafe(profileView(t, lang, undefined));
    });

    it('the profile shows every fact told of the firm, its head count too', () => {
        const html = profileView(t, lang, { qualifications: ['srdi'], annualRevenueWan: 8000, employees: 200 }).html;
        expect(html).toContain(t.fieldRevenue);
        expect(html).toContain(`${esc(t.fieldEmployees)}${t.colon}200`);
    });

    it('every questionnaire step has back/skip/cancel and valid buttons', () => {
        for (let step = 0; step < STEPS.length; step++) {
            const view = flowView(t, lang, {
                step,
                draft: { stage: 'growth', qualifications: ['srdi'], needs: ['relief'], hasIntellectualProperty: false, amountWan: 500 },
            });
            expectSafe(view);
            const texts = view.keyboard!.inline_keyboard.flat().map((b) => b.text);
            expect(texts).toContain(t.skip);
            expect(texts).toContain(t.cancel);
            if (step > 0) expect(texts).toContain(t.back);
        }
    });

    it('a match view shows why, what is missing, terms, contact and source', () => {
        const response: MatchResponse = {
            profile: { stage: 'growth' },
            understood: [],
            matches: [productMatch, { ...productMatch, id: 'x', eligibility: 'ineligible' }],
            totals: { eligible: 0, possible: 1, ineligible: 1 },
        };
        const view = matchView(t, lang, response);
        expectSafe(view);
        for (const part of ['reasons', 'missing', 'amount', 'term', 'contact', 'source'] as const) expect(view.html).toContain(labelOf(part, lang));
        expect(view.html).toContain(lang === 'zh' ? '另有 2 项' : '2 more');
        expect(view.html.match(/^\d\. /gm)).toHaveLength(1);
        expect(callbackData(view.keyboard)).toContain('pr:e');
        // One product shown: no overview line. Several: all named with their marks on one line under the header, before any card.
        expect(view.html.split('\n\n')[0]).not.toContain(' · ');
        const two = matchView(t, lang, { ...response, matches: [productMatch, { ...productMatch, id: 'y', name: { zh: '乙贷', en: 'Loan B' } }] });
        const head = two.html.split('\n\n')[0]!;
        // The name is escaped like every user-visible value (EVIL is markup).
        expect(head).toContain(`${esc(productMatch.name[lang])} 🟡 · ${lang === 'zh' ? '乙贷' : 'Loan B'} 🟡`);
        // The products a message asked about are shown whatever their rating, under their own header.
        const rated = matchView(t, lang, response, true);
        expectSafe(rated);
        expect(rated.html.match(/^\d\. /gm)).toHaveLength(2);
        expect(rated.html).toContain(t.ratedHeader);
        expect(rated.html).not.toContain(t.matchHeader(2));
    });

    it('an answer leads with the fact, cites only its own sources and offers the follow-ups', () => {
        const response: SearchResponse = { query: EVIL, lang, results: [hit('a'), hit('b')], confident: true };
        const other = { ...source, key: 'S2', title: 'not cited' };
        const answer: Answer = {
            question: EVIL,
            lang,
            aspect: 'amount',
            aspects: ['amount'],
            status: 'answered',
            confident: true,
            text: `fact ${EVIL}`,
            facts: [
                {
                    text: `fact ${EVIL}`,
                    item: 'a',
                    field: 'terms.amount',
                    aspects: ['amount'],
                    sources: [source],
                    status: 'outdated',
                    absence: false,
                },
            ],
            item: { id: 'a', kind: 'product', title: { zh: EVIL, en: EVIL } },
            related: [{ id: 'premium-subsidy', kind: 'policy', title: { zh: '保费补贴', en: 'Premium subsidy' } }],
            contacts: [{ id: 'org', kind: 'organization', title: { zh: EVIL, en: EVIL }, phones: [{ value: '021-1', sources: ['S1'] }] }],
            suggestions: [],
            search: { ...response, results: response.results.map((h) => ({ ...h, sources: [source, other] })) },
        };
        const view = answerView(t, lang, answer);
        expectSafe(view);
        const lines = view.html.split('\n');
        // Line 0 echoes the question; the answer comes right after it.
        expect(lines[1]).toBe('fact &lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;');
        expect(view.html).toContain('https://example.cn/a?b=1&amp;c=2');
        expect(view.html).not.toContain('not cited');
        expect(callbackData(view.keyboard)).toEqual(expect.arrayContaining(['i:a', 'a:how-to-apply:a', 'c:a', 'i:premium-subsidy']));
    });

    it('an unsure answer says so and offers at most three guesses, the match and the contacts', () => {
        const response: SearchResponse = {
            query: 'x',
            lang,
            results: ['a', 'b', 'c', 'd'].map(hit),
            confident: false,
            notice: { zh: `提示${EVIL}`, en: `notice ${EVIL}` },
        };
        const ref = (id: string) => ({ id, kind: 'product' as const, title: { zh: EVIL, en: EVIL } });
        const answer: Answer = {
            question: 'x'.repeat(5000),
            lang,
            aspects: [],
            status: 'unknown',
            confident: false,
            text: EVIL,
            facts: [],
            related: [],
            contacts: [],
            suggestions: ['a', 'b', 'c'].map(ref),
            search: response,
        };
        const view = answerView(t, lang, answer);
        expectSafe(view);
        expect(view.html).toContain(t.notConfident);
        expect(view.html.length).toBeLessThan(1000);
        // A long message is echoed by its start only: the reply's first screen is for the answer.
        expect(view.html.split('\n')[0]!.match(/x+/)![0].length).toBeLessThanOrEqual(30);
        const data = callbackData(view.keyboard);
        expect(data.filter((d) => d.startsWith('i:'))).toEqual(['i:a', 'i:b', 'i:c']);
        expect(data).toEqual(expect.arrayContaining(['m:match', 'm:contact']));
    });

    it('full cards cite sources per fact and stay safe', () => {
        const lookup = (id: string) => (id === org.id ? org : undefined);
        const view = itemView(t, lang, product, lookup, [{ id: 'other', title: { zh: EVIL, en: EVIL } }]);
        expectSafe(view);
        expect(view.html).toContain('[1]');
        expect(view.html).toContain(labelOf('expiredNotice', lang));
        expect(view.html).toContain(labelOf('unconfirmed', lang).trim());
        expect(view.html).toContain('021-1234 &lt;b&gt;');
        expectSafe(itemView(t, lang, org, lookup, []));
    });

    it('contacts show phones, address and website with their source', () => {
        const view = contactsView(t, lang, [org], { id: 'evil-loan', title: { zh: EVIL, en: EVIL } });
        expectSafe(view);
        expect(view.html).toContain('021-1234');
        expect(view.html).toContain('href="https://example.cn/?a=1&amp;b=2"');
        expectSafe(contactsView(t, lang, []));
    });
});
