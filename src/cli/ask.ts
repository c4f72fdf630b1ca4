import { parseArgs } from 'node:util';
import type { KnowledgeService } from '../core/service.ts';
import { KINDS, type Kind } from '../core/vocabulary.ts';
import { parseLang, parseNumber, UsageError } from './args.ts';
import { formatAnswer } from './format.ts';

/** `kejin ask "问题"`: the answer first, then the ranked results; `--json` prints the same Answer object. */
export async function runAsk(args: string[], service: KnowledgeService): Promise<number> {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { lang: { type: 'string' }, limit: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } },
    });
    const query = positionals.join(' ');
    if (query.trim() === '') throw new UsageError('kejin ask needs a question, e.g. kejin ask "高企贷有哪些合作银行"');
    const lang = parseLang(values.lang);
    const kind = values.kind as Kind | undefined;
    if (kind && !KINDS.values.includes(kind)) throw new UsageError(`--kind "${kind}" is not a kind; allowed: ${KINDS.values.join(', ')}`);
    const result = service.answer(query, { lang, kind, limit: parseNumber('limit', values.limit) });
    const shown = lang ?? result.lang;
    const contactName = (id: string) => {
        const org = service.getItem(id);
        return org ? (shown === 'zh' ? org.name : org.name_en) : id;
    };
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatAnswer(result, shown, contactName));
    await service.close();
    return 0;
}
