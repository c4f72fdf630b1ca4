/**
 * What a chat message wants besides an answer, read from how Chinese and
 * English speakers put it: to be matched ("有哪些适合我", "现在能申请什么",
 * "which fit us"), to correct what was said ("说错了", "actually"), or to
 * pick from the last list ("第二个", "the first one"). Properties of the
 * language, not of the knowledge: a new card needs none of these words.
 */

import { asksForOffering, FITS_US } from '../answer/reading.ts';
import { normalize } from '../search/tokenize.ts';
import type { Lang } from '../vocabulary.ts';

/** Asking which products fit the firm. */
const ASKS_MATCH = [
    /适合(?:我|我们|我司|本公司|咱们|我家)/,
    // "那适合哪个", "哪个适合", the firm left unsaid; not "适合哪些企业 / 什么样的企业", which asks an item's conditions.
    /适合(?:哪个|哪款|哪几个|哪些|什么|啥)(?!样|的?(?:企业|公司|单位|对象|人|类|行业))|(?:哪个|哪款|哪几个|哪些)(?:产品|贷款|政策)?(?:更|比较|最)?适合(?![^，。？?]{0,6}(?:企业|公司))/,
    /(?:我|我们|我司|咱们|本公司)(?:更|比较)?(?:适合|符合|够格)/,
    /(?:我|我们|我司|咱们)?(?:能|可以|可|还能|能够)(?:申请|贷|借|办|用|拿到|享受)(?:到)?(?:什么|哪些|哪个|哪几个|啥|哪种)/,
    /(?:有|还有)(?:什么|哪些|啥|哪几个)(?:产品|贷款|政策|融资|项目|支持)?(?:可以|能|适合)(?:申请|用|选|办)/,
    // 推荐 asked of kejin ("推荐一下", "给我们推荐", "有什么推荐"), not a body recommending firms ("推荐了64家企业", "被推荐"),
    // nor what a body is said to recommend ("它负责推荐哪些贷款产品", "他们推荐什么": the body's duty, asked of it).
    new RegExp(
        [
            /推荐(?:一下|几个|几款|个|些|点)|(?<!(?:[它他她]们?|负责)(?:会|都|主要|一般)?)推荐(?:什么|哪|啥)|(?:推荐|匹配)(?:一下)?(?:产品|贷款|融资|政策)|有(?:什么|啥|没有)推荐/
                .source,
            /(?:给|帮|为)(?:我|我们|我司)(?:推荐|匹配)|(?:请|麻烦|能不能|可以|能否)你?(?:推荐|匹配)|^(?:推荐|匹配)[吧呗吗？?！!。\s]*$/.source,
        ].join('|'),
    ),
    /符合(?:哪些|什么|哪个)|够得上(?:哪|什么)|(?:我|我们)(?:符合|够)(?:条件)?吗/,
    /\bwhich (?:ones?|products?|loans?|programs?|schemes?|options?)?\s*(?:fit|suit|match|are (?:right|good) for)\b/i,
    /\bwhat (?:can|could|should) (?:we|i) (?:apply for|get|use)\b/i,
    FITS_US,
    new RegExp(
        [
            /\b(?:eligible|qualify) for (?:what|which)\b|\bwhat fits\b/.source,
            // recommend asked of kejin ("can you recommend", "what would you suggest"), not a body recommending firms.
            /\b(?:(?:can|could|would|will) you|please|pls) (?:recommend|suggest)\b|\bwhat (?:do|would|should) you (?:recommend|suggest)\b/.source,
            /\b(?:recommend|suggest) (?:us|me|something|some|any|one|a (?:product|loan|scheme)|which|what)\b|\bany recommendations?\b|^recommend\b/
                .source,
            /\boptions? for (?:us|me|our (?:firm|company))\b/.source,
            /\bwhat (?:is|are) (?:available|right) for (?:us|me)\b/.source,
        ].join('|'),
        'i',
    ),
];

/** Saying that something said before was wrong. */
const CORRECTS =
    /说错了|搞错了|写错了|打错了|更正|纠正|不对|不是这样|其实(?:我们|是)|应该是|改成|\b(?:sorry|correction|actually|i meant|we meant|to correct)\b/i;

const ORDINALS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };
const PICK =
    /第\s*([一二两三四五1-5])\s*(?:个|款|项|种|条)|\b(?:the )?(first|second|third|fourth|fifth)(?: one| product| option)?\b|\b(?:number|no\.?|#)\s*([1-5])\b/i;

/** What there is, asked: 有什么产品, 还有哪些办法, what options, any loans. */
const OFFERINGS_ZH = /(?:有|还有)(?:什么|哪些|啥|没有)(?:好的|合适的)?(?:产品|贷款|融资|政策|办法|渠道|支持|选择)/.source;
const OFFERINGS_EN = /\b(?:what|which|any) (?:products?|loans?|options?|financing|programmes?|programs?|schemes?)\b/.source;

/** The words that ask what there is and nothing more ("有什么选择", "what options"): a frame, not what is asked about. */
const OFFERINGS_ASKED = new RegExp(`${OFFERINGS_ZH}|${OFFERINGS_EN}`, 'gi');

/** Asking what there is ("有什么产品？"): a request to match when the same message tells about the firm. */
const ASKS_WHAT_EXISTS = new RegExp(
    [
        OFFERINGS_ZH,
        /有没有[^，。？?]{0,12}(?:产品|贷款|融资|政策|办法)/.source,
        `${OFFERINGS_EN}.*\\?`,
        /\bis there (?:any|a) (?:loan|product|programme|program|scheme)\b/.source,
    ].join('|'),
    'i',
);

export function asksWhatExists(text: string): boolean {
    return ASKS_WHAT_EXISTS.test(normalize(text));
}

/** `text` (folded) without the words that only ask what there is: what is left says what it is asked about. */
export function withoutOfferingsAsked(text: string): string {
    return normalize(text).replace(OFFERINGS_ASKED, ' ');
}

/**
 * Wishing for a loan or financing, or asking whether the firm can get one ("我们公司想贷款", "急需资金", "没有抵押物，
 * 能贷款吗", "we need a loan", "can we borrow"): what fits, when nothing in particular is named.
 */
const WANTS_FINANCING = new RegExp(
    [
        /(?:想|要|需要|打算|准备|希望|计划|急需|正在找|在找)[^，。？?！!]{0,6}(?:贷款|借款|借钱|融资|资金|授信|贷点|借点)/.source,
        /(?:能|可以|能不能|可不可以|有没有可能|能否)(?:申请到?|拿到|办)?(?:贷款|借款|借到钱|借钱|融资|贷到款|贷到钱)/.source,
        /\b(?:can|could) (?:we|i) (?:get|obtain|take out|borrow)\b(?: (?:a|an|any|some))?(?: (?:bank )?(?:loans?|financing|funding|credit|money))?/
            .source,
        /\b(?:need|needs|want|wants|looking for|seeking|would like|hoping for|in need of|searching for)\b[^.?!]{0,30}/.source +
            /\b(?:loans?|financing|funding|credit|capital|to borrow|money)\b/.source,
    ].join('|'),
    'i',
);

export function wantsFinancing(text: string): boolean {
    return WANTS_FINANCING.test(normalize(text));
}

/**
 * Saying what the last question meant to ask ("不对，我要问的是高新技术企业的", "I was asking about the rate"): the
 * question again, of what is named now, not something told about the firm.
 */
// "I meant" followed by no word of the firm ("no wait, I meant the IP-pledge ones"); "sorry, I meant we want…" tells.
const RESTATES = new RegExp(
    [
        /(?:我|我们)?(?:要|想|是想|本来想|其实想)?问的是|我是(?:想|要)?问|我说的是[^，。？?]*的/.source,
        // "不是科技型企业的，是专精特新企业的": not the figure of one, that of another (the 的 after each says whose).
        /^\s*(?:不是|并非)[^，,。？?\s]{1,15}的[，,\s]+(?:而)?是[^，,。？?]{1,15}的\s*[。.]?\s*$/.source,
        /\b(?:i|we) (?:was|were|am|are|'m|'re) asking (?:about|for)\b|\bmy question (?:is|was) about\b/.source,
        /\bi meant\b(?![^.?!]*\b(?:we|our|us|we're|we've)\b)/.source,
    ].join('|'),
    'i',
);

export function restatesQuestion(text: string): boolean {
    // Normalized: 要問的是 (traditional) says it as well.
    return RESTATES.test(normalize(text));
}

/**
 * Saying the question is of another matter than the last: "换个话题", "另一个问题", "ok, switching topics", "unrelated -",
 * "different question": a closed class of the language's ways to say so.
 */
const CHANGES_TOPIC = new RegExp(
    [
        /换个?话题|换个问题|另(?:一|外一)个问题|题外话|问个别的|问点别的/.source,
        /\b(?:switching|switch|changing|change of) (?:the )?(?:topics?|subjects?)\b/.source,
        /\b(?:a |one )?(?:different|separate|unrelated|new|another) (?:question|topic|thing)\b/.source,
        /^\s*(?:ok[,.]?\s*|okay[,.]?\s*|also[,.]?\s*)?unrelated\b|\bon (?:a|an|another) (?:different|other|unrelated) note\b/.source,
    ].join('|'),
    'i',
);

/** The message without the words saying it changes the topic; undefined when it says none. */
export function changesTopic(text: string): string | undefined {
    const said = normalize(text);
    if (!CHANGES_TOPIC.test(said)) return undefined;
    // What is left, without the chat and marks that opened it ("ok, switching topics: …").
    return said
        .replace(CHANGES_TOPIC, ' ')
        .replace(/^(?:[\s,，.。:：;；!！\-–—]|\b(?:ok|okay|also|so|and|well)\b)+/i, '')
        .trim();
}

/** Going back to what was spoken of before an aside: "回到刚才那个贷款", "说回知识产权", "ok back to the loan". */
const RETURNS = /回到|说回|再说回|回过头|接着(?:说|问)?刚才|还是刚才|\b(?:back to|going back to|coming back to|returning to|to get back to)\b/i;

export function returnsToEarlier(text: string): boolean {
    return RETURNS.test(normalize(text));
}

/**
 * The firm itself as the one an offering is for ("aimed at us", "for companies like ours", "针对我们的", "面向我们这种
 * 企业"): asked with which offering, it asks what fits. The prepositions and pronouns are a closed class.
 */
const FOR_THE_FIRM = new RegExp(
    [
        /(?:给|针对|面向|适用于?|专门给)(?:我|我们|我司|咱们|本公司)/.source,
        /\b(?:for|at|to|towards?) (?:us|me|ours|our (?:firm|company|business|kind)|(?:firms?|companies|businesses|people) like (?:us|ours|me))\b/
            .source,
    ].join('|'),
    'i',
);

/** The firm as the one who may apply or get it: "can we", "could I", "我们可以申请". */
const FIRM_MAY = /(?:我|我们|我司|咱们)(?:能|可以|能够)(?:申请|办|拿到|用)|\b(?:can|could|may|might) (?:we|i)\b/i;

/**
 * Asking which offering the firm may get ("which loans can we apply for", "哪些贷款我们可以申请"), and nothing else: a
 * message that asks more ("…, and how big was that market in 2024?") asks its own question.
 */
export function asksWhatFirmMayGet(text: string): boolean {
    const said = normalize(text);
    const asking = said.split(/(?<=[，。,.;；!！?？\n])/).filter((c) => ASKS.test(c));
    return asking.length <= 1 && asksForOffering(said) && FIRM_MAY.test(said);
}

export function asksForMatch(text: string): boolean {
    const said = normalize(text);
    return ASKS_MATCH.some((re) => re.test(said)) || (asksForOffering(said) && FOR_THE_FIRM.test(said));
}

/** Denying without naming what ("说错了，我们还不是", "sorry, we're not"): the negation closes the message. */
const DENIES_UNNAMED =
    /(?:不是|还不是|并不是|还没有|还没|没有|不算)[吧呢啊哦。！!，,.\s]*$|\b(?:we|i)(?: are|'re| am|'m) not(?: yet)?[.!\s]*$|\bnot yet[.!\s]*$|\b(?:we|i) (?:aren't|am not)[.!\s]*$/i;

/** …or says the title is not yet granted, wherever in the message ("其实我们还没认定，只是在申请", "not certified yet"). */
const NOT_YET_GRANTED = new RegExp(
    [
        /(?:还没|还没有|尚未|还未|没有|没)(?:被|正式|重新)?(?:认定|评上|认证|评定|入库|通过认定)/.source,
        /\bnot (?:yet )?(?:been )?(?:certified|recognised|recognized|accredited)\b/.source,
        /\b(?:haven't|have not|hasn't|has not) (?:yet )?(?:been )?(?:certified|recognised|recognized|accredited)\b/.source,
    ].join('|'),
    'i',
);

export function deniesUnnamed(text: string): boolean {
    const said = normalize(text).trim();
    return DENIES_UNNAMED.test(said) || NOT_YET_GRANTED.test(said);
}

export function correctsEarlier(text: string): boolean {
    return CORRECTS.test(normalize(text));
}

/**
 * A message that only thanks or acknowledges ("谢谢", "好的，明白了", "ok thank you", 👍): nothing is asked, and the
 * last answer is not to be given again.
 */
const ACK_WORDS = [
    /好的|好吧|好|嗯+|哦+|噢+|明白了?|知道了|了解了?|收到|懂了|谢谢(?:你|您|啦)?|多谢|感谢|非常感谢|辛苦了/.source,
    /ok(?:ay)?|thanks?(?: you)?(?: (?:so much|a lot|very much))?|thx|ty|got it|great|cool|perfect|nice|sounds good|understood|alright|all right/
        .source,
    /👍|🙏|😊/u.source,
].join('|');
const ACKNOWLEDGES = new RegExp(`^(?:(?:${ACK_WORDS})[\\s,，.。!！~～]*)+$`, 'iu');

export function acknowledgesOnly(text: string): boolean {
    return ACKNOWLEDGES.test(normalize(text).trim());
}

/** Two picked at once from the top of the last list: 前两个, 头两个, "the first two", "top two". */
const FIRST_TWO = /(?:前|头)\s*(?:两|二|2)\s*(?:个|款|项|种)|\b(?:the )?(?:first|top) (?:two|2)\b/i;

/** The places (1-based, in order, each once) in the last list a message picks: "第一个和第三个" → [1, 3], "前两个" → [1, 2]. */
export function pickedPlaces(raw: string): number[] {
    // Read folded: 前兩個 is 前两个, 第一個 is 第一个.
    const text = normalize(raw);
    if (FIRST_TWO.test(text)) return [1, 2];
    const places: number[] = [];
    for (const m of text.matchAll(new RegExp(PICK.source, 'gi'))) {
        const word = (m[1] ?? m[2] ?? m[3])!.toLowerCase();
        const n = ORDINALS[word] ?? Number(word);
        if (Number.isInteger(n) && n >= 1 && !places.includes(n)) places.push(n);
    }
    return places;
}

/** `text` without the words that pick from the last list ("tell me more about the first one" → "tell me more about"). */
export function withoutPick(text: string): string {
    return normalize(text).replace(FIRST_TWO, ' ').replace(new RegExp(PICK.source, 'gi'), ' ');
}

/** The Chinese words of a list (这些, 这几个, 它们, 分别, 各自): right after a list, they point at it, whatever else is asked. */
const OF_LIST_ZH = /这些|这几(?:个|款|种|家|项)|那几(?:个|款|种)|它们|各自|分别/;

/**
 * Asking of the list just shown, each product on it: the Chinese words above; "these", "each of them", "those loans".
 * A bare "them" or "those" points as often at what the firm told ("12 patents … how could we use those"): not alone.
 */
const OF_LIST = new RegExp(
    [
        OF_LIST_ZH.source,
        /\b(?:these|(?:each|all|any|either|both|none|one) of (?:these|those|them)|(?:those|the) (?:products|loans|options|schemes|programs|programmes|ones))\b/
            .source,
    ].join('|'),
    'i',
);

export function asksOfList(text: string): boolean {
    return OF_LIST.test(normalize(text));
}

export function pointsAtList(text: string): boolean {
    return OF_LIST_ZH.test(normalize(text));
}

/** Asking which of two suits the firm ("哪个更适合我们", "the better pick for us"): the pair rated on the profile. */
const ASKS_FIT = /适合|合适|划算|选哪|该选|\b(?:better (?:pick|choice|fit|option)|suit|suits|fit|fits|should (?:we|i) (?:choose|pick|go for))\b/i;

export function asksWhichFits(text: string): boolean {
    return ASKS_FIT.test(normalize(text));
}

/** Speaking of the firm itself ("给我们的", "我们这种企业", "for us", "our kind of firm"): the firm told before is part of what is asked. */
const OF_FIRM = /我们|我司|咱们|本公司|\b(?:us|our|we)\b/i;

export function speaksOfFirm(text: string): boolean {
    return OF_FIRM.test(normalize(text));
}

/**
 * Asking to be answered in a language ("请用中文回答", "换成英文说一下", "English please", "switch to english", "can you
 * say that in English?"): a verb of saying or changing with the language, or the language alone. Saying "英文名" or
 * "english forms" asks about English things, not for English.
 */
const LANGUAGE_ASKED_ZH = new RegExp(
    [
        /(?:请|麻烦|能不能|可以|可不可以)?你?(?:用|换成|换|改用|改成|切换到|切换成|切到|翻译成|翻成)(中文|汉语|简体中文|英文|英语)/.source,
        /(?:来)?(?:回答|回复|答复|说|讲|讲讲|说说|解释|写)?(?:一下|一遍|吧)?/.source,
        /|^(中文|汉语|英文|英语)(?:回答|回复|版)?(?:吧|呢|谢谢)?[。！!？?\s]*$/.source,
    ].join(''),
);
const LANGUAGE_ASKED_EN = new RegExp(
    [
        /\b(?:(?:can|could|would) you )?(?:please |pls |plz )?/.source +
            /(?:answer|reply|respond|say (?:that|it|this)|repeat (?:that|it|this)|explain (?:that|it|this)|tell me|write)/.source +
            /(?: that| it| again)? (?:in|into) (english|chinese|mandarin)\b(?: please| pls| plz)?/.source,
        /\b(?:switch|change|go|back) (?:to|into) (english|chinese|mandarin)\b(?: please| pls| plz)?/.source,
        /\b(?:in|into) (english|chinese|mandarin)(?: please| pls| plz)\b|\btranslate (?:it |that |this )?(?:to|into) (english|chinese|mandarin)\b/
            .source,
        /^\s*(english|chinese|mandarin)(?: please| pls| plz)?[.!?\s]*$/.source,
    ].join('|'),
    'i',
);

/** The language a message asks to be answered in, if any, and what else it says (the request cut out). */
export function languageAsked(text: string): { lang: Lang; rest: string } | undefined {
    const m = LANGUAGE_ASKED_ZH.exec(text) ?? LANGUAGE_ASKED_EN.exec(text);
    if (!m) return undefined;
    const said = m
        .slice(1)
        .find((g) => g !== undefined)!
        .toLowerCase();
    const lang: Lang = /中文|汉语|chinese|mandarin/.test(said) ? 'zh' : 'en';
    const rest = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).replace(/^[\s:：,，.。;；!！、-]+|[\s:：,，;；、-]+$/g, '');
    return { lang, rest };
}

/** What is left of a message once a language was asked for, when it asks nothing more ("can you say that?", "请再说一遍"). */
const ONLY_AGAIN_WORDS =
    /\b(?:can|could|would|will|you|please|pls|plz|say|repeat|that|it|this|again|the|same|answer|thanks|thank)\b|请|再|说|讲|一遍|一下|吧|呢|谢谢|回答|重复|[?？!！。.,，\s]/gi;

export function asksNothingMore(rest: string): boolean {
    return rest.replace(ONLY_AGAIN_WORDS, '').length === 0;
}

/**
 * Questions that ask something: a question mark or word (an aspect is checked with the reading). "do" right after its
 * subject stresses a statement ("we do have two patents"); before it, it asks ("do we qualify").
 */
const ASKS = new RegExp(
    [
        /[?？]|吗|呢|什么|啥|怎么|怎样|如何|多少|几|哪|谁|是否|能否|可否|有没有|能不能|可不可以/.source,
        // A request to be told is a question too: 介绍一下, 讲讲, "tell me about", "explain"; not the firm introducing
        // itself ("先介绍一下我们公司").
        /(?:介绍|讲讲|讲一下|说说|说一下|解释一下)(?:一下|下)?(?!一下|下|我们|我司|自己|本公司|公司)|\b(?:tell me|tell us|explain|describe|walk me through)\b/
            .source,
        // A verb said, then denied: the Chinese question of yes or no (要不要, 是不是, 需不需要, 会不会); not a denial said
        // twice (不对不对).
        /(?<!不)(\p{Script=Han})不\1/u.source,
        /\b(?:what|how|which|who|when|where|whom|why|can|could|is there|are there)\b|(?<!\b(?:we|i|they|it|you)\s+)\b(?:do|does)\b/.source,
    ].join('|'),
    'iu',
);

/** What asks only "and now?" of the last reply: 呢, 吗, a question mark, "what/how about". */
const ONLY_AGAIN = /呢|吗|[?？]|\b(?:what|how) about\b/gi;

/** The message asks something, in either script ("首貸有沒有額外加碼" as "首贷有没有额外加码"). */
export function asksSomething(text: string): boolean {
    return ASKS.test(normalize(text));
}

/** The message asks more than "and now?" of the last reply. */
export function asksBeyondAgain(text: string): boolean {
    return ASKS.test(normalize(text).replace(ONLY_AGAIN, ''));
}
