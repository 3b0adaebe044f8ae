// Guard for classifier changes made for GermEval: does the own corpus lose? Trains on corpus.jsonl,
// germeval2018.jsonl and four fifths of the training batches (whole batches: every fifth batch,
// t05, t10, t15, t20, is held back as text from authors the model never saw), then reports micro
// precision/recall per source on the held-back batches with the trainer's check-time scoring
// (`replyguard train --report --json`): at --threshold (0.5) and with each category at its best-F1
// threshold on those batches (optimistic, the same for every run compared). Never reads tests/heldout/.
// Usage: node scripts/classifier/own-split.mjs [--cli build/native/replyguard] [-- train options...]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash < 0 ? argv : argv.slice(0, dash);
const trainOpts = dash < 0 ? [] : argv.slice(dash + 1);
const cli = own.includes('--cli') ? own[own.indexOf('--cli') + 1] : join(root, 'build/native/replyguard');

const dir = join(root, 'tests/corpus');
const read = (f) => readFileSync(join(dir, f), 'utf8').trim().split('\n');
const batches = readdirSync(dir).filter((f) => /^train-t\d+\.jsonl$/.test(f)).sort();
const held = batches.filter((_, i) => i % 5 === 4);
const fit = [...read('corpus.jsonl'), ...read('germeval2018.jsonl'), ...batches.filter((f) => !held.includes(f)).flatMap(read)];
const test = held.flatMap(read);
const work = mkdtempSync(join(tmpdir(), 'own-split-'));
try {
  writeFileSync(join(work, 'fit.jsonl'), `${fit.join('\n')}\n`);
  writeFileSync(join(work, 'test.jsonl'), `${test.join('\n')}\n`);
  const out = JSON.parse(execFileSync(cli, ['train', join(work, 'fit.jsonl'), '--out', join(work, 'm.ftz'),
    '--report', join(work, 'test.jsonl'), '--json', ...trainOpts], { maxBuffer: 1 << 26 }).toString());
  const f = (v) => v.toFixed(3);
  console.log(`trained on ${fit.length} lines, reported on ${held.join(', ')} (${test.length} lines); ` +
    `train options: ${trainOpts.join(' ') || 'defaults'}`);
  for (const [src, r] of Object.entries(out.report.sources)) {
    const a = r.at_threshold, b = r.at_best;
    console.log(`  ${src.padEnd(9)} micro P ${f(a.precision)} R ${f(a.recall)} at ${out.report.threshold}; ` +
      `P ${f(b.precision)} R ${f(b.recall)} at each category's best threshold`);
  }
  const cats = Object.entries(out.report.categories).map(([c, r]) => `${c} ${f(r.best_f1)}`);
  console.log(`  best F1 per category (both sources): ${cats.join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
