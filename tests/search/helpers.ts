import path from 'node:path';
import { loadKnowledge, type KnowledgeSnapshot } from '../../src/core/knowledge/load.ts';

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/search-knowledge');

/** The six-card fixture corpus (tests/fixtures/search-knowledge); fails loudly if a card stops loading. */
export async function loadFixture(): Promise<KnowledgeSnapshot> {
    const { snapshot, problems } = await loadKnowledge(FIXTURE_DIR, { now: new Date('2026-11-26') });
    if (!snapshot) throw new Error(`fixture does not load: ${problems.map((p) => `${p.file}: ${p.message}`).join('; ')}`);
    return snapshot;
}
