/**
 * Edit → live: a synthetic folder of `size` cards is written to disk and
 * served by a watching service (file-system events, no rescan); then one
 * card's name is changed on disk and the clock runs until a search for the
 * new name finds that card. Meanwhile the event loop's longest stall is
 * recorded: the longest any bot or MCP request would have waited.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { KnowledgeSnapshot } from '../src/core/knowledge/load.ts';
import { createKnowledgeService } from '../src/core/service.ts';
import { cardPath, writeFolder } from './folder.ts';
import { syntheticSnapshot } from './synthetic.ts';

export interface LiveRow {
    readonly items: number;
    /** Loading the folder from disk and building the index, at start. */
    readonly startMs: number;
    /** From the edited file written to the edit found by search. */
    readonly liveMs: number;
    /** The longest the event loop was blocked meanwhile. */
    readonly maxStallMs: number;
}

const NEW_NAME = '实时编辑测验专项贷';

export async function measureEditToLive(real: KnowledgeSnapshot, realDir: string, size: number): Promise<LiveRow> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kejin-live-'));
    try {
        const synthetic = syntheticSnapshot(real, size);
        await writeFolder(synthetic, realDir, dir);
        const started = performance.now();
        const service = await createKnowledgeService({ dir, watch: true, rescanMs: 0 });
        const startMs = performance.now() - started;
        try {
            const target = [...synthetic.items.values()].filter((i) => i.kind === 'product').at(-1)!;
            const file = cardPath(dir, target);
            const text = await readFile(file, 'utf8');
            // Let the watcher settle after the folder was written.
            await new Promise((r) => setTimeout(r, 500));
            const stalls = stallProbe();
            await writeFile(file, text.replace(/^name: .*$/m, `name: ${NEW_NAME}`));
            const written = performance.now();
            while (service.search(NEW_NAME, { kind: 'product', limit: 1 }).results[0]?.id !== target.id) {
                if (performance.now() - written > 120_000) throw new Error(`bench: the edit at ${size} items did not go live within 120 s`);
                await new Promise((r) => setTimeout(r, 5));
            }
            const liveMs = performance.now() - written;
            return { items: synthetic.items.size, startMs, liveMs, maxStallMs: stalls.stop() };
        } finally {
            await service.close();
        }
    } finally {
        await rm(dir, { recursive: true, force: true });
    }
}

/** A timer every 2 ms; the longest gap between two ticks is the longest a request would have waited. */
function stallProbe(): { stop(): number } {
    let last = performance.now();
    let max = 0;
    const timer = setInterval(() => {
        const now = performance.now();
        max = Math.max(max, now - last);
        last = now;
    }, 2);
    return {
        stop() {
            clearInterval(timer);
            return Math.max(max, performance.now() - last);
        },
    };
}

export function formatLive(rows: readonly LiveRow[]): string {
    const header = 'items    start from folder   edit → live   longest stall';
    return [
        header,
        ...rows.map(
            (r) =>
                `${r.items.toLocaleString('en').padStart(6)}  ${`${(r.startMs / 1000).toFixed(2)} s`.padStart(17)}  ${`${r.liveMs.toFixed(0)} ms`.padStart(12)}  ${`${r.maxStallMs.toFixed(0)} ms`.padStart(14)}`,
        ),
    ].join('\n');
}
