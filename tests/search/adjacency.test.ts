/**
 * English words said side by side (search/adjacency.ts): a Chinese passage holding 贷款余额 already holds the pair by
 * its character pairs; an English one is credited for "loan balance" only where it says the two words together.
 */
import { describe, expect, it } from 'vitest';
import { askedPairs, pairsHeld } from '../../src/core/search/adjacency.ts';
import type { Passage } from '../../src/core/search/passages.ts';
import type { QueryReading } from '../../src/core/search/types.ts';

const reading = (terms: [string, number][], synonymOf: [string, string[]][] = []) =>
    ({ terms: new Map(terms), synonymOf: new Map(synonymOf.map(([s, f]) => [s, new Set(f)])) }) as unknown as QueryReading;

const passage = (en: string) => ({ item: 'x', field: 'facts.0', text: { en } }) as unknown as Passage;

describe('askedPairs', () => {
    it("pairs the question's own English words in their order, leaving synonyms, told words and Chinese out", () => {
        const r = reading(
            [
                ['outstand', 1],
                ['loan', 1],
                ['贷款', 0.6],
                ['borrow', 0.6],
                ['balanc', 1],
                ['company', 0.25],
                ['q2', 1],
            ],
            [['borrow', ['loan']]],
        );
        expect([...askedPairs(r, () => false)]).toEqual(['outstand loan', 'loan balanc', 'balanc q2']);
    });

    it("leaves out a pair with a word of the card's own names: every passage of the card is about them", () => {
        const r = reading([
            ['tech', 1],
            ['sme', 1],
            ['pilot', 1],
        ]);
        expect([...askedPairs(r, (t) => t === 'sme')]).toEqual([]);
    });
});

describe('pairsHeld', () => {
    const pairs = new Set(['loan balanc', 'balanc tech']);

    it('counts the pairs a passage says side by side, function words between them left out', () => {
        expect(pairsHeld(passage("At end-Q2 2024, the loan balance of Shanghai's tech firms was 1,244.937 billion yuan."), pairs)).toBe(1);
        expect(pairsHeld(passage('Loan balances of tech firms rose.'), pairs)).toBe(2);
    });

    it('gives nothing for the same words apart, or for a passage with no English', () => {
        expect(pairsHeld(passage('1,636 firms had loans outstanding, with a balance of 16.355 billion yuan.'), pairs)).toBe(0);
        expect(pairsHeld({ item: 'x', field: 'facts.0', text: { zh: '贷款余额' } } as unknown as Passage, pairs)).toBe(0);
    });
});
