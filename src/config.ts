/**
 * The one reader of `process.env`. Everything else receives a typed `Config`.
 * `.env.example` documents every variable; keep the two in step.
 */
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { isLoopback } from './allowed-hosts.ts';
import { PROJECT_ROOT } from './root.ts';

const optionalText = z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .optional();

const port = z.coerce.number().int().min(0).max(65_535);

/** What getMe answers, preset so that a restart does not call it; `kejin bot --set-webhook` prints it. */
const botInfo = optionalText
    .transform((text, ctx) => {
        if (text === undefined) return undefined;
        try {
            return JSON.parse(text) as unknown;
        } catch {
            ctx.addIssue({ code: 'custom', message: 'must be the JSON object getMe returns (kejin bot --set-webhook prints the line to use)' });
            return z.NEVER;
        }
    })
    .pipe(z.looseObject({ id: z.number().int().positive(), is_bot: z.literal(true), first_name: z.string(), username: z.string() }).optional());

export const configSchema = z.object({
    KNOWLEDGE_DIR: z.string().default(path.join(PROJECT_ROOT, 'knowledge')),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEFAULT_LANG: z.enum(['zh', 'en']).default('zh'),
    KNOWLEDGE_RESCAN_SECONDS: z.coerce.number().min(0).default(60),
    KNOWLEDGE_PULL_INTERVAL: z.coerce.number().int().min(0).default(0),
    /** `kejin check` and `kejin report` list a card whose newest dated source is older than this many months. */
    STALE_MONTHS: z.coerce.number().int().positive().default(18),

    TELEGRAM_BOT_TOKEN: optionalText,
    TELEGRAM_API_ROOT: z
        .url()
        .optional()
        .or(z.literal('').transform(() => undefined)),
    WEBHOOK_URL: z
        .url()
        .optional()
        .or(z.literal('').transform(() => undefined)),
    WEBHOOK_SECRET: optionalText,
    WEBHOOK_HOST: z.string().default('127.0.0.1'),
    WEBHOOK_PORT: port.default(8080),
    WEBHOOK_MAX_BODY_BYTES: z.coerce
        .number()
        .int()
        .positive()
        .default(256 * 1024),
    DATA_DIR: z.string().default(path.join(PROJECT_ROOT, 'data')),
    BOT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    TELEGRAM_BOT_INFO: botInfo,
    SESSION_TTL_DAYS: z.coerce.number().positive().default(180),

    MCP_HTTP_HOST: z.string().default('127.0.0.1'),
    MCP_HTTP_PORT: port.default(3000),
    MCP_AUTH_TOKEN: optionalText,
    MCP_ALLOWED_HOSTS: optionalText,
    MCP_MAX_BODY_BYTES: z.coerce
        .number()
        .int()
        .positive()
        .default(256 * 1024),

    /** `kejin web` / `kejin serve`: the chat page (and with serve, /mcp) on one port. */
    WEB_HOST: z.string().default('127.0.0.1'),
    WEB_PORT: port.default(8090),
    /** Host (and Origin) values accepted, comma-separated; default: the loopback names with the port. */
    WEB_ALLOWED_HOSTS: optionalText,
    /** A TLS proxy in front: trust its X-Forwarded-Proto and X-Forwarded-For (Secure cookies, per-IP limits). */
    WEB_TRUST_PROXY: z
        .enum(['on', 'off', 'true', 'false', '1', '0', ''])
        .default('off')
        .transform((v) => v === 'on' || v === 'true' || v === '1'),
    WEB_MAX_BODY_BYTES: z.coerce
        .number()
        .int()
        .positive()
        .default(16 * 1024),
    /** Messages and button presses one browser session may send per minute. */
    WEB_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
    /** Requests one address may make per minute (pages and messages; a WeChat group behind one NAT shares it). */
    WEB_IP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),

    REDIS_URL: optionalText.pipe(
        z
            .string()
            .regex(/^(rediss?|unix):\/\//, 'must start with redis://, rediss:// or unix://')
            .optional(),
    ),
    KEJIN_REDIS_PREFIX: z.string().min(1).default('kejin:'),

    QUESTION_LOG: z.enum(['on', 'off']).default('on'),
    QUESTION_LOG_MAX_ENTRIES: z.coerce.number().int().positive().default(50_000),
    QUESTION_LOG_RETENTION_DAYS: z.coerce.number().int().positive().default(180),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
    override name = 'ConfigError';
}

/**
 * Pure: validates an environment-like record. A variable that is empty or
 * blank counts as unset, so that its default applies: `.env.example` copied
 * as it is holds `KNOWLEDGE_DIR=`, which must not mean the current folder.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
    const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
    const result = configSchema.safeParse(set);
    if (!result.success) {
        const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
        throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`, { cause: result.error });
    }
    return result.data;
}

/** Reads `.env` (without overriding the real environment), then validates. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): Config {
    loadDotenv({ quiet: true, path: path.join(process.cwd(), '.env') });
    return parseConfig({ ...process.env, ...overrides });
}

// ---- rules across variables, asked where a mode starts -----------------------
// Not refinements of the schema: a variable one mode needs must not stop
// every other command (`kejin check` with WEBHOOK_URL set and no secret).

/** A `--port N` argument (kejin mcp --http, kejin web, kejin serve), or `fallback` without one. */
export function portArgument(text: string | undefined, fallback: number): number {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value > 65_535) throw new ConfigError(`kejin: --port must be a whole number from 0 to 65535, not "${text}"`);
    return value;
}

/** A comma-separated list of host names (MCP_ALLOWED_HOSTS, WEB_ALLOWED_HOSTS); undefined when unset. */
export function hostList(text: string | undefined): string[] | undefined {
    return text
        ?.split(',')
        .map((h) => h.trim())
        .filter(Boolean);
}

export interface WebhookSettings {
    readonly url: string;
    readonly secret: string;
    /** The path of WEBHOOK_URL, where the server takes Telegram's calls. */
    readonly path: string;
}

/**
 * Webhook mode needs WEBHOOK_URL and a WEBHOOK_SECRET, so that only Telegram
 * can post updates; the secret travels in a header, which allows only
 * A-Z, a-z, 0-9, _ and - (Telegram's rule for `secret_token`).
 */
export function webhookSettings(config: Config): WebhookSettings {
    if (!config.WEBHOOK_URL) throw new ConfigError('kejin: webhook mode needs WEBHOOK_URL');
    if (!config.WEBHOOK_SECRET) throw new ConfigError('kejin: WEBHOOK_SECRET is required with WEBHOOK_URL, so that only Telegram can post updates');
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(config.WEBHOOK_SECRET))
        throw new ConfigError('kejin: WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and - (1 to 256 characters)');
    return { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, path: new URL(config.WEBHOOK_URL).pathname };
}

/** `kejin serve` binds /mcp beside the page: beyond loopback it needs MCP_AUTH_TOKEN, as `kejin mcp --http` does. */
export function checkServeToken(config: Config): void {
    if (!isLoopback(config.WEB_HOST) && !config.MCP_AUTH_TOKEN) {
        throw new ConfigError(
            `kejin: MCP_AUTH_TOKEN is required when kejin serve binds beyond loopback (WEB_HOST=${config.WEB_HOST}); set a long random token, or use kejin web`,
        );
    }
}

/** What to warn of when a server binds beyond loopback and no allowed host names are listed; undefined when all is well. */
export function allowedHostsWarning(config: Config, server: 'mcp' | 'web'): string | undefined {
    const [listed, host] = server === 'mcp' ? [config.MCP_ALLOWED_HOSTS, config.MCP_HTTP_HOST] : [config.WEB_ALLOWED_HOSTS, config.WEB_HOST];
    if (listed || isLoopback(host)) return undefined;
    return server === 'mcp'
        ? 'MCP_ALLOWED_HOSTS is empty: only requests addressed to localhost, 127.0.0.1 or this address are accepted; list the names clients use'
        : 'WEB_ALLOWED_HOSTS is empty: only requests addressed to localhost, 127.0.0.1 or this address are accepted; list the public name of the site';
}

export { PROJECT_ROOT };
