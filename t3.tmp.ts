import { createKnowledgeService } from './src/core/service.ts';
import { silentLogger } from './src/logger.ts';
const s = await createKnowledgeService({ dir: 'knowledge', logger: silentLogger, watch: false } as any);
for (const q of process.argv.slice(2)) {
  const a = s.answer(q);
  console.log(`${q}\n  → ${a.status} ${a.confident} ${a.item?.id ?? '-'} aspect=${a.aspect} [${a.aspects}] facts=${a.facts.map(f=>f.field).join(',')}\n  ${a.text.slice(0,220)}`);
}
await s.close();
