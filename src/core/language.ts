import type { Lang } from './vocabulary.ts';

/**
 * The language a text is written in: zh when it has any Han character, en when it has Latin letters only.
 * One rule for every front: the bot uses it when a user has chosen no language, MCP when a call passes no `lang`.
 */
export function langOfText(text: string, fallback: Lang): Lang {
    if (/\p{Script=Han}/u.test(text)) return 'zh';
    if (/[A-Za-z]/.test(text)) return 'en';
    return fallback;
}
