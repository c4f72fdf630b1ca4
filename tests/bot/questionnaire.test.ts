import { describe, expect, it } from 'vitest';
import { applyFlow, parseTyped, startFlow, STEPS, type FlowResult, type FlowState } from '../../src/bot/conversation/questionnaire.ts';
import { parseAmountWan } from '../../src/core/lexicon/lexicon.ts';
import { mergeDrafts } from '../../src/core/match/told-profile.ts';

function state(result: FlowResult): FlowState {
    if (result.kind !== 'continue') throw new Error(`expected continue, got ${result.kind}`);
    return result.state;
}

describe('questionnaire transitions', () => {
    it('walks through every step to a finished profile', () => {
        let s = startFlow();
        s = state(applyFlow(s, { op: 'set', value: 'growth' }));
        expect(s.step).toBe(1);
        s = state(applyFlow(s, { op: 'toggle', value: 'high-tech' }));
        s = state(applyFlow(s, { op: 'toggle', value: 'tech-sme' }));
        expect(s.step).toBe(1);
        expect(s.draft.qualifications).toEqual(['tech-sme', 'high-tech']);
        s = state(applyFlow(s, { op: 'done' }));
        s = state(applyFlow(s, { op: 'set', value: 'small' }));
        s = state(applyFlow(s, { op: 'toggle', value: 'credit-loan' }));
        s = state(applyFlow(s, { op: 'done' }));
        s = state(applyFlow(s, { op: 'set', value: 'y' }));
        expect(s.step).toBe(STEPS.length - 1);
        expect(applyFlow(s, { op: 'text', text: '500万' })).toEqual({
            kind: 'finished',
            draft: {
                stage: 'growth',
                qualifications: ['tech-sme', 'high-tech'],
                size: 'small',
                needs: ['credit-loan'],
                hasIntellectualProperty: true,
                amountWan: 500,
            },
        });
    });

    it('toggles off a second press', () => {
        let s = { step: 1, draft: {} };
        s = state(applyFlow(s, { op: 'toggle', value: 'srdi' }));
        s = state(applyFlow(s, { op: 'toggle', value: 'srdi' }));
        expect(s.draft).toEqual({ qualifications: [] });
    });

    it('goes back one step keeping answers, and not before the first', () => {
        const s = { step: 2, draft: { stage: 'seed' as const } };
        expect(state(applyFlow(s, { op: 'back' }))).toEqual({ step: 1, draft: { stage: 'seed' } });
        expect(state(applyFlow({ step: 0, draft: {} }, { op: 'back' })).step).toBe(0);
    });

    it('skip clears the field and moves on; none says "no qualifications"', () => {
        expect(state(applyFlow({ step: 0, draft: { stage: 'seed' } }, { op: 'skip' }))).toEqual({ step: 1, draft: {} });
        expect(state(applyFlow({ step: 1, draft: { qualifications: ['srdi'] } }, { op: 'none' }))).toEqual({
            step: 2,
            draft: { qualifications: [] },
        });
        expect(applyFlow({ step: 5, draft: { amountWan: 3 } }, { op: 'skip' })).toEqual({ kind: 'finished', draft: {} });
    });

    it('cancel ends the flow at any step', () => {
        for (let step = 0; step < STEPS.length; step++) expect(applyFlow({ step, draft: {} }, { op: 'cancel' })).toEqual({ kind: 'cancelled' });
    });

    it('refuses actions that do not fit the step', () => {
        expect(applyFlow({ step: 0, draft: {} }, { op: 'set', value: 'huge' }).kind).toBe('invalid');
        expect(applyFlow({ step: 0, draft: {} }, { op: 'toggle', value: 'seed' }).kind).toBe('invalid');
        expect(applyFlow({ step: 0, draft: {} }, { op: 'done' }).kind).toBe('invalid');
        expect(applyFlow({ step: 2, draft: {} }, { op: 'none' }).kind).toBe('invalid');
        expect(applyFlow({ step: 1, draft: {} }, { op: 'toggle', value: 'equity' }).kind).toBe('invalid');
        expect(applyFlow({ step: 4, draft: {} }, { op: 'set', value: 'maybe' }).kind).toBe('invalid');
        expect(applyFlow({ step: 5, draft: {} }, { op: 'set', value: '0' }).kind).toBe('invalid');
    });

    it('starts from the saved profile so that answers can be refined', () => {
        expect(startFlow({ stage: 'mature', needs: ['equity'] })).toEqual({ step: 0, draft: { stage: 'mature', needs: ['equity'] } });
    });
});

describe('typed answers', () => {
    it.each([
        ['stage', '成长期', { stage: 'growth' }],
        ['stage', 'Start-up', { stage: 'startup' }],
        ['size', '小型', { size: 'small' }],
        ['size', 'medium', { size: 'medium' }],
        ['qualifications', '高企、专精特新', { qualifications: ['high-tech', 'srdi'] }],
        ['qualifications', 'SRDI SME and high-tech', { qualifications: ['high-tech', 'srdi'] }],
        ['qualifications', '没有', { qualifications: [] }],
        ['needs', '续贷，股权融资', { needs: ['loan-renewal', 'equity'] }],
        ['ip', '有', { hasIntellectualProperty: true }],
        ['ip', 'no', { hasIntellectualProperty: false }],
        ['amount', '500万', { amountWan: 500 }],
    ] as const)('%s: %j', (step, text, expected) => {
        expect(parseTyped({}, step, text)).toEqual(expected);
    });

    it.each([
        ['qualifications', '高企贷'],
        ['qualifications', '高企、贷款'],
        ['stage', '我们是成长期企业吗'],
        ['ip', '也许'],
        ['amount', '很多'],
        ['amount', ''],
    ] as const)('%s: %j is no answer (it is a question)', (step, text) => {
        expect(parseTyped({}, step, text)).toBeUndefined();
    });
});

describe('parseAmountWan', () => {
    it.each([
        ['500万', 500],
        ['500 万元', 500],
        ['500w', 500],
        ['500', 500],
        ['1.5亿', 15_000],
        ['2千万', 2000],
        ['3百万', 300],
        ['3000000元', 300],
        ['3,000,000', 300],
        ['¥5,000,000', 500],
        ['5 million', 500],
        ['5m', 500],
        ['800k', 80],
        ['300-500万', 500],
        ['约200万左右', 200],
        ['５００万', 500],
        ['五百万', 500],
    ])('%j → %d 万元', (text, wan) => {
        expect(parseAmountWan(text)).toBe(wan);
    });

    it.each(['0', '-5万', '万', 'abc', '500 apples', '1e99'])('%j is no amount', (text) => {
        expect(parseAmountWan(text)).toBeUndefined();
    });
});

describe('mergeDrafts', () => {
    it('lets newer single values win and merges lists', () => {
        expect(
            mergeDrafts(
                { stage: 'startup', qualifications: ['tech-sme'], needs: ['working-capital'], amountWan: 100 },
                { stage: 'growth', qualifications: ['high-tech', 'tech-sme'], needs: ['loan-renewal'] },
            ),
        ).toEqual({
            stage: 'growth',
            qualifications: ['tech-sme', 'high-tech'],
            needs: ['working-capital', 'loan-renewal'],
            amountWan: 100,
        });
        expect(mergeDrafts({}, { hasIntellectualProperty: false })).toEqual({ hasIntellectualProperty: false });
    });
});
