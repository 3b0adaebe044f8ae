// Same findings from two builds of the core: every line of the training corpus (tests/corpus/*.jsonl),
// the check vectors' texts and long pastes made of them, checked by this build and by another one
// (RG_WASM_BASELINE) with the default bundle (rules and model), its rules alone and the example
// bundles; prints the first differences and their count. For speed work: a change must not alter
// a result. Usage: RG_WASM_BASELINE=/other/build/wasm node tests/bench/compare-builds.mjs [max lines]
import { readFileSync, readdirSync } from 'node:fs';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';
import { defaultRules } from './default-bundle.mjs';

const baseDir = process.env.RG_WASM_BASELINE;
if (!baseDir) throw new Error('RG_WASM_BASELINE=dir of the other build');
const max = Number(process.argv[2] || Infinity);
const root = new URL('../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');

const rulesOnly = defaultRules();
const bundles = [['rules alone', JSON.stringify(rulesOnly)], ['telecom example', read('policies/examples/telecom.json')],
  ['vectors bundle', read('tests/vectors/vectors_bundle.json')], ['cue bundle', read('tests/vectors/cue_bundle.json')]];

const texts = [];
for (const f of readdirSync(new URL('tests/corpus/', root)).filter((f) => f.endsWith('.jsonl')).sort())
  for (const line of read(`tests/corpus/${f}`).split('\n')) if (line.trim()) texts.push(JSON.parse(line));
const vectors = JSON.parse(read('tests/vectors/check_vectors.json'));
for (const v of vectors) if (v.reply || v.incoming) texts.push({ text: v.reply || v.incoming, lang: v.lang || 'en' });
// Long texts (one check over many sentences: cues, sentences and matches far apart).
for (let i = 0; i + 200 <= Math.min(texts.length, 4000); i += 200)
  texts.push({ text: texts.slice(i, i + 200).map((t) => t.text).join(i % 400 ? ' ' : '\n'), lang: 'de' });

const cores = [await loadNodeCore(), await loadNodeCore(baseDir)];
const handles = cores.map((c) => {
  const h = [['default bundle', c.defaultPolicy().handle]];
  for (const [name, json] of bundles) {
    const r = c.loadPolicy(json);
    if (r.ok) h.push([name, r.handle]);
  }
  return h;
});
let diffs = 0, checks = 0;
const n = Math.min(texts.length, max);
for (let i = 0; i < n; i++) {
  const t = texts[i];
  for (let b = 0; b < handles[0].length; b++) {
    for (const req of [{ reply: t.text, lang: t.lang }, { incoming: t.text, lang: t.lang, platform: 'x' }]) {
      const [a, z] = cores.map((c, k) => JSON.stringify(c.check(handles[k][b][1], req)));
      checks++;
      if (a !== z && diffs++ < 5) console.log(`DIFF ${handles[0][b][0]} #${i}: ${t.text.slice(0, 80)}\n  new  ${a.slice(0, 300)}\n  base ${z.slice(0, 300)}`);
    }
  }
}
console.log(`${checks} checks of ${n} texts, ${diffs} differences`);
process.exitCode = diffs ? 1 : 0;
