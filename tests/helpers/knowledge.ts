/**
 * The knowledge the tests run on: the shipped folder (read as it is, or a
 * service over it) and the small fixture corpus, and throw-away copies of
 * either that a test may edit or break.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { FIXTURE_KNOWLEDGE, SHIPPED_KNOWLEDGE } from './paths.ts';

export interface FolderCopy {
    readonly dir: string;
    edit(file: string, f: (s: string) => string): Promise<void>;
    write(file: string, data: string | Uint8Array): Promise<void>;
    remove(): Promise<void>;
}

/**
 * The fixture corpus holds two sets of cards, each with golden values worked
 * out over it alone: a test that pins such values (a ranking, a match order,
 * a report) copies only its part, so that the other part's words do not
 * shift them.
 */
export const FIXTURE_PARTS = {
    /** test-loan, test-micro, test-renewal, test-policy, test-org: exact eligibility, terms and sources, for the loader, checker, matcher and report. */
    cards: (id: string) => id.startsWith('test-'),
    /** perf-loan, micro-loan, ip-loan, renewal, premium-subsidy, tech-center: realistic zh and en text, for the golden search rankings. */
    search: (id: string) => !id.startsWith('test-'),
} as const;

/**
 * A throw-away copy of a knowledge folder that a test may break at will;
 * with `part`, only the cards whose id it keeps, and only the synonym groups
 * one of whose words those cards say.
 */
export async function copyFolder(from = FIXTURE_KNOWLEDGE, part?: (id: string) => boolean): Promise<FolderCopy> {
    const dir = await mkdtemp(path.join(tmpdir(), 'kejin-knowledge-'));
    await cp(from, dir, { recursive: true });
    if (part) await keepPart(dir, part);
    return {
        dir,
        edit: async (file, f) => writeFile(path.join(dir, file), f(await readFile(path.join(dir, file), 'utf8'))),
        write: async (file, data) => {
            await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
            await writeFile(path.join(dir, file), data);
        },
        remove: () => rm(dir, { recursive: true, force: true }),
    };
}

async function keepPart(dir: string, part: (id: string) => boolean): Promise<void> {
    const kept: string[] = [];
    for (const kind of await readdir(dir, { withFileTypes: true })) {
        if (!kind.isDirectory()) continue;
        for (const file of await readdir(path.join(dir, kind.name))) {
            const card = path.join(dir, kind.name, file);
            if (part(path.basename(file, '.md'))) kept.push((await readFile(card, 'utf8')).toLowerCase());
            else await rm(card);
        }
    }
    const synonyms = path.join(dir, 'synonyms.yaml');
    const doc = YAML.parse(await readFile(synonyms, 'utf8')) as { groups: string[][] };
    const said = (group: string[]) => group.some((word) => kept.some((text) => text.includes(word.toLowerCase())));
    // One flow list a line, as staff write it, so that a test may append a group.
    await writeFile(
        synonyms,
        `groups:\n${doc.groups
            .filter(said)
            .map((g) => `  - [${g.join(', ')}]\n`)
            .join('')}`,
    );
}

/** The fixture corpus (or one part of it) as of 2026-11-26, when no card has expired; fails loudly if a card stops loading. */
export async function loadFixture(part?: (id: string) => boolean): Promise<KnowledgeSnapshot> {
    const folder = part ? await copyFolder(FIXTURE_KNOWLEDGE, part) : undefined;
    try {
        const { snapshot, problems } = await loadKnowledge(folder?.dir ?? FIXTURE_KNOWLEDGE, { now: new Date('2026-11-26') });
        if (!snapshot) throw new Error(`fixture does not load: ${problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
        return snapshot;
    } finally {
        await folder?.remove();
    }
}

let shipped: Promise<KnowledgeService> | undefined;

/** One service over the shipped knowledge, shared by the tests of a file (vitest gives each file its own modules). */
export function shippedService(): Promise<KnowledgeService> {
    shipped ??= createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
    return shipped;
}

/** Polls `probe` until it returns true or `ms` pass. */
export async function waitFor(probe: () => boolean, ms = 3000): Promise<boolean> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
        if (probe()) return true;
        await new Promise((r) => setTimeout(r, 20));
    }
    return probe();
}
