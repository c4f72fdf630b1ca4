/**
 * The staff report as Markdown or as one self-contained HTML page (inline
 * style, no script, no external asset), in zh or en. Pure.
 */
import { plainLine } from '../core/insights/record.ts';
import type { CardCare, CardProblem, CardRef, QuestionGroup, Report } from '../core/insights/report.ts';
import type { Freshness } from '../core/knowledge/freshness.ts';
import { KINDS, type Lang } from '../core/vocabulary.ts';

const T = {
    title: { zh: '科金助手 · 知识库改进报告', en: 'kejin · knowledge improvement report' },
    period: { zh: '时段', en: 'Period' },
    version: { zh: '知识库版本', en: 'Knowledge version' },
    totals: {
        zh: (t: Report['totals']) =>
            `记录的问题 ${t.logged} 个（未可靠回答 ${t.notConfident}，用户点 👎 ${t.unhelpful}），${t.groups} 组，其中已解决 ${t.resolved} 组。`,
        en: (t: Report['totals']) =>
            `${t.logged} questions logged (${t.notConfident} not answered confidently, ${t.unhelpful} marked 👎), ` +
            `in ${t.groups} groups, ${t.resolved} resolved.`,
    },
    groups: { zh: '未答好的问题（按相似问法分组）', en: 'Questions not answered well, grouped by similar wording' },
    groupsHint: {
        zh: '修复方法：把一组的典型问法加到应当回答它的卡片的 `alternate_questions`，或在 synonyms.yaml 加同义词；下次报告该组显示为“已解决”。',
        en:
            'To fix a group, add its typical wording to `alternate_questions` of the card that should answer it, ' +
            'or add a synonym to synonyms.yaml; the next report shows the group as resolved.',
    },
    times: { zh: (n: number) => `${n} 次`, en: (n: number) => `${n}×` },
    open: { zh: '未解决', en: 'open' },
    resolvedBy: {
        zh: { 'alternate-question': '已解决（备选问法）', search: '已解决（现在可以可靠回答）' },
        en: { 'alternate-question': 'resolved (alternate question)', search: 'resolved (now answered confidently)' },
    },
    likelyCard: { zh: '最可能的卡片', en: 'Most likely card' },
    noCard: { zh: '无对应卡片', en: 'no card' },
    reasons: {
        zh: (g: QuestionGroup) =>
            `未可靠回答 ${g.notConfident} · 👎 ${g.unhelpful} · 机器人 ${g.fronts.bot} · MCP ${g.fronts.mcp}${g.fronts.web ? ` · 网页 ${g.fronts.web}` : ''}`,
        en: (g: QuestionGroup) =>
            `not confident ${g.notConfident} · 👎 ${g.unhelpful} · bot ${g.fronts.bot} · MCP ${g.fronts.mcp}${g.fronts.web ? ` · web ${g.fronts.web}` : ''}`,
    },
    aspects: { zh: '问得最多却没有答好的方面', en: 'Aspects asked most that were not answered well' },
    neverShown: { zh: '本时段从未作为答案展示的卡片', en: 'Cards never shown as an answer in the period' },
    needsCare: { zh: '需要维护的卡片', en: 'Cards that need care' },
    unusedSynonyms: {
        zh: '从未匹配的同义词（组内词在任何卡片中都没有出现）',
        en: 'Synonyms that never match (no word of the group occurs in any card)',
    },
    none: { zh: '无', en: 'none' },
    freshness: { zh: '过时或未经确认', en: 'Stale or unverified' },
    freshnessHint: {
        zh: (m: number) =>
            `按最新来源的日期排列（最旧的在前）；标 ⚠ 的卡片最新来源超过 ${m} 个月或没有日期的来源（STALE_MONTHS）。查找更新的通知或报道，加入来源并注明日期，把被取代的事实标为 \`status: outdated\`。`,
        en: (m: number) =>
            `By the date of the newest source, oldest first; ` +
            `⚠ marks a card whose newest source is over ${m} months old or undated (STALE_MONTHS). ` +
            `Look for a later notice or report, add it with its date, and mark the facts it overtakes \`status: outdated\`.`,
    },
    cardAges: { zh: '卡片与最新来源日期', en: 'Cards by their newest source' },
    undated: { zh: '来源均无日期', en: 'no dated source' },
    flagged: { zh: '标为未经确认或过时的事实', en: 'Facts marked unconfirmed or outdated' },
    flagStatus: { zh: { unconfirmed: '未经确认', outdated: '过时' }, en: { unconfirmed: 'unconfirmed', outdated: 'outdated' } },
    closedWindows: { zh: '已截止的申请窗口', en: 'Application windows that have closed' },
    closedOn: { zh: '截止于', en: 'closed on' },
    problems: {
        zh: { stale: 'last_verified 超过一年', expired: 'valid_until 已过期', 'no-contacts': '没有联系机构', 'no-sources': '没有来源' },
        en: { stale: 'last_verified over a year ago', expired: 'valid_until has passed', 'no-contacts': 'no contacts', 'no-sources': 'no sources' },
    },
} as const satisfies Record<string, Record<Lang, unknown>>;

const cardName = (c: CardRef, lang: Lang) => `${c.name[lang]} (${c.id}, ${KINDS.labels[c.kind][lang]})`;
const status = (g: QuestionGroup, lang: Lang) => (g.resolvedBy ? T.resolvedBy[lang][g.resolvedBy] : T.open[lang]);
const problemList = (c: CardCare, lang: Lang) => c.problems.map((p: CardProblem) => T.problems[lang][p]).join('; ');
const period = (r: Report) => `${r.since.slice(0, 10)} — ${r.generatedAt.slice(0, 10)}`;

/**
 * User text in Markdown: one line (a question's newline could start a
 * heading, a rule or a code block; see plainLine, which also drops bidi
 * controls), and the characters that format inline escaped.
 */
function md(text: string): string {
    return plainLine(text).replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

/** The "stale or unverified" section's three lists, as plain lines. */
function freshnessLines(f: Freshness, lang: Lang) {
    return {
        cards: f.cards.map((c) => `${c.stale ? '⚠ ' : ''}${cardName(c, lang)}: ${c.newestSource ?? T.undated[lang]}`),
        flagged: f.flagged.map((x) => `${x.id} · ${x.field} · ${T.flagStatus[lang][x.status]}${x.text ? `: ${x.text[lang]}` : ''}`),
        closed: f.closed.map((c) => `${c.name[lang]} (${c.id}): ${T.closedOn[lang]} ${c.closes}`),
    };
}

export function reportMarkdown(r: Report, lang: Lang, freshness?: Freshness): string {
    const out = [
        `# ${T.title[lang]}`,
        '',
        `- ${T.period[lang]}: ${period(r)}`,
        `- ${T.version[lang]}: \`${r.knowledgeVersion}\``,
        '',
        T.totals[lang](r.totals),
        '',
    ];
    out.push(`## ${T.groups[lang]}`, '', T.groupsHint[lang], '');
    if (r.groups.length === 0) out.push(`- ${T.none[lang]}`, '');
    r.groups.forEach((g, i) => {
        out.push(`### ${i + 1}. ${md(g.examples[0]!)} — ${T.times[lang](g.count)} · ${status(g, lang)}`);
        out.push(`- ${T.likelyCard[lang]}: ${g.card ? md(cardName(g.card, lang)) : T.noCard[lang]}`);
        out.push(`- ${T.reasons[lang](g)}`);
        for (const e of g.examples) out.push(`- “${md(e)}”`);
        out.push('');
    });
    out.push(
        `## ${T.aspects[lang]}`,
        '',
        ...list(
            r.aspects.map((a) => `${md(a.aspect)} — ${T.times[lang](a.count)}`),
            lang,
        ),
        '',
    );
    out.push(
        `## ${T.neverShown[lang]}`,
        '',
        ...list(
            r.neverShown.map((c) => md(cardName(c, lang))),
            lang,
        ),
        '',
    );
    out.push(
        `## ${T.needsCare[lang]}`,
        '',
        ...list(
            r.needsCare.map((c) => `${md(cardName(c, lang))}: ${problemList(c, lang)}`),
            lang,
        ),
        '',
    );
    out.push(
        `## ${T.unusedSynonyms[lang]}`,
        '',
        ...list(
            r.unusedSynonyms.map((g) => g.map(md).join(' / ')),
            lang,
        ),
        '',
    );
    if (freshness) {
        const f = freshnessLines(freshness, lang);
        out.push(`## ${T.freshness[lang]}`, '', T.freshnessHint[lang](freshness.staleMonths), '');
        out.push(`### ${T.cardAges[lang]}`, '', ...list(f.cards.map(md), lang), '');
        out.push(`### ${T.flagged[lang]}`, '', ...list(f.flagged.map(md), lang), '');
        out.push(`### ${T.closedWindows[lang]}`, '', ...list(f.closed.map(md), lang), '');
    }
    return out.join('\n');
}

function list(lines: readonly string[], lang: Lang): string[] {
    return lines.length > 0 ? lines.map((l) => `- ${l}`) : [`- ${T.none[lang]}`];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escaped, and without control or bidi characters (a U+202E would reverse what staff read). */
const h = (text: string) => plainLine(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

// One line a selector group, as the report's HTML shows it.
const STYLE = [
    'body{font-family:system-ui,"WenQuanYi Zen Hei","Noto Sans CJK SC",sans-serif;' +
        'max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430;line-height:1.5}',
    'h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}',
    '.meta{color:#57606a}.group{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}',
    '.group.resolved{background:#f0fff4;border-color:#9be9a8}.count{font-weight:bold;font-size:1.1rem}',
    '.badge{display:inline-block;border-radius:1rem;padding:0 .6rem;font-size:.85rem;background:#fff1e5;color:#953800}',
    '.resolved .badge{background:#dafbe1;color:#116329}ul.examples li{font-style:italic}code{background:#f6f8fa;padding:0 .3rem}',
].join('\n');

export function reportHtml(r: Report, lang: Lang, freshness?: Freshness): string {
    const group = (g: QuestionGroup, i: number) => `<section class="group${g.resolved ? ' resolved' : ''}" data-count="${g.count}">
<h3><span class="count">${T.times[lang](g.count)}</span> ${i + 1}. ${h(g.examples[0]!)} <span class="badge">${h(status(g, lang))}</span></h3>
<p>${h(T.likelyCard[lang])}: <span class="card">${g.card ? h(cardName(g.card, lang)) : h(T.noCard[lang])}</span></p>
<p class="meta">${h(T.reasons[lang](g))}</p>
<ul class="examples">${g.examples.map((e) => `<li>${h(e)}</li>`).join('')}</ul>
</section>`;
    const items = (id: string, lines: readonly string[]) =>
        `<ul id="${id}">${(lines.length > 0 ? lines : [T.none[lang]]).map((l) => `<li>${h(l)}</li>`).join('')}</ul>`;
    const freshnessHtml = (fr: Freshness) => {
        const f = freshnessLines(fr, lang);
        return `<h2 id="freshness">${h(T.freshness[lang])}</h2>
<p class="meta">${h(T.freshnessHint[lang](fr.staleMonths))}</p>
<h3>${h(T.cardAges[lang])}</h3>
${items('card-ages', f.cards)}
<h3>${h(T.flagged[lang])}</h3>
${items('flagged', f.flagged)}
<h3>${h(T.closedWindows[lang])}</h3>
${items('closed-windows', f.closed)}
`;
    };
    return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(T.title[lang])}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${h(T.title[lang])}</h1>
<p class="meta">${h(T.period[lang])}: ${h(period(r))} · ${h(T.version[lang])}: <code>${h(r.knowledgeVersion)}</code></p>
<p id="totals">${h(T.totals[lang](r.totals))}</p>
<h2 id="groups">${h(T.groups[lang])}</h2>
<p class="meta">${h(T.groupsHint[lang])}</p>
${r.groups.length > 0 ? r.groups.map(group).join('\n') : `<p>${h(T.none[lang])}</p>`}
<h2>${h(T.aspects[lang])}</h2>
${items(
    'aspects',
    r.aspects.map((a) => `${a.aspect} — ${T.times[lang](a.count)}`),
)}
<h2>${h(T.neverShown[lang])}</h2>
${items(
    'never-shown',
    r.neverShown.map((c) => cardName(c, lang)),
)}
<h2>${h(T.needsCare[lang])}</h2>
${items(
    'needs-care',
    r.needsCare.map((c) => `${cardName(c, lang)}: ${problemList(c, lang)}`),
)}
<h2>${h(T.unusedSynonyms[lang])}</h2>
${items(
    'unused-synonyms',
    r.unusedSynonyms.map((g) => g.join(' / ')),
)}
${freshness ? freshnessHtml(freshness) : ''}</body>
</html>
`;
}
