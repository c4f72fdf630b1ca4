import { parseArgs } from 'node:util';
import type { KnowledgeService } from '../core/service.ts';
import { parseLang, UsageError } from './args.ts';
import { formatCard } from './format.ts';

/** `kejin show gaoqidai` (or a name, `kejin show 高企贷`): the whole card, every line with its source keys; `--json` prints the card as loaded. */
export async function runShow(args: string[], service: KnowledgeService): Promise<number> {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { lang: { type: 'string' }, json: { type: 'boolean' } } });
    const id = positionals[0];
    if (!id || positionals.length > 1) throw new UsageError('kejin show needs one card id or name, e.g. kejin show gaoqidai or kejin show 高企贷');
    const lang = parseLang(values.lang) ?? 'zh';
    const item = service.findItem(id);
    if (!item) {
        const closest = service.suggestIds(id);
        throw new UsageError(
            `no card with id or name "${id}"${closest.length ? `; closest: ${closest.join(', ')}` : ''}; kejin ask "…" finds the id of a card`,
        );
    }
    process.stdout.write(values.json ? `${JSON.stringify(item, null, 2)}\n` : formatCard(item, lang, (ref) => service.getItem(ref)));
    await service.close();
    return 0;
}
