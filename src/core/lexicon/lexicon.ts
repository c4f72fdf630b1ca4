/**
 * One reading of a firm's words, for the free question (match/understand.ts)
 * and the typed answers of the guided match (bot/conversation/questionnaire.ts): the
 * vocabulary words with the staff-editable synonyms, amounts in every
 * common form, and statements told from denials ("还没有高企认定").
 */
import { CLAUSE_SPACE } from '../language.ts';
import { buildWords, normaliseWord, pinyinSpellings, type FieldValues, type LexiconField, type Spelling, type WordTable } from './words.ts';

export { chineseNumber, CN_NUMERAL, findAmounts, parseAmountWan, type FoundAmount } from './amount.ts';
export { normaliseWord, type FieldValues, type LexiconField } from './words.ts';

/** What the text says of a vocabulary word it mentions. */
export type Stance = 'claims' | 'denies' | 'mentions';

export interface Mention<F extends LexiconField> {
    readonly value: FieldValues[F];
    readonly index: number;
    readonly word: string;
    readonly stance: Stance;
}

export interface Lexicon {
    /** The value a whole typed word stands for ("高新企业" → high-tech), if any. */
    lookup<F extends LexiconField>(field: F, word: string): FieldValues[F] | undefined;
    /** Every mention of a value of `field` in a free text, longest words first, with what the text says of it. */
    mentions<F extends LexiconField>(field: F, text: string): Mention<F>[];
    /**
     * Whether a title (a qualification word) ends right before `index` of `text`, written as one word with it: what
     * follows is then a product's name ("小巨人信用贷"), not what the firm needs.
     */
    titleBefore(text: string, index: number): boolean;
}

/** Words that make a mention a statement about the firm ("我们是高企", "we are HNTE"). */
const CLAIM = {
    zh: /(?:是|属于|已是|已经是|获得|已获|获|通过|拿到|取得|被认定为|认定为|评为|评上|评定为|入选|入库|作为|身为|有|拥有)/,
    en: new RegExp(
        [
            /\b(?:we are|we're|i am|as an?|as|certified|our firm is|our company is|we (?:only |also |now |already |still )?(?:have|hold)|holds?)\b/
                .source,
            // got or granted it, as 拿到 and 获得 say ("we got the tech SME registration", "were recognised as")
            /\b(?:got|obtained|received|earned|became|(?:been|were|was) (?:certified|recognised|recognized|granted|awarded|listed|accredited|named))\b/
                .source,
        ].join('|'),
        'i',
    ),
} as const;
/**
 * Words that deny it ("还没有高企认定", "not yet high-tech", "no HNTE status"). The question forms that hold them
 * (有没有, 是不是, 属不属于) ask instead: "有没有针对高新技术企业的贷款" says nothing of the firm.
 */
const DENY = {
    zh: /(?:还没有|(?<!有)没有|还没|尚未|还未|未获|未被|未通过|未取得|未认定|(?<!是)不是|并非|(?<!属)不属于|还不是|暂无|尚无|不具备)/,
    en: /\b(?:not|no|never|don't have|do not have|without|yet to|lack|lacking|isn't|aren't|wasn't|weren't|no longer|lost)\b/i,
} as const;
/** A title's certificate or status that ran out, right after the title. */
const LAPSED = new RegExp(
    [
        /^\s*(?:认定|资质|证书|资格)?[^，。,.;；]{0,4}(?:过期|失效|到期失效)/.source,
        /^\s*(?:certificate|certification|status|title|recognition|cert)?\s*(?:has |had )?(?:expired|lapsed|ran out|run out)\b/.source,
    ].join('|'),
    'i',
);
/** A title's certificate or status said to have come through, right after the title, with no denial between. */
const GRANTED_AFTER =
    /^\s*(?:认定|资质|证书|资格|称号)[^，。,.;；没未不吗？?]{0,5}(?:下来|拿到|到手|获批|批了|批下|通过了|发下)(?![^，。,.;；]{0,3}(?:吗|么|没|[？?]))/;
/** Chinese question forms that hold a claiming or denying word: 有没有, 是不是, 是否, 有无, 属不属于. */
const ASKS_WHETHER = /有没有|是不是|是否|有无|属不属于|算不算|能不能/;
/** A mention followed by these names a product ("高企贷", "小巨人信用贷", "gaoqi dai", "xiaojuren xinyongdai"), not the firm. */
const PRODUCT_AFTER = /^\s*(?:贷|信用贷|专贷|专贴|loan|credit loan|dai\b|xin ?yong ?dai\b)/i;
/**
 * Where a clause ends: what is said before it is not about the mention. A space between Chinese words ends one too, as
 * founders type without punctuation ("我们还不是小巨人 只是高新技术企业"), and so does 只是 / 而是, which says what the
 * firm is after what it is not.
 */
const CLAUSE_BREAK = new RegExp(
    `${/[，。,.;；!?！？\n]|但|而且|并且|不过|(?=只是|而是)|\bbut\b|\band\b(?= we)/.source}|${CLAUSE_SPACE.source}`,
    'giu',
);
const WINDOW = 14;

function escape(w: string): string {
    return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words of the clause before `index`, at most WINDOW characters. */
function before(text: string, index: number): string {
    const head = text.slice(0, index);
    let start = 0;
    for (const m of head.matchAll(CLAUSE_BREAK)) start = m.index + m[0].length;
    return head.slice(Math.max(start, index - WINDOW * 2)).slice(-WINDOW * 2);
}

/** What may stand beside a title in a clause that only states it ("我们公司是高新技术企业，…", "国家高企；…"). */
const CLAUSE_FILLER =
    /我们|我司|本公司|公司|企业|单位|一家|一个|已经|已|是|属于|的|国家级?|市级|上海|认定|资质|\b(?:we|are|we're|our|firm|company|is|an?|the|certified)\b|\s/gi;

/**
 * A title that is a clause of its own, followed by more ("高新技术企业，需要流动资金"):
 * founders list what the firm is before asking, without "我们是". A clause ending
 * with a question mark asks about the title instead.
 */
function statedAlone(text: string, index: number, word: string): boolean {
    const lead = before(text, index);
    const rest = text.slice(index + word.length);
    const end = /[，。,.;；!！\n]|$/.exec(rest)!;
    const tail = rest.slice(0, end.index);
    if (/[?？]/.test(tail)) return false;
    // Last, it closes a list of what the firm is ("营收5000万，员工80人，高新技术企业") when clauses come before it and
    // nothing in the message asks; alone, it may be the topic of a question.
    const last = end[0] === '' || rest.slice(end.index + 1).trim() === '';
    if (last && !(/[，,;；、]/.test(text.slice(0, index - lead.length)) && !ASKS_ANYTHING.test(text))) return false;
    return `${lead}${tail}`.replace(CLAUSE_FILLER, '') === '';
}

/** A message that asks: a question mark or word, in either language. */
const ASKS_ANYTHING =
    /[?？]|吗|呢|什么|啥|怎么|如何|多少|哪|谁|能否|是否|\b(?:what|how|which|who|when|where|why|can|could|is there|are there|do|does)\b/i;

/**
 * Whether `re` ends within the last WINDOW characters of `lead`, read in the whole lead: cut at the window, 有没有
 * would read as the denial 没有.
 */
function nearEnd(re: RegExp, lead: string): boolean {
    const from = lead.length - WINDOW;
    for (const m of lead.matchAll(new RegExp(re.source, `${re.flags}g`))) if (m.index + m[0].length > from) return true;
    return false;
}

/** The firm speaking of itself in English. */
const FIRST_PERSON = /\b(?:we|we're|we've|us|our|ours|i|i'm|my|me)\b/i;

/**
 * Whether an English claim word before a title speaks of the firm: its sentence speaks of us, or states beside
 * sentences that do ("Our co-founder had late payments. Company itself is a certified HNTE."), or the clause opens
 * with "as a" ("As an HNTE, which loans fit?"). "Who gets the list of certified high-tech firms?" and "which firms
 * count as a tech SME?" speak of others.
 */
function ofUs(text: string, index: number, lead: string): boolean {
    const start = Math.max(...[...text.slice(0, index).matchAll(/[.?!;。？！；\n]/g)].map((m) => m.index + 1), 0);
    const stop = /[.?!;。？！；\n]|$/.exec(text.slice(index))!;
    const sentence = text.slice(start, index + stop.index);
    const asks = /[?？]/.test(stop[0]);
    return FIRST_PERSON.test(sentence) || (!asks && FIRST_PERSON.test(text)) || /^\s*as\s+an?\b/i.test(lead);
}

function stanceOf(text: string, index: number, word: string): Stance {
    const lead = before(text, index);
    const after = text.slice(index + word.length, index + word.length + 8);
    /** A little more of what follows the title, for what is said of it a few words on ("证书上个月还没下来"). */
    const next = text.slice(index + word.length, index + word.length + 12);
    // Firms mix scripts ("我们是HNTE", "we are 高企"): both languages' words count.
    if (nearEnd(DENY.zh, lead) || DENY.en.test(lead)) return 'denies';
    // A denial may follow the title too, the firm or a time said between or not: "高企认定还没有", "高企认定我们还没拿到",
    // "高企证书上个月还没下来".
    if (/^\s*(?:认定|资质|证书)?(?:我们|我司|公司|[^，。,.;；]{1,4}?)?(?:还没有|还没|没有|尚未|还未)/.test(next)) return 'denies';
    // Held once, no longer: "高企证书去年过期了", "our HNTE certificate expired", "the SRDI status lapsed".
    if (LAPSED.test(text.slice(index + word.length, index + word.length + 24))) return 'denies';
    // Granted, said after the title: "高企证书上个月刚下来", "专精特新认定已经通过了".
    if (GRANTED_AFTER.test(next)) return 'claims';
    // Applied for, not held yet: "高企还在申请中", "专精特新在申报".
    if (
        /^\s*(?:认定|资质|证书|资格)?(?:还在|正在|在)?(?:申请|申报|评审|公示)(?:中|阶段)?/.test(after) &&
        !/^\s*(?:认定|资质|证书|资格)?(?:申请|申报)(?:了|过|成功|下来)/.test(after)
    )
        return 'denies';
    // "有没有针对高企的贷款", "是不是专精特新才能申请": a question about the title, not a statement.
    if (nearEnd(ASKS_WHETHER, lead)) return 'mentions';
    if (CLAIM.zh.test(lead) || (CLAIM.en.test(lead) && ofUs(text, index, lead))) return 'claims';
    // "not HNTE yet, only a tech SME", "only SRDI", "SRDI only": a clause that is only the title beside "only / just
    // (a)" says what the firm is, unless it asks ("only a high-tech enterprise can apply?").
    const only = /^\s*(?:only|just|merely)\s+(?:an?\s+)?$/i.test(lead) || (/^\s*$/.test(lead) && /^\s*only\s*(?:[，。,.;；!！\n]|$)/i.test(after));
    if (only && !/[?？]/.test(text.slice(index).split(/[，。,.;；!！\n]/)[0]!)) return 'claims';
    if (statedAlone(text, index, word)) return 'claims';
    return 'mentions';
}

export function createLexicon(groups: readonly (readonly string[])[] = []): Lexicon {
    const table: WordTable = buildWords(groups);
    // Read when first needed: pinyin-pro is loaded then, not when the lexicon is made.
    const spellings = new Map<LexiconField, ReadonlyMap<string, Spelling<unknown>>>();
    const spelt = (field: LexiconField): ReadonlyMap<string, Spelling<unknown>> => {
        let m = spellings.get(field);
        if (!m) spellings.set(field, (m = SPELT_IN_PINYIN.has(field) ? pinyinSpellings(table[field]) : new Map()));
        return m;
    };
    const valueOf = <F extends LexiconField>(field: F, word: string): FieldValues[F] | undefined =>
        (table[field].get(normaliseWord(word)) ?? spelt(field).get(word.toLowerCase().replace(/[\s-]/g, ''))?.value) as FieldValues[F] | undefined;
    // Free text is searched for words of two characters or more (一个“小”字 says nothing), longest first; a pinyin
    // spelling may part its syllables with a space or a hyphen ("zhuan jing te xin").
    const patterns = new Map<LexiconField, RegExp>();
    const patternOf = (field: LexiconField): RegExp => {
        let re = patterns.get(field);
        if (!re) {
            const words = [...table[field].keys()]
                .filter((w) => w.length >= 2)
                .map((w) => ({ length: w.length, source: /^[a-z0-9]/.test(w) ? `\\b${escape(w)}\\b` : escape(w) }));
            const pinyin = [...spelt(field)].map(([w, { syllables }]) => ({ length: w.length, source: `\\b${syllables.join('[\\s-]?')}\\b` }));
            re = new RegExp(
                [...words, ...pinyin]
                    .sort((a, b) => b.length - a.length)
                    .map((w) => w.source)
                    .join('|'),
                'gi',
            );
            patterns.set(field, re);
        }
        return re;
    };
    let titleAtEnd: RegExp | undefined;
    const titleBefore = (text: string, index: number): boolean => {
        // Written as one word, as Chinese names are (小巨人信用贷); in English a title before "credit loan" may as well
        // say what the firm is and wants ("HNTE credit loan").
        titleAtEnd ??= new RegExp(`(?:${patternOf('qualifications').source})$`, 'i');
        return titleAtEnd.test(text.slice(Math.max(0, index - TITLE_REACH), index));
    };
    return {
        lookup: (field, word) => valueOf(field, word),
        mentions<F extends LexiconField>(field: F, raw: string): Mention<F>[] {
            const text = raw.normalize('NFKC').replace(/[“”"「」]/g, '');
            const found: Mention<F>[] = [];
            for (const m of text.matchAll(patternOf(field))) {
                const word = m[0];
                if (PRODUCT_AFTER.test(text.slice(m.index + word.length))) continue;
                if (field === 'needs' && titleBefore(text, m.index)) continue;
                const value = valueOf(field, word);
                if (value !== undefined) found.push({ value, index: m.index, word, stance: stanceOf(text, m.index, word) });
            }
            return found;
        },
        titleBefore,
    };
}

/** Fields whose Chinese words founders also spell in pinyin: the titles ("we're gaoxin", "zhuanjingtexin"). */
const SPELT_IN_PINYIN: ReadonlySet<LexiconField> = new Set(['qualifications']);

/** The longest title looked for before a word (专精特新“小巨人” and its English forms are shorter). */
const TITLE_REACH = 40;

/** The lexicon of the vocabulary alone, for callers without a knowledge folder. */
export const VOCABULARY_LEXICON: Lexicon = createLexicon();

const BY_GROUPS = new WeakMap<readonly (readonly string[])[], Lexicon>();

/** The lexicon for a snapshot's synonym groups, built once per snapshot. */
export function lexiconFor(groups: readonly (readonly string[])[]): Lexicon {
    let lexicon = BY_GROUPS.get(groups);
    if (!lexicon) BY_GROUPS.set(groups, (lexicon = createLexicon(groups)));
    return lexicon;
}
