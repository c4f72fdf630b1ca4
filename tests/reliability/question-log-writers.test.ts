/**
 * Issue 18, bad day 6: two processes on one DATA_DIR (the documented
 * one-machine set-up, `npm start` beside `kejin mcp --http`) share the
 * question log file. Before, a trim by one (a copy renamed over the file)
 * lost what the other appended meanwhile, or later through its handle on
 * the replaced file: 13 of the newest 45 entries. And a kill -9 in the
 * middle of a trim left its temporary copy for good.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileQuestionLog } from '../../src/core/insights/log.ts';

const WRITER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../helpers/processes/paced-log-writer.ts');
/** Small, so that each writer trims many times while the other writes. */
const MAX_ENTRIES = 60;
const PER_WRITER = 300;

/** The most entries any writer found in the file right after one of its writes. */
let mostSeen = 0;

/** Runs a writer; resolves with when each of its entries was written. */
function write(file: string, tag: string, startAt: number): Promise<{ key: string; at: number }[]> {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, tag, String(PER_WRITER), String(MAX_ENTRIES), String(startAt)], {
        stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('close', (code) => (code === 0 ? resolve(parsed(out, tag)) : reject(new Error(`writer ${tag} exited with ${code}`))));
    });
}

let dir: string;
function parsed(out: string, tag: string): { key: string; at: number }[] {
    const { done, most } = JSON.parse(out) as { done: number[]; most: number };
    mostSeen = Math.max(mostSeen, most);
    return done.map((at, i) => ({ key: `${tag} ${i}`, at }));
}

beforeEach(() => {
    mostSeen = 0;
    dir = mkdtempSync(path.join(tmpdir(), 'kejin-qlog-two-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the file question log with two writing processes', () => {
    it('loses no entry when one of them trims', async () => {
        const file = path.join(dir, 'questions.jsonl');
        const startAt = Date.now() + 3_000;
        const written = (await Promise.all([write(file, 'a', startAt), write(file, 'b', startAt)])).flat().sort((x, y) => x.at - y.at);
        const records = await createFileQuestionLog(file, { maxEntries: MAX_ENTRIES }).read();
        const kept = new Set(records.map((r) => r.question.split(' ').slice(0, 2).join(' ')));
        // A trim drops the oldest: every entry written after the oldest one kept must be there.
        const oldestKept = written.findIndex((w) => kept.has(w.key));
        const newest = written.slice(Math.max(0, oldestKept));
        const lost = newest.filter((w) => !kept.has(w.key)).length;
        console.log(`question log, two writers trimming at ${MAX_ENTRIES}: ${lost} lost among the newest ${newest.length}`);
        expect(kept.size).toBeGreaterThan(0);
        expect(lost).toBe(0);
        expect(records.length).toBeLessThanOrEqual(MAX_ENTRIES);
        // The bound holds for the file after every write, not only for each writer's own count of entries.
        expect(mostSeen).toBeGreaterThan(0);
        expect(mostSeen).toBeLessThanOrEqual(MAX_ENTRIES);
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }, 120_000);

    it('removes the temporary copy a writer killed in the middle of a trim left behind', async () => {
        const file = path.join(dir, 'questions.jsonl');
        // As kill -9 leaves it: named after a process that no longer runs.
        const orphan = `${file}.999999999.${Date.now()}.tmp`;
        writeFileSync(orphan, '{"half":');
        const log = createFileQuestionLog(file);
        await log.record({ front: 'bot', question: 'after the crash', lang: 'zh', ids: [], confident: false, knowledgeVersion: 'v' });
        await log.close();
        expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
});
