/**
 * A child process that appends `count` questions tagged `tag` to the file
 * log at FILE (bound `max`) from START_AT_MS, one after another, then closes it: one of
 * the processes that share a DATA_DIR (`npm start` beside `kejin mcp --http`).
 * Prints, as JSON, when each write was done and the most entries it found in the file (counted under the log's lock)
 * right after any of its writes.
 */
import { readFile } from 'node:fs/promises';
import { createFileQuestionLog, withFileLock } from '../../../src/core/insights/log.ts';

const [file, tag, count, max, startAt] = process.argv.slice(2);
if (!file || !tag || !count || !max || !startAt) throw new Error('usage: paced-log-writer.ts FILE TAG COUNT MAX START_AT_MS');
// Both writers start together (whatever their start-up took) and write at a steady pace, so that their writes interleave.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const log = createFileQuestionLog(file, { maxEntries: Number(max) });
const done: number[] = [];
let most = 0;
for (let i = 0; i < Number(count); i++) {
    await log.record({
        front: 'mcp',
        question: `${tag} ${i} ${'长'.repeat(i % 50)}`,
        lang: 'zh',
        ids: [],
        confident: false,
        knowledgeVersion: 'two-writers',
    });
    done.push(performance.timeOrigin + performance.now());
    // Under the lock, as a writer sees it: between two writes the file must hold the bound, whoever wrote last.
    const lines = await withFileLock(`${file}.lock`, async () => (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim()).length);
    most = Math.max(most, lines);
    await new Promise((resolve) => setTimeout(resolve, 1));
}
await log.close();
process.stdout.write(JSON.stringify({ done, most }));
