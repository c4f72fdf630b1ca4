/**
 * The tokenizer decides from TRADITIONAL_CHARS whether a text needs OpenCC,
 * so that list must be exactly the characters OpenCC changes: an update of
 * opencc-js that changes its tables fails here (run scripts/traditional.js).
 */
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { TRADITIONAL_CHARS } from '../../src/core/search/traditional.ts';
import { normalize } from '../../src/core/search/tokenize.ts';

describe('TRADITIONAL_CHARS', () => {
    it("is the set of ideographs OpenCC's hk → cn converter changes", () => {
        const convert = OpenCC.Converter({ from: 'hk', to: 'cn' });
        const chars: string[] = [];
        for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
        const converted = convert(chars.join('\n')).split('\n');
        expect(TRADITIONAL_CHARS).toBe(chars.filter((ch, i) => converted[i] !== ch).join(''));
    });

    it('is what normalize folds by', () => {
        expect(normalize('科技履約貸與貸款')).toBe('科技履约贷与贷款');
        expect(normalize('著作权')).toBe('著作权');
    });
});
