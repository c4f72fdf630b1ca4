import type { Lang } from './vocabulary.ts';

/**
 * Which language, zh or en, a user is answered in when they have not chosen
 * one: read from their message, their Telegram client or their browser.
 * Every front asks here, so that the same signal gives the same language.
 */

/**
 * The language a text is written in: zh when it has any Han character, en when it has Latin letters only.
 * One rule for every front: the bot uses it when a user has chosen no language, MCP when a call passes no `lang`.
 */
export function langOfText(text: string, fallback: Lang): Lang {
    if (/\p{Script=Han}/u.test(text)) return 'zh';
    if (/[A-Za-z]/.test(text)) return 'en';
    return fallback;
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
