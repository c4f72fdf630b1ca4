/**
 * The real `kejin bot` as a child process (what an operator runs), talking
 * to the fake Bot API on 127.0.0.1: for faults that only a whole process
 * shows (kill -9, signals, what reaches stderr).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/root.ts';
import { KEJIN_BIN, SHIPPED_KNOWLEDGE } from './paths.ts';

export interface SpawnedBot {
    readonly child: ChildProcess;
    /** Every stderr line, as written. */
    readonly stderr: string[];
    /** The stderr lines that are JSON log records. */
    readonly logs: Record<string, unknown>[];
    /**
     * Resolves with the first log record (or raw line) matching; rejects when
     * the bot exits first, or after `timeoutMs` (never when it is Infinity:
     * then the test's own timeout is the bound).
     */
    waitFor(predicate: (log: Record<string, unknown>) => boolean, timeoutMs?: number, what?: string): Promise<Record<string, unknown>>;
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `kejin bot` with exactly `env` (plus PATH and HOME) in `cwd`, so
 * that no `.env` of the checkout leaks in.
 */
export function spawnBot(env: Record<string, string>, cwd: string, as: { uid: number; gid: number } | undefined = undefined): SpawnedBot {
    const child = spawn(process.execPath, [KEJIN_BIN, 'bot'], {
        cwd,
        ...as,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE, LOG_LEVEL: 'info', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr: string[] = [];
    const logs: Record<string, unknown>[] = [];
    const listeners = new Set<() => void>();
    let rest = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop()!;
        for (const line of parts) {
            stderr.push(line);
            try {
                logs.push(JSON.parse(line) as Record<string, unknown>);
            } catch {
                logs.push({ raw: line });
            }
        }
        for (const l of [...listeners]) l();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        child.once('exit', (code, signal) => {
            if (rest) stderr.push(rest);
            for (const l of [...listeners]) l();
            resolve({ code, signal });
        });
    });
    let gone = false;
    void exited.then(() => (gone = true));
    return {
        child,
        stderr,
        logs,
        exited,
        waitFor(predicate, timeoutMs = 15_000, what = 'a log line') {
            return new Promise((resolve, reject) => {
                const check = () => {
                    const hit = logs.find(predicate);
                    if (hit) finish(() => resolve(hit));
                    else if (gone) finish(() => reject(new Error(`bot exited before ${what}; stderr:\n${stderr.join('\n')}`)));
                };
                // setTimeout would read Infinity as 1 ms.
                const timer = Number.isFinite(timeoutMs)
                    ? setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${what}; stderr:\n${stderr.join('\n')}`))), timeoutMs)
                    : undefined;
                function finish(then: () => void) {
                    clearTimeout(timer);
                    listeners.delete(check);
                    then();
                }
                listeners.add(check);
                check();
            });
        },
    };
}

/** Kills the child if it still runs (a test's cleanup). */
export async function ensureStopped(bot: SpawnedBot | undefined): Promise<void> {
    if (!bot || bot.child.exitCode !== null || bot.child.signalCode !== null) return;
    bot.child.kill('SIGKILL');
    await bot.exited;
}

/**
 * How to run a child as an ordinary user, for faults that root does not
 * meet (a folder it may not write): as root, the user `nobody`, provided
 * the checkout is readable by others; otherwise this user as it is.
 * Undefined when neither works.
 */
export function ordinaryUser(): { as?: { uid: number; gid: number } } | undefined {
    if (process.getuid?.() !== 0) return {};
    // Ask the user itself: a checkout under a folder only root may enter (a
    // mktemp -d clone, as CI makes) is unreadable however its own modes are set.
    const as = { uid: 65534, gid: 65534 };
    const probe = `const fs = require('node:fs'); for (const p of ${JSON.stringify([KEJIN_BIN, path.join(PROJECT_ROOT, 'node_modules'), path.join(PROJECT_ROOT, 'src')])}) fs.accessSync(p, fs.constants.R_OK);`;
    const readable = spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore', ...as }).status === 0;
    return readable ? { as } : undefined;
}
