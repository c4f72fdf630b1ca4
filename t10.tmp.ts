import { pinyin } from 'pinyin-pro';
const t0 = performance.now();
for (const s of ['履','旅','企','启','贷','代','信','新','续','须','沪','护','行','长','率','律','绿']) console.log(s, pinyin(s, { toneType: 'none', type: 'array' }));
console.log(performance.now() - t0);
