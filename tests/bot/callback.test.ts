import { describe, expect, it } from 'vitest';
import { encodeCallback, MAX_CALLBACK_BYTES, parseCallback, refOf, resolveRef, type CallbackAction } from '../../src/bot/conversation/callback.ts';

const ACTIONS: CallbackAction[] = [
    { type: 'menu', entry: 'match' },
    { type: 'menu', entry: 'forget' },
    { type: 'lang', lang: 'en' },
    { type: 'flow', step: 1, op: 'toggle', value: 'srdi-little-giant' },
    { type: 'flow', step: 5, op: 'set', value: '3000' },
    { type: 'flow', step: 0, op: 'cancel' },
    { type: 'item', ref: 'ip-pledge-financing' },
    { type: 'contacts', ref: 'gaoqidai' },
    { type: 'browse' },
    { type: 'browse', kind: '*' },
    { type: 'browse', kind: 'program', stage: 'growth', page: 3 },
    { type: 'forget', confirmed: true },
    { type: 'profile', op: 'edit' },
    { type: 'profile', op: 'understood' },
];

describe('callback data', () => {
    it.each(ACTIONS)('round-trips $type within 64 bytes', (action) => {
        const data = encodeCallback(action);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
        expect(parseCallback(data)).toEqual(action);
    });

    it.each([
        '',
        'garbage',
        'x'.repeat(65),
        'm:nope',
        'l:fr',
        'q:1:s',
        'q:1:t',
        'q:1:d:extra',
        'q:12:s:seed',
        'q:a:s:seed',
        'q:1:z:seed',
        'q:1:s:<b>',
        'i:',
        'i:../../etc/passwd',
        'i:UPPER',
        'c:a:b',
        'p:loan',
        'p:product:old',
        'p:product:seed:0',
        'f:maybe',
        'pr:x',
        '\u0000\u0001',
        '高企贷',
    ])('refuses %j', (data) => {
        expect(parseCallback(data)).toBeUndefined();
    });

    it('refers to a long id by a hash that resolves back to it', () => {
        const long = `a-${'very-long-id-'.repeat(6)}end`;
        const ref = refOf(long);
        expect(ref).toMatch(/^~/);
        const data = encodeCallback({ type: 'item', ref });
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
        expect(resolveRef(ref, ['gaoqidai', long])).toBe(long);
        expect(resolveRef(refOf('gaoqidai'), ['gaoqidai', long])).toBe('gaoqidai');
        expect(resolveRef('missing', ['gaoqidai'])).toBeUndefined();
        expect(resolveRef('~AAAAAAAAAAAAAAAA', ['gaoqidai'])).toBeUndefined();
    });
});
