// Measures a new training batch BLIND, before it is merged: `replyguard eval` of the default bundle
// (rules and its current model) over the batch, printing micro precision/recall for the rules
// alone, the model alone and combined, per source (the figures for tests/corpus/README.md's batch
// table). --model FILE measures with another model in place of policies/default/default.ftz.
// Usage: node scripts/classifier/measure-batch.mjs BATCH.jsonl [--cli PATH] [--model FILE]
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalReport } from '../lib/eval-jsonl.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const batch = argv.find((a, i) => !a.startsWith('--') && !['--cli', '--model'].includes(argv[i - 1]));
const cli = opt('--cli', join(root, 'build/native/replyguard'));
if (!batch) {
  console.error('usage: measure-batch.mjs BATCH.jsonl [--cli PATH] [--model FILE]');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'measure-'));
try {
  const bundle = JSON.parse(readFileSync(join(root, 'policies/default/bundle.json'), 'utf8'));
  const model = opt('--model', join(root, 'policies/default', bundle.models?.default?.file || 'default.ftz'));
  copyFileSync(model, join(work, 'default.ftz'));
  bundle.models = { default: { sha256: createHash('sha256').update(readFileSync(model)).digest('hex'), file: 'default.ftz' } };
  writeFileSync(join(work, 'bundle.json'), JSON.stringify(bundle));
  const r = evalReport(cli, join(work, 'bundle.json'), batch);
  const f = (v) => (v === null || v === undefined ? 'n/a' : v.toFixed(2));
  console.log(`${batch}: ${r.examples} lines`);
  for (const src of ['all', 'reply', 'incoming']) {
    const parts = ['rules', 'model', 'combined'].map((m) => {
      const t = r.modes?.[m]?.[src];
      return t ? `${m} P ${f(t.micro.precision)} R ${f(t.micro.recall)}` : `${m} n/a`;
    });
    console.log(`  ${src.padEnd(9)} ${parts.join(' | ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
