/**
 * Tool failures as results the model can act on (MCP 2025-11-25: execution
 * and argument errors are `isError` results, not protocol errors): an unknown
 * id names the closest ids, a bad profile names each field and its allowed
 * values. Anything unexpected is logged and answered without internals.
 */
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { Logger } from 'pino';
import { NotFoundError } from '../core/errors.ts';
import { ProfileError } from '../core/match/profile.ts';
import type { Lang } from '../core/vocabulary.ts';
import { notFoundText } from './format.ts';
import { wellFormed, wellFormedText } from './wire.ts';

/** A successful answer: readable Markdown plus the structured data, never with half a character. */
export function toolResult(text: string, structured: Record<string, unknown>): CallToolResult {
    return { content: [{ type: 'text', text: wellFormedText(text) }], structuredContent: wellFormed(structured) };
}

function errorResult(text: string): CallToolResult {
    return { content: [{ type: 'text', text: wellFormedText(text) }], isError: true };
}

/** Runs one tool call; the errors the core throws on bad input become `isError` results. */
export function respond(logger: Logger, lang: Lang, run: () => CallToolResult): CallToolResult {
    try {
        return run();
    } catch (err) {
        if (err instanceof NotFoundError) return errorResult(notFoundText(err.id, err.suggestions, lang));
        if (err instanceof ProfileError) return errorResult(profileErrorText(err, lang));
        logger.error({ err }, 'mcp tool call failed');
        return errorResult(
            lang === 'zh' ? 'kejin 内部错误，未能完成这次查询；请稍后再试。' : 'kejin hit an internal error and could not answer; try again later.',
        );
    }
}

function profileErrorText(err: ProfileError, lang: Lang): string {
    const lines = err.issues.map((i) => `- ${i.path ? `${i.path}: ` : ''}${i.message}`);
    const head = lang === 'zh' ? '企业画像有误，请更正后再调用：' : 'The firm profile is not valid; correct it and call again:';
    return [head, ...lines].join('\n');
}
