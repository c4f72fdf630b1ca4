/**
 * The guided-match questionnaire as a pure state machine: a state and an
 * action give the next state, the finished profile, or a cancel. The bot
 * keeps the state in the session between button presses; nothing here
 * knows Telegram.
 *
 * Skip leaves a field unknown; "none" (qualifications) says the firm holds
 * none, which the matcher treats differently from unknown.
 */
import { normaliseWord, parseAmountWan, VOCABULARY_LEXICON, type Lexicon } from '../../core/lexicon/lexicon.ts';
import { NEEDS, QUALIFICATIONS, SIZES, STAGES } from '../../core/vocabulary.ts';

/** The amount reader of the core lexicon, re-exported for the amount step's callers. */
import type { FlowOp } from './callback.ts';

export const STEPS = ['stage', 'qualifications', 'size', 'needs', 'ip', 'amount'] as const;
export type StepName = (typeof STEPS)[number];

/** The profile fields the questionnaire asks for. */
export type { Draft } from '../../core/match/told-profile.ts';
import { pickDraft, type Draft } from '../../core/match/told-profile.ts';

export interface FlowState {
    readonly step: number;
    readonly draft: Draft;
}

export type FlowAction = { readonly op: FlowOp; readonly value?: string } | { readonly op: 'text'; readonly text: string };

export type FlowResult =
    | { readonly kind: 'continue'; readonly state: FlowState }
    | { readonly kind: 'finished'; readonly draft: Draft }
    | { readonly kind: 'cancelled' }
    /** The action does not fit this step (a forged button, or text that is no answer). */
    | { readonly kind: 'invalid' };

/** Preset amounts (万元) offered as buttons. */
export const AMOUNT_PRESETS = [100, 300, 500, 1000, 3000] as const;

/** Starts at the first step, keeping what the user answered before. */
export function startFlow(previous: Draft = {}): FlowState {
    return { step: 0, draft: pickDraft(previous) };
}

export function stepName(state: FlowState): StepName {
    return STEPS[Math.min(Math.max(state.step, 0), STEPS.length - 1)] ?? 'stage';
}

export function isMultiStep(step: StepName): boolean {
    return step === 'qualifications' || step === 'needs';
}

/** The next state for an action; never throws, whatever the action holds. */
export function applyFlow(state: FlowState, action: FlowAction, lexicon: Lexicon = VOCABULARY_LEXICON): FlowResult {
    const step = stepName(state);
    switch (action.op) {
        case 'cancel':
            return { kind: 'cancelled' };
        case 'back':
            return { kind: 'continue', state: { step: Math.max(0, state.step - 1), draft: state.draft } };
        case 'skip':
            return advance(state, clearField(state.draft, step));
        case 'none':
            return step === 'qualifications' ? advance(state, { ...state.draft, qualifications: [] }) : { kind: 'invalid' };
        case 'done':
            return isMultiStep(step) ? advance(state, state.draft) : { kind: 'invalid' };
        case 'toggle': {
            const draft = action.value === undefined ? undefined : toggle(state.draft, step, action.value);
            return draft ? { kind: 'continue', state: { step: state.step, draft } } : { kind: 'invalid' };
        }
        case 'set': {
            const draft = action.value === undefined ? undefined : setSingle(state.draft, step, action.value);
            return draft ? advance(state, draft) : { kind: 'invalid' };
        }
        case 'text': {
            const draft = parseTyped(state.draft, step, action.text, lexicon);
            return draft ? advance(state, draft) : { kind: 'invalid' };
        }
    }
}

function advance(state: FlowState, draft: Draft): FlowResult {
    const step = state.step + 1;
    return step >= STEPS.length ? { kind: 'finished', draft } : { kind: 'continue', state: { step, draft } };
}

function clearField(draft: Draft, step: StepName): Draft {
    const next = { ...draft };
    delete next[FIELD_OF_STEP[step]];
    return next;
}

const FIELD_OF_STEP = {
    stage: 'stage',
    qualifications: 'qualifications',
    size: 'size',
    needs: 'needs',
    ip: 'hasIntellectualProperty',
    amount: 'amountWan',
} as const satisfies Record<StepName, keyof Draft>;

function setSingle(draft: Draft, step: StepName, value: string): Draft | undefined {
    switch (step) {
        case 'stage':
            return isOneOf(STAGES.values, value) ? { ...draft, stage: value } : undefined;
        case 'size':
            return isOneOf(SIZES.values, value) ? { ...draft, size: value } : undefined;
        case 'ip':
            return value === 'y' || value === 'n' ? { ...draft, hasIntellectualProperty: value === 'y' } : undefined;
        case 'amount': {
            const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
            return n > 0 ? { ...draft, amountWan: n } : undefined;
        }
        default:
            return undefined;
    }
}

function toggle(draft: Draft, step: StepName, value: string): Draft | undefined {
    if (step === 'qualifications' && isOneOf(QUALIFICATIONS.values, value)) {
        return { ...draft, qualifications: toggled(draft.qualifications, value, QUALIFICATIONS.values) };
    }
    if (step === 'needs' && isOneOf(NEEDS.values, value)) {
        return { ...draft, needs: toggled(draft.needs, value, NEEDS.values) };
    }
    return undefined;
}

/** Toggles `value`, keeping the vocabulary's order so that equal choices store equally. */
function toggled<T extends string>(list: readonly T[] | undefined, value: T, order: readonly T[]): T[] {
    const set = new Set(list ?? []);
    if (set.has(value)) set.delete(value);
    else set.add(value);
    return order.filter((v) => set.has(v));
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
    return (values as readonly string[]).includes(value);
}

// === Typed answers ==========================================================

const NONE_WORDS = ['无', '没有', '都没有', '暂无', 'none', 'no', 'nothing'];
const YES_WORDS = ['有', '是', '有的', '拥有', '有专利', 'yes', 'y', 'have', 'true'];
const NO_WORDS = ['没有', '无', '否', '没', '暂无', 'no', 'n', 'none', 'false'];

/** Words of a typed list: "高企、专精特新 and SRDI SME" → three words. */
function listWords(text: string): string[] {
    return normaliseWord(text)
        .split(/\s*(?:[,，、;；/|+]|\band\b|和|及|以及)\s*/)
        .map((w) => w.trim())
        .filter((w) => w !== '');
}

/**
 * A typed answer for `step`, or undefined when the text is no answer to it
 * (then the bot treats it as a free question). Every word of a list must be
 * known: "高企贷" is a question, not the qualification 高企.
 */
export function parseTyped(draft: Draft, step: StepName, text: string, lexicon: Lexicon = VOCABULARY_LEXICON): Draft | undefined {
    const t = text.trim();
    if (t === '' || t.length > 200) return undefined;
    switch (step) {
        case 'stage': {
            const stage = lexicon.lookup('stage', t);
            return stage ? { ...draft, stage } : undefined;
        }
        case 'size': {
            const size = lexicon.lookup('size', t);
            return size ? { ...draft, size } : undefined;
        }
        case 'qualifications': {
            if (NONE_WORDS.includes(normaliseWord(t))) return { ...draft, qualifications: [] };
            const values = allKnown(listWords(t), (w) => lexicon.lookup('qualifications', w));
            if (values) return { ...draft, qualifications: QUALIFICATIONS.values.filter((q) => values.includes(q)) };
            // A sentence ("有专精特新，还没有高企认定"): the titles it claims are the answer, the denied ones are not held.
            const said = lexicon.mentions('qualifications', t).filter((m) => m.stance !== 'mentions');
            if (said.length === 0) return undefined;
            const held = said.filter((m) => m.stance === 'claims').map((m) => m.value);
            return { ...draft, qualifications: QUALIFICATIONS.values.filter((q) => held.includes(q)) };
        }
        case 'needs': {
            const values = allKnown(listWords(t), (w) => lexicon.lookup('needs', w));
            return values ? { ...draft, needs: NEEDS.values.filter((n) => values.includes(n)) } : undefined;
        }
        case 'ip': {
            const w = normaliseWord(t);
            if (YES_WORDS.includes(w)) return { ...draft, hasIntellectualProperty: true };
            if (NO_WORDS.includes(w)) return { ...draft, hasIntellectualProperty: false };
            return undefined;
        }
        case 'amount': {
            const amountWan = parseAmountWan(t);
            return amountWan === undefined ? undefined : { ...draft, amountWan };
        }
    }
}

function allKnown<T>(words: string[], find: (w: string) => T | undefined): T[] | undefined {
    if (words.length === 0) return undefined;
    const found = words.map(find);
    return found.every((v) => v !== undefined) ? (found as T[]) : undefined;
}
