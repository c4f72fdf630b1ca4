/** Seeded random firm profiles for the property tests of the matcher: a failure replays with its seed. */
import { parseProfile, type FirmProfile } from '../../src/core/match/profile.ts';
import { NEEDS, QUALIFICATIONS, SIZES, STAGES } from '../../src/core/vocabulary.ts';

/** A valid profile drawn with `next` (bench/synthetic.ts `random(seed)`); `extra` adds fields drawn the same way. */
export function randomProfile(
    next: () => number,
    extra: (maybe: <T>(v: () => T) => T | undefined) => Partial<FirmProfile> = () => ({}),
): FirmProfile {
    const maybe = <T>(v: () => T): T | undefined => (next() < 0.5 ? v() : undefined);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const some = <T>(xs: readonly T[]): T[] => xs.filter(() => next() < 0.3);
    const profile = {
        stage: maybe(() => pick(STAGES.values)),
        qualifications: maybe(() => some(QUALIFICATIONS.values)),
        size: maybe(() => pick(SIZES.values)),
        needs: maybe(() => some(NEEDS.values)),
        annualRevenueWan: maybe(() => Math.round(next() * 5000)),
        hasIntellectualProperty: maybe(() => next() < 0.5),
        ...extra(maybe),
    };
    const defined = Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
    return parseProfile(Object.keys(defined).length > 0 ? { ...profile, ...defined } : { stage: pick(STAGES.values) });
}
