/**
 * The dialogue evaluation (`tests/eval/*dialogues*.jsonl`, format in the
 * catalogue): conversations typed into the terminal bot one turn after
 * another, as `shared/eval/dialogue-eval.mjs` does with a bot process, but
 * in this process (same `createBot`, same terminal screen, a fresh session
 * store per dialogue), so that `kejin eval` runs them in a second. A
 * dialogue passes when one of `expect_last_any` is in the first 500
 * characters of the last reply, its keyboard lines and the last turn's own
 * words left out.
 *
 * The single questions of the answer sets are run the same way, as
 * one-turn dialogues, so that the bot figure is what a user reads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runInTerminal } from '../bot/runtime/run.ts';
import { parseConfig } from '../config.ts';
import type { KnowledgeService } from '../core/service.ts';
import type { Lang } from '../core/vocabulary.ts';
import { silentLogger } from '../logger.ts';
import type { DialogueCase } from './cases.ts';
import { groupBy } from './group.ts';
import { answeredBy } from './judge.ts';

/** What the catalogue scores of a dialogue's last reply. */
export const DIALOGUE_WINDOW = 500;

export interface DialogueOutcome {
    readonly case: DialogueCase;
    /** The expected string found in the last reply's first 500 characters, if any. */
    readonly hit?: string;
    /** Each turn's reply as the screen showed it. */
    readonly replies: readonly string[];
    /** The items the last reply answers about (`replyItems`). */
    readonly about: readonly string[];
    /** The last reply answers about another item than the case's: one named or in focus in the dialogue. */
    readonly wrongItem: boolean;
}

export interface DialogueGroup {
    readonly cases: number;
    readonly passed: number;
    /** Last replies about another item than the case's. */
    readonly wrongItem: number;
    /** …of which the dialogue fails: the founder read another item's answer. */
    readonly wrongItemMissed: number;
}

export interface DialogueFigures {
    readonly all: DialogueGroup;
    readonly byType: Readonly<Record<string, DialogueGroup>>;
    readonly byFile: Readonly<Record<string, DialogueGroup>>;
    readonly misses: readonly DialogueOutcome[];
}

/** One echo line of the non-interactive terminal: "» the turn". */
const ECHO = /^» (.*)$/;

/**
 * Types `turns` into a fresh terminal bot on `service` and returns each
 * turn's reply (the screen between its echo and the next one). The session
 * store is a temp folder, removed afterwards.
 */
export async function runTurns(
    service: KnowledgeService,
    turns: readonly string[],
    options: { readonly languageCode?: Lang } = {},
): Promise<string[]> {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kejin-dialogue-'));
    try {
        const config = parseConfig({
            LOG_LEVEL: 'silent',
            BOT_RATE_LIMIT_PER_MINUTE: '100000',
            DATA_DIR: dataDir,
            KNOWLEDGE_DIR: service.snapshot().dir,
        });
        const input = new PassThrough();
        let screen = '';
        input.end(turns.map((t) => `${t.replace(/\n/g, ' ')}\n`).join(''));
        await runInTerminal(
            { config, logger: silentLogger, service },
            {
                input,
                output: { write: (text: string) => void (screen += text) },
                interactive: false,
                user: { id: 10_000, firstName: 'Eval', languageCode: options.languageCode ?? 'zh' },
            },
        );
        return splitReplies(screen);
    } finally {
        await rm(dataDir, { recursive: true, force: true });
    }
}

/** The screen cut at each echo line: one reply per turn typed. */
export function splitReplies(screen: string): string[] {
    const replies: string[] = [];
    let current: string[] | undefined;
    for (const line of screen.split('\n')) {
        if (ECHO.test(line)) {
            if (current) replies.push(current.join('\n').trim());
            current = [];
        } else if (current) {
            current.push(line);
        }
    }
    if (current) replies.push(current.join('\n').trim());
    return replies;
}

/** A reply as scored: without its keyboard lines ("  [1] …") and without the turn's own words. */
export function scoredText(reply: string, turn: string): string {
    const text = reply
        .split('\n')
        .filter((l) => !/^\s*\[\d+\]\s/.test(l))
        .join('\n')
        .trim();
    const own = /^\s*\d{1,3}\s*$/.test(turn) || turn.trim().length < 2 ? text : text.split(turn.trim()).join(' ');
    return [...own].slice(0, DIALOGUE_WINDOW).join('');
}

/** The colon after a name, in either script. */
const COLON = /[:：]/g;

/**
 * The items a reply answers about: those whose name, Chinese or English, stands before a colon in its answer's
 * first line (after the echo of the question), as an answer opens with its item's name and a comparison with each side's. A
 * match list, a question back or "nothing reliable" names none so. Read from the screen, as a founder reads it, apart
 * from kejin's own state.
 */
export function replyItems(service: KnowledgeService, reply: string): string[] {
    const lines = reply
        .split('\n')
        .map((l) => l.replace(/\*/g, '').trim())
        .filter((l) => l.length > 0)
        .slice(0, 2)
        .join('\n');
    const found: string[] = [];
    for (const item of service.snapshot().items.values())
        for (const name of [item.name, item.name_en ?? ''])
            if (name.length > 0 && !found.includes(item.id) && [...lines.matchAll(COLON)].some((m) => lines.slice(0, m.index).endsWith(name)))
                found.push(item.id);
    return found;
}

export async function runDialogueCases(service: KnowledgeService, cases: readonly DialogueCase[]): Promise<DialogueOutcome[]> {
    const out: DialogueOutcome[] = [];
    for (const c of cases) {
        const replies = await runTurns(service, c.turns);
        const last = replies.at(-1) ?? '';
        const hit = answeredBy(scoredText(last, c.turns.at(-1) ?? ''), c.expect_last_any);
        const about = replyItems(service, last);
        const expected = (c.item === undefined || c.item === null ? [] : typeof c.item === 'string' ? [c.item] : c.item).filter(
            (id) => id.length > 0,
        );
        const wrongItem = about.length > 0 && expected.length > 0 && !about.some((id) => expected.includes(id));
        out.push({ case: c, replies, about, wrongItem, ...(hit ? { hit } : {}) });
    }
    return out;
}

function group(outcomes: readonly DialogueOutcome[]): DialogueGroup {
    return {
        cases: outcomes.length,
        passed: outcomes.filter((o) => o.hit !== undefined).length,
        wrongItem: outcomes.filter((o) => o.wrongItem).length,
        wrongItemMissed: outcomes.filter((o) => o.wrongItem && o.hit === undefined).length,
    };
}

export function dialogueFigures(outcomes: readonly DialogueOutcome[]): DialogueFigures {
    return {
        all: group(outcomes),
        byType: groupBy(outcomes, (o) => o.case.type ?? 'other', group),
        byFile: groupBy(outcomes, (o) => o.case.file, group),
        misses: outcomes.filter((o) => o.hit === undefined),
    };
}
