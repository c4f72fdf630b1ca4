/**
 * Turns one card's text into validated data or a list of problems with line
 * numbers. Pure: no file system, so every checker message can be pinned by a
 * test on a string.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { closest, type Problem, type Severity } from './problems.ts';

export interface FrontMatter {
    /** The YAML text between the `---` lines. */
    readonly yaml: string;
    /** 1-based line of the first YAML line in the file. */
    readonly firstLine: number;
    readonly body: string;
}

/** Splits `---\nyaml\n---\nbody`; null when the file has no front matter. */
export function splitFrontMatter(source: string): FrontMatter | null {
    const text = source.replace(/^\uFEFF/, '');
    const open = /^---[ \t]*\r?\n/.exec(text);
    if (!open) return null;
    const rest = text.slice(open[0].length);
    const close = /^---[ \t]*$/m.exec(rest);
    if (!close) return null;
    const after = rest.slice(close.index + close[0].length);
    return { yaml: rest.slice(0, close.index), firstLine: 2, body: after.replace(/^\r?\n/, '') };
}

export interface ParsedYaml {
    readonly data: unknown;
    readonly doc: Document.Parsed;
    readonly lines: LineCounter;
}

let yamlModule: typeof Yaml | undefined;

/**
 * The YAML library, loaded with the first card to parse: a start whose cards
 * all come from the parse cache never needs it (about a tenth of the MCP
 * server's cold start went to loading it).
 */
function yamlLib(): typeof Yaml {
    return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

type ProblemSink = (p: Omit<Problem, 'file' | 'severity'> & { severity?: Severity }) => void;

/** Parses YAML, reporting every syntax error with its line; null if any. */
export function parseYaml(yaml: string, lineOffset: number, report: ProblemSink): ParsedYaml | null {
    const lines = new (yamlLib().LineCounter)();
    const doc = yamlLib().parseDocument(yaml, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    // A key typed with a Chinese keyboard ends in a full-width colon (summary：): YAML then reads
    // the line as text and fails a line or two later with a message about quoting. Say what it is.
    const fullWidth = fullWidthColonKeys(yaml);
    for (const { line, key } of fullWidth) {
        report({
            line: line + lineOffset - 1,
            field: key,
            message: 'is followed by a full-width colon "：", which YAML does not read as one',
            hint: `type an ASCII colon and a space: \`${key}: \``,
        });
    }
    if (fullWidth.length > 0 && doc.errors.length === 0) return null;
    for (const err of doc.errors) {
        const line = err.linePos?.[0].line ?? lines.linePos(err.pos[0]).line;
        // The errors a full-width colon causes on its line and the next two are said above.
        if (fullWidth.some((f) => line >= f.line && line <= f.line + 2)) continue;
        report({
            line: line + lineOffset - 1,
            message: `YAML cannot be read: ${firstLine(err.message)}`,
            hint: yamlHint(err.code),
        });
    }
    if (doc.errors.length > 0) return null;
    let data: unknown;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
        // The yaml library refuses a document whose aliases expand too far (an alias bomb,
        // or just many `*name`s) by throwing: a problem of this file, like any other.
        const at = firstAlias(doc);
        report({
            line: (at === undefined ? 1 : lines.linePos(at).line) + lineOffset - 1,
            message: `YAML aliases (\`*name\`) expand too far: ${firstLine(err instanceof Error ? err.message : String(err))}`,
            hint: `write the values out instead of repeating them with \`&name\` and \`*name\` (at most ${MAX_ALIAS_COUNT} uses per file)`,
        });
        return null;
    }
    return { data, doc, lines };
}

/** Lines (1-based, within `yaml`) that open with a key and a full-width colon: `summary：`, `  - zh：…`. */
function fullWidthColonKeys(yaml: string): { line: number; key: string }[] {
    const found: { line: number; key: string }[] = [];
    yaml.split('\n').forEach((text, i) => {
        const m = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*：/.exec(text);
        if (m) found.push({ line: i + 1, key: m[1]! });
    });
    return found;
}

/** Aliases a card may resolve; cards need none, and this bounds what a hostile file can cost. */
const MAX_ALIAS_COUNT = 50;

/** Offset of the first alias in the document, if any. */
function firstAlias(doc: Document.Parsed): number | undefined {
    let at: number | undefined;
    yamlLib().visit(doc, {
        Alias(_key, node) {
            at = node.range?.[0];
            return yamlLib().visit.BREAK;
        },
    });
    return at;
}

function firstLine(s: string): string {
    return s.split('\n')[0]!.trim();
}

function yamlHint(code: string): string {
    switch (code) {
        case 'DUPLICATE_KEY':
            return 'each field may appear once; delete or merge the repeated one';
        case 'BAD_INDENT':
        case 'MISSING_CHAR':
            return 'check the indentation (spaces, not tabs) and that every `key:` is followed by a space';
        case 'BLOCK_AS_IMPLICIT_KEY':
        case 'MULTILINE_IMPLICIT_KEY':
            return 'a value that contains ": " or starts a new line must be quoted';
        default:
            return 'check quotes, colons and indentation on this line; quote values that contain ": " or "#"';
    }
}

/** The line of the node at `path`, or of its nearest existing parent. */
export function lineOf(parsed: ParsedYaml, path: readonly PropertyKey[], lineOffset: number): number {
    for (let n = path.length; n >= 0; n--) {
        const node = parsed.doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === 'object' && node.range) {
            return parsed.lines.linePos(node.range[0]).line + lineOffset - 1;
        }
    }
    return lineOffset;
}

/** Line of a key inside a map, for problems about the key itself. */
function lineOfKey(parsed: ParsedYaml, path: readonly PropertyKey[], key: string, lineOffset: number): number {
    const map = path.length === 0 ? parsed.doc.contents : parsed.doc.getIn(path as unknown[], true);
    if (yamlLib().isMap(map)) {
        for (const pair of map.items) {
            const k = pair.key as { value?: unknown; range?: [number, number, number] } | null;
            if (k && k.value === key && k.range) return parsed.lines.linePos(k.range[0]).line + lineOffset - 1;
        }
    }
    return lineOf(parsed, path, lineOffset);
}

export function fieldPath(path: readonly PropertyKey[]): string {
    return path.map(String).join('.') || '(front matter)';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
    let v: unknown = data;
    for (const k of path) {
        if (v === null || typeof v !== 'object') return undefined;
        v = (v as Record<PropertyKey, unknown>)[k];
    }
    return v;
}

function describe(v: unknown): string {
    if (v === undefined) return 'nothing';
    if (Array.isArray(v)) return 'a list';
    if (v === null) return 'an empty value';
    if (typeof v === 'object') return 'a group of fields';
    return `${typeof v} ${JSON.stringify(v)}`;
}

const EXPECTED: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list (lines starting with "- ")',
    object: 'a group of indented `key: value` fields',
};

/**
 * Validates `data` with `schema`; reports every issue, not just the first.
 * `knownKeys` feeds "did you mean" for misspelt field names.
 */
export function validate<S extends z.ZodType>(
    schema: S,
    parsed: ParsedYaml,
    lineOffset: number,
    knownKeys: ReadonlySet<string>,
    report: ProblemSink,
): z.infer<S> | null {
    const result = schema.safeParse(parsed.data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
        const path = issue.path;
        const received = valueAt(parsed.data, path);
        const field = fieldPath(path);
        switch (issue.code) {
            case 'unrecognized_keys':
                for (const key of issue.keys) {
                    if (CONTACT_DETAILS.has(key)) {
                        // A number on a product or policy card would be shown as its hotline; it belongs to whoever answers it.
                        report({
                            line: lineOfKey(parsed, path, key, lineOffset),
                            field: fieldPath([...path, key]),
                            message: 'belongs on an organization card, not on a product or policy card',
                            hint:
                                `put it under \`${key}:\` on the card of the organization it belongs to (organizations/<id>.md, ` +
                                `with its \`label\` and \`sources\`), and list that id under \`contacts:\` here`,
                        });
                        continue;
                    }
                    const guess = closest(key, knownKeys, 1, 0.5)[0];
                    report({
                        line: lineOfKey(parsed, path, key, lineOffset),
                        field: fieldPath([...path, key]),
                        message: 'is not a known field',
                        hint: guess ? `did you mean \`${guess}\`? See knowledge/README.md for the fields of this kind` : 'remove it',
                    });
                }
                break;
            case 'invalid_value': {
                const allowed = issue.values.map(String);
                const guess = typeof received === 'string' ? closest(received, allowed, 1, 0.6)[0] : undefined;
                report({
                    line: lineOf(parsed, path, lineOffset),
                    field,
                    message: `${typeof received === 'string' ? JSON.stringify(received) : describe(received)} is not an allowed word`,
                    hint: `${guess ? `did you mean "${guess}"? ` : ''}allowed: ${allowed.join(', ')}`,
                });
                break;
            }
            case 'invalid_type':
                report({
                    line: lineOf(parsed, path, lineOffset),
                    field,
                    message:
                        received === undefined ? 'is missing' : `should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(received)}`,
                    hint:
                        received === undefined
                            ? `add \`${String(path.at(-1) ?? field)}:\` with ${EXPECTED[issue.expected] ?? issue.expected}; ` +
                              `see the template in knowledge/README.md`
                            : `write it as ${EXPECTED[issue.expected] ?? issue.expected}`,
                });
                break;
            default:
                report({
                    line: lineOf(parsed, path, lineOffset),
                    field,
                    message: issue.message,
                    hint: hintFor(issue),
                });
        }
    }
    return null;
}

function hintFor(issue: z.core.$ZodIssue): string {
    switch (issue.code) {
        case 'too_small':
            return issue.origin === 'array' ? 'add at least one entry' : 'write a value';
        case 'invalid_format':
            return issue.format === 'url'
                ? 'write the whole address, e.g. https://stcsm.sh.gov.cn/…'
                : 'follow the format shown in knowledge/README.md';
        case 'custom':
            // A refinement may say how to fix what it found.
            return typeof issue.params?.hint === 'string' ? issue.params.hint : 'see knowledge/README.md for this field';
        default:
            return 'see knowledge/README.md for this field';
    }
}

/** Fields of an organization card that staff sometimes put on a product card. */
const CONTACT_DETAILS: ReadonlySet<string> = new Set(['phones', 'phone', 'address', 'postcode', 'website', 'hours']);

/** Every key any of the schemas declares, for misspelling hints. */
export function collectKeys(schemas: readonly z.ZodType[]): Set<string> {
    const keys = new Set<string>();
    const seen = new Set<unknown>();
    const visit = (s: unknown): void => {
        if (!s || typeof s !== 'object' || seen.has(s)) return;
        seen.add(s);
        const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
        if (!def) return;
        if (def.shape && typeof def.shape === 'object') {
            for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
                keys.add(k);
                visit(v);
            }
        }
        for (const inner of ['innerType', 'element', 'in', 'out', 'schema']) visit(def[inner]);
        if (Array.isArray(def.options)) def.options.forEach(visit);
    };
    schemas.forEach(visit);
    return keys;
}
