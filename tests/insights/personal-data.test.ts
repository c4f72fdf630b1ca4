/** The scrubber over the personal-data catalogue (sinks: sinks.test.ts). */
import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from '../../src/core/insights/scrub.ts';
import { NO_PERSONAL_DATA, PERSONAL_DATA, survivors } from '../helpers/personal-data.ts';

describe('the scrubber over the catalogue', () => {
    it('the catalogue holds at least the 67 kinds of the review, each once', () => {
        expect(PERSONAL_DATA.length).toBeGreaterThanOrEqual(67);
        expect(new Set(PERSONAL_DATA.map((c) => c.kind)).size).toBe(PERSONAL_DATA.length);
    });

    it('leaves no case readable', () => {
        const leaks = PERSONAL_DATA.map((c) => ({
            kind: c.kind,
            out: scrubPersonalData(c.text),
            left: survivors(scrubPersonalData(c.text), c),
        })).filter((l) => l.left.length > 0);
        expect(leaks).toEqual([]);
    });

    it('cuts a long text, dropping a number the cut went through', () => {
        const head = '高企贷'.repeat(330);
        const out = scrubPersonalData(`${head}，手机13812345678，邮箱 zhang.wei@example.com`);
        expect(out.startsWith(head)).toBe(true);
        expect(out.length).toBeLessThanOrEqual(1000);
        expect(out).not.toMatch(/\d{4}|zhang/);
        expect(scrubPersonalData(`${'x '.repeat(496)}1381234567812345678`)).not.toMatch(/\d/);
    });

    it.each(NO_PERSONAL_DATA)('leaves "%s" alone', (text) => {
        expect(scrubPersonalData(text)).toBe(text);
    });
});
