// Issue 12's speed targets, through the JS wrapper the extension uses, beside the npm packages
// obscenity and allprofanity in the same process on the same texts: the default bundle (rules
// alone, and with its classifier) from 280 characters to a 1 MiB paste, the insult rules alone,
// and the cold start. Prints figures; asserts nothing (no timed tests).
// Usage: node tests/bench/bench-speed.mjs [runs] [--rules]
//   --typing: only the 2,000-character new-text and typing figures (and the cold start)
//   --rules: also each rule of the default bundle alone on the 2,000-character texts (where the time goes)
//   RG_WASM_BASELINE=dir (e.g. /work/main/build/wasm): the same rules and insult checks with that
//   build of the core, alternating with this one text by text, so both see the same machine load.
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { AllProfanity } from 'allprofanity';
import { newText, sentences } from './care-sentences.mjs';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';
import { defaultRules } from './default-bundle.mjs';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) || 200);
const t0 = performance.now();
const core = await loadNodeCore();
const t1 = performance.now();
const dflt = core.defaultPolicy();
const t2 = performance.now();
if (!dflt.ok) throw new Error(JSON.stringify(dflt.errors.slice(0, 3)));
core.check(dflt.handle, { reply: 'Danke für Ihre Geduld, wir melden uns morgen.' });
const t3 = performance.now();

const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const log = console.log;
console.log = () => {};  // allprofanity announces every dictionary it loads
const allprofanity = new AllProfanity({ performance: { enableCaching: false } });
console.log = log;

const load = (b) => {
  const r = core.loadPolicy(JSON.stringify(b));
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.handle;
};
const rulesOnly = defaultRules();
const insults = defaultRules((r) => r.id.startsWith('insult.'));
const rules = load(rulesOnly);
const insult = load(insults);
let base = null;
if (process.env.RG_WASM_BASELINE) {
  const c = await loadNodeCore(process.env.RG_WASM_BASELINE);
  const h = (b) => c.loadPolicy(JSON.stringify(b)).handle;
  base = { core: c, rules: h(rulesOnly), insult: h(insults), dflt: c.defaultPolicy().handle };
}

// Distinct texts per run (a ticket number) from the shared customer-care sentences.
const text = (n, i) => {
  let s = `Ticket ${i}: `;
  for (let k = i; s.length < n; k++) s += `${sentences[k % sentences.length]} `;
  return s.slice(0, n);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Median ms of fn over texts; warms up on the first five unless told otherwise ([]: every text once, cold).
const time = (fn, texts, warmup = texts.slice(0, 5)) => {
  for (const t of warmup) fn(t);
  const out = [];
  for (const t of texts) {
    const s = process.hrtime.bigint();
    fn(t);
    out.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return median(out);
};
const f = (ms) => ms.toFixed(3).padStart(12);
// Two checks alternating text by text (this build and the baseline): medians of each.
const timePair = (fa, fb, texts, warmup = texts.slice(0, 5)) => {
  for (const t of warmup) fa(t), fb(t);
  const a = [], b = [];
  for (const t of texts) {
    let s = process.hrtime.bigint();
    fa(t);
    a.push(Number(process.hrtime.bigint() - s) / 1e6);
    s = process.hrtime.bigint();
    fb(t);
    b.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return [median(a), median(b)];
};

console.log(`bench-speed: median ms per check, ${runs} distinct texts per length (fewer from 100,000 chars)`);
console.log('length'.padEnd(9) + 'RG rules'.padStart(12) + 'RG rules+model'.padStart(16) + 'RG insult'.padStart(12) +
  'obscenity'.padStart(12) + 'allprofanity'.padStart(14) + 'obscenity/insult'.padStart(18) +
  (base ? 'base rules'.padStart(12) + 'base insult'.padStart(12) : ''));
for (const n of args.includes('--typing') ? [] : [280, 2000, 10000, 100000, 1 << 20]) {
  const k = n >= 1 << 20 ? 5 : n >= 100000 ? 11 : runs;
  const texts = Array.from({ length: k }, (_, i) => text(n, i));
  let a, ba, bc;
  if (base) [a, ba] = timePair((t) => core.check(rules, { reply: t }), (t) => base.core.check(base.rules, { reply: t }), texts);
  else a = time((t) => core.check(rules, { reply: t }), texts);
  const b = time((t) => core.check(dflt.handle, { reply: t }), n >= 1 << 20 ? texts.slice(0, 3) : texts);
  let c;
  if (base) [c, bc] = timePair((t) => core.check(insult, { reply: t }), (t) => base.core.check(base.insult, { reply: t }), texts);
  else c = time((t) => core.check(insult, { reply: t }), texts);
  const d = time((t) => obscenity.getAllMatches(t), texts);
  const e = time((t) => allprofanity.detect(t), texts);
  console.log(String(n).padEnd(9) + f(a) + f(b).padStart(16) + f(c) + f(d) + f(e).padStart(14) + `${(d / c).toFixed(1)}x`.padStart(18) +
    (base ? f(ba) + f(bc) : ''));
}
// Issue 11 at 2,000 characters, with the classifier's cache across checks: a new text (every
// sentence new to the cache: a new word of letters and a colon before each; the other words known
// from earlier texts) and typing (the draft checked just before plus one character, re-checked),
// each beside the rules alone on the same texts.
{
  const fresh = newText;
  // No warm-up on the timed texts: each is checked once, in order (with a baseline: by both builds in turn,
  // each with its own cache).
  const seq = (fn, texts, fb) => (fb ? timePair(fn, fb, texts, []) : [time(fn, texts, [])]);
  const on = (c, h) => (t) => c.check(h, { reply: t });
  const newTexts = Array.from({ length: runs }, (_, i) => fresh(900000 + i));
  for (const t of Array.from({ length: 5 }, (_, i) => fresh(800000 + i))) {
    core.check(dflt.handle, { reply: t }), core.check(rules, { reply: t });
    if (base) base.core.check(base.dflt, { reply: t }), base.core.check(base.rules, { reply: t });
  }
  const newModel = seq(on(core, dflt.handle), newTexts, base && on(base.core, base.dflt));
  const newRules = seq(on(core, rules), newTexts, base && on(base.core, base.rules));
  const draft = text(2000 + runs + 16, 3);
  const typed = Array.from({ length: runs + 5 }, (_, i) => draft.slice(0, 1995 + i));
  const typeModel = seq(on(core, dflt.handle), typed.slice(5), base && on(base.core, base.dflt));
  const typeRules = seq(on(core, rules), typed.slice(5), base && on(base.core, base.rules));
  const ms2 = ([x, y]) => x.toFixed(3) + (y === undefined ? '' : ` (base ${y.toFixed(3)})`);
  console.log(`2,000 characters, median ms: new text: rules+model ${ms2(newModel)}, rules alone ${ms2(newRules)}; ` +
    `typing (one character appended, re-checked): rules+model ${ms2(typeModel)}, rules alone ${ms2(typeRules)}`);
}
const warn = args.includes('--typing') ? null : core.check(rules, { reply: text(1 << 20, 1) }).warnings;
if (warn) console.log(`1 MiB paste, rules only: ${warn.length} warnings${warn.length ? ` (${warn[0].rule}: ${warn[0].message})` : ' (no pattern skipped or cut short)'}`);
console.log(`cold start to first result: ${(t3 - t0).toFixed(1)} ms (module ${(t1 - t0).toFixed(1)} ms, ` +
  `default bundle with model ${(t2 - t1).toFixed(1)} ms, first check ${(t3 - t2).toFixed(1)} ms)`);

if (args.includes('--rules')) {
  // Each rule alone (its bundle keeps the allow list, contact points and concepts); a metric rule
  // alone costs about what any check costs before its rules run (folding, marshalling, JSON).
  const texts = Array.from({ length: runs }, (_, i) => text(2000, i));
  const rows = [];
  for (const r of rulesOnly.rules) {  // (a classifier needs its model's bytes: not through loadPolicy)
    const h = load({ ...rulesOnly, rules: [r] });
    rows.push([time((t) => core.check(h, { reply: t }), texts), r.id, r.kind]);
    core.freePolicy(h);
  }
  rows.sort((x, y) => y[0] - x[0]);
  console.log('\neach rule alone, 2,000 characters, median ms per check (includes the fixed cost of a check)');
  for (const [ms, id, kind] of rows) console.log(id.padEnd(28) + kind.padEnd(14) + ms.toFixed(3).padStart(8));
}
