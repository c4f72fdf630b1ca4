import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { formatProblem, type Problem } from '../../src/core/knowledge/problems.ts';
import { isExpired } from '../../src/core/knowledge/schema.ts';
import { copyFolder } from '../helpers/knowledge.ts';
import { FIXTURE_KNOWLEDGE } from '../helpers/paths.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((f) => f()));
});

/** Loads a copy of the valid fixture after `mutate` broke it. */
async function loadBroken(mutate: (f: Awaited<ReturnType<typeof copyFolder>>) => Promise<void>) {
    const folder = await copyFolder();
    cleanups.push(folder.remove);
    await mutate(folder);
    return loadKnowledge(folder.dir, { now: NOW });
}

function only(problems: readonly Problem[], severity: Problem['severity'] = 'error') {
    return problems.filter((p) => p.severity === severity).map(formatProblem);
}

describe('loadKnowledge on a valid folder', () => {
    it('yields a typed snapshot of every card with no problems', async () => {
        const { snapshot, problems } = await loadKnowledge(FIXTURE_KNOWLEDGE, { now: NOW });
        expect(problems).toEqual([]);
        expect([...snapshot!.items.keys()].sort()).toEqual([
            'ip-loan',
            'micro-loan',
            'perf-loan',
            'premium-subsidy',
            'renewal',
            'tech-center',
            'test-loan',
            'test-micro',
            'test-org',
            'test-policy',
            'test-renewal',
        ]);
        const loan = snapshot!.items.get('test-loan')!;
        expect(loan.kind).toBe('product');
        expect(loan.file).toBe('products/test-loan.md');
        expect(loan.body).toContain('测试贷是一款');
        // Unquoted YAML dates stay text, not Date objects.
        expect(loan.sources[0]!.date).toBe('2026-10-12');
        expect(snapshot!.synonyms).toEqual([
            ['测试贷', 'test loan'],
            ['续贷', '无还本续贷', 'renewal', 'rollover'],
            ['知识产权质押', '专利质押', 'IP pledge', 'patent-backed'],
        ]);
        expect(snapshot!.version).toMatch(/^[0-9a-f]{12}$/);
    });

    it('is immutable all the way down', async () => {
        const { snapshot } = await loadKnowledge(FIXTURE_KNOWLEDGE, { now: NOW });
        const loan = snapshot!.items.get('test-loan')! as { name: string; aliases: { zh: string[] } };
        expect(() => {
            loan.name = 'x';
        }).toThrow(TypeError);
        expect(() => loan.aliases.zh.push('x')).toThrow(TypeError);
        expect(() => (snapshot!.items as Map<string, unknown>).set('x', {})).toThrow(/immutable/);
    });

    it('gives the same version for the same content and a new one after an edit', async () => {
        const a = await loadKnowledge(FIXTURE_KNOWLEDGE, { now: NOW });
        const b = await loadKnowledge(FIXTURE_KNOWLEDGE, { now: NOW });
        expect(a.snapshot!.version).toBe(b.snapshot!.version);
        const c = await loadBroken((f) => f.edit('products/test-loan.md', (s) => s.replace('测试贷是', '测试贷仍是')));
        expect(c.snapshot!.version).not.toBe(a.snapshot!.version);
    });
});

describe('checker messages', () => {
    it('reports broken YAML with its line', async () => {
        const { snapshot, problems } = await loadBroken((f) => f.edit('products/test-loan.md', (s) => s.replace('topics: [测试]', 'topics: [测试')));
        expect(snapshot).toBeNull();
        expect(only(problems)[0]).toMatch(/^products\/test-loan\.md:1\d: YAML cannot be read: .+ — /);
    });

    it('reports a missing field and says what to add', async () => {
        const { problems } = await loadBroken((f) => f.edit('products/test-loan.md', (s) => s.replace('name_en: Test Loan\n', '')));
        expect(only(problems)).toEqual([
            'products/test-loan.md:2: name_en: is missing — add `name_en:` with a text; see the template in knowledge/README.md',
        ]);
    });

    it('reports a mistyped field with the type it should be', async () => {
        const { problems } = await loadBroken((f) => f.edit('products/test-loan.md', (s) => s.replace('topics: [测试]', 'topics: 5')));
        expect(only(problems)).toEqual([
            'products/test-loan.md:12: topics: should be a list (lines starting with "- "), not number 5 — write it as a list (lines starting with "- ")',
        ]);
    });

    it('names the closest allowed word for an unknown vocabulary word', async () => {
        const { problems } = await loadBroken((f) =>
            f.edit('products/test-loan.md', (s) => s.replace('stages: [growth, mature]', 'stages: [growht, mature]')),
        );
        expect(only(problems)).toEqual([
            'products/test-loan.md:16: eligibility.stages.0: "growht" is not an allowed word — did you mean "growth"? allowed: seed, startup, growth, mature',
        ]);
    });

    it('names the closest known field for a misspelt field', async () => {
        const { problems } = await loadBroken((f) =>
            f.edit('products/test-loan.md', (s) => s.replace('last_verified:', 'last_verifed: 2026-01-01\nlast_verified:')),
        );
        expect(only(problems)[0]).toMatch(/^products\/test-loan\.md:\d+: last_verifed: is not a known field — did you mean `last_verified`\?/);
    });

    it('reports an id that differs from its file name', async () => {
        const { problems } = await loadBroken((f) => f.edit('products/test-micro.md', (s) => s.replace('id: test-micro', 'id: test-mikro')));
        expect(only(problems)).toContain(
            'products/test-micro.md:2: id: "test-mikro" differs from the file name "test-micro.md" — rename the file to test-mikro.md or set `id: test-micro`',
        );
    });

    it('reports a duplicate id across folders', async () => {
        const { problems } = await loadBroken(async (f) => {
            const policy = (await import('node:fs/promises')).readFile(`${f.dir}/policies/test-policy.md`, 'utf8');
            await f.write(
                'policies/test-loan.md',
                (await policy).replace('id: test-policy', 'id: test-loan').replace('related: [test-loan]', 'related: []'),
            );
        });
        expect(only(problems).some((m) => m.includes('id "test-loan" is already used by'))).toBe(true);
    });

    it('reports references to missing items and organizations, with a guess', async () => {
        const { problems } = await loadBroken((f) =>
            f.edit('products/test-loan.md', (s) =>
                s.replace('related: [test-policy]', 'related: [test-polcy]').replace('contacts: [test-org]', 'contacts: [test-orgg, test-micro]'),
            ),
        );
        expect(only(problems)).toEqual([
            'products/test-loan.md:13: related.0: "test-polcy" is not a known item — did you mean "test-policy"? Ids are file names without .md',
            'products/test-loan.md:39: contacts.0: "test-orgg" is not a known organization — did you mean "test-org"? Ids are file names without .md',
            'products/test-loan.md:39: contacts.1: "test-micro" is a product, not an organization — did you mean "test-org"? Ids are file names without .md',
        ]);
    });

    it('reports a fact citing a source key the card does not declare', async () => {
        const { problems } = await loadBroken((f) =>
            f.edit('products/test-micro.md', (s) => s.replace('  sources: [s1]\ncontacts', '  sources: [s2]\ncontacts')),
        );
        expect(only(problems)).toEqual([
            'products/test-micro.md:18: eligibility.sources.0: source key "s2" is not declared in this card\'s `sources` — did you mean "s1"? Otherwise add a source with `key: s2`',
        ]);
    });

    it('reports a source with neither url nor ref', async () => {
        const { problems } = await loadBroken((f) => f.edit('products/test-micro.md', (s) => s.replace('    ref: 沪测〔2024〕1号\n', '')));
        expect(only(problems)[0]).toContain('sources.0: needs a `url` or a `ref` (文号)');
    });

    it('reports a file with no front matter', async () => {
        const { problems } = await loadBroken((f) => f.write('products/plain.md', '# Just a heading\n'));
        expect(only(problems)).toEqual([
            'products/plain.md:1: has no front matter — start the file with a line `---`, then the YAML fields, then another `---` line, then the Markdown text (see knowledge/README.md)',
        ]);
    });

    it('reports empty, binary, non-UTF-8 and oversized files without crashing', async () => {
        const { snapshot, problems } = await loadBroken(async (f) => {
            await f.write('products/empty.md', '  \n');
            await f.write('products/binary.md', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
            await f.write('products/latin1.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
            await f.write('products/huge.md', `---\nid: huge\n---\n${'x'.repeat(3 * 1024 * 1024)}`);
        });
        expect(snapshot).toBeNull();
        const messages = only(problems);
        expect(messages).toContain('products/empty.md:1: file is empty — fill it from the template in knowledge/README.md, or delete it');
        expect(messages.find((m) => m.startsWith('products/binary.md'))).toContain('is a binary file');
        expect(messages.find((m) => m.startsWith('products/latin1.md'))).toContain('is not valid UTF-8 text');
        expect(messages.find((m) => m.startsWith('products/huge.md'))).toContain('file is too large (3.0 MiB; the limit is 1.0 MiB)');
    });

    it('warns about, and skips, files that are not cards', async () => {
        const { snapshot, problems } = await loadBroken(async (f) => {
            await f.write('products/notes.docx', 'PK');
            await f.write('stray.txt', 'hello');
            await f.write('products/.test-loan.md.swp', 'editor swap');
        });
        expect(snapshot!.items.size).toBe(11);
        expect(only(problems, 'warning')).toEqual([
            'products/notes.docx: warning: ignored: not a Markdown file — cards are .md files; rename it to <id>.md or move it out of the knowledge folder',
            'stray.txt: warning: ignored: not part of the knowledge layout — cards go into products/, policies/ or organizations/; the only other files read are README.md, synonyms.yaml and aspects.yaml',
        ]);
    });

    it('reports every problem of every file, not just the first', async () => {
        const { problems } = await loadBroken(async (f) => {
            await f.edit('products/test-loan.md', (s) => s.replace('name_en: Test Loan\n', '').replace('sizes: [small, medium]', 'sizes: [tiny]'));
            await f.edit('organizations/test-org.md', (s) => s.replace('url: https://example.org/agency', 'url: not-a-url'));
        });
        const files = only(problems).map((m) => m.split(':')[0]);
        expect(files.filter((f) => f === 'products/test-loan.md')).toHaveLength(2);
        expect(files).toContain('organizations/test-org.md');
    });

    it('reports an unknown aspect and a word listed under two aspects, with their lines', async () => {
        const { snapshot, problems } = await loadBroken((f) =>
            f.write('aspects.yaml', 'aspects:\n  amout:\n    zh: [额度]\n  rate:\n    zh: [利率]\n'),
        );
        expect(snapshot).toBeNull();
        expect(only(problems)).toEqual([
            'aspects.yaml:2: aspects.amout: is not a known field — did you mean `amount`? See knowledge/README.md for the fields of this kind',
        ]);
        const twice = await loadBroken((f) => f.write('aspects.yaml', 'aspects:\n  amount:\n    zh: [额度]\n  rate:\n    zh: [利率, 额度]\n'));
        expect(only(twice.problems)).toEqual([
            'aspects.yaml:5: aspects.rate.zh.1: "额度" is already listed under amount — a word may ask for one aspect only; keep it under the aspect it asks for most often and remove it here',
        ]);
    });

    it('reads the aspect words', async () => {
        const { snapshot } = await loadBroken((f) => f.write('aspects.yaml', 'aspects:\n  amount:\n    zh: [额度]\n    en: [how much]\n'));
        expect(snapshot!.aspects).toEqual({ amount: { zh: ['额度'], en: ['how much'] } });
    });

    it('reports a broken synonyms file', async () => {
        const { problems } = await loadBroken((f) => f.write('synonyms.yaml', 'groups:\n  - [alone]\n'));
        expect(only(problems)).toEqual(['synonyms.yaml:2: groups.0: a synonym group needs at least two words — add at least one entry']);
    });
});

describe('checker warnings', () => {
    it('marks an item expired when valid_until has passed, and still loads', async () => {
        const { snapshot, problems } = await loadBroken((f) =>
            f.edit('products/test-micro.md', (s) => s.replace('last_verified:', 'valid_until: 2025-08-31\nlast_verified:')),
        );
        // Expiry is asked on the day of the query (isExpired); the load only warns.
        expect(isExpired(snapshot!.items.get('test-micro')!, NOW)).toBe(true);
        expect(isExpired(snapshot!.items.get('test-loan')!, NOW)).toBe(false);
        expect(only(problems, 'warning')).toEqual([
            'products/test-micro.md:24: warning: valid_until: 2025-08-31 has passed: the item is marked expired and matching never rates it eligible — if it still runs, set a new `valid_until` (and `last_verified`); otherwise leave it or delete the file',
        ]);
    });

    it('warns when last_verified is over a year old, and about products without contacts or sources', async () => {
        const { snapshot, problems } = await loadBroken((f) =>
            f.edit('products/test-micro.md', (s) =>
                s.replace('last_verified: 2026-11-01', 'last_verified: 2025-01-01').replace('contacts: [test-org]\n', ''),
            ),
        );
        expect(snapshot).not.toBeNull();
        const warnings = only(problems, 'warning');
        expect(warnings).toHaveLength(2);
        expect(warnings[0]).toContain('last_verified: last verified 2025-01-01, over 365 days ago');
        expect(warnings[1]).toContain('contacts: product has no contacts');
    });
});

describe('checker: numbers and dates that mislead', () => {
    it('warns on a phone with a letter or full-width digits, and the card still loads', async () => {
        const { snapshot, problems } = await loadBroken((f) =>
            f.edit('organizations/test-org.md', (s) =>
                s.replace(
                    '  - value: "021-00000000"',
                    '  - value: "021-2311623O"\n    label: { zh: 联系人电话, en: contact person }\n    sources: [s1]\n  - value: "２３１１６２３７"',
                ),
            ),
        );
        expect(snapshot).not.toBeNull();
        expect(only(problems, 'warning')).toEqual([
            'organizations/test-org.md:13: warning: phones.0.value: "021-2311623O" has the letter O — copy the number again from the source: O is not 0, l is not 1',
            'organizations/test-org.md:16: warning: phones.1.value: "２３１１６２３７" has full-width digits — type the digits with an English keyboard (0–9)',
        ]);
    });

    it('warns on a last_verified in the future', async () => {
        const { problems } = await loadBroken((f) =>
            f.edit('products/test-micro.md', (s) => s.replace('last_verified: 2026-11-01', 'last_verified: 2027-01-05')),
        );
        expect(only(problems, 'warning')).toEqual([
            'products/test-micro.md:24: warning: last_verified: 2027-01-05 is in the future — set it to the day the facts were last checked against their sources (today at the latest)',
        ]);
    });

    it('lists a card whose newest dated source is older than STALE_MONTHS (18 by default), without refusing it', async () => {
        const folder = await copyFolder();
        cleanups.push(folder.remove);
        await folder.edit('products/test-loan.md', (s) => s.replace('date: 2026-10-12', 'date: 2025-05-25'));
        // 2025-05-25 is 18 months and a day before NOW: stale by default, not within 24 months.
        const stale = await loadKnowledge(folder.dir, { now: NOW });
        expect(stale.snapshot).not.toBeNull();
        expect(only(stale.problems, 'warning')).toEqual([
            'products/test-loan.md:41: warning: sources: the newest dated source is from 2025-05-25, over 18 months ago — look for a later notice or report, add it with its date, and mark facts it overtakes `status: outdated`; `kejin report` lists these cards',
        ]);
        expect((await loadKnowledge(folder.dir, { now: NOW, staleSourceMonths: 24 })).problems).toEqual([]);
    });

    it('says that phones belong on an organization card when a product card has them', async () => {
        const { problems } = await loadBroken((f) =>
            f.edit('products/test-micro.md', (s) =>
                s.replace('contacts: [test-org]', 'phones:\n  - value: "021-00000000"\n    sources: [s1]\ncontacts: [test-org]'),
            ),
        );
        expect(only(problems)).toEqual([
            'products/test-micro.md:19: phones: belongs on an organization card, not on a product or policy card — put it under `phones:` on the card of the organization it belongs to (organizations/<id>.md, with its `label` and `sources`), and list that id under `contacts:` here',
        ]);
    });

    it('says to type an ASCII colon after a key followed by a full-width one', async () => {
        const { problems } = await loadBroken((f) =>
            f.edit('products/test-micro.md', (s) => s.replace('name_en: Test Micro Loan', 'name_en：Test Micro Loan')),
        );
        expect(only(problems)).toEqual([
            'products/test-micro.md:5: name_en: is followed by a full-width colon "：", which YAML does not read as one — type an ASCII colon and a space: `name_en: `',
        ]);
    });
});
