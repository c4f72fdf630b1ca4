/**
 * The one HTML page: header with the language switch, the transcript, the
 * message box and "delete my data". Rendered on the server with the whole
 * transcript, so that the first screen, a reload and a browser without
 * script all show the same conversation; the script (assets/app.js) only
 * posts without leaving the page. No inline script or style: the CSP allows
 * only this server's own files.
 */
import { esc } from '../bot/views/html.ts';
import type { Lang } from '../core/vocabulary.ts';
import { withCsrf } from './render.ts';
import type { Entry } from './session.ts';

export const PAGE_WORDS = {
    zh: {
        title: '科金助手',
        tagline: '上海科技企业融资产品问答',
        ask: '提问',
        placeholder: '例如：高企贷的利率是多少？',
        send: '发送',
        hint: 'Enter 发送，Shift+Enter 换行',
        forget: '删除我的数据',
        otherLang: 'English',
        transcript: '对话记录',
        skip: '跳到提问框',
        you: '你',
        bot: '科金助手',
        sending: '正在回答…',
        failed: '没有发送成功，请再试一次。',
        slowDown: '消息太频繁了，请稍后再试。',
        noscriptNote: '',
        footer: '答案全部来自知识库并附来源，不由模型生成。',
    },
    en: {
        title: 'Kejin',
        tagline: 'Financing products for Shanghai sci-tech firms',
        ask: 'Ask',
        placeholder: 'e.g. What is the interest rate of the high-tech enterprise loan?',
        send: 'Send',
        hint: 'Enter sends, Shift+Enter starts a new line',
        forget: 'Delete my data',
        otherLang: '中文',
        transcript: 'Conversation',
        skip: 'Skip to the message box',
        you: 'You',
        bot: 'Kejin',
        sending: 'Answering…',
        failed: 'That did not go through; please try again.',
        slowDown: 'Too many messages; please wait a little.',
        noscriptNote: '',
        footer: 'Every answer comes from the knowledge base with its sources; none is written by a model.',
    },
} as const;

export interface PageInput {
    readonly lang: Lang;
    readonly csrf: string;
    readonly entries: readonly Entry[];
    /** A short notice after the transcript (a stale button, a refusal). */
    readonly notice?: string;
    /** Asset names with their content hash, for caching. */
    readonly assets: { readonly css: string; readonly js: string };
}

export function entryHtml(entry: Entry, lang: Lang, csrf: string): string {
    const w = PAGE_WORDS[lang];
    const who = entry.from === 'user' ? w.you : w.bot;
    return `<div class="msg ${entry.from}"><span class="who">${esc(who)}</span>${withCsrf(entry.html, csrf)}</div>`;
}

export function noticeHtml(text: string): string {
    return `<div class="msg notice" role="status">${esc(text)}</div>`;
}

/** A form of one button that posts an action (`a`) with the CSRF token: the language switch, forgetting the user. */
function actionForm(csrf: string, formAttributes: string, buttonAttributes: string, label: string): string {
    const token = `<input type="hidden" name="csrf" value="${csrf}">`;
    return `<form method="post" action="/"${formAttributes}>${token}<button type="submit" name="a" ${buttonAttributes}>${label}</button></form>`;
}

export function pageHtml(p: PageInput): string {
    const w = PAGE_WORDS[p.lang];
    const csrf = esc(p.csrf);
    const other: Lang = p.lang === 'zh' ? 'en' : 'zh';
    const question = `id="q" name="q" rows="2" maxlength="1000" required placeholder="${esc(w.placeholder)}" aria-describedby="hint"`;
    return `<!doctype html>
<html lang="${p.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf" content="${csrf}">
<title>${esc(w.title)}</title>
<link rel="stylesheet" href="/${p.assets.css}">
<script src="/${p.assets.js}" defer></script>
</head>
<body data-sending="${esc(w.sending)}" data-failed="${esc(w.failed)}" data-you="${esc(w.you)}">
<a class="skip" href="#q">${esc(w.skip)}</a>
<header>
<h1>${esc(w.title)} <small>${esc(w.tagline)}</small></h1>
${actionForm(csrf, ' class="bar"', `value="l:${other}" lang="${other === 'zh' ? 'zh-CN' : 'en'}"`, esc(w.otherLang))}
</header>
<main>
<h2 class="sr">${esc(w.transcript)}</h2>
<div id="log" role="log" aria-live="polite">
${p.entries.map((e) => entryHtml(e, p.lang, p.csrf)).join('\n')}${p.notice ? noticeHtml(p.notice) : ''}
</div>
</main>
<form id="ask" method="post" action="/">
<input type="hidden" name="csrf" value="${csrf}">
<label for="q">${esc(w.ask)}</label>
<div class="box"><textarea ${question}></textarea><button type="submit">${esc(w.send)}</button></div>
<p id="hint" class="hint">${esc(w.hint)}</p>
</form>
<footer>
${actionForm(csrf, '', 'value="m:forget" class="link"', esc(w.forget))}
<p>${esc(w.footer)}</p>
</footer>
</body>
</html>
`;
}
