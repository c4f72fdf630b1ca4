import { parseArgs } from 'node:util';
import type { KnowledgeService } from '../core/service.ts';
import { KINDS, type Kind, type Lang } from '../core/vocabulary.ts';
import { formatSearch } from './format.ts';

/** `kejin ask "问题"`: the search answer, readable or as JSON. */
export async function runAsk(args: string[], service: KnowledgeService): Promise<number> {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { lang: { type: 'string' }, limit: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } },
    });
    const query = positionals.join(' ');
    const lang = parseLang(values.lang);
    const kind = values.kind as Kind | undefined;
    if (kind && !KINDS.values.includes(kind)) throw new Error(`--kind "${kind}" is not a kind; allowed: ${KINDS.values.join(', ')}`);
    const result = service.search(query, { lang, kind, limit: values.limit ? Number(values.limit) : undefined });
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatSearch(result, lang ?? result.lang));
    await service.close();
    return 0;
}

export function parseLang(value: string | undefined): Lang | undefined {
    if (value === undefined) return undefined;
    if (value !== 'zh' && value !== 'en') throw new Error(`--lang "${value}" is not a language; allowed: zh, en`);
    return value;
}
