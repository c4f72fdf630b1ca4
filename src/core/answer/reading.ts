/**
 * What a question says about its own subject, beyond the items it names and
 * the aspects it asks (search/knowledge-index.ts `read`): whether it points back at
 * what was said before (它, 上面, its, that one), whether nothing is left
 * of it once its aspect words and question frame are taken out ("利率多少",
 * "what's its rate?": a bare aspect, about whatever is in focus), and
 * whether it asks to choose between two items (哪个, 跟…比, which one,
 * cheaper). These are properties of Chinese and English questions, not of
 * the knowledge: they hold for any card. So are the years it names
 * (`yearsIn`), which bound the passage chosen and carry to "那X呢".
 */
import { CLAUSE_SPACE } from '../language.ts';
import type { QueryReading } from '../search/index.ts';
import { GENERIC_WORDS, STOP_WORDS } from '../search/stopwords.ts';
import { termPattern } from '../search/stem.ts';
import { fullYears } from '../search/periods.ts';
import { foldTraditional, normalize, segmentWords } from '../search/tokenize.ts';

/** Words that point back at the item last spoken of. 其 and 该 only alone (其他, 应该 are other words). */
const REFERS_BACK_ZH =
    /它们|它的|它|这个|这款|这项|这种|这家|那个|那款|那项|那种|该(?:产品|政策|平台|项目|贷款)|(?<!应)该(?![怎不])|其(?![他它中实次余])|上面|上述|上边|刚才|刚刚|前者|后者|此(?:产品|项|款)/;
const REFERS_BACK_EN = /\b(?:it|its|it's|this|that|these|those|they|them|their|the same|above|former|latter|this one|that one)\b/i;
/** Whether a message points back at the item last spoken of (它, its, those…). */
export function refersBackIn(text: string): boolean {
    const t = normalize(text);
    return REFERS_BACK_ZH.test(t) || REFERS_BACK_EN.test(t);
}

/** A time pointed back at ("它当时有多少额度", "how much was committed back then"): the time the last answer spoke of. */
const BACK_THEN = /当时|那时|那时候|那个时候|那会儿?|当年|\b(?:back then|at the time|at that time|in those days)\b/i;
/** The same, to take every one out (built once: a global regex is stateless in `replace`). */
const REFERS_BACK_ZH_ALL = new RegExp(REFERS_BACK_ZH.source, 'g');
const REFERS_BACK_EN_ALL = new RegExp(REFERS_BACK_EN.source, 'gi');

/** "I meant": an interjection or none, then the words that say what was meant ("no no 我说的是…", "sorry, I meant …"). */
const MEANT = new RegExp(
    [
        // An interjection may come first, in either language ("no no 我说的是小巨人信用贷"); 我说的是 / 我指的是 say "I meant".
        `^\\s*(?:${/(?:哦|噢|啊|嗯|不不|不好意思|抱歉|对不起|no|sorry|oops|wait)[，,!！\s]*/.source})*` +
            `(?:${/不对|(?:我|我们)?(?:说错了|打错了|搞错了|写错了|问错了|搞混了|弄混了|弄错了|记错了)|错了|口误|更正一下|更正|纠正一下|应该是/.source}|` +
            `${/(?:我|我们)?(?:要|想|是想)?问的是|(?:我|我们)?(?:其实)?是(?:想|要)问|(?:我|我们)?(?:说的是|指的是|是说)/.source})`,
        /^\s*(?:(?:sorry|oops|no|actually|wait|my bad)\b[,\s]*)+(?:i meant|i mean|i was asking about|i was asking|make that|typo)\b/.source,
        /^\s*(?:i meant|correction|typo|my bad|scratch that|i mixed (?:them|it|those) up)\b/.source,
    ].join('|'),
    'i',
);
/** Correcting which item was meant: "I meant", or what it is not, then what was meant. */
const CORRECTION = new RegExp(
    [
        MEANT.source,
        // (a space before what it is, as a founder types without punctuation: "不是专贴 是专贷")
        /^不是[^，,。？?]{0,6}?(?:[，,]|\s(?=是))/.source,
        // "not all firms — I mean the 2022 number": what it is not, then what was meant.
        /^[^.?!]{0,40}?[,;—–-]\s*(?:i meant|i mean|i was asking about)\b/.source,
        /^\s*not (?:the|that|this)\b[^,.?]{0,20}[,—-]/.source,
    ].join('|'),
    'i',
);
/** An ellipsis opener or closer: "那沪科专贴呢", "what about …", "and for …". */
// A closing 呢 is an ellipsis of the last turn only in a message of one clause: "…余额多少？高新企业呢" asks the same
// message's first question again of another subject.
// Correcting which item was meant ("哦不对，我问的是微贷通", "打错了 是高企贷", "sorry, I meant zhuantie") asks the last
// question again of the item now named, as "那X呢" does.
const ELLIPSIS = new RegExp(
    [
        /^(?:那|那么|那如果|还有|再问|另外)|^[^，。？?！!；;]*呢[?？]?\s*$|^\s*(?:what about|how about|and (?:for|what about)?|same for)\b/.source,
        CORRECTION.source,
    ].join('|'),
    'i',
);

/**
 * What a correction says was meant, without the words that say so ("sorry, I meant the IP loan": "the IP loan"): those
 * are no words of the question, to be searched or to count against a card. Else the text as it is. (What it is not,
 * "not the total, just …", stays: it says the scope of what is meant.)
 */
export function meantIn(text: string): string {
    const m = MEANT.exec(text);
    // What it says was not meant is no word of the question either ("I meant the risk compensation, not the premium subsidy").
    return m ? text.slice(m.index + m[0].length).replace(NOT_MEANT, ' ') : text;
}

/** After "I meant": what was not meant, to the end of its clause ("…, not the premium subsidy", "…，不是保费补贴"). */
const NOT_MEANT =
    /(?:[,;—–-]\s*|\s+)(?:and |but )?not (?:the |a |an |about )?[^,.;?!，。；？！]{1,40}|[，,；;]?\s*(?:而)?不是[^，。；？?！!]{1,20}/gi;

/**
 * What a question sets aside ("除了高企贷，还有哪些…", "高企贷以外…", "besides gaoqidai, …", "other than X", "not
 * gaoqidai - the other ones"): the words said of what is not asked, to the end of their clause.
 */
const SET_ASIDE = [
    /除了([^，,。？?！!；;]{1,30}?)(?:以外|之外|外)?(?=[，,。；;]|还|也|有)/g,
    /(?<=^|[，,。？?！!；;\s])([^，,。？?！!；;\s]{2,20}?)(?:以外|之外)(?=[，,的还也]|$)/g,
    new RegExp(
        /\b(?:besides|apart from|aside from|other than|except for|except)\s+([^,.?;!]{2,40}?)/.source +
            /(?=\s*[,.?;!]|\s+(?:what|which|are|is|do|does|any|anything|else|who)\b)/.source,
        'gi',
    ),
    /^\s*(?:no,?\s+)?not\s+([^,.?;!—–-]{2,30}?)\s*(?=[—–,;-])/gi,
];

/** Asking for others of the kind: 还有哪些, 别的, 其他; what else, the other ones, which loans. */
const OTHERS = new RegExp(
    /还有(?:哪|什么|啥|别的|其他|其它)|别的|其他|其它|/.source +
        /\b(?:what else|anything else|others|other ones|which (?:other )?(?:loans?|products?|schemes?|options?|ones|programs?|programmes?))\b/.source,
    'i',
);

/** Asking for others of the kind of the item just answered, and for nothing else: 还有别的吗, 其他的呢, any others? */
const ANOTHER = new RegExp(
    /还有(?:别的|其他|其它)|(?:别的|其他|其它)(?:产品|贷款|的)?(?:吗|呢|有|还有)|^(?:那|那么)?还有(?:吗|呢|哪些|什么|啥)[吗呢？?]*$/.source +
        /|\b(?:what else|anything else|any others|other ones|other options|any other (?:loans?|products?|options?|schemes?|programs?))\b/.source,
    'i',
);

/**
 * Asking for others of the kind of the item just answered ("还有别的吗", "any others?", "what else is there"): the rest
 * of the message, without the words that ask it (to see whether it asks anything more); undefined when it does not.
 */
export function asksForOthers(text: string): string | undefined {
    const t = normalize(text).trim();
    return ANOTHER.test(t) ? t.replace(ANOTHER, ' ') : undefined;
}

/**
 * Wishing or planning, whatever for ("我们想申请高企贷", "打算试试沪科专贷", "we plan to apply for gaoqidai"): the
 * firm turns to what it names. Not the wish denied ("不想要履约贷那种", "we don't want the insurance one").
 */
const INTENDS = new RegExp(
    [
        /(?<![不没])(?:想|打算|准备|计划|希望|考虑)/.source,
        /(?<!\b(?:not|never|n't|don't|dont|do not)\s+)/.source +
            /\b(?:want|wants|wanted|plan|plans|planning|intend|intends|considering|going to|would like|'d like|thinking (?:of|about)|interested in|hoping)\b/
                .source,
    ].join('|'),
    'i',
);

export function intends(text: string): boolean {
    return INTENDS.test(normalize(text));
}

/**
 * The question without what it sets aside, and the words set aside (each a span to read names in), when it asks for
 * others of the kind ("除了高企贷，还有哪些…", "besides gaoqidai, which loans…", "not gaoqidai - the other ones"); none
 * otherwise: "除了科技支行，银行还能设什么样的专营机构" asks of what the card set aside holds beside it.
 */
export function setAside(text: string): { readonly rest: string; readonly spans: readonly string[] } {
    const { rest, spans } = cutOut(text, SET_ASIDE);
    return spans.length > 0 && OTHERS.test(normalize(rest)) ? { rest: rest.replace(/\s+/g, ' ').trim(), spans } : { rest: text, spans: [] };
}

/** `text` with what each pattern matches blanked out, and the first group of each match (the span said of). */
function cutOut(text: string, patterns: readonly RegExp[]): { readonly rest: string; readonly spans: readonly string[] } {
    // Matched on the text with traditional characters folded (別說高企貸了 as 别说高企贷了), cut from the text as written; a
    // fold that changes the length (a rare phrase conversion) is not used.
    const folded = foldTraditional(text);
    // A space between Chinese words is where a founder typing without punctuation ends a clause ("不是专贴 是专贷",
    // "我没问履约贷 我问的是微贷通"): read as a comma, one character for one.
    let seen = (folded.length === text.length ? folded : text).replace(CLAUSE_SPACE, (space) => '，'.padEnd(space.length));
    let rest = text;
    const spans: string[] = [];
    for (const pattern of patterns) {
        const cuts: [number, number][] = [];
        seen = seen.replace(pattern, (whole: string, ...more: unknown[]) => {
            // The groups come before the offset: the span is the first group that took part.
            const offset = more.findIndex((x) => typeof x === 'number');
            const at = more[offset] as number;
            const span = more.slice(0, offset).find((g): g is string => typeof g === 'string');
            const from = span === undefined ? -1 : at + whole.indexOf(span);
            if (span !== undefined) spans.push(rest.slice(from, from + span.length));
            cuts.push([at, whole.length]);
            return ' '.repeat(whole.length);
        });
        for (const [at, length] of cuts) rest = rest.slice(0, at) + ' '.repeat(length) + rest.slice(at + length);
    }
    return { rest, spans };
}

/**
 * What a question says it is not about, whatever it asks: "沪专贷（不是专贴）", "跟高企贷的LPR定价无关", "别跟信易贷的数字
 * 搞混", "(not zhuantie)", "nothing to do with gaoqidai", "don't confuse it with the xinyidai figures". Closed classes of
 * the language: a denial in brackets, "unrelated to", "not to be mixed up with".
 */
/**
 * Clauses denying that something is asked ("我不是问补贴", "别说高企贷了", "I don't need the rate, I need…"): `notAbout`
 * reads the items they name; `notAsked` leaves out the words of the short ones.
 */
const ASKS_NOT_ZH = /(?<=(?:并?不是|没有?|不再?)(?:在)?(?:问|指)(?:的)?)([^，,。？?！!；;]{1,20})/g;
// …and, for the words not asked, only a short one said against what is ("我不是问补贴，我问…", "不是问利率而是问额度"): a
// denial running on to the end of its clause may hold what is asked.
const ASKS_NOT_BEFORE_ASKED_ZH =
    /(?<=(?:并?不是|不再?)(?:在)?问(?:的)?)([^，,。？?！!；;]{1,12}?)(?=\s*(?:[，,。；;]|而是|是问|我问|我想问|我要问|$))/g;
const ASKED_IS_NOT_ZH = /(?<=(?:问|指|说)的并?不是)([^，,。？?！!；;]{1,20})/g;
/** What is dropped, not a pointer ("先不管那个" points at what was just told of, not at the focus). */
const DROPPED_SPAN = /(?!(?:这|那)(?:个|款|项|种)?|它)([^，,。？?！!；;]{1,20}?)/.source;
const DROPPED_ZH = new RegExp(
    `(?:(?:别|先不|先别|不要|不用)(?:说|提|讲|管)(?:了)?${DROPPED_SPAN}了?|不(?:说|提|讲|管)${DROPPED_SPAN}了)(?=[，,。？?！!；;]|$)`,
    'g',
);
const NOT_NEEDED_EN =
    /\b(?:i|we)\s+(?:don't|do not|dont)\s+(?:need|want)\s+(?:the\s+)?([^,.?;!:—–]{2,30}?)(?=\s*[,;—–-]\s*(?:(?:i|we)\s+(?:need|want)|just|only)\b)/gi;
const NOT_ASKING_EN = /\b(?:(?:i'm|i am|we're|we are)\s+)?not\s+asking\s+(?:about\s+)?([^,.?;!:—–]{2,40})/gi;

const NOT_ABOUT = [
    /[(（]\s*(?:不是|并非|非|not)\s*([^)）]{1,30})[)）]/gi,
    /(?:跟|和|与|同)([^，,。？?！!；;]{1,20}?)(?:无关|没关系|没有关系|不相干)/g,
    /(?:别|不要|请勿|勿)(?:跟|和|与|同)([^，,。？?！!；;]{1,20}?)(?:搞混|弄混|混淆|混了|搞错)/g,
    // "跟沪科专贷不是一个部门吧？", "跟担保费补贴不是一回事吧": a tag saying the other is another thing, not a question of it.
    /(?:跟|和|与|同)([^，,。？?！!；;]{1,20}?)不是(?:一个|一回事|一码事|同一个|一样)[^，,。？?！!；;]{0,4}吧/g,
    // "Not the guarantor-backed one (weidaitong) — the loan where an insurer backs it: …", opening the question.
    /^\s*(?:no,?\s+)?not\s+([^,.?;!—–:]{2,60}?)\s*(?=[—–,;:]|\s-\s)/gi,
    // "不是创业中心，是市科委的咨询电话", "我们用的不是专贷，是沪科专贴": what it is not, then what it is (not 是不是).
    // Only the span is cut: the words saying what it is not are a correction's, read as such ("我说的不是履约贷，是微贷通"
    // asks the last question again of 微贷通).
    /(?<=(?<!是)(?:不是|并非))([^，,。？?！!；;]{1,20})(?=[，,]\s*(?:而)?是)/g,
    // "…？不是问科创助力贷。", "我不是问高企贷的投放", "我问的不是X": a clause denying it asks of X (not "不是说X…吗", which
    // asks whether X does what was said).
    ASKS_NOT_ZH,
    ASKED_IS_NOT_ZH,
    // "别说高企贷了，专贷呢", "先不说利率": what the founder drops from the talk.
    // (Not a pointer, "先不管那个": it points at what was just told of, not at the focus.)
    DROPPED_ZH,
    // "I don't need the rate, I need who to go to", "we don't want the total - just tech firms": what is not wanted, said
    // against what is.
    NOT_NEEDED_EN,
    // "不是这个产品的，我要的是…", "不是它", "not this one — the whole city's": the item in focus, pointed at and denied.
    /(?<=(?<!是)不是)((?:这|那)(?:个|款|项|种)(?:产品|贷款|政策|项目)?|它)(?=的?\s*(?:[，,。；;]|$))/g,
    /\bnot\s+((?:this|that|the same)(?:\s+(?:one|product|loan|scheme|programme|program))?)(?=\s*(?:[,.;:—–]|$))/gi,
    /\b(?:i|we)\s+(?:don't|do not|didn't|did not)\s+mean\s+([^,.?;!:—–]{2,40})/gi,
    NOT_ASKING_EN,
    /\b(?:nothing to do with|unrelated to|not related to|separate from)\s+([^,.?;!]{2,40})/gi,
    /\b(?:don't|do not|not to)\s+(?:be\s+)?(?:confuse|confused|mix|mixed)\s+(?:it\s+|this\s+|them\s+)?(?:up\s+)?with\s+([^,.?;!]{2,40})/gi,
    // "不是高企贷，沪科专贷是哪年开始的": what it is not, opening the message as its own clause, as "Not X —" in English
    // (not "不是说X…吗", nor 不是问 or a pointer, read above).
    /^\s*(?:不是|并非)(?![说问指])([^\s，,。？?！!；;][^，,。？?！!；;]{0,19})(?=[，,])/g,
];

/** A span of `notAbout` that points at the item in focus rather than naming one ("这个产品", "它", "that one"). */
export function pointsAtFocus(span: string): boolean {
    return /^(?:(?:这|那)(?:个|款|项|种)|它$)|^(?:this|that|the same)\b/i.test(span.trim());
}

/**
 * The question without what it says it is not about, and those words (each a span to read names in); none when it says
 * nothing of the kind. Unlike `setAside`, it asks no others: the items named there are just not its subject.
 */
export function notAbout(text: string): { readonly rest: string; readonly spans: readonly string[] } {
    const { rest, spans: cut } = cutOut(text, NOT_ABOUT);
    // A span already cut by another pattern is blank: nothing more is said not to be asked.
    const spans = cut.filter((span) => span.trim().length > 0);
    return spans.length > 0 ? { rest: rest.replace(/\s+/g, ' ').trim(), spans } : { rest: text, spans: [] };
}

/**
 * The question without what a clause says is not asked ("我不是问补贴，我问政府 银行 保险公司各担多少风险", "I don't need
 * the rate, I need who to go to"): its aspect words are no aspect asked. A scope said not to be meant ("not the total,
 * just high-tech enterprises") stays: it says what is meant. The text itself when no clause says so.
 */
export function notAsked(text: string): string {
    const { rest, spans } = cutOut(text, [ASKS_NOT_BEFORE_ASKED_ZH, DROPPED_ZH, NOT_NEEDED_EN, NOT_ASKING_EN]);
    return spans.some((span) => span.trim().length > 0) ? rest.replace(/\s+/g, ' ').trim() : text;
}

/**
 * What a question is wider than: "not just gaoqidai, everything", "(the whole city, not Gaoqidai alone)", "不是高企贷本身
 * 的", "不只是专贷", "别给我报沪科专贷的数". The item is a part of what is asked, not its subject, but its card may state
 * the wider figure too (高企贷's card states all high-tech firms' loan balance): its name is no word to search by, and
 * the card is not set aside.
 */
const WIDER_THAN = [
    /\bnot (?:just|only|merely|simply)\s+(?:the\s+)?([^,.?;!:—–()]{2,40}?)(?=\s*(?:[,.?;!:—–()]|$|\s+but\b))/gi,
    /\bnot\s+(?:the\s+)?([^,.?;!:—–()]{2,30}?)\s+(?:alone|itself|by itself|on its own)\b/gi,
    /(?:不只是|不光是|不仅仅是|不单是|不限于)([^，,。？?！!；;]{1,20}?)(?=[，,。？?！!；;]|一个|的|$)/g,
    /(?<=不是)([^，,。？?！!；;]{1,20}?)(?=本身)/g,
    /(?<=(?:别|不要)(?:给我|跟我)?(?:报|说|讲|提|拿))([^，,。？?！!；;]{1,20}?)(?=的(?:数|数字|数据|那个))/g,
];

/** The question without the names of what it says it is wider than (`WIDER_THAN`); the text itself when it says none. */
export function widerThan(text: string): string {
    const { rest, spans } = cutOut(text, WIDER_THAN);
    return spans.length > 0 ? rest.replace(/\s+/g, ' ').trim() : text;
}

/** Words that ask to choose or set two items side by side, whatever else is asked ("哪个更便宜", "跟高企贷比呢"). */
/** Words that rank: more, less, higher, cheaper… (with a word of choosing: which is more of it). */
const RANKS = new RegExp(
    /更|最|高|低|多|少|大|小|长|短|快|慢|便宜|贵|划算|好|容易|简单|难|/.source +
        /\b(?:higher|lower|more|less|larger|smaller|bigger|longer|shorter|faster|slower|cheaper|better|best|most|least|easier|harder|simpler|quicker)\b/
            .source,
    'i',
);

/** Nouns for an item itself, after 哪个: a choice between items ("哪个产品", "哪个贷款"). */
const ITEM_KIND_ZH = '产品|贷款|政策|工具|项目|方案|平台|补贴';
/** Words that rank ("哪个利率低", "哪个更划算"). */
const RANKING_ZH = '更|高|低|多|少|大|小|长|短|快|慢|便宜|贵|划算|好|合适|适合|优惠|容易|难';

const CHOOSE = new RegExp(
    [
        /[跟和与同][^，。？?,.]{1,15}比|比起|相比|对比|比一下|比较一下|比较下|哪款|哪种|哪项|还是|区别|差在|差别|不同|不一样|一样吗|\bvs\.?\b/.source,
        // 哪个 chooses, but not before a noun of something else with no word that ranks: "哪个区间", "哪个部门负责" ask which
        // span or body, where "哪个利率低", "哪个产品好", "哪个更便宜" choose.
        `哪一?个(?!(?![^，。？?,.]{0,6}(?:${RANKING_ZH}))(?!${ITEM_KIND_ZH})[\u4e00-\u9fff]{2})`,
        // "比高企贷低吗", "lower than gaoqidai?": more or less than another (not 比较 "rather", 比例 or 占比 a ratio).
        /(?<!占)比(?!较|例|率|重)[^，。？?,.]{1,15}?(?:更|高|低|多|少|大|小|长|短|快|慢|便宜|贵|划算|好)/.source,
        /\b(?:higher|lower|bigger|larger|smaller|longer|shorter|faster|slower|cheaper|better|easier|harder) than\b/.source,
        // "different from", "how are they different" choose; "ok, different thing" changes the topic.
        /\bversus\b|\bwhich (?:one|is|of|should|would)\b|\bbetter\b|\bcheaper\b|\bcompare|\bdiffer(?:s|ence|ences)?\b|\bdifferent from\b/.source,
        /\b(?:are|is) (?:they|these|the two|both|it) (?:\w+ )?different\b|\bdifferent\?/.source,
        // "is it the same as X?", "是一回事吗": whether two are one thing sets them side by side.
        /\b(?:is|are) (?:it|this|that|they|these|the two|both)(?: really| just| basically)? the same(?: thing| as)?\b|是(?:不是)?一回事|是同一个/
            .source,
    ].join('|'),
    'i',
);

/** The two spoken of, pointed at together ("两个比一下", "对比一下这两个", "compare the two", "compare them"). */
const BOTH = /这两个|这俩|两个|两者|二者|两款|两项|\b(?:both|the two|these two|those two|them)\b/i;

/** Question frames and particles: what is left of a question once its subject and aspect are out. */
const FRAME_ZH = new RegExp(
    [
        /我想问的是|想问的是|我问的是|我是说|不对|算了|其实|另外|顺便|哦|噢|嗯|请问|想问一下|想问|问一下|我想知道|想知道|请教|麻烦|那么|那|呢|吗|啊|吧|呀|嘛|么/
            .source,
        /哦|的|了|是|有|多少|什么|啥|怎么样|怎么|怎样|如何|哪些|哪里|哪|几|能|可以|会|要|需要|大概|一般|一下|还|再|也|都|就|请|您|你|我们|我|咱们|公司/
            .source,
        /企业|现在|目前/.source,
    ].join('|'),
    'g',
);

function hanWords(set: ReadonlySet<string>): string[] {
    return [...set].filter((w) => /^\p{Script=Han}{2,}$/u.test(w)).sort((a, b) => b.length - a.length);
}

let frameWords: string[] | undefined;

/** Stop and generic words of two Han characters or more, longest first (申请, 办理, 怎么申请…). */
function framePhrases(): string[] {
    return (frameWords ??= hanWords(new Set([...STOP_WORDS, ...GENERIC_WORDS])));
}

/**
 * Places outside Shanghai. kejin holds Shanghai's programmes only: a
 * question about another city's or province's policy ("苏州工业园区的风险补偿
 * 比例") must not be answered with Shanghai's, however close its words.
 */
const ELSEWHERE_ZH = new RegExp(
    [
        /北京|天津|重庆|深圳|广州|杭州|苏州|南京|无锡|常州|南通|宁波|温州|嘉兴|合肥|武汉|成都|西安|长沙|郑州|济南|青岛|厦门|福州|东莞|佛山|珠海|大连|沈阳|哈尔滨/
            .source,
        /长春|昆明|南昌|贵阳|南宁|海口|三亚|太原|石家庄|呼和浩特|兰州|银川|西宁|乌鲁木齐|拉萨|香港|澳门|台湾|雄安|中关村|江苏|浙江|安徽|广东|山东|福建|河北|河南/
            .source,
        /湖北|湖南|四川|陕西|山西|辽宁|吉林|黑龙江|江西|云南|贵州|广西|海南|甘肃|青海|宁夏|新疆|西藏|内蒙古/.source,
    ].join('|'),
    '',
);
const ELSEWHERE_EN = new RegExp(
    `\\b(?:${[
        /beijing|tianjin|chongqing|shenzhen|guangzhou|hangzhou|suzhou|nanjing|wuxi|ningbo|hefei|wuhan|chengdu|xi'?an|changsha/.source,
        /zhengzhou|jinan|qingdao|xiamen|fuzhou|dongguan|foshan|zhuhai|dalian|shenyang|harbin|hong kong|macau|macao|taiwan/.source,
        /zhongguancun|jiangsu|zhejiang|anhui|guangdong|shandong|fujian|sichuan|hubei|hunan/.source,
    ].join('|')})\\b`,
    'i',
);
const SHANGHAI = /上海|沪|shanghai/i;
/**
 * Shanghai named only as what the other place is likened to ("does Shenzhen have a scheme like Shanghai's", "深圳的和上海的
 * 一样吗"): the question is still of the other place.
 */
const SHANGHAI_LIKENED = new RegExp(
    [
        /\b(?:like|as in|similar to|same as|compared (?:to|with))\s+(?:the\s+)?shanghai(?:'s)?\b/.source,
        /(?:跟|和|与|像|同)上海(?:的)?(?:[\u4e00-\u9fff]{0,6}?)(?:一样|类似|那样|那种|差不多)/.source,
    ].join('|'),
    'gi',
);

/** A firm said in English: "a start-up", "our small company", "SMEs" (the nouns for a firm, a closed class). */
const FIRM_SAID = new RegExp(
    [
        /(?:a|an|our|my|the|such an?) (?:[\w-]+ ){0,4}?(?:firm|company|start-?up|business|enterprise|sme|team)/.source,
        /(?:companies|firms|start-?ups|businesses|enterprises|smes)/.source,
    ].join('|'),
);

/**
 * What kind of answer the question word asks for, when no aspect word says
 * which fact is wanted: 多少 / how much wants a number, 哪年 / when a date,
 * 哪里 / where a place to go. The question words are a small closed class
 * of the language; the aspect words are an open list that never holds
 * every phrasing ("how much relief lending have firms got", "那年上线的").
 * Asking whether one can apply (能申请吗, can we apply) wants the conditions.
 */
export const WANTED_FORMS = ['number', 'date', 'place', 'fit', 'act', 'agent', 'apply', 'document'] as const;
export type Wanted = (typeof WANTED_FORMS)[number];

/**
 * How something is split among parties ("损失怎么分", "各分多少", "how are losses split", and the noun: "what's the
 * risk split", "the loss split"): the shares, in percent.
 */
const SPLIT_ASKED = new RegExp(
    [
        /(?:怎么|如何|怎样|咋)(?:分|分担|分摊|分配|划分)(?![^，。？?]{0,2}(?:申请|办理|类))/.source,
        /\bhow (?:is|are|was|were|do|does)\b[^.?!]{0,30}\b(?:split|divided|shared)\b/.source,
        /\bthe(?: [a-z-]+){0,2}? split\b(?! (?:up|off)\b)/.source,
    ].join('|'),
    'i',
);

/** A number asked by the unit it is to be given in, with no number of its own: "in percentages", "as a percentage", 用百分比. */
const PERCENT_ASKED = /\b(?:in|as) (?:an? )?(?:percent|percentage)s?\b|\bwhat percent(?:age)?\b|(?:用|按|以)百分比/i;

/**
 * The terms of the unit a number is asked in (percent, percentage, 百分比), as the index holds them: they say how the
 * number is to be given, not of what card ("what percentage does the bank get back?" after the risk compensation is
 * not the rediscount line's "percentage points").
 */
export const UNIT_ASKED_TERMS: ReadonlySet<string> = new Set(['percent', 'percentag', 'percentage', '百分比', '百分']);

/** Said of something, that it suits the firm: "fits us", "does it work for us", "right for our company". */
export const FITS_US = /\b(?:fits?|suits?|would (?:fit|suit)|works? for|right for|good for) (?:us|me|our (?:firm|company|business))\b/i;

/**
 * Whom an item is made for: "is it meant for start-ups", "who is lvyuedai built for", "designed for firms like us", "who
 * is this loan for?", 是给谁的. The conditions are asked (`asksWhomFor`), as an aspect word would ask them.
 */
const MADE_FOR = new RegExp(
    [
        /\b(?:meant|built|designed|intended|made|aimed|targeted|geared|tailored) (?:mainly |mostly |only |primarily |just )?(?:for|at)\b/.source,
        // a question ending in "for" after who: "who is this loan for?", "who are these schemes really for"
        /\bwho(?:'s|’s| is| are)(?: [\w-]+){0,4} for(?=\s*(?:[?？.,，;；!！]|$))/.source,
        /(?:是|专门)?(?:给|为)谁(?:的|设计|准备|开发)/.source,
    ].join('|'),
    'i',
);

export function asksWhomFor(text: string): boolean {
    return MADE_FOR.test(normalize(text));
}

/**
 * The kinds of help an item may be, a closed class: asked to choose between two of them ("是补贴还是贷款", "is it a
 * loan or a subsidy?"), the question asks what the item is, not its subsidy (`asksWhatKind`).
 */
const HELP_KIND_ZH = '贷款|信贷|借款|补贴|补助|贴息|奖励|奖补|资助|拨款|担保|保险|基金|政策|平台|贴现|投资|股权';
const HELP_KIND_EN =
    /loans?|credit|subsid(?:y|ies)|grants?|rebates?|guarantees?|insurance|funds?|polic(?:y|ies)|platforms?|discount(?:ing)?|investments?|equity/
        .source;
const HELP_KIND = `(?:一种|一个|个|种)?\\s*(?:${HELP_KIND_ZH}|\\b(?:${HELP_KIND_EN})\\b)`;
const KIND_CHOICE = new RegExp(
    [
        `是\\s*${HELP_KIND}\\s*(?:吗)?\\s*还是\\s*${HELP_KIND}`,
        `\\b(?:is|are)\\s+(?:[\\w-]+\\s+){1,4}?(?:an?\\s+)?(?:${HELP_KIND_EN})\\s+or\\s+(?:an?\\s+)?(?:${HELP_KIND_EN})\\b`,
    ].join('|'),
    'i',
);

export function asksWhatKind(text: string): boolean {
    return KIND_CHOICE.test(normalize(text));
}

/** "who insures it", "who actually guarantees these loans": the verb whose doer is asked. */
const WHO_DOES = /\bwho\s+(?:actually\s+|really\s+|else\s+)?([a-z]{4,})\b/;
/** Verbs after "who" that ask no doer of a deed: who is, who can, who do we ask. */
const NO_DEED = /^(?:were|could|might|should|would|will|does|have|qualif\w*|gets|else)$/;

/**
 * What states the doer a question asks for with "who" and a verb ("who insures it?", "who guarantees weidaitong?"):
 * the verb's agent noun (insurer, guarantor, underwriter, reviewer) said of someone, or the verb in the passive with
 * "by" ("insured by", "guaranteed by"), formed as English forms them. Undefined when the question asks no doer of a deed.
 */
export function doerOf(text: string): RegExp | undefined {
    const verb = WHO_DOES.exec(normalize(text))?.[1];
    if (!verb || NO_DEED.test(verb)) return undefined;
    // insures → insur-, guarantees → guarant-, reviews → review-.
    const base = verb.replace(/e?s$/, '').replace(/e+$/, '');
    // The agent noun said of someone ("China Pacific Insurance was the insurer", "the insurer is …"), not of any party
    // ("government, bank and insurer share losses").
    const agent = `${base}(?:e?r|or)s?`;
    return new RegExp(`\\b(?:is|are|was|were) (?:the )?${agent}\\b|\\b${agent} (?:is|are|was|were)\\b|\\b${base}e?e?d by\\b`, 'i');
}

/** An insurer asked for by a word of choosing one ("它的保险公司是哪家", "which insurance company underwrites it", "who insures it"). */
const INSURER_ASKED = new RegExp(
    [
        /(?:哪家|哪个|哪一家|什么)(?:保险公司|保险机构)|(?:保险公司|保险机构|承保方)(?:是|为)?(?:哪家|哪个|谁)|(?:谁|哪家)承保/.source,
        /\b(?:which|what) (?:insurance compan(?:y|ies)|insurers?|underwriters?)\b|\bwho (?:insures|underwrites|is the insurer)\b/.source,
    ].join('|'),
    'i',
);

export function asksInsurer(text: string): boolean {
    return INSURER_ASKED.test(normalize(text));
}

/** A passage naming the insurer of a loan: 承保方为…, 由…承保, "was the insurer", "insured by". */
export const INSURER_STATED =
    /承保方(?:为|是)|由[^，。；]{1,24}承保|保险公司(?:为|是)[^，。；]{2,}|\b(?:is|are|was|were) the insurers?\b|\binsurers? (?:is|was|are|were)\b|\b(?:insured|underwritten) by\b/i;

/** A span of dates asked: 哪段时间, 什么期间, which dates, what (repayment) window, within what period. */
const SPAN_ASKED = new RegExp(
    [
        /(?:哪|什么|啥)(?:段|个)?(?:时间段|时段|期间|时间范围)|哪段时间/.source,
        /\b(?:what|which)(?: [a-z-]+){0,2}? (?:dates|window|period|time ?frame|date range)s?\b/.source,
    ].join('|'),
    'i',
);

const WANTS: readonly (readonly [Wanted, RegExp])[] = [
    [
        'date',
        new RegExp(
            [
                /什么时候|啥时候|何时|哪年|那年|哪一年|几几年|几月|哪个月|哪天|哪一天|几号|\bwhen\b|\bwhat (?:year|date)\b|\bwhich day\b|\bsince when\b/
                    .source,
                SPAN_ASKED.source,
            ].join('|'),
            'i',
        ),
    ],
    [
        'number',
        new RegExp(
            [
                /多少|多大|多高|几(?=[个家户成倍亿万千百十年天周])|百分之几|\bhow (?:much|many|big|large|high)\b/.source,
                // the unit the number is to be given in, with no number of its own: "in percentages", "as a percentage"
                PERCENT_ASKED.source,
                // how it is split: the shares ("损失怎么分", "how are losses split")
                SPLIT_ASKED.source,
                // what ratio, what's the compensation ratio, what is the total loan balance; not a document's number
                // ("what's the doc number of the notice": the document asked)
                /\bwhat(?:'s|s| is| was| are| were)?(?: the)?(?: (?!(?:docs?|document|reference|file)\b)[a-z-]+){0,2}? /.source +
                    /(?:percentage|share|proportion|ratio|amount|number|size|total|balance)s?\b/.source,
            ].join('|'),
            'i',
        ),
    ],
    // "这种能申请吗", "can a firm like ours apply": whether the firm qualifies.
    [
        'fit',
        new RegExp(
            [
                /(?:能|可以|能不能|可不可以|还能|也能|够格|有资格|有没有资格)(?:申请|申报|办|贷|借|拿|享受|参加|用)[^，。？?]{0,12}(?:吗|么|不)/
                    .source,
                /符合[^，。？?]{0,10}吗|够不够/.source,
                // can we / could a firm like ours / may our company / can a start-up with no revenue (still) apply, get,
                // qualify, use, borrow: a firm said by any of the nouns for one, with what describes it
                `\\b(?:can|could|may) (?:we|i|${FIRM_SAID.source})(?: [\\w-]+){0,6}? ` +
                    /(?:like (?:us|ours) )?(?:still )?(?:apply|get|qualify|use|borrow)\b/.source,
                /\b(?:eligible|qualify|qualifies)\b/.source,
                // do we fit, would a firm like ours fit, are we a (good) fit: 符合吗 in English
                `\\b(?:do|does|would|will|could|might) (?:we|i|${FIRM_SAID.source})(?: [\\w-]+){0,6}? (?:still )?(?:fit|suit)\\b` +
                    /|\b(?:are|am|is) (?:we|i|it) (?:a )?(?:good |right )?fit\b/.source,
                // does it fit us, is it right for us (as which fits us asks for the match: conversation/intent.ts)
                FITS_US.source,
                // "does huke zhuandai still work?", "would it still work for a firm like ours": whether it still fits, not how
                // it works ("how does it work").
                /(?<!\bhow\s+)\b(?:does|do|would|will|could)\s+(?:it|this|that|they|[\w-]+(?:\s+[\w-]+){0,3})\s+still\s+work\b/.source,
                // "does weidaitong still fit?", "is weidaitong for us?": the item said to fit, or to be for the firm.
                /\b(?:does|do|would|will)\s+(?:it|this|that|they|[\w-]+(?:\s+[\w-]+){0,3})\s+(?:still\s+)?(?:fit|suit)\b/.source,
                /\b(?:is|are)\s+(?:it|this|that|they|[\w-]+(?:\s+[\w-]+){0,3})\s+(?:still\s+)?(?:meant\s+)?for\s+(?:us|me|our\s+(?:firm|company|business))\b/
                    .source,
                // "is lvyuedai open to a firm that is two years old?", "would gaoqidai work for a 10-person software firm?": open
                // or working for a firm described, which its conditions answer.
                /\b(?:open|available|accessible|work|works)\s+(?:to|for)\s+(?:a|an|our|small|young|new|early-stage)?\s*(?:[\w-]+\s+){0,3}/.source +
                    `(?:${FIRM_SAID.source})`,
                // whether something of the firm's stands in the way: "会影响我们申请吗", "does that count against us", "would it
                // disqualify us" (the conditions and the negative list answer, not what the item is)
                /影响[^，。？?]{0,8}(?:申请|申报|审批|贷款|授信)[^，。？?]{0,4}(?:吗|么|不|[？?])/.source,
                /\b(?:count|go|weigh|be held) against (?:us|me|our (?:firm|company|application))\b|\bdisqualif(?:y|ies|ied)\b/.source,
                /\b(?:affect|hurt|harm|jeopardi[sz]e) (?:our|my) (?:application|eligibility|chances?)\b/.source,
                // what gets a firm turned away: the verbs of refusing an application (the negative list answers)
                /被拒|拒贷|拒绝|批不下来|不(?:给|予)?批|通不过|\b(?:reject(?:s|ed|ion)?|refus(?:e|es|ed|al)|turn(?:s|ed)? (?:\w+ )?down|declined?|denied)\b/
                    .source,
                MADE_FOR.source,
            ].join('|'),
            'i',
        ),
    ],
    // "要我自己去申请吗", "do we have to apply for it ourselves": whether it must be applied for.
    [
        'apply',
        new RegExp(
            [
                /(?:要|需要|得|必须|还要|还得)[^，。？?！!]{0,6}(?:申请|申报|提交申请)[^，。？?！!]{0,4}(?:吗|么|不|[？?])/.source,
                // not "how do we apply", the steps
                /(?<!\bhow )\b(?:do|must|should) (?:we|i) (?:have to |need to )?(?:apply|file)\b/.source,
            ].join('|'),
            'i',
        ),
    ],
    // "公示完了之后还要干嘛", "what do we have to do next": the steps to take.
    ['act', /干嘛|干什么|做什么|要做啥|做些什么|\bwhat (?:do|should|must) (?:we|i) (?:have to |need to )?do\b/i],
    // "依据的是哪个文件", "which notice governs it": the document it rests on (not 要准备什么文件, the papers to bring).
    [
        'document',
        new RegExp(
            [
                /(?:哪个|哪份|哪一份|哪一个|哪项|哪些|什么|啥)(?:政策文件|通知|规定|办法|文号)|(?:哪个|哪份|哪一份|哪一个)文件|(?:依据|根据)[^，。？?]{0,6}(?:哪|什么|啥)/
                    .source,
                /\b(?:which|what)(?:'s| is| was)?(?: the)?(?:\s+[\w'-]+){0,3}?\s+(?:notice|circular|regulation|rule|decree|policy document)s?\b/
                    .source,
                /\b(?:notice|circular|regulation|rule|document)s? (?:behind|governing|that governs?)\b|\b(?:docs?|document|reference|file) numbers?\b/
                    .source,
                // which document set it up, which docs underpin it: the document it rests on, not the papers to bring
                /\b(?:which|what)(?:\s+[\w'-]+){0,2}?\s+(?:documents?|docs?)\s+/.source +
                    /(?:set|sets|established?|created?|launched?|started?|underpins?|underpinned|governs?|governed|are behind|is behind|behind)\b/
                        .source,
            ].join('|'),
            'i',
        ),
    ],
    // "微贷通是哪个单位搞的", "who reviews the applications": the body that runs it.
    [
        'agent',
        new RegExp(
            [
                // Not 找谁 (whom to call), 给谁 / 对谁 (for whom: the conditions), 谁的 (whose), 谁家, 谁可以 (who may apply),
                // 都有谁 / 包括谁 (who is in it: its members, what it is, as "who's in it").
                /(?<![找给向对有括])谁(?![家的可能])|哪个(?:单位|部门|机构|机关)|哪(?:家|些)(?:单位|部门|机构|机关)/.source,
                // 保险公司是哪家, 跟哪家保险公司合作: which company (哪家银行 is the partner banks, read as an aspect).
                /哪家(?=保险|担保|公司|[？?。，,！!\s]|$)/.source,
                // Not who is in it, who belongs to it (its members: what it is).
                /(?<!for )\bwho(?:m)?\b(?! (?:is (?:it|this|that) for|can|could|may|qualif|is eligible|are eligible|gets?\b))/.source +
                    /(?!(?:'s|’s| is| are)(?: \w+ly)? (?:in|part of|inside|among)\b| (?:belongs?|are (?:the |its )?members)\b)/.source,
                /\bwhich (?:agency|agencies|department|body|bodies|office|organi[sz]ations?|institutions?)\b/.source,
                /\bwhich (?:insurers?|insurance compan(?:y|ies)|guarantors?|underwriters?|operators?)\b/.source,
            ].join('|'),
            'i',
        ),
    ],
    // 差别在哪, 好在哪里 ask how, not where.
    ['place', /(?<![差别同异好处在])(?:哪里|哪儿)|(?<![差别同异好处])在哪|去哪|\bwhere\b/i],
];

/**
 * The unit of the number asked, said right after the question word ("多少家" a count of firms, "几年" years,
 * "百分之几" a share): the passage stating a number in that unit answers, not a sum of money where a count was
 * asked. Each entry: how a question asks for the unit, how a passage states a number in it. Like the question
 * words above, a closed class of the language, not a list of phrasings.
 */
/** How a passage states a day (8月31日, 2025-08-31, 31 August): the unit of "哪天", "几号", "what date". */
export const DAY_STATED = new RegExp(
    [
        /\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\b\d{4}-\d{1,2}-\d{1,2}\b/.source,
        /\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}\b/
            .source,
    ].join('|'),
    'i',
);

/**
 * "How many firms" is answered by a number of firms ("1.1 million registered firms"), not of institutions or banks beside
 * it ("43 financial institutions"): English names what it counts, with a word or two between. (Chinese puts the noun
 * before the number, "入驻金融机构43家": 多少家 takes any count.)
 */
const countOf = (nouns: string): readonly [RegExp, RegExp] => [
    new RegExp(`\\bhow many (?:[a-z-]+ )?(?:${nouns})\\b`, 'i'),
    new RegExp(`\\b\\d[\\d,.]*\\+?\\s*(?:thousand |million )?(?:[a-z-]+ ){0,2}(?:${nouns})\\b`, 'i'),
];

/** How a passage states a sum of money: 163.55亿元, 16.355 billion. */
export const MONEY_STATED = /\d[\d.,]*\s*[亿万]|\b\d[\d.,]*\s*(?:billion|million|trillion)\b/i;

const UNITS: readonly (readonly [asked: RegExp, stated: RegExp])[] = [
    countOf('firms|companies|enterprises|businesses|smes'),
    countOf('banks'),
    countOf('institutions'),
    [
        // A measure word (多少家), or the noun counted, before or after (多少企业, 企业多少个, "how many firms").
        new RegExp(
            [
                /(?:多少|几)(?:个|家|户)?(?:企业|公司|机构|银行|会员|成员|单位)/.source,
                /(?:企业|公司|机构|银行|会员|成员|单位)(?:有|数量?)?(?:多少|几)(?:个|家|户)/.source,
                /(?:多少|几)(?:家|户)/.source,
                /\bhow many (?:firms|companies|enterprises|businesses|members|banks|institutions)\b/.source,
            ].join('|'),
            'i',
        ),
        new RegExp(
            [
                /\d[\d.,]*\s*[万千百]?\s*[余多]?\s*[家户]/.source,
                /[一二三四五六七八九十百千]+[余多]?[家户]/.source,
                /\b\d[\d,.]*\+?\s*(?:thousand |million )?(?:firms|companies|enterprises|businesses|members|banks|institutions)\b/.source,
            ].join('|'),
            'i',
        ),
    ],
    [
        // how much money, or how much a verb of lending moved: "how much has been lent", "how much did it disburse"
        new RegExp(
            [
                /(?:多少|几)(?:亿|万|钱)|\bhow much (?:money|lending|credit|funding|financing)\b/.source,
                /\bhow much(?: [a-z-]+){0,4}? (?:lent|loaned|borrowed|disbursed|granted|extended|paid out|raised)\b/.source,
            ].join('|'),
            'i',
        ),
        MONEY_STATED,
    ],
    [
        new RegExp(
            [
                /百分之几|多少比例|几成|比例(?:是|为)?多少/.source,
                PERCENT_ASKED.source,
                /\bwhat(?:'s|s| is| was| are| were)?(?: the)?(?: [a-z-]+){0,2}? (?:percentage|percent|share|proportion|ratio)s?\b/.source,
                SPLIT_ASKED.source,
            ].join('|'),
            'i',
        ),
        /\d[\d.]*\s*[%％]|百分之|[一二三四五六七八九]成|\bper ?cent\b/i,
    ],
    [/几年|多少年|\bhow many years\b/i, /(?<!\d)\d{1,2}\s*年(?!\d)|[一二三四五六七八九十]年|\b\d{1,2}[- ]years?\b/i],
    [/几天|多少天|多少个?工作日|\bhow many (?:working |business )?days\b/i, /\d+\s*个?(?:工作日|天)|\b\d+\s*(?:working |business )?days?\b/i],
    // A day, not a year: "截止是哪天" is not answered by "2024—2025年度".
    [new RegExp(`${/哪天|哪一天|几号|几月几[日号]|\bwhat date\b|\bwhich day\b|\bby when\b/.source}|${SPAN_ASKED.source}`, 'i'), DAY_STATED],
];

/** At most this much left over (Han characters, Latin words) is a slight question: an aspect of something unsaid. */
const SLIGHT_HAN = 4;
const SLIGHT_LATIN = 2;

export interface SubjectCues {
    /** The question points back at what was last spoken of. */
    readonly refersBack: boolean;
    /** It points back at the time the last answer spoke of ("当时", "back then"). */
    readonly backThen: boolean;
    /** "那X呢", "what about X": the rest of the previous question goes on. */
    readonly ellipsis: boolean;
    /** Nothing is left but the aspect and the frame ("利率多少", "要找谁申请", "what's its rate?"). */
    readonly bare: boolean;
    /** Little is left besides: a word or two ("what's the max amount?", "how long does approval take?"). */
    readonly slight: boolean;
    /** It asks to choose or compare. */
    readonly chooses: boolean;
    /** It asks which is more of something ("哪个额度高", "which is cheaper"): a choice between two, not "哪个银行". */
    readonly ranks: boolean;
    /** It asks to set the two spoken of side by side ("两个比一下", "compare the two"). */
    readonly both: boolean;
    /** It is about a place outside Shanghai, and does not name Shanghai. */
    readonly elsewhere: boolean;
    /** The kind of answer the question word asks for, if any (the first of date, number, place). */
    readonly wants?: Wanted;
    /** How a passage states a number in the unit asked ("多少家": 近百家, 100家), if the question says one (see UNITS). */
    readonly unit?: RegExp;
    /** The Chinese words left once names, aspect words, pointers and the question frame are out ("专贴" of "专贴呢"). */
    readonly leftover: readonly string[];
    /**
     * Those of `leftover` that qualify the word after them in a run of more than four characters (创新 of 科技创新债券发行:
     * innovation bonds): a word qualifying another is no short name, whatever name it is most of (创新券). A short run
     * is a name and the word after it (专贴业务, 科委办公室).
     */
    readonly qualifying: ReadonlySet<string>;
}

/** The English word that stands for a noun said before it. */
const PRO_ONE = /^ones?$/;

/** `text` with every `word` in it made a space; the same string, not a copy, when it has none (most of the frame phrases). */
function cut(text: string, word: string): string {
    return text.includes(word) ? text.split(word).join(' ') : text;
}

/** Words of choosing or of setting two side by side ("哪个", "跟…比", "一样吗", "is it the same as", "vs"). */
export function choosesIn(text: string): boolean {
    return CHOOSE.test(normalize(text));
}

/**
 * The cues of `text` as read by `reading` (the aspect words it found and the
 * item names it found are taken out before looking for what is left).
 */
export function subjectCues(text: string, reading: QueryReading): SubjectCues {
    const t = normalize(text);
    let rest = t;
    for (const w of [...reading.aspects.words].sort((a, b) => b.length - a.length)) rest = cut(rest, w);
    for (const n of reading.named) rest = rest.replace(termPattern(n.term), ' ');
    const refersBack = REFERS_BACK_ZH.test(rest) || REFERS_BACK_EN.test(rest);
    rest = rest.replace(REFERS_BACK_ZH_ALL, ' ').replace(REFERS_BACK_EN_ALL, ' ');
    for (const w of framePhrases()) rest = cut(rest, w);
    rest = rest.replace(FRAME_ZH, ' ');
    const han = (rest.match(/\p{Script=Han}/gu) ?? []).length;
    // A short run is a word of its own (专贴, 科委), which the segmenter may split into characters.
    // A short name may run into the next word ("专贷到…"): a short run's two-character start is tried as well.
    // Two short names joined (专贷和专贴) are two runs: the segmenter may leave neither whole.
    const runs = (rest.match(/\p{Script=Han}{2,}/gu) ?? [])
        .flatMap((run) => run.split(/和|与|跟|或者|还是|或/).filter((part) => part.length >= 2))
        .map((run) => ({ run, words: segmentWords(run) }));
    const leftover = runs
        .flatMap(({ run, words }) => [...(run.length <= 4 ? [run, ...(run.length > 2 ? [run.slice(0, 2)] : [])] : []), ...words])
        .filter((w, i, all) => w.length >= 2 && all.indexOf(w) === i);
    const qualifying = new Set<string>();
    for (const { run, words } of runs) {
        if (run.length <= 4) continue;
        words.forEach((w, i) => {
            const next = words[i + 1];
            if (w.length >= 2 && next !== undefined && next.length >= 2 && !STOP_WORDS.has(next) && !GENERIC_WORDS.has(next)) qualifying.add(w);
        });
    }
    // "one" stands for a noun said before ("the Huke Zhuandai one", "the patent one"): it asks nothing of its own.
    const latin = (rest.match(/[a-z][a-z-]{2,}/g) ?? []).filter(
        (w) => !STOP_WORDS.has(w) && !GENERIC_WORDS.has(w) && !STOP_WORDS.has(w.replace(/s$/, '')) && !PRO_ONE.test(w),
    );
    const wants = formOf(t);
    const unit = UNITS.find(([asked]) => asked.test(t))?.[1];
    return {
        ...(wants ? { wants } : {}),
        ...(unit ? { unit } : {}),
        refersBack,
        backThen: BACK_THEN.test(t),
        ellipsis: ELLIPSIS.test(t.trim()),
        bare: han < 2 && latin.length === 0,
        slight: han <= SLIGHT_HAN && latin.length <= SLIGHT_LATIN,
        chooses: reading.aspects.comparison || CHOOSE.test(t),
        ranks: (reading.aspects.comparison || CHOOSE.test(t)) && RANKS.test(t),
        both: (reading.aspects.comparison || CHOOSE.test(t)) && BOTH.test(t),
        elsewhere: (ELSEWHERE_ZH.test(t) || ELSEWHERE_EN.test(t)) && !SHANGHAI.test(t.replace(SHANGHAI_LIKENED, ' ')),
        leftover,
        qualifying,
    };
}

// A superlative of size, then what is lent or a firm getting it (see SUM_ASKED).
const SIZE_SUPERLATIVE = /\b(?:max|maximum|most|largest|biggest|highest|top) /.source;
const LENDING_NOUN = /(?:loans?|credit lines?|credit|amount|sum|ticket|facility)\b/.source;
const FIRM_THEN_GETS =
    /(?:(?:a|an|the|one|single|each|any|our|we|i|you|firm|company|business|enterprise|sme|startup|can|could|may|will|would) ){1,5}/.source +
    /(?:borrow|get|obtain|draw|receive)\b/.source;

/**
 * What a firm can get, asked with a verb of lending after a word of ability or usualness ("能批多少", "一般可以贷到多少",
 * "最多借几百万") or with how big a loan is ("how big a loan can we get"): the amount, when no aspect word says so. The
 * modal words and the verbs of lending are closed classes of the language; a sum lent in the past ("2021年放了多少")
 * is a figure, and has no modal.
 */
const SUM_ASKED = new RegExp(
    [
        /(?:能|可以|可|最多|最高|一般|通常|大概|大约|平均)[^，。？?！!]{0,2}?(?:贷|借|批|授信|拿|融)(?:到|下来|得到|出来)?(?:多少|几[十百千万亿]|多大(?![的年]))/
            .source,
        // 最高 / 最多 right before 多少, as "the max" is ("单笔最高多少", "每户最多多少钱"); an aspect word read beside it says
        // what is highest instead (利率最高多少).
        /(?:最高|最多|上限)(?:能|可以)?(?:到|是|为|有)?(?:多少|几[十百千万亿])/.source,
        /\bhow (?:big|large)(?: (?:a|an|the|is|are|can|could|will|would|does|do))*(?: [\w-]+){0,3}? (?:loans?|facilit(?:y|ies)|credit lines?|credit)\b/
            .source,
        // A superlative of size, as 最多 / 最高 are: "the max loan", "the biggest ticket", "the most a firm can borrow" (the
        // firm said in one of the few words between; "most firms" is no sum).
        `${SIZE_SUPERLATIVE}(?:${LENDING_NOUN}|${FIRM_THEN_GETS})`,
        // The size of what is lent, said as a compound or with "of": "typical loan size", "ticket sizes", "the size of the
        // facility" (not a firm's size: the sizes a product serves).
        /\b(?:loan|ticket|facility|credit line|credit)s? sizes?\b/.source,
        /\bsizes? of (?:the |a |an |each |one |our |their )?(?:loans?|tickets?|facilit(?:y|ies)|credit lines?)\b/.source,
    ].join('|'),
    'i',
);

export function asksSum(text: string): boolean {
    return SUM_ASKED.test(normalize(text));
}

/** A total said: what was done up to now, added up. */
const TOTAL_SAID = /累计|一共|总共|合计|共计|至今|到现在|迄今|\b(?:so far|to date|in total|altogether|cumulative(?:ly)?)\b/i;
/** A word of ability or of a limit: what a firm can get. */
const ABILITY_SAID =
    /能[^，。？?！!]{0,2}(?:贷|借|批|拿|获|申请|融)|可以|最多|最高|上限|封顶|\b(?:can|could|may|max|maximum|up to|at most|limit|cap)\b/i;

/**
 * A total lent, asked with no word of ability or limit ("2021年一共放出去多少钱", "累计给科技企业放了多少钱", "how much
 * has it lent so far", or the lending of a year said in the past: "21年放了多少钱"): a figure of what was done, not what
 * a firm can get, though 多少钱 also reads the amount. Both word classes are closed classes of the language.
 */
export function asksTotalDone(text: string): boolean {
    const t = normalize(text);
    return (TOTAL_SAID.test(t) || (LENT_DONE.test(t) && yearsIn(t).length > 0)) && !ABILITY_SAID.test(t);
}
/** Lending done, said in the past ("21年放了多少钱", "how much was lent in 2021"): with a year, a total of that year. */
const LENT_DONE = /(?:放|贷|投放|发放|借出|批)了|放出去|\b(?:lent|disbursed|provided|granted|extended|issued)\b/i;

/**
 * When the money reaches the firm ("什么时候到账", "补贴啥时候发", "when does the money arrive", "when will we get the
 * refund"): a time to wait, as "多久到账" is, not when the item began. The verbs of paying and receiving are a closed
 * class; 发布, 发文 and 发的 (issued) are not paying.
 */
const PAYOUT_ASKED = new RegExp(
    [
        /(?:什么时候|啥时候|何时|几时|多久)[^，。？?！!]{0,4}?(?:到账|到位|发放|拨付|打款|放款|兑现|批下来|拿到|返还|发(?![布行文起展的了]))/.source,
        /\bwhen\b[^.?!]{0,30}?\b/.source +
            /(?:arrives?|paid(?: out)?|pays? (?:out|it)|disbursed?|credited|(?:get|receive) (?:the |our |my )?(?:money|funds|subsidy|refund|payment|it))\b/
                .source,
    ].join('|'),
    'i',
);

export function asksPayout(text: string): boolean {
    return PAYOUT_ASKED.test(normalize(text));
}

/**
 * A wait counted in the units a wait is counted in ("how many weeks", "几周", "多少个小时", "how many working days"): the
 * processing time, whatever else its words read (the application it starts from, a count). Years and months count a
 * loan's term or a history, not a wait.
 */
const WAIT_COUNTED =
    /(?:几|多少)\s*个?\s*(?:天|周|星期|礼拜|工作日|小时)|\bhow many (?:more )?(?:working |business |calendar )?(?:days|weeks|hours)\b/i;

export function asksWait(text: string): boolean {
    return WAIT_COUNTED.test(normalize(text));
}

/** Asking which offering ("哪个产品", "有什么贷款", "which STCSM loan", "what products does it offer"): a closed class of question forms. */
const OFFERING_ASKED =
    // A modifier ending in 的 may stand between, as English words do ("有什么专门针对我们的产品", "哪些适合小企业的贷款").
    /(?:哪个|哪款|哪种|哪些|什么|啥)(?:[^，。？?,.!！]{1,10}的)?(?:产品|贷款|信贷产品|融资产品)|\b(?:which|what)\b(?:\s+\S+){0,3}?\s+(?:products?|loans?|schemes?)\b/i;

export function asksForOffering(text: string): boolean {
    return OFFERING_ASKED.test(normalize(text));
}

/** A year: four digits from 1900 to 2099 that no unit follows ("2000多万" is a sum of money, "2015 firms" a count). */
const YEAR_ASKED = new RegExp(
    [
        /(?<!\d|\d[.,])(?:19|20)\d{2}(?!\d|[.,]\d)/.source,
        /(?!\s*(?:多|余|来)?\s*(?:万|亿|千|百|元|家|户|个|人|笔|件|%|％))/.source,
        /(?!\s*(?:million|billion|thousand|yuan|rmb|firms?|companies|enterprises|people|staff|employees)\b)/.source,
    ].join(''),
    'gi',
);

/** The years a question names ("2021年", "in 2022"), each once. */
export function yearsIn(text: string): string[] {
    // 21年 is 2021 (`fullYears`).
    return [...new Set(fullYears(text).match(YEAR_ASKED) ?? [])];
}

/** A year as a passage states it: the four digits, not inside a longer number (`flags` 'g' for `matchAll`). */
export function yearPattern(year: string, flags = ''): RegExp {
    return new RegExp(`(?<!\\d)${year}(?!\\d)`, flags);
}

/**
 * When the item itself began ("哪一年开始搞的", "什么时候上线的", "when did it go live", "since when"): a beginning verb or
 * noun beside a question of time, and no word of a later round or change ("新一轮什么时候开始", "when was it upgraded",
 * "has the new round kicked in"). Both are closed classes of the language; the answer is the earliest beginning the
 * card states, not whichever dated passage shares the verb.
 */
const BEGINNING_ASKED = new RegExp(
    [
        /开始|起步|推出|上线|设立|成立|启动|出台|开办|开通|首次|最早|第一次|创立|创设|问世|诞生|始于/.source,
        /\b(?:start(?:s|ed)?|begin|began|begun|launch(?:es|ed)?|introduc(?:e|ed)|set up|establish(?:ed)?|open(?:ed)?)\b/.source,
        /\b(?:go live|went live|come out|came out|roll(?:ed)? out|kick(?:ed)? off|first|since when|inception|originally)\b/.source,
    ].join('|'),
    'i',
);
const LATER_ASKED = new RegExp(
    [
        /新一轮|新的|最新|这一轮|本轮|下一轮|今年|去年|最近|目前|现在|升级|调整|修订|改版|扩容|变化|变了|再次|又/.source,
        /\b(?:new|newer|newest|latest|recent(?:ly)?|current(?:ly)?|this year|last year|next|upgrad(?:e|ed)|revis(?:e|ed))\b/.source,
        /\b(?:chang(?:e|ed)|updat(?:e|ed)|expand(?:ed)?|again|round|yet)\b/.source,
    ].join('|'),
    'i',
);

/** "How much did the banks commit when it launched": a number asked of the time it began, not the time. */
const AMOUNT_ASKED = /多少|几(?=[个家户成倍亿万千百十])|\bhow (?:much|many)\b/i;

export function asksOrigin(text: string): boolean {
    const t = normalize(text);
    return BEGINNING_ASKED.test(t) && !LATER_ASKED.test(t) && !AMOUNT_ASKED.test(t) && yearsIn(t).length === 0;
}

/** What the question's own form asks (`SubjectCues.wants`), of a normalized text. */
function formOf(t: string): Wanted | undefined {
    return WANTS.find(([, re]) => re.test(t))?.[0];
}
