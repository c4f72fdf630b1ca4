import { describe, expect, it } from 'vitest';
import { esc, htmlToPlain, link, MAX_MESSAGE_LENGTH, splitHtml, truncate } from '../../src/bot/views/html.ts';
import { checkTelegramHtml } from '../helpers/fake-bot-api.ts';

describe('esc', () => {
    it('escapes the characters Telegram HTML reserves', () => {
        expect(esc('<b>x</b> & <script>"')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;&quot;');
        expect(checkTelegramHtml(`<b>${esc('<b>x</b> & <script>')}</b>`)).toBeUndefined();
    });

    it('leaves other text alone', () => {
        expect(esc('高企贷 500万 (2024)')).toBe('高企贷 500万 (2024)');
    });
});

describe('link', () => {
    it('links web addresses only, escaping both parts', () => {
        expect(link('a<b', 'https://x.cn/?a=1&b="2"')).toBe('<a href="https://x.cn/?a=1&amp;b=&quot;2&quot;">a&lt;b</a>');
        expect(link('t', 'javascript:alert(1)')).toBe('t');
        expect(link('t', undefined)).toBe('t');
    });
});

describe('truncate', () => {
    it('cuts by characters, not UTF-16 units, and marks the cut', () => {
        expect(truncate('科技金融助手', 4)).toBe('科技金…');
        expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
        expect(truncate('  a \n b  ', 10)).toBe('a b');
    });

    it('never cuts an English word or a number in two', () => {
        // A cut at 14 characters would leave "Loans up to 50…": a wrong amount, not a shorter one.
        expect(truncate('Loans up to 5000 yuan', 15)).toBe('Loans up to…');
        expect(truncate('额度最高500万元，期限3年', 7)).toBe('额度最高…');
        expect(truncate('科技金融助手科技金融助手', 5)).toBe('科技金融…');
        // A single long word is still cut rather than dropped.
        expect(truncate('Supercalifragilistic', 8)).toBe('Superca…');
    });
});

describe('splitHtml', () => {
    it('keeps a short text whole', () => {
        expect(splitHtml('<b>a</b>\nb')).toEqual(['<b>a</b>\nb']);
    });

    it('splits between lines, each part under the limit and well-formed', () => {
        const line = `<b>${'名'.repeat(50)}</b> ${esc('<x> & y')}`;
        const html = Array.from({ length: 300 }, () => line).join('\n');
        const parts = splitHtml(html);
        expect(parts.length).toBeGreaterThan(1);
        for (const part of parts) {
            expect(part.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
            expect(checkTelegramHtml(part)).toBeUndefined();
        }
        expect(parts.join('\n')).toBe(html);
    });

    it('cuts one overlong line without breaking an entity or a surrogate pair', () => {
        const html = `<i>${'&amp;😀x'.repeat(1500)}</i>`;
        const parts = splitHtml(html, 100);
        for (const part of parts) {
            expect(part.length).toBeLessThanOrEqual(100);
            expect(checkTelegramHtml(part)).toBeUndefined();
            expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
        }
        expect(parts.join('')).toBe('&amp;😀x'.repeat(1500));
    });

    it('never returns an empty list', () => {
        expect(splitHtml('')).toEqual(['']);
    });
});

describe('htmlToPlain', () => {
    it('renders bold, italics and links for the terminal and decodes entities', () => {
        expect(htmlToPlain('<b>高企贷</b> <i>x</i> &lt;y&gt; &amp; <a href="https://a.cn/?q=1&amp;r=2">src</a>')).toBe(
            '*高企贷* _x_ <y> & src (https://a.cn/?q=1&r=2)',
        );
    });
});
