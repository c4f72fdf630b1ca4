/**
 * Every source key a card cites resolves on that card: a contact line
 * quotes the organization's phones with the organization's source keys
 * (S35 of stcsm), which a product card did not list. Checked on every
 * shipped card, in both languages, in the presenter and in each front's
 * rendering of a whole card (CLI, bot, MCP).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemView } from '../../src/bot/views/format.ts';
import { MESSAGES } from '../../src/bot/views/i18n.ts';
import { formatCard } from '../../src/cli/format.ts';
import { presentCard } from '../../src/core/present/index.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { LANGS } from '../../src/core/vocabulary.ts';
import { cardText } from '../../src/mcp/format.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;
beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
});
afterAll(() => service.close());

const lookup = (id: string) => service.getItem(id);
const cards = () => [...service.snapshot().items.values()];

/** Keys cited as ` [a, b]` at the end of a line, and keys listed as `[a] title` lines. */
function citedAndListed(text: string, listed: RegExp): { cited: Set<string>; listed: Set<string> } {
    const out = { cited: new Set<string>(), listed: new Set<string>() };
    for (const line of text.split('\n')) {
        const list = listed.exec(line);
        if (list) {
            out.listed.add(list[1]!);
            continue;
        }
        const cite = / \[([^\]]+)\]$/.exec(line);
        if (cite) for (const k of cite[1]!.split(', ')) out.cited.add(k);
    }
    return out;
}

describe('every cited source key resolves on the card that shows it', () => {
    it("in the presenter: each line cites only keys of the card's sources, each key once", () => {
        const unresolved: string[] = [];
        for (const item of cards()) {
            for (const lang of LANGS) {
                const p = presentCard(item, lang, { lookup });
                const keys = p.sources.map((s) => s.key);
                expect(new Set(keys).size, `${item.id}: duplicate keys ${keys.join(',')}`).toBe(keys.length);
                for (const s of p.sections)
                    for (const l of s.lines) for (const k of l.sources) if (!keys.includes(k)) unresolved.push(`${item.id} ${lang} ${l.label}: ${k}`);
            }
        }
        expect(unresolved).toEqual([]);
    });

    it("a contact line cites what its organization's card says, under a key listed with that source", () => {
        const p = presentCard(service.requireItem('gaoqidai'), 'zh', { lookup });
        const stcsm = service.requireItem('stcsm');
        const line = p.sections.flatMap((s) => s.lines).find((l) => l.ref === 'stcsm')!;
        for (const key of line.sources) {
            const listed = p.sources.find((s) => s.key === key)!;
            expect(stcsm.sources.some((s) => s.title === listed.title && s.url === listed.url && s.ref === listed.ref)).toBe(true);
        }
    });

    it('a quoted key the card uses for another source is cited as <organization>:<key>', () => {
        const own = { key: 'S35', title: 'Another source of this card', url: 'https://example.org/own' };
        const base = service.requireItem('gaoqidai');
        const item = { ...base, sources: [...base.sources, own] } as typeof base;
        const p = presentCard(item, 'en', { lookup });
        const line = p.sections.flatMap((s) => s.lines).find((l) => l.ref === 'stcsm')!;
        expect(line.sources).toContain('stcsm:S35');
        expect(p.sources.find((s) => s.key === 'S35')).toEqual(own);
        expect(p.sources.find((s) => s.key === 'stcsm:S35')?.url).toBe(service.requireItem('stcsm').sources.find((s) => s.key === 'S35')!.url);
    });

    it('in the CLI, MCP and bot renderings of every card', () => {
        const unresolved: string[] = [];
        for (const item of cards()) {
            for (const lang of LANGS) {
                const cli = citedAndListed(formatCard(item, lang, lookup), /^ {3}\[([^\]]+)\] /);
                for (const k of cli.cited) if (!cli.listed.has(k)) unresolved.push(`cli ${item.id} ${lang}: ${k}`);
                const mcp = citedAndListed(cardText(item, lang, lookup), /^- \[([^\]]+)\] /);
                for (const k of mcp.cited) if (!mcp.listed.has(k)) unresolved.push(`mcp ${item.id} ${lang}: ${k}`);
                // The bot numbers the sources: every presented key must become a number, none silently dropped.
                const html = itemView(MESSAGES[lang], lang, item, lookup, []).html;
                const numbers = new Set([...html.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
                const listedCount = [...html.matchAll(/^\[\d+\] /gm)].length;
                for (const n of numbers) if (n > listedCount) unresolved.push(`bot ${item.id} ${lang}: [${n}]`);
                const p = presentCard(item, lang, { lookup });
                const cited = new Set(p.sections.flatMap((s) => s.lines.flatMap((l) => l.sources)));
                const citedNumbers = new Set([...html.split(/\n<b>[^<]*<\/b>\n\[1\]/)[0]!.matchAll(/\[(\d+)\]/g)].map((m) => m[1]));
                if (citedNumbers.size < cited.size) unresolved.push(`bot ${item.id} ${lang}: ${cited.size - citedNumbers.size} keys not cited`);
            }
        }
        expect(unresolved).toEqual([]);
    });
});
