/**
 * server.json, kejin's entry for the official MCP registry, agrees with
 * package.json and has the fields the registry's 2025-12-11 schema requires,
 * in its shapes. (The official schema file ships in no npm package and is
 * not fetched at test time, so the rules are restated here, for the fields
 * kejin uses.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../src/config.ts';

const read = (file: string) => JSON.parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as Record<string, unknown>;

const input = z.strictObject({
    name: z.string().optional(),
    description: z.string().min(1),
    isRequired: z.boolean().optional(),
    isSecret: z.boolean().optional(),
    format: z.enum(['string', 'number', 'boolean', 'filepath']).optional(),
    default: z.string().optional(),
});
const serverJson = z.strictObject({
    $schema: z.literal('https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json'),
    name: z
        .string()
        .regex(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/)
        .max(200),
    title: z.string().min(1).max(100).optional(),
    description: z.string().min(1).max(100),
    version: z.string().regex(/^\d+\.\d+\.\d+/),
    packages: z.array(
        z.strictObject({
            registryType: z.literal('npm'),
            registryBaseUrl: z.literal('https://registry.npmjs.org'),
            identifier: z.string(),
            version: z.string(),
            runtimeHint: z.string().optional(),
            transport: z.strictObject({ type: z.literal('stdio') }),
            packageArguments: z.array(z.strictObject({ type: z.literal('positional'), value: z.string() })),
            environmentVariables: z.array(input.extend({ name: z.string().regex(/^[A-Z][A-Z0-9_]*$/) })),
        }),
    ),
    remotes: z.array(
        z.strictObject({
            type: z.literal('streamable-http'),
            url: z.string().regex(/^https:\/\/\{host\}\/mcp$/),
            variables: z.record(z.string(), input.omit({ name: true })),
            headers: z.array(input.extend({ name: z.string() })),
        }),
    ),
});

describe('server.json', () => {
    const server = read('server.json');
    const pkg = read('package.json') as { name: string; version: string; mcpName: string; bin: Record<string, string> };

    it("has the registry schema's fields and shapes", () => {
        const parsed = serverJson.safeParse(server);
        expect(parsed.error?.issues ?? []).toEqual([]);
    });

    it('agrees with package.json: name, version, the npm package and the command it starts', () => {
        const parsed = serverJson.parse(server);
        expect(parsed.name).toBe(pkg.mcpName);
        expect(parsed.version).toBe(pkg.version);
        const [npm] = parsed.packages;
        expect(npm).toMatchObject({ identifier: pkg.name, version: pkg.version });
        // npx kejin mcp: the package's one bin, with the stdio subcommand.
        expect(Object.keys(pkg.bin)).toEqual([pkg.name]);
        expect(npm!.packageArguments).toEqual([{ type: 'positional', value: 'mcp' }]);
    });
});
