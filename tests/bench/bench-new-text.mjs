// New 2,000-character texts (bench-speed's sentences, a new word before each) checked in order
// through the JS wrapper, each once: medians per quarter of the run of wall-clock and of the
// process's CPU time, and how many checks waited (wall above CPU + 3 ms: preempted on a loaded
// machine), so a slow median can be told apart from a slow check. Prints figures; asserts nothing.
// Usage: node tests/bench/bench-new-text.mjs [checks]   RULES=1: rules alone; SAME=1: one text again;
//        DIR=other/build/wasm: another build of the core.
import { newText } from './care-sentences.mjs';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';
import { defaultRules } from './default-bundle.mjs';

const core = await loadNodeCore(process.env.DIR || undefined);
const d = process.env.RULES ? core.loadPolicy(JSON.stringify(defaultRules())).handle : core.defaultPolicy().handle;
core.check(d, { reply: 'Danke für Ihre Geduld, wir melden uns morgen.' });
const fresh = newText;
const n = Number(process.argv[2] || 400);
const t0 = performance.now();
const ts = [], cpu = [];
for (let i = 0; i < n; i++) { const t = process.env.SAME ? fresh(900000) : fresh(900000 + i); const c0 = process.cpuUsage(); const s = performance.now(); core.check(d, { reply: t }); ts.push(performance.now() - s); const c1 = process.cpuUsage(c0); cpu.push((c1.user + c1.system) / 1000); }
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1].toFixed(2);
const q = n / 4;
const spikes = [0,1,2,3].map((k) => ts.slice(k*q,(k+1)*q).filter((x) => x > 5).length).join(" / ");
console.log(`checks over 5 ms per quarter: ${spikes}`);
console.log(`new texts in order, median ms per quarter: ${[0, 1, 2, 3].map((k) => med(ts.slice(k * q, (k + 1) * q))).join(' / ')}; first 5: ${ts.slice(0, 5).map((x) => x.toFixed(1)).join(' ')}; total ${(performance.now() - t0).toFixed(0)} ms`);
console.log(`CPU time per check, median ms per quarter: ${[0, 1, 2, 3].map((k) => med(cpu.slice(k * q, (k + 1) * q))).join(' / ')}; checks with wall > CPU + 3 ms: ${ts.filter((x, i) => x > cpu[i] + 3).length} of ${n}`);
