import { createKnowledgeService } from './src/core/service.ts';
import { silentLogger } from './src/logger.ts';
import { runTurns, scoredText } from './src/eval/dialogues.ts';
const s = await createKnowledgeService({ dir: 'knowledge', logger: silentLogger, watch: false } as any);
const qs = process.argv.slice(2).length ? [process.argv.slice(2)] : [
 ['科技履约贷能借多长时间'],
 ['Which insurer covers the performance bond loan and how much of a loss does it carry?'],
 ['科技履约贷找谁申请'], ['科技履约贷联系电话'],
 ['科技履约贷和科技微贷通差在哪'], ['高企贷跟沪科专贷比，哪个更便宜'],
 ['高企贷是什么','那跟沪科专贷比呢'],
 ['我们公司做芯片设计，成立五年，是高新技术企业，年收入两个亿左右，想问一下高企贷的额度是多少'],
 ['高企贷的额度是多少，我们年收入两个亿左右'],
 ['高企贷是什么','利率多少'],
];
for (const turns of qs) {
  const r = await runTurns(s, turns);
  console.log('=== ' + turns.join(' → ') + '\n' + scoredText(r.at(-1)!, turns.at(-1)!).slice(0, 400) + '\n');
}
await s.close();
