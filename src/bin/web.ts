/**
 * `kejin web`: the chat page on WEB_HOST:WEB_PORT. `kejin serve`: the same
 * page and the MCP endpoint (`/mcp`) in one process on one port, so that an
 * instance of a deployment is one process. Sessions are the bot's (files
 * under DATA_DIR, or Redis with REDIS_URL, as are the rate limits), so that
 * several instances behind a load balancer serve one conversation.
 */
import { parseArgs } from 'node:util';
import type { BotDeps } from '../bot/runtime/context.ts';
import { defaultAllowedHosts } from '../allowed-hosts.ts';
import { allowedHostsWarning, checkServeToken, hostList, portArgument } from '../config.ts';
import { createRedis } from '../core/infra/redis.ts';
import { memoryLimiter, redisLimiter } from '../web/limit.ts';
import { mountMcp, type McpMount } from '../web/mcp-mount.ts';
import { startWebServer } from '../web/server.ts';
import { createWebStores } from '../web/stores.ts';
import { stopSignal } from './stop-signal.ts';

const USAGE = `kejin web [--port N]     the chat page on WEB_HOST:WEB_PORT (default 127.0.0.1:8090)
kejin serve [--port N]   the chat page and the MCP endpoint /mcp on one port (= kejin web --mcp)
`;

export async function main(argv: string[], deps: BotDeps): Promise<void> {
    const { values } = parseArgs({
        args: argv,
        options: { port: { type: 'string' }, mcp: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
        strict: true,
        allowPositionals: false,
    });
    const options = { withMcp: values.mcp === true };
    if (values.help) {
        process.stdout.write(USAGE);
        return;
    }
    const { config, logger, service } = deps;
    const port = portArgument(values.port, config.WEB_PORT);
    if (options.withMcp) checkServeToken(config);
    const redis = config.REDIS_URL
        ? createRedis({ url: config.REDIS_URL, prefix: config.KEJIN_REDIS_PREFIX, logger, connectionName: 'kejin-web' })
        : undefined;
    const stores = createWebStores(
        redis ? { redis, prefix: config.KEJIN_REDIS_PREFIX, ttlDays: config.SESSION_TTL_DAYS } : { dataDir: config.DATA_DIR },
        logger,
    );
    const allowedHosts = hostList(config.WEB_ALLOWED_HOSTS);
    let mcp: McpMount | undefined;
    try {
        if (options.withMcp) {
            mcp = await mountMcp(deps, {
                ...(config.MCP_AUTH_TOKEN ? { token: config.MCP_AUTH_TOKEN } : {}),
                maxBodyBytes: config.MCP_MAX_BODY_BYTES,
            });
        }
        const web = await startWebServer(
            {
                service,
                logger,
                ...(deps.questionLog ? { questionLog: deps.questionLog } : {}),
                ...(deps.feedback ? { feedback: deps.feedback } : {}),
                ...stores,
                limiter: redis ? redisLimiter(redis, config.KEJIN_REDIS_PREFIX) : memoryLimiter(),
                ...(mcp ? { mcp: mcp.handle } : {}),
            },
            {
                host: config.WEB_HOST,
                port,
                ...(allowedHosts ? { allowedHosts } : {}),
                trustProxy: config.WEB_TRUST_PROXY,
                maxBodyBytes: config.WEB_MAX_BODY_BYTES,
                sessionRatePerMinute: config.WEB_RATE_LIMIT_PER_MINUTE,
                ipRatePerMinute: config.WEB_IP_RATE_LIMIT_PER_MINUTE,
                sessionTtlDays: config.SESSION_TTL_DAYS,
                defaultLang: config.DEFAULT_LANG,
            },
        );
        // The MCP endpoint checks Host too, against the same names as the page: the public ones, or
        // the loopback names (and the bound address) with the port now known.
        mcp?.setAllowedHosts(allowedHosts ?? defaultAllowedHosts(config.WEB_HOST, web.port));
        const snapshot = service.snapshot();
        logger.info(
            { url: web.url, mcp: Boolean(mcp), redis: Boolean(redis), version: snapshot.version, items: snapshot.items.size },
            `kejin web chat listening on ${web.url}${mcp ? ` (MCP at ${web.url}mcp)` : ''}`,
        );
        const warning = allowedHostsWarning(config, 'web');
        if (warning) logger.warn(warning);
        const reason = await stopSignal();
        logger.info({ reason }, 'kejin web stopping');
        await web.close();
    } finally {
        await mcp?.close();
        await redis?.quit().catch(() => undefined);
    }
}
