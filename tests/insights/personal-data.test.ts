/** The scrubber over the personal-data catalogue (sinks: sinks.test.ts). */
import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from '../../src/core/insights/scrub.ts';
import { NO_PERSONAL_DATA, PERSONAL_DATA, survivors } from './personal-data.ts';

describe('the scrubber over the catalogue', () => {
    it('the catalogue holds at least the 67 kinds of the review, each once', () => {
        expect(PERSONAL_DATA.length).toBeGreaterThanOrEqual(67);
        expect(new Set(PERSONAL_DATA.map((c) => c.kind)).size).toBe(PERSONAL_DATA.length);
    });

    it('leaves no case readable', () => {
        const leaks = PERSONAL_DATA.map((c) => ({ kind: c.kind, out: scrubPersonalData(c.text), left: survivors(scrubPersonalData(c.text), c) })).filter((l) => l.left.length > 0);
        expect(leaks).toEqual([]);
    });

    it.each(NO_PERSONAL_DATA)('leaves "%s" alone', (text) => {
        expect(scrubPersonalData(text)).toBe(text);
    });
});
