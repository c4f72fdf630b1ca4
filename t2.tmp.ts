import { createKnowledgeService } from './src/core/service.ts';
import { silentLogger } from './src/logger.ts';
import { createSearchIndex } from './src/core/search/index.ts';
const s = await createKnowledgeService({ dir: 'knowledge', logger: silentLogger, watch: false } as any);
const idx = createSearchIndex(s.snapshot());
for (const q of process.argv.slice(2)) {
  const r = idx.read(q); const e = idx.explain(q);
  console.log(q, '\n terms', JSON.stringify(e.terms), '\n named', r.named, '\n aspects', r.aspects, '\n concepts', JSON.stringify(e.concepts), e.top, e.confident, e.coverage.toFixed(2), idx.search(q).results.map(x=>x.id).join(','));
}
await s.close();
