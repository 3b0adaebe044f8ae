// Benchmark of the wasm core through the same JS wrapper the extension uses, with a JS reference
// (modern-ahocorasick over the same lexicon) in the same process. Prints figures; asserts nothing.
// Usage: node tests/bench/bench-wasm.mjs [runs]
import AhoCorasick from 'modern-ahocorasick';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';
import { defaultBundle, defaultRules } from './default-bundle.mjs';

const runs = Number(process.argv[2] || 2000);
// mulberry32: a deterministic 32-bit generator (integer math stays exact in JS).
let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const letters = 'abcdefghijklmnopqrstuvwxyz';
const word = (min, max) => {
  const n = min + Math.floor(rand() * (max - min + 1));
  let w = '';
  for (let i = 0; i < n; i++) w += letters[Math.floor(rand() * 26)];
  return w;
};

function makeBundle(termCount) {
  const terms = new Set();
  while (terms.size < termCount) terms.add(word(5, 12));
  const ex = { flag: [], pass: ['nothing here'] };
  const base = (id, extra) => ({
    id, category: 'bench', severity: 'warn', message: { en: id, de: id }, ...extra,
  });
  const termList = [...terms];
  return {
    terms: termList,
    bundle: {
      format: 'replyguard-bundle/1', id: `bench.t${termCount}`, version: 1, name: { en: 'bench' },
      languages: ['en'], categories: { bench: { label: { en: 'Bench' } } },
      rules: [
        base('terms', { kind: 'terms', terms: termList, obfuscation: ['leet'],
          examples: { flag: [termList[0]], pass: ex.pass } }),
        ...['email', 'phone', 'iban', 'card', 'url'].map((d) => base(`det.${d}`, { kind: 'detector', detector: d,
          examples: { flag: [{ email: 'a.b@example.com', phone: 'call +49 30 1234567', iban: 'DE89 3704 0044 0532 0130 00',
            card: '4111 1111 1111 1111', url: 'https://example.com/x' }[d]], pass: ex.pass } })),
        base('pat.order', { kind: 'pattern', pattern: '\\border\\s*#?\\d{6,}', flags: ['i'],
          examples: { flag: ['order #1234567'], pass: ex.pass } }),
        base('pat.money', { kind: 'pattern', pattern: '\\d+([.,]\\d{2})?\\s?(€|eur|euro)', flags: ['i'],
          examples: { flag: ['12,50 EUR'], pass: ex.pass } }),
        base('len', { kind: 'metric', metric: 'length', max: 5000, examples: { flag: ['x'.repeat(5001)], pass: ex.pass } }),
      ],
    },
  };
}

function makeReply(terms) {
  let text = '';
  while (text.length < 2000) {
    const r = rand();
    text += (r < 0.01 ? terms[Math.floor(rand() * terms.length)] : word(2, 9)) + (rand() < 0.1 ? '. ' : ' ');
  }
  return text.slice(0, 2000);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)] };
};
const fmt = (ms) => `${(ms * 1000).toFixed(1)} µs`;

const core = await loadNodeCore();
console.log(`bench-wasm: ${runs} checks of a 2,000-char reply per bundle size`);
for (const n of [100, 1000, 10000]) {
  const { bundle, terms } = makeBundle(n);
  const json = JSON.stringify(bundle);
  let t0 = performance.now();
  const loaded = core.loadPolicy(json);
  const compileMs = performance.now() - t0;
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 3)));
  const reply = makeReply(terms);
  for (let i = 0; i < 50; i++) core.check(loaded.handle, { reply });
  const wasmTimes = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    findings = core.check(loaded.handle, { reply }).findings.length;
    wasmTimes.push(performance.now() - t0);
  }
  const ac = new AhoCorasick(terms);
  const lower = reply.toLowerCase();
  const jsTimes = [];
  let jsHits = 0;
  for (let i = 0; i < runs; i++) {
    t0 = performance.now();
    jsHits = ac.search(lower).length;
    jsTimes.push(performance.now() - t0);
  }
  const w = stats(wasmTimes);
  const j = stats(jsTimes);
  console.log(`terms ${String(n).padStart(5)}: compile ${compileMs.toFixed(1)} ms | wasm check median ${fmt(w.median)} p95 ${fmt(w.p95)} (${findings} findings)` +
    ` | JS modern-ahocorasick terms only median ${fmt(j.median)} p95 ${fmt(j.p95)} (${jsHits} hits) | wasm/JS ${(w.median / j.median).toFixed(2)}`);
  core.freePolicy(loaded.handle);
}
// The default bundle: rules alone (its classifier rules removed) beside rules and model, on a
// 2,000-character reply of ordinary customer-care sentences (one of them an insult).
{
  const bundle = defaultBundle();
  const sentences = ['Hallo Frau Meier, das tut uns leid.', 'Wir schauen uns das gerne an.',
    'Schreiben Sie uns bitte eine DM mit Ihrer Kundennummer, dann melden wir uns.', 'Thanks for your patience!',
    'Your parcel left our warehouse yesterday and should arrive on Monday.', 'Could you restart the router once?',
    'Honestly, only an idiot would order twice.', 'We will check whether a refund is possible.'];
  let reply = '';
  for (let i = 0; reply.length < 2000; i++) reply += `${sentences[i % sentences.length]} `;
  reply = reply.slice(0, 2000);
  const timeChecks = (handle) => {
    for (let i = 0; i < 20; i++) core.check(handle, { reply });
    const times = [];
    let findings = 0;
    for (let i = 0; i < Math.min(runs, 500); i++) {
      const t0 = performance.now();
      findings = core.check(handle, { reply }).findings.length;
      times.push(performance.now() - t0);
    }
    return { ...stats(times), findings };
  };
  const hasModel = (bundle.rules || []).some((r) => r.kind === 'classifier');
  const r = core.loadPolicy(JSON.stringify(defaultRules()));
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  const a = timeChecks(r.handle);
  console.log(`default bundle, rules only:      2,000-char reply median ${fmt(a.median)} p95 ${fmt(a.p95)} (${a.findings} findings)`);
  core.freePolicy(r.handle);
  if (hasModel) {
    const d = core.defaultPolicy();
    if (!d.ok) throw new Error(JSON.stringify(d.errors.slice(0, 3)));
    const b = timeChecks(d.handle);
    console.log(`default bundle, rules and model: 2,000-char reply median ${fmt(b.median)} p95 ${fmt(b.p95)} (${b.findings} findings)`);
    core.freePolicy(d.handle);
  } else {
    console.log('default bundle has no classifier rule: no rules-and-model figure');
  }
}
// Cold start: a fresh module (compile + instantiate + ICU data), the default bundle with its
// model, and the first check, as a new extension worker does it.
{
  const t0 = performance.now();
  const fresh = await loadNodeCore();
  const t1 = performance.now();
  const d = fresh.defaultPolicy();
  const t2 = performance.now();
  fresh.check(d.handle, { reply: 'Danke für Ihre Geduld, wir melden uns morgen.' });
  const t3 = performance.now();
  console.log(`cold start to first result: ${(t3 - t0).toFixed(1)} ms (module ${(t1 - t0).toFixed(1)} ms, ` +
    `default bundle with model ${(t2 - t1).toFixed(1)} ms, first check ${(t3 - t2).toFixed(1)} ms)`);
}
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 1048576).toFixed(1)} MiB, array buffers (wasm heap) ${(mem.arrayBuffers / 1048576).toFixed(1)} MiB`);
