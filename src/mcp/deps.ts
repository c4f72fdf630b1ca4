/**
 * What the MCP front needs from the process that starts it. In a module of
 * its own so that the tools, resources and transports can name it without
 * importing server.ts, which imports them (issue 22: a type-only circle).
 */
import type { Logger } from 'pino';
import type { QuestionLog } from '../core/insights/log.ts';
import type { KnowledgeService } from '../core/service.ts';

export interface McpDeps {
    readonly service: KnowledgeService;
    readonly logger: Logger;
    /** Where unconfident searches go for the staff report (issue 13); none: nothing is logged. */
    readonly questionLog?: QuestionLog;
}
