/**
 * The contract with the assistants that already use kejin: the tools' names,
 * input schemas, output schemas (the `structuredContent` fields) and
 * descriptions, the prompt and the resource templates, exactly as the v1 SDK
 * server advertised them (recorded in contract.json before the move to SDK
 * v2). A change here is a change every connected assistant sees: make it on
 * purpose and record it anew.
 *
 * Two differences are the SDK's, not kejin's, and are left out of the
 * comparison: the schemas' `$schema` dialect (v1 wrote draft-07; v2 writes
 * JSON Schema 2020-12, the default dialect of the current spec, with the same
 * keywords) and v1's `execution: { taskSupport: 'forbidden' }` (the tasks
 * vocabulary is deprecated; leaving it out means the same).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeService, type KnowledgeService } from '../../src/core/service.ts';
import { connectInMemory } from '../helpers/mcp.ts';
import { SHIPPED_KNOWLEDGE } from '../helpers/paths.ts';

/** Drops what the SDK alone decides (see above) and fields whose value is undefined. */
function contractOf(value: unknown): unknown {
    return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === '$schema' || key === 'execution' ? undefined : v));
}

const pinned = JSON.parse(readFileSync(new URL('./contract.json', import.meta.url), 'utf8')) as Record<string, unknown[]>;

let service: KnowledgeService;
let conn: Awaited<ReturnType<typeof connectInMemory>>;

beforeAll(async () => {
    service = await createKnowledgeService({ dir: SHIPPED_KNOWLEDGE });
    conn = await connectInMemory(service);
});
afterAll(async () => {
    await conn.close();
    await service.close();
});

describe('the advertised contract', () => {
    it('lists the same tools, with the same schemas and descriptions, in the same order', async () => {
        const { tools } = await conn.client.listTools();
        expect(contractOf(tools)).toEqual(contractOf(pinned.tools));
        for (const tool of tools) expect(tool.inputSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    });

    it('lists the same prompt and resource templates', async () => {
        expect(contractOf((await conn.client.listPrompts()).prompts)).toEqual(contractOf(pinned.prompts));
        expect(contractOf((await conn.client.listResourceTemplates()).resourceTemplates)).toEqual(contractOf(pinned.resourceTemplates));
    });
});
