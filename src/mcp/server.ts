/**
 * `createMcpServer(deps)`: one MCP server over the shared knowledge service,
 * with the tools, resources and prompt registered. It holds no state of its
 * own, so stdio makes one per process and stateless HTTP one per request.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import type { Logger } from 'pino';
import pkg from '../../package.json' with { type: 'json' };
import type { QuestionLog } from '../core/insights/log.ts';
import type { KnowledgeService } from '../core/service.ts';
import { registerFinancingConsultationPrompt } from './prompts.ts';
import { registerResources } from './resources.ts';
import { registerTools } from './tools/index.ts';

export interface McpDeps {
    readonly service: KnowledgeService;
    readonly logger: Logger;
    /** Where unconfident searches go for the staff report (issue 13); none: nothing is logged. */
    readonly questionLog?: QuestionLog;
}

export interface KejinMcpServer {
    readonly server: McpServer;
    /** Stops listening for snapshot changes and closes the transport. */
    close(): Promise<void>;
}

/**
 * Largest number of array elements and object members in one call's
 * arguments: a profile has about forty, so this refuses only abuse.
 */
const MAX_TOOL_INPUT_ELEMENTS = 500;

const INSTRUCTIONS = `kejin (科金助手) answers from a curated, sourced knowledge base of Shanghai sci-tech financing: credit products for tech SMEs, subsidies and risk-compensation policies, platforms, and the agencies to contact.
- A firm asks what financing fits: call match_financing_products with every profile field you know (amounts in 万元).
- A question about a named product, policy or agency: search_financing_knowledge, then get_financing_product for the whole card.
- "Whom do we call?": get_financing_contacts.
Cite the sources each answer gives; never invent amounts, rates or phone numbers the knowledge does not state.`;

/**
 * What many short-lived servers (stateless HTTP: one per request) can share.
 * Neither part holds anything of one client: the validator is used only to
 * check answers to elicitation, which kejin never asks for, and the tool
 * definitions are fixed when the code is built.
 */
export interface SharedServerParts {
    /** One Ajv instance: building it is most of the cost of a bare SDK server. */
    readonly jsonSchemaValidator: jsonSchemaValidator;
    /** The `tools/list` answer, converted from the zod schemas once instead of on every list. */
    readonly tools: readonly Tool[];
}

export function createMcpServer(deps: McpDeps, shared?: SharedServerParts): KejinMcpServer {
    const server = new McpServer(
        { name: 'kejin', title: '科金助手 kejin', version: pkg.version, description: 'Shanghai sci-tech financing knowledge: products, policies, contacts' },
        {
            capabilities: { tools: {}, resources: { listChanged: true }, prompts: {}, completions: {}, logging: {} },
            instructions: INSTRUCTIONS,
            maxToolInputElements: MAX_TOOL_INPUT_ELEMENTS,
            ...(shared ? { jsonSchemaValidator: shared.jsonSchemaValidator } : {}),
        },
    );
    registerTools(server, deps);
    if (shared) {
        const tools = shared.tools;
        server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...tools] }));
    }
    registerResources(server, deps);
    registerFinancingConsultationPrompt(server);
    server.server.onerror = (err) => deps.logger.warn({ err }, 'mcp protocol error');
    const unsubscribe = deps.service.subscribe((snapshot) => {
        if (!server.isConnected()) return;
        server.sendResourceListChanged();
        const data = { message: 'knowledge reloaded', version: snapshot.version, items: snapshot.items.size };
        server.sendLoggingMessage({ level: 'info', logger: 'kejin', data }).catch((err: unknown) => deps.logger.debug({ err }, 'log notification not sent'));
    });
    return {
        server,
        close: async () => {
            unsubscribe();
            await server.close();
        },
    };
}

/** Builds the shared parts once, asking a throw-away server for its tool list through the SDK's own handler. */
export async function createSharedServerParts(deps: McpDeps): Promise<SharedServerParts> {
    const jsonSchemaValidator = new AjvJsonSchemaValidator();
    const mcp = createMcpServer(deps);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await mcp.server.connect(serverSide);
    const client = new Client({ name: 'kejin-tool-list', version: pkg.version }, { jsonSchemaValidator });
    try {
        await client.connect(clientSide);
        const { tools } = await client.listTools();
        return { jsonSchemaValidator, tools };
    } finally {
        await client.close();
        await mcp.close();
    }
}
