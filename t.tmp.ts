import { createKnowledgeService } from './src/core/service.ts';
import { silentLogger } from './src/logger.ts';
import { createSearchIndex } from './src/core/search/index.ts';
const s = await createKnowledgeService({ dir: 'knowledge', logger: silentLogger, watch: false } as any);
const idx = createSearchIndex(s.snapshot());
for (const q of ['要找谁申请','上面有多少金融产品','银行担几成','登记要多久','利率多少','它有哪些合作银行','what\'s its interest rate?','那沪科专贴呢','补偿比例是多少','有哪些适合我','现在能申请什么']) {
  const r = idx.read(q); const e = idx.explain(q);
  console.log(q, JSON.stringify([...r.terms]), r.named.map(n=>n.id), r.aspects.aspects, [...r.aspectTerms], e.top, e.confident, e.coverage.toFixed(2));
}
await s.close();
