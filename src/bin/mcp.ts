/**
 * `kejin mcp [--http] [--port N]`: the MCP server over stdio (default) or
 * stateless Streamable HTTP. The caller (kejin.ts) has loaded the config,
 * made the stderr logger and the watching knowledge service; this wires the
 * transport and shuts everything down on SIGINT/SIGTERM or when the stdio
 * client goes away.
 */
import { parseArgs } from 'node:util';
import { allowedHostsWarning, ConfigError, hostList, portArgument, type Config } from '../config.ts';
import type { QuestionLog } from '../core/insights/log.ts';
import type { KnowledgeService } from '../core/service.ts';
import type { Logger } from '../logger.ts';
import { stopSignal } from './stop-signal.ts';

export interface McpMainDeps {
    readonly config: Config;
    readonly logger: Logger;
    readonly service: KnowledgeService;
    readonly questionLog?: QuestionLog;
}

export async function main(argv: string[], deps: McpMainDeps): Promise<void> {
    const { values } = parseArgs({
        args: argv,
        options: { http: { type: 'boolean', default: false }, port: { type: 'string' } },
        strict: true,
        allowPositionals: false,
    });
    const running = await start(values, deps).catch(async (err: unknown) => {
        await deps.service.close(); // the watcher must not keep a failed start alive
        throw err;
    });
    const reason = await Promise.race([running.ended.then(() => 'stdin closed'), stopSignal()]);
    deps.logger.info({ reason }, 'kejin MCP server stopping');
    await Promise.allSettled([running.close(), deps.service.close()]);
}

interface Running {
    /** Resolves when the server has nothing more to serve (stdio client gone); never for HTTP. */
    readonly ended: Promise<void>;
    close(): Promise<void>;
}

async function start(values: { http: boolean; port?: string }, deps: McpMainDeps): Promise<Running> {
    const { config, logger, service } = deps;
    const knowledge = { version: service.snapshot().version, items: service.snapshot().items.size };
    if (!values.http) {
        if (values.port !== undefined) throw new ConfigError('kejin: --port needs --http (stdio has no port)');
        // Each transport is loaded only when used: stdio never needs the HTTP adapter (hono, the node bridge), a cold start the client waits for.
        const { startStdioServer } = await import('../mcp/stdio.ts');
        const stdio = await startStdioServer(deps);
        logger.info(knowledge, 'kejin MCP server on stdio');
        return stdio;
    }
    const { startHttpServer } = await import('../mcp/http.ts');
    const http = await startHttpServer(deps, {
        host: config.MCP_HTTP_HOST,
        port: portArgument(values.port, config.MCP_HTTP_PORT),
        token: config.MCP_AUTH_TOKEN,
        allowedHosts: hostList(config.MCP_ALLOWED_HOSTS),
        maxBodyBytes: config.MCP_MAX_BODY_BYTES,
    });
    logger.info({ url: http.url, auth: Boolean(config.MCP_AUTH_TOKEN), ...knowledge }, `kejin MCP server listening on ${http.url}`);
    const warning = allowedHostsWarning(config, 'mcp');
    if (warning) logger.warn(warning);
    return { ended: new Promise(() => undefined), close: () => http.close() };
}
