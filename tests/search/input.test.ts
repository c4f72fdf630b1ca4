import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchIndex, type KnowledgeIndex } from '../../src/core/search/index.ts';
import { boundQuery, MAX_QUERY_LENGTH, NOTICES } from '../../src/core/search/input.ts';
import { loadFixture } from '../helpers/knowledge.ts';

let index: KnowledgeIndex;

beforeAll(async () => {
    index = createSearchIndex(await loadFixture());
});

describe('bounded input', () => {
    it('an empty or whitespace-only query gives no results and asks for a question', () => {
        for (const q of ['', '   ', '\n\t \u3000']) {
            const r = index.search(q);
            expect(r.results).toEqual([]);
            expect(r.confident).toBe(false);
            expect(r.notice).toEqual(NOTICES.empty);
            expect(r.query).toBe('');
        }
    });

    it('a 10,000-character query is searched on its first 500 characters, with a notice', () => {
        const q = '科技履约贷'.repeat(2000);
        const started = performance.now();
        const r = index.search(q);
        expect(performance.now() - started).toBeLessThan(1000);
        expect(Array.from(r.query)).toHaveLength(MAX_QUERY_LENGTH);
        expect(r.notice).toEqual(NOTICES.truncated);
        expect(r.results[0]?.id).toBe('perf-loan');
    });

    it('cuts at code points, never inside a surrogate pair', () => {
        const q = `${'a'.repeat(MAX_QUERY_LENGTH - 1)}😀😀`;
        const r = index.search(q);
        expect(r.query.endsWith('😀')).toBe(true);
        expect(Array.from(r.query)).toHaveLength(MAX_QUERY_LENGTH);
    });

    it('an emoji-only query gives no results and says there are no words', () => {
        const r = index.search('😀🎉👍');
        expect(r.results).toEqual([]);
        expect(r.confident).toBe(false);
        expect(r.notice).toEqual(NOTICES.noWords);
    });

    it('a control-characters-only query is treated as empty', () => {
        const r = index.search('\u0000\u0001\u001b\u007f\u200b');
        expect(r.results).toEqual([]);
        expect(r.notice).toEqual(NOTICES.empty);
    });

    it('control characters inside a query are removed and the rest is searched', () => {
        const r = index.search('科技\u0000履约贷\u001b');
        expect(r.query).toBe('科技 履约贷');
        expect(r.results[0]?.id).toBe('perf-loan');
        expect(r.notice).toBeUndefined();
    });

    it('never throws, whatever it is given', () => {
        const odd: unknown[] = [undefined, null, 42, {}, ['科技'], '\ud800', '〔〕【】', 'a'.repeat(100_000)];
        for (const q of odd) expect(() => index.search(q as string)).not.toThrow();
        expect(index.search(undefined as unknown as string).notice).toEqual(NOTICES.empty);
    });

    it('guesses the language from the query: any Han character means Chinese', () => {
        expect(index.search('IP pledge').lang).toBe('en');
        expect(index.search('IP 质押').lang).toBe('zh');
        expect(index.search('').lang).toBe('en');
    });
});

describe('boundQuery', () => {
    it('collapses whitespace and trims', () => {
        expect(boundQuery('  科技   履约贷 \n')).toEqual({ text: '科技 履约贷' });
    });

    it('looks at a bounded prefix of a huge input only', () => {
        const r = boundQuery('x'.repeat(5_000_000));
        expect(r.text).toHaveLength(MAX_QUERY_LENGTH);
        expect(r.notice).toEqual(NOTICES.truncated);
    });
});
