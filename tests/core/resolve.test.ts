/**
 * `kejin show 高企贷` and MCP `get_financing_product` with "履约贷" go through
 * one core function: an item by its id, its name in either language or one
 * of its aliases, spelled as people write it (full-width, spaces, case).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/core/errors.ts';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

let service: KnowledgeService;
beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
});
afterAll(() => service.close());

describe('findItem: ids, names and aliases', () => {
    it.each([
        ['gaoqidai', 'gaoqidai'],
        ['高企贷', 'gaoqidai'],
        ['履约贷', 'keji-lvyuedai'],
        ['科技履约贷', 'keji-lvyuedai'],
        ['High-Tech Enterprise Loan (Gaoqidai)', 'gaoqidai'],
        ['hnte loan', 'gaoqidai'],
        ['ＧＡＯＱＩＤＡＩ', 'gaoqidai'],
        [' 高企 贷 ', 'gaoqidai'],
        ['高企貸', 'gaoqidai'],
    ])('%s → %s', (ref, id) => {
        expect(service.findItem(ref)?.id).toBe(id);
        expect(service.requireItem(ref).id).toBe(id);
    });

    it('resolves every name and alias of every card to that card, unless two cards share it', () => {
        const owners = new Map<string, Set<string>>();
        const items = [...service.snapshot().items.values()];
        const names = (i: (typeof items)[number]) => [i.id, i.name, i.name_en, ...i.aliases.zh, ...i.aliases.en];
        for (const i of items) for (const n of names(i)) owners.set(n, (owners.get(n) ?? new Set()).add(i.id));
        const wrong: string[] = [];
        for (const i of items)
            for (const n of names(i))
                if (owners.get(n)!.size === 1 && service.findItem(n)?.id !== i.id) wrong.push(`${n} → ${service.findItem(n)?.id}`);
        expect(wrong).toEqual([]);
    });

    it('an unknown name suggests the card it nearly names', () => {
        const err = (() => {
            try {
                service.requireItem('科技履约');
            } catch (e) {
                return e;
            }
        })();
        expect(err).toBeInstanceOf(NotFoundError);
        expect((err as NotFoundError).suggestions).toContain('keji-lvyuedai');
        expect(service.suggestIds('高企')).toContain('gaoqidai');
    });
});
