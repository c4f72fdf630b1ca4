/**
 * Keeps an instance's clone of the knowledge repository up to date: every
 * `intervalMs` it runs `git pull --ff-only` in the knowledge folder and, when
 * HEAD moved, asks for a reload. The reload is the same one a staff edit
 * triggers, so a bad commit is refused exactly as a bad edit is: the last
 * good snapshot stays live and the errors are logged.
 *
 * `--ff-only` because an instance's clone is never edited in place: a clone
 * that cannot fast-forward has been tampered with, and merging there would
 * serve content nobody reviewed. That is logged, not "fixed".
 */
import { spawn } from 'node:child_process';
import type { Logger } from 'pino';

export interface KnowledgePullOptions {
    /** The knowledge folder, inside a git work tree (it may be a subfolder of the repository). */
    readonly dir: string;
    /** Time between pulls, in ms; the first pull runs one interval after start. */
    readonly intervalMs: number;
    /** Called after a pull moved HEAD; typically `service.reload`. */
    readonly onPulled: (head: string) => Promise<void>;
    readonly logger?: Logger;
    /** A pull taking longer is killed and reported, in ms. Default 60,000. */
    readonly timeoutMs?: number;
    /** The git executable. Default `git`. */
    readonly git?: string;
}

export interface PullResult {
    /** HEAD after the pull (before it, when the pull failed). */
    readonly head: string;
    readonly changed: boolean;
}

export interface KnowledgePuller {
    /** Pulls now (joining a pull already running); never rejects, failures are logged. */
    pull(): Promise<PullResult | undefined>;
    /** Stops the timer and waits for a pull in progress. */
    close(): Promise<void>;
}

export function startKnowledgePull(options: KnowledgePullOptions): KnowledgePuller {
    const git = (...args: string[]) => runGit(options.git ?? 'git', options.dir, args, options.timeoutMs ?? 60_000);
    let running: Promise<PullResult | undefined> | undefined;
    let lastFailure: string | undefined;
    let closed = false;

    const once = async (): Promise<PullResult | undefined> => {
        try {
            const before = await git('rev-parse', 'HEAD');
            await git('pull', '--ff-only', '--quiet');
            const head = await git('rev-parse', 'HEAD');
            if (lastFailure) options.logger?.info('knowledge pull works again');
            lastFailure = undefined;
            const changed = head !== before;
            if (changed && !closed) {
                options.logger?.info({ from: before.slice(0, 12), to: head.slice(0, 12) }, 'knowledge pulled');
                await options.onPulled(head);
            }
            return { head, changed };
        } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            // The same failure every minute is one line, not a log flood.
            if (message !== lastFailure)
                options.logger?.error({ dir: options.dir }, `knowledge pull failed, still serving what is on disk: ${message}`);
            lastFailure = message;
            return undefined;
        }
    };

    const pull = (): Promise<PullResult | undefined> => {
        if (closed) return Promise.resolve(undefined);
        running ??= once().finally(() => {
            running = undefined;
        });
        return running;
    };

    const timer = setInterval(() => void pull(), options.intervalMs);
    timer.unref();

    return {
        pull,
        async close() {
            closed = true;
            clearInterval(timer);
            await running;
        },
    };
}

function runGit(git: string, cwd: string, args: string[], timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
        // Detached: no controlling terminal, so git can never wait for a
        // password that nobody will type; it fails and that is logged.
        const child = spawn(git, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.once('error', reject);
        child.once('close', (code, signal) => {
            if (code === 0) return resolve(stdout.trim());
            const why =
                stderr.trim().split('\n').slice(-3).join(' / ') || (signal ? `killed by ${signal} (timeout ${timeoutMs} ms)` : `exit ${code}`);
            reject(new Error(`git ${args[0]}: ${why}`));
        });
    });
}
