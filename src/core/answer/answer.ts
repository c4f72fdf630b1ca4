/**
 * One answer to a question, for every front. Retrieved, never generated:
 * each sentence is a field value of a card, in the question's language,
 * with that field's own sources and status.
 *
 * The question goes: read (its terms, the items it names, the aspects it
 * asks; search/knowledge-index.ts `read`; and what it says of its own subject,
 * reading.ts) → its subject: the items it names (two, with a word of
 * choosing or a conjunction between them, are set side by side), else the
 * item in focus in the conversation (`context`) when the question points
 * back at it, is bare, or does not plainly go elsewhere, else the top
 * search hit when the search is confident, else a question back when only
 * an aspect was asked → that item's passages ranked by all the question's
 * words, the aspect asked one signal among them → the passages holding the
 * aspect (or, when the card holds none, a neighbouring aspect it does hold,
 * said as such) become the answer. Whom to call is answered from the
 * item's organizations. A question nothing answers gets "not known",
 * did-you-mean and the general contacts.
 */
import { langOfText } from '../language.ts';
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import type { KnowledgeItem, OrganizationItem, Source } from '../knowledge/schema.ts';
import type { KnowledgeIndex, QueryReading, RankedPassage } from '../search/index.ts';
import type { SearchOptions, SearchResponse } from '../search/types.ts';
import { boundQuery } from '../search/input.ts';
import { termPattern } from '../search/stem.ts';
import { normalize } from '../search/tokenize.ts';
import { ASPECTS, type Aspect, type Lang } from '../vocabulary.ts';
import {
    aspectFact,
    clarifySentence,
    elsewhereNote,
    contactSentence,
    noFigureNote,
    contactsSentence,
    itemSentence,
    notHeldSentence,
    unknownSentence,
    withWhomToAsk,
} from '../words/answer.ts';
import { fullStop, labelOf, sentenceGap } from '../words/labels.ts';
import { understandQuestion } from '../match/understand.ts';
import { subjectCues, type Wanted } from './reading.ts';
import type { Answer, AnswerFact, ComparisonRow, ContactRef, ItemRef } from './types.ts';

export type { Answer, AnswerFact, AnswerStatus, ComparisonRow, ContactRef, ItemRef } from './types.ts';
export { subjectCues, type SubjectCues } from './reading.ts';

/** What the conversation so far holds for the next question (core/conversation). */
export interface AnswerContext {
    /** The items the last answer was about: one, or two set side by side. */
    readonly focus: readonly string[];
    /** The aspect the last question asked, carried to a question that asks none ("那沪科专贴呢"). */
    readonly aspect?: Aspect;
    /** The year the last question named, carried to "那X呢" ("高企贷2021年放了多少" → "小巨人信用贷呢"). */
    readonly year?: string;
}

export interface AnswerOptions {
    /** Language of the answer; default: guessed from the question (any Han character → zh). */
    readonly lang?: Lang;
    /** Ranked results kept beside the answer. Default 5. */
    readonly limit?: number;
    /** Only items of these kinds, for the answer and the results. Default: all. */
    readonly kind?: SearchOptions['kind'];
    /** The conversation so far; none: the question stands alone. */
    readonly context?: AnswerContext;
}

/** Facts in a direct answer: at most this many, and no more once the text is this long. */
const MAX_FACTS = 3;
const TEXT_BUDGET = 200;
/** A passage without the aspect asked still answers when it holds this much of the question's words. */
const MIN_OVERLAP = 3;
/** …or this share of them, in a short question ("履约贷的承保方"). */
const MIN_SHARE = 0.5;
/** The weight of a word of a clause that only tells about the firm, beside the words of the clauses that ask. */
const TOLD_SHARE = 0.1;
/** With no aspect read, a passage holding this share of the question's words (and some beside aspect words) answers it. */
const ASKED_SHARE = 0.4;
const MIN_PLAIN = 0.5;
/** A second or third fact must score at least this share of the best. */
const SCORE_SHARE = 0.75;
/** A second aspect asked at least this share of the first is a reading of its own: both are shown. */
const CLOSE_READING = 0.6;
const MAX_RELATED = 3;
const MAX_SUGGESTIONS = 3;
/** Items offered when a bare aspect asks back which one. */
const MAX_CANDIDATES = 4;
/** Words of at most this many characters, the first few of them, are looked for as short names. */
const MAX_SHORT_NAME = 4;
const MAX_SHORT_WORDS = 3;
/** A short word names an item only when at most this many items' names hold it. */
const SHORT_NAME_HOLDERS = 3;
/** The general contacts: the organizations most products name, at most this many. */
const GENERAL_CONTACTS = 2;
/** Cards looked at for the passage that holds most of the question, by search rank and by the words they hold (see `evidenceFor`). */
const EVIDENCE_CARDS = 5;
/** A passage holding this share of the question's words (weighed by rarity) answers it, on whatever card it sits. */
const EVIDENCE_COVERAGE = 0.5;
/** …and, against the card the search put first, this much more of them than that card's best passage. */
const EVIDENCE_MARGIN = 0.15;
/** …and against an item the question names, this much more: a name is strong evidence of the subject. */
const NAMED_MARGIN = 0.3;

/**
 * Aspects a question easily means one for the other ("能借多长时间": the
 * term, or how soon the money comes). When the card holds nothing for the
 * aspect read, it is answered from a neighbour it does hold, said as such.
 */
const NEIGHBOURS: Readonly<Partial<Record<Aspect, readonly Aspect[]>>> = {
    'processing-time': ['term', 'how-to-apply'],
    term: ['processing-time'],
    amount: ['figures'],
    figures: ['amount', 'history'],
    rate: ['fee', 'subsidy'],
    fee: ['rate', 'subsidy'],
    subsidy: ['fee'],
    'how-to-apply': ['contact', 'eligibility'],
    contact: ['how-to-apply'],
    eligibility: ['how-to-apply', 'what-is'],
    'partner-banks': ['how-to-apply'],
    history: ['what-is', 'figures'],
};

/**
 * The aspect a question word wants when no aspect word is read: a date is
 * history, a place is where to apply, whether one can apply the
 * conditions. A number is wanted of many aspects (a ratio, a count, a
 * fee): it only puts the passages stating one first among those the
 * question's words point to.
 */
const WANTED: Readonly<Partial<Record<Wanted, Aspect>>> = { date: 'history', place: 'how-to-apply', fit: 'eligibility' };

/** Aspects whose answer is a number, a date or a percentage: a passage stating one comes first. */
const NUMERIC: ReadonlySet<Aspect> = new Set(['amount', 'term', 'rate', 'fee', 'subsidy', 'risk-sharing', 'processing-time', 'figures']);

/** Kinds that can be set side by side; an organization or a document is whom to ask or where a rule is written. */
const comparable = (i: KnowledgeItem) => i.kind !== 'organization' && i.kind !== 'document';

/** Words joining two items named one after the other ("高企贷和沪科专贷的利率"). */
const JOINED = /^\s*(?:和|与|跟|同|及|以及|或|或者|还是|&|\/|vs\.?|and|or|versus)\s*$/i;

/** Clauses that ask something: a question mark, a question word, a modal. */
const ASKS =
    /[?？]|吗|呢|什么|啥|怎么|怎样|如何|多少|几|哪|谁|是否|能否|可否|有没有|能不能|可不可以|\b(?:what|how|which|who|when|where|whom|whose|why|can|could|is there|are there|do|does|did)\b/i;

export function answerQuestion(snapshot: KnowledgeSnapshot, index: KnowledgeIndex, question: string, options: AnswerOptions = {}): Answer {
    const text = boundQuery(question).text;
    const lang: Lang = options.lang ?? langOfText(text, 'zh');
    const searchOptions = { limit: options.limit ?? 5, lang, ...(options.kind ? { kind: options.kind } : {}) };
    const search = questionSearch(index, text, searchOptions);
    const reading = askedIn(index, text, index.read(text));
    const cues = subjectCues(text, reading);
    const aspects = reading.aspects.aspects.map((a) => a.aspect);
    const base = { question: search.query, lang, aspects, search };
    const get = (id: string) => snapshot.items.get(id);

    // Named items, in search order (the search weighs all the words), unranked ones after.
    const rank = (id: string) => {
        const i = search.results.findIndex((r) => r.id === id);
        return i < 0 ? Infinity : i;
    };
    const kinds = options.kind === undefined ? undefined : new Set(typeof options.kind === 'string' ? [options.kind] : options.kind);
    const allowed = (i: KnowledgeItem | undefined): i is KnowledgeItem => i !== undefined && (!kinds || kinds.size === 0 || kinds.has(i.kind));
    // An organization named beside an offering is mostly the channel ("沪科专贷是直接去人民银行申请吗"): the offering is
    // the subject, unless the question asks whom to call.
    const asksOrg = reading.aspects.primary === 'contact';
    const behind = (id: string) => (!asksOrg && get(id)?.kind === 'organization' ? 1 : 0);
    const written = [...new Set([...reading.named.map((n) => n.id), ...numberNamed(snapshot, text)])]
        .sort((a, b) => behind(a) - behind(b) || rank(a) - rank(b))
        .map(get)
        .filter(allowed);
    // Nothing named in full: a word left over that only one item's names hold ("专贴呢", "科委的地址") names it.
    // One named and a word of choosing: the other may be said by sound ("the Little Giant credit loan or Hu Ke Zhuan Dai").
    const heard =
        written.length === 1 && cues.chooses
            ? index
                  .read(text, { hearAll: true })
                  .named.filter((n) => n.typo && n.id !== written[0]!.id)
                  .map((n) => get(n.id))
                  .filter(allowed)
            : [];
    const named = written.length > 0 ? [...written, ...heard.slice(0, 1)] : shortNamed(snapshot, cues.leftover).filter(allowed);
    const focus = (options.context?.focus ?? []).map(get).filter(allowed);
    const carried = reading.aspects.aspects.length === 0 ? options.context?.aspect : undefined;
    // "那X呢" asks the last question again of X, the year it named too.
    const carriedYear = cues.ellipsis && yearsIn(text).length === 0 ? options.context?.year : undefined;
    const hints: Hints = { ...(cues.wants ? { wants: cues.wants } : {}), ...(carriedYear ? { year: carriedYear } : {}) };
    // No aspect word, but a question word: the aspect it wants, for a comparison or a question back ("什么时候" → history).
    const inferred = reading.aspects.aspects.length === 0 && cues.wants ? WANTED[cues.wants] : undefined;

    // Two items named with a word of choosing, or one after the other: side by side.
    const [first, second] = named;
    if (first && second && comparable(first) && comparable(second) && (cues.chooses || joinedInText(text, reading, first.id, second.id))) {
        return compare(snapshot, index, withAspect(reading, carried ?? inferred), first, second, base);
    }
    // One named, and the one in focus, with a word of choosing ("跟高企贷比呢", "which is cheaper").
    const held = focus[0];
    if (first && !second && held && held.id !== first.id && cues.chooses && comparable(first) && comparable(held)) {
        return compare(snapshot, index, withAspect(reading, carried ?? inferred), held, first, base);
    }
    // A named item is the subject, whatever else the message says; "那沪科专贴呢" keeps the aspect asked before.
    // An organization named is mostly whom the founder heard it from ("科委答复里说…开放了多少个数据集"): a passage of
    // another card that holds much more of the question answers it. Any other item named stays the subject unless its
    // card holds little of the question and another card's passage holds far more: then the name was a word of the
    // question, not its subject ("专精特新企业贷款余额": the firms, not the 专精特新 measures).
    const byName = first && first.kind !== 'organization';
    if (first && !asksOrg && !second && !cues.bare && !(byName && (cues.ellipsis || cues.refersBack))) {
        const margin = byName ? NAMED_MARGIN : EVIDENCE_MARGIN;
        const found = evidenceFor(snapshot, index, text, reading, first, allowed, margin);
        if (found) return answerItem(snapshot, index, found.item, reading, base, { ...hints, lead: found.passage });
    }
    if (first) {
        const own = ownNameRead(index, text, reading, first.id);
        const answer = answerItem(snapshot, index, first, withAspect(own, cues.bare || cues.ellipsis ? carried : undefined), base, hints);
        // Asked about another place: Shanghai's item is shown as such, never as that place's answer.
        return cues.elsewhere ? { ...answer, confident: false, text: `${elsewhereNote(lang)}${answer.text}` } : answer;
    }

    // Nothing named: the focus, unless the question plainly goes elsewhere (another item ranks first, confidently).
    if (focus.length > 0) {
        const top = new Set(search.results.slice(0, 3).map((r) => r.id));
        if (cues.refersBack || cues.bare || cues.ellipsis || !search.confident || focus.some((f) => top.has(f.id))) {
            const [a, b] = focus;
            if (a && b && comparable(a) && comparable(b)) return compare(snapshot, index, withAspect(reading, carried ?? inferred), a, b, base);
            return answerItem(snapshot, index, a!, withAspect(reading, carried), base, hints);
        }
    }
    // An aspect of nothing: ask which item rather than pick one.
    const bareAspect = reading.aspects.primary ?? inferred;
    if (cues.bare && bareAspect) return clarify(snapshot, index, bareAspect, base);

    // Another city's policy is not Shanghai's, however close the words.
    const item = search.confident && search.results[0] && !cues.elsewhere ? get(search.results[0].id) : undefined;
    // An aspect and a word or two that find nothing ("what's the max amount?"): which item is meant, rather than nothing.
    if (!item && bareAspect && cues.slight && !cues.elsewhere) return clarify(snapshot, index, bareAspect, base);
    // The card is chosen by the passage that answers: a statistic asked without naming where it is written
    // ("24年二季度末上海科技型企业贷款余额") sits in a passage of a card the words alone rank lower.
    const found = cues.elsewhere || cues.slight ? undefined : evidenceFor(snapshot, index, text, reading, item, allowed);
    if (found) return answerItem(snapshot, index, found.item, reading, base, { ...hints, lead: found.passage });
    if (!item) return unknown(snapshot, base);
    return answerItem(snapshot, index, item, reading, base, hints);
}

/**
 * The search for a question. A message that tells about the firm before it
 * asks ("我们是做芯片的，去年营收两个亿，有什么贴息政策？") is searched on the
 * clauses that ask when the whole is not confident: true words about the
 * firm must not cost the question its answer.
 */
function questionSearch(index: KnowledgeIndex, text: string, options: SearchOptions): SearchResponse {
    const whole = index.search(text, options);
    if (whole.confident) return whole;
    const clauses = text.split(/(?<=[，。,.;；!！?？\n])/);
    const asking = clauses.filter((c) => ASKS.test(c));
    if (asking.length === 0 || asking.length === clauses.length) return whole;
    const focused = index.search(asking.join(''), options);
    return focused.confident ? { ...focused, query: whole.query, ...(whole.notice ? { notice: whole.notice } : {}) } : whole;
}

/**
 * The passage, among the cards the search ranks first, that holds the most
 * of the question's words (each weighed by how rare it is in the whole
 * knowledge: see `RankedPassage.coverage`), when it holds enough of them
 * and, against `given` (the card otherwise answering), clearly more than
 * that card's own best passage. Undefined when `given` is as good.
 */
function evidenceFor(
    snapshot: KnowledgeSnapshot,
    index: KnowledgeIndex,
    text: string,
    reading: QueryReading,
    given: KnowledgeItem | undefined,
    allowed: (i: KnowledgeItem | undefined) => i is KnowledgeItem,
    margin = EVIDENCE_MARGIN,
): { item: KnowledgeItem; passage: RankedPassage } | undefined {
    const answering = (id: string) => index.passages(id, reading).filter((r) => r.passage.structured && !r.passage.absence);
    const bestOf = (id: string) => answering(id).reduce<RankedPassage | undefined>((b, r) => (!b || r.coverage > b.coverage ? r : b), undefined);
    const floor = given ? (bestOf(given.id)?.coverage ?? 0) + margin : 0;
    let found: { item: KnowledgeItem; passage: RankedPassage } | undefined;
    // The cards the search ranks first, and those holding most of the question's words anywhere (a statistic sits on
    // the card of the report that gives it, which the words alone may rank low).
    const ids = new Set([
        ...index.rank(text, { limit: EVIDENCE_CARDS }).map((r) => r.id),
        ...index
            .covering(reading, EVIDENCE_CARDS)
            .filter((c) => c.coverage >= EVIDENCE_COVERAGE)
            .map((c) => c.id),
    ]);
    for (const id of ids) {
        const item = snapshot.items.get(id);
        if (id === given?.id || !allowed(item)) continue;
        const best = bestOf(id);
        if (best && best.coverage >= Math.max(EVIDENCE_COVERAGE, floor) && (!found || best.coverage > found.passage.coverage))
            found = { item, passage: best };
    }
    return found;
}

/**
 * Documents named by their number ("85号文", "212号那一轮"): the cards whose
 * document number ends in it, the year too when the question gives one. A
 * number that ends no card's document number, or several, names none.
 */
function numberNamed(snapshot: KnowledgeSnapshot, text: string): string[] {
    const found: string[] = [];
    const years = yearsIn(text);
    for (const m of text.matchAll(DOC_NUMBER_ASKED)) {
        const holders = [...snapshot.items.values()].filter((item) => {
            const number = 'doc_number' in item ? item.doc_number : undefined;
            const parts = number ? DOC_NUMBER.exec(number) : null;
            return parts !== null && parts[2] === (m[1] ?? m[2]) && (years.length === 0 || years.includes(parts[1]!));
        });
        if (holders.length === 1) found.push(holders[0]!.id);
    }
    return found;
}
/** A number of a document as a founder writes it: 85号, 85号文, 212号, No. 85. */
const DOC_NUMBER_ASKED = /(?<![\d〔[(（])(\d{1,4})\s*号|\bno\.?\s*(\d{1,4})\b/gi;
/** The year and number of a document number: 沪科提复〔2024〕85号. */
const DOC_NUMBER = /[〔[(（](\d{4})[〕\])）]\s*(\d{1,4})\s*号/;

/** Short names ("专贴", "科委"): the item one of whose Chinese names the word is most of, when few names hold it at all. */
function shortNamed(snapshot: KnowledgeSnapshot, words: readonly string[]): KnowledgeItem[] {
    const found = new Map<string, KnowledgeItem>();
    // A short name is a short word, and a long message is not an ellipsis: each word looked for is a pass over every card's names.
    for (const word of words.filter((w) => w.length <= MAX_SHORT_NAME).slice(0, MAX_SHORT_WORDS)) {
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

/** A clause that introduces the firm ("本人是…的财务", "我们是做新材料的", "we are …"). */
const SELF =
    /^(?:本人|我|我们|我司|我们公司|我们这边|公司|本公司|咱们|咱|企业)(?:是|做|在|成立|主要|目前|现在|有|已|已经|去年|今年)|^(?:we|i)(?:'re|'m| are| am| have| run)\b/i;
/** A clause that reports what someone said ("看新闻说…", "客户经理说…", "I heard …"). */
const HEARSAY = /听说|据说|看新闻|新闻说|看到|说(?:给|是|有)?|\b(?:heard|read that|was told|said)\b/i;

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
function askedIn(index: KnowledgeIndex, text: string, reading: QueryReading): QueryReading {
    const clauses = text.split(/(?<=[，,。！？!?；;\n])/).filter((c) => c.trim().length > 0);
    if (clauses.length < 2) return reading;
    const narrative = (c: string) => !ASKS.test(c) && (SELF.test(c.trim()) || HEARSAY.test(c) || understandQuestion(c).understood.length > 0);
    const kept = clauses.filter((c) => !narrative(c));
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
 * The reading of a question about `id` with that item's own name taken out
 * of its aspects: in "履约贷的保费补贴要我们自己去申请吗", 保费补贴 is the
 * subject (科技信贷保费补贴), not the subsidy asked of it. (With one item
 * named, the index's reading already leaves its name out.)
 */
function ownNameRead(index: KnowledgeIndex, text: string, reading: QueryReading, id: string): QueryReading {
    const term = reading.named.find((n) => n.id === id && !n.typo)?.term;
    if (!term || reading.named.length < 2 || !reading.aspects.words.some((w) => term.replace(/_/g, ' ').includes(normalize(w)))) return reading;
    const stripped = normalize(text).replace(termPattern(term), ' ');
    const again = askedIn(index, stripped, index.read(stripped));
    return { ...reading, aspects: again.aspects, aspectTerms: again.aspectTerms };
}

/** True when only joining words stand between the two names in the text. */
function joinedInText(text: string, reading: QueryReading, a: string, b: string): boolean {
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
    return l.end <= r.start && JOINED.test(lower.slice(l.end, r.start));
}

/** The reading with `aspect` as the one asked, when the question asks none of its own. */
function withAspect(reading: QueryReading, aspect: Aspect | undefined): QueryReading {
    if (!aspect || reading.aspects.aspects.length > 0) return reading;
    return {
        ...reading,
        aspects: { aspects: [{ aspect, score: 1 }], primary: aspect, comparison: reading.aspects.comparison, words: reading.aspects.words },
    };
}

/**
 * One aspect of one item, asked by a button rather than a question
 * ("申请方式" under an answer): the same answer as for "<item> <aspect>?".
 * Undefined when the id is unknown.
 */
export function answerAbout(
    snapshot: KnowledgeSnapshot,
    index: KnowledgeIndex,
    id: string,
    aspect: Aspect,
    options: AnswerOptions = {},
): Answer | undefined {
    const item = snapshot.items.get(id);
    if (!item) return undefined;
    const lang = options.lang ?? 'zh';
    const question = `${item.name} · ${ASPECTS.labels[aspect][lang]}`;
    const reading: QueryReading = {
        terms: new Map(),
        named: [{ id, term: item.name, typo: false }],
        aspects: { aspects: [{ aspect, score: 1 }], primary: aspect, comparison: false, words: [] },
        aspectTerms: new Set(),
    };
    const search = { query: question, lang, results: [], confident: true };
    return answerItem(snapshot, index, item, reading, { question, lang, aspects: [aspect], search });
}

/**
 * `wants`: the kind of answer the question word asks for (a number, a
 * date, a place, whether one qualifies), if any. With no aspect read, it
 * gives the aspect only when the question's words point to no passage of
 * their own: the words are the better reading.
 */
function answerItem(
    snapshot: KnowledgeSnapshot,
    index: KnowledgeIndex,
    item: KnowledgeItem,
    given: QueryReading,
    base: Base,
    hints: Hints = {},
): Answer {
    const wants = hints.wants;
    // "想了解一下…多少": asking how much or when is not asking what the item is.
    const framed = given.aspects.primary === 'what-is' && given.aspects.aspects.length === 1 && (wants === 'number' || wants === 'date');
    const unframed = framed ? { ...given, aspects: { ...given.aspects, aspects: [], primary: undefined }, aspectTerms: new Set<string>() } : given;
    const inferred = !unframed.aspects.primary && wants ? WANTED[wants] : undefined;
    const reading = inferred && !pointedByWords(index.passages(item.id, unframed)) ? withAspect(unframed, inferred) : unframed;
    const wantsNumber = wants === 'number' && reading.aspects.aspects.length === 0;
    const lang = base.lang;
    const asked = reading.aspects.aspects;
    const primary = reading.aspects.primary;
    const contacts = contactsOf(snapshot, item);
    const common = { ...base, aspect: primary, item: refOf(item), related: relatedOf(snapshot, item), contacts, suggestions: [] };
    if (primary === 'contact' && item.kind !== 'organization') {
        const who = whomToCall(snapshot, index, item, reading, contacts, lang);
        // The card's own note that its sources give no phone or site leads: then whom else to ask.
        const gapNote = index
            .passages(item.id, reading)
            .find((r) => r.passage.structured && r.passage.absence && r.passage.aspects.includes('contact'));
        if (who && gapNote) {
            const note = toFact(item, gapNote, lang);
            return {
                ...common,
                status: 'not-held',
                confident: true,
                text: `${itemSentence(nameOf(item, lang), [note.text], lang)}${sentenceGap(lang)}${who.text}`,
                facts: [note, ...who.facts],
            };
        }
        if (who) return { ...common, status: 'answered', confident: true, ...who };
    }

    const all = index.passages(item.id, reading).filter((r) => r.passage.structured);
    const ranked = all.filter((r) => r.score > 0);
    // A passage holding the aspect only by a cue (a year for "when") answers only when it also holds the question's words.
    const holdingOf = (aspect: Aspect) =>
        dropOverview(ranked.filter((r) => r.passage.aspects.includes(aspect) && (r.overlap > 0 || !r.passage.cued.includes(aspect))));
    const holding = primary ? numberFirst(holdingOf(primary), primary) : [];
    let chosen = choose(holding);
    // "各担多少" wants a number: when no passage for the aspect states one, the card's note that it lacks it answers,
    // not a passage that speaks of the aspect in general ("政府+银行+担保分担风险").
    const gapNote = holding.find((r) => r.passage.absence);
    if (wants === 'number' && primary && NUMERIC.has(primary) && gapNote && !holding.some((r) => !r.passage.absence && hasNumber(r)))
        chosen = [gapNote];
    // The best reading is the card saying it lacks the fact: that is the answer, not a lesser passage beside it.
    if (chosen[0]?.passage.absence) chosen = chosen.filter((r) => r.passage.absence);
    /** When set, each fact is shown under the label of the aspect it was chosen for. */
    let labels: Aspect[] | undefined;
    /** The card's own note that it lacks the fact leads, a passage the question's words point to follows. */
    let absentFirst = false;
    let gap: Aspect | undefined;
    if (primary && chosen.length === 0) {
        // The card holds nothing for the aspect read, not even a note of its absence: a neighbour it does hold, named as such, then the gap.
        // A neighbour scores nothing for the words of the aspect asked: every passage of the card is looked at.
        // Another aspect the question asks that the card does hold comes before a neighbour ("要自己去申请吗？要准备哪些材料？").
        const alsoAsked = asked
            .slice(1)
            .filter((a) => a.aspect !== 'what-is')
            .flatMap((a) =>
                holdingOf(a.aspect)
                    .filter((r) => !r.passage.absence)
                    .slice(0, 1),
            );
        const near =
            alsoAsked.length > 0
                ? alsoAsked
                : (NEIGHBOURS[primary] ?? []).flatMap((a) =>
                      all.filter((r) => !r.passage.absence && r.passage.typed && r.passage.aspects[0] === a).slice(0, 1),
                  );
        if (near.length > 0) {
            chosen = [near[0]!];
            labels = [near[0]!.passage.aspects[0]!];
            gap = primary;
        }
    } else if (primary && asked[1] && asked[1].score >= asked[0]!.score * CLOSE_READING) {
        // Two readings close together ("哪家保险公司承保，损失怎么分担"): the best of each, each with its label.
        const other = holdingOf(asked[1].aspect).find((r) => !r.passage.absence && !chosen.includes(r));
        if (other) {
            chosen = [chosen[0]!, other];
            labels = [primary, asked[1].aspect];
        }
    }
    if (primary && !gap) {
        // The aspect word is one signal, not a gate: a passage that holds most of the question's other words,
        // where the one chosen for the aspect holds none of them or only says the fact is missing, comes first
        // ("信贷风险补偿…最新一轮安排了多少钱": the round's 10亿元, not "no amount limit").
        const words = ranked.find((r) => !r.passage.absence && r.share >= MIN_SHARE && !chosen.includes(r));
        const weak = !chosen[0] || chosen[0].passage.absence || chosen[0].overlap === 0;
        // It must hold words of the question besides the aspect's ("最新一轮安排"), not only the aspect's own.
        if (words && weak && words.plain >= MIN_OVERLAP / 2) {
            const nearby = words.passage.aspects[0] ?? primary;
            if (!chosen[0]) {
                // Nothing on the card for the aspect: say so first, then the passage the words point to.
                chosen = [words];
                labels = [nearby];
                gap = primary;
            } else if (chosen[0].passage.absence) {
                // The card says it lacks the fact: that stays the answer, the passage the words point to follows.
                absentFirst = true;
                labels = [...chosen.map(() => primary), nearby].slice(0, MAX_FACTS);
                chosen = [...chosen, words].slice(0, MAX_FACTS);
                if (!chosen.includes(words)) absentFirst = false;
            } else {
                labels = [nearby, ...(labels ?? chosen.map(() => primary))];
                chosen = [words, ...chosen].slice(0, MAX_FACTS);
                labels = labels.slice(0, chosen.length);
            }
        }
    }
    if (!primary) {
        // No aspect asked ("科技微贷通?"): the passages matching the question's words, else the summary. A note that
        // the card lacks some fact answers no question that did not ask for that fact.
        // A passage holding much of the question's words, or most of a short question's, beats the summary.
        const fallback = ranked.filter(byWords);
        // "能补多少": among the passages the words point to, one stating a number first; with none, a passage holding some
        // of the words and a number, else the summary.
        const numbered = wantsNumber && fallback.length === 0 ? ranked.filter((r) => r.overlap > 0 && !r.passage.absence && hasNumber(r)) : [];
        const pointed = wantsNumber ? numberFirst(fallback, 'figures') : fallback;
        chosen = choose(
            pointed.length > 0 ? pointed : numbered.length > 0 ? numbered : index.passages(item.id).filter((r) => r.passage.field === 'summary'),
        );
    }
    // A year the question names bounds it: "2021年放了多少" is answered by what the card says of 2021, not by a
    // passage of another year or a note that no general limit is published.
    const asks = yearsIn(base.question);
    // A year carried from the last question ("那X呢") is asked of the whole card: this question has no words of its own.
    const dated = gap
        ? undefined
        : asks.length > 0
          ? ofYearAsked(ranked, chosen[0], asks, primary)
          : hints.year
            ? ofYearAsked(all, chosen[0], [hints.year], primary)
            : undefined;
    if (dated) {
        if (labels) labels = [dated.passage.aspects[0] ?? primary ?? 'what-is', ...labels.filter((_, i) => chosen[i] !== dated)];
        chosen = [dated, ...chosen.filter((r) => r !== dated)].slice(0, MAX_FACTS);
        if (labels) labels = labels.slice(0, chosen.length);
        absentFirst = false;
    }
    // The passage stating the date or number asked next to the question's words leads, whatever field it sits in
    // ("什么时候上线": "平台于2020年5月上线" of the how-to-apply entry).
    // A card with no passage of the aspect read may still state the date asked next to the question's words ("when did
    // it open?": "Opened in May 2020" of its how-to-apply entry): that answers, not the gap. A number is another matter:
    // "多久能到账" is not answered by an amount lent next to 放款.
    const near = gap && wants !== 'date' ? undefined : statedNear(ranked, gap ? undefined : chosen[0], wants, reading, item);
    if (near) absentFirst = false;
    if (near && gap) [chosen, labels, gap] = [[near], undefined, undefined];
    else if (near) {
        if (labels) labels = [near.passage.aspects[0] ?? primary ?? 'what-is', ...labels.filter((_, i) => chosen[i] !== near)];
        chosen = [near, ...chosen.filter((r) => r !== near)].slice(0, MAX_FACTS);
        if (labels) labels = labels.slice(0, chosen.length);
    }
    // The passage that made this card the answer leads, unless a passage chosen holds as much of the question.
    const lead = hints.lead && ranked.find((r) => r.passage === hints.lead!.passage);
    if (lead && chosen[0] !== lead && (chosen[0]?.coverage ?? 0) < lead.coverage) {
        if (labels) labels = [lead.passage.aspects[0] ?? primary ?? 'what-is', ...labels.filter((_, i) => chosen[i] !== lead)];
        chosen = [lead, ...chosen.filter((r) => r !== lead)].slice(0, MAX_FACTS);
        if (labels) labels = labels.slice(0, chosen.length);
        [gap, absentFirst] = [undefined, false];
    }
    const facts = chosen.map((r) => toFact(item, r, lang));
    const factText = (f: AnswerFact, i: number) => {
        // The card's own words may already say it ("（转载来源，未经确认）"): the mark is not said twice.
        const mark = f.status === 'current' ? '' : labelOf(f.status, lang);
        const t = mark && f.text.includes(mark.replace(/^[\s（(]+|[）)\s]+$/g, '')) ? f.text : `${f.text}${mark}`;
        return labels?.[i] ? aspectFact(labels[i]!, t, lang) : t;
    };

    if (gap) {
        // Not held, said first; then what the card holds nearby, under its own label ("期限：…").
        const text = `${notHeldSentence(nameOf(item, lang), gap, lang)}${sentenceGap(lang)}${facts.map(factText).join(sentenceGap(lang))}`;
        return { ...common, status: 'not-held', confident: false, text, facts };
    }
    if (facts.length > 0 && facts.some((f) => !f.absence) && !absentFirst) {
        const text = itemSentence(nameOf(item, lang), facts.map(factText), lang);
        // "最长能借几年": the card speaks of the term ("鼓励发放中长期贷款") but no passage of it states a number: say so.
        const figureless = wants === 'number' && primary && NUMERIC.has(primary) && !holding.some(hasNumber) && !chosen.some(hasNumber);
        const said = figureless ? `${text}${sentenceGap(lang)}${noFigureNote(primary, lang)}` : text;
        return { ...common, status: 'answered', confident: true, text: said, facts };
    }
    // The card speaks to the aspect only to say its sources lack it: say so, and whom to ask.
    const stated = facts.length > 0;
    const said = stated ? itemSentence(nameOf(item, lang), facts.map(factText), lang) : notHeldSentence(nameOf(item, lang), primary, lang);
    return {
        ...common,
        status: 'not-held',
        confident: stated,
        text: withWhomToAsk(
            said,
            contacts.map((c) => c.title[lang]),
            lang,
        ),
        facts,
    };
}

/** A passage the question's words point to, with no aspect read: much of them, or a good share of a short question's. */
const byWords = (r: RankedPassage) =>
    r.score > 0 && r.passage.structured && !r.passage.absence && (r.overlap >= MIN_OVERLAP || (r.share >= ASKED_SHARE && r.plain >= MIN_PLAIN));
const pointedByWords = (ranked: readonly RankedPassage[]) => ranked.some(byWords);

/** A passage stating a number first, when the aspect asks for one and it scores near the best. */
function numberFirst(ranked: readonly RankedPassage[], aspect: Aspect): readonly RankedPassage[] {
    const best = ranked[0];
    if (!best || !NUMERIC.has(aspect) || hasNumber(best)) return ranked;
    const withNumber = ranked.find((r) => hasNumber(r) && !r.passage.absence && r.score >= best.score * SCORE_SHARE);
    return withNumber ? [withNumber, ...ranked.filter((r) => r !== withNumber)] : ranked;
}

/** What states a date or a number in a passage's text (normalized). */
const STATED: Readonly<Partial<Record<Wanted, RegExp>>> = {
    date: new RegExp(
        [
            /(?:19|20)\d{2}\s*年|\b(?:19|20)\d{2}\b|\d{1,2}\s*月\s*\d{1,2}\s*日/.source,
            /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/.source,
        ].join('|'),
        'g',
    ),
    number: /\d[\d.,]*\s*(?:%|％|亿|万|家|户|个|倍|元|billion|million|trillion|bn)|百分之|[一二三四五六七八九十百千]+(?:家|户|倍)/g,
};
/** A date or number this close (in characters) to one of the question's words is what the question asks of them. */
const NEAR = 12;
/** …and such a passage comes first when it holds at least this share of the words the one chosen holds. */
const NEAR_SHARE = 0.5;
/** Query terms of at least this weight are the question's own words (synonyms weigh 0.6, told words a tenth of theirs). */
const ASKED_WEIGHT = 0.5;

/**
 * The passage that states what the question word asks for next to the
 * question's own words, when the one chosen does not: "什么时候上线" is
 * answered by "2020年5月上线", not by a passage that is merely dated and
 * says 上线 elsewhere. It must hold as much of the question's words as the
 * one chosen, nearly.
 */
function statedNear(
    ranked: readonly RankedPassage[],
    lead: RankedPassage | undefined,
    wants: Wanted | undefined,
    reading: QueryReading,
    item: KnowledgeItem,
): RankedPassage | undefined {
    const pattern = wants ? STATED[wants] : undefined;
    if (!pattern) return undefined;
    const names = [item.name, ...item.aliases.zh, item.name_en, ...item.aliases.en].map((n) => normalize(n));
    // The words of the clauses that ask (a word that only tells about the firm weighs less: see askedIn).
    const words = [...reading.terms]
        .filter(([, weight]) => weight >= ASKED_WEIGHT)
        .map(([t]) => t.replace(/_/g, ' '))
        .filter((t) => (/\p{Script=Han}/u.test(t) ? t.length >= 2 : t.length >= 3) && !/^\d+$/.test(t) && !names.some((n) => n.includes(t)));
    if (words.length === 0) return undefined;
    const near = (r: RankedPassage) => {
        const text = normalize(`${r.passage.text.zh ?? ''}\n${r.passage.text.en ?? ''}`);
        for (const m of text.matchAll(pattern)) {
            const around = text.slice(Math.max(0, m.index - NEAR), m.index + m[0].length + NEAR);
            if (words.some((w) => around.includes(w))) return true;
        }
        return false;
    };
    // The card saying it lacks the fact asked stays the answer.
    if (lead && (lead.passage.absence || near(lead))) return undefined;
    return ranked.find((r) => r.overlap > 0 && r.overlap >= (lead?.overlap ?? 0) * NEAR_SHARE && r.passage.structured && near(r));
}

const YEAR_ASKED = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/** The years a question names ("2021年", "in 2022"), each once. */
export function yearsIn(text: string): string[] {
    return [...new Set(text.match(YEAR_ASKED) ?? [])];
}

/** What the question says beyond its words, for choosing passages. */
interface Hints {
    /** The kind of answer the question word asks for. */
    readonly wants?: Wanted;
    /** A year carried from the last question. */
    readonly year?: string;
    /** The passage that holds most of the question's words among the likely cards: it leads (see `evidenceFor`). */
    readonly lead?: RankedPassage;
}
const passageText = (r: RankedPassage) => `${r.passage.text.zh ?? ''}\n${r.passage.text.en ?? ''}`;

/**
 * The passage stating a year the question names, when the one chosen does
 * not: it must hold some of the question's words, and the aspect asked or
 * a neighbour of it (a year's amount is among the figures).
 */
function ofYearAsked(
    ranked: readonly RankedPassage[],
    lead: RankedPassage | undefined,
    years: readonly string[],
    primary: Aspect | undefined,
): RankedPassage | undefined {
    if (years.length === 0) return undefined;
    const states = (r: RankedPassage) => years.some((y) => passageText(r).includes(y));
    if (lead && states(lead)) return undefined;
    const fits = (r: RankedPassage) =>
        !primary || r.passage.aspects.includes(primary) || (NEIGHBOURS[primary] ?? []).some((a) => r.passage.aspects.includes(a));
    return ranked.find((r) => r.passage.structured && !r.passage.absence && states(r) && fits(r));
}

/** A phone number as the cards write one: eight digits or more, an area code and a dash allowed (021-23116237, 23116237). */
const PHONE = /(?<!\d)(?:0\d{2,3}[-\s]?)?\d{8}(?!\d)|(?<!\d)400[-\s]?\d{3}[-\s]?\d{4}(?!\d)/;
const hasNumber = (r: RankedPassage) => /\d/.test(r.passage.text.zh ?? r.passage.text.en ?? '');

/**
 * Whom to call about an item: where to apply (its best how-to-apply entry
 * for the question), then each of its organizations with its phones, each
 * fact citing its own card. Undefined when the item names no organization
 * and no way to apply: then the gap is said as for any aspect.
 */
function whomToCall(
    snapshot: KnowledgeSnapshot,
    index: KnowledgeIndex,
    item: KnowledgeItem,
    reading: QueryReading,
    contacts: readonly ContactRef[],
    lang: Lang,
): Pick<Answer, 'text' | 'facts'> | undefined {
    const facts: AnswerFact[] = [];
    // The card's own word on whom to call, with a phone number in it ("答复所列联系人为蓝晟……23116237"), comes first;
    // else where to apply.
    const stated = index
        .passages(item.id, reading)
        .find(
            (r) => r.passage.aspects.includes('contact') && r.passage.structured && !r.passage.absence && r.overlap > 0 && PHONE.test(passageText(r)),
        );
    const channel =
        stated ??
        index
            .passages(item.id, {
                ...reading,
                aspects: { ...reading.aspects, aspects: [{ aspect: 'how-to-apply', score: 1 }], primary: 'how-to-apply' },
            })
            .find((r) => r.passage.aspects.includes('how-to-apply') && r.passage.structured && !r.passage.absence);
    if (channel) facts.push(toFact(item, channel, lang));
    const own = index.passages(item.id).filter((r) => r.passage.field.startsWith('phones.') || r.passage.field === 'website');
    facts.push(...own.map((r) => toFact(item, r, lang)));
    const sentences: string[] = [];
    for (const c of contacts) {
        const org = snapshot.items.get(c.id);
        if (!org) continue;
        const details = index
            .passages(org.id)
            .filter(
                (r) =>
                    r.passage.field.startsWith('phones.') ||
                    (c.phones.length === 0 && (r.passage.field === 'website' || r.passage.field === 'address')),
            );
        const orgFacts = details.map((r) => toFact(org, r, lang));
        facts.push(...orgFacts);
        sentences.push(
            contactSentence(
                c.title[lang],
                orgFacts.map((f) => f.text),
                lang,
            ),
        );
    }
    if (facts.length === 0) return undefined;
    const lead = [channel ? toFact(item, channel, lang).text : '', ...own.map((r) => toFact(item, r, lang).text)].filter((t) => t.length > 0);
    // Where to apply first, then whom to call.
    const text = [itemSentence(nameOf(item, lang), lead, lang), ...(sentences.length > 0 ? [contactsSentence(sentences, lang)] : [])].join(
        sentenceGap(lang),
    );
    return { text, facts };
}

/** Fields that say what an item is in general: they answer "what is it" only when no other passage holding the aspect matches the question's words. */
const OVERVIEW_FIELDS: ReadonlySet<string> = new Set(['summary', 'role', 'document']);

function dropOverview(holding: readonly RankedPassage[]): readonly RankedPassage[] {
    const overview = (r: RankedPassage) => OVERVIEW_FIELDS.has(r.passage.field);
    return holding.some((r) => !overview(r) && r.overlap > 0) ? holding.filter((r) => !overview(r)) : holding;
}

/** The best passages: the top one, then those close to it, within the budget. */
function choose(ranked: readonly RankedPassage[]): RankedPassage[] {
    const best = ranked[0];
    if (!best) return [];
    const out = [best];
    let length = textLength(best);
    for (const r of ranked.slice(1)) {
        if (out.length >= MAX_FACTS || length >= TEXT_BUDGET) break;
        if (r.score < best.score * SCORE_SHARE) break;
        out.push(r);
        length += textLength(r);
    }
    return out;
}

const textLength = (r: RankedPassage) => (r.passage.text.zh ?? r.passage.text.en ?? '').length;

function toFact(item: KnowledgeItem, r: RankedPassage, lang: Lang): AnswerFact {
    const p = r.passage;
    const keys = new Set(p.sources);
    return {
        text: p.text[lang] ?? p.text[lang === 'zh' ? 'en' : 'zh'] ?? '',
        item: item.id,
        field: p.field,
        aspects: p.aspects,
        sources: item.sources.filter((s: Source) => keys.has(s.key)),
        status: p.status,
        absence: p.absence,
    };
}

/** What an item is, in its summary's first clause: a comparison's rows must come within the first screen. */
function firstClause(summary: string, lang: Lang): string {
    const m = /^[^。；;!?！？]{12,}?[。；;!?！？](?=.)|^[^.]{24,}?\.\s/.exec(summary);
    // The card's own clause, ended as a sentence of its language ("firms;" → "firms.", not "firms。").
    return m ? m[0].trim().replace(/[；;]$/, fullStop(lang).trim()) : summary;
}

/** The name an answer opens with: short, since the answer must come within the first lines. */
function nameOf(item: Pick<KnowledgeItem, 'name' | 'name_en'>, lang: Lang): string {
    return lang === 'zh' ? item.name : item.name_en;
}

export function refOf(item: KnowledgeItem): ItemRef {
    return { id: item.id, kind: item.kind, title: { zh: item.name, en: item.name_en } };
}

function contactRef(o: OrganizationItem): ContactRef {
    return { ...refOf(o), phones: o.phones.map((p) => ({ value: p.value, ...(p.label ? { label: p.label } : {}), sources: p.sources })) };
}

/** Whom to ask about an item: its contacts; an organization is its own contact. */
function contactsOf(snapshot: KnowledgeSnapshot, item: KnowledgeItem): ContactRef[] {
    if (item.kind === 'organization') return [contactRef(item)];
    const ids = 'contacts' in item ? item.contacts : [];
    return ids
        .map((id) => snapshot.items.get(id))
        .filter((o): o is OrganizationItem => o?.kind === 'organization')
        .map(contactRef);
}

/** Related offerings and policies worth following up, policies first (a loan's premium subsidy). */
function relatedOf(snapshot: KnowledgeSnapshot, item: KnowledgeItem): ItemRef[] {
    const rank = (i: KnowledgeItem) => (i.kind === 'policy' ? 0 : 1);
    return item.related
        .map((id) => snapshot.items.get(id))
        .filter((i): i is KnowledgeItem => i !== undefined && i.kind !== 'organization' && i.kind !== 'document')
        .sort((a, b) => rank(a) - rank(b))
        .slice(0, MAX_RELATED)
        .map(refOf);
}

const generalCache = new WeakMap<KnowledgeSnapshot, ContactRef[]>();

/** The organizations most offerings name as contacts: whom to ask when nothing answers. */
export function generalContacts(snapshot: KnowledgeSnapshot): ContactRef[] {
    let found = generalCache.get(snapshot);
    if (!found) {
        const counts = new Map<string, number>();
        for (const item of snapshot.items.values()) if ('contacts' in item) for (const id of item.contacts) counts.set(id, (counts.get(id) ?? 0) + 1);
        found = [...counts]
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .map(([id]) => snapshot.items.get(id))
            .filter((o): o is OrganizationItem => o?.kind === 'organization')
            .slice(0, GENERAL_CONTACTS)
            .map(contactRef);
        generalCache.set(snapshot, found);
    }
    return found;
}

type Base = Pick<Answer, 'question' | 'lang' | 'aspects' | 'search'>;

function unknown(snapshot: KnowledgeSnapshot, base: Base): Answer {
    const lang = base.lang;
    const suggestions = base.search.results
        .slice(0, MAX_SUGGESTIONS)
        .map((r) => snapshot.items.get(r.id))
        .filter((i): i is KnowledgeItem => i !== undefined)
        .map(refOf);
    const contacts = generalContacts(snapshot);
    const text = withWhomToAsk(
        unknownSentence(
            suggestions.map((s) => s.title[lang]),
            lang,
        ),
        contacts.map((c) => c.title[lang]),
        lang,
    );
    return { ...base, aspect: base.aspects[0], status: 'unknown', confident: false, text, facts: [], related: [], contacts, suggestions };
}

/**
 * A bare aspect with nothing named or in focus ("利率多少"): which item is
 * meant? The likely ones are the search's, then other offerings, that hold
 * the aspect.
 */
function clarify(snapshot: KnowledgeSnapshot, index: KnowledgeIndex, aspect: Aspect, base: Base): Answer {
    const lang = base.lang;
    const holds = (id: string) => index.passages(id).some((r) => r.passage.typed && r.passage.aspects[0] === aspect && !r.passage.absence);
    const ids = [...base.search.results.map((r) => r.id), ...[...snapshot.items.values()].filter(comparable).map((i) => i.id)];
    const candidates: ItemRef[] = [];
    let looked = 0;
    for (const id of new Set(ids)) {
        if (candidates.length >= MAX_CANDIDATES || looked++ >= 24) break;
        const item = snapshot.items.get(id);
        if (item && comparable(item) && holds(id)) candidates.push(refOf(item));
    }
    const text = clarifySentence(
        aspect,
        candidates.map((c) => c.title[lang]),
        lang,
    );
    return {
        ...base,
        aspect,
        status: 'unknown',
        confident: false,
        text,
        facts: [],
        related: [],
        contacts: [],
        suggestions: candidates,
        clarify: { aspect },
    };
}

/** The aspects a comparison shows, in this order, when both items hold them. */
const COMPARED: readonly Aspect[] = ['eligibility', 'amount', 'term', 'rate', 'fee', 'subsidy', 'risk-sharing', 'partner-banks', 'how-to-apply'];

function compare(
    snapshot: KnowledgeSnapshot,
    index: KnowledgeIndex,
    reading: QueryReading,
    left: KnowledgeItem,
    right: KnowledgeItem,
    base: Base,
): Answer {
    const lang = base.lang;
    const factsOf = (item: KnowledgeItem, aspect: Aspect) =>
        index
            .passages(item.id, reading)
            .filter((r) => r.passage.typed && r.passage.aspects[0] === aspect)
            .slice(0, 1)
            .map((r) => toFact(item, r, lang));
    const asked = reading.aspects.aspects.map((a) => a.aspect).filter((a) => COMPARED.includes(a));
    const rows: ComparisonRow[] = (asked.length > 0 ? asked : COMPARED)
        .map((aspect) => ({ aspect, left: factsOf(left, aspect), right: factsOf(right, aspect) }))
        .filter((r) => r.left.length > 0 && r.right.length > 0);
    // The aspect asked, side by side, leads; without one, what each item is.
    const lead = asked[0];
    const side = (item: KnowledgeItem, facts: readonly AnswerFact[]) =>
        lead
            ? facts.length > 0
                ? itemSentence(
                      nameOf(item, lang),
                      facts.map((f) => f.text),
                      lang,
                  )
                : notHeldSentence(nameOf(item, lang), lead, lang)
            : itemSentence(nameOf(item, lang), [firstClause(item.summary[lang], lang)], lang);
    const leadLeft = lead ? factsOf(left, lead) : [];
    const leadRight = lead ? factsOf(right, lead) : [];
    const text = [side(left, leadLeft), side(right, leadRight)].join(sentenceGap(lang));
    const facts = [...leadLeft, ...leadRight, ...rows.filter((r) => r.aspect !== lead).flatMap((r) => [...r.left, ...r.right])];
    const contacts = [...contactsOf(snapshot, left), ...contactsOf(snapshot, right)].filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i);
    return {
        ...base,
        aspect: 'comparison',
        status: 'comparison',
        confident: true,
        text,
        facts,
        item: refOf(left),
        related: [refOf(right)],
        contacts,
        suggestions: [],
        comparison: { items: [refOf(left), refOf(right)], rows },
    };
}
