/**
 * The guided-match questionnaire as a pure state machine: a state and an
 * action give the next state, the finished profile, or a cancel. The bot
 * keeps the state in the session between button presses; nothing here
 * knows Telegram.
 *
 * Skip leaves a field unknown; "none" (qualifications) says the firm holds
 * none, which the matcher treats differently from unknown.
 */
import type { FirmProfile } from '../core/match/profile.ts';
import { NEEDS, QUALIFICATIONS, SIZES, STAGES, type Need, type Qualification, type Size, type Stage } from '../core/vocabulary.ts';
import type { FlowOp } from './callback.ts';

export const STEPS = ['stage', 'qualifications', 'size', 'needs', 'ip', 'amount'] as const;
export type StepName = (typeof STEPS)[number];

/** The profile fields the questionnaire asks for. */
export type Draft = Pick<FirmProfile, 'stage' | 'qualifications' | 'size' | 'needs' | 'hasIntellectualProperty' | 'amountWan'>;

export interface FlowState {
    readonly step: number;
    readonly draft: Draft;
}

export type FlowAction =
    | { readonly op: FlowOp; readonly value?: string }
    | { readonly op: 'text'; readonly text: string };

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

/** `base` updated by `newer`: newer single values win, lists are merged. */
export function mergeDrafts(base: Draft, newer: Draft): Draft {
    const merged: Draft = { ...base, ...newer };
    if (base.qualifications && newer.qualifications) merged.qualifications = [...new Set([...base.qualifications, ...newer.qualifications])];
    if (base.needs && newer.needs) merged.needs = [...new Set([...base.needs, ...newer.needs])];
    return merged;
}

export function pickDraft(p: Partial<FirmProfile>): Draft {
    const draft: Draft = {};
    if (p.stage) draft.stage = p.stage;
    if (p.qualifications) draft.qualifications = [...p.qualifications];
    if (p.size) draft.size = p.size;
    if (p.needs) draft.needs = [...p.needs];
    if (p.hasIntellectualProperty !== undefined) draft.hasIntellectualProperty = p.hasIntellectualProperty;
    if (p.amountWan !== undefined) draft.amountWan = p.amountWan;
    return draft;
}

export function stepName(state: FlowState): StepName {
    return STEPS[Math.min(Math.max(state.step, 0), STEPS.length - 1)] ?? 'stage';
}

export function isMultiStep(step: StepName): boolean {
    return step === 'qualifications' || step === 'needs';
}

/** The next state for an action; never throws, whatever the action holds. */
export function applyFlow(state: FlowState, action: FlowAction): FlowResult {
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
            const draft = parseTyped(state.draft, step, action.text);
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

/** Typed words for each vocabulary value, besides its value and its zh/en labels. */
const STAGE_WORDS: Record<Stage, readonly string[]> = {
    seed: ['种子', '种子期', '种子阶段'],
    startup: ['初创', '初创期', '初创阶段', '创业期', 'start-up', 'start up', 'early'],
    growth: ['成长', '成长期', '成长阶段', 'growing'],
    mature: ['成熟', '成熟期', '成熟阶段', 'mature stage'],
};
const SIZE_WORDS: Record<Size, readonly string[]> = {
    micro: ['微', '微型企业', '微企'],
    small: ['小', '小型企业', '小微', '小企业'],
    medium: ['中', '中型企业', '中企业'],
    large: ['大', '大型企业', '大企业', 'big'],
};
const QUALIFICATION_WORDS: Record<Qualification, readonly string[]> = {
    'tech-sme': ['科技型中小企业', '科小', '科技型企业', 'tech sme', 'tech-based sme'],
    'high-tech': ['高企', '高新', '高新技术企业', '国家高新技术企业', 'hte', 'high tech', 'high-tech enterprise', 'hnte'],
    'tech-little-giant': ['小巨人', '科技小巨人', '科技小巨人培育', 'sci-tech little giant', 'tech little giant'],
    srdi: ['专精特新', '专精特新企业', '专精特新中小企业', 'srdi sme'],
    'srdi-little-giant': ['专精特新小巨人', '专精特新“小巨人”', '国家级小巨人', 'srdi little giant'],
};
const NEED_WORDS: Record<Need, readonly string[]> = {
    'working-capital': ['流动资金', '流贷', '流动资金贷款', '周转', 'working capital'],
    'credit-loan': ['信用贷', '信用贷款', '无抵押', '无抵押贷款', 'credit loan', 'unsecured loan'],
    'ip-pledge': ['知识产权质押', '知识产权质押融资', '专利质押', 'ip质押', 'ip pledge'],
    'loan-renewal': ['续贷', '无还本续贷', 'renewal', 'loan renewal'],
    'bill-discount': ['票据', '贴现', '票据贴现', 'bill discounting', 'discounting'],
    relief: ['纾困', '纾困贷款', 'relief'],
    'first-loan': ['首贷', '第一笔贷款', 'first loan'],
    equity: ['股权', '股权融资', '融资入股', '投资', 'equity', 'investment'],
};
const NONE_WORDS = ['无', '没有', '都没有', '暂无', 'none', 'no', 'nothing'];
const YES_WORDS = ['有', '是', '有的', '拥有', '有专利', 'yes', 'y', 'have', 'true'];
const NO_WORDS = ['没有', '无', '否', '没', '暂无', 'no', 'n', 'none', 'false'];

function normalise(text: string): string {
    return text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[“”"'「」]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
}

function lookup<T extends string>(word: string, labels: Record<T, { zh: string; en: string }>, extra: Record<T, readonly string[]>): T | undefined {
    const w = normalise(word);
    for (const value of Object.keys(labels) as T[]) {
        const words = [value, labels[value].zh, labels[value].en, ...extra[value]].map(normalise);
        if (words.includes(w)) return value;
    }
    return undefined;
}

/** Words of a typed list: "高企、专精特新 and SRDI SME" → three words. */
function listWords(text: string): string[] {
    return normalise(text)
        .split(/\s*(?:[,，、;；/|+]|\band\b|和|及|以及)\s*/)
        .map((w) => w.trim())
        .filter((w) => w !== '');
}

/**
 * A typed answer for `step`, or undefined when the text is no answer to it
 * (then the bot treats it as a free question). Every word of a list must be
 * known: "高企贷" is a question, not the qualification 高企.
 */
export function parseTyped(draft: Draft, step: StepName, text: string): Draft | undefined {
    const t = text.trim();
    if (t === '' || t.length > 200) return undefined;
    switch (step) {
        case 'stage': {
            const stage = lookup(t, STAGES.labels, STAGE_WORDS);
            return stage ? { ...draft, stage } : undefined;
        }
        case 'size': {
            const size = lookup(t, SIZES.labels, SIZE_WORDS);
            return size ? { ...draft, size } : undefined;
        }
        case 'qualifications': {
            if (NONE_WORDS.includes(normalise(t))) return { ...draft, qualifications: [] };
            const values = allKnown(listWords(t), (w) => lookup(w, QUALIFICATIONS.labels, QUALIFICATION_WORDS));
            return values ? { ...draft, qualifications: QUALIFICATIONS.values.filter((q) => values.includes(q)) } : undefined;
        }
        case 'needs': {
            const values = allKnown(listWords(t), (w) => lookup(w, NEEDS.labels, NEED_WORDS));
            return values ? { ...draft, needs: NEEDS.values.filter((n) => values.includes(n)) } : undefined;
        }
        case 'ip': {
            const w = normalise(t);
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

/** Multipliers to 万元 (10,000 yuan) for each unit word. */
const UNITS: Record<string, number> = {
    '': 1,
    万: 1,
    万元: 1,
    w: 1,
    wan: 1,
    十万: 10,
    百万: 100,
    千万: 1000,
    亿: 10_000,
    亿元: 10_000,
    元: 0.0001,
    块: 0.0001,
    yuan: 0.0001,
    rmb: 0.0001,
    cny: 0.0001,
    k: 0.1,
    thousand: 0.1,
    m: 100,
    mn: 100,
    million: 100,
    'million yuan': 100,
    b: 100_000,
    bn: 100_000,
    billion: 100_000,
};

const AMOUNT_PATTERN = /^(?:约|大约|about|around|approx\.?)?\s*(?:¥|￥|rmb|cny)?\s*(\d+(?:\.\d+)?)\s*(?:[-~～到至]\s*(\d+(?:\.\d+)?))?\s*([a-z\u4e00-\u9fff ]*?)\s*(?:左右|以内|以上|的样子)?$/;

/**
 * Reads an amount as 万元: "500万" → 500, "1.5亿" → 15000, "5 million" → 500,
 * "3000000元" → 300. A bare number is read as 万元 ("500" → 500), unless it
 * is so large that only yuan make sense (≥ 1,000,000 → yuan). A range gives
 * its upper end. Undefined when the text is no positive amount.
 */
export function parseAmountWan(text: string): number | undefined {
    const t = normalise(text).replace(/(\d),(?=\d{3}\b)/g, '$1').replace(/人民币/g, '');
    const m = AMOUNT_PATTERN.exec(t);
    if (!m || m[1] === undefined) return undefined;
    const number = Number(m[2] ?? m[1]);
    const unit = (m[3] ?? '').trim();
    const factor = UNITS[unit];
    if (factor === undefined || !Number.isFinite(number) || number <= 0) return undefined;
    const wan = unit === '' && number >= 1_000_000 ? number / 10_000 : number * factor;
    const rounded = Math.round(wan * 100) / 100;
    return rounded > 0 && rounded <= 1e9 ? rounded : undefined;
}
