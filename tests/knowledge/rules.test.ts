/**
 * The content rules found by the fact check, each pinned on a shipped card
 * as it was before the fix: a summary stating a flagged figure without its
 * date or status, and a phone number without what the source gives it for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { phonesSayWhatFor, summaryCarriesStatus } from '../../src/core/knowledge/rules.ts';
import type { KnowledgeItem } from '../../src/core/knowledge/schema.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let shipped: KnowledgeSnapshot;
beforeAll(async () => {
    shipped = (await loadKnowledge(SHIPPED_KNOWLEDGE)).snapshot!;
});

const card = (id: string) => structuredClone(shipped.items.get(id)!) as KnowledgeItem;
const withSummary = (id: string, zh: string, en: string) => ({ ...card(id), summary: { zh, en } });

describe('a summary carries the status of what it states', () => {
    it('holds for every shipped card', () => {
        for (const item of shipped.items.values()) expect(summaryCarriesStatus(item), item.id).toEqual([]);
    });

    it('catches the 50% refund stated as if it always held', () => {
        const old = withSummary(
            'keji-lvyuedai',
            '科技型中小企业履约保证保险贷款：政府、银行、保险公司分担风险，按时还款可获50%保费补贴。',
            'The bank lends against the policy, and on-time repayers get 50% of the premium back.',
        );
        expect(summaryCarriesStatus(old).map((p) => p.path.join('.'))).toEqual(['summary.zh', 'summary.en']);
        expect(summaryCarriesStatus(old)[0]!.message).toContain('50%');
    });

    it('catches a Q1 2024 figure dated only by a launch year elsewhere in the clause', () => {
        const old = withSummary(
            'huke-zhuantie',
            '人民银行上海总部2023年7月推出的科技再贴现专项额度，支持银行为高新技术企业、科技小巨人、专精特新企业办理票据贴现，贴现利率下降0.08—0.15个百分点。',
            'A rediscount line by PBOC Shanghai, by Q1 2024 cutting discount rates by 0.08–0.15 percentage points.',
        );
        expect(summaryCarriesStatus(old).map((p) => [p.path.join('.'), p.message.slice(0, 17)])).toEqual([['summary.zh', 'states 0.08, 0.15']]);
    });

    it('leaves a figure from a current fact alone', () => {
        // 5443.61亿 comes from the reply, a current source: no flag needed.
        expect(
            summaryCarriesStatus(withSummary('seamless-renewal', '2024年上半年无缝续贷5443.61亿元。', 'Renewals of 544.361 billion yuan.')),
        ).toEqual([]);
    });
});

describe('a phone number says what the source gives it for', () => {
    it('holds for every shipped organization', () => {
        for (const item of shipped.items.values()) expect(phonesSayWhatFor(item), item.id).toEqual([]);
    });

    it('refuses a bare number', () => {
        const stcsm = card('stcsm');
        if (stcsm.kind !== 'organization') throw new Error('stcsm is not an organization');
        const bare = { ...stcsm, phones: [{ value: '23116237', sources: ['reply-2024-85'] }] };
        expect(phonesSayWhatFor(bare)).toEqual([expect.objectContaining({ path: ['phones', 0, 'value'], message: '"23116237" has no `label`' })]);
    });
});
