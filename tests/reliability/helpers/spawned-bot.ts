/**
 * The real `kejin bot` as a child process (what an operator runs), talking
 * to the fake Bot API on 127.0.0.1: for faults that only a whole process
 * shows (kill -9, signals, what reaches stderr).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const KEJIN_BIN = path.join(ROOT, 'bin/kejin.js');
export const SHIPPED_KNOWLEDGE = path.join(ROOT, 'knowledge');

export interface SpawnedBot {
    readonly child: ChildProcess;
    /** Every stderr line, as written. */
    readonly stderr: string[];
    /** The stderr lines that are JSON log records. */
    readonly logs: Record<string, unknown>[];
    /** Resolves with the first log record (or raw line) matching, or rejects after `timeoutMs`. */
    waitFor(predicate: (log: Record<string, unknown>) => boolean, timeoutMs?: number, what?: string): Promise<Record<string, unknown>>;
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `kejin bot` with exactly `env` (plus PATH and HOME) in `cwd`, so
 * that no `.env` of the checkout leaks in.
 */
export function spawnBot(env: Record<string, string>, cwd: string): SpawnedBot {
    const child = spawn(process.execPath, [KEJIN_BIN, 'bot'], {
        cwd,
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
                const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${what}; stderr:\n${stderr.join('\n')}`))), timeoutMs);
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
