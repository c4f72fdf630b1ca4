import { createKnowledgeService } from './src/core/service.ts';
import { silentLogger } from './src/logger.ts';
import { loadAnswerCases } from './src/eval/cases.ts';
import { runAnswerCases } from './src/eval/answers.ts';
const s = await createKnowledgeService({ dir: 'knowledge', logger: silentLogger, watch: false } as any);
const cases = await loadAnswerCases(undefined, [process.argv[2]!]);
for (const o of await runAnswerCases(s, cases)) if (o.wrongItem) console.log(o.case.line, o.case.item, '→', o.item, o.case.aspect);
await s.close();
