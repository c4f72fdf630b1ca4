/**
 * Which item a question is about: the pieces answer.ts chooses the subject
 * with. The search on the clauses that ask (`questionSearch`) and their
 * reading (`askedIn`: words that only tell about the firm weigh a tenth);
 * items named by a document's number (`numberNamed`) or a short name
 * (`shortNamed`); two names joined by 和 / or (`joinedInText`); a named
 * item's own name taken out of the aspects asked (`ownNameRead`); the
 * aspect carried to a question that asks none (`withAspect`); and the
 * passage that makes its card the subject (`evidenceFor`).
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import { CLAUSE_SPACE } from '../language.ts';
import type { KnowledgeItem } from '../knowledge/schema.ts';
import type { KnowledgeIndex, QueryReading, RankedPassage } from '../search/index.ts';
import type { SearchOptions, SearchResponse } from '../search/types.ts';
import { isIrregularPast, stem, termPattern, termSaid } from '../search/stem.ts';
import { withoutCompoundsUnsaid } from '../search/compounds.ts';
import { holdsUnnamed } from '../search/passages.ts';
import { hasHan, normalize } from '../search/tokenize.ts';
import { fieldTexts, ownPhrases, profileWords } from '../search/documents.ts';
import type { Aspect } from '../vocabulary.ts';
import { understandQuestion } from '../match/understand.ts';
import { passageText } from './facts.ts';
import { intends, subjectCues, yearPattern, yearsIn } from './reading.ts';

/** The weight of a word of a clause that only tells about the firm, beside the words of the clauses that ask. */
const TOLD_SHARE = 0.1;
/** Words of at most this many characters, the first few of them, are looked for as short names. */
const MAX_SHORT_NAME = 4;
const MAX_SHORT_WORDS = 3;
/** A short word names an item only when at most this many items' names hold it. */
const SHORT_NAME_HOLDERS = 3;
/** Cards looked at for the passage that holds most of the question, by search rank and by the words they hold (see `evidenceFor`). */
const EVIDENCE_CARDS = 5;
/** A passage holding this share of the question's words (weighed by rarity) answers it, on whatever card it sits. */
const EVIDENCE_COVERAGE = 0.5;
/**
 * …or this share, against a card that was never named: the search's first card, or one named whose card never states
 * the year asked. Its own best passage then holds less still (the margin): a third of the question's rarest words in
 * one passage is better evidence than the words scattered over the card the search put first. Not when nothing is
 * named nor found (off-topic questions hold a third of their words somewhere), nor against a card named.
 */
export const EVIDENCE_COVERAGE_AGAINST = 0.35;
/** …and, against the card the search put first, this much more of them than that card's best passage. */
export const EVIDENCE_MARGIN = 0.05;
/** …and against an item the question names, this much more: a name is strong evidence of the subject. */
export const NAMED_MARGIN = 0.3;
/** Any more at all, against a passage of the search's first card that states that card's own figure (see `evidenceFor`). */
const MORE_AT_ALL = 1e-6;
/** The share of the question a card's own names hold that names the card, read as a name or not. */
const NAMES_HOLD = 0.5;

/** Words joining two items named one after the other ("高企贷和沪科专贷的利率"). */
// An English article after the joining word is no word between ("weidaitong and the performance bond loan").
const JOINED = /^\s*(?:和|与|跟|同|及|以及|或|或者|还是|&|\/|vs\.?|and|or|versus)(?:\s+(?:the|a|an))?\s*$/i;

/** Where a message divides into sentences: a stop or mark, an English full stop before a space and no digit ("No. 85"). */
const SENTENCE_SPLIT = /(?<=[。;；!！?？\n]|\.(?=\s+\D))/;

/** Clauses that ask something: a question mark, a question word, a modal; not "do" after its subject ("we did a renewal"). */
const ASKS = new RegExp(
    /[?？]|吗|呢|什么|啥|怎么|怎样|如何|多少|几|哪|谁|是否|能否|可否|有没有|能不能|可不可以/.source +
        /|\b(?:what|how|which|who|when|where|whom|whose|why|can|could|is there|are there)\b/.source +
        /|(?<!\b(?:we|i|they|it|you|he|she)\s+)\b(?:do|does|did)\b/.source,
    'i',
);

/** Where a message divides into clauses: after a Chinese or English stop, comma, semicolon or mark. */
// A space between Chinese words ends one too, as founders type without punctuation ("我们是做芯片的 去年营收两个亿 有什么贴息政策").
const CLAUSE_END = new RegExp(`${/(?<=[，。,.;；!！?？\n])/.source}|${CLAUSE_SPACE.source}`, 'u');

/** The clauses of a message that ask (a question mark, a question word, a modal), in order. */
export function askingClauses(text: string): string[] {
    // Read folded (什麼 is 什么, 嗎 is 吗); the clauses are kept as written.
    return text.split(CLAUSE_END).filter((c) => ASKS.test(normalize(c)));
}

/**
 * The search for a question. A message that tells about the firm before it
 * asks ("我们是做芯片的，去年营收两个亿，有什么贴息政策？") is searched on the
 * clauses that ask when the whole is not confident: true words about the
 * firm must not cost the question its answer. Unless the clauses that ask
 * say nothing but an aspect ("I want a car loan to buy a Tesla, what rate can
 * I get?"): then what they ask of is told before them, and the whole is the
 * question.
 */
export function questionSearch(index: KnowledgeIndex, text: string, options: SearchOptions): SearchResponse {
    const whole = index.search(text, options);
    if (whole.confident) return whole;
    const asking = askingClauses(text);
    if (asking.length === 0 || asking.length === text.split(CLAUSE_END).length) return whole;
    const asked = asking.join('');
    if (subjectCues(asked, index.read(asked)).bare) return whole;
    const focused = index.search(asked, options);
    return focused.confident ? { ...focused, query: whole.query, ...(whole.notice ? { notice: whole.notice } : {}) } : whole;
}

export interface EvidenceOptions {
    /** How much more of the question than `given`'s best passage another card's passage must hold. */
    readonly margin?: number;
    /** Years asked that `given` never states: only a passage stating one of them counts. */
    readonly stating?: readonly string[];
    /** The least share of the question a passage must hold. */
    readonly least?: number;
    /** `given` was put first by the search alone: never named, nor in focus. */
    readonly foundOnly?: boolean;
}

/**
 * The passage, among the cards the search ranks first, that holds the most
 * of the question's words (each weighed by how rare it is in the whole
 * knowledge: see `RankedPassage.coverage`), when it holds enough of them
 * and, against `given` (the card otherwise answering), clearly more than
 * that card's own best passage. Undefined when `given` is as good.
 */
export function evidenceFor(
    snapshot: KnowledgeSnapshot,
    index: KnowledgeIndex,
    text: string,
    reading: QueryReading,
    given: KnowledgeItem | undefined,
    allowed: (i: KnowledgeItem | undefined) => i is KnowledgeItem,
    { margin = EVIDENCE_MARGIN, stating = [], least = EVIDENCE_COVERAGE, foundOnly = false }: EvidenceOptions = {},
): { item: KnowledgeItem; passage: RankedPassage } | undefined {
    const years = stating.map((y) => yearPattern(y));
    const states = (r: RankedPassage) => years.length === 0 || years.some((y) => y.test(passageText(r)));
    // With no card answering otherwise, a list of partner banks holds a question only when banks are asked (`holdsUnnamed`).
    const holds = (r: RankedPassage) => given !== undefined || holdsUnnamed(r.passage, reading.aspects.aspects);
    const answering = (id: string) => {
        const item = snapshot.items.get(id);
        const another = item ? ofAnotherDocument(text, item) : undefined;
        return index.passages(id, reading).filter((r) => r.passage.structured && !r.passage.absence && states(r) && !another?.(r) && holds(r));
    };
    const bestOf = (id: string) => answering(id).reduce<RankedPassage | undefined>((b, r) => (!b || r.coverage > b.coverage ? r : b), undefined);
    // A card whose own names hold most of the question is named by it, whether or not the name table read the name
    // ("the sci-tech finance alliance", a synonym of its name): against a card its names hold less of, its margin is a
    // named item's.
    const own = given ? bestOf(given.id) : undefined;
    // With no card answering otherwise, a passage holding only the aspect asked and words most cards hold is no answer
    // ("car loan interest rate at Bank of China": a plan that speaks of bank credit and rates): it must hold a word
    // that tells cards apart.
    // A word the passage writes only inside a compound the question does not say is not said ("stock" of the
    // joint-stock banks, for a bank's stock).
    const telling = given ? [] : index.telling(reading).map(termSaid);
    const question = telling.length > 0 ? normalize(text).toLowerCase() : '';
    const tells = (r: RankedPassage) => {
        const said = withoutCompoundsUnsaid(normalize(passageText(r)).toLowerCase(), question);
        return telling.some((says) => says(said));
    };
    // The card the search put first, never named, answering with a passage that writes its own name: that passage states
    // its item's figure (知识产权质押贷款余额163.55亿元), which the question never asked of; a passage of another card that
    // holds more of the question needs no margin over it ("total loan balance of tech firms at end of Q2 2024": the reply's
    // 科技型企业贷款余额, not the IP-pledge loans' balance).
    const ofItself = foundOnly && own !== undefined && given !== undefined && writesOwnName(text, own, given);
    // (It must still hold more: a passage holding as much is no better evidence than the card's own.)
    const floor = (other: RankedPassage) =>
        own
            ? own.coverage + (own.named >= NAMES_HOLD && other.named < own.named ? Math.max(margin, NAMED_MARGIN) : ofItself ? MORE_AT_ALL : margin)
            : 0;
    let found: { item: KnowledgeItem; passage: RankedPassage } | undefined;
    // The cards the search ranks first, and those holding most of the question's words anywhere (a statistic sits on
    // the card of the report that gives it, which the words alone may rank low).
    const ids = new Set([
        ...index.rank(text, { limit: EVIDENCE_CARDS }).map((r) => r.id),
        ...index
            .covering(reading, EVIDENCE_CARDS)
            .filter((c) => c.coverage >= least)
            .map((c) => c.id),
    ]);
    for (const id of ids) {
        const item = snapshot.items.get(id);
        if (id === given?.id || !allowed(item)) continue;
        const best = bestOf(id);
        if (best && best.coverage >= Math.max(least, floor(best)) && (given || tells(best)) && (!found || covers(best, found.passage) > 0))
            found = { item, passage: best };
    }
    return found;
}

/** Whether a passage writes a name of its own card (its Chinese or English name or an alias) that the question does not. */
function writesOwnName(question: string, passage: RankedPassage, item: KnowledgeItem): boolean {
    const asked = normalize(question).toLowerCase();
    const written = normalize(passageText(passage)).toLowerCase();
    return ownPhrases(item)
        .map((name) => normalize(name).toLowerCase())
        .some((name) => name.length >= 3 && written.includes(name) && !asked.includes(name));
}

/** Which of two passages holds more of the question: the higher coverage, and at equal coverage the one that writes more of it. */
function covers(a: RankedPassage, b: RankedPassage): number {
    return a.coverage - b.coverage || b.named - a.named;
}

/** The years of `years` that no passage of the card states: asked of it, they are of something it does not hold. */
export function yearsUnheld(index: KnowledgeIndex, id: string, years: readonly string[]): string[] {
    const passages = index.passages(id);
    return years.filter((y) => {
        const year = yearPattern(y);
        return !passages.some((r) => year.test(passageText(r)));
    });
}

/**
 * Documents named by their number ("85号文", "212号那一轮"): the cards whose
 * document number ends in it, the year too when the question gives one. A
 * number that ends no card's document number, or several, names none.
 */
export function numberNamed(snapshot: KnowledgeSnapshot, text: string): string[] {
    const found: string[] = [];
    const years = yearsIn(text);
    // 85號 is 85号: traditional characters are folded first.
    for (const m of normalize(text).matchAll(DOC_NUMBER_ASKED)) {
        const holders = [...snapshot.items.values()].filter((item) => {
            const number = 'doc_number' in item ? item.doc_number : undefined;
            const parts = number ? DOC_NUMBER.exec(number) : null;
            return parts !== null && parts[2] === (m[1] ?? m[2]) && (years.length === 0 || years.includes(parts[1]!));
        });
        if (holders.length === 1) found.push(holders[0]!.id);
    }
    return found;
}
/**
 * For a question that names a document card by its number ("沪科提复〔2024〕85号回复的是谁的提案"), whether a
 * passage of that card speaks of another document: it cites document numbers, none of them the card's own (the
 * reply a year later, 沪科提复〔2025〕42号, on the card of 85号). Undefined when the question does not say the
 * card's number.
 */
export function ofAnotherDocument(question: string, item: KnowledgeItem): ((passage: RankedPassage) => boolean) | undefined {
    const own = 'doc_number' in item && item.doc_number ? DOC_NUMBER.exec(item.doc_number)?.[2] : undefined;
    const asked = [...normalize(question).matchAll(DOC_NUMBER_ASKED)];
    if (own === undefined || !asked.some((m) => Number(m[1] ?? m[2]) === Number(own))) return undefined;
    return (r) => {
        const cited = [...passageText(r).matchAll(DOC_NUMBERS)].map((m) => Number(m[2]));
        return cited.length > 0 && !cited.includes(Number(own));
    };
}

/** A number of a document as a founder writes it: 85号, 85号文, 212号, No. 85, reply 85. */
const DOC_NUMBER_ASKED =
    /(?<![\d〔[(（])(\d{1,4})\s*号|\b(?:no\.?|reply|notice|document|doc)\s*#?\s*(\d{1,4})\b(?!\s*(?:年|years?|万|亿|million|billion|%))/gi;

/**
 * Documents named by who issued them and when ("科委2024年有个答复文件", "STCSM's 2024 reply"): the one card
 * whose issuer is an organization the question names, dated in a year it names, when the question also says it
 * speaks of a document. None when several fit.
 */
export function issuedNamed(snapshot: KnowledgeSnapshot, text: string): string[] {
    const years = yearsIn(text);
    // Read in either script (答復, 答覆 are 答复).
    const said = normalize(text);
    if (!DOCUMENT_WORD.test(said)) return [];
    // An organization said by any of its names, short ones too (科委, STCSM): the search reads those as words.
    const issuers = [...snapshot.items.values()]
        .filter((org) => org.kind === 'organization')
        .filter((org) => [org.name, ...org.aliases.zh, ...org.aliases.en].some((n) => termPattern(normalize(n)).test(said)))
        .map((org) => org.name);
    if (issuers.length === 0) return [];
    // With no year, the kind of document said must be in the card's names ("科委那个答复": of the commission's documents,
    // the one named a reply, 提案答复), not merely a word of documents (文件).
    const kinds = years.length === 0 ? (normalize(text).match(DOCUMENT_KIND) ?? []) : [];
    if (years.length === 0 && kinds.length === 0) return [];
    const fits = [...snapshot.items.values()].filter((item) => {
        const issuer = 'issuer' in item ? item.issuer : undefined;
        if (!issuer || !issuers.some((n) => issuer.includes(n))) return false;
        if (years.length === 0) {
            const names = normalize([item.name, item.name_en ?? '', ...item.aliases.zh, ...item.aliases.en].join('\n'));
            return kinds.some((k) => names.includes(k));
        }
        const date = 'date' in item ? item.date : undefined;
        return date !== undefined && years.includes(String(date).slice(0, 4));
    });
    return fits.length === 1 ? [fits[0]!.id] : [];
}
/** The kinds of document a founder may name one by, with its issuer and no year: 答复, 通知, reply, notice… */
const DOCUMENT_KIND = /答复|复函|通知|措施|方案|办法|\b(?:reply|notice|measures|circular)\b/g;
/** Words for a document a founder read: its kinds, and words of any document (文件, 意见, letter…). */
const DOCUMENT_WORD = new RegExp([DOCUMENT_KIND.source, /回复|文件|意见|\b(?:replies|response|document|plan|letter)\b/.source].join('|'), 'i');

/**
 * Of several items named, the one whose card holds most of the question in one passage (`RankedPassage.coverage`):
 * "the STCSM reply 85 — how many tech-firm loans grew for 专精特新 companies" is asked of the reply, the measures
 * named by 专精特新 only lending a word. The first named keeps it on a tie.
 */
export function bestCovering(index: KnowledgeIndex, reading: QueryReading, items: readonly KnowledgeItem[]): KnowledgeItem | undefined {
    let best: { item: KnowledgeItem; coverage: number } | undefined;
    for (const item of items) {
        const coverage = heldBy(index, reading, item.id);
        if (!best || coverage > best.coverage) best = { item, coverage };
    }
    return best?.item;
}

/**
 * Of several items named, those the first sentence that asks names (`asked`), and those a clause likens the asked to
 * ("like gaoqidai", "跟微贷通一样": `likened`). A founder asks of one product and tells of another ("高企贷要交担保费吗？
 * 微贷通收了我们2.5%", "how long is the lvyuedai term? our weidaitong loan was one year"), and the other's card holding
 * the fee or the term told is no answer about the one asked. `namesIn` reads the items a piece of the message names.
 * `asked` is empty when no sentence that asks names one of `items` but those it likens.
 */
export function namedWhereAsked(
    text: string,
    items: readonly KnowledgeItem[],
    namesIn: (piece: string) => readonly string[],
): { readonly asked: readonly KnowledgeItem[]; readonly likened: readonly KnowledgeItem[] } {
    if (items.length < 2) return { asked: [], likened: [] };
    // The sentences that ask, in order ("reply No. 85": a stop inside a number ends none); in each, its clauses that ask,
    // else all but those telling of the firm ("我们已经办过科技微贷通了，科技履约贷如果坏账了，损失怎么分担？"). A clause
    // that is a name alone is part of a list, and of the clause before it ("how much did zhulidai, lvyuedai, … lend").
    const likenedIds = new Set(likenedIn(text, namesIn));
    const likened = items.filter((i) => likenedIds.has(i.id));
    const askedIn = (piece: string) => {
        const said = new Set(namesIn(piece));
        return items.filter((i) => said.has(i.id) && !likenedIds.has(i.id));
    };
    // A comma inside brackets divides nothing: "(zhulidai, lvyuedai, little giant, gaoqidai)".
    const unbracketed = text.replace(/[(（][^)）]*[)）]/g, (m) => m.replace(/[,，]/g, ' '));
    for (const sentence of unbracketed.split(SENTENCE_SPLIT)) {
        if (!ASKS.test(normalize(sentence))) continue;
        const clauses: string[] = [];
        for (const part of sentence.split(/(?<=[，,])/)) {
            const listed = clauses.length > 0 && !ASKS.test(normalize(part)) && isNameAlone(part) && namesIn(part).length > 0;
            if (listed) clauses[clauses.length - 1] += part;
            else clauses.push(part);
        }
        const asking = askedIn(clauses.filter((c) => ASKS.test(normalize(c))).join(''));
        if (asking.length > 0) return { asked: asking, likened };
        const untold = askedIn(clauses.filter((c) => !FIRM_OPENS.test(c.trim())).join(''));
        if (untold.length > 0) return { asked: untold, likened };
    }
    return { asked: [], likened };
}
/**
 * The items of `ids` are named only where the firm tells of its own dealings or of what it heard, never where it asks,
 * and the asking part names no item: "我们之前办过高企贷。那这个的加权平均利率是多少", "Our bank also mentioned Huke
 * Zhuandai. Anyway, which banks were in the pilot?", "We also have a Gaoqidai loan, but for this subsidy, do we need to
 * apply?". A sentence that asks nothing and opens with the firm or a report tells in all its clauses; in one that asks,
 * a clause that asks nothing and opens so tells. Not a wish ("我们想申请高企贷，它的利率多少": the firm turns to it),
 * nor a clause saying which one is meant ("我们要问的是沪科专贴": a correction).
 * The part that asks when they are; undefined when not.
 */
export function toldOnly(text: string, ids: readonly string[], namesIn: (piece: string) => readonly string[]): string | undefined {
    if (ids.length === 0) return undefined;
    const tells = (piece: string) => {
        const t = normalize(piece).trim();
        return !ASKS.test(t) && (FIRM_OPENS.test(t) || SELF.test(t) || HEARSAY.test(t) || TO_FIRM.test(t)) && !intends(t) && !IDENTIFIES.test(t);
    };
    const told: string[] = [];
    const asking: string[] = [];
    for (const sentence of text.split(SENTENCE_SPLIT)) {
        if (sentence.trim().length === 0) continue;
        if (!ASKS.test(normalize(sentence))) {
            (tells(sentence.split(CLAUSE_END)[0] ?? '') && !IDENTIFIES.test(normalize(sentence)) ? told : asking).push(sentence);
            continue;
        }
        // In a sentence that asks, a clause tells only when a later one turns from it ("We also have a Gaoqidai loan, but for
        // this subsidy, …"): "我们之前用过履约贷，利率怎么样" goes on about the loan just told of.
        const clauses = sentence.split(CLAUSE_END);
        for (const [i, clause] of clauses.entries())
            (tells(clause) && clauses.slice(i + 1).some((c) => TURNS_FROM.test(normalize(c).trim())) ? told : asking).push(clause);
    }
    const toldIds = new Set(told.flatMap((c) => namesIn(c)));
    const askedIds = new Set(namesIn(asking.join('')));
    return asking.some((c) => ASKS.test(normalize(c))) && ids.every((id) => toldIds.has(id) && !askedIds.has(id)) ? asking.join('') : undefined;
}
/** A clause turning from what was just told: but, anyway, as for, 不过, 但是, 那, 至于. */
const TURNS_FROM = /^(?:不过|但是|但|可是|那么|那|至于|话说|另外)|^(?:but|anyway|however|as for|though|still)\b/i;

/** The firm as whom something was done to or offered ("上海银行也给我们推过高企贷", "the bank offered us gaoqidai"). */
const TO_FIRM = /(?:给|跟|向|对|帮|找)(?:我们|我司|咱们)|\b(?:offered|pitched|recommended|gave|sold|told|showed)\s+us\b/i;

/** A clause saying which one is meant, not telling: "我们要问的是沪科专贴", "是沪科专贴", "I meant zhuantie". */
const IDENTIFIES = /的是|(?:^|[，,]\s*)是|\b(?:i|we) (?:meant|mean)\b|\b(?:asking|talking) about\b|\breferring to\b/i;

/** Pointing back past what was just told, to the earlier topic: 回到刚才那个, 前面那个, "back to the earlier one". */
const EARLIER = /回到|说回|刚才|前面那|之前那个|\b(?:back to|going back|the (?:earlier|previous|first) one)\b/i;

/** The question points back to the topic before what the message told of ("我们也听说过小巨人信用贷。回到刚才那个…"). */
export function pointsToEarlier(text: string): boolean {
    return EARLIER.test(normalize(text));
}

/** A pointer with the words it points with: "this subsidy", "that central bank office", "这个补贴", "该贷款". */
const POINTED_NOUN_EN = /\b(?:this|that|these|those)\s+([a-z][a-z-]{2,}(?:\s+[a-z][a-z-]{2,}){0,2})/i;
// …or what it has ("它运营的平台", "它的平台"): the noun after 它's 的.
const POINTED_NOUN_ZH =
    /(?:这|那|该)(?:个|项|款|笔|种)?(?!的)([\u4e00-\u9fff]{2})|它(?:[\u4e00-\u9fff]{1,3})?的(?:(?:这|那)(?:个|项|款|种)?)?([\u4e00-\u9fff]{2})/;

/** A name as written, British spellings as the cards write them ("that centre" of "… Center"), brackets kept. */
function spelledAsCards(text: string): string {
    return text
        .replace(/centre\b/g, 'center')
        .replace(/programme\b/g, 'program')
        .replace(/organisation\b/g, 'organization');
}

/**
 * Which of `items` the question points at by the words after its pointer ("for this subsidy" → the premium subsidy, not
 * the loan told of; "that central bank office" → PBOC Shanghai, whose names hold central bank and office): the one
 * whose own names alone hold the longest run of those words; of several, the one a name of which ends with the run's
 * last word, its head (信易贷平台 is a 平台, its operator 信易贷平台运营方 is not).
 */
export function pointedWithNoun(text: string, items: readonly KnowledgeItem[]): KnowledgeItem | undefined {
    const t = normalize(text);
    const en = POINTED_NOUN_EN.exec(t)?.[1];
    const zh = POINTED_NOUN_ZH.exec(t);
    // An English noun phrase ends at a verb: "those banks lent under it" points by "banks", not by "banks lent", which a
    // relending line's names hold ("re-lending", "central bank").
    const words = en ? untilVerb(spelledAsCards(en).split(/\s+/)) : [zh?.[1] ?? zh?.[2]].filter((w): w is string => w !== undefined);
    if (words.length === 0 || STOP_NOUNS.test(words[0]!)) return undefined;
    const namesOf = new Map(items.map((item) => [item, ownPhrases(item).map((x) => spelledAsCards(normalize(x)))]));
    const saying = (word: string) => (hasHan(word) ? (x: string) => x.includes(word) : termSaid(stem(word)));
    for (let n = words.length; n >= 1; n--) {
        const says = words.slice(0, n).map(saying);
        const holding = items.filter((item) => {
            const names = namesOf.get(item)!.join('\n');
            return says.every((said) => said(names));
        });
        if (holding.length === 1) return holding[0];
        if (holding.length === 0) continue;
        const head = words[n - 1]!;
        const ends = (name: string) => {
            const bare = name.replace(/[(（][^)）]*[)）]/g, '').trim();
            return hasHan(head) ? bare.endsWith(head) : saying(head)(bare.split(/\s+/).at(-1) ?? '');
        };
        const headed = holding.filter((item) => namesOf.get(item)!.some(ends));
        return headed.length === 1 ? headed[0] : undefined;
    }
    return undefined;
}

/** The words before the first verb: an auxiliary or an irregular past form (a closed class: `stem.ts`). */
function untilVerb(words: readonly string[]): string[] {
    const verb = words.findIndex((w) => AUXILIARY.test(w) || isIrregularPast(w));
    return verb < 0 ? [...words] : words.slice(0, verb);
}
const AUXILIARY = /^(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|may|might|must)$/i;

/** Words after a pointer that are no noun of a kind ("this year", "that one", "这个月"). */
// (A verb after the pointer ends the noun before it is read: `untilVerb`.)
const STOP_NOUNS = /^(?:one|ones|year|month|week|time|point|case|way|月|年|时候|问题)$/;

/** Chinese words that end a modifier before the noun it modifies: "审核履约贷的那个科技创业中心". */
const MODIFIER_ENDS = /(?:的(?:那个|这个|那家|这家|那一家)?|那个|这个|那家|这家)$/;
/** An English aside or relative clause after a noun, telling which one it is: "(the one behind IP-pledge loans)". */
const TELLS_WHICH = /^\s*(?:[(（]([^)）]*)[)）]|,?\s+(?:that|which|who)\b([^,?.;!—]*))/;

/**
 * The organization a question asks about though it names an offering too, when the offering only says which
 * organization is meant: "审核履约贷的那个科技创业中心是哪年成立的", "the SME policy guarantee fund (the one behind some
 * IP-pledge loans) — what was its average fee". The organization is the noun the offering's words modify; of
 * "科技创业中心审核的履约贷" the loan is. Read from where `terms` (each item's name term as read) stand in the text.
 */
export function headNamed(
    text: string,
    named: readonly { readonly item: KnowledgeItem; readonly term: string }[],
    namesIn: (piece: string) => readonly string[],
): KnowledgeItem | undefined {
    const said = normalize(text);
    const offering = (piece: string) => {
        const ids = new Set(namesIn(piece));
        return named.some(({ item }) => item.kind !== 'organization' && ids.has(item.id));
    };
    for (const { item, term } of named) {
        if (item.kind !== 'organization') continue;
        for (const m of said.matchAll(termPattern(term))) {
            const clause =
                said
                    .slice(0, m.index)
                    .split(/[，。,.;；!！?？]/)
                    .pop() ?? '';
            if (MODIFIER_ENDS.test(clause.trim()) && offering(clause)) return item;
            const which = TELLS_WHICH.exec(said.slice(m.index + m[0].length));
            if (which && offering(which[1] ?? which[2] ?? '')) return item;
        }
    }
    return undefined;
}

/** Words before a name that make it where something is done: "on the xinyidai platform", "at the entrepreneurship center". */
// Not "in" or "from": "the partner banks in the lvyuedai pilot" asks of the pilot.
// Not Chinese 在 / 到 / 通过, which mark a scope or a means as often as a place ("在保费补贴里能返多少" asks of the
// subsidy).
const PLACE_BEFORE = /\b(?:on|at)\s+(?:the\s+)?$/;

/**
 * The items named as where something is done rather than what is asked of: "Can I apply for Huke Zhuandai directly
 * on the xinyidai platform?": the platform is the place, the loan the subject.
 * Read from where `terms` stand in the clauses that ask; an item named both ways is not a place, nor one they do not name.
 */
export function namedAsPlace(text: string, named: readonly { readonly item: KnowledgeItem; readonly term: string }[]): Set<string> {
    // In the clauses that ask: "我们在信易贷上看到过沪科专贴。这个平台入驻了多少家金融机构？" asks of the platform.
    const said = normalize(askingClauses(text).join(''));
    const places = new Set<string>();
    for (const { item, term } of named) {
        const all = [...said.matchAll(termPattern(term))];
        if (all.length > 0 && all.every((m) => PLACE_BEFORE.test(said.slice(Math.max(0, m.index - 24), m.index)))) places.add(item.id);
    }
    return places;
}

/** The items a clause likens what is asked to ("like gaoqidai", "跟微贷通一样"): what it is measured against, not asked of. */
export function likenedIn(text: string, namesIn: (piece: string) => readonly string[]): string[] {
    return [...text.matchAll(LIKENED)].flatMap((m) => namesIn(m[1] ?? m[2] ?? ''));
}

/** The text without what its clauses liken the asked to ("跟高企贷一样", "like gaoqidai"). */
export function withoutLikened(text: string): string {
    return text.replace(LIKENED, (whole) => ' '.repeat(whole.length));
}

/** A piece of a list: a name alone, of at most four Latin words or eight Han characters besides its comma. */
const isNameAlone = (part: string) => {
    const t = part.replace(/[，,\s]+$/, '').trim();
    return (t.match(/[a-z0-9-]+/gi)?.length ?? 0) <= 4 && (t.match(/\p{Script=Han}/gu)?.length ?? 0) <= 8;
};

/**
 * What a clause likens the asked to: "like X", "same (one) as X", "similar to X", "as with X"; "像X那样", "跟X一样".
 * Not "I'd like", "would like", "like to"; nor 跟 / 和 without a word of likeness after (跟X比 chooses, 高企贷和专贷 joins).
 */
const LIKENED = new RegExp(
    [
        // Not "like this" / "like that": what is pointed at is no item named after it ("a lawsuit like this matter for gaoqidai").
        /(?<!(?:['’]d|would)\s+)\b(?:like|unlike|same(?:\s+\w+)?\s+as|similar\s+to|as\s+with)\s+/.source +
            /(?!to\b|this\b|that\b|these\b|those\b|it\b)([^?？,，.;；!！]{1,40})/.source,
        /(?:像|跟|和|同|与|如同)([^?？,，。;；!！]{1,15}?)(?:一样|一樣|那样|那樣|相同|类似|類似|似的|差不多|一致)/.source,
    ].join('|'),
    'gi',
);

/**
 * The most of the question's words one structured passage of the card holds (`RankedPassage.coverage`, or another
 * `measure` of it), not a note of absence.
 */
export function heldBy(index: KnowledgeIndex, reading: QueryReading, id: string, measure = (r: RankedPassage) => r.coverage): number {
    return index.passages(id, reading).reduce((b, r) => (r.passage.structured && !r.passage.absence ? Math.max(b, measure(r)) : b), 0);
}

/** How much of the question a card's best passage holds beyond the card's own names (see RankedPassage.named). */
const beyondNames = (r: RankedPassage) => r.coverage - r.named;

/**
 * A card named holds little of the question but its name, and some item in focus holds more of it, by `EVIDENCE_MARGIN`,
 * beyond its own names (the other's name written in it counts): the name is a word of a question about the focus.
 */
export function focusHoldsBeyondName(index: KnowledgeIndex, reading: QueryReading, focus: readonly KnowledgeItem[], other: string): boolean {
    const theirs = heldBy(index, reading, other, beyondNames);
    return focus.some((f) => heldBy(index, reading, f.id, beyondNames) >= theirs + EVIDENCE_MARGIN);
}

/**
 * Some item in focus holds the question's words as well as, within `EVIDENCE_MARGIN`, the best of `others` does; with
 * `beyondNamed`, the words beyond each card's own names (a card is not nearer for its name being told).
 */
export function focusHoldsAsWell(
    index: KnowledgeIndex,
    reading: QueryReading,
    focus: readonly KnowledgeItem[],
    others: readonly string[],
    beyondNamed = false,
): boolean {
    if (others.length === 0) return false;
    const measure = beyondNamed ? beyondNames : (r: RankedPassage) => r.coverage;
    const best = Math.max(...others.map((id) => heldBy(index, reading, id, measure)));
    return focus.some((f) => heldBy(index, reading, f.id, measure) >= best - EVIDENCE_MARGIN);
}
/** The year and number of a document number: 沪科提复〔2024〕85号. */
const DOC_NUMBER = /[〔[(（](\d{4})[〕\])）]\s*(\d{1,4})\s*号/;
const DOC_NUMBERS = new RegExp(DOC_NUMBER.source, 'g');

const profileWordsCache = new WeakMap<KnowledgeSnapshot, ReadonlySet<string>>();

/** The words a firm describes itself with (`profileWords`): they name no card, as in the index's name table. */
function profileWordSet(snapshot: KnowledgeSnapshot): ReadonlySet<string> {
    let words = profileWordsCache.get(snapshot);
    if (!words) profileWordsCache.set(snapshot, (words = new Set(profileWords(snapshot.synonyms).map(normalize))));
    return words;
}

/**
 * A need the message states that one offering alone serves (`needs` on the cards) names that offering when nothing
 * else does: "续贷要准备什么材料" asks it of 无缝续贷, the one card for renewing a loan, not of whichever card holds a
 * list of documents. A need several offerings serve (a credit loan) names none.
 */
export function needNamed(snapshot: KnowledgeSnapshot, text: string): KnowledgeItem[] {
    const needs = (understandQuestion(text).fields.needs ?? []) as readonly string[];
    const found = new Set<KnowledgeItem>();
    for (const need of needs) {
        const serving = [...snapshot.items.values()].filter(
            (item) => 'needs' in item && (item.needs as readonly string[] | undefined)?.includes(need),
        );
        if (serving.length === 1) found.add(serving[0]!);
    }
    return found.size === 1 ? [...found] : [];
}

/**
 * Short names ("专贴", "科委"): the item one of whose Chinese names the word is most of, when few names hold it at all.
 * A word of the firm's profile is not a short name: 专精特新 is the firms' qualification, not 专精特新20条.
 */
export function shortNamed(snapshot: KnowledgeSnapshot, words: readonly string[]): KnowledgeItem[] {
    const found = new Map<string, KnowledgeItem>();
    const profile = profileWordSet(snapshot);
    // A short name is a short word, and a long message is not an ellipsis: each word looked for is a pass over every card's names.
    for (const word of words.filter((w) => w.length <= MAX_SHORT_NAME && !profile.has(normalize(w))).slice(0, MAX_SHORT_WORDS)) {
        let best: { item: KnowledgeItem; share: number } | undefined;
        let tie = false;
        let holders = 0;
        for (const item of snapshot.items.values()) {
            const shares = [item.name, ...item.aliases.zh].filter((n) => n.includes(word)).map((n) => word.length / n.length);
            if (shares.length === 0) continue;
            holders++;
            const share = Math.max(...shares);
            if (!best || share > best.share) [best, tie] = [{ item, share }, false];
            else if (share === best.share) tie = true;
        }
        // A word in many items' names (科技, 贷款) names none of them; one that is half a name or more names its item.
        if (best && !tie && holders <= SHORT_NAME_HOLDERS && best.share >= 0.5) found.set(best.item.id, best.item);
    }
    return [...found.values()];
}

/**
 * A clause that introduces the firm ("本人是…的财务", "我们是做新材料的", "we are …", "we had a court case in 2023",
 * "our company is …"): the firm or the founder as the subject of a verb that tells, in either language.
 */
const SELF = new RegExp(
    [
        /^(?:本人|我|我们|我司|我们公司|我们这边|公司|本公司|咱们|咱|企业)(?:是|做|在|成立|主要|目前|现在|有|已|已经|去年|今年)/.source,
        /^(?:we|i)(?:'re|'m|'ve|'d| are| am| have| had| was| were| run| got| paid| repaid| borrowed| took| signed| own| don't| dont| do not)\b/
            .source,
        /^(?:(?:the|our|my)\s+)?(?:company|firm|startup|business)\s+(?:is|was|has|had)\b/.source,
    ].join('|'),
    'i',
);
/** Where a message divides into the clauses `askedIn` weighs: a Chinese or English mark, and an English full stop before a space. */
const SENTENCE_OR_CLAUSE_END = /(?<=[，,。！？!?；;\n]|\.(?=\s))/;
/** Where a clause ends its sentence: a full stop or mark, not a comma. */
const SENTENCE_END = /[。！？!?\n.]\s*$/;

/** A clause that gives the reason for asking, what the asker already knows ("since the centre reviews applications, …", "既然…"). */
const REASON = /^(?:since|because|as|given that|seeing that)\b|^(?:既然|因为|由于)/i;

/** A clause that reports what someone said ("看新闻说…", "客户经理说…", "I heard …"). */
const HEARSAY = /听说|据说|看新闻|新闻说|看到|说(?:给|是|有)?|\b(?:heard|read that|was told|said)\b/i;

/**
 * The years a message asks of: not those of a clause that asks nothing and opens with the firm ("We're an HNTE
 * (certificate renewed 2024) … can we use gaoqidai?", "我们2023年拿到了高企证书。高企贷利率多少？" ask of no year).
 * A clause naming a time ("During the 2022 relief push, …") asks of its year.
 */
export function yearsAsked(text: string): string[] {
    const clauses = text.split(SENTENCE_OR_CLAUSE_END).filter((c) => c.trim().length > 0);
    const asked = clauses.filter((c) => ASKS.test(c) || !FIRM_OPENS.test(c.trim()));
    return yearsIn(asked.length > 0 ? asked.join('') : text);
}
/**
 * The years said only in clauses that ask nothing and name items the asking clauses do not ("沪科专贷是2023年出的，那高企贷
 * 是哪一年推出的？"): told of another item, not asked. None when the asking clauses name no item, or point back to that
 * time ("…in 2021. What about the insurance-backed loan that year?").
 */
export function yearsToldOfOthers(text: string, namesIn: (piece: string) => readonly string[]): string[] {
    const clauses = text.split(SENTENCE_OR_CLAUSE_END).filter((c) => c.trim().length > 0);
    const asking = clauses.filter((c) => ASKS.test(normalize(c)));
    const askedNames = new Set(asking.flatMap((c) => namesIn(c)));
    if (askedNames.size === 0 || asking.some((c) => SAME_TIME.test(normalize(c)))) return [];
    const askedYears = new Set(asking.flatMap((c) => yearsIn(c)));
    return [
        ...new Set(
            clauses
                .filter((c) => !ASKS.test(normalize(c)) && yearsIn(c).length > 0)
                .filter((c) => {
                    const names = namesIn(c);
                    return names.length > 0 && names.every((id) => !askedNames.has(id));
                })
                .flatMap((c) => yearsIn(c))
                .filter((y) => !askedYears.has(y)),
        ),
    ];
}
/** Pointing back to a time already said: 那年, 同年, 当年, 同期, "that year", "the same year / period". */
const SAME_TIME = /那一?年|同年|当年|同期|\b(?:that|the same|same) (?:year|period|time)\b/i;

/** A clause opening with the firm as its subject: 我们 / 我司 / 本公司, we / I / our. */
const FIRM_OPENS = /^(?:本人|我们公司|我们|我司|我|咱们|咱|本公司)|^(?:we|i|our|my)\b/i;

/**
 * What a message asks is in the clauses that do not merely tell about the
 * firm or report what was heard: in "我们是做新材料的……这个补偿比例到底是
 * 多少？" 材料 is the firm's trade, not the documents to prepare; in "看新闻说
 * 沪科专贷利率挺低的，请问我们是直接找人民银行申请吗？" the rate is what the
 * founder heard, the way to apply is what they ask. The aspects are those
 * of the asking clauses; the words of the telling ones still count in
 * choosing a passage, at a share (成立7年，员工50人 must not pick the
 * passage dated 2022年7月; 银行说要先去做质押登记 still says which 登记).
 */
export function askedIn(index: KnowledgeIndex, text: string, reading: QueryReading): QueryReading {
    const clauses = text.split(SENTENCE_OR_CLAUSE_END).filter((c) => c.trim().length > 0);
    if (clauses.length < 2) return reading;
    const telling = clauses.map(
        (c) => !ASKS.test(c) && (SELF.test(c.trim()) || HEARSAY.test(c) || REASON.test(c.trim()) || understandQuestion(c).understood.length > 0),
    );
    // A sentence that asks nothing and opens by telling about the firm tells in all its clauses: "We had a tiny court
    // enforcement thing in 2023 (supplier dispute, paid in full), not sure if we ended up on some list." is one account.
    const told = [...telling];
    for (let start = 0, i = 0; i < clauses.length; i++) {
        if (!SENTENCE_END.test(clauses[i]!) && i < clauses.length - 1) continue;
        const sentence = clauses.slice(start, i + 1);
        if (telling[start] && !sentence.some((x) => ASKS.test(x))) told.fill(true, start, i + 1);
        start = i + 1;
    }
    // A clause that asks with nothing of its own ("听说沪科专贷利率低，具体多少？") asks about what the clause before it
    // reported: that clause is part of what is asked. So does a short one pointing back at it ("we had a tax penalty two
    // years ago, does that matter?", "去年有过一次逾期，这个有影响吗").
    const bareAfter = (i: number) => {
        const next = clauses[i + 1];
        if (next === undefined || told[i + 1]) return false;
        const read = index.read(next);
        if (!ASKS.test(next) || read.named.length > 0 || read.aspects.aspects.length > 0) return false;
        const cues = subjectCues(next, read);
        return cues.bare || (cues.refersBack && cues.slight);
    };
    const kept = clauses.filter((_, i) => !told[i] || bareAfter(i));
    if (kept.length === clauses.length || kept.length === 0) return reading;
    const asked = index.read(kept.join(''));
    const terms = new Map([...reading.terms].map(([term, weight]) => [term, asked.terms.has(term) ? weight : weight * TOLD_SHARE] as const));
    if (reading.aspects.aspects.length === 0) return { ...reading, terms };
    return {
        ...reading,
        terms,
        aspects: { ...asked.aspects, comparison: reading.aspects.comparison || asked.aspects.comparison },
        aspectTerms: asked.aspectTerms,
    };
}

/**
 * Several questions in one message ("利率具体多少？要找哪家银行？", "what's the rate? and who do we call?"), each
 * asking its own aspect, are each asked: their aspects weigh alike, so that each is answered with its label, however
 * many characters its aspect word has (哪家银行 is not asked twice as much as 利率).
 */
export function eachQuestionAsked(index: KnowledgeIndex, text: string, reading: QueryReading): QueryReading {
    const asked = reading.aspects.aspects;
    if (asked.length < 2) return reading;
    const questions = text.split(/(?<=[？?])/).filter((q) => /[\p{L}\p{N}]/u.test(q));
    if (questions.length < 2) return reading;
    const tops = new Set<Aspect>();
    for (const q of questions) {
        const top = index.read(q).aspects.primary;
        if (top && asked.some((a) => a.aspect === top)) tops.add(top);
    }
    if (tops.size < 2) return reading;
    // In the order they were asked: the first question is answered first.
    const best = asked[0]!.score;
    const aspects = [...[...tops].map((aspect) => ({ aspect, score: best })), ...asked.filter((a) => !tops.has(a.aspect))];
    return { ...reading, aspects: { ...reading.aspects, aspects, primary: aspects[0]!.aspect } };
}

/**
 * The reading of a question about `id` with that item's own name taken out
 * of its aspects: in "履约贷的保费补贴要我们自己去申请吗", 保费补贴 is the
 * subject (科技信贷保费补贴), not the subsidy asked of it. (With one item
 * named, the index's reading already leaves its name out.)
 */
export function ownNameRead(index: KnowledgeIndex, text: string, reading: QueryReading, id: string): QueryReading {
    const term = reading.named.find((n) => n.id === id && !n.typo)?.term;
    if (!term || reading.named.length < 2 || !reading.aspects.words.some((w) => term.replace(/_/g, ' ').includes(normalize(w)))) return reading;
    const stripped = normalize(text).replace(termPattern(term), ' ');
    const again = askedIn(index, stripped, index.read(stripped));
    return { ...reading, aspects: again.aspects, aspectTerms: again.aspectTerms };
}

/**
 * True when only joining words stand between the two names in the text, or when the second is said as the first was,
 * after "and" and the same preposition ("the subsidy on the weidaitong fee, and on the lvyuedai premium"): one question
 * of both.
 */
export function joinedInText(text: string, reading: QueryReading, a: string, b: string): boolean {
    const lower = text.toLowerCase();
    const at = (id: string) => {
        const n = reading.named.find((x) => x.id === id);
        if (!n) return undefined;
        const m = termPattern(n.term).exec(lower);
        return m ? { start: m.index, end: m.index + m[0].length } : undefined;
    };
    const x = at(a);
    const y = at(b);
    if (!x || !y) return false;
    const [l, r] = x.start < y.start ? [x, y] : [y, x];
    if (l.end > r.start) return false;
    if (JOINED.test(lower.slice(l.end, r.start))) return true;
    const again = PARALLEL.exec(lower.slice(l.end, r.start));
    return again !== null && new RegExp(`\\b${again[1]}\\s+(?:the\\s+)?$`).test(lower.slice(0, l.start));
}

/**
 * Two items named by short words joined in the text ("专贷和专贴到2025年4月各有多少"): the word naming each (`shortNamed`,
 * one word at a time) with only a joining word between them, as `joinedInText` reads names written in full.
 */
export function shortJoined(snapshot: KnowledgeSnapshot, text: string, words: readonly string[], a: string, b: string): boolean {
    const lower = normalize(text).toLowerCase();
    const wordOf = (id: string) => words.find((w) => shortNamed(snapshot, [w]).some((i) => i.id === id));
    const [x, y] = [wordOf(a), wordOf(b)];
    if (!x || !y) return false;
    const [i, j] = [lower.indexOf(normalize(x).toLowerCase()), lower.indexOf(normalize(y).toLowerCase())];
    if (i < 0 || j < 0) return false;
    const [l, r] = [
        { at: i, w: x },
        { at: j, w: y },
    ].sort((p, q) => p.at - q.at);
    const end = l!.at + l!.w.length;
    return end <= r!.at && JOINED.test(lower.slice(end, r!.at));
}

/** "…, and on the" before a name: the preposition said before the first name, said again for the second. */
const PARALLEL = /[,;]?\s*(?:and|or|as well as)\s+(on|for|of|in|about|under|with)\s+(?:the\s+)?$/;

/** The reading with `aspect` as the one asked, when the question asks none of its own but those of `over`. */
export function withAspect(reading: QueryReading, aspect: Aspect | undefined, over: readonly Aspect[] = []): QueryReading {
    if (!aspect || reading.aspects.aspects.some((a) => !over.includes(a.aspect))) return reading;
    return {
        ...reading,
        aspects: { aspects: [{ aspect, score: 1 }], primary: aspect, comparison: reading.aspects.comparison, words: reading.aspects.words },
    };
}

/**
 * "贴的那个", "专贴那个", "the patent one", "the insurance-backed one": a word said right before a pointer to one thing,
 * Han characters before (的)那个 / 那一个, an English word or hyphenated pair between "the" and "one".
 */
const ONE_OF_ZH = /(\p{Script=Han}{1,4}?)的?那一?个/u;
const ONE_OF_EN = /\bthe ([a-z]+(?:-[a-z]+)?) one\b/;
/** The same pointer said to set one aside: "not the discount one", "不是贴的那个": the other is meant. */
const NOT_ONE_ZH = /(?:不是|不要|不问|除了)(\p{Script=Han}{1,4}?)的?那一?个/u;
const NOT_ONE_EN = /\b(?:not|isn't|wasn't|rather than|instead of|other than) the ([a-z]+(?:-[a-z]+)?) one\b/;

/**
 * Of the two items in focus, the one a word of the question points at ("专贷和专贴到2025年4月各有多少" → "贴的那个是多少":
 * 沪科专贴), or the other when the pointer sets one aside ("ok, not the discount one. how much has the other one lent"):
 * the word said before the pointer is in one's names and not the other's, or else written in one card and not the
 * other. Undefined when it is in both, in neither, or nothing is pointed at.
 */
export function pickedOfPair(text: string, pair: readonly [KnowledgeItem, KnowledgeItem]): KnowledgeItem | undefined {
    const t = normalize(text);
    const aside = NOT_ONE_EN.exec(t)?.[1] ?? NOT_ONE_ZH.exec(t)?.[1];
    if (aside) {
        const one = pointedBy(aside, pair);
        return one && pair.find((item) => item !== one);
    }
    const said = ONE_OF_EN.exec(t)?.[1] ?? ONE_OF_ZH.exec(t)?.[1];
    return said ? pointedBy(said, pair) : undefined;
}

/** The one of the pair whose names hold `said`, else whose card alone writes it. */
function pointedBy(said: string, pair: readonly [KnowledgeItem, KnowledgeItem]): KnowledgeItem | undefined {
    // An English word in any form that stems to it ("insurance-backed" in "insurance backed loan").
    const says = hasHan(said) ? (x: string) => x.includes(said) : termSaid(said.split('-').map(stem).join('_'));
    const holds = (texts: readonly string[]) => texts.some((x) => says(normalize(x)));
    const byName = pair.filter((item) => holds(ownPhrases(item)));
    if (byName.length === 1) return byName[0];
    if (byName.length === 2) return undefined;
    const byCard = pair.filter((item) => holds(Object.values(fieldTexts(item))));
    return byCard.length === 1 ? byCard[0] : undefined;
}
