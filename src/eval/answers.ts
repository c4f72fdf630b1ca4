/**
 * The answer evaluation (`tests/eval/answers*.jsonl`, format in the
 * catalogue): does kejin *answer*, not only find the card? Scored on what a
 * user reads first: the bot's reply within its first 300 characters (the
 * echo of the question and the buttons left out) and the answer text of the
 * MCP search tool, both rendered by the real fronts. A question whose fact
 * the knowledge does not hold (`absent`) must be answered as not known: the
 * card's own words for the gap, and `status: not-held`.
 */
import type { Answer } from '../core/answer/answer.ts';
import type { KnowledgeItem } from '../core/knowledge/schema.ts';
import type { KnowledgeService } from '../core/service.ts';
import { foldTraditional } from '../core/search/tokenize.ts';
import type { Lang } from '../core/vocabulary.ts';
import { searchStructured } from '../mcp/format.ts';
import type { AnswerCase } from './cases.ts';
import { runTurns, scoredText } from './dialogues.ts';
import { groupBy } from './group.ts';
import { answeredBy } from './judge.ts';

/** What the catalogue scores of the bot's reply. */
export const BOT_WINDOW = 300;
/** The wider window the dialogues are scored on, reported beside it. */
export const BOT_WIDE_WINDOW = 500;

export interface AnswerOutcome {
    readonly case: AnswerCase;
    readonly aspect?: string;
    readonly status: Answer['status'];
    readonly confident: boolean;
    readonly item?: string;
    /** The expected string found in the bot's first 300 characters, if any. */
    readonly bot?: string;
    /** … in its first 500 characters. */
    readonly bot500?: string;
    readonly mcp?: string;
    readonly botText: string;
    readonly mcpText: string;
    /** Answered confidently about an item the case is not about (neither the one named nor any of its items). */
    readonly wrongItem: boolean;
    /** …while the question writes a name of the case's item and none of the item answered (`writesName`). */
    readonly wrongNamed: boolean;
}

export interface AnswerGroup {
    readonly cases: number;
    /** Answered in both the bot reply and the MCP answer text. */
    readonly answered: number;
    readonly bot: number;
    readonly bot500: number;
    readonly mcp: number;
    /** The aspect read is the case's aspect. */
    readonly aspect: number;
    /** Confident, over the answerable (not absent) cases of the group. */
    readonly confident: number;
    readonly answerable: number;
    /** Confident answers about an item other than the case's. */
    readonly wrongItem: number;
    /** …of which the fact asked is not in the bot's first 500 characters either: the founder read another item's answer. */
    readonly wrongItemMissed: number;
    /** …of which the question writes the name of the case's item and not of the one answered: another item than the one named. */
    readonly wrongItemNamed: number;
}

export interface AnswerFigures {
    readonly all: AnswerGroup;
    /** By language: zh, zh-traditional (the question holds traditional characters), en. */
    readonly byLang: Readonly<Record<string, AnswerGroup>>;
    readonly byAspect: Readonly<Record<string, AnswerGroup>>;
    /** `absent` cases answered as not known (status not-held and an expected phrase in both fronts). */
    readonly absent: { readonly cases: number; readonly notKnown: number };
    readonly byFile: Readonly<Record<string, AnswerGroup>>;
    readonly misses: readonly AnswerOutcome[];
}

/** Telegram HTML to the text a reader sees. */
export function plainOfHtml(html: string): string {
    return html
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
}

export function mcpAnswerText(answer: Answer, lang: Lang): string {
    return searchStructured(answer, lang).answer.text;
}

/** Folded for finding a name in a question: simplified, lower case, no spaces, hyphens or quotes. */
const foldName = (text: string) =>
    foldTraditional(text)
        .toLowerCase()
        .replace(/[\s\-_·'"“”‘’]/g, '');
/** Names this short are words too often (高企, IP) to say that a question names the item. */
const MIN_NAME = 3;

/**
 * Whether the question writes the id, a name or an alias of one of the items, as the cards spell them (width, case,
 * spaces and traditional characters aside): what the question names, read apart from kejin's own reading of it.
 */
export function writesName(service: KnowledgeService, question: string, ids: readonly string[]): boolean {
    const q = foldName(question);
    return ids.some((id) => {
        const item = service.getItem(id);
        if (!item) return false;
        return namesOf(item).some((n) => n.length >= MIN_NAME && q.includes(n)) || writesDocument(service, question, item);
    });
}

const namesOf = (item: KnowledgeItem) =>
    [item.id, item.name, item.name_en ?? '', ...(item.aliases?.zh ?? []), ...(item.aliases?.en ?? [])].map(foldName);

/** A document's number as a question writes it: 85号, No. 85, reply 85 (the number alone is any figure). */
const WRITTEN_NUMBER = /(?<![\d〔[(（])(\d{1,4})\s*号|\b(?:no\.?|reply|notice|document)\s*#?\s*(\d{1,4})\b/gi;
/** The kinds of document a card's names may say, each with the words a question writes for it. */
const DOCUMENT_KINDS: readonly (readonly [RegExp, RegExp])[] = [
    [/答复|reply/i, /答复|回复|reply/i],
    [/通知|notice/i, /通知|notice|circular/i],
    [/措施|measures/i, /措施|measures/i],
    [/方案|plan/i, /方案|plan/i],
];

/**
 * A document is named as founders name one, beside its names: by its number ("85号", "reply No. 85"), or by its
 * issuer with the kind of document its names say ("STCSM's reply", "科委的答复"), read from the card's own
 * `doc_number`, `issuer` and names.
 */
function writesDocument(service: KnowledgeService, question: string, item: KnowledgeItem): boolean {
    if (item.kind !== 'document') return false;
    const text = foldTraditional(question);
    const number = 'doc_number' in item && item.doc_number ? /(\d{1,4})号\s*$/.exec(item.doc_number)?.[1] : undefined;
    if (number && [...text.matchAll(WRITTEN_NUMBER)].some((m) => Number(m[1] ?? m[2]) === Number(number))) return true;
    const issuer = 'issuer' in item ? item.issuer : undefined;
    if (!issuer) return false;
    const q = foldName(question);
    const byIssuer = service.contacts().some((org) => issuer.includes(org.name) && namesOf(org).some((n) => n.length >= 2 && q.includes(n)));
    const own = namesOf(item).join('\n');
    return byIssuer && DOCUMENT_KINDS.some(([kind, said]) => kind.test(own) && said.test(text));
}

export async function runAnswerCases(service: KnowledgeService, cases: readonly AnswerCase[]): Promise<AnswerOutcome[]> {
    const out: AnswerOutcome[] = [];
    for (const c of cases) {
        const answer = service.answer(c.q);
        const [reply = ''] = await runTurns(service, [c.q], { languageCode: c.lang });
        const wide = scoredText(reply, c.q);
        const botText = [...wide].slice(0, BOT_WINDOW).join('');
        const mcpText = mcpAnswerText(answer, answer.lang);
        const bot = answeredBy(botText, c.expect_any);
        const bot500 = answeredBy(wide, c.expect_any);
        const mcp = answeredBy(mcpText, c.expect_any);
        const expected = new Set(typeof c.item === 'string' ? [c.item] : c.item);
        const about = answer.comparison ? answer.comparison.items.map((i) => i.id) : answer.item ? [answer.item.id] : [];
        const wrongItem = answer.confident && about.length > 0 && !about.some((id) => expected.has(id));
        out.push({
            case: c,
            wrongItem,
            wrongNamed: wrongItem && writesName(service, c.q, [...expected]) && !writesName(service, c.q, about),
            ...(answer.aspect ? { aspect: answer.aspect } : {}),
            status: answer.status,
            confident: answer.confident,
            ...(answer.item ? { item: answer.item.id } : {}),
            ...(bot ? { bot } : {}),
            ...(bot500 ? { bot500 } : {}),
            ...(mcp ? { mcp } : {}),
            botText: wide,
            mcpText,
        });
    }
    return out;
}

const answered = (o: AnswerOutcome) => o.bot !== undefined && o.mcp !== undefined && (!o.case.absent || o.status === 'not-held');

function group(outcomes: readonly AnswerOutcome[]): AnswerGroup {
    const answerable = outcomes.filter((o) => !o.case.absent);
    return {
        cases: outcomes.length,
        answered: outcomes.filter(answered).length,
        bot: outcomes.filter((o) => o.bot !== undefined).length,
        bot500: outcomes.filter((o) => o.bot500 !== undefined).length,
        mcp: outcomes.filter((o) => o.mcp !== undefined).length,
        aspect: outcomes.filter((o) => o.aspect === o.case.aspect).length,
        confident: answerable.filter((o) => o.confident).length,
        answerable: answerable.length,
        wrongItem: outcomes.filter((o) => o.wrongItem).length,
        wrongItemMissed: outcomes.filter((o) => o.wrongItem && o.bot500 === undefined).length,
        wrongItemNamed: outcomes.filter((o) => o.wrongNamed).length,
    };
}

export function langGroup(c: AnswerCase): string {
    return c.lang === 'zh' && foldTraditional(c.q) !== c.q ? 'zh-traditional' : c.lang;
}

export function answerFigures(outcomes: readonly AnswerOutcome[]): AnswerFigures {
    const absent = outcomes.filter((o) => o.case.absent);
    return {
        all: group(outcomes),
        byLang: groupBy(outcomes, (o) => langGroup(o.case), group),
        byAspect: groupBy(outcomes, (o) => o.case.aspect, group),
        absent: { cases: absent.length, notKnown: absent.filter(answered).length },
        byFile: groupBy(outcomes, (o) => o.case.file, group),
        misses: outcomes.filter((o) => !answered(o)),
    };
}
