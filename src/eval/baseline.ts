/**
 * The baseline the figures are compared with: MiniSearch as it comes, with
 * its default tokenizer and search options, over the same cards and fields
 * (raw texts, untokenized). It has no notion of confidence; it is counted
 * as abstaining when it returns nothing.
 */
import MiniSearch from 'minisearch';
import type { KnowledgeItem } from '../core/knowledge/schema.ts';
import { fieldTexts } from '../core/search/documents.ts';
import { FIELDS } from '../core/search/options.ts';

export interface BaselineIndex {
    search(query: string, limit?: number): { ids: string[]; confident: boolean };
}

export function createBaselineIndex(items: Iterable<KnowledgeItem>): BaselineIndex {
    const miniSearch = new MiniSearch({ fields: [...FIELDS] });
    miniSearch.addAll([...items].map((item) => ({ id: item.id, ...fieldTexts(item) })));
    return {
        search: (query, limit = 5) => {
            const ids = miniSearch
                .search(query)
                .slice(0, limit)
                .map((r) => String(r.id));
            return { ids, confident: ids.length > 0 };
        },
    };
}
