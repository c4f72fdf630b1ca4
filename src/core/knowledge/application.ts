/**
 * What a firm does next about a card: whether it must apply (or the support
 * comes by itself, 免申即享), by when, where, with what, for how much —
 * read from the card's optional `application`, `apply_channel`, `documents`
 * and `benefit`. Data only; present/ words it. A window is judged by the
 * UTC day of the query, as `valid_until` is (schema.ts `isExpired`), so a
 * window that closed yesterday shows as closed today in every front.
 */
import type { Application, ApplicationMode, ApplyChannel, Benefit, Fact, KnowledgeItem } from './schema.ts';

/**
 * - `open`: a dated window that holds the query's day;
 * - `upcoming`: `opens` is after it;
 * - `closed`: `closes` is before it;
 * - `rolling`: accepted all year (常年受理).
 */
export type WindowState = 'open' | 'upcoming' | 'closed' | 'rolling';

export interface ApplicationWindow {
    readonly opens?: string;
    readonly closes?: string;
    readonly state: WindowState;
    /** Whole days from the query's day to `closes` (0 on the closing day); only while open. */
    readonly daysLeft?: number;
}

export interface NextStep {
    readonly mode?: ApplicationMode;
    /** The mode or window in the source's words, with their sources. */
    readonly application?: Application;
    /** Absent when the source gives no dates and no rolling window. */
    readonly window?: ApplicationWindow;
    readonly channel?: ApplyChannel;
    readonly documents: readonly Fact[];
    readonly benefit?: Benefit;
}

const DAY_MS = 86_400_000;

/** The UTC day of `now`, YYYY-MM-DD. */
export function dayOf(now: Date): string {
    return now.toISOString().slice(0, 10);
}

/** The window of an `application` on `now`'s day; undefined when the source states none. */
export function windowOf(a: Pick<Application, 'opens' | 'closes' | 'rolling'>, now: Date): ApplicationWindow | undefined {
    const day = dayOf(now);
    const dates = { ...(a.opens ? { opens: a.opens } : {}), ...(a.closes ? { closes: a.closes } : {}) };
    if (a.closes !== undefined && a.closes < day) return { ...dates, state: 'closed' };
    if (a.opens !== undefined && a.opens > day) return { ...dates, state: 'upcoming' };
    if (a.rolling) return { ...dates, state: 'rolling' };
    if (a.closes === undefined && a.opens === undefined) return undefined;
    const daysLeft = a.closes === undefined ? undefined : Math.round((Date.parse(a.closes) - Date.parse(day)) / DAY_MS);
    return { ...dates, state: 'open', ...(daysLeft === undefined ? {} : { daysLeft }) };
}

/** The next step a card states, on `now`'s day; undefined when it states none of the four fields. */
export function nextStepOf(item: KnowledgeItem, now: Date): NextStep | undefined {
    if (item.kind === 'organization') return undefined;
    const { application, apply_channel: channel, benefit } = item;
    // Cards made in code (tests, benches) may leave out the list the schema defaults.
    const documents = item.documents ?? [];
    if (!application && !channel && documents.length === 0 && !benefit) return undefined;
    const window = application ? windowOf(application, now) : undefined;
    return {
        ...(application ? { mode: application.mode, application } : {}),
        ...(window ? { window } : {}),
        ...(channel ? { channel } : {}),
        documents,
        ...(benefit ? { benefit } : {}),
    };
}

/** Whether `item`'s window closes within `days` days of `now` (today included) and is still open. */
export function closesWithin(item: KnowledgeItem, now: Date, days: number): boolean {
    if (item.kind === 'organization' || !item.application) return false;
    const w = windowOf(item.application, now);
    return w?.state === 'open' && w.daysLeft !== undefined && w.daysLeft <= days;
}
