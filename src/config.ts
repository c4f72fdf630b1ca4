/**
 * The one reader of `process.env`. Everything else receives a typed `Config`.
 * `.env.example` documents every variable; keep the two in step.
 */
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
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
    TELEGRAM_API_ROOT: z.url().optional().or(z.literal('').transform(() => undefined)),
    WEBHOOK_URL: z.url().optional().or(z.literal('').transform(() => undefined)),
    WEBHOOK_SECRET: optionalText,
    WEBHOOK_HOST: z.string().default('127.0.0.1'),
    WEBHOOK_PORT: port.default(8080),
    WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().positive().default(256 * 1024),
    DATA_DIR: z.string().default(path.join(PROJECT_ROOT, 'data')),
    BOT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    TELEGRAM_BOT_INFO: botInfo,
    SESSION_TTL_DAYS: z.coerce.number().positive().default(180),

    MCP_HTTP_HOST: z.string().default('127.0.0.1'),
    MCP_HTTP_PORT: port.default(3000),
    MCP_AUTH_TOKEN: optionalText,
    MCP_ALLOWED_HOSTS: optionalText,
    MCP_MAX_BODY_BYTES: z.coerce.number().int().positive().default(256 * 1024),

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

export { PROJECT_ROOT };
