/**
 * One answer to a question, for every front. Retrieved, never generated:
 * each sentence is a field value of a card, in the question's language,
 * with that field's own sources and status.
 *
 * The question goes: read (its terms, the items it names, the aspects it
 * asks; search/knowledge-index.ts `read`; and what it says of its own subject,
 * reading.ts) → its subject, chosen here (`answerQuestion`, with subject.ts):
 * the items it names (two, with a word of choosing or a conjunction between
 * them, are set side by side: compare.ts), else the item in focus in the
 * conversation (`context`) when the question points back at it, is bare, or
 * does not plainly go elsewhere (a number asked with only words that label
 * figures does not: figure-labels.ts), else the top search hit when the search is
 * confident, else a question back when only an aspect was asked
 * (no-subject.ts) → that item's passages ranked by all the question's
 * words, the aspect asked one signal among them → the passages holding the
 * aspect (or, when the card holds none, a neighbouring aspect it does hold,
 * said as such) become the answer (item-answer.ts; each fact a passage with
 * its own sources, facts.ts). Whom to call is answered from the item's
 * organizations (whom-to-call.ts). A question nothing answers gets "not
 * known", did-you-mean and the general contacts (no-subject.ts).
 */
import { langOfText } from '../language.ts';
import { understandQuestion } from '../match/understand.ts';
import type { KnowledgeSnapshot } from '../knowledge/load.ts';
import { isOffering, type KnowledgeItem } from '../knowledge/schema.ts';
import type { KnowledgeIndex, QueryReading, RankedPassage } from '../search/index.ts';
import { termPattern, termSaid } from '../search/stem.ts';
import { STOP_WORDS } from '../search/stopwords.ts';
import { latinWords, normalize } from '../search/tokenize.ts';
import type { SearchOptions } from '../search/types.ts';
import { boundQuery } from '../search/input.ts';
import { ASPECTS, NEEDS, type Aspect, type Lang } from '../vocabulary.ts';
import { elsewhereNote } from '../words/answer.ts';
import { asksBeyondFinancing } from './beyond-financing.ts';
import { compare, comparable } from './compare.ts';
import { describedItem } from './described.ts';
import { passageText } from './facts.ts';
import { figureLabels } from './figure-labels.ts';
import { answerItem, figureIn, WANTED, type Hints } from './item-answer.ts';
import { clarify, unknown } from './no-subject.ts';
import {
    asksForOffering,
    asksPayout,
    asksWait,
    asksSum,
    asksTotalDone,
    asksWhatKind,
    asksWhomFor,
    DAY_STATED,
    refersBackIn,
    choosesIn,
    meantIn,
    notAbout,
    notAsked,
    pointsAtFocus,
    widerThan,
    setAside,
    subjectCues,
    UNIT_ASKED_TERMS,
    yearsIn,
    type Wanted,
} from './reading.ts';
import {
    askedIn,
    eachQuestionAsked,
    bestCovering,
    evidenceFor,
    EVIDENCE_COVERAGE_AGAINST,
    EVIDENCE_MARGIN,
    focusHoldsAsWell,
    focusHoldsBeyondName,
    pointedWithNoun,
    pointsToEarlier,
    shortJoined,
    issuedNamed,
    joinedInText,
    likenedIn,
    withoutLikened,
    NAMED_MARGIN,
    numberNamed,
    pickedOfPair,
    ownNameRead,
    questionSearch,
    needNamed,
    namedWhereAsked,
    toldOnly,
    headNamed,
    namedAsPlace,
    shortNamed,
    withAspect,
    yearsAsked,
    yearsToldOfOthers,
    yearsUnheld,
} from './subject.ts';
import type { Answer, Base } from './types.ts';

/**
 * Aspect words whose card's own names hold this share of the question say that card's name (see `answerQuestion`).
 * Set on own probes between "premium subsidy amount" (0.5: an aspect asked besides the name) and the name said in
 * other words: "is there any subsidy for guarantee fees" 0.70, "担保费有补贴吗" 0.76, "担保费补贴多少" 0.81.
 */
const NAME_SAID = 0.7;
/** A pointer with a noun any offering is: "这个产品", "那个贷款", "this loan", "that scheme". */
const POINTS_AT_KIND =
    /(?:这|那|该)(?:个|项|款|笔|种)?(?:产品|贷款|政策|项目|工具|方案)|\b(?:this|that)\s+(?:product|loan|scheme|policy|programme|program|one)\b/i;

/** An offering asked of an organization named is the search's first when it scores this many times the next offering. */
const ISSUED_LEAD = 2;
/** A need's own words, read from the question's phrasing of it, weigh as a synonym does. */
const NEED_WORD_SHARE = 0.6;

export type { Answer, AnswerFact, AnswerStatus, ComparisonRow, ContactRef, ItemRef } from './types.ts';
export { subjectCues, yearsIn, type SubjectCues } from './reading.ts';
export { generalContacts, refOf } from './whom-to-call.ts';

/** What the conversation so far holds for the next question (core/conversation). */
export interface AnswerContext {
    /** The items the last answer was about: one, or two set side by side. */
    readonly focus: readonly string[];
    /** The aspect the last question asked, carried to a question that asks none ("那沪科专贴呢"). */
    readonly aspect?: Aspect;
    /** The year the last question named, carried to "那X呢" ("高企贷2021年放了多少" → "小巨人信用贷呢"). */
    readonly year?: string;
    /**
     * The message points at these items, going back to them after an aside ("回到刚才那个贷款") or picking one from the
     * last list ("第一个"): they are its subject, as for "它".
     */
    readonly returned?: boolean;
    /** The card field of the passage that answered the last question ("facts.2"). */
    readonly field?: string;
    /** What the last question's own form asked ("who's the insurer": who runs it), carried to "那X呢" as its aspect is. */
    readonly wants?: Wanted;
    /** The offering the last question named when another card answered it (see `Focus.named`). */
    readonly named?: string;
    /** The products of the list just shown (a match), first first: a question back offers those of them that give the aspect. */
    readonly listed?: readonly string[];
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

/** The aspect that frames most English questions ("what's the…"): asked only when nothing else is (see aspects.ts). */
const FRAME: readonly Aspect[] = ['what-is'];
/** The aspects a wait counted in days or weeks stands over: the application it runs from, the count its "how many" reads. */
const WAIT_OVER: readonly Aspect[] = ['what-is', 'how-to-apply', 'figures', 'processing-time'];

export function answerQuestion(snapshot: KnowledgeSnapshot, index: KnowledgeIndex, question: string, options: AnswerOptions = {}): Answer {
    const text = boundQuery(question).text;
    const lang: Lang = options.lang ?? langOfText(text, 'zh');
    const searchOptions = { limit: options.limit ?? 5, lang, ...(options.kind ? { kind: options.kind } : {}) };
    // A correction's own words ("sorry, I meant") are no words of what is asked: searched and read without them.
    // Nor are the names of what it says it is wider than ("not just gaoqidai, everything": `widerThan`).
    const corrected = widerThan(meantIn(text));
    // What the question sets aside ("除了高企贷，还有哪些…", "besides gaoqidai, …") is no subject: the items it names are
    // left out, and the rest of the words are searched and read.
    const aside = setAside(corrected);
    const setApart = new Set(aside.spans.flatMap((span) => index.read(span).named.map((n) => n.id)));
    // What it says it is not about ("沪专贷（不是专贴）", "跟高企贷的LPR定价无关", "nothing to do with gaoqidai") is no
    // subject either, though it asks for no others.
    const disowned = notAbout(setApart.size > 0 ? aside.rest : corrected);
    // A short name alone is said there too ("（不是专贴）").
    const namedIn = (span: string) => {
        const ids = index.read(span).named.map((n) => n.id);
        return ids.length > 0 ? ids : shortNamed(snapshot, [normalize(span).trim()]).map((i) => i.id);
    };
    // The one item named is only what the question likens its subject to ("是不是跟高企贷一样要抵押" after 科技微贷通, "a
    // comprehensive credit line like Gaoqidai?"): it is measured against, not asked of; the focus or the words say what is.
    // (Of several named, `namedWhereAsked` sets the likened aside.)
    const namedOnce = index.read(corrected).named;
    // Asking whether the two are alike ("跟沪科专贷一样吗", "is it the same as X?") sets them side by side instead.
    const likenedAlone =
        namedOnce.length === 1 &&
        !choosesIn(corrected) &&
        likenedIn(corrected, (piece) => index.read(piece).named.map((n) => n.id)).includes(namedOnce[0]!.id)
            ? [namedOnce[0]!.id]
            : [];
    // "不是这个产品的，我要的是全市…" after 沪科专贷: the item in focus, pointed at and denied, is no subject either.
    const focusDenied = disowned.spans.some(pointsAtFocus) ? (options.context?.focus ?? []) : [];
    const excluded = new Set([...setApart, ...disowned.spans.flatMap(namedIn), ...likenedAlone, ...focusDenied]);
    // …and its name is no word to search by: the cards that write it would be found for it.
    const unliked = likenedAlone.length > 0 ? withoutLikened(disowned.rest) : disowned.rest;
    // A clause saying what is not asked ("我不是问补贴，…") leaves its words out, though it names no item.
    const meant = excluded.size > 0 ? unliked : notAsked(corrected);
    const searched = questionSearch(index, meant, searchOptions);
    // The search was confident of its first card: not of the next, when the first is set aside.
    const search =
        excluded.size > 0
            ? {
                  ...searched,
                  results: searched.results.filter((r) => !excluded.has(r.id)),
                  confident: searched.confident && !excluded.has(searched.results[0]?.id ?? ''),
              }
            : searched;
    // The years asked: not one told of the firm ("certificate renewed 2024 … can we use gaoqidai?").
    const yearsSaid = yearsAsked(text);
    // Nothing named but organizations: an item described ("给高新技术企业的那个", "the patent one") is named by its description
    // (`described.ts`), beside organizations too (mostly the channel: "the patent one — how fast is pledge registration?"),
    // and the description's words are no words of what is asked ("有保险公司分担损失的那个科技贷款，2021年放了多少": not the
    // risk split).
    // After two items side by side, "the insurance one" picks one of them (`pickedOfPair`), not a card its words find.
    const pair = (options.context?.focus?.length ?? 0) >= 2;
    // Named otherwise: by the name table, a document's number or its issuer (as `written` reads them below).
    const namedOtherwise = [...index.read(meant).named.map((n) => n.id), ...numberNamed(snapshot, text), ...issuedNamed(snapshot, text)];
    const describedAs =
        !pair && namedOtherwise.every((id) => snapshot.items.get(id)?.kind === 'organization') ? describedItem(snapshot, index, meant) : undefined;
    const askedText =
        describedAs && normalize(meant).length === meant.length
            ? meant.slice(0, describedAs.at) + ' '.repeat(describedAs.length) + meant.slice(describedAs.at + describedAs.length)
            : meant;
    // "能批多少": the amount, "什么时候到账": the time to wait, when no aspect word is read (see `asksSum`, `asksPayout`).
    const read = nameAsAspect(
        snapshot,
        text,
        options.context,
        totalDone(
            text,
            paceOfPast(
                text,
                yearsSaid,
                withNeedWords(index, askedText, eachQuestionAsked(index, askedText, askedIn(index, askedText, index.read(askedText)))),
            ),
        ),
    );
    // "What's" frames most English questions: one that reads no other aspect asks the sum ("what's the max loan").
    // "Who is it designed for" asks the conditions; "是补贴还是贷款" what the item is, whatever aspect its words read.
    const reading = asksWhatKind(text)
        ? withAspect(read, 'what-is', ASPECTS.values)
        : asksSum(text)
          ? withAspect(read, 'amount', FRAME)
          : asksPayout(text)
            ? withAspect(read, 'processing-time', FRAME)
            : asksWait(text)
              ? withAspect(read, 'processing-time', WAIT_OVER)
              : asksWhomFor(text)
                ? withAspect(read, 'eligibility', FRAME)
                : read;
    // The words of what is set aside or disowned are no words left over ("我说的不是履约贷，是微贷通" is bare but for 微贷通).
    const spans = [...aside.spans, ...disowned.spans].filter((span) => span.trim().length > 0);
    const cues = subjectCues(
        spans.reduce((t, span) => t.replace(span, ' '), text),
        reading,
    );
    const aspects = reading.aspects.aspects.map((a) => a.aspect);
    const base = { question: search.query, lang, aspects, search };
    const get = (id: string) => snapshot.items.get(id);

    // Named items, in search order (the search weighs all the words), unranked ones after.
    const rank = (id: string) => {
        const i = search.results.findIndex((r) => r.id === id);
        return i < 0 ? Infinity : i;
    };
    const kinds = options.kind === undefined ? undefined : new Set(typeof options.kind === 'string' ? [options.kind] : options.kind);
    const allowed = (i: KnowledgeItem | undefined): i is KnowledgeItem =>
        i !== undefined && !excluded.has(i.id) && (!kinds || kinds.size === 0 || kinds.has(i.kind));
    // An organization named beside an offering is mostly the channel ("沪科专贷是直接去人民银行申请吗"): the offering is
    // the subject, unless the question asks whom to call.
    const asksOrg = reading.aspects.primary === 'contact';
    const behind = (id: string) => (!asksOrg && get(id)?.kind === 'organization' ? 1 : 0);
    const said = reading.named.map((n) => n.id);
    const namedInText = [...new Set([...said, ...numberNamed(snapshot, text), ...issuedNamed(snapshot, text)])]
        .sort((a, b) => behind(a) - behind(b) || rank(a) - rank(b))
        .map(get)
        .filter(allowed);
    const described = describedAs?.item;
    const written = described && allowed(described) && !namedInText.includes(described) ? [described, ...namedInText] : namedInText;
    // A year told of another item named, in a clause that asks nothing, is not asked of the one asked about.
    // Offerings only: an organization named is mostly the channel, and a name that is an aspect's phrase ("partner bank")
    // asks that aspect.
    const offeringsNamed = (piece: string) =>
        index
            .read(piece)
            .named.filter((n) => !isAspectPhrase(snapshot, n.term.replace(/_/g, ' ')))
            .map((n) => get(n.id))
            .filter((i): i is KnowledgeItem => i !== undefined && isOffering(i))
            .map((i) => i.id);
    const toldYears = written.length >= 2 && yearsSaid.length > 0 ? yearsToldOfOthers(text, offeringsNamed) : [];
    const years = yearsSaid.filter((y) => !toldYears.includes(y));
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
    // The item answered about set aside ("我不是问补贴，我问…" after 履约贷保费补贴, answered by the subsidy's card): the
    // item the founder named then is in focus instead, if it is not set aside too.
    const keptFocus = (options.context?.focus ?? []).map(get).filter(allowed);
    const namedThen = options.context?.named ? get(options.context.named) : undefined;
    const kept =
        keptFocus.length === 0 && (options.context?.focus ?? []).some((id) => excluded.has(id)) && allowed(namedThen) ? [namedThen] : keptFocus;
    // What else, with the focus set aside ("除了科创助力贷和履约贷，还有哪个"): the first item the cards set aside relate,
    // in their order, that can be set beside them (an offering), as the focus.
    const besides =
        setApart.size > 0 && kept.length === 0
            ? [...new Set([...(options.context?.focus ?? []), ...setApart].flatMap((id) => get(id)?.related ?? []))]
                  .map(get)
                  .filter(allowed)
                  .filter(comparable)
                  .slice(0, 1)
            : [];
    const focus = kept.length > 0 ? kept : besides;
    // A matter beside financing (how a firm is certified, what its patents cost, its taxes…: beyond-financing.ts) is no
    // card's: a short word of a card's name inside it (高新 of 高新技术企业认定) names nothing, and the search's first card
    // does not answer it.
    const beside = asksBeyondFinancing(text);
    // Nor when the message points at the items in focus ("这些都是信用贷款吗" of each product listed, "第二个"): its words
    // are asked of them (信用贷款 is no short name of the 信用贷款平台 then).
    const short =
        written.length > 0 || beside || options.context?.returned === true
            ? []
            : shortNamed(
                  snapshot,
                  cues.leftover.filter((w) => !cues.qualifying.has(w)),
              ).filter(allowed);
    // With an item in focus, a short word of another's name in a question of its own is a word of the question
    // ("知识产权质押…" → "如果企业还不上，银行多久可以申请补偿？": 补偿, not 信贷风险补偿) when the focus holds the rest of the
    // question as well as that item does. "那专贴呢" asks of 专贴; "科委的地址" of 科委, whose card holds the address.
    // An ellipsis that asks nothing of its own ("那专贴呢", "那利率呢") names, and is the focus's; one with its own question
    // word ("那风险谁担" after 科创助力贷, whose risk is shared) may say the word as a word, and is weighed by its words.
    const bareEllipsis = cues.ellipsis && cues.wants === undefined;
    const rest = short.length > 0 && focus.length > 0 && !bareEllipsis ? withoutWords(reading, cues.leftover) : undefined;
    const shortIsWord =
        rest !== undefined &&
        rest.terms.size > 0 &&
        !short.some((i) => focus.includes(i)) &&
        focusHoldsAsWell(
            index,
            rest,
            focus,
            short.map((i) => i.id),
        );
    // So too an organization a question of its own names beside the item in focus, not asking whom to call ("信贷风险补偿
    // 是怎么回事" → "这笔贷款已经有政策性担保了，还能补偿吗"): when its card holds little of the question but its name and the
    // focus's card holds more (its "已享受政策性担保的贷款不纳入"), it is a word of the question, not its subject.
    const orgIsWord =
        written.length === 1 &&
        written[0]!.kind === 'organization' &&
        !asksOrg &&
        !bareEllipsis &&
        focus.length > 0 &&
        !focus.includes(written[0]!) &&
        focusHoldsBeyondName(index, reading, focus, written[0]!.id);
    // "它的风险补偿怎么算" after 知识产权质押融资: a word saying the name is the focus's ("its", "for it": `OF_FOCUS`; not
    // "X - how much has it lent", where "it" is X), and a card named that never speaks of
    // the item in focus (信贷风险补偿 says nothing of IP pledges), while the focus's card holds the question beyond the
    // name as well (its 风险"前补偿" pool): the name is a word of a question about the focus. A card that speaks of the
    // item in focus is what "its …" names (它的保费补贴 after 科技履约贷: the premium subsidy's card).
    const pointedIsWord =
        written.length === 1 &&
        OF_FOCUS.test(normalize(corrected)) &&
        corrected === text &&
        !asksOrg &&
        focus.length > 0 &&
        !focus.includes(written[0]!) &&
        !focus.some((f) => speaksOf(index, written[0]!, f)) &&
        focusHoldsBeyondName(index, reading, focus, written[0]!.id);
    const namesIn = (piece: string) => [
        ...index.read(piece).named.map((n) => n.id),
        ...numberNamed(snapshot, piece),
        ...issuedNamed(snapshot, piece),
    ];
    // "我们之前办过高企贷。那这个的加权平均利率是多少" after 沪科专贷, "We also have a Gaoqidai loan, but for this subsidy, do
    // we need to apply?" after the premium subsidy: the firm tells of an item it has used or heard of, and asks, naming
    // nothing, of the one in focus, whose card holds the question beyond its names as well as the item told of
    // (`toldOnly`). A question that points back ("那个一共放了多少") may point at the item just told of: the focus's card
    // must hold more of it then, unless it points with a noun only the focus's names hold ("for this subsidy") or past
    // what was told ("回到刚才那个").
    const writtenIds = written.map((i) => i.id);
    const askingBesideTold =
        written.length > 0 && focus.length > 0 && !bareEllipsis && !written.some((i) => focus.includes(i))
            ? toldOnly(corrected, writtenIds, namesIn)
            : undefined;
    const toldIsWord =
        askingBesideTold !== undefined &&
        (refersBackIn(askingBesideTold) &&
        !pointsToEarlier(askingBesideTold) &&
        !focus.includes(pointedWithNoun(askingBesideTold, [...focus, ...written])!)
            ? writtenIds.every((id) => focusHoldsBeyondName(index, reading, focus, id))
            : focusHoldsAsWell(index, reading, focus, writtenIds, true));
    const named = orgIsWord || pointedIsWord || toldIsWord ? [] : written.length > 0 ? [...written, ...heard.slice(0, 1)] : shortIsWord ? [] : short;
    // A last question that asked no aspect was answered on one all the same when a typed field led its answer: "what's
    // the risk split on the performance bond loan?" → "ok what about weidaitong then?" asks weidaitong's split. Only
    // "那X呢" goes on with it; a follow-up with a question of its own is read by its own words.
    const answeredOn = !options.context?.aspect && (cues.ellipsis || cues.bare) ? aspectOfField(index, options.context) : undefined;
    // "那银行呢" after "沪科专贷什么时候推出的": the word said is a piece of one aspect's phrases only (银行 of 合作银行, 哪些
    // 银行…), and asks that aspect of the focus, not the one asked before of the banks.
    const pieceOf = bareEllipsis && reading.aspects.aspects.length === 0 ? aspectOfPiece(snapshot, cues.leftover) : undefined;
    const carried = reading.aspects.aspects.length === 0 ? (pieceOf ?? options.context?.aspect ?? answeredOn) : undefined;
    // "那X呢" asks the last question again of X, the year it named too.
    // "它当时有多少额度" asks of the time the last answer spoke of: the first year of the passage that answered.
    const thenYear = cues.backThen && years.length === 0 ? yearOfField(index, options.context) : undefined;
    // So does a name alone, which asks the last question's aspect again ("not gaoqidai, the little giant credit loan" after
    // how many firms gaoqidai lent to in 2021).
    const nameAlone = cues.bare && reading.aspects.aspects.length === 0 && named.length > 0;
    const carriedYear = ((cues.ellipsis || nameAlone) && years.length === 0 ? options.context?.year : undefined) ?? thenYear;
    // "Who's the insurer on weidaitong?" → "what about the performance bond loan": 那X呢 asks the last question's form again.
    const wants = cues.wants ?? (bareEllipsis ? options.context?.wants : undefined);
    // The aspect asked before goes on ("那沪科专贴呢"), unless the question's own form says what it asks ("那它的保费补贴要我
    // 自己去申请吗": whether to apply, not the term asked before).
    const ownCarried = cues.wants && WANTED[cues.wants] ? undefined : carried;
    // A comparison that goes on from the last answer ("which lent more that year?") is of the year it named.
    const sameYear = years.length === 0 ? options.context?.year : undefined;
    // A window asked ("the deadline for the self-check") wants a day, whatever the question word: the passage stating one
    // next to the question's words answers, not a note that merely speaks of deadlines.
    const dayAsked = !wants && reading.aspects.primary === 'window';
    // The sum a firm can get is a number asked, whatever question word frames it ("what's the maximum a firm can borrow").
    const sumAsked = !wants && asksSum(text);
    const hints: Hints = {
        ...(wants ? { wants } : dayAsked ? { wants: 'date' as const } : sumAsked ? { wants: 'number' as const } : {}),
        ...(cues.unit ? { unit: cues.unit } : dayAsked ? { unit: DAY_STATED } : {}),
        ...(carriedYear ? { year: carriedYear } : {}),
        years,
    };
    // No aspect word, but a question word: the aspect it wants, for a comparison or a question back ("什么时候" → history).
    const inferred = reading.aspects.aspects.length === 0 && wants ? WANTED[wants] : undefined;

    // Two items named with a word of choosing, or one after the other: side by side.
    const [first, second] = named;
    const joined = (a: string, b: string) =>
        joinedInText(text, reading, a, b) || (written.length === 0 && shortJoined(snapshot, text, cues.leftover, a, b));
    if (first && second && comparable(first) && comparable(second) && (cues.chooses || joined(first.id, second.id))) {
        return compare(snapshot, index, withAspect(reading, carried ?? inferred), first, second, base, {
            ...(cues.ellipsis && sameYear ? { year: sameYear } : {}),
            ranks: cues.ranks,
            together: !cues.chooses,
            number: hints.wants === 'number',
        });
    }
    // One named, and the one in focus, with a word of choosing ("跟高企贷比呢", "which is cheaper").
    const held = focus[0];
    if (first && !second && held && held.id !== first.id && cues.chooses && comparable(first) && comparable(held)) {
        return compare(snapshot, index, withAspect(reading, carried ?? inferred), held, first, base, {
            ...(sameYear ? { year: sameYear } : {}),
            ranks: cues.ranks,
        });
    }
    // Several named and no comparison asked: one is the subject, the one whose card holds most of the question (the
    // others lent it a word); an organization only when nothing else is named, or when whom to call is asked. Not one
    // the question likens the asked to ("担保基金收多少担保费，是不是跟微贷通一样"), and of the offerings, one the clause
    // that asks names rather than one told of ("高企贷要交担保费吗？微贷通收了我们2.5%"; see `namedWhereAsked`).
    const { asked, likened } = namedWhereAsked(text, named, namesIn);
    const unlikened = named.filter((i) => !likened.includes(i));
    const candidates = unlikened.length > 0 ? unlikened : named;
    const offerings = candidates.filter((i) => asksOrg || i.kind !== 'organization');
    const askedOfferings = offerings.filter((i) => asked.includes(i));
    // Whom to call asked of an organization named beside a product: that organization ("打算申请履约贷，想先上门咨询科技创业
    // 中心，地址在哪"; the product's channel is that organization anyway). Beside a document, the document's own contact
    // line answers ("who should I contact at STCSM about their reply to proposal 1205").
    const orgAsked =
        asksOrg && named.every((i) => i.kind === 'organization' || i.kind === 'product') ? named.find((i) => i.kind === 'organization') : undefined;
    const docAsked = asksOrg && !orgAsked ? named.find((i) => i.kind === 'document') : undefined;
    // An item named as where something is done ("apply for Huke Zhuandai on the xinyidai platform") is no subject beside
    // another offering the question names (`namedAsPlace`).
    const terms = named.flatMap((item) => reading.named.filter((n) => n.id === item.id).map((n) => ({ item, term: n.term })));
    const places = second ? namedAsPlace(text, terms) : new Set<string>();
    const unplaced = (list: readonly KnowledgeItem[]) => (list.some((i) => !places.has(i.id)) ? list.filter((i) => !places.has(i.id)) : list);
    // The sentence that asks names only organizations, and the offerings are named only where the firm tells of its own
    // dealings ("上海市科技创业中心是归谁管的？我们去年办微贷通的时候就是他们来面试的": `toldOnly`): the organization is asked
    // of, not a channel. (An item described, not named, is described where it asks: "市科委推荐的…那个小额贷款，利率…".)
    const orgsAsked =
        askedOfferings.length === 0 &&
        !describedAs &&
        asked.length > 0 &&
        asked.every((i) => i.kind === 'organization') &&
        toldOnly(
            text,
            named.filter((i) => i.kind !== 'organization').map((i) => i.id),
            namesIn,
        ) !== undefined
            ? asked
            : [];
    const pool = unplaced(
        askedOfferings.length > 0 ? askedOfferings : orgsAsked.length > 0 ? orgsAsked : offerings.length > 0 ? offerings : candidates,
    );
    // An organization the offering named only tells which one is meant: "审核履约贷的那个科技创业中心是哪年成立的".
    const headOrg = second ? headNamed(text, terms, namesIn) : undefined;
    const one = second ? (orgAsked ?? docAsked ?? headOrg ?? bestCovering(index, reading, pool) ?? first) : first;
    // "科技型企业贷款余额多少" → "专精特新的呢": the passage that answered names the new word as another scope of the same
    // figure (专精特新企业3325.69亿元): the same card answers, that sentence first, though the word also names an item. So
    // too when the word is another name of the card in focus ("建多少家持牌科技支行" → "那科技特色支行呢": 30家持牌科技支行和
    // 90家科技特色支行), not a new question of the card's other passages.
    const scoped = cues.ellipsis && one && focus[0] ? sameFigure(index, reading, focus[0], options.context?.field, one) : undefined;
    if (scoped) return answerItem(snapshot, index, focus[0]!, withAspect(reading, carried), base, { ...hints, lead: scoped, again: true });
    // "Which STCSM product targets Little Giant firms": the organization named issues what is asked for, an offering; the
    // search's first offering answers, not the organization's card.
    // The words beside the name rarely make the search confident (a firm's own description comes with them): the first
    // offering answers when the search is, or when it scores far above the next offering.
    const ranked = one && one.kind === 'organization' && !asksOrg && asksForOffering(text) ? offeringsOf(search, get, allowed) : [];
    const issued = ranked[0] && (search.confident || ranked[0].score >= ISSUED_LEAD * (ranked[1]?.score ?? 0)) ? ranked[0].item : undefined;
    if (issued) return answerItem(snapshot, index, issued, reading, base, hints);
    // A named item is the subject, whatever else the message says; "那沪科专贴呢" keeps the aspect asked before.
    // An organization named is mostly whom the founder heard it from ("科委答复里说…开放了多少个数据集"): a passage of
    // another card that holds much more of the question answers it. Any other item named stays the subject unless its
    // card holds little of the question and another card's passage holds far more: then the name was a word of the
    // question, not its subject ("专精特新企业贷款余额": the firms, not the 专精特新 measures).
    // A year asked that the card never states ("SRDI loan balance at Q2 2024" of the 2025 SRDI measures) is of something
    // the card does not hold: a passage of another card stating that year and holding more of the question answers, by
    // the margin of an unnamed subject.
    const ofYearElsewhere = (held: KnowledgeItem) => {
        const unheld = years.length > 0 ? yearsUnheld(index, held.id, years) : [];
        return unheld.length === years.length && unheld.length > 0
            ? evidenceFor(snapshot, index, text, reading, held, allowed, { stating: unheld, least: EVIDENCE_COVERAGE_AGAINST })
            : undefined;
    };
    const byName = one && (one.kind !== 'organization' || one === headOrg);
    if (one && !asksOrg && !cues.bare && !(byName && (cues.ellipsis || cues.refersBack))) {
        // Another card's passage holding far more of the question answers it when the name was a word of the question,
        // not its subject: when the passage writes the name too (专精特新企业贷款余额: the reply's 专精特新企业 figure), or
        // the question asks a year the named card never states. "can a start-up with no revenue get lvyuedai" asks of
        // 履约贷, whatever card speaks more of start-ups and revenue.
        const nameTerm = reading.named.find((n) => n.id === one.id && !n.typo)?.term;
        // A name of several words is written when each of its words is ("SRDI (专精特新) firms … loan balance" of "SRDI loan").
        const saysName = (r: RankedPassage) => {
            const said = normalize(passageText(r));
            return !byName || !nameTerm || nameTerm.split('_').every((word) => termPattern(word).test(said));
        };
        // …and a passage stating the year the card never states is of the name only when it writes it too: "how much
        // did lvyuedai lend in 2023?" is not answered by 沪科专贷's 2023 launch.
        const yearElsewhere = byName ? ofYearElsewhere(one) : undefined;
        // (Or is of another item the question names, or the name is word for word an aspect's phrase: "the 2010 pilot of
        // the insurance-backed loan … each partner bank", where "partner bank" also names the finance alliance.)
        const nameIsAspect = nameTerm !== undefined && isAspectPhrase(snapshot, nameTerm.replace(/_/g, ' '));
        // A Chinese name is written by what it is of, without the word for a loan: 专精特新贷 by "专精特新企业贷款余额".
        const ofWhat = nameTerm?.replace(LOAN_WORD_AT_END, '');
        const saysWhat = (r: RankedPassage) => ofWhat !== undefined && ofWhat.length >= 2 && normalize(passageText(r)).includes(ofWhat);
        const ofYear =
            yearElsewhere &&
            (saysName(yearElsewhere.passage) || saysWhat(yearElsewhere.passage) || named.includes(yearElsewhere.item) || nameIsAspect)
                ? yearElsewhere
                : undefined;
        // A name read only loosely in Latin letters (a piece of its pinyin: "kechuang" of kechuang zhulidai) is weaker
        // evidence than a name written: "the Shanghai kechuang finance alliance" is 科创金融联盟's, whose names hold more
        // of the question. A Han name said by sound (微带通) is the name; a document named by its number is named.
        const readAs = reading.named.filter((n) => n.id === one.id);
        const loosely = readAs.length > 0 && readAs.every((n) => n.typo && /^[a-z0-9_]+$/.test(n.term));
        const elsewhere = ofYear
            ? undefined
            : evidenceFor(snapshot, index, text, reading, one, allowed, { margin: byName && !loosely ? NAMED_MARGIN : EVIDENCE_MARGIN });
        const found = ofYear ?? (elsewhere && saysName(elsewhere.passage) ? elsewhere : undefined);
        if (found) return answerItem(snapshot, index, found.item, reading, base, { ...hints, lead: found.passage });
    }
    if (one) {
        // Asked of one of several named, the others told of ("沪科专贷是2023年出的，那高企贷是哪一年推出的？"): the names of
        // the others and the years told of them are no words the passage should hold.
        const toldOf =
            second && askedOfferings.includes(one)
                ? reading.named.filter((n) => !askedOfferings.some((i) => i.id === n.id) && offerings.some((i) => i.id === n.id))
                : [];
        const asked = toldOf.length > 0 ? withoutWords(reading, [...toldOf.map((n) => n.term), ...toldYears]) : reading;
        const own = ownNameRead(index, text, asked, one.id);
        const answer = answerItem(snapshot, index, one, withAspect(own, cues.bare || cues.ellipsis ? ownCarried : undefined), base, hints);
        // Asked about another place: Shanghai's item is shown as such, never as that place's answer.
        return cues.elsewhere ? { ...answer, confident: false, text: `${elsewhereNote(lang)}${answer.text}` } : answer;
    }

    // The search's first card is what a question naming nothing asks of only when a word of it tells cards apart: the
    // aspect asked and words most cards hold say what is asked, not of which card ("how much does the bank get back?"
    // finds the one card that writes "backs", by a word of the aspect's phrase).
    const telling = index.telling(reading, { ofFocus: focus.length > 0 }).filter((t) => !UNIT_ASKED_TERMS.has(t));
    const leads = search.confident && telling.length > 0;
    // "那个中心自己推出过什么产品" after 科技履约贷 (reviewed by 上海市科技创业中心), "它运营的那个平台" after the credit
    // centre: a pointer whose noun no name of the focus holds, and one item the focus's card relates or lists as a contact
    // does, points at that item (`pointedWithNoun`).
    const nearby = [...new Set(focus.flatMap((f) => [...f.related, ...('contacts' in f ? f.contacts : [])]))]
        .map(get)
        .filter(allowed)
        .filter((i) => !focus.includes(i));
    // A noun every offering is ("这个产品", "that loan") points at the focus itself.
    // (Not when the question writes a name: what it names was weighed above, "它的风险补偿" after the IP-pledge loan too.)
    const pointedNear =
        written.length === 0 && nearby.length > 0 && !POINTS_AT_KIND.test(normalize(text)) ? pointedWithNoun(text, [...focus, ...nearby]) : undefined;
    if (pointedNear && !focus.includes(pointedNear)) return answerItem(snapshot, index, pointedNear, reading, base, hints);
    // Nothing named: the focus, unless the question plainly goes elsewhere (another item ranks first, confidently).
    if (focus.length > 0) {
        const top = new Set(search.results.slice(0, 3).map((r) => r.id));
        const back = cues.refersBack || options.context?.returned === true;
        // A word of choosing with nothing named chooses within what is in focus, whatever card its words find: "哪个服务的
        // 企业多" after two items set side by side, "跟6月末比哪个多" after a figure of one.
        const choosing = cues.chooses;
        // So does a question of fit ("我们是科技型中小企业，能申请吗" after 高企贷): the firm's words say who asks, not of what.
        const fitting = wants === 'fit';
        // The card in focus holds the question's words as well as the card the search puts first ("要多久能放款" after
        // 科技微贷通: its 见保即贷 passage says 放款 as 履约贷's do): the follow-up is the focus's.
        const first = search.results[0]?.id;
        const focusHolds = () => first !== undefined && focusHoldsAsWell(index, reading, focus, [first]);
        // A word of the question that tells cards apart, which no card in focus writes and the search's first card does,
        // takes the question there, though the focus ranks near it by the words they share ("how much relief lending went to
        // tech firms by mid-2024?" after seamless renewal, whose card states its own mid-2024 lending).
        // Not an ellipsis ("what about …?"): it asks the last question again, of the focus unless it names another.
        const goesElsewhere = () => {
            if (cues.ellipsis || !leads || first === undefined || focus.some((f) => f.id === first)) return false;
            const [firstWrites, ...focusWrites] = [first, ...focus.map((f) => f.id)].map((id) => writtenBy(index, id));
            return telling.map(termSaid).some((said) => said(firstWrites!) && focusWrites.every((text) => !said(text)));
        };
        // A number asked with only words that label figures ("金额多少" after 纾困融资贷款) asks a figure of the focus.
        const labels = wants === 'number' ? figureLabels(snapshot) : undefined;
        const ownWords = labels ? telling.filter((t) => !reading.synonymOf?.has(t)) : [];
        const figureOfFocus = labels !== undefined && ownWords.length > 0 && ownWords.every((t) => labels.has(t));
        // An ellipsis with a question of its own ("那 credit self-check 的 deadline 是几号") is weighed as any follow-up is.
        // An ellipsis asks nothing of its own, and is the focus's, unless it says what was meant and its words lead elsewhere
        // ("sorry, I meant the IP loan" after 科技微贷通: the last question, of what was meant). A scope said after what it
        // is not ("not all firms — I mean the 2022 number") is of the focus still.
        const ownEllipsis = bareEllipsis && !(leads && meant !== text);
        // "贴的那个是多少" after 专贷 and 专贴 side by side: the one pointed at, asked the last question again, its year too.
        const [a, b] = focus;
        const pointed = a && b ? pickedOfPair(text, [a, b]) : undefined;
        if (pointed) {
            const again = { ...hints, ...(years.length === 0 && options.context?.year ? { year: options.context.year } : {}) };
            return answerItem(snapshot, index, pointed, withAspect(reading, ownCarried ?? inferred), base, again);
        }
        // "科技履约贷的保费补贴比例" (the subsidy's card answered) → "利率呢": the aspect is the named offering's when its card
        // says it, or says the sources lack it, and the card that answered does neither.
        const namedBefore = !b && options.context?.named ? get(options.context.named) : undefined;
        const askedNow = reading.aspects.primary ?? ownCarried;
        if (namedBefore && allowed(namedBefore) && (cues.bare || bareEllipsis) && askedNow && namedBefore.id !== a?.id) {
            if (givesAspect(index, namedBefore.id, askedNow) && !givesAspect(index, a!.id, askedNow))
                return answerItem(snapshot, index, namedBefore, withAspect(reading, askedNow), base, hints);
        }
        if (
            back ||
            choosing ||
            fitting ||
            cues.bare ||
            ownEllipsis ||
            !leads ||
            figureOfFocus ||
            (focus.some((f) => top.has(f.id)) && !goesElsewhere()) ||
            focusHolds()
        ) {
            if (a && b && comparable(a) && comparable(b))
                return compare(snapshot, index, withAspect(reading, carried ?? inferred), a, b, base, {
                    ...(sameYear ? { year: sameYear } : {}),
                    ranks: cues.ranks,
                });
            // The question speaks of the item in focus: a piece of its name it holds is asked, not the card's name.
            const about = reading.free ? { ...reading, free: { ...reading.free, items: [a!.id] } } : reading;
            // What the item is, asked before, is no aspect to carry into a follow-up with words of its own ("tell me about
            // gaoqidai" → "is collateral needed?"): its words choose the passage. Any other aspect goes on ("适合什么企业" →
            // "我们去年销售额1500万，超了吗").
            // Nor is an aspect the card does not give (its answer would say so), into a follow-up with words that tell cards
            // apart ("科技履约贷要准备哪些材料" → "要抵押吗": collateral, not the documents the sources lack again); its words
            // choose the passage.
            const ownQuestion = !cues.bare && !cues.ellipsis;
            // "do I need to apply for that?" right after the item's subsidy was answered: whether the subsidy is applied
            // for, which its subsidy passage says ("refunded without an application"), not how to apply for the loan.
            // (Of a subsidy itself, "apply for it" is how it is applied for: its own application passage.)
            if (wants === 'apply' && back && options.context?.aspect === 'subsidy' && a!.kind === 'product') {
                const { wants: _apply, ...rest } = hints;
                return answerItem(snapshot, index, a!, withAspect(about, 'subsidy', ['how-to-apply', 'application']), base, rest);
            }
            if (ownQuestion && ownCarried === 'what-is') return answerItem(snapshot, index, a!, about, base, hints);
            const carriedOn = answerItem(snapshot, index, a!, withAspect(about, ownCarried), base, hints);
            return ownQuestion && ownCarried && telling.length > 0 && carriedOn.status === 'not-held'
                ? answerItem(snapshot, index, a!, about, base, hints)
                : carriedOn;
        }
    }
    // An aspect of nothing: ask which item rather than pick one.
    const bareAspect = reading.aspects.primary ?? inferred;
    // An aspect asked of a need only one offering serves is asked of that offering ("续贷要准备什么材料": 无缝续贷).
    const asksBack = cues.bare || (cues.slight && !leads);
    const [needed] = bareAspect && !cues.elsewhere && asksBack ? needNamed(snapshot, text).filter(allowed) : [];
    if (needed) return answerItem(snapshot, index, needed, reading, base, hints);
    // Aspect words that are together the name of the card the search finds ("is there any subsidy for guarantee fees",
    // "担保费有补贴吗": 担保费补贴, fee and subsidy) ask of that card, not which card: its own names hold most of the question.
    // One aspect word is that aspect asked ("担保费多少" asks which fee), however much of a name it is.
    const several = new Set(reading.aspects.aspects.map((a) => a.aspect)).size >= 2;
    const namedByAspects = cues.bare && several && search.confident && search.results[0] ? get(search.results[0].id) : undefined;
    const ownShare = namedByAspects && allowed(namedByAspects) ? Math.min(...index.passages(namedByAspects.id, reading).map((r) => r.coverage)) : 0;
    if (namedByAspects && ownShare >= NAME_SAID) return answerItem(snapshot, index, namedByAspects, reading, base, hints);
    if (cues.bare && bareAspect) return clarify(snapshot, index, bareAspect, base, options.context?.listed);

    // Another city's policy is not Shanghai's, however close the words; a matter beside financing is no card's.
    const item = leads && search.results[0] && !cues.elsewhere && !beside ? get(search.results[0].id) : undefined;
    // An aspect and a word or two that find nothing ("what's the max amount?"): which item is meant, rather than nothing.
    if (!item && bareAspect && cues.slight && !cues.elsewhere) return clarify(snapshot, index, bareAspect, base, options.context?.listed);
    // The card is chosen by the passage that answers: a statistic asked without naming where it is written
    // ("24年二季度末上海科技型企业贷款余额") sits in a passage of a card the words alone rank lower.
    const found =
        cues.elsewhere || cues.slight || beside
            ? undefined
            : ((item ? ofYearElsewhere(item) : undefined) ??
              evidenceFor(snapshot, index, text, reading, item, allowed, item ? { least: EVIDENCE_COVERAGE_AGAINST, foundOnly: true } : {}));
    if (found) return answerItem(snapshot, index, found.item, reading, base, { ...hints, lead: found.passage });
    if (!item) return unknown(snapshot, base);
    // An ellipsis whose words lead away from the focus asks the last question again of where they lead.
    return answerItem(snapshot, index, item, cues.ellipsis ? withAspect(reading, ownCarried) : reading, base, hints);
}

/**
 * A need the question states in its own words ("firms that never borrowed from a bank before", "没贷过款") is read as
 * the vocabulary reads it (`match/understand.ts`: first-loan): the need's own words and their synonyms (首贷,
 * first-time borrower) join the question's words at a synonym's weight, so that the passage saying them is found. The
 * items named and the aspects asked stay as read.
 */
function withNeedWords(index: KnowledgeIndex, text: string, reading: QueryReading): QueryReading {
    const needs = understandQuestion(text).fields.needs ?? [];
    if (needs.length === 0) return reading;
    const terms = new Map(reading.terms);
    for (const need of needs) {
        const own = index.read(`${NEEDS.labels[need].zh} ${NEEDS.labels[need].en}`).terms;
        // Said in the need's own words already ("credit loan"): nothing to add, nor to weigh twice.
        if ([...own].some(([term, weight]) => weight >= 1 && (reading.terms.get(term) ?? 0) >= 1)) continue;
        for (const [term, weight] of own) if (!terms.has(term)) terms.set(term, weight * NEED_WORD_SHARE);
    }
    return terms.size === reading.terms.size ? reading : { ...reading, terms };
}

/**
 * A total lent asked with no word of ability ("2021年一共放出去多少钱": see `asksTotalDone`) is a figure: the figures
 * read lead the amount that 多少钱 also reads.
 */
function totalDone(text: string, reading: QueryReading): QueryReading {
    const { aspects } = reading.aspects;
    if (reading.aspects.primary !== 'amount' || !asksTotalDone(text)) return reading;
    // The figures lead, read or not ("21年放了多少钱" reads only the amount of 多少钱).
    const figures = aspects.find((a) => a.aspect === 'figures') ?? { aspect: 'figures' as const, score: aspects[0]!.score };
    const ordered = [figures, ...aspects.filter((a) => a.aspect !== 'figures')];
    return { ...reading, aspects: { ...reading.aspects, aspects: ordered, primary: 'figures' } };
}

/** Words of growth: how fast something grows is a figure ("how fast was that growing yoy?"), never a time to wait. */
const GROWTH = /增长|增速|同比|涨|\b(?:grow|grows|growing|grew|grown|growth|yoy|year[- ]on[- ]year|year[- ]over[- ]year)\b/i;

/**
 * How fast something went in a year the question names ("how fast did it grow year on year by mid 2024?",
 * "2024年增长得有多快"), or how fast it grows, is a figure, not how long a firm waits for its money: processing time is
 * asked of an application to come, never of a year gone by nor of a growth. The aspect is dropped (a growth asks the
 * figures); the year and the question's words choose.
 */
function paceOfPast(text: string, years: readonly string[], reading: QueryReading): QueryReading {
    const grows = GROWTH.test(normalize(text));
    if (reading.aspects.primary !== 'processing-time' || (years.length === 0 && !grows)) return reading;
    const others = reading.aspects.aspects.filter((a) => a.aspect !== 'processing-time');
    // A growth is a figure asked: the passages stating figures, not the summary.
    const aspects = grows && others.length === 0 ? [{ aspect: 'figures' as const, score: 1 }] : others;
    return { ...reading, aspects: { ...reading.aspects, aspects, primary: aspects[0]?.aspect } };
}

/** The offerings among the search's results, in its order, with their scores. */
function offeringsOf(
    search: Base['search'],
    get: (id: string) => KnowledgeItem | undefined,
    allowed: (i: KnowledgeItem | undefined) => i is KnowledgeItem,
): { item: KnowledgeItem; score: number }[] {
    return search.results.flatMap((r) => {
        const item = get(r.id);
        return allowed(item) && isOffering(item) ? [{ item, score: r.score }] : [];
    });
}

/** The passage `field` of `held` when it writes the word that named `named` in its text. */
function sameFigure(
    index: KnowledgeIndex,
    reading: QueryReading,
    held: KnowledgeItem,
    field: string | undefined,
    named: KnowledgeItem,
): RankedPassage | undefined {
    if (!field) return undefined;
    const passage = index.passages(held.id, reading).find((r) => r.passage.field === field);
    const term = reading.named.find((n) => n.id === named.id)?.term;
    // A note that the card lacks something names where else to ask ("请通过市科委…查询"), and a passage stating no figure
    // ("与沪科专贷配套推出") another item beside it: no other scope of a figure.
    if (!passage || passage.passage.absence || !term) return undefined;
    const text = normalize(passageText(passage));
    if (!figureIn(text)) return undefined;
    return termPattern(term).test(text) ? passage : undefined;
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

/** The first year the passage that last answered states (see `thenYear`), if the context says which one it was. */
function yearOfField(index: KnowledgeIndex, context: AnswerOptions['context']): string | undefined {
    const passage = passageOfField(index, context);
    return passage ? yearsIn(passageText(passage))[0] : undefined;
}

/** The passage that answered the last question: the focus's field (`AnswerContext.field`) on its first item. */
function passageOfField(index: KnowledgeIndex, context: AnswerOptions['context']): RankedPassage | undefined {
    const id = context?.focus?.[0];
    const field = context?.field;
    return id && field ? index.passages(id).find((r) => r.passage.field === field) : undefined;
}

/**
 * The aspect of the field that answered the last question, when its place on the card says it (terms.risk_sharing,
 * how_to_apply.0): a free statement (facts, notes, the body) speaks of several, and the summary of the item as a whole.
 */
function aspectOfField(index: KnowledgeIndex, context: AnswerOptions['context']): Aspect | undefined {
    const passage = passageOfField(index, context)?.passage;
    const aspect = passage && passage.typed && !passage.absence ? passage.aspects[0] : undefined;
    return aspect === 'what-is' ? undefined : aspect;
}

/** The one aspect whose Chinese phrases hold one of `words` as a piece (银行 of 合作银行), if only one does. */
function aspectOfPiece(snapshot: KnowledgeSnapshot, words: readonly string[]): Aspect | undefined {
    const found = ASPECTS.values.filter((aspect) => {
        const phrases = snapshot.aspects[aspect]?.zh ?? [];
        return words.some((w) => w.length >= 2 && phrases.some((p) => p !== w && p.includes(w)));
    });
    return found.length === 1 ? found[0] : undefined;
}

/**
 * "and its partner banks?" or "what are the partner banks?" after 高企贷: a name that is, word for word, an aspect's
 * phrase ("partner banks", a name of the finance alliance and the partner-banks aspect), said of the item in focus, is
 * that aspect asked of it, not another item named, unless the two cards are related. "What are" only frames it.
 */
function nameAsAspect(snapshot: KnowledgeSnapshot, text: string, context: AnswerContext | undefined, reading: QueryReading): QueryReading {
    if (!context?.focus.length || reading.named.length !== 1) return reading;
    const named = reading.named[0]!;
    // Without a word pointing back ("its", 它的), the name is still the aspect unless the message says more of that
    // card's names: "who are the partner banks" after 小巨人信用贷 asks its banks, "what is the partner banks alliance"
    // asks of the alliance.
    if (!refersBackIn(text) && saysMoreOfNames(snapshot.items.get(named.id), text, named.term)) return reading;
    // A card related to the one in focus is what "its …" names: 它的保费补贴 after 科技履约贷 is the premium subsidy card.
    const related = (a: string, b: string) => snapshot.items.get(a)?.related.includes(b) === true;
    if (context.focus.some((id) => id === named.id || related(id, named.id) || related(named.id, id))) return reading;
    const said = named.term.replace(/_/g, ' ');
    const aspect = aspectOfPhrase(snapshot, said);
    if (!aspect) return reading;
    // Its words are then the aspect's, weighed as an aspect word's are (passage-rank.ts), not as the question's own.
    const aspectTerms = new Set([...reading.aspectTerms, named.term, ...named.term.split('_')]);
    return withAspect({ ...reading, named: [], aspectTerms }, aspect, FRAME);
}

/** The message holds an English word of the card's names beyond the name it was read by (`term`), or is no English message. */
function saysMoreOfNames(item: KnowledgeItem | undefined, text: string, term: string): boolean {
    const said = normalize(text).toLowerCase();
    if (!item || !/^[a-z]/.test(term)) return true;
    const names = new Set(latinWords([item.name_en ?? '', ...item.aliases.en].join(' ').toLowerCase()));
    const read = new Set(term.split('_'));
    return latinWords(said).some((w) => names.has(w) && !read.has(w) && !STOP_WORDS.has(w));
}

/** The word for a loan closing a Chinese name (专精特新贷, 科技履约贷款). */
const LOAN_WORD_AT_END = /(?:贷款|贷|融资)$/;

/** The aspect whose phrase the words are, word for word (stemmed): "partner banks" of the partner banks. */
function aspectOfPhrase(snapshot: KnowledgeSnapshot, said: string): Aspect | undefined {
    return ASPECTS.values.find((a) => {
        const phrases = snapshot.aspects[a];
        return [...(phrases?.zh ?? []), ...(phrases?.en ?? [])].some((p) => stemmed(p) === said);
    });
}
const isAspectPhrase = (snapshot: KnowledgeSnapshot, said: string) => aspectOfPhrase(snapshot, said) !== undefined;

/** A phrase as the index spells a name it reads: normalized, an English one as its stemmed words joined by spaces. */
function stemmed(phrase: string): string {
    const said = normalize(phrase).toLowerCase();
    return /^[a-z][a-z\s-]*$/.test(said) ? latinWords(said).join(' ') : said;
}

/** A card gives an aspect: a field of its own says it, or a note says the sources lack it. */
function givesAspect(index: KnowledgeIndex, id: string, aspect: Aspect): boolean {
    return index
        .passages(id)
        .some(
            (r) =>
                (r.passage.typed && r.passage.aspects[0] === aspect) ||
                (r.passage.absence && (r.passage.absentOf ?? r.passage.aspects).includes(aspect)),
        );
}

/** The reading without the terms of `words` (a short name's word: see `shortIsWord`). */
function withoutWords(reading: QueryReading, words: readonly string[]): QueryReading {
    return { ...reading, terms: new Map([...reading.terms].filter(([t]) => !words.some((w) => w.includes(t) || t.includes(w)))) };
}

/**
 * Words saying that what is named is the focus's, pointing back: 它的 / 它们的 (its, their) before the name, "its", "for it",
 * "of it", "on them". Not a bare "it", which may be the item just named ("the Huke one - how much has it lent").
 */
const OF_FOCUS = /它的|它们的|\bits\b|\btheir\b|\b(?:for|of|on|under|with) (?:it|them)\b/i;

/** Whether a card's passages write a name of `of` (its Chinese or English name or an alias): it speaks of that item. */
function speaksOf(index: KnowledgeIndex, card: KnowledgeItem, of: KnowledgeItem): boolean {
    const names = [of.name, of.name_en ?? '', ...of.aliases.zh, ...of.aliases.en].map((n) => normalize(n).toLowerCase()).filter((n) => n.length >= 3);
    const text = writtenBy(index, card.id);
    return names.some((n) => text.includes(n));
}

/** What a card's passages write, folded and in lower case, one passage from the next kept apart by a character no word holds. */
function writtenBy(index: KnowledgeIndex, id: string): string {
    return index
        .passages(id)
        .map((r) => normalize(passageText(r)).toLowerCase())
        .join('\u0000');
}
