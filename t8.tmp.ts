import { createKnowledgeService } from './src/core/service.ts';
import { silentLogger } from './src/logger.ts';
import { loadSearchCases } from './src/eval/cases.ts';
const s = await createKnowledgeService({ dir: 'knowledge', logger: silentLogger, watch: false } as any);
for (const c of await loadSearchCases()) { if (!c.expect.length) continue; const r = s.search(c.q, { lang: c.lang }); if (!c.expect.includes(r.results[0]?.id ?? '')) console.log(c.file, c.line, c.q, c.expect, '→', r.results.slice(0,3).map(x=>x.id)); }
await s.close();
