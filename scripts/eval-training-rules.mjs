// The rules alone (no model) of a bundle on the TRAINING corpus (tests/corpus/*.jsonl): micro and
// per-category precision/recall per source, from `replyguard eval --json` (native CLI). For
// measuring rule changes before/after; the blind sets are never read here.
// Usage: node scripts/eval-training-rules.mjs [--cli PATH] [--bundle PATH] [--json]
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalJsonl } from './lib/eval-jsonl.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const cli = opt('--cli', join(root, 'build/native/replyguard'));
const bundle = opt('--bundle', join(root, 'policies/default/bundle.json'));
const dir = join(root, 'tests/corpus');
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();

const result = evalJsonl(cli, bundle, files.map((f) => join(dir, f)));

const rules = result.modes?.rules;
if (!rules) throw new Error('replyguard eval --json gave no per-mode figures');
const f3 = (v) => (v === null || v === undefined ? '  n/a' : v.toFixed(3));
const figures = {};
console.log(`training corpus, rules only: ${result.examples} lines in ${files.length} files`);
for (const src of ['reply', 'incoming']) {
  const per = rules[src];
  if (!per) continue;
  figures[src] = { micro: per.micro, categories: {} };
  console.log(`\n${src}: ${'category'.padEnd(18)} precision recall   tp    fp    fn`);
  for (const [c, k] of Object.entries(per.categories)) {
    if (k.tp + k.fn + k.fp === 0) continue;
    figures[src].categories[c] = k;
    console.log(`  ${c.padEnd(24)} ${f3(k.precision)}     ${f3(k.recall)}  ${String(k.tp).padStart(5)} ${String(k.fp).padStart(5)} ${String(k.fn).padStart(5)}`);
  }
  const m = per.micro;
  console.log(`  ${'micro'.padEnd(24)} ${f3(m.precision)}     ${f3(m.recall)}  ${String(m.tp ?? '').padStart(5)} ${String(m.fp ?? '').padStart(5)} ${String(m.fn ?? '').padStart(5)}`);
}
if (argv.includes('--json')) console.log(JSON.stringify(figures));
