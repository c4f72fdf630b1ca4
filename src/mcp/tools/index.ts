import type { McpServer } from '@modelcontextprotocol/server';
import type { McpDeps } from '../server.ts';
import { registerGetFinancingContactsTool } from './get-financing-contacts.ts';
import { registerGetFinancingProductTool } from './get-financing-product.ts';
import { registerListFinancingProductsTool } from './list-financing-products.ts';
import { registerMatchFinancingProductsTool } from './match-financing-products.ts';
import { registerSearchFinancingKnowledgeTool } from './search-financing-knowledge.ts';

export function registerTools(server: McpServer, deps: McpDeps): void {
    registerSearchFinancingKnowledgeTool(server, deps);
    registerMatchFinancingProductsTool(server, deps);
    registerGetFinancingProductTool(server, deps);
    registerListFinancingProductsTool(server, deps);
    registerGetFinancingContactsTool(server, deps);
}
