/**
 * A knowledge repository as deployments run it: a bare "origin" that staff
 * push to, and clones that instances pull from. Starts from the shipped
 * knowledge, copied into the repository's `knowledge/` folder.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHIPPED_KNOWLEDGE } from './paths.ts';

const IDENTITY = ['-c', 'user.name=kejin test', '-c', 'user.email=test@kejin.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false'];

export function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', [...IDENTITY, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export interface KnowledgeRepo {
    /** Clones the origin; returns the knowledge folder inside the new clone. */
    clone(name: string): Promise<string>;
    /** Writes files (relative to knowledge/; null deletes) as staff would, commits and pushes them. */
    commit(message: string, files: Record<string, string | null | ((old: string) => string)>): Promise<void>;
    remove(): Promise<void>;
}

export async function createKnowledgeRepo(): Promise<KnowledgeRepo> {
    const root = await mkdtemp(path.join(tmpdir(), 'kejin-repo-'));
    const origin = path.join(root, 'origin.git');
    const staff = path.join(root, 'staff');
    git(root, 'init', '--quiet', '--bare', origin);
    git(root, 'clone', '--quiet', origin, staff);
    await cp(SHIPPED_KNOWLEDGE, path.join(staff, 'knowledge'), { recursive: true });
    git(staff, 'add', '-A');
    git(staff, 'commit', '--quiet', '-m', 'knowledge');
    git(staff, 'push', '--quiet', 'origin', 'HEAD');
    return {
        async clone(name) {
            git(root, 'clone', '--quiet', origin, path.join(root, name));
            return path.join(root, name, 'knowledge');
        },
        async commit(message, files) {
            for (const [file, content] of Object.entries(files)) {
                const at = path.join(staff, 'knowledge', file);
                if (content === null) {
                    await rm(at);
                    continue;
                }
                await writeFile(at, typeof content === 'function' ? content(await readFile(at, 'utf8')) : content);
            }
            git(staff, 'add', '-A');
            git(staff, 'commit', '--quiet', '-m', message);
            git(staff, 'push', '--quiet', 'origin', 'HEAD');
        },
        remove: () => rm(root, { recursive: true, force: true }),
    };
}

/** A different but valid summary for 高企贷: a knowledge change every instance must pick up. */
export function editGaoqidai(marker: string): (old: string) => string {
    return (old) => old.replace(/^(\s+zh: 人民银行上海总部)/m, `$1（${marker}）`);
}

export const BROKEN_CARD = '---\nid: broken-card\nkind: product\nname: [unclosed\n---\nbody\n';
