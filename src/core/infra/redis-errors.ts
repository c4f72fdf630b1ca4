/**
 * Tells operational Redis trouble (unreachable, a wrong password, out of
 * memory, read-only, loading) from a bug, and says it in one line an
 * operator can act on. The CLI prints that line instead of a stack; the bot
 * logs it once per episode instead of once per update.
 */

/** Network error codes that mean "cannot reach Redis". */
const UNREACHABLE_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EPIPE',
    'ENOENT',
    'EACCES',
]);

/** Redis error replies that describe the server's state, not the command. */
const SERVER_STATES: Record<string, string> = {
    OOM: 'is out of memory (maxmemory reached): it refuses writes',
    READONLY: 'is a read-only replica: point REDIS_URL at the primary',
    LOADING: 'is still loading its data set',
    MISCONF: 'cannot save to disk and refuses writes (MISCONF)',
    BUSY: 'is busy running a script',
    MASTERDOWN: 'has lost its primary',
    CLUSTERDOWN: 'cluster is down',
    NOPERM: "user lacks the permission for kejin's commands (ACL)",
};

/**
 * What is wrong, as the end of a sentence starting "Redis …", when `err` (or
 * its cause) is operational Redis trouble; undefined for anything else.
 * Never repeats REDIS_URL, which may hold the password.
 */
export function redisTrouble(err: unknown): string | undefined {
    for (let e = err, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause ?? (e as { error?: unknown }).error, depth++) {
        const code = (e as NodeJS.ErrnoException).code;
        const firstWord = /^[A-Z]+/.exec(e.message)?.[0] ?? '';
        if (e.name === 'ReplyError' && (firstWord === 'WRONGPASS' || firstWord === 'NOAUTH' || /invalid password/i.test(e.message))) {
            return 'refused the password: check the password (and user) in REDIS_URL';
        }
        if (e.name === 'ReplyError' && firstWord in SERVER_STATES) return `${SERVER_STATES[firstWord]} (${e.message.split('\n')[0]!.slice(0, 120)})`;
        if (
            e.name === 'MaxRetriesPerRequestError' ||
            e.message === 'Connection is closed.' ||
            e.message === 'Command timed out' ||
            (code !== undefined && UNREACHABLE_CODES.has(code) && /redis|connect|socket/i.test(`${e.message} ${e.stack ?? ''}`))
        ) {
            return 'cannot be reached: check REDIS_URL and that the server runs';
        }
    }
    return undefined;
}
