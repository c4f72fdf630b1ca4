/**
 * `createMcpServer(deps)`: one MCP server over the shared knowledge service,
 * with the tools, resources and prompt registered. It holds no state of its
 * own, so stdio makes one per process and stateless HTTP one per request.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
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

export function createMcpServer(deps: McpDeps): KejinMcpServer {
    const server = new McpServer(
        { name: 'kejin', title: '科金助手 kejin', version: pkg.version, description: 'Shanghai sci-tech financing knowledge: products, policies, contacts' },
        { capabilities: { tools: {}, resources: { listChanged: true }, prompts: {}, completions: {}, logging: {} }, instructions: INSTRUCTIONS, maxToolInputElements: MAX_TOOL_INPUT_ELEMENTS },
    );
    registerTools(server, deps);
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
