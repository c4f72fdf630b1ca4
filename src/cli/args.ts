/** Flag parsing shared by the CLI commands; a bad flag is a UsageError, shown without a stack. */
import { LANGS, type Lang } from '../core/vocabulary.ts';

export class UsageError extends Error {
    override name = 'UsageError';
}

export function parseLang(value: string | undefined): Lang | undefined {
    if (value === undefined) return undefined;
    if (!(LANGS as readonly string[]).includes(value)) throw new UsageError(`--lang "${value}" is not a language; allowed: ${LANGS.join(', ')}`);
    return value as Lang;
}

export function parseNumber(flag: string, value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    const n = Number(value.replace(/[,_]/g, ''));
    if (value.trim() === '' || !Number.isFinite(n))
        throw new UsageError(`--${flag} "${value}" is not a number; write it like --${flag} 500 (amounts in 万元)`);
    return n;
}
