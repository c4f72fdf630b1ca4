import { understandQuestion } from './src/core/match/understand.ts';
for (const s of process.argv.slice(2)) console.log(s, '→', JSON.stringify(understandQuestion(s).fields));
