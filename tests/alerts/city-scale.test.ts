/**
 * Alerts at city scale: with more products than a match lists by default,
 * a subscriber's baseline still holds every product, so that a product
 * beyond the first few is never taken for a new one at the next run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticSnapshot } from '../../bench/synthetic.ts';
import { alertsFor, newSubscription } from '../../src/core/alerts/alerts.ts';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { DEFAULT_MATCH_LIMIT } from '../../src/core/match/match.ts';
import { createServiceFromSnapshot, type KnowledgeService } from '../../src/core/service.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

const NOW = new Date('2026-11-26');
let service: KnowledgeService;
let products: string[];
beforeAll(async () => {
    const snapshot = syntheticSnapshot((await loadKnowledge(SHIPPED_KNOWLEDGE, { now: NOW })).snapshot!, 400);
    service = createServiceFromSnapshot(snapshot, { now: () => NOW });
    products = [...snapshot.items.values()].filter((i) => i.kind === 'product').map((i) => i.id);
});

describe('alerts over more products than a match lists', () => {
    it('keep every product in the baseline and find nothing new right after subscribing', () => {
        expect(products.length).toBeGreaterThan(DEFAULT_MATCH_LIMIT);
        const subscription = newSubscription(service, 1, 'zh', { stage: 'growth' }, NOW);
        expect(Object.keys(subscription.seen).sort()).toEqual([...products].sort());
        expect(alertsFor(service, subscription).alerts).toEqual([]);
    });

    it('tell an empty baseline of every product that is not ruled out', () => {
        const { totals } = service.match({ stage: 'growth' });
        const { alerts } = alertsFor(service, { ...newSubscription(service, 1, 'zh', { stage: 'growth' }, NOW), seen: {} });
        expect(alerts.length).toBe(totals.eligible + totals.possible);
        expect(alerts.length).toBeGreaterThan(DEFAULT_MATCH_LIMIT);
    });
});
