/**
 * The sentences an answer is made of, in zh and en: the engine
 * (core/answer) picks which one and fills it with the card's own words; no
 * front words them again.
 */
import { ASPECTS, type Aspect, type Lang, type Localized } from '../vocabulary.ts';
import { colon, labelOf, listJoin } from './labels.ts';

const space = (lang: Lang) => (lang === 'zh' ? '' : ' ');

/** "科技履约贷：fact fact2": the item's name, then its facts. */
export function itemSentence(name: string, facts: readonly string[], lang: Lang): string {
    // A fact that ends without a stop (a labelled value: "印发日期 2024-10-12") gets one before the next fact.
    const ended = facts.map((f, i) => (i < facts.length - 1 && !ENDED.test(f) ? `${f}${lang === 'zh' ? '。' : '.'}` : f));
    return `${name}${colon(lang)}${ended.join(space(lang))}`;
}
/** A text that ends a sentence: a stop, a question or exclamation mark, or a closing bracket or quote after one. */
const ENDED = /[。．.！!？?；;）)」』”"]\s*$/;

/** A fact under the label of its aspect ("期限：…"), when an answer shows facts of several aspects. */
export function aspectFact(aspect: Aspect, text: string, lang: Lang): string {
    return `${ASPECTS.labels[aspect][lang]}${colon(lang)}${text}`;
}

/** The item is known but its card holds nothing on the aspect. */
export function notHeldSentence(name: string, aspect: Aspect | undefined, lang: Lang): string {
    const what = ASPECTS.labels[aspect ?? 'what-is'][lang];
    return lang === 'zh' ? `${name}：知识库的来源未给出${what}方面的信息。` : `${name}: the sources kejin holds give no ${what}.`;
}

/** An insurer was asked ("它的保险公司是哪家", "which insurance company underwrites it") and the card names none. */
export function noInsurerSentence(name: string, lang: Lang): string {
    return lang === 'zh' ? `${name}：知识库的来源未给出承保的保险公司。` : `${name}: the sources kejin holds give no insurer for it.`;
}

/**
 * The card's own note that its sources lack what was asked is the answer: said first in the same words on every card,
 * the note then says what they do give ("the source names Bank of Shanghai as an example; no full list was found").
 */
export function notGivenLead(name: string, aspect: Aspect, lang: Lang): string {
    const what = ASPECTS.labels[aspect][lang];
    return lang === 'zh' ? `${name}——${what}：知识库的来源未给出完整信息。` : `${name} — ${what}: not given in full in the sources kejin holds.`;
}

/**
 * A year was asked ("2026年有新通知了吗") of which the card's sources say nothing, or only the target set for it
 * (`planned`): said first, then what they do say.
 */
export function yearNotHeldSentence(name: string, year: string, lang: Lang, planned = false): string {
    if (planned)
        return lang === 'zh'
            ? `${name}：知识库的来源未给出${year}年的实际数据，只有为${year}年定下的目标；以下是来源中已有的情况。`
            : `${name}: the sources kejin holds give no actual figures for ${year}, only a target set for it; this is what they do give.`;
    return lang === 'zh'
        ? `${name}：知识库的来源未给出${year}年的信息，以下是来源中已有的情况。`
        : `${name}: the sources kejin holds give nothing for ${year}; this is what they do give.`;
}

/** A number was asked ("最长能借几年") and the card speaks of the aspect without one: said after what it does say. */
export function noFigureNote(aspect: Aspect | undefined, lang: Lang): string {
    if (!aspect) return lang === 'zh' ? '来源未给出这个数字。' : 'The sources give no figure for this.';
    const what = ASPECTS.labels[aspect][lang];
    return lang === 'zh' ? `来源未给出具体的${what}数字。` : `The sources give no figure for the ${what}.`;
}

/** "…可咨询：A、B。" */
export function withWhomToAsk(text: string, names: readonly string[], lang: Lang): string {
    if (names.length === 0) return text;
    return lang === 'zh'
        ? `${text}${labelOf('askContact', 'zh')}${listJoin('zh', names)}。`
        : `${text} ${labelOf('askContact', 'en')} ${listJoin('en', names)}.`;
}

/** Nothing reliable answers; the did-you-mean names, if any. */
export function unknownSentence(suggestions: readonly string[], lang: Lang): string {
    const guess =
        suggestions.length > 0
            ? `${space(lang)}${labelOf('didYouMean', lang)}${colon(lang)}${listJoin(lang, suggestions)}${lang === 'zh' ? '？' : '?'}`
            : '';
    return `${labelOf('unknown', lang)}${guess}`;
}

/** A bare aspect with nothing in focus: which item is meant? */
export function clarifySentence(aspect: Aspect | undefined, candidates: readonly string[], lang: Lang): string {
    const what = aspect ? ASPECTS.labels[aspect][lang] : lang === 'zh' ? '这个问题' : 'this';
    const list =
        candidates.length > 0
            ? `${space(lang)}${lang === 'zh' ? '例如' : 'For example'}${colon(lang)}${listJoin(lang, candidates)}。`.replace(
                  /。$/,
                  lang === 'zh' ? '。' : '.',
              )
            : '';
    return lang === 'zh'
        ? `您想问哪个产品的${what}？请告诉我产品名称。${list}`
        : `Which product's ${what} do you mean? Please name the product.${list}`;
}

/** A contact organization with its phones: "上海市科技创业中心（咨询电话：021-…）". */
export function contactSentence(name: string, details: readonly string[], lang: Lang): string {
    if (details.length === 0) return name;
    return lang === 'zh' ? `${name}（${details.join('；')}）` : `${name} (${details.join('; ')})`;
}

/** The item's contacts, after where to apply. */
export function contactsSentence(contacts: readonly string[], lang: Lang): string {
    return lang === 'zh' ? `可联系${contacts.join('；')}。` : `Contact ${contacts.join('; ')}.`;
}

/** Before an answer about a Shanghai item to a question about another place. */
export function elsewhereNote(lang: Lang): string {
    return lang === 'zh'
        ? '科金助手只收录上海的政策和产品，以下是上海的情况，其他地区请咨询当地部门。'
        : 'kejin covers Shanghai programmes only; this is the Shanghai one — ask the local authorities about other places. ';
}

/** What a search says of a question it could not take as it came: nothing typed, too long (cut to `maxLength`), no words. */
export function searchNotices(maxLength: number) {
    return {
        empty: {
            zh: '请输入一个问题，例如“科技履约贷怎么申请？”',
            en: 'Please type a question, e.g. "How do I apply for the performance bond insurance loan?"',
        },
        truncated: {
            zh: `问题太长，只按前 ${maxLength} 个字检索。`,
            en: `The question is too long; only its first ${maxLength} characters were searched.`,
        },
        noWords: {
            zh: '问题里没有可以检索的文字，请用中文或英文描述您的问题。',
            en: 'The question has no words to search for; please describe it in Chinese or English.',
        },
    } as const satisfies Record<string, Localized>;
}
