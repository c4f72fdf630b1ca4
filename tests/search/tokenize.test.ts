import { describe, expect, it } from 'vitest';
import { decodeTerm, encodeTerm } from '../../src/core/search/encode.ts';
import { bigrams, createDictionary, findNearTerms, foldTraditional, normalize, stem, tokenize } from '../../src/core/search/tokenize.ts';

describe('normalize', () => {
    it('folds full-width Latin, digits and punctuation to half-width', () => {
        expect(normalize('ＩＰ　ｐｌｅｄｇｅ１２３，')).toBe('ip pledge123,');
    });

    it('folds traditional characters (Taiwan and Hong Kong forms) to simplified', () => {
        expect(normalize('科技履約貸怎麼申請')).toBe('科技履约贷怎么申请');
        expect(foldTraditional('知識產權質押 裡 爲')).toBe('知识产权质押 里 为');
    });

    it('leaves simplified text alone, including characters valid in both scripts', () => {
        // 著 is correct simplified in 著作权; the tw converter would turn it into 着.
        expect(normalize('著作权质押')).toBe('著作权质押');
        const body = '科创助力贷是上海市科委政府风险共担类科技信贷产品之一。';
        expect(normalize(body)).toBe(body);
    });

    it("folds a curly apostrophe, as phone keyboards type it, to ' (what’s is what's)", () => {
        expect(normalize('What’s the rate? It‘s ʼcheapʼ')).toBe("what's the rate? it's 'cheap'");
    });

    it('lower-cases and removes zero-width characters', () => {
        expect(normalize('STCSM\u200B Reply')).toBe('stcsm reply');
        expect(normalize('科\u200B技')).toBe('科技');
    });
});

describe('stem', () => {
    it('removes plurals', () => {
        expect(stem('loans')).toBe('loan');
        expect(stem('companies')).toBe('company');
        expect(stem('businesses')).toBe('business');
    });

    it('brings the forms of a verb to one stem, as a founder and a card write them', () => {
        // "how much did they lend" / "lending"; "when was it piloted" / "pilot"; "renews" / "renewed" / "renewal" stays apart.
        expect(new Set(['lend', 'lends', 'lending'].map(stem))).toEqual(new Set(['lend']));
        expect(new Set(['pilot', 'piloted', 'piloting', 'pilots'].map(stem))).toEqual(new Set(['pilot']));
        expect(new Set(['renew', 'renews', 'renewed', 'renewing'].map(stem))).toEqual(new Set(['renew']));
        expect(new Set(['commit', 'committed', 'committing'].map(stem))).toEqual(new Set(['commit']));
        expect(new Set(['issue', 'issued', 'issues', 'issuing'].map(stem))).toEqual(new Set(['issu']));
        expect(new Set(['finance', 'financing', 'financed'].map(stem))).toEqual(new Set(['financ']));
        expect(new Set(['guarantee', 'guarantees', 'guaranteed'].map(stem))).toEqual(new Set(['guarantee']));
        expect(stem('discounting')).toBe('discount');
        // A doubled l, s or z is the word's own: billing is bill, not bil.
        expect(stem('billing')).toBe('bill');
    });

    it('brings the irregular past of a verb to its stem ("lent" of a card, "lending" of a question)', () => {
        expect(new Set(['lend', 'lent', 'lending'].map(stem))).toEqual(new Set(['lend']));
        expect(new Set(['grow', 'grew', 'grown', 'growing'].map(stem))).toEqual(new Set(['grow']));
        expect(new Set(['pay', 'paid', 'pays'].map(stem))).toEqual(new Set(['pay']));
        // Forms that are also other words stay: left, found.
        expect(stem('left')).toBe('left');
        expect(stem('found')).toBe('found');
    });

    it('brings an irregular past after a prefix, and a noun in -ment, to the verb ("repaid", "repayment": repay)', () => {
        // A card writes "firms that repaid between 1 August 2024 and 31 August 2025"; a founder asks about the repayment.
        expect(new Set(['repay', 'repaid', 'repaying', 'repayment', 'repayments'].map(stem))).toEqual(new Set(['repay']));
        expect(new Set(['underwrite', 'underwrote'].map(stem)).size).toBe(1);
        expect(new Set(['invest', 'investment', 'invested'].map(stem))).toEqual(new Set(['invest']));
        // "sent" after a prefix is another word; a short word in -ment is no noun of a verb.
        expect(stem('present')).toBe('present');
        expect(stem('resent')).toBe('resent');
        expect(stem('moment')).toBe('moment');
    });

    it('leaves short words and words that only look like verb forms', () => {
        expect(stem('need')).toBe('need');
        expect(stem('used')).toBe('used');
        expect(stem('bring')).toBe('bring');
        expect(stem('thing')).toBe('thing');
    });

    it('keeps words whose final s is not a plural, and short words', () => {
        expect(stem('business')).toBe('business');
        expect(stem('status')).toBe('status');
        expect(stem('basis')).toBe('basis');
        expect(stem('its')).toBe('its');
        expect(stem('2020s')).toBe('2020s');
    });
});

describe('tokenize', () => {
    it('turns Chinese text into character bigrams', () => {
        expect(tokenize('科技履约贷')).toEqual(['科技', '技履', '履约', '约贷']);
    });

    it('leaves out English conjunctions, which join what is asked and say nothing of it', () => {
        expect(tokenize('registered in Suzhou but the R&D centre is in Shanghai')).not.toContain('but');
        expect(tokenize('whether or not, although we could')).toEqual([]);
    });

    it('cuts runs at particles, so no bigram spans 的 or 了', () => {
        const terms = tokenize('企业的贷款');
        expect(terms).toEqual(['企业', '贷款']);
        expect(terms).not.toContain('业的');
    });

    it('emits dictionary terms found in the text whole, besides the bigrams', () => {
        const dictionary = createDictionary(['科技履约贷', '履约保证保险']);
        const terms = tokenize('申请科技履约贷需要履约保证保险', { dictionary });
        expect(terms).toContain('科技履约贷');
        expect(terms).toContain('履约保证保险');
        expect(terms).toContain('履约');
    });

    it('does not emit two-character dictionary terms twice (they are bigrams already)', () => {
        const dictionary = createDictionary(['续贷']);
        expect(tokenize('无还本续贷', { dictionary }).filter((t) => t === '续贷')).toHaveLength(1);
    });

    it('keeps known English phrases whole, joined by _', () => {
        const dictionary = createDictionary(['little giant', 'IP pledge']);
        const terms = tokenize('Credit loans for Little Giant firms and IP-pledge financing', { dictionary });
        expect(terms).toContain('littl_giant');
        expect(terms).toContain('ip_pledg');
        expect(terms).toContain('loan');
        expect(terms).not.toContain('for');
    });

    it('indexes traditional text under simplified terms', () => {
        expect(tokenize('續貸')).toEqual(tokenize('续贷'));
    });

    it('indexes full-width Latin as plain lower-case words', () => {
        expect(tokenize('ＳＲＤＩ企业').sort()).toEqual(['srdi', '企业']);
    });

    it('drops stop words and keeps numbers', () => {
        expect(tokenize('What is the rate in 2024?')).toEqual(['rat', '2024']);
    });

    it('returns nothing for emoji and punctuation', () => {
        expect(tokenize('😀🎉！？…')).toEqual([]);
    });
});

describe('bigrams', () => {
    it('makes overlapping pairs, and a lone character stands for itself', () => {
        expect(bigrams('专精特新')).toEqual(['专精', '精特', '特新']);
        expect(bigrams('贷')).toEqual(['贷']);
    });
});

describe('findNearTerms', () => {
    const dictionary = createDictionary(['科技微贷通', '高企贷', '科技履约贷']);

    it('finds a term with one wrong character after the first', () => {
        expect(findNearTerms('科技微带通', 0, 5, dictionary).map((h) => h.term)).toEqual(['科技微贷通']);
        expect(findNearTerms('高企代', 0, 3, dictionary)).toEqual([{ term: '高企贷', wrong: 2 }]);
    });

    it('does not count an exact occurrence or two wrong characters', () => {
        expect(findNearTerms('高企贷', 0, 3, dictionary)).toEqual([]);
        expect(findNearTerms('科技小额贷', 0, 5, dictionary)).toEqual([]);
    });
});

describe('encodeTerm', () => {
    it('spells Han characters with sixteen capital letters and leaves Latin terms alone', () => {
        expect(encodeTerm('科技')).toMatch(/^[A-P]{8}$/);
        expect(encodeTerm('little_giant')).toBe('little_giant');
    });

    it('round-trips', () => {
        for (const term of ['科技', '沪科提复', 'srdi', 'ip_pledge', '〇']) expect(decodeTerm(encodeTerm(term))).toBe(term);
    });
});
