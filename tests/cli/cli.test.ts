import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURE_KNOWLEDGE, KEJIN_BIN } from '../helpers/paths.ts';

const run = promisify(execFile);

/** Runs `kejin …` on the fixture folder; resolves with the exit code instead of throwing. */
async function kejin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
        const { stdout, stderr } = await run(process.execPath, [KEJIN_BIN, ...args], {
            env: { ...process.env, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, LOG_LEVEL: 'silent' },
        });
        return { code: 0, stdout, stderr };
    } catch (err) {
        const e = err as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
}

describe('kejin ask', () => {
    it('prints the answers with their sources, readable by default', async () => {
        const { code, stdout } = await kejin('ask', '测试贷');
        expect(code).toBe(0);
        // The answer comes first: a name alone asks what the item is, so its summary, with its source.
        expect(stdout).toMatch(/^测试贷：/);
        expect(stdout).toMatch(/\n1\. 测试贷 \[信贷产品\] \(test-loan\)/);
        expect(stdout).toContain('来源: 测试来源 · 2026-10-12 · https://example.org/source');
        expect(stdout).toContain('联系: 测试机构');
    });

    it('prints the search response as JSON with --json', async () => {
        const { stdout } = await kejin('ask', 'test loan', '--json', '--lang', 'en');
        const body = JSON.parse(stdout) as {
            lang: string;
            text: string;
            confident: boolean;
            item: { id: string };
            search: { results: { id: string }[] };
        };
        expect(body.lang).toBe('en');
        expect(body.item.id).toBe('test-loan');
        expect(body.text).toMatch(/^Test Loan/);
        expect(body.search.results[0]!.id).toBe('test-loan');
    });

    it('refuses a call without a question or with a bad flag, exit 2 and no stack', async () => {
        const empty = await kejin('ask');
        expect(empty.code).toBe(2);
        expect(empty.stderr).toContain('kejin ask needs a question');
        const lang = await kejin('ask', 'x', '--lang', 'fr');
        expect(lang.code).toBe(2);
        expect(lang.stderr).toBe('kejin: --lang "fr" is not a language; allowed: zh, en\n');
    });
});

describe('kejin show', () => {
    it('prints a whole card, each line with its source keys and standing', async () => {
        const { code, stdout } = await kejin('show', 'test-loan');
        expect(code).toBe(0);
        expect(stdout).toMatch(/^测试贷 \[信贷产品\] \(test-loan\)\n/);
        // The rate is an unconfirmed fact of source s1; the amount range has no fact and so no key.
        expect(stdout).toContain('   利率: 利率优惠（未经确认） [s1]');
        expect(stdout).toContain('   额度: 最高 1,000 万元\n');
        expect(stdout).toContain('   [s1] 测试来源 · 2026-10-12 · https://example.org/source');
        expect(stdout).toContain('测试机构 021-00000000（咨询电话）');
    });

    it('names the closest ids for an unknown one, exit 2', async () => {
        const { code, stderr } = await kejin('show', 'test-lon');
        expect(code).toBe(2);
        expect(stderr).toContain('no card with id or name "test-lon"; closest: test-loan');
    });
});

describe('kejin match', () => {
    it('rates products from flags, with reasons, missing conditions and sources', async () => {
        const { code, stdout } = await kejin('match', '--stage', 'growth', '--qual', 'high-tech', '--size', 'small', '--need', 'first-loan');
        expect(code).toBe(0);
        expect(stdout).toMatch(/^1\. 测试贷 \(test-loan\) — 符合条件/);
        expect(stdout).toContain('✓ 满足需求：首贷');
        expect(stdout).toContain('? 无不良逾期记录 [s1]');
        expect(stdout).toContain('[s1] 测试来源');
    });

    it('shows what a question was understood to say, and answers in English with --lang en --json', async () => {
        const { stdout } = await kejin('match', '--question', '我们是初创企业，年营收500万', '--lang', 'en', '--json');
        const body = JSON.parse(stdout) as {
            profile: Record<string, unknown>;
            understood: { field: string }[];
            matches: { id: string; eligibility: string }[];
        };
        expect(body.profile).toMatchObject({ stage: 'startup', annualRevenueWan: 500 });
        expect(body.understood.map((u) => u.field)).toEqual(['stage', 'annualRevenueWan']);
        expect(body.matches.find((m) => m.id === 'test-micro')?.eligibility).toBe('possible');
    });

    it('names the bad field and the allowed values for an unknown word', async () => {
        const { code, stderr } = await kejin('match', '--stage', 'teen');
        expect(code).toBe(1);
        expect(stderr).toBe('kejin: invalid firm profile: stage: unknown stage "teen"; allowed: seed, startup, growth, mature\n');
    });

    it('refuses a non-number amount and an unknown flag with exit 2', async () => {
        expect((await kejin('match', '--revenue', 'lots')).stderr).toContain('--revenue "lots" is not a number');
        const bogus = await kejin('match', '--bogus');
        expect(bogus.code).toBe(2);
        expect(bogus.stderr).toContain('Usage:');
    });
});

describe('kejin', () => {
    it('prints the usage for help and an unknown command', async () => {
        expect((await kejin('help')).stdout).toContain('kejin check [DIR]');
        const unknown = await kejin('frobnicate');
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain('unknown command "frobnicate"');
    });

    it('prints its version from package.json for --version', async () => {
        const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
        const result = await kejin('--version');
        expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
    });

    it('prints the usage of one command for `<command> --help`, before reading any knowledge', async () => {
        const ask = await kejin('ask', '--help');
        expect(ask.code).toBe(0);
        expect(ask.stdout).toContain('kejin ask');
        expect(ask.stdout).not.toContain('kejin match');
        const match = await kejin('match', '-h');
        // The option lines under `kejin match` belong to it.
        expect(match.stdout).toContain('--stage seed|startup|growth|mature');
        expect(match.stdout).not.toContain('kejin ask');
        // Both forms of `kejin bot` are listed.
        expect((await kejin('bot', '--help')).stdout).toContain('kejin bot --set-webhook');
    });
});

describe('names and flags as a newcomer types them', () => {
    /** `kejin …` on the shipped knowledge. */
    async function shipped(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
        try {
            const { stdout, stderr } = await run(process.execPath, [KEJIN_BIN, ...args], {
                env: { ...process.env, KNOWLEDGE_DIR: '', LOG_LEVEL: 'silent' },
            });
            return { code: 0, stdout, stderr };
        } catch (err) {
            const e = err as { code: number; stdout: string; stderr: string };
            return { code: e.code, stdout: e.stdout, stderr: e.stderr };
        }
    }

    it('kejin show takes a name or an alias', async () => {
        const name = await shipped('show', '高企贷');
        expect(name.code).toBe(0);
        expect(name.stdout).toMatch(/^高企贷 .*\(gaoqidai\)\n/);
        const alias = await shipped('show', '履约贷', '--lang', 'en');
        expect(alias.code).toBe(0);
        expect(alias.stdout).toContain('(keji-lvyuedai)');
    });

    it('kejin alerts --dry-run --lang en reads en as the language, not as the folder', async () => {
        const { code, stdout, stderr } = await shipped('alerts', '--dry-run', '--lang', 'en');
        expect(stderr).toBe('');
        expect(code).toBe(0);
        expect(stdout).toMatch(/^\d+ subscribers; \d+ alerts would be sent/);
    });
});
