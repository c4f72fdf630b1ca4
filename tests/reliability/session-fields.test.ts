/**
 * Issue 9, item 2: one value the vocabulary no longer has must not cost the
 * user the rest of a saved profile. Also: a session is written only when it
 * changed, and a store that cannot be read or written is reported without
 * the key (a user id).
 */
import { describe, expect, it } from 'vitest';
import type { StorageAdapter } from 'grammy';
import { guardedStorage, sanitizeSession, type SessionData } from '../../src/bot/storage/session.ts';
import { SessionStoreError } from '../../src/bot/storage/file-storage.ts';
import { memoryLogger } from '../helpers/memory-logger.ts';

/** An in-memory store that counts what reaches it. */
function memoryStore(initial: Record<string, unknown> = {}) {
    const data = new Map(Object.entries(initial));
    const ops: string[] = [];
    const store: StorageAdapter<unknown> = {
        read: (key) => Promise.resolve(data.get(key)),
        write: (key, value) => {
            ops.push(`write ${key}`);
            data.set(key, structuredClone(value));
            return Promise.resolve();
        },
        delete: (key) => {
            ops.push(`delete ${key}`);
            data.delete(key);
            return Promise.resolve();
        },
    };
    return { store, data, ops };
}

describe('a stored session is validated field by field', () => {
    it('keeps every valid field of a profile holding a retired qualification', () => {
        const stored = { lang: 'en', profile: { stage: 'growth', qualifications: ['high-tech', 'retired', 'srdi'], size: 'small', amountWan: 500 } };
        expect(sanitizeSession(stored)).toEqual({
            lang: 'en',
            profile: { stage: 'growth', qualifications: ['high-tech', 'srdi'], size: 'small', amountWan: 500 },
        });
    });

    it('keeps an empty list, which is an answer ("none of these"), but not a list emptied of bad values', () => {
        expect(sanitizeSession({ profile: { qualifications: [], stage: 'seed' } })).toEqual({ profile: { qualifications: [], stage: 'seed' } });
        expect(sanitizeSession({ profile: { qualifications: ['retired'], stage: 'seed' } })).toEqual({ profile: { stage: 'seed' } });
    });

    it('drops only the bad scalar, in the profile, the pending statement and the questionnaire draft', () => {
        const stored = {
            profile: { stage: 'teen', size: 'medium', needs: ['working-capital'] },
            understood: { hasIntellectualProperty: 'yes', stage: 'startup' },
            flow: { step: 1, draft: { amountWan: -3, size: 'micro' } },
        };
        expect(sanitizeSession(stored)).toEqual({
            profile: { size: 'medium', needs: ['working-capital'] },
            understood: { stage: 'startup' },
            flow: { step: 1, draft: { size: 'micro' } },
        });
    });

    it('logs which fields were dropped, without the key', async () => {
        const { logger, records: lines } = memoryLogger();
        const { store } = memoryStore({ '987654321': { profile: { stage: 'growth', qualifications: ['retired'] } } });
        const session = await guardedStorage(store, logger).read('987654321');
        expect(session).toEqual({ profile: { stage: 'growth' } });
        const line = lines.find((l) => String(l.msg).includes('dropped'));
        expect(line).toBeDefined();
        expect(JSON.stringify(line)).toContain('profile.qualifications');
        expect(JSON.stringify(line)).toContain('retired');
        expect(JSON.stringify(lines)).not.toContain('987654321');
    });
});

describe('a session is written only when it changed', () => {
    it('skips the write of a session read and left as it was, and writes a changed one', async () => {
        const { store, ops } = memoryStore({ '1': { lang: 'zh' } });
        const guarded = guardedStorage(store, memoryLogger().logger);
        const s = (await guarded.read('1'))!;
        await guarded.write('1', s);
        expect(ops).toEqual([]);
        await guarded.read('1');
        await guarded.write('1', { lang: 'en' } satisfies SessionData);
        expect(ops).toEqual(['write 1']);
    });

    it('neither writes nor deletes for a passer-by whose session stays empty', async () => {
        const { store, ops } = memoryStore();
        const guarded = guardedStorage(store, memoryLogger().logger);
        expect(await guarded.read('2')).toBeUndefined();
        await guarded.write('2', {});
        expect(ops).toEqual([]);
    });
});

describe('a failing store', () => {
    it('says once that it cannot be written, never naming the key, and the update goes on', async () => {
        const { logger, records: lines } = memoryLogger();
        const failing: StorageAdapter<unknown> = {
            read: () => Promise.resolve(undefined),
            write: () => Promise.reject(new SessionStoreError('cannot write a session record in /srv/data/sessions (EROFS)', 'EROFS')),
            delete: () => Promise.resolve(),
        };
        const guarded = guardedStorage(failing, logger);
        for (const key of ['111111', '222222', '333333']) {
            await guarded.read(key);
            await expect(guarded.write(key, { lang: 'en' })).resolves.toBeUndefined();
        }
        const loud = lines.filter((l) => Number(l.level) >= 40);
        expect(loud).toHaveLength(1);
        expect(String(loud[0]!.msg)).toMatch(/DATA_DIR .*not writable/);
        expect(JSON.stringify(lines)).not.toMatch(/111111|222222|333333/);
    });

    it('never overwrites a record it could not read', async () => {
        const { store, ops } = memoryStore();
        store.read = () => Promise.reject(new SessionStoreError('cannot read a session record in /srv/data/sessions (EIO)', 'EIO'));
        const guarded = guardedStorage(store, memoryLogger().logger);
        expect(await guarded.read('5')).toBeUndefined();
        await guarded.write('5', { lang: 'en' });
        expect(ops).toEqual([]);
    });
});
