/**
 * A child process for the crash test: appends questions to the file log
 * as fast as it can, telling the parent on stdout how many are done, until
 * it is killed.
 */
import { createFileQuestionLog } from '../../../src/core/insights/log.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: endless-log-writer.ts FILE');
const log = createFileQuestionLog(file);
for (let i = 0; ; i++) {
    await log.record({
        front: 'mcp',
        question: `问题 ${i} ${'长'.repeat(i % 200)}`,
        lang: 'zh',
        ids: [],
        confident: false,
        knowledgeVersion: 'crash',
    });
    if (i % 50 === 0) process.stdout.write(`${i}\n`);
}
