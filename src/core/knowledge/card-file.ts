/**
 * One file of the folder parsed and validated on its own: a card (YAML
 * front matter against its folder's zod schema, the card rules, its source
 * keys), or synonyms.yaml, or aspects.yaml. What needs the other cards (ids
 * that must exist, duplicates) is checked afterwards by `cross-check.ts`.
 */
import path from 'node:path';
import type { Folder } from '../vocabulary.ts';
import { collectKeys, fieldPath, lineOf, parseYaml, splitFrontMatter, validate, type ParsedYaml } from './parse.ts';
import { closest, type Collector, type Problem, type Severity } from './problems.ts';
import { CARD_RULES } from './rules.ts';
import { ASPECTS_FILE, SYNONYMS_FILE } from './folder.ts';
import { aspectsSchema, FOLDER_SCHEMAS, synonymsSchema, type AspectTable, type KnowledgeItem } from './schema.ts';

const KNOWN_KEYS = collectKeys(Object.values(FOLDER_SCHEMAS));

/** Lines the cross-check may point at, taken from the YAML while it is at hand so that it need not be kept. */
export interface CardLines {
    readonly related: readonly number[];
    readonly contacts: readonly number[];
    readonly valid_until: number;
    readonly last_verified: number;
    readonly sources: number;
}

export interface Card {
    readonly item: KnowledgeItem;
    readonly lines: CardLines;
}

export function parseCard(rel: string, folder: Folder, text: string, out: Collector): Card | null {
    const report = (p: Omit<Problem, 'file' | 'severity'> & { severity?: Severity }) => out.report(rel, p.severity ?? 'error', p);
    const fm = splitFrontMatter(text);
    if (!fm) {
        report({
            line: 1,
            message: 'has no front matter',
            hint: 'start the file with a line `---`, then the YAML fields, then another `---` line, then the Markdown text (see knowledge/README.md)',
        });
        return null;
    }
    const yaml = parseYaml(fm.yaml, fm.firstLine, report);
    if (!yaml) return null;
    if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
        report({
            line: fm.firstLine,
            message: 'front matter is not a group of `key: value` fields',
            hint: 'copy the template for this kind from knowledge/README.md',
        });
        return null;
    }
    const data = validate(FOLDER_SCHEMAS[folder], yaml, fm.firstLine, KNOWN_KEYS, report);
    if (!data) return null;

    const fileId = path.basename(rel, '.md');
    if (data.id !== fileId) {
        report({
            line: lineOf(yaml, ['id'], fm.firstLine),
            field: 'id',
            message: `"${data.id}" differs from the file name "${fileId}.md"`,
            hint: `rename the file to ${data.id}.md or set \`id: ${fileId}\``,
        });
    }
    checkSourceKeys(data, yaml, fm.firstLine, report);
    for (const rule of CARD_RULES)
        for (const p of rule(data))
            report({
                line: lineOf(yaml, p.path, fm.firstLine),
                field: fieldPath(p.path),
                message: p.message,
                hint: p.hint,
                ...(p.severity ? { severity: p.severity } : {}),
            });
    const item = { ...data, file: rel, body: fm.body.trim() } as KnowledgeItem;
    const at = (p: PropertyKey[]) => lineOf(yaml, p, fm.firstLine);
    const lines: CardLines = {
        related: item.related.map((_, i) => at(['related', i])),
        contacts: 'contacts' in item ? item.contacts.map((_, i) => at(['contacts', i])) : [],
        valid_until: at(['valid_until']),
        last_verified: at(['last_verified']),
        sources: at(['sources']),
    };
    return { item, lines };
}

/** Every `sources: [keys]` inside a fact must name a source the card declares. */
function checkSourceKeys(
    data: { sources: readonly { key: string }[] },
    yaml: ParsedYaml,
    firstLine: number,
    report: (p: Omit<Problem, 'file' | 'severity'>) => void,
): void {
    const declared = new Set<string>();
    data.sources.forEach((s, i) => {
        if (declared.has(s.key)) {
            report({
                line: lineOf(yaml, ['sources', i, 'key'], firstLine),
                field: `sources.${i}.key`,
                message: `key "${s.key}" is declared twice`,
                hint: 'give each source its own key',
            });
        }
        declared.add(s.key);
    });
    const walk = (v: unknown, p: PropertyKey[]): void => {
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...p, i]));
        if (!v || typeof v !== 'object') return;
        for (const [k, child] of Object.entries(v)) {
            if (k === 'sources' && p.length > 0 && Array.isArray(child)) {
                child.forEach((key, i) => {
                    if (typeof key === 'string' && !declared.has(key)) {
                        const guess = closest(key, declared, 1, 0.5)[0];
                        report({
                            line: lineOf(yaml, [...p, k, i], firstLine),
                            field: fieldPath([...p, k, i]),
                            message: `source key "${key}" is not declared in this card's \`sources\``,
                            hint: guess
                                ? `did you mean "${guess}"? Otherwise add a source with \`key: ${key}\``
                                : `add a source with \`key: ${key}\` to \`sources\``,
                        });
                    }
                });
            } else walk(child, [...p, k]);
        }
    };
    walk(data, []);
}

export function parseSynonyms(text: string, out: Collector): string[][] | null {
    const report = (p: Omit<Problem, 'file' | 'severity'>) => out.report(SYNONYMS_FILE, 'error', p);
    const yaml = parseYaml(text, 1, report);
    if (!yaml) return null;
    const data = validate(synonymsSchema, yaml, 1, new Set(['groups']), report);
    return data ? data.groups : null;
}

const ASPECT_KEYS = new Set(['aspects', 'zh', 'en', ...Object.keys(aspectsSchema.shape.aspects.shape)]);

/**
 * The aspect words. A word may ask for one aspect only: listed under two,
 * a question using it would be read both ways, so that is an error naming
 * both places.
 */
export function parseAspects(text: string, out: Collector): AspectTable | null {
    const report = (p: Omit<Problem, 'file' | 'severity'>) => out.report(ASPECTS_FILE, 'error', p);
    const yaml = parseYaml(text, 1, report);
    if (!yaml) return null;
    const data = validate(aspectsSchema, yaml, 1, ASPECT_KEYS, report);
    if (!data) return null;
    const seen = new Map<string, string>();
    let ok = true;
    for (const [aspect, words] of Object.entries(data.aspects)) {
        for (const lang of ['zh', 'en'] as const) {
            (words?.[lang] ?? []).forEach((word, i) => {
                const key = word.toLowerCase();
                const first = seen.get(key);
                if (first !== undefined && first !== aspect) {
                    ok = false;
                    report({
                        line: lineOf(yaml, ['aspects', aspect, lang, i], 1),
                        field: `aspects.${aspect}.${lang}.${i}`,
                        message: `"${word}" is already listed under ${first}`,
                        hint: 'a word may ask for one aspect only; keep it under the aspect it asks for most often and remove it here',
                    });
                }
                seen.set(key, aspect);
            });
        }
    }
    return ok ? (data.aspects as AspectTable) : null;
}
