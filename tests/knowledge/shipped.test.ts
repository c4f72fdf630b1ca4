import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { formatProblem } from '../../src/core/knowledge/problems.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

/** The item ids that the evaluation and the MCP tools rely on (shared/catalogue.md). */
const CATALOGUE = {
    product: [
        'kechuang-zhulidai',
        'keji-lvyuedai',
        'keji-weidaitong',
        'gaoqidai',
        'huke-zhuandai',
        'huke-zhuantie',
        'xiaojuren-xinyongdai',
        'ip-pledge-financing',
        'seamless-renewal',
        'relief-financing',
    ],
    policy: ['premium-subsidy', 'credit-risk-compensation'],
    platform: ['xinyidai-platform'],
    program: ['kechuang-finance-alliance', 'tech-branches'],
    document: ['stcsm-reply-2024-85'],
    organization: ['stcsm'],
} as const;

describe('the shipped knowledge folder', () => {
    it('passes the checker with no errors', async () => {
        const { snapshot, problems } = await loadKnowledge(SHIPPED_KNOWLEDGE);
        expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
        expect(snapshot).not.toBeNull();
    });

    it('holds every catalogue item with its catalogue kind', async () => {
        const { snapshot } = await loadKnowledge(SHIPPED_KNOWLEDGE);
        for (const [kind, ids] of Object.entries(CATALOGUE)) {
            for (const id of ids) expect(snapshot!.items.get(id)?.kind, id).toBe(kind);
        }
    });

    it('gives a phone number only where the card cites a source for it', async () => {
        const { snapshot } = await loadKnowledge(SHIPPED_KNOWLEDGE);
        for (const item of snapshot!.items.values()) {
            if (item.kind !== 'organization') continue;
            for (const phone of item.phones) {
                const keys = new Set(item.sources.map((s) => s.key));
                expect(
                    phone.sources.every((k) => keys.has(k)),
                    `${item.id} ${phone.value}`,
                ).toBe(true);
            }
        }
    });

    it('keeps the contact line of the source document exactly as the document gives it', async () => {
        const { snapshot } = await loadKnowledge(SHIPPED_KNOWLEDGE);
        const stcsm = snapshot!.items.get('stcsm')!;
        const text = JSON.stringify(stcsm);
        expect(text).toContain('23116237');
        expect(text).toContain('200003');
        const readme = await readFile(path.join(SHIPPED_KNOWLEDGE, 'README.md'), 'utf8');
        expect(readme.length).toBeGreaterThan(1000);
    });
});
