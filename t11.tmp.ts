import { createKnowledgeService } from './src/core/service.ts';
import { silentLogger } from './src/logger.ts';
import { subjectCues } from './src/core/answer/reading.ts';
const s = await createKnowledgeService({ dir: 'knowledge', logger: silentLogger, watch: false } as any);
for (const q of process.argv.slice(2)) { const r = s.read(q); console.log(q, r.named, subjectCues(q, r)); }
await s.close();
