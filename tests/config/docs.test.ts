/**
 * The documentation a newcomer reads keeps up with the code: the README's
 * configuration tables (zh and en) list every variable the configuration
 * reads, and the features a user meets are documented where they look.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, PROJECT_ROOT } from '../../src/config.ts';

const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const VARIABLES = Object.keys(configSchema.shape);

/** The first column of each row of the Markdown table that starts with `header`. */
function tableNames(text: string, header: string): string {
    const start = text.indexOf(header);
    expect(start, `table "${header}"`).toBeGreaterThanOrEqual(0);
    const rows = text.slice(start).split('\n').slice(2);
    return rows
        .slice(
            0,
            rows.findIndex((r) => !r.startsWith('|')),
        )
        .map((r) => r.split('|')[1])
        .join(' ');
}

describe('the README', () => {
    it.each([
        ['zh', '| 变量 | 默认值 | 作用 |'],
        ['en', '| variable | default | what it does |'],
    ])('lists every variable in its %s configuration table', (_lang, header) => {
        const names = tableNames(read('README.md'), header);
        expect(VARIABLES.filter((v) => !names.includes(`\`${v}\``))).toEqual([]);
    });
});

describe('what a user meets is documented', () => {
    it.each([['README.md'], ['docs/bot.md']])('%s: /subscribe, 👍 / 👎, kejin report, kejin alerts', (file) => {
        const text = read(file);
        for (const term of ['/subscribe', '👍', '👎', 'kejin report', 'kejin alerts']) expect(text, term).toContain(term);
    });

    it('docs/mcp.md says what the search tool logs and where to read it', () => {
        const text = read('docs/mcp.md');
        expect(text).toContain('kejin report');
        expect(text).toContain('QUESTION_LOG=off');
    });

    it('docs/bot.md says what is kept, where, how long and how to turn it off', () => {
        const text = read('docs/bot.md');
        for (const term of [
            'questions.jsonl',
            'feedback',
            'subscriptions',
            'QUESTION_LOG_RETENTION_DAYS',
            'SESSION_TTL_DAYS',
            'QUESTION_LOG=off',
            '/forget',
        ])
            expect(text, term).toContain(term);
        expect(text).not.toContain('No names, messages or question texts are stored.');
    });
});
