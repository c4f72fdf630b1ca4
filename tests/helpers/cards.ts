/**
 * The card builder: a card's Markdown from its fields, so that a test writes
 * the fields it is about and the builder the rest (front matter as YAML, the
 * body after it). `productCard` fills in what the checker asks of every
 * product, citing one source, `s1`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';

export interface CardFields {
    readonly id: string;
    readonly kind: 'product' | 'policy' | 'organization';
    readonly name: string;
    /** The Markdown after the front matter. */
    readonly body: string;
    readonly [field: string]: unknown;
}

const FOLDERS = { product: 'products', policy: 'policies', organization: 'organizations' } as const;

/** The card's Markdown: front matter in the order given, then the body. */
export function cardMarkdown({ body, ...fields }: CardFields): string {
    return `---\n${YAML.stringify(fields, { lineWidth: 0 })}---\n${body}\n`;
}

/** Writes the card where the loader looks for its kind; returns the file's path inside `dir`. */
export async function writeCard(dir: string, card: CardFields): Promise<string> {
    const file = path.join(FOLDERS[card.kind], `${card.id}.md`);
    await mkdir(path.join(dir, FOLDERS[card.kind]), { recursive: true });
    await writeFile(path.join(dir, file), cardMarkdown(card));
    return file;
}

/** A valid product card named `name`, with `fields` over the defaults; its contact is the shipped stcsm. */
export function productCard(fields: { id: string; name: string } & Record<string, unknown>): CardFields {
    const { id, name, ...rest } = fields;
    return {
        id,
        kind: 'product',
        name,
        name_en: `${id} (test)`,
        summary: { zh: `${name}，测试用的产品。`, en: 'A product made for a test.' },
        needs: ['credit-loan'],
        contacts: ['stcsm'],
        sources: [{ key: 's1', title: '测试来源', url: 'https://example.org/test' }],
        last_verified: '2026-11-01',
        body: `${name}，测试用的产品。`,
        ...rest,
    };
}
