import { createKnowledgeService } from './src/core/service.ts';
import { silentLogger } from './src/logger.ts';
const s = await createKnowledgeService({ dir: 'knowledge', logger: silentLogger, watch: false } as any);
for (const q of process.argv.slice(2)) console.log(q, s.search(q).results.slice(0,4).map(x=>`${x.id}:${x.score.toFixed(1)}`).join(' '));
await s.close();
