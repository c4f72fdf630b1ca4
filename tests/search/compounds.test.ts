/** Hyphenated compounds and the words they hold (src/core/search/compounds.ts). */
import { describe, expect, it } from 'vitest';
import { compoundOnly, withoutCompoundsUnsaid } from '../../src/core/search/compounds.ts';
import { stem } from '../../src/core/search/stem.ts';

describe('compounds', () => {
    it('a word written only inside compounds is kept with how a question says them', () => {
        const only = compoundOnly(['Five joint-stock banks joined at end-June.', 'Banks lend in June.']);
        expect(only.has(stem('stock'))).toBe(true);
        // "june" and "banks" stand alone somewhere: no compound holds them alone.
        expect(only.has(stem('june'))).toBe(false);
        expect(only.has(stem('bank'))).toBe(false);
        const [said] = only.get(stem('end'))!;
        expect(said!.test('at the end of june')).toBe(true);
        expect(said!.test('at end june')).toBe(true);
        expect(said!.test('at the end, in june')).toBe(false);
    });

    it('a text keeps the compounds a question says and blanks the others', () => {
        const text = 'the joint-stock banks and high-tech firms';
        expect(withoutCompoundsUnsaid(text, 'is their stock a good buy')).toBe('the   banks and   firms');
        expect(withoutCompoundsUnsaid(text, 'which joint stock banks, for high tech firms')).toBe(text);
    });
});
