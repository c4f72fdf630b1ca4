/**
 * A question cannot change the staff report's structure: in Markdown each
 * example stays on one line (newlines, `---`, `====`, indented code, list
 * markers and headings in a question are text), and bidi and other control
 * characters (U+202E) pass into neither report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHtml, reportMarkdown } from '../../src/cli/report-format.ts';
import { toRecord } from '../../src/core/insights/record.ts';
import { buildReport } from '../../src/core/insights/report.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { FIXTURE_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;
beforeAll(async () => {
    service = await createKnowledgeService({ dir: FIXTURE_KNOWLEDGE });
});
afterAll(() => service.close());

const NASTY = [
    '利率多少\n---\n# 伪造的标题\n',
    '额度\n====\n',
    '期限\n\n    indented code block\n',
    '怎么申请\n- 伪造的列表项\n1. 伪造的编号\n> 引用',
    'rate\r\n\r\n## fake heading',
    '\u202Eevil\u202C reversed \u2066isolate\u2069 \u200Fmark',
    'bell\u0007 escape\u001b[31m red \u0085next\u2028line\u2029para',
];
/** Controls other than the report's own newlines, and the bidi and line-separator characters. */
const CONTROLS = /(?!\n)[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

function report() {
    const records = NASTY.map((question, i) =>
        toRecord({
            front: 'bot',
            question: `${question} ${i}`,
            lang: 'zh',
            ids: [],
            confident: false,
            knowledgeVersion: 'v',
            at: new Date(Date.now() - 1000),
        }),
    );
    // The log may hold entries from before records were cleaned: the report cleans again.
    records.push({ ...records[0]!, question: NASTY[5]! + NASTY[0]! });
    return buildReport({ records, lastShown: {}, service }, { since: new Date(0) });
}

describe('the staff report and hostile question texts', () => {
    it('Markdown: one line per example, no line a question made', () => {
        const r = report();
        const examples = r.groups.flatMap((g) => g.examples);
        for (const lang of ['zh', 'en'] as const) {
            const md = reportMarkdown(r, lang);
            const lines = md.split('\n');
            expect(lines.filter((l) => l.startsWith('- “'))).toHaveLength(examples.length);
            for (const bad of ['---', '====', '# 伪造的标题', '- 伪造的列表项', '1. 伪造的编号', '> 引用', '## fake heading'])
                expect(lines.filter((l) => l.trim() === bad)).toEqual([]);
            expect(lines.filter((l) => /^ {4}/.test(l))).toEqual([]);
            expect(md).not.toMatch(CONTROLS);
            expect(md).not.toContain('\r');
        }
    });

    it('HTML and the records: no bidi or control characters', () => {
        const r = report();
        for (const lang of ['zh', 'en'] as const) expect(reportHtml(r, lang)).not.toMatch(CONTROLS);
        for (const q of NASTY)
            expect(toRecord({ front: 'mcp', question: q, lang: 'en', ids: [], confident: false, knowledgeVersion: 'v' }).question).not.toMatch(
                /[\n\r]|\p{Cc}|\p{Cf}/u,
            );
    });
});
