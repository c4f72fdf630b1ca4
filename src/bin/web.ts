/**
 * `kejin web`: the chat page on WEB_HOST:WEB_PORT. `kejin serve`: the same
 * page and the MCP endpoint (`/mcp`) in one process on one port, so that an
 * instance of a deployment is one process. Sessions are the bot's (files
 * under DATA_DIR, or Redis with REDIS_URL, as are the rate limits), so that
 * several instances behind a load balancer serve one conversation.
 */
import { parseArgs } from 'node:util';
import type { BotDeps } from '../bot/runtime/context.ts';
import { ConfigError } from '../config.ts';
import { createRedis } from '../core/infra/redis.ts';
import { isLoopback } from '../web/guard.ts';
import { memoryLimiter, redisLimiter } from '../web/limit.ts';
import { mountMcp, type McpMount } from '../web/mcp-mount.ts';
import { startWebServer } from '../web/server.ts';
import { createWebStores } from '../web/stores.ts';

const USAGE = `kejin web [--port N]     the chat page on WEB_HOST:WEB_PORT (default 127.0.0.1:8080)
kejin serve [--port N]   the chat page and the MCP endpoint /mcp on one port (= kejin web --mcp)
`;

export async function main(argv: string[], deps: BotDeps): Promise<void> {
    const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, mcp: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    const options = { withMcp: values.mcp === true };
    if (values.help) {
        process.stdout.write(USAGE);
        return;
    }
    const { config, logger, service } = deps;
    const port = values.port === undefined ? config.WEB_PORT : parsePort(values.port);
    if (options.withMcp && !isLoopback(config.WEB_HOST) && !config.MCP_AUTH_TOKEN) {
        throw new ConfigError(`kejin: MCP_AUTH_TOKEN is required when kejin serve binds beyond loopback (WEB_HOST=${config.WEB_HOST}); set a long random token, or use kejin web`);
    }
    const redis = config.REDIS_URL ? createRedis({ url: config.REDIS_URL, prefix: config.KEJIN_REDIS_PREFIX, logger, connectionName: 'kejin-web' }) : undefined;
    const stores = createWebStores(redis ? { redis, prefix: config.KEJIN_REDIS_PREFIX, ttlDays: config.SESSION_TTL_DAYS } : { dataDir: config.DATA_DIR }, logger);
    const allowedHosts = config.WEB_ALLOWED_HOSTS?.split(',').map((h) => h.trim()).filter(Boolean);
    let mcp: McpMount | undefined;
    try {
        if (options.withMcp) {
            mcp = await mountMcp(deps, { ...(config.MCP_AUTH_TOKEN ? { token: config.MCP_AUTH_TOKEN } : {}), maxBodyBytes: config.MCP_MAX_BODY_BYTES });
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
                ...(config.WEB_ALLOWED_HOSTS ? { allowedHosts: config.WEB_ALLOWED_HOSTS } : {}),
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
        const bound = isLoopback(config.WEB_HOST) || config.WEB_HOST === '0.0.0.0' || config.WEB_HOST === '::' ? [] : [config.WEB_HOST.includes(':') ? `[${config.WEB_HOST}]` : config.WEB_HOST];
        mcp?.setAllowedHosts(allowedHosts ?? ['localhost', '127.0.0.1', '[::1]', ...bound].map((n) => `${n}:${web.port}`));
        const snapshot = service.snapshot();
        logger.info({ url: web.url, mcp: Boolean(mcp), redis: Boolean(redis), version: snapshot.version, items: snapshot.items.size }, `kejin web chat listening on ${web.url}${mcp ? ` (MCP at ${web.url}mcp)` : ''}`);
        if (!config.WEB_ALLOWED_HOSTS && !isLoopback(config.WEB_HOST)) {
            logger.warn('WEB_ALLOWED_HOSTS is empty: only requests addressed to localhost, 127.0.0.1 or this address are accepted; list the public name of the site');
        }
        const reason = await Promise.race([signal('SIGINT'), signal('SIGTERM')]);
        logger.info({ reason }, 'kejin web stopping');
        await web.close();
    } finally {
        await mcp?.close();
        await redis?.quit().catch(() => undefined);
    }
}

function parsePort(text: string): number {
    const port = Number(text);
    if (!/^\d+$/.test(text) || port > 65_535) throw new ConfigError(`kejin: --port must be a whole number from 0 to 65535, not "${text}"`);
    return port;
}

function signal(name: NodeJS.Signals): Promise<string> {
    return new Promise((resolve) => process.once(name, () => resolve(name)));
}
