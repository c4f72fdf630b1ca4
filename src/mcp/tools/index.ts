import type { McpServer, RegisteredTool } from '@modelcontextprotocol/server';
import type { McpDeps } from '../deps.ts';
import { name as contactsName, registerGetFinancingContactsTool } from './get-financing-contacts.ts';
import { name as productName, registerGetFinancingProductTool } from './get-financing-product.ts';
import { name as listName, registerListFinancingProductsTool } from './list-financing-products.ts';
import { name as matchName, registerMatchFinancingProductsTool } from './match-financing-products.ts';
import { name as searchName, registerSearchFinancingKnowledgeTool } from './search-financing-knowledge.ts';

/** Registers the five tools, in the order tools/list shows them; returns them by name. */
export function registerTools(server: McpServer, deps: McpDeps): Map<string, RegisteredTool> {
    return new Map([
        [searchName, registerSearchFinancingKnowledgeTool(server, deps)],
        [matchName, registerMatchFinancingProductsTool(server, deps)],
        [productName, registerGetFinancingProductTool(server, deps)],
        [listName, registerListFinancingProductsTool(server, deps)],
        [contactsName, registerGetFinancingContactsTool(server, deps)],
    ]);
}
