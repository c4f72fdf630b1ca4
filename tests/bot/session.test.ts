import { describe, expect, it, vi } from 'vitest';
import type { StorageAdapter } from 'grammy';
import { guardedStorage, sanitizeSession, sessionKey } from '../../src/bot/storage/session.ts';
import { silentLogger } from '../../src/logger.ts';

describe('sanitizeSession', () => {
    it('keeps valid fields', () => {
        const s = { lang: 'en', profile: { stage: 'growth', qualifications: ['srdi'], amountWan: 500 }, flow: { step: 2, draft: { size: 'small' } } };
        expect(sanitizeSession(s)).toEqual(s);
    });

    it('drops what does not fit, field by field', () => {
        expect(sanitizeSession({ lang: 'fr', profile: { stage: 'teen' }, flow: { step: 99, draft: {} } })).toEqual({});
        expect(sanitizeSession({ lang: 'zh', profile: { stage: 'teen' } })).toEqual({ lang: 'zh' });
        // The language a questionnaire began in, kept with it; an unknown one is dropped alone.
        expect(sanitizeSession({ flow: { step: 1, draft: {}, lang: 'en' } })).toEqual({ flow: { step: 1, draft: {}, lang: 'en' } });
        expect(sanitizeSession({ flow: { step: 1, draft: {}, lang: 'fr' } })).toEqual({ flow: { step: 1, draft: {} } });
        expect(sanitizeSession('garbage')).toEqual({});
        expect(sanitizeSession(null)).toEqual({});
    });
});

describe('sessions stored before the conversation module', () => {
    it('still load whole, and the new fields load beside them', () => {
        // The shape a session had before focus, matched and the told profile fields existed.
        const old = {
            lang: 'zh',
            profile: { stage: 'growth', qualifications: ['high-tech'], needs: ['working-capital'], hasIntellectualProperty: true, amountWan: 300 },
            understood: { size: 'small' },
            flow: { step: 1, draft: { stage: 'seed' } },
        };
        expect(sanitizeSession(old)).toEqual(old);
        const now = {
            ...old,
            profile: { ...old.profile, annualRevenueWan: 20000, qualificationsLacking: ['srdi'] },
            focus: { items: ['gaoqidai'], aspect: 'rate' },
            matched: ['gaoqidai', 'huke-zhuandai'],
        };
        expect(sanitizeSession(now)).toEqual(now);
    });

    it('drop a focus or match list that does not fit, alone', () => {
        expect(sanitizeSession({ lang: 'en', focus: { items: ['a', 'b', 'c'] }, matched: 'gaoqidai' })).toEqual({ lang: 'en' });
    });
});

describe('sessionKey', () => {
    it('is the user id, or undefined without a user', () => {
        expect(sessionKey({ from: { id: 42 } })).toBe('42');
        expect(sessionKey({})).toBeUndefined();
    });
});

describe('guardedStorage', () => {
    function inner(overrides: Partial<StorageAdapter<unknown>> = {}): StorageAdapter<unknown> {
        return { read: vi.fn(), write: vi.fn(), delete: vi.fn(), ...overrides };
    }

    it('reads an unreadable record as no session', async () => {
        const store = guardedStorage(inner({ read: () => Promise.reject(new SyntaxError('Unexpected end of JSON input')) }), silentLogger);
        await expect(store.read('1')).resolves.toBeUndefined();
    });

    it('deletes instead of writing an empty session', async () => {
        const raw = inner();
        const store = guardedStorage(raw, silentLogger);
        await store.write('1', {});
        expect(raw.delete).toHaveBeenCalledWith('1');
        expect(raw.write).not.toHaveBeenCalled();
        await store.write('1', { lang: 'en' });
        expect(raw.write).toHaveBeenCalledWith('1', { lang: 'en' });
    });
});
