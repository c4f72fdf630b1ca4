/**
 * Telegram HTML primitives: escaping, cutting and splitting. Pure.
 *
 * Telegram's HTML parse mode needs `<`, `>` and `&` escaped in text and `"`
 * in attributes; an unescaped `<` in a user's words would either break the
 * message (400 "can't parse entities") or inject markup.
 */

/** Telegram's limit for one message text. */
export const MAX_MESSAGE_LENGTH = 4096;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes a dynamic string for Telegram HTML, in text or in an attribute. */
export function esc(text: string): string {
    return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

/** A link when the address is a web address, plain escaped text otherwise. */
export function link(text: string, url: string | undefined): string {
    if (!url || !/^https?:\/\//i.test(url)) return esc(text);
    return `<a href="${esc(url)}">${esc(text)}</a>`;
}

/** A Latin letter or a digit (with the marks inside a number): a cut between two of them splits a word or a number. */
const WORD_CHAR = /[\p{Script=Latin}\d.,%]/u;

/**
 * Cuts plain text to at most `max` characters (code points), marking the
 * cut. It never splits an English word or a number ("50…" for 5000): it
 * backs off to the last space or other break, unless that would drop more
 * than half of the text kept. Between two Han characters is a break.
 */
export function truncate(text: string, max: number): string {
    const chars = [...text.replace(/\s+/g, ' ').trim()];
    if (chars.length <= max) return chars.join('');
    let end = Math.max(0, max - 1);
    const inWord = (i: number) => i > 0 && WORD_CHAR.test(chars[i - 1]!) && WORD_CHAR.test(chars[i]!);
    if (inWord(end)) {
        let back = end;
        while (back > 0 && inWord(back)) back--;
        if (back >= end / 2) end = back;
    }
    return `${chars
        .slice(0, end)
        .join('')
        .replace(/[\s,，、;；:：]+$/u, '')}…`;
}

/**
 * Splits HTML into messages of at most `max` UTF-16 units. The bot's
 * replies are built line by line with every tag closed on its line, so
 * cutting between lines keeps tags balanced; a single line longer than a
 * message is stripped of its tags and cut where no entity or surrogate pair
 * is broken.
 */
export function splitHtml(html: string, max = MAX_MESSAGE_LENGTH): string[] {
    const chunks: string[] = [];
    let current = '';
    const flush = () => {
        if (current.trim() !== '') chunks.push(current.replace(/\n+$/, ''));
        current = '';
    };
    for (const line of html.split('\n')) {
        const candidate = current === '' ? line : `${current}\n${line}`;
        if (candidate.length <= max) {
            current = candidate;
            continue;
        }
        flush();
        if (line.length <= max) {
            current = line;
            continue;
        }
        for (const piece of cutPlain(stripTags(line), max)) chunks.push(piece);
    }
    flush();
    return chunks.length > 0 ? chunks : [''];
}

/** Removes tags but keeps entities, so the result is still valid escaped HTML. */
export function stripTags(html: string): string {
    return html.replace(/<[^>]*>/g, '');
}

function cutPlain(text: string, max: number): string[] {
    const out: string[] = [];
    let rest = text;
    while (rest.length > max) {
        let at = max;
        const amp = rest.lastIndexOf('&', at);
        if (amp > at - 8 && rest.indexOf(';', amp) >= at) at = amp;
        const code = rest.charCodeAt(at - 1);
        if (code >= 0xd800 && code <= 0xdbff) at -= 1;
        if (at <= 0) at = max;
        out.push(rest.slice(0, at));
        rest = rest.slice(at);
    }
    if (rest !== '') out.push(rest);
    return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

/**
 * Telegram HTML to terminal text: bold and headings as `*x*`, italics as
 * `_x_`, links as `text (address)`, entities decoded. For the terminal mode.
 */
export function htmlToPlain(html: string): string {
    return html
        .replace(/<a\s+href="([^"]*)"\s*>(.*?)<\/a>/gis, (_m, href: string, text: string) => {
            const url = decodeEntities(href);
            const plain = stripTags(text);
            return decodeEntities(plain) === url ? plain : `${plain} (${href})`;
        })
        .replace(/<\/?(b|strong)>/gi, '*')
        .replace(/<\/?(i|em)>/gi, '_')
        .replace(/<\/?(code|pre)>/gi, '`')
        .replace(/<blockquote[^>]*>/gi, '│ ')
        .replace(/<[^>]*>/g, '')
        .replace(/&(amp|lt|gt|quot|#39|apos);/g, (_m, name: string) => ENTITIES[name] ?? _m);
}

function decodeEntities(text: string): string {
    return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_m, name: string) => ENTITIES[name] ?? _m);
}
