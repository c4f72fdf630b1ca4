/**
 * A zero-width or other format character inside a word (pasted from a web
 * page or a chat app) must not change the answer: it is removed with the
 * other normalisation, not turned into a word break.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
});

afterAll(async () => {
    await service.close();
});

const summary = (query: string) => {
    const r = service.search(query);
    return { query: r.query, confident: r.confident, ids: r.results.map((x) => x.id) };
};

describe('format characters in a question', () => {
    it.each([
        ['zero-width space', '\u200b'],
        ['zero-width joiner', '\u200d'],
        ['word joiner', '\u2060'],
        ['byte-order mark', '\ufeff'],
        ['soft hyphen', '\u00ad'],
    ])('a %s inside 高企贷 changes nothing', (_name, ch) => {
        expect(summary(`高${ch}企贷`)).toEqual(summary('高企贷'));
        expect(summary(`高企贷${ch}怎么申请`)).toEqual(summary('高企贷怎么申请'));
    });

    it('control characters still separate words', () => {
        expect(summary('高企贷\u0000怎么申请').query).toBe('高企贷 怎么申请');
    });
});
