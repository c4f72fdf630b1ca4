/**
 * `createMcpServer(deps)`: one MCP server over the shared knowledge service,
 * with the tools, resources and prompt registered. It holds no state of its
 * own, so stdio makes one per connection and HTTP one per request (SDK v2's
 * factory pattern, which serves the 2026-07-28 revision and 2025-era
 * `initialize` clients from the same instance code).
 *
 * Knowledge reloads are announced by the transports (see `announceReloads`),
 * not by every instance: a per-request HTTP instance lives for one exchange
 * and has no one to tell.
 */
import {
    fromJsonSchema,
    InMemoryTransport,
    McpServer,
    type CacheHint,
    type JSONRPCMessage,
    type jsonSchemaValidator,
    type StandardSchemaV1,
    type StandardSchemaWithJSON,
    type Tool,
    type Transport,
} from '@modelcontextprotocol/server';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';
import pkg from '../../package.json' with { type: 'json' };
import type { McpDeps } from './deps.ts';
import { registerFinancingConsultationPrompt } from './prompts.ts';
import { registerResources } from './resources.ts';
import { registerTools } from './tools/index.ts';
import { refineWireErrors } from './wire.ts';

/**
 * Largest number of array elements and object members in one call's
 * arguments: a profile has about forty, so this refuses only abuse.
 */
const MAX_TOOL_INPUT_ELEMENTS = 500;

/**
 * How long a client may keep a list or a card (2026-07-28 `ttlMs`). The tool
 * and prompt lists (and the discover answer) change only with the code, so every caller may share them
 * for a day; the resource lists and cards change with the knowledge, so they
 * are kept no longer than the watcher's periodic rescan (60 s), and the
 * knowledge version rides in `_meta` so a client can tell two apart.
 */
const CODE_TTL_MS = 24 * 60 * 60 * 1000;
export const KNOWLEDGE_TTL_MS = 60 * 1000;
const CACHE_HINTS: Record<
    'server/discover' | 'tools/list' | 'prompts/list' | 'resources/templates/list' | 'resources/list' | 'resources/read',
    CacheHint
> = {
    'server/discover': { ttlMs: CODE_TTL_MS, cacheScope: 'public' },
    'tools/list': { ttlMs: CODE_TTL_MS, cacheScope: 'public' },
    'prompts/list': { ttlMs: CODE_TTL_MS, cacheScope: 'public' },
    'resources/templates/list': { ttlMs: CODE_TTL_MS, cacheScope: 'public' },
    'resources/list': { ttlMs: KNOWLEDGE_TTL_MS, cacheScope: 'public' },
    'resources/read': { ttlMs: KNOWLEDGE_TTL_MS, cacheScope: 'public' },
};

const INSTRUCTIONS = [
    'kejin (科金助手) answers from a curated, sourced knowledge base of Shanghai sci-tech financing: ' +
        'credit products for tech SMEs, subsidies and risk-compensation policies, platforms, and the agencies to contact.',
    '- A firm asks what financing fits: call match_financing_products with every profile field you know (amounts in 万元).',
    '- A question about a named product, policy or agency: search_financing_knowledge, then get_financing_product for the whole card.',
    '- "Whom do we call?": get_financing_contacts.',
    'Cite the sources each answer gives; never invent amounts, rates or phone numbers the knowledge does not state.',
].join('\n');

/**
 * What many short-lived servers (HTTP: one per request) can share. Neither
 * part holds anything of one client: the validator checks only answers to
 * elicitation, and the tool definitions are fixed when the code is built.
 */
export interface SharedServerParts {
    /** One Ajv instance: building it is most of the cost of a bare SDK server. */
    readonly jsonSchemaValidator: jsonSchemaValidator;
    /** The `tools/list` answer, converted from the zod schemas once instead of on every list. */
    readonly tools: readonly Tool[];
    /** Each tool's input and output schema as listed, by tool name. */
    readonly inputSchemas: ReadonlyMap<string, Tool['inputSchema']>;
    readonly outputSchemas: ReadonlyMap<string, Tool['outputSchema']>;
    /**
     * Each tool's answer check, compiled once from the listed output schema
     * (Ajv): what a client validates `structuredContent` against. The SDK
     * would otherwise parse every answer with the zod schema, copying it
     * whole: a tenth of the CPU of a card request.
     */
    readonly outputChecks: ReadonlyMap<string, StandardSchemaWithJSON>;
}

/** Every transport the server is connected to (stdio, either HTTP era, in-memory) answers malformed requests briefly (see wire.ts). */
class KejinServer extends McpServer {
    /** The tools' input schemas as listed, when shared (see toolInputSchemaJson). */
    listedInputSchemas: ReadonlyMap<string, Tool['inputSchema']> | undefined;

    override connect(transport: Transport): Promise<void> {
        return super.connect(refineWireErrors(transport));
    }

    /**
     * The SDK's HTTP entry asks this before every 2026 `tools/call` (to find
     * `Mcp-Param` header declarations) and converts the zod schema on each new
     * instance: with one instance per request, a tenth of a cheap call. The
     * listed schema is the same JSON Schema.
     */
    override toolInputSchemaJson(name: string): Record<string, unknown> | undefined {
        return this.listedInputSchemas?.get(name) ?? super.toolInputSchemaJson(name);
    }
}

export interface McpServerOptions {
    /**
     * Answer `tools/list` with an empty list, which the HTTP front replaces
     * with the list it serialised once (see http.ts, `ToolListBodies`): the
     * SDK still checks the request and words the rest of the answer, but
     * does not serialise the same 43 KB on every request.
     */
    readonly emptyToolList?: boolean;
}

export function createMcpServer(deps: McpDeps, shared?: SharedServerParts, options: McpServerOptions = {}): McpServer {
    const server = new KejinServer(
        {
            name: 'kejin',
            title: '科金助手 kejin',
            version: pkg.version,
            description: 'Shanghai sci-tech financing knowledge: products, policies, contacts',
        },
        {
            capabilities: {
                tools: { listChanged: false },
                resources: { listChanged: true },
                prompts: { listChanged: false },
                completions: {},
                logging: {},
            },
            instructions: INSTRUCTIONS,
            maxToolInputElements: MAX_TOOL_INPUT_ELEMENTS,
            cacheHints: CACHE_HINTS,
            ...(shared ? { jsonSchemaValidator: shared.jsonSchemaValidator } : {}),
        },
    );
    const registered = registerTools(server, deps);
    if (shared) {
        server.listedInputSchemas = shared.inputSchemas;
        const tools = options.emptyToolList ? [] : shared.tools;
        server.server.setRequestHandler('tools/list', () => ({ tools: [...tools] }));
        // The SDK converts a tool's output schema to JSON Schema on its first call and keeps it on
        // the instance: per request that was a tenth of the CPU of a search. The listed one is the same.
        for (const [name, tool] of registered) {
            tool.outputSchemaJson = shared.outputSchemas.get(name);
            tool.outputSchema = shared.outputChecks.get(name) ?? tool.outputSchema;
        }
    }
    registerResources(server, deps);
    registerFinancingConsultationPrompt(server);
    server.server.onerror = (err) => deps.logger.warn({ err }, 'mcp protocol error');
    return server;
}

/**
 * Tells a connected 2025-era client (stdio, or an HTTP GET stream) that the
 * knowledge changed: `list_changed`, plus a log line with the new version.
 * On a 2026-07-28 stdio connection the SDK routes the same call onto the
 * client's `subscriptions/listen` stream. Returns the unsubscribe.
 */
export function announceReloads(server: McpServer, deps: McpDeps): () => void {
    return deps.service.subscribe((snapshot) => {
        if (!server.isConnected()) return;
        server.sendResourceListChanged();
        const data = { message: 'knowledge reloaded', version: snapshot.version, items: snapshot.items.size };
        // Deprecated by the 2026-07-28 revision (SEP-2577) but still what 2025 clients show.
        server
            .sendLoggingMessage({ level: 'info', logger: 'kejin', data })
            .catch((err: unknown) => deps.logger.debug({ err }, 'log notification not sent'));
    });
}

/**
 * Builds the shared parts once, asking a throw-away server for its tool list
 * through the SDK's own handler (raw JSON-RPC over the in-memory pair: the
 * list exactly as the server words it, and no client SDK to load).
 */
export async function createSharedServerParts(deps: McpDeps): Promise<SharedServerParts> {
    const mcp = createMcpServer(deps);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const answers = new Map<string | number, JSONRPCMessage>();
    const waiting = new Map<string | number, () => void>();
    clientSide.onmessage = (message) => {
        if (!('id' in message) || message.id === undefined || 'method' in message) return;
        answers.set(message.id, message);
        waiting.get(message.id)?.();
    };
    const ask = async (id: number, method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> => {
        const answered = new Promise<void>((resolve) => waiting.set(id, resolve));
        await clientSide.send({ jsonrpc: '2.0', id, method, params });
        await answered;
        const answer = answers.get(id)!;
        if (!('result' in answer)) throw new Error(`kejin: the MCP server refused ${method}: ${JSON.stringify(answer)}`);
        return answer.result;
    };
    await mcp.connect(serverSide);
    try {
        await clientSide.start();
        await ask(1, 'initialize', {
            protocolVersion: '2025-11-25',
            capabilities: {},
            clientInfo: { name: 'kejin-tool-list', version: pkg.version },
        });
        await clientSide.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
        const { tools } = (await ask(2, 'tools/list', {})) as { tools: Tool[] };
        const jsonSchemaValidator = new AjvJsonSchemaValidator();
        const outputChecks = new Map(
            tools.flatMap((t) => (t.outputSchema ? [[t.name, checkedOnce(fromJsonSchema(t.outputSchema, jsonSchemaValidator))] as const] : [])),
        );
        return {
            jsonSchemaValidator,
            tools,
            inputSchemas: new Map(tools.map((t) => [t.name, t.inputSchema])),
            outputSchemas: new Map(tools.map((t) => [t.name, t.outputSchema])),
            outputChecks,
        };
    } finally {
        await mcp.close();
    }
}

/**
 * The check, remembering the frozen answers it passed: an answer handed out
 * again (a card's, see tools/get-financing-product.ts) is the same object and
 * cannot have changed, so it is not checked again. A frozen answer is frozen
 * all through: every part of it is a frozen card's or frozen with it.
 */
function checkedOnce(schema: StandardSchemaWithJSON): StandardSchemaWithJSON {
    const passed = new WeakSet<object>();
    const standard = schema['~standard'];
    const remember = (value: unknown, result: StandardSchemaV1.Result<unknown>): StandardSchemaV1.Result<unknown> => {
        if (!result.issues && typeof value === 'object' && value !== null && Object.isFrozen(value)) passed.add(value);
        return result;
    };
    return {
        '~standard': {
            ...standard,
            validate: (value: unknown) => {
                if (typeof value === 'object' && value !== null && passed.has(value)) return { value };
                const result = standard.validate(value);
                return result instanceof Promise ? result.then((r) => remember(value, r)) : remember(value, result);
            },
        },
    } as StandardSchemaWithJSON;
}
