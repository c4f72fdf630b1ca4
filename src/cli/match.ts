import { parseArgs } from 'node:util';
import type { FirmProfile } from '../core/match/profile.ts';
import type { KnowledgeService } from '../core/service.ts';
import { parseLang, parseNumber } from './args.ts';
import { formatMatch } from './format.ts';

/** `kejin match --stage growth --qual high-tech --need bill-discount …` */
export async function runMatch(args: string[], service: KnowledgeService): Promise<number> {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            stage: { type: 'string' },
            qual: { type: 'string', multiple: true },
            size: { type: 'string' },
            need: { type: 'string', multiple: true },
            revenue: { type: 'string' },
            amount: { type: 'string' },
            ip: { type: 'boolean' },
            'no-ip': { type: 'boolean' },
            'no-qual': { type: 'string', multiple: true },
            employees: { type: 'string' },
            district: { type: 'string' },
            question: { type: 'string' },
            lang: { type: 'string' },
            limit: { type: 'string' },
            json: { type: 'boolean' },
        },
    });
    const profile: Record<keyof FirmProfile, unknown> = {
        stage: values.stage,
        qualifications: values.qual,
        qualificationsLacking: values['no-qual'],
        size: values.size,
        needs: values.need,
        annualRevenueWan: parseNumber('revenue', values.revenue),
        amountWan: parseNumber('amount', values.amount),
        hasIntellectualProperty: values.ip ? true : values['no-ip'] ? false : undefined,
        employees: parseNumber('employees', values.employees),
        district: values.district,
        question: values.question ?? (positionals.length ? positionals.join(' ') : undefined),
    };
    const lang = parseLang(values.lang) ?? 'zh';
    const result = service.match(profile, { lang, limit: parseNumber('limit', values.limit) });
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatMatch(result, lang));
    await service.close();
    return 0;
}
