import type { Lang } from './vocabulary.ts';

/**
 * A space between two Chinese characters: where a founder typing without punctuation ends a clause ("不是专贴 是专贷",
 * "我们还不是小巨人 只是高新技术企业"), as a comma would. One rule for every reader of clauses (the denials and corrections
 * of answer/reading.ts, the clauses that ask in answer/subject.ts, the titles of lexicon/lexicon.ts).
 */
export const CLAUSE_SPACE = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/**
 * Which language, zh or en, a user is answered in when they have not chosen
 * one: read from their message, their Telegram client or their browser.
 * Every front asks here, so that the same signal gives the same language.
 */

/**
 * The language most of a text is written in: en when it has more English words than Chinese ones (a Chinese word
 * is about two characters), so that "What is 无缝续贷 exactly?" is English and "微贷通的guarantee fee可以补贴多少"
 * Chinese; zh on a tie with any Han character.
 * One rule for every front: the bot uses it when a user has chosen no language, MCP when a call passes no `lang`.
 */
export function langOfText(text: string, fallback: Lang): Lang {
    const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    const words = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
    if (han === 0) return /[A-Za-z]/.test(text) ? 'en' : fallback;
    return words > han / 2 ? 'en' : 'zh';
}

/** The language of a Telegram `language_code`: zh for any Chinese, en for any other code; `fallback` without one. */
export function langOfLanguageCode(code: string | undefined, fallback: Lang): Lang {
    if (!code) return fallback;
    return code.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** zh or en from Accept-Language: the first of the two the browser lists, by weight. */
export function langOfAcceptLanguage(header: string | undefined, fallback: Lang): Lang {
    const tags = (header ?? '')
        .split(',')
        .map((part, i) => {
            const [tag = '', ...params] = part.trim().toLowerCase().split(';');
            const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
            return { tag, q: Number.isFinite(q) ? q : 0, i };
        })
        .filter((t) => t.q > 0)
        .sort((a, b) => b.q - a.q || a.i - b.i);
    for (const { tag } of tags) {
        if (tag.startsWith('zh')) return 'zh';
        if (tag.startsWith('en')) return 'en';
    }
    return fallback;
}
