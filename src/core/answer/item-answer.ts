/**
 * The answer about one item (`answerItem`). Its card's passages come ranked
 * by all the question's words, the aspect asked one signal among them
 * (search/passage-rank.ts); here they are chosen: those holding the aspect,
 * one stating a number first where a number is asked (`numberFirst`), a
 * neighbouring aspect when the card holds none (`NEIGHBOURS`), the passage
 * holding most of the question's other words when the aspect's says
 * nothing of them, the passage of a year asked (`ofYearAsked`), the date or
 * number stated next to the question's words (`statedNear`), the passage
 * that made the card the subject; then worded, the gap said where the card
 * lacks the fact. Whom to call is answered in whom-to-call.ts.
 */
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import type { KnowledgeItem } from '../knowledge/schema.ts';
import type { KnowledgeIndex, QueryReading, RankedPassage } from '../search/index.ts';
import { termPattern, termSaid } from '../search/stem.ts';
import { normalize } from '../search/tokenize.ts';
import type { Aspect, Lang } from '../vocabulary.ts';
import {
    aspectFact,
    noFigureNote,
    noInsurerSentence,
    itemSentence,
    notGivenLead,
    notHeldSentence,
    withWhomToAsk,
    yearNotHeldSentence,
} from '../words/answer.ts';
import { LABELS, labelOf, sentenceGap } from '../words/labels.ts';
import { labelledValue } from '../words/passages.ts';
import { nameOf, passageText, toFact } from './facts.ts';
import { asksInsurer, asksOrigin, DAY_STATED, doerOf, INSURER_STATED, MONEY_STATED, yearPattern, yearsIn, type Wanted } from './reading.ts';
import { askingClauses, ofAnotherDocument, withAspect } from './subject.ts';
import type { Answer, AnswerFact, Base } from './types.ts';
import { contactsOf, refOf, relatedOf, whomToCall } from './whom-to-call.ts';

/** Facts in a direct answer: at most this many, and no more once the text is this long. */
const MAX_FACTS = 3;
/** …and of the conditions read together (see `listed`), within the same text budget. */
const MAX_LISTED = 4;
const TEXT_BUDGET = 200;
/** A passage without the aspect asked still answers when it holds this much of the question's words. */
const MIN_OVERLAP = 3;
/** …or this share of them, in a short question ("履约贷的承保方"). */
const MIN_SHARE = 0.5;
/**
 * With no aspect read, a passage holding this share of the question's words (and some beside aspect words) answers it.
 * Lowered from 0.4 on the dev questions: the summary answered questions whose words a passage held
 * a third of ("沪科专贷主要都贷给高企了吗": its conditions, where 九成以上 of borrowers are high-tech enterprises).
 */
const ASKED_SHARE = 0.3;
/** …and this share, for the words to point to a passage of their own rather than the aspect a question word wants. */
const POINTED_SHARE = 0.4;
const MIN_PLAIN = 0.5;
/**
 * A second or third fact must score at least this share of the best. At 0.75 a passage scoring two thirds of the best
 * (the note that the 2024–2025 round has passed, beside its repayment window) was left off a first screen that had
 * room for it; 0.5 to 0.67 measured alike on the dev questions, 0.6 best. Answers grew by 18 characters on average.
 */
const SCORE_SHARE = 0.6;
/** A passage stating the number or date asked goes before a best that states none when it scores this share of it. */
const STATING_SHARE = 0.75;
/** A second aspect asked at least this share of the first is a reading of its own: both are shown. */
const CLOSE_READING = 0.6;

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
export const WANTED: Readonly<Partial<Record<Wanted, Aspect>>> = {
    date: 'history',
    place: 'how-to-apply',
    fit: 'eligibility',
    act: 'how-to-apply',
    // The body that launched, reviews or runs an item is named where the card says how to apply.
    agent: 'how-to-apply',
    apply: 'application',
};

/** The reading without one aspect asked; the next one asked becomes the primary. */
function withoutAspect(reading: QueryReading, aspect: Aspect): QueryReading {
    const aspects = reading.aspects.aspects.filter((a) => a.aspect !== aspect);
    return { ...reading, aspects: { ...reading.aspects, aspects, primary: aspects[0]?.aspect } };
}

/**
 * "Do we apply for it ourselves?" asks whether the firm applies at all (the card's `application`: 面向银行，企业不申请),
 * not the steps: "apply" reads as how to apply, which comes second.
 */
function whetherToApply(reading: QueryReading, wants: Wanted | undefined): QueryReading {
    const { aspects } = reading.aspects;
    if (wants !== 'apply' || aspects[0]?.aspect !== 'how-to-apply') return reading;
    const first = { aspect: 'application' as const, score: aspects[0].score };
    return {
        ...reading,
        aspects: { ...reading.aspects, aspects: [first, ...aspects.filter((a) => a.aspect !== 'application')], primary: 'application' },
    };
}

/**
 * A passage holding this many times the question's words that the passage chosen for the aspect holds comes first: the
 * aspect word was one word of the question, the rest point elsewhere ("who supplies the list of eligible firms to the
 * banks": the passage on the list, not the conditions).
 */
const WORDS_OVER_ASPECT = 3;

/** Aspects whose answer is a number, a date or a percentage: a passage stating one comes first. */
const NUMERIC: ReadonlySet<Aspect> = new Set(['amount', 'term', 'rate', 'fee', 'subsidy', 'risk-sharing', 'processing-time', 'figures']);

/** What the question says beyond its words, for choosing passages. */
export interface Hints {
    /** The kind of answer the question word asks for. */
    readonly wants?: Wanted;
    /** A year carried from the last question. */
    readonly year?: string;
    /** The years the question asks of, not those it tells of the firm (`subject.ts` `yearsAsked`); else its years. */
    readonly years?: readonly string[];
    /** How a passage states a number in the unit the question asks ("多少家"; see reading.ts UNITS). */
    readonly unit?: RegExp;
    /** The passage that holds most of the question's words among the likely cards: it leads (see `evidenceFor`). */
    readonly lead?: RankedPassage;
    /** The lead is the passage that answered the last question, asked again of another scope it names: it leads whatever else holds the question. */
    readonly again?: boolean;
}

/**
 * `wants`: the kind of answer the question word asks for (a number, a
 * date, a place, whether one qualifies), if any. With no aspect read, it
 * gives the aspect only when the question's words point to no passage of
 * their own: the words are the better reading.
 */
export function answerItem(
    snapshot: KnowledgeSnapshot,
    index: KnowledgeIndex,
    item: KnowledgeItem,
    given: QueryReading,
    base: Base,
    hints: Hints = {},
): Answer {
    const wants = hints.wants;
    // "想了解一下…多少": asking how much or when is not asking what the item is.
    const framed =
        given.aspects.primary === 'what-is' &&
        given.aspects.aspects.length === 1 &&
        (wants === 'number' || wants === 'date' || wants === 'agent' || wants === 'document');
    // "Which document set up the pilot?": the document it rests on, not the papers to bring that the word reads as. Read
    // from "document" alone, how to apply is that word misread too ("which policy document governs it").
    const papers = wants === 'document' && given.aspects.aspects.some((a) => a.aspect === 'documents');
    const misread = wants === 'document' && given.aspects.words.length > 0 && given.aspects.words.every((w) => DOCUMENT_WORD.test(w));
    const unframed =
        framed || misread
            ? { ...given, aspects: { ...given.aspects, aspects: [], primary: undefined }, aspectTerms: new Set<string>() }
            : papers
              ? withoutAspect(given, 'documents')
              : whetherToApply(given, wants);
    const inferred = !unframed.aspects.primary && wants ? WANTED[wants] : undefined;
    const reading = inferred && !pointedByWords(index.passages(item.id, unframed)) ? withAspect(unframed, inferred) : unframed;
    const wantsNumber = wants === 'number' && reading.aspects.aspects.length === 0;
    const lang = base.lang;
    const asked = reading.aspects.aspects;
    const primary = reading.aspects.primary;
    const contacts = contactsOf(snapshot, item);
    const common = { ...base, aspect: primary, item: refOf(item), related: relatedOf(snapshot, item), contacts, suggestions: [] };
    // An insurer asked of a card that names none ("沪科专贷的保险公司是哪家", "它的保险公司是哪家" of a loan a guarantor
    // backs): said first, then how the card says the risk is borne, if it does; never its summary as if it answered.
    if (asksInsurer(base.question) && !index.passages(item.id, reading).some((r) => states(r, INSURER_STATED))) {
        const sharing = index
            .passages(item.id, withAspect(reading, 'risk-sharing'))
            .filter((r) => r.passage.structured && !r.passage.absence && r.passage.aspects[0] === 'risk-sharing');
        // The card's own risk-sharing field (who bears what) before a sentence that only counts the item among such loans.
        const borne = sharing.find((r) => r.passage.typed) ?? sharing[0];
        const facts = borne ? [toFact(item, borne, lang)] : [];
        const said = noInsurerSentence(nameOf(item, lang), lang);
        const text = facts.length > 0 ? `${said}${sentenceGap(lang)}${facts[0]!.text}` : said;
        return { ...common, aspect: 'risk-sharing', status: 'not-held', confident: true, text, facts };
    }
    if (primary === 'contact' && item.kind !== 'organization') {
        const who = whomToCall(snapshot, index, item, reading, contacts, lang);
        // The card's own note that its sources give no phone or site leads: then whom else to ask.
        const gapNote = index
            .passages(item.id, reading)
            .find((r) => r.passage.structured && r.passage.absence && (r.passage.absentOf ?? r.passage.aspects).includes('contact'));
        if (who && gapNote) {
            const note = toFact(item, gapNote, lang);
            return {
                ...common,
                status: 'not-held',
                confident: true,
                // A field of another aspect noting the gap says it last ("Opened in May 2020, … but the sources give neither
                // the number nor a web address"): the gap is said first, in kejin's words. A note of its own says it first.
                text: `${
                    gapNote.passage.typed
                        ? `${notGivenLead(nameOf(item, lang), 'contact', lang)}${sentenceGap(lang)}${note.text}`
                        : itemSentence(nameOf(item, lang), [note.text], lang)
                }${sentenceGap(lang)}${who.text}`,
                facts: [note, ...who.facts],
            };
        }
        if (who) return { ...common, status: 'answered', confident: true, ...who };
    }

    // A passage citing another document than the one the question names by its number answers nothing of it, whatever
    // words it shares ("沪科提复〔2024〕85号回复的是谁的提案": not the reply a year later, 〔2025〕42号).
    const another = ofAnotherDocument(base.question, item);
    const all = index.passages(item.id, reading).filter((r) => r.passage.structured && !another?.(r));
    const ranked = all.filter((r) => r.score > 0);
    // A passage holding the aspect only by a cue (a year for "when") answers only when it also holds the question's words,
    // or states a number in the unit asked ("how many banks": 近百家).
    const inUnit = (r: RankedPassage) => hints.unit !== undefined && statesIn(r, hints.unit);
    // A note of absence holds an aspect only when it is that aspect it says is not given.
    const noted = (r: RankedPassage, aspect: Aspect | undefined) =>
        !r.passage.absence || aspect === undefined || (r.passage.absentOf ?? r.passage.aspects).includes(aspect);
    const holdingOf = (aspect: Aspect) =>
        dropOverview(
            ranked.filter(
                (r) => r.passage.aspects.includes(aspect) && noted(r, aspect) && (r.overlap > 0 || !r.passage.cued.includes(aspect) || inUnit(r)),
            ),
        );
    const holding = primary ? dateFirst(numberFirst(holdingOf(primary), primary, hints.unit), wants) : [];
    // The conditions are read together: asked with no word that points to one of them ("申请条件有哪些", "会影响我们申请
    // 吗"), each condition the card lists is shown, in its order, as far as the budget goes, not only those scoring near
    // the first (the negative list after who may apply).
    const listed = primary === 'eligibility' && holding.every((r) => r.plain === 0);
    let chosen = choose(holding, listed, hints.unit ? inUnit : undefined);
    // "各担多少" wants a number: when no passage for the aspect states one, the card's note that it lacks it answers,
    // not a passage that speaks of the aspect in general ("政府+银行+担保分担风险").
    const gapNote = holding.find((r) => r.passage.absence);
    const figureGap = wants === 'number' && primary && NUMERIC.has(primary) && gapNote && !holding.some((r) => !r.passage.absence && hasNumber(r));
    // The best reading is the card saying it lacks the fact: that is the answer, not a lesser passage beside it. Of a
    // number the card lacks, what it says of the aspect in words follows the gap ("政府+银行+担保/保险公司" share the risk).
    if (figureGap) chosen = [gapNote, ...holding.filter((r) => !r.passage.absence).slice(0, 1)];
    else if (chosen[0]?.passage.absence) chosen = chosen.filter((r) => r.passage.absence);
    /** When set, each fact is shown under the label of the aspect it was chosen for. */
    let labels: Aspect[] | undefined;
    /** The card's own note that it lacks the fact leads, a passage the question's words point to follows. */
    let absentFirst = false;
    let gap: Aspect | undefined;
    /** The fact shown was found for a neighbour of the aspect read, the card holding nothing for the aspect itself. */
    let byNeighbour = false;
    if (primary && chosen.length === 0) {
        // The card holds nothing for the aspect read, not even a note of its absence: a neighbour it does hold, named as such, then the gap.
        // A neighbour scores nothing for the words of the aspect asked: every passage of the card is looked at.
        // Another aspect the question asks that the card does hold comes before a neighbour ("要自己去申请吗？要准备哪些材料？").
        /** A neighbour found by the aspect it holds rather than by its field is shown under that aspect. */
        const nearLabels = new Map<RankedPassage, Aspect>();
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
                : (NEIGHBOURS[primary] ?? []).flatMap((a): RankedPassage[] => {
                      const own = all.find((r) => !r.passage.absence && r.passage.typed && r.passage.aspects[0] === a);
                      // Figures sit in facts, not in a field of their own: a passage holding the neighbour and stating a
                      // number answers a number asked ("信易贷帮企业贷到多少钱了": 促成企业获贷超千亿元, not "no amount").
                      const stated =
                          NUMERIC.has(primary) && NUMERIC.has(a)
                              ? all.find((r) => !r.passage.absence && r.passage.structured && r.passage.aspects.includes(a) && hasNumber(r))
                              : undefined;
                      if (stated && !own) nearLabels.set(stated, a);
                      const found = own ?? stated;
                      return found ? [found] : [];
                  });
        if (near.length > 0) {
            chosen = [near[0]!];
            labels = [nearLabels.get(near[0]!) ?? near[0]!.passage.aspects[0]!];
            gap = primary;
            byNeighbour = true;
        }
    } else if (primary && asked[1] && asked[1].score >= asked[0]!.score * CLOSE_READING) {
        // Two readings close together ("哪家保险公司承保，损失怎么分担"): the best of each, each with its label.
        // The field of that aspect first, as for the first reading: "No fees other than interest" mentions the rate,
        // terms.rate states it.
        const others = numberFirst(
            holdingOf(asked[1].aspect).filter((r) => !r.passage.absence && !chosen.includes(r)),
            asked[1].aspect,
        );
        const other = others.find((r) => r.passage.typed && r.passage.aspects[0] === asked[1]!.aspect) ?? others[0];
        if (other) {
            chosen = [chosen[0]!, other];
            labels = [primary, asked[1].aspect];
        }
    }
    if (primary && (!gap || byNeighbour)) {
        // The aspect word is one signal, not a gate: a passage that holds most of the question's other words,
        // where the one chosen for the aspect holds none of them or only says the fact is missing, comes first
        // ("信贷风险补偿…最新一轮安排了多少钱": the round's 10亿元, not "no amount limit").
        const words = ranked.find((r) => !r.passage.absence && r.share >= MIN_SHARE && !chosen.includes(r));
        const weak =
            !chosen[0] ||
            chosen[0].passage.absence ||
            chosen[0].overlap === 0 ||
            (words !== undefined && words.overlap >= WORDS_OVER_ASPECT * chosen[0].overlap);
        // It must hold words of the question besides the aspect's ("最新一轮安排"), not only the aspect's own; a short
        // question's few words do when the passage holds every one of them and the aspect's passage none ("what's on the
        // negative list of gaoqidai": "what's" reads what the item is, the words ask for its negative list).
        const holdsAll = words !== undefined && words.share >= 1 - 1e-9 && words.plain > 0 && chosen[0] !== undefined && chosen[0].overlap === 0;
        if (words && weak && (words.plain >= MIN_OVERLAP / 2 || holdsAll)) {
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
            } else if (OVERVIEW_FIELDS.has(words.passage.field) && chosen[0].passage.typed && chosen[0].passage.aspects[0] === primary) {
                // The overview holds the question's words because it speaks of everything ("risk-sharing products"): the
                // field of the aspect asked stays first (the 70/30 split), the overview follows.
                const own = labels ?? chosen.map(() => primary);
                labels = [own[0]!, nearby, ...own.slice(1)];
                chosen = [chosen[0], words, ...chosen.slice(1)].slice(0, MAX_FACTS);
                labels = labels.slice(0, chosen.length);
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
        const byTheWords = ranked.filter((r) => byWords(r));
        const fallback = byTheWords.length > 0 ? byTheWords : ranked.filter(noteByWords);
        // "能补多少": among the passages the words point to, one stating a number first; with none, a passage holding some
        // of the words and a number, else the summary.
        const numbered = wantsNumber && fallback.length === 0 ? ranked.filter((r) => r.overlap > 0 && !r.passage.absence && hasNumber(r)) : [];
        const pointed = wantsNumber ? numberFirst(fallback, 'figures', hints.unit) : fallback;
        // A number asked in a unit ("what share"), which none of those states: a passage holding some of the words and
        // stating a number in it answers ("over 90% of borrowers were high-tech"), before the summary the words point to.
        const unit = hints.unit;
        // A sum lent asked of the item, with no word of the question beside its name and a verb of lending ("how much has
        // been lent that way?" after the IP-pledge loan): the passage stating a sum answers, whatever words it holds.
        const inUnitElsewhere =
            wantsNumber && unit && !(pointed[0] && statesIn(pointed[0], unit))
                ? (ranked.find((r) => r.overlap > 0 && !r.passage.absence && statesIn(r, unit)) ??
                  (unit === MONEY_STATED ? all.find((r) => r.passage.structured && !r.passage.absence && statesIn(r, unit)) : undefined))
                : undefined;
        chosen = choose(
            inUnitElsewhere
                ? [inUnitElsewhere, ...pointed.filter((r) => r !== inUnitElsewhere)]
                : pointed.length > 0
                  ? pointed
                  : numbered.length > 0
                    ? numbered
                    : index.passages(item.id).filter((r) => r.passage.field === 'summary'),
        );
    }
    // A year the question names bounds it: "2021年放了多少" is answered by what the card says of 2021, not by a
    // passage of another year or a note that no general limit is published.
    const asks = hints.years ?? yearsIn(base.question);
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
    // The question's own words (names and numbers left out), for the passage stating what is asked and its sentence.
    const askedTerms = askedWords(reading, item);
    // Who does it, asked beside an aspect ("who shares the risk"), is answered by the aspect's passage.
    const statedKind = wants === 'agent' && given.aspects.primary ? undefined : wants;
    // A number in the unit asked, next to the question's words, fills a gap as a date does ("几年建30家": 5年内培育30家).
    const fills = wants === 'date' || (wants === 'number' && hints.unit !== undefined);
    // A count the question states ("几年建30家") marks what the number asked is of, as its words do: 5年内培育30家.
    const counted = hints.unit ? (normalize(base.question).match(COUNT_STATED) ?? []).map((c) => c.replace(/\s+/g, '')) : [];
    const nearWords =
        gap && !fills ? undefined : statedNear(ranked, gap ? undefined : chosen[0], statedKind, [...askedTerms, ...counted], hints.unit);
    // The year asked or carried bounds it too: "它当时有多少额度" (2019) is not answered by 2022's 500亿元额度.
    const bound = dated ? [...asks, ...(hints.year ? [hints.year] : [])] : [];
    const near = nearWords && (bound.length === 0 || bound.some((y) => yearPattern(y).test(passageText(nearWords)))) ? nearWords : undefined;
    if (near) absentFirst = false;
    // "Who actually operates it?", and no passage holds a word of it beside the card's names: the passage that says who
    // runs, launched or insures it answers ("run by 上海市经济信息中心"), rather than the field the question word points to.
    // So too the document it rests on: the passage citing one ("科技支行有啥政策文件": 沪金规〔2024〕1号).
    const stating = statedKind === 'agent' || statedKind === 'document' ? STATED[statedKind] : undefined;
    // A document is cited by few passages, whatever words the others hold ("which policy document governs it").
    const who =
        !near && stating && (statedKind === 'document' || !ranked.some((r) => r.plain > 0))
            ? all.find((r) => !r.passage.absence && states(r, stating))
            : undefined;
    // "Who insures it?": the passage naming the doer of that deed ("China Pacific Insurance was the insurer"), though
    // another holds the verb itself ("the firm insures its repayment").
    const doer = statedKind === 'agent' && !near && !who ? doerOf(base.question) : undefined;
    const byDoer =
        doer && !(chosen[0] && doer.test(passageText(chosen[0]))) ? all.find((r) => !r.passage.absence && doer.test(passageText(r))) : undefined;
    // "当初承保的是哪家保险公司": the passage naming the insurer (承保方为太平洋保险), whatever else the words point to
    // (the 科技创业中心 said to tell which loan is meant points to how to apply).
    const byInsurer =
        !who && !byDoer && asksInsurer(base.question) && !(chosen[0] && states(chosen[0], INSURER_STATED))
            ? all.find((r) => !r.passage.absence && states(r, INSURER_STATED))
            : undefined;
    const named = byDoer ?? byInsurer;
    if (who) [chosen, labels, gap, absentFirst] = [[who], undefined, undefined, false];
    else if (named)
        [chosen, labels, gap, absentFirst] = [[named, ...chosen.filter((r) => r !== named)].slice(0, MAX_FACTS), undefined, undefined, false];
    if (near && gap) [chosen, labels, gap] = [[near], undefined, undefined];
    else if (near) {
        if (labels) labels = [near.passage.aspects[0] ?? primary ?? 'what-is', ...labels.filter((_, i) => chosen[i] !== near)];
        chosen = [near, ...chosen.filter((r) => r !== near)].slice(0, MAX_FACTS);
        if (labels) labels = labels.slice(0, chosen.length);
    }
    // The passage that made this card the answer leads, unless a passage chosen holds as much of the question.
    const lead = hints.lead && (hints.again ? all : ranked).find((r) => r.passage === hints.lead!.passage);
    if (lead && chosen[0] !== lead && (hints.again || (chosen[0]?.coverage ?? 0) < lead.coverage)) {
        if (labels) labels = [lead.passage.aspects[0] ?? primary ?? 'what-is', ...labels.filter((_, i) => chosen[i] !== lead)];
        chosen = [lead, ...chosen.filter((r) => r !== lead)].slice(0, MAX_FACTS);
        if (labels) labels = labels.slice(0, chosen.length);
        [gap, absentFirst] = [undefined, false];
    }
    // When the item began ("哪一年开始搞的", "when did it go live"): the passage stating its earliest beginning leads,
    // not one that shares the verb of a later round ("2025年开始实施的新一轮政策") or a dated figure.
    // A card with no passage of the aspect read states it all the same: that answers, not the gap.
    const begun = wants === 'date' && asksOrigin(base.question) ? begunFirst(all, lang) : undefined;
    if (begun && gap) [chosen, labels, gap, absentFirst] = [[begun], undefined, undefined, false];
    else if (begun && chosen[0] !== begun) {
        if (labels) labels = [begun.passage.aspects[0] ?? primary ?? 'history', ...labels.filter((_, i) => chosen[i] !== begun)];
        chosen = [begun, ...chosen.filter((r) => r !== begun)].slice(0, MAX_FACTS);
        if (labels) labels = labels.slice(0, chosen.length);
        absentFirst = false;
    }
    // Within the passage that leads, the sentence holding most of what was asked comes first: a long passage of a
    // report gives many figures, and the one asked must be on the first screen.
    // A year asked of which the card says nothing at all ("2026年有新通知了吗", "2025年全年做了多少"): said first, so that
    // the latest figures the card does hold are not read as that year's.
    // A target's year is held when the target is what is asked ("2025年的目标是多少").
    const heldYear = (y: string) => {
        const said = cardSays(all, y);
        return said === 'fact' || (said === 'target' && TARGET_ASKED.test(base.question));
    };
    const unheldYear = asks.length > 0 && !gap ? yearsIn(askingClauses(base.question).join('')).find((y) => !heldYear(y)) : undefined;
    // The passage holding most of the question's words, when none chosen holds as much, is shown too, in place of the
    // last when the answer is full: the aspect read may have chosen facts that hold none of the words ("对信用记录有什么
    // 要求": three passages tagged with the conditions), where one holding them ("须信用良好") lacks an aspect word.
    // Of a number asked, a passage stating none is no answer, however many words it holds.
    const mostWords = gap ? undefined : holdingMost(ranked, chosen);
    if (mostWords && (wants !== 'number' || hasNumber(mostWords))) {
        const room = Math.min(chosen.length, MAX_FACTS - 1);
        chosen = [...chosen.slice(0, room), mostWords];
        if (labels) labels = [...labels.slice(0, room), mostWords.passage.aspects[0] ?? primary ?? 'what-is'];
    }
    // A passage that only says again part of one chosen before it (apply_channel "上海市科技创业中心" beside the steps
    // that name it) adds nothing to read.
    const kept = chosen.map((r, i) => !chosen.slice(0, i).some((o) => restates(o, r, lang)));
    if (kept.includes(false)) {
        if (labels) labels = labels.filter((_, i) => kept[i]);
        chosen = chosen.filter((_, i) => kept[i]);
    }
    const facts = chosen.map((r, i) => {
        const f = toFact(item, r, lang);
        return i === 0 ? { ...f, text: askedFirst(f.text, [...askedTerms, ...asks]) } : f;
    });
    const factText = (f: AnswerFact, i: number) => {
        // The card's own words may already say it ("（转载来源，未经确认）"): the mark is not said twice.
        const mark = f.status === 'current' ? '' : labelOf(f.status, lang);
        const t = mark && f.text.includes(mark.replace(/^[\s（(]+|[）)\s]+$/g, '')) ? f.text : `${f.text}${mark}`;
        if (labels?.[i]) return aspectFact(labels[i]!, t, lang);
        // Where to apply is a name on the card ("高企贷合作银行"), not a sentence: it is said under its label.
        return f.field === 'apply_channel' ? labelledValue(LABELS.applyChannel, t)[lang] : t;
    };

    /** kejin's own sentence first, then the facts shown. */
    const ledBy = (lead: string) => `${lead}${sentenceGap(lang)}${facts.map(factText).join(sentenceGap(lang))}`;
    if (gap) {
        // Not held, said first; then what the card holds nearby, under its own label ("期限：…").
        const text = ledBy(notHeldSentence(nameOf(item, lang), gap, lang));
        return { ...common, status: 'not-held', confident: false, text, facts };
    }
    if (unheldYear && facts.length > 0) {
        // A year the card names only as a target ("到2025年达到100亿元的目标") has no figures of its own there.
        const planned = cardSays(all, unheldYear) === 'target';
        const text = ledBy(yearNotHeldSentence(nameOf(item, lang), unheldYear, lang, planned));
        return { ...common, status: 'not-held', confident: true, text, facts };
    }
    // The card's note that it lacks the aspect asked leads: "not given" is said first, in kejin's own words. Not before a
    // field of the aspect that says what the sources do give beside the gap ("names Bank of Shanghai as an example; no
    // full list of banks was found"): that is said first, as any fact asked is.
    // A note of a gap in another aspect than the one asked is a fact like any other ("Opened in May 2020 … the sources
    // give no hotline number" answers when it opened).
    const leadsWithGap = chosen[0]?.passage.absence === true && noted(chosen[0], primary);
    const factsText =
        primary && primary !== 'what-is' && leadsWithGap && chosen[0] && !chosen[0].passage.typed
            ? ledBy(notGivenLead(nameOf(item, lang), primary, lang))
            : itemSentence(nameOf(item, lang), facts.map(factText), lang);
    if (facts.length > 0 && facts.some((f) => !f.absence) && !absentFirst) {
        const text = factsText;
        // "最长能借几年": the card speaks of the term ("鼓励发放中长期贷款") but no passage of it states a number: say so.
        const figureless = wants === 'number' && primary && NUMERIC.has(primary) && !holding.some(hasNumber) && !chosen.some(hasNumber);
        // "What's the NPL ratio on its loan book?", no aspect read: the passages the words point to state no figure at all.
        const noFigure = wants === 'number' && !primary && !chosen.some((r) => states(r, STATED.number!) || states(r, STATED.document!));
        const said = figureless
            ? `${text}${sentenceGap(lang)}${noFigureNote(primary, lang)}`
            : noFigure
              ? `${text}${sentenceGap(lang)}${noFigureNote(undefined, lang)}`
              : text;
        // The answer that leads with the card's note that it lacks the fact, or says the figure asked is not given,
        // is that the fact is not held: the fronts then say whom to ask, and MCP tells the model so.
        const status = figureless || noFigure || leadsWithGap ? 'not-held' : 'answered';
        return { ...common, status, confident: true, text: said, facts };
    }
    // The card speaks to the aspect only to say its sources lack it: say so, and whom to ask.
    const stated = facts.length > 0;
    const said = stated ? factsText : notHeldSentence(nameOf(item, lang), primary, lang);
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

/**
 * The passage holding more of the question's words (`coverage`; some beside aspect words: `plain`) than every passage
 * chosen.
 */
function holdingMost(ranked: readonly RankedPassage[], chosen: readonly RankedPassage[]): RankedPassage | undefined {
    if (chosen.length === 0) return undefined;
    const most = ranked.reduce<RankedPassage | undefined>(
        (b, r) => (r.passage.absence || r.plain === 0 || (b && b.coverage >= r.coverage) ? b : r),
        undefined,
    );
    return most && !chosen.includes(most) && chosen.every((r) => r.coverage < most.coverage) ? most : undefined;
}

/** A passage the question's words point to, with no aspect read: much of them, or a good share of a short question's. */
const byWords = (r: RankedPassage, share = ASKED_SHARE) =>
    r.score > 0 && r.passage.structured && !r.passage.absence && (r.overlap >= MIN_OVERLAP || (r.share >= share && r.plain >= MIN_PLAIN));
/**
 * A note of what the sources lack answers no question that did not ask for it, unless the question's own words, beside
 * any aspect's, point to it and to no other passage: it also states a fact ("部分额度专门用于…中长期贷款；来源未给出具体期限上限").
 */
const noteByWords = (r: RankedPassage) => r.score > 0 && r.passage.structured && r.passage.absence && r.plain >= MIN_OVERLAP;
const pointedByWords = (ranked: readonly RankedPassage[]) => ranked.some((r) => byWords(r, POINTED_SHARE));

/**
 * A passage stating a number first, when the aspect asks for one and it scores near the best; a number in the unit
 * asked ("多少家": 近百家, not 2万亿元) before any other, when it scores within UNIT_SHARE of the best.
 */
function numberFirst(ranked: readonly RankedPassage[], aspect: Aspect, unit?: RegExp): readonly RankedPassage[] {
    const best = ranked[0];
    if (best && unit && !statesIn(best, unit)) {
        const inUnit = ranked.find((r) => !r.passage.absence && statesIn(r, unit) && r.score >= best.score * UNIT_SHARE);
        if (inUnit) return [inUnit, ...ranked.filter((r) => r !== inUnit)];
        // A number in another unit does not answer: "最长几年" is not answered by a rate of 3.68%.
        return ranked;
    }
    if (!best || !NUMERIC.has(aspect) || hasNumber(best)) return ranked;
    const withNumber = ranked.find((r) => hasNumber(r) && !r.passage.absence && r.score >= best.score * STATING_SHARE);
    return withNumber ? [withNumber, ...ranked.filter((r) => r !== withNumber)] : ranked;
}

/**
 * A passage stating a date first, when the question asks when and it scores near the best: "when did gaoqidai come
 * out?" is answered by "Launched on 20 September 2019", not by the negative list that speaks of credit history.
 */
function dateFirst(ranked: readonly RankedPassage[], wants: Wanted | undefined): readonly RankedPassage[] {
    const best = ranked[0];
    if (wants !== 'date' || !best || states(best, STATED.date!)) return ranked;
    const dated = ranked.find((r) => states(r, STATED.date!) && !r.passage.absence && r.score >= best.score * STATING_SHARE);
    return dated ? [dated, ...ranked.filter((r) => r !== dated)] : ranked;
}

/** A beginning as a passage states it beside a year: 2012年起, 2020年5月上线, launched on 20 September 2019, since 2012. */
const BEGUN_STATED = new RegExp(
    [
        /起|开始|上线|推出|设立|成立|启动|出台|开办|开通|首批|首次|试点|创立/.source,
        /\b(?:launched|opened|introduced|set up|established|started|began|since|first|piloted|went live|created|rolled out)\b/.source,
    ].join('|'),
    'i',
);
/** A year in a passage's text: four digits, not inside a longer number. */
const YEAR_STATED = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/**
 * The passage stating the earliest beginning of the item (a year beside a word of beginning), in the answer's language
 * when one does: the origin, not the latest round.
 */
function begunFirst(all: readonly RankedPassage[], lang: Lang): RankedPassage | undefined {
    let found: RankedPassage | undefined;
    let earliest = Infinity;
    for (const r of all) {
        // A note of a gap in another aspect ("opened in May 2020 … the sources give no hotline number") still states when.
        if (r.passage.absence && (r.passage.absentOf ?? r.passage.aspects).includes('history')) continue;
        const text = normalize(passageText(r));
        for (const m of text.matchAll(YEAR_STATED)) {
            const year = Number(m[0]);
            const around = text.slice(Math.max(0, m.index - NEAR), m.index + m[0].length + NEAR);
            if (!BEGUN_STATED.test(around)) continue;
            // A passage in the answer's language is preferred for the same year: an English reader gets English.
            const inLang = found !== undefined && !found.passage.text[lang] && !!r.passage.text[lang];
            const better = year < earliest || (year === earliest && inLang);
            if (better) [found, earliest] = [r, year];
        }
    }
    return found;
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
    // A document is cited by its number (沪科〔2025〕212号, [2024] No. 85, No. 212) or its title in 《…》.
    document: /[〔[]\s*(?:19|20)\d{2}\s*[〕\]]\s*(?:no\.\s*)?\d+\s*号?|《[^》]{2,60}》|\bno\.\s*\d+\b/g,
    // Who does it is said by a closed class of phrases: 由…运营, 承保方为…, run by, was the insurer.
    agent: new RegExp(
        [
            /由[^，。；]{2,24}?(?:运营|负责|承办|管理|主管|推出|评审|审核|受理|承保|提供|发起|牵头|办理|组织|实施)/.source,
            /(?:承保方|运营方|主办方|承办方|牵头单位|主管部门|运营机构|管理机构|担保机构|保险机构|合作方|合作银行|合作机构)(?:为|是)/.source,
            /\b(?:run|operated|managed|launched|issued|insured|underwritten|reviewed|organi[sz]ed) by\b/.source,
            /\b(?:provided|offered|led|handled|administered|set up|guaranteed) by\b/.source,
            /\b(?:was|is|were|are) the (?:insurer|operator|guarantor|underwriter|organi[sz]er)s?\b/.source,
        ].join('|'),
        'g',
    ),
};
/** A unit's pattern, global, for `matchAll` (made once per pattern). */
const globals = new WeakMap<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
    let all = globals.get(re);
    if (!all) globals.set(re, (all = new RegExp(re.source, `${re.flags}g`)));
    return all;
}
/** A number with the unit of a count, as a question states it ("30家", "90 branches"): no year, no bare number. */
const COUNT_STATED = /(?<![\d.])\d[\d,]*\s*(?:家|户|个|亿|万)|\b\d[\d,]*\s+(?:firms|companies|branches|banks|members)\b/g;
/** A date or number this close (in characters) to one of the question's words is what the question asks of them. */
const NEAR = 12;
/**
 * …in English, where a word is several letters and spaces stand between: about as many words away as `NEAR` Han
 * characters are ("firms that repaid between 1 August 2024": 12 characters back cut "repaid" to "aid").
 */
const NEAR_LATIN = 30;
/** …and such a passage comes first when it holds at least this share of the words the one chosen holds. */
const NEAR_SHARE = 0.5;
/** …for who does it, a lower share: few passages name a body, many speak of the product ("保险公司分担风险"). */
const AGENT_NEAR_SHARE = 0.3;
/** Query terms of at least this weight are the question's own words (synonyms weigh 0.6, told words a tenth of theirs). */
const ASKED_WEIGHT = 0.5;

/**
 * The words of the clauses that ask (a word that only tells about the firm weighs less: see askedIn), without the
 * item's own names and numbers: what a passage must hold to answer.
 */
function askedWords(reading: QueryReading, item: KnowledgeItem): string[] {
    const names = [item.name, ...item.aliases.zh, item.name_en, ...item.aliases.en].map((n) => normalize(n));
    // A piece of a name said apart from it is asked (保险 of "履约贷的保险公司"): see QueryReading.free.
    const free = reading.free?.items.includes(item.id) ? reading.free.terms : undefined;
    return [...reading.terms]
        .filter(([, weight]) => weight >= ASKED_WEIGHT)
        .filter(([t]) => (/\p{Script=Han}/u.test(t) ? t.length >= 2 : t.length >= 3) && !/^\d+$/.test(t))
        .filter(([t]) => free?.has(t) || !names.some((n) => n.includes(t.replace(/_/g, ' '))))
        .map(([t]) => t.replace(/_/g, ' '));
}

/** Where a fact's text may divide into sentences: after a Chinese stop or semicolon, or an English stop before a capital. */
const SENTENCE_END = /[。；！？]|[.;!?](?=\s+[A-Z0-9"“(])/gu;
// Opening and closing brackets and quotes of any script (（ 「 “ 《 and their pairs).
const OPENING = /[\p{Ps}\p{Pi}]/u;
const CLOSING = /[\p{Pe}\p{Pf}]/u;

/** A fact's sentences, never cut inside brackets or quotes ("（2024—2025年度；此后年度以新通知为准）" stays whole). */
function sentencesOf(text: string): string[] {
    const out: string[] = [];
    let from = 0;
    for (const m of text.matchAll(SENTENCE_END)) {
        const head = text.slice(from, m.index);
        let depth = 0;
        for (const ch of head) depth += OPENING.test(ch) ? 1 : CLOSING.test(ch) ? -1 : 0;
        if (depth > 0) continue;
        out.push(text.slice(from, m.index + 1));
        from = m.index + 1;
    }
    out.push(text.slice(from));
    return out.map((x) => x.trim()).filter((x) => x !== '');
}

/** An English sentence's clauses, at a semicolon before a small letter ("…so far); the 2024–2025 round has…"). */
function clausesOf(sentence: string): string[] {
    if (/\p{Script=Han}/u.test(sentence.slice(0, 8))) return [sentence];
    const out: string[] = [];
    let from = 0;
    for (const m of sentence.matchAll(/;(?=\s+[a-z])/g)) {
        const head = sentence.slice(from, m.index);
        let depth = 0;
        for (const ch of head) depth += OPENING.test(ch) ? 1 : CLOSING.test(ch) ? -1 : 0;
        if (depth > 0) continue;
        out.push(sentence.slice(from, m.index + 1).trim());
        from = m.index + 1;
    }
    out.push(sentence.slice(from).trim());
    return out.filter((x) => x !== '');
}

/** A clause said as a sentence of its own: a capital first, a stop last. */
function asSentence(clause: string): string {
    const c = clause.replace(/;$/, '.');
    return c.charAt(0).toUpperCase() + c.slice(1);
}

/**
 * A fact's text with the sentence that holds most of the asked words first, when a later one holds more of them than
 * the first does; the others keep their order.
 */
export function askedFirst(text: string, words: readonly string[]): string {
    if (words.length === 0) return text;
    const sentences = sentencesOf(text).flatMap(clausesOf);
    if (sentences.length < 2) return text;
    const held = (sentence: string) => {
        const t = normalize(sentence);
        return words.filter((w) => termPattern(w).test(t)).length;
    };
    const counts = sentences.map(held);
    const best = counts.indexOf(Math.max(...counts));
    if (best <= 0 || counts[best]! <= counts[0]!) return text;
    const latin = !/\p{Script=Han}/u.test(sentences[best]!.slice(0, 8)) && /[a-z]/i.test(sentences[best]!);
    const order = [sentences[best]!, ...sentences.filter((_, i) => i !== best)];
    return (latin ? order.map(asSentence) : order).join(latin ? ' ' : '');
}

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
    words: readonly string[],
    unit?: RegExp,
): RankedPassage | undefined {
    // A day asked ("截止到几号") is stated by a day, not by a year beside the words; a number asked in a unit ("最长几年")
    // by a number in it, not by a rate of 3.68% beside 贷款.
    const inUnit = unit && (wants === 'date' ? unit === DAY_STATED : wants === 'number' && unit !== DAY_STATED);
    const pattern = inUnit ? globalOf(unit) : wants ? STATED[wants] : undefined;
    if (!pattern || words.length === 0) return undefined;
    // A word is said in any form that stems to it: "repay" asked is said by "repaid between 1 August 2024".
    const says = words.map(termSaid);
    // A document governs the whole item: the passage citing one answers wherever in it the question's words stand.
    const near = (r: RankedPassage) => {
        const text = normalize(passageText(r));
        if (wants === 'document') return !r.passage.absence && text.search(pattern) >= 0;
        for (const m of text.matchAll(pattern)) {
            const reach = /\p{Script=Han}/u.test(text.slice(Math.max(0, m.index - NEAR), m.index + m[0].length + NEAR)) ? NEAR : NEAR_LATIN;
            const around = text.slice(Math.max(0, m.index - reach), m.index + m[0].length + reach).toLowerCase();
            if (says.some((said) => said(around))) return true;
        }
        return false;
    };
    // The card saying it lacks the fact asked stays the answer.
    if (lead && (lead.passage.absence || near(lead))) return undefined;
    // Whom the question asks about is stated by few passages: one that does, next to the question's words, answers
    // though others hold more of them.
    const share = wants === 'agent' || wants === 'document' ? AGENT_NEAR_SHARE : NEAR_SHARE;
    return ranked.find((r) => r.overlap > 0 && r.overlap >= (lead?.overlap ?? 0) * share && r.passage.structured && near(r));
}

/** The core of a passage's text in `lang`: no asides in brackets, no punctuation or spaces. */
function core(r: RankedPassage, lang: Lang): string {
    const text = r.passage.text[lang] ?? r.passage.text.zh ?? r.passage.text.en ?? '';
    return normalize(text)
        .replace(/（[^）]*）|\([^)]*\)/g, '')
        .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** `later` says nothing `earlier` does not: its core is part of the earlier one's. */
function restates(earlier: RankedPassage, later: RankedPassage, lang: Lang): boolean {
    const said = core(later, lang);
    return said.length >= 4 && core(earlier, lang).includes(said);
}

/** The passage says what `pattern` (one of STATED) finds: who does it, the document it rests on. */
function states(r: RankedPassage, pattern: RegExp): boolean {
    // `search`, not `test`: a global pattern's `test` moves its lastIndex, where the next `matchAll` would start.
    return normalize(passageText(r)).search(pattern) >= 0;
}

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
    // A span asked ("the 2024–2025 fund") is stated by a passage of both years before one of either.
    const statesAll = (r: RankedPassage) => years.every((y) => passageText(r).includes(y));
    if (lead && (years.length > 1 ? statesAll(lead) : states(lead))) return undefined;
    const fits = (r: RankedPassage) =>
        !primary || r.passage.aspects.includes(primary) || (NEIGHBOURS[primary] ?? []).some((a) => r.passage.aspects.includes(a));
    const usable = (r: RankedPassage) => r.passage.structured && !r.passage.absence && fits(r);
    const whole = years.length > 1 ? ranked.find((r) => usable(r) && statesAll(r)) : undefined;
    if (whole) return whole;
    if (lead && states(lead)) return undefined;
    return ranked.find((r) => usable(r) && states(r));
}

/**
 * How the card speaks of a year (as a year, "2025年", "2025", not inside a longer number): of what happened then
 * ('fact'), only as the year a target is set for ('target': "到2025年达到100亿元的目标", "a target of 10 billion for
 * 2025"), or not at all.
 */
function cardSays(passages: readonly RankedPassage[], year: string): 'fact' | 'target' | undefined {
    const re = yearPattern(year, 'g');
    let said: 'fact' | 'target' | undefined;
    for (const r of passages) {
        const text = passageText(r);
        for (const m of text.matchAll(re)) {
            const before = text.slice(Math.max(0, m.index - TARGET_REACH), m.index);
            const after = text.slice(m.index + year.length, m.index + year.length + 4);
            if (!TARGET_BEFORE.test(before) && !TARGET_AFTER.test(after)) return 'fact';
            said = 'target';
        }
    }
    return said;
}

/** Characters before a year looked at for the words that make it a target's year. */
const TARGET_REACH = 30;
/** 到2025年 (not 截至 / 截止到: as of), 力争 / 计划 / 目标…2025, by 2025, a target … for 2025. */
const TARGET_BEFORE =
    /(?:(?<!截|截止)(?:到|至)|力争|计划|目标|预计|争取|规划)\s*$|(?:力争|计划|目标|预计|争取|规划)[^。；;，,]{0,8}$|\bby\s*$|\b(?:target|aim|goal|plan)s?\b[^.;]{0,30}\b(?:for|by|in)\s*$/i;
/** The question asks what the target is ("定了什么目标", "did they set a 2025 target"), not whether it was met. */
const TARGET_ASKED = new RegExp(
    [
        /(?:定|设|提出|制定|有)[^，。？?]{0,10}(?:目标|计划)|目标(?:是|为)?(?:多少|什么|几)|什么目标/.source,
        /\b(?:set|have|had|has|is there|was there) (?:a|an|any) [^.?]{0,30}\b(?:target|goal)s?\b/.source,
        /\bwhat (?:is|was|are|were) (?:the |its |their )?[^.?]{0,20}\b(?:target|goal)s?\b|\b(?:target|goal)s? (?:for|of)\b/.source,
    ].join('|'),
    'i',
);
/** 2025年前 / 2025年以前: by that year. */
const TARGET_AFTER = /^\s*年?(?:前|以前|之前)/;

/** The passage states a number in the unit asked (`unit`: one of reading.ts UNITS, not global). */
const statesIn = (r: RankedPassage, unit: RegExp) => unit.test(normalize(passageText(r)));
/** A passage in the unit asked leads when it scores at least this share of the best: the unit is a strong sign of what is asked. */
const UNIT_SHARE = 0.5;
/**
 * A passage states a figure: a digit left once its years, dates and document numbers are out ("A January 2026 press
 * conference", 2024年9月, 〔2024〕85号 state no figure). Read in its Chinese, as the card's own gaps are measured.
 */
const hasNumber = (r: RankedPassage) => figureIn(r.passage.text.zh ?? r.passage.text.en ?? '');

/** A text states a figure (see `hasNumber`). */
export const figureIn = (text: string) => /\d/.test(text) && /\d/.test(text.replace(NOT_FIGURES, ' '));
const NOT_FIGURES = new RegExp(
    [
        // a document's number or title (STATED.document)
        STATED.document!.source,
        /(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月(?!\s*\d)/.source,
        /\b\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/.source,
        /(?<![\d.,])(?:19|20)\d{2}(?![\d.,%]|\s*(?:万|亿|家|户|个|元|billion|million))/.source,
    ].join('|'),
    'gi',
);

/** Fields that say what an item is in general: they answer "what is it" only when no other passage holding the aspect matches the question's words. */
const OVERVIEW_FIELDS: ReadonlySet<string> = new Set(['summary', 'role', 'document']);
/** An aspect word that is only the word "document" (文件, documents): the papers to bring, or the document a thing rests on. */
const DOCUMENT_WORD = /^(?:documents?|文件)$/;

function dropOverview(holding: readonly RankedPassage[]): readonly RankedPassage[] {
    const overview = (r: RankedPassage) => OVERVIEW_FIELDS.has(r.passage.field);
    // A note of what the sources lack is no such passage: the overview stays beside it.
    return holding.some((r) => !overview(r) && r.overlap > 0 && !r.passage.absence) ? holding.filter((r) => !overview(r)) : holding;
}

/** The best passages: the top one, then those close to it, within the budget. */
function choose(ranked: readonly RankedPassage[], all = false, inUnit?: (r: RankedPassage) => boolean): RankedPassage[] {
    const best = ranked[0];
    if (!best) return [];
    const out = [best];
    let length = textLength(best);
    // Another passage stating a number in the unit asked, beside a best that states one, is another figure of the kind
    // asked ("多少家": the 2024 target of 10 branches, and 30 within five years): shown while it scores within UNIT_SHARE.
    const figure = (r: RankedPassage) =>
        inUnit !== undefined && inUnit(best) && inUnit(r) && !r.passage.absence && r.score >= best.score * UNIT_SHARE;
    for (const r of ranked.slice(1)) {
        if (out.length >= (all ? MAX_LISTED : MAX_FACTS) || length >= TEXT_BUDGET) break;
        if (!all && r.score < best.score * SCORE_SHARE && !figure(r)) continue;
        out.push(r);
        length += textLength(r);
    }
    return out;
}

const textLength = (r: RankedPassage) => (r.passage.text.zh ?? r.passage.text.en ?? '').length;
