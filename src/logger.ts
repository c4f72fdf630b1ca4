/**
 * Logs go to stderr, always: stdout belongs to the MCP stdio protocol and to
 * the terminal bot's conversation.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level = 'info'): Logger {
    return pino(
        {
            level,
            base: undefined,
            // A bot token can appear inside a Bot API URL; never let one through.
            redact: { paths: ['token', '*.token', 'config.TELEGRAM_BOT_TOKEN', 'config.MCP_AUTH_TOKEN', 'authorization', '*.authorization'], censor: '[redacted]' },
            hooks: {
                logMethod(args, method) {
                    method.apply(this, args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as Parameters<typeof method>);
                },
            },
        },
        pino.destination(2),
    );
}

/** Removes Telegram bot tokens and bearer tokens from free text. */
export function scrubSecrets(text: string): string {
    return text.replace(/\b\d{6,12}:[A-Za-z0-9_-]{30,}\b/g, '[redacted-token]').replace(/(Bearer\s+)[^\s"']+/gi, '$1[redacted]');
}

/** A logger that drops everything, for tests and silent library use. */
export const silentLogger: Logger = pino({ level: 'silent' });

/** An error as loggable fields: its name and the start of its message, never its stack or payload. */
export function errorSummary(err: unknown): { name: string; message: string } {
    if (err instanceof Error) return { name: err.name, message: err.message.slice(0, 300) };
    return { name: typeof err, message: String(err).slice(0, 300) };
}
