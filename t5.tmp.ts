import { createKnowledgeService } from './src/core/service.ts';
import { silentLogger } from './src/logger.ts';
import { runTurns, scoredText } from './src/eval/dialogues.ts';
const s = await createKnowledgeService({ dir: 'knowledge', logger: silentLogger, watch: false } as any);
for (const arg of process.argv.slice(2)) {
  const turns = arg.split(' | ');
  const r = await runTurns(s, turns);
  console.log('=== ' + turns.join(' → ') + '\n' + scoredText(r.at(-1)!, turns.at(-1)!).slice(0, 300).replace(/\n+/g,' ⏎ ') + '\n');
}
await s.close();
