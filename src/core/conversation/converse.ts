/**
 * One turn of a conversation, for every chat front: a message read against
 * what the conversation holds (state.ts), giving the next state and what to
 * reply, as data. The bot, the terminal and the web page call this and only
 * word and mark up the reply; none of them reads a message on its own.
 *
 * A turn goes:
 * 1. what the message tells about the firm (match/understand.ts) joins the
 *    profile told so far; a correction replaces instead of adding, a denial
 *    takes a qualification out (match/told-profile.ts);
 * 2. a message that asks which products fit ("有哪些适合我") is matched on
 *    that profile, or asks for one when nothing is known; a message that
 *    only tells about the firm is matched too, with what was read shown so
 *    that it can be put right;
 * 3. anything else is a question, answered with the items in focus and the
 *    aspect last asked as its context (answer/answer.ts decides whether the
 *    question stays on them); "第二个" picks from the last match list; a
 *    question of that list ("这几个利率分别是多少") is asked of each product
 *    on it, and "还有别的吗" after an answer lists the item's related offerings
 *    (a reply of several answers, `answers`);
 * 4. the answer's items and aspect become the focus of the next turn.
 */
import { subjectCues, yearsIn, type Answer } from '../answer/answer.ts';
import { asksForOffering, asksForOthers, intends, type Wanted } from '../answer/reading.ts';
import { toldOnly } from '../answer/subject.ts';
import { langOfText } from '../language.ts';
import { termPattern } from '../search/stem.ts';
import { normalize } from '../search/tokenize.ts';
import { isOffering, type KnowledgeItem } from '../knowledge/schema.ts';
import { ProfileError } from '../match/profile.ts';
import { isEmptyDraft, tellProfile, type Draft } from '../match/told-profile.ts';
import { namesNoFigureKind } from '../match/understand.ts';
import type { MatchResponse, Understood } from '../match/types.ts';
import type { KnowledgeService } from '../service.ts';
import { QUALIFICATIONS, type Lang, type Need } from '../vocabulary.ts';
import {
    acknowledgesOnly,
    asksBeyondAgain,
    asksForMatch,
    asksNothingMore,
    asksSomething,
    asksWhatExists,
    asksWhatFirmMayGet,
    asksWhichFits,
    correctsEarlier,
    deniesUnnamed,
    asksOfList,
    pointsAtList,
    languageAsked,
    pickedPlaces,
    withoutPick,
    restatesQuestion,
    returnsToEarlier,
    changesTopic,
    speaksOfFirm,
    wantsFinancing,
    withoutOfferingsAsked,
} from './intent.ts';
import { MAX_FOCUS, MAX_MATCHED, type ConversationState, type Focus } from './state.ts';

export type TurnReply =
    /** The answer to a question; `understood` is what the message also told about the firm. */
    | { readonly kind: 'answer'; readonly answer: Answer; readonly understood: readonly Understood[] }
    /**
     * The products matched on the profile told so far; `asked`: the message asked for them (else it only told about the
     * firm); `rated`: the message asked how these named items fit ("那高企贷我们能申请吗"): shown whatever their rating.
     */
    | {
          readonly kind: 'match';
          readonly response: MatchResponse;
          readonly profile: Draft;
          readonly understood: readonly Understood[];
          readonly asked: boolean;
          readonly rated?: boolean;
      }
    /** The message asked what fits, but nothing is known of the firm yet: ask for it (the questionnaire). */
    | { readonly kind: 'need-profile'; readonly understood: readonly Understood[] }
    /** The message only thanked or acknowledged ("谢谢", "ok thanks"): say so, and keep the conversation as it was. */
    | { readonly kind: 'ack' }
    /** A question asked of each product of the list just matched ("这几个利率分别是多少"): each one's answer, in the list's order. */
    | { readonly kind: 'answers'; readonly answers: readonly Answer[] };

export interface Turn {
    readonly state: ConversationState;
    readonly reply: TurnReply;
    /** The language of the reply: the user's choice, else the message's. */
    readonly lang: Lang;
}

export interface TurnOptions {
    /** The language when the user chose none and the message says none (digits only). */
    readonly defaultLang: Lang;
    /** Ranked results kept beside an answer. Default 3. */
    readonly limit?: number;
}

export function converse(service: KnowledgeService, state: ConversationState, message: string, options: TurnOptions): Turn {
    // "请用中文回答：…", "English please": the language asked is the user's choice from now on, as /lang is; the rest of
    // the message is what it asks. Asking nothing more, the last question is answered again in that language.
    const switched = languageAsked(message.trim());
    if (switched) {
        const chosen = { ...state, lang: switched.lang };
        const last = state.focus?.items.length === 1 ? state.focus.items[0] : undefined;
        if (asksNothingMore(switched.rest) && last) {
            const again = service.answerAbout(last, state.focus?.aspect ?? 'what-is', { lang: switched.lang });
            if (again)
                return {
                    state: chosen,
                    lang: switched.lang,
                    reply: { kind: 'answer', answer: { ...again, question: message.trim() }, understood: [] },
                };
        }
        if (switched.rest.length > 0) return converse(service, chosen, switched.rest, options);
        // Nothing to answer again: the choice is kept all the same.
        state = chosen;
    }
    const text = message.trim();
    const lang = state.lang ?? langOfText(text, options.defaultLang);
    if (acknowledgesOnly(text)) return { state, lang, reply: { kind: 'ack' } };
    // "不对，我要问的是高新技术企业的" after an answer says what the question was about, not what the firm is.
    const restated = state.focus !== undefined && restatesQuestion(text);
    const read = service.understand(text);
    // "纾困融资贷款是什么", "how does IP-pledge financing work" ask about an item: the need its name says is not told of the
    // firm, unless the message speaks of the firm ("我们想做知识产权质押"). Needs its other words say stay ("沪科专贴有没有
    // 倾斜？比如对首贷户、没抵押的企业").
    // A message that is only a name ("纾困融资贷款", "seamless renewal?") asks about the item as much.
    const unnamed = read.understood.length > 0 ? withoutNames(text, service.read(text).named) : text;
    const onlyNamesNeeds =
        !restated &&
        read.understood.length > 0 &&
        read.understood.every((u) => u.field === 'needs') &&
        (asksSomething(text) || !/[\p{L}\p{N}]/u.test(unnamed)) &&
        !speaksOfFirm(text) &&
        !service.understand(unnamed).understood.some((u) => u.field === 'needs');
    // "这些都是信用贷款吗" right after a match asks of the products listed: the need it names is what is asked of them.
    const needOfList =
        state.matched !== undefined &&
        state.focus === undefined &&
        asksOfList(text) &&
        asksSomething(text) &&
        read.understood.length > 0 &&
        read.understood.every((u) => u.field === 'needs');
    const {
        fields,
        understood,
        declined,
        asked: unrefused,
    } = restated || onlyNamesNeeds || needOfList ? { ...read, fields: {}, understood: [], declined: [] } : read;
    // What the message turns down ("不想做知识产权质押了") is not what it asks about: read and answer the rest.
    const asked = declined.length > 0 ? unrefused : text;
    // "说错了，我们还不是" denies what was told without naming it: the firm's one qualification, when it told only one.
    const held = state.profile?.qualifications ?? [];
    const denied = understood.length === 0 && !restated && held.length === 1 && correctsEarlier(text) && deniesUnnamed(text) ? held[0] : undefined;
    const told = understood.length > 0 || denied !== undefined;
    const profile =
        told || declined.length > 0
            ? tellProfile(state.profile ?? {}, denied ? { qualificationsLacking: [denied] } : fields, {
                  correction: correctsEarlier(text),
                  declined,
                  figureUnnamed: namesNoFigureKind(text),
              })
            : (state.profile ?? {});
    const next: ConversationState = { ...state, ...(isEmptyDraft(profile) ? {} : { profile }) };

    const reading = service.read(asked);
    // A title's certificate words told with it ("we got the tech SME registration", "高企证书下来了") ask no aspect.
    const asksAspect = reading.aspects.aspects.length > 0 && (!told || service.read(withoutTitles(service, asked)).aspects.aspects.length > 0);
    // A need turned down ("不好意思，我们之前贷过款": no first loan) changes a profile already told as a statement does.
    const changed = told || (declined.length > 0 && !isEmptyDraft(state.profile ?? {}));
    const plainStatement = changed && reading.named.length === 0 && !asksAspect && !asksSomething(asked);
    // "有没有什么贷款" in or after messages that told about the firm ("贷款明年3月到期" → "有啥办法") asks for the match;
    // "有没有什么办法不用先还本就能续贷" asks for one thing, which its asking clauses alone find: that is answered (the
    // match is offered beside it).
    const toldSoFar = told || !isEmptyDraft(state.profile ?? {});
    // A wish for financing, or asking whether the firm can borrow ("我们公司想贷款", "没有抵押物，能贷款吗", "we need a
    // loan"), is asking what fits, unless something is in focus (then it is most likely said of that item) or one card
    // answers it: nothing told, in words about no card in particular (see the search's `specific`); told, when its
    // asking clauses find no one card ("我们想用专利贷款" is about one kind of loan, which the search finds).
    const wish = asksWhatExists(asked) || asksWhatFirmMayGet(asked) || (wantsFinancing(asked) && !state.focus?.items.length);
    // A body named with the offering asked ("which STCSM loan fits us") names who offers it, not what is asked of.
    const namesOnlyBodies = reading.named.every((n) => service.getItem(n.id)?.kind === 'organization');
    // After messages that told about the firm, with no item in focus, a question that tells nothing more, names nothing,
    // asks no aspect but fit (or what something is) and holds no word telling one card from another has nothing to ask but what fits ("有合适的
    // 吗", "anything for us?", "any suggestions?"), whatever words it asks with: the profile told is all it can be about.
    // (A message that tells and asks in one breath asks its own question; "信用类贷款2021年放了多少" asks of a kind.)
    const places = reading.named.length === 0 ? pickedPlaces(text) : [];
    const onlyFit =
        places.length === 0 &&
        !told &&
        !isEmptyDraft(state.profile ?? {}) &&
        !state.focus?.items.length &&
        reading.named.length === 0 &&
        // "which of these is fastest to get?" asks of the list shown, not again what fits.
        !(state.matched !== undefined && asksOfList(asked)) &&
        asksSomething(asked) &&
        // "what are our options": what is asked of nothing is asked of the firm's options.
        (reading.aspects.aspects.every((a) => a.aspect === 'what-is') || asksWhichFits(asked)) &&
        service.telling(asked).length === 0;
    // "还有别的吗", "any others?" after an answer about an item, naming nothing and asking nothing more: others of its
    // kind. The firm told of: what fits it (the match); else the offerings the item's card relates (below).
    const besidesOthers = asksForOthers(asked);
    const othersAsked =
        (state.focus?.items.length ?? 0) > 0 &&
        reading.named.length === 0 &&
        reading.aspects.aspects.length === 0 &&
        besidesOthers !== undefined &&
        service.telling(besidesOthers).length === 0;
    const wantsMatch =
        (othersAsked && !isEmptyDraft(profile)) ||
        onlyFit ||
        ((reading.named.length === 0 || (namesOnlyBodies && asksForMatch(asked) && asksForOffering(asked))) &&
            (asksForMatch(asked) ||
                (wish &&
                    !asksForOne(service, asked) &&
                    (toldSoFar || (reading.aspects.aspects.length === 0 && !service.search(asked, { limit: 1 }).confident)))));
    // Right after a match (no answer has set a focus since), a message that changes the profile and asks nothing of
    // its own ("说错了，我们已经是高企了，那现在呢", "sorry, we are high-tech — what about now?") asks for the match
    // again on the profile as it now is; "2021年放了多少" asks something else.
    const afterMatch = state.matched !== undefined && state.focus === undefined;
    // So does one that asks again what suits the firm ("说错了，我们还没拿到高企认定…那有什么合适的").
    // A name read only through a slip, in a correction that tells the firm's facts, is those facts ("sorry, not SRDI,
    // we're a Sci-Tech Little Giant": the title, read one letter from "Sci-Tech Little Giant loan").
    const namedAsked = correctsEarlier(text) ? reading.named.filter((n) => !n.typo) : reading.named;
    const rematch = told && afterMatch && namedAsked.length === 0 && !asksAspect && (!asksBeyondAgain(asked) || asksWhichFits(asked));
    // "哪个适合我们这种小公司" right after two items were set side by side, nothing told of the firm that the vocabulary
    // reads: whom each is for, side by side (below), rather than questions about the firm before any answer.
    const fitOfPair = wantsMatch && !plainStatement && isEmptyDraft(profile) && (state.focus?.items.length ?? 0) >= 2;
    if ((wantsMatch || plainStatement || rematch) && !fitOfPair) {
        if (isEmptyDraft(profile)) return { state: next, lang, reply: { kind: 'need-profile', understood } };
        try {
            const all = service.match(profile, { lang });
            // "那我适合哪个" after two items were set side by side: those two, rated for this firm.
            const pair = state.focus && state.focus.items.length >= 2 ? new Set(state.focus.items) : undefined;
            const among = pair ? all.matches.filter((m) => pair.has(m.id)) : [];
            const listed = among.length > 0 ? { ...all, matches: among } : all;
            const response = declined.length > 0 ? { ...listed, matches: lastIfDeclined(service, listed.matches, declined) } : listed;
            const matched = response.matches
                .filter((m) => m.eligibility !== 'ineligible')
                .slice(0, MAX_MATCHED)
                .map((m) => m.id);
            const { focus: _focus, ...rest } = next;
            return { state: { ...rest, matched }, lang, reply: { kind: 'match', response, profile, understood, asked: !plainStatement } };
        } catch (err) {
            if (!(err instanceof ProfileError)) throw err;
            // A profile that no longer fits the vocabulary: start it again rather than fail every turn.
            const { profile: _bad, ...rest } = next;
            return { state: rest, lang, reply: { kind: 'need-profile', understood } };
        }
    }

    if (othersAsked) {
        const related = [...new Set(state.focus!.items.flatMap((id) => service.getItem(id)?.related ?? []))]
            .map((id) => service.getItem(id))
            .filter((item): item is KnowledgeItem => item !== undefined && isOffering(item) && !state.focus!.items.includes(item.id))
            .slice(0, MAX_MATCHED);
        const answers = related.flatMap((item) => {
            const about = service.answerAbout(item.id, 'what-is', { lang });
            return about ? [{ ...about, question: asked }] : [];
        });
        // The list shown is the one "第二个" picks from next, as after a match.
        const { focus: _shown, ...rest } = next;
        if (answers.length > 0) return { state: { ...rest, matched: answers.map((a) => a.item!.id) }, lang, reply: { kind: 'answers', answers } };
    }

    // "第二个" picks one from the last list shown; "前两个", "第一个和第三个" pick two, set side by side.
    const pickedTwo = places.length === 2 ? places.map((p) => state.matched?.[p - 1]).filter((id): id is string => id !== undefined) : [];
    const picked = places.length === 1 ? state.matched?.[places[0]! - 1] : undefined;
    // "回到刚才那个贷款": the items in focus before the aside are the subject again, the aside becomes the one before.
    const returned = !picked && state.focus?.before && returnsToEarlier(asked) ? state.focus.before : undefined;
    const cues = subjectCues(asked, reading);
    // "跟第二个比哪个好" with one item in focus: the one picked from the last list, set beside it on the aspect asked before.
    const beside = picked && cues.chooses && state.focus?.items.length === 1 && state.focus.items[0] !== picked ? state.focus.items[0] : undefined;
    // "那利率最低的是哪个" right after a match: a choice by an aspect among what was matched, the first two side by side.
    // A choice among all of the list ("这几个哪个利率最低") is asked of each (below): all of them are weighed.
    const amongMatched =
        pickedTwo.length === 2
            ? { items: pickedTwo }
            : beside
              ? { items: [beside, picked!], ...(state.focus?.aspect ? { aspect: state.focus.aspect } : {}) }
              : !picked &&
                  !returned &&
                  afterMatch &&
                  reading.named.length === 0 &&
                  cues.chooses &&
                  !asksOfList(asked) &&
                  (state.matched?.length ?? 0) >= 2
                ? { items: state.matched!.slice(0, 2) }
                : undefined;
    // "这几个利率分别是多少", "do any of these need collateral?" right after a match: asked of each product on the list.
    // A choice among them is set side by side (above); a product named is asked of itself, and so is one the question's
    // own words find ("how could we use these to borrow, and where is the pledge registered?": IP pledges). The list
    // stays to pick from.
    const ofList =
        afterMatch &&
        !picked &&
        !amongMatched &&
        reading.named.length === 0 &&
        asksOfList(asked) &&
        asksSomething(asked) &&
        // "these" may be what the firm told of; 这些 / 这几个 right after a list is the list ("这些都需要担保吗").
        (pointsAtList(asked) || !(service.telling(asked).length > 0 && service.search(asked, { limit: 1 }).confident));
    if (ofList) {
        const answers = state.matched!.map((id) => ({
            ...service.answer(asked, { lang, limit: options.limit ?? 3, context: { focus: [id], returned: true } }),
            question: asked,
        }));
        if (answers.length > 0) return { state: next, lang, reply: { kind: 'answers', answers } };
    }
    const focus: Focus | undefined =
        picked && !beside
            ? { items: [picked], ...(state.focus?.aspect ? { aspect: state.focus.aspect } : {}) }
            : returned
              ? { items: returned.items, before: { items: state.focus!.items, ...(state.focus!.aspect ? { aspect: state.focus!.aspect } : {}) } }
              : (amongMatched ?? state.focus);
    // "高企贷…" → "那微贷通呢" → "哪个额度高": which is more of something, with one item in focus and another just
    // before it, chooses between those two; so does asking to compare the two ("两个比一下", "compare the two").
    const pair =
        focus &&
        !picked &&
        !returned &&
        reading.named.length === 0 &&
        (cues.ranks || cues.both) &&
        focus.items.length === 1 &&
        focus.before?.items.length === 1
            ? [focus.before.items[0]!, focus.items[0]!]
            : undefined;
    // "ok, switching topics: how long does IP pledge registration take now?": the question is read apart from the focus,
    // unless it points back all the same ("another question: what's its rate?").
    const fresh = cues.refersBack ? undefined : changesTopic(asked);
    const context =
        focus && fresh === undefined
            ? {
                  focus: pair && pair[0] !== pair[1] ? pair : focus.items,
                  ...(fitOfPair ? { aspect: 'eligibility' as const } : focus.aspect ? { aspect: focus.aspect } : {}),
                  ...(focus.year ? { year: focus.year } : {}),
                  ...(focus.field ? { field: focus.field } : {}),
                  ...(focus.wants ? { wants: focus.wants } : {}),
                  ...(focus.named ? { named: focus.named } : {}),
                  // Picked from the last list ("tell me more about the first one") is pointed at, as 它 is: "first" is no
                  // word of the question that could take it elsewhere (首贷, first loans).
                  ...(returned || picked ? { returned: true } : {}),
              }
            : // Right after a match, nothing is in focus; a question back offers the products just listed.
              afterMatch && state.matched!.length > 0
              ? { focus: [], listed: state.matched! }
              : undefined;
    const answerOptions = { lang, limit: options.limit ?? 3, ...(context ? { context } : {}) };
    // The words that picked the item are not asked of it ("the first one": not 首贷, first loans); "第二个" alone asks
    // for the item as a whole.
    const rest = picked || pickedTwo.length === 2 ? withoutPick(asked) : undefined;
    // The question echoed is what the founder wrote, correction words and all ("不对，是明年三月到期"), not what was searched.
    const question = rest && /[\p{L}\p{N}]/u.test(rest) ? rest : fresh && /[\p{L}\p{N}]/u.test(fresh) ? fresh : asked;
    let answer = { ...service.answer(question, answerOptions), question: asked };
    // "我们公司是科技小巨人企业" → "有没有专门给我们的信用贷？": what the firm told before is part of a question that speaks
    // of the firm, as it is when both are said in one message. Read with the firm's qualifications before it, when
    // alone it finds nothing.
    const toldBefore = !isEmptyDraft(state.profile ?? {});
    if (answer.status === 'unknown' && toldBefore && speaksOfFirm(asked)) {
        const kinds = qualificationWords(state.profile ?? {});
        const withFirm = kinds && service.answer(`${kinds}, ${asked}`, answerOptions);
        if (withFirm && withFirm.confident && withFirm.item) answer = { ...withFirm, question: answer.question };
    }
    // What the question's own form asked goes on with the focus; "那X呢" asks it again (see AnswerContext.wants), and so
    // will the next one.
    // A question back offers the likely items: they are the last list shown, which "第二个" / "the second one" picks from.
    const offered = answer.clarify && answer.suggestions.length > 0 ? { matched: answer.suggestions.slice(0, MAX_MATCHED).map((r) => r.id) } : {};
    // "我们之前用过高企贷，额度还行" while 科技微贷通 is in focus: the firm tells of an item it has used, seen or heard of,
    // asking nothing and wishing for nothing. That item is shown, but the conversation stays on the one asked about ("那它
    // 的担保费是多少" asks of 微贷通). A wish ("我们想申请高企贷"), a correction ("说错了，是履约贷的") or a question turns
    // to the item named.
    const toldOfOther =
        state.focus !== undefined &&
        state.focus.items.length > 0 &&
        reading.named.length > 0 &&
        !reading.named.some((n) => state.focus!.items.includes(n.id)) &&
        // Aspect words without a question are told too ("额度还行": the amount was fine).
        !asksSomething(asked) &&
        speaksOfFirm(asked) &&
        !intends(asked) &&
        !correctsEarlier(text) &&
        !restated;
    const left = toldOfOther ? { focus: state.focus! } : focusAfter(answer, focus, cues.wants ?? (cues.ellipsis ? focus?.wants : undefined));
    // The one offering the question named, when another card answered it ("科技履约贷的保费补贴比例": the subsidy's card),
    // for a next "利率呢" that the card answering does not give (see AnswerContext.named).
    const offeringsNamed = reading.named.map((n) => service.getItem(n.id)).filter((i) => i !== undefined && isOffering(i));
    // Not one the firm only told of where another question is asked ("我们之前办过高企贷。那这个的利率是多少": `toldOnly`).
    const namedOther =
        !toldOfOther &&
        !answer.comparison &&
        answer.item &&
        offeringsNamed.length === 1 &&
        offeringsNamed[0]!.id !== answer.item.id &&
        toldOnly(asked, [offeringsNamed[0]!.id], (piece) => service.read(piece).named.map((n) => n.id)) === undefined
            ? offeringsNamed[0]!.id
            : undefined;
    const kept = namedOther && left.focus ? { focus: { ...left.focus, named: namedOther } } : left;
    const after = { ...next, ...offered, ...kept };
    // "高企贷跟沪科专贷比，哪个更适合我们": with the firm known, the pair rated for it says more than the side-by-side;
    // "那高企贷我们能申请吗" after earlier messages told about the firm: that item, rated for it (its conditions and what the
    // firm lacks). A message that tells about the firm and asks in one breath gets the answer to what it asks, with the
    // match offered beside it: its particulars ("贷款2026年底到期") are in the answer, not in a rating.
    const rated = answer.comparison
        ? asksWhichFits(text) && answer.comparison.items.map((i) => i.id)
        : toldBefore && answer.item && answer.status !== 'unknown' && cues.wants === 'fit' && [answer.item.id];
    if (rated && !isEmptyDraft(profile)) {
        const pair = new Set(rated);
        try {
            const all = service.match(profile, { lang });
            const matches = all.matches.filter((m) => pair.has(m.id));
            if (matches.length > 0)
                return {
                    state: after,
                    lang,
                    reply: { kind: 'match', response: { ...all, matches }, profile, understood, asked: true, rated: true },
                };
        } catch (err) {
            if (!(err instanceof ProfileError)) throw err;
        }
    }
    return { state: after, lang, reply: { kind: 'answer', answer, understood } };
}

/** The message without the names it was read to say (see `QueryReading.named`). */
function withoutNames(text: string, named: readonly { readonly term: string }[]): string {
    return named.reduce((rest, n) => rest.replace(termPattern(n.term), ' '), normalize(text));
}

/** Words that name a title's certificate or status, right after the title. */
const TITLE_PAPER = /^\s*(?:registration|certificate|certification|cert|status|recognition|认定|证书|资质|称号)/i;

/** The message without the titles it names and their certificate words: what is told of a title asks nothing of a card. */
function withoutTitles(service: KnowledgeService, text: string): string {
    // As the lexicon reads it, so that its indices hold.
    let out = text.normalize('NFKC').replace(/[“”"「」]/g, '');
    for (const m of service
        .lexicon()
        .mentions('qualifications', out)
        .sort((a, b) => b.index - a.index)) {
        const paper = TITLE_PAPER.exec(out.slice(m.index + m.word.length));
        out = out.slice(0, m.index) + ' ' + out.slice(m.index + m.word.length + (paper?.[0].length ?? 0));
    }
    return out;
}

/** The firm's qualifications as the cards write them (科技小巨人, not the label's aside 含培育), or '' when it told none. */
function qualificationWords(profile: Draft): string {
    return (profile.qualifications ?? []).map((q) => QUALIFICATIONS.labels[q].zh.replace(/（[^）]*）/g, '')).join(' ');
}

/** The products that serve only needs the message turned down ("不想做知识产权质押") go to the end of the list. */
function lastIfDeclined<M extends { readonly id: string }>(service: KnowledgeService, matches: readonly M[], declined: readonly Need[]): M[] {
    const kept: M[] = [];
    const last: M[] = [];
    for (const m of matches) {
        const item = service.getItem(m.id);
        const needs = item && 'needs' in item ? (item.needs ?? []) : [];
        (needs.length > 0 && needs.every((n) => declined.includes(n)) ? last : kept).push(m);
    }
    return [...kept, ...last];
}

/**
 * The clauses of a message that ask, searched alone, find one item confidently. Clauses that ask for a kind of loan
 * ("有没有不用抵押的贷款": a need) ask for the products of that kind, whatever card their words find.
 */
function asksForOne(service: KnowledgeService, text: string): boolean {
    const asking = text.split(/(?<=[，。,.;；!！?？\n])/).filter(asksSomething);
    if (asking.length === 0 || (service.understand(asking.join('')).fields.needs?.length ?? 0) > 0) return false;
    // Only the words beyond "有什么选择" / "what options" say what is asked about: a word of that frame a card happens
    // to write (选择 of "选择服务机构") finds no card.
    const about = withoutOfferingsAsked(asking.join('')).trim();
    return about !== '' && service.search(about, { limit: 1 }).confident;
}

/**
 * The focus an answer leaves: its items and aspect. A question back keeps
 * the aspect with no item ("利率多少" → "高企贷"); an answer that found
 * nothing keeps the focus there was, so that "它" still means it.
 */
export function focusAfter(answer: Answer, before: Focus | undefined, wants?: Wanted): { focus?: Focus } {
    const aspect = answer.aspect && answer.aspect !== 'comparison' ? answer.aspect : (answer.comparison && answer.aspects[0]) || undefined;
    if (answer.clarify) return { focus: { items: [], ...(answer.clarify.aspect ? { aspect: answer.clarify.aspect } : {}) } };
    const items = answer.comparison ? answer.comparison.items.map((i) => i.id) : answer.item ? [answer.item.id] : [];
    if (items.length === 0) return before ? { focus: before } : {};
    // The year asked goes on with the aspect ("2021年放了多少" → "那微贷通呢"); a question naming none keeps the one before.
    const year = yearsIn(answer.question)[0] ?? (before?.year && before.aspect === aspect ? before.year : undefined);
    // A new subject keeps the last one as the one before, for "回到刚才那个…"; the same subject keeps what it had.
    const same = before && before.items.length === items.length && before.items.every((id, i) => id === items[i]);
    const earlier = same
        ? before.before
        : before && before.items.length > 0
          ? { items: before.items, ...(before.aspect ? { aspect: before.aspect } : {}) }
          : undefined;
    // The field of the passage that answered one item, for "那X呢" asked of the same passage (see AnswerContext.field).
    const field = items.length === 1 && !answer.comparison ? answer.facts.find((f) => f.item === items[0])?.field : undefined;
    // `wants`: what the question's form asked, given by the turn that read it ("Who's the insurer on weidaitong?" →
    // "what about lvyuedai" → "and zhulidai?").
    return {
        focus: {
            items: items.slice(0, MAX_FOCUS),
            ...(aspect ? { aspect } : {}),
            ...(year ? { year } : {}),
            ...(earlier ? { before: earlier } : {}),
            ...(field ? { field } : {}),
            ...(wants ? { wants } : {}),
        },
    };
}

/** The state once the user has read an item's card or pressed an aspect button: that item is in focus. */
export function focusOn(state: ConversationState, answerOrItem: Answer | string): ConversationState {
    if (typeof answerOrItem === 'string') return { ...state, focus: { items: [answerOrItem] } };
    return { ...state, ...focusAfter(answerOrItem, state.focus) };
}
