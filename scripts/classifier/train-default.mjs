// Trains the default bundle's model (policies/default/default.ftz) reproducibly: the training
// corpus (tests/corpus/*.jsonl), fixed hyper-parameters,
// one thread, seed 1. Thresholds: each category's best-F1 threshold (clamped to 0.35..0.9) on a
// fixed fifth of the corpus held out from a first (unquantized, for speed) training run; the shipped
// model is then trained on everything and quantized. Writes the model, its SHA-256 and the thresholds into policies/default/bundle.json.
// Never reads tests/heldout/. Usage: node scripts/classifier/train-default.mjs [--cli PATH]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const cli = argv.includes('--cli') ? argv[argv.indexOf('--cli') + 1] : join(root, 'build/native/replyguard');
// Word trigrams and char n-grams 3-6 (issue 11): GermEval 5-fold CV 0.7343 -> 0.7384 with the own corpus, own-corpus
// split unchanged (tests/corpus/README.md, GermEval section).
export const TRAIN_OPTIONS = ['--epoch', '25', '--lr', '0.5', '--dim', '16', '--word-ngrams', '3', '--minn', '3',
  '--maxn', '6', '--bucket', '100000', '--seed', '1', '--size-limit', '1000000'];
const REPLY = ['legal', 'commitment', 'breach', 'safety', 'insult', 'tone', 'confidential', 'competitor', 'discrimination'];
const INCOMING = ['legal', 'press', 'crisis', 'threat', 'self_harm', 'breach', 'safety', 'insult', 'discrimination'];

// Every corpus file: corpus.jsonl, germeval2018.jsonl and the merged training batches (train-*.jsonl).
const corpus = readdirSync(join(root, 'tests/corpus')).filter((f) => f.endsWith('.jsonl')).sort()
  .flatMap((f) => readFileSync(join(root, 'tests/corpus', f), 'utf8').trim().split('\n'));
const work = mkdtempSync(join(tmpdir(), 'train-default-'));
try {
  const write = (name, rows) => {
    const p = join(work, name);
    writeFileSync(p, `${rows.join('\n')}\n`);
    return p;
  };
  // Thresholds from a held-out fifth of the training corpus (every fifth line).
  const fit = corpus.filter((_, i) => i % 5 !== 0);
  const tune = corpus.filter((_, i) => i % 5 === 0);
  // One threshold per category for both sources (one training run; machine time is scarce).
  const out = JSON.parse(execFileSync(cli, ['train', write('fit.jsonl', fit), '--out', join(work, 'fit.ftz'),
    '--report', write('tune.jsonl', tune), '--json', '--no-quantize', ...TRAIN_OPTIONS],
  { maxBuffer: 1 << 26 }).toString());
  const thresholds = {};
  for (const [src, cats] of [['reply', REPLY], ['incoming', INCOMING]]) {
    thresholds[src] = {};
    for (const c of cats) {
      const r = out.report.categories[c];
      thresholds[src][c] = r ? Math.min(0.9, Math.max(0.35, r.best_threshold)) : 0.5;
    }
  }
  const model = join(root, 'policies/default/default.ftz');
  const log = execFileSync(cli, ['train', write('all.jsonl', corpus), '--out', model, ...TRAIN_OPTIONS]).toString();
  process.stdout.write(log);
  const bytes = readFileSync(model);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Edit the hand-formatted bundle in place: the model's hash and each classifier rule's labels line.
  const bundlePath = join(root, 'policies/default/bundle.json');
  let text = readFileSync(bundlePath, 'utf8');
  const entry = /("default": \{"sha256": ")[0-9a-f]{64}(", "file": "default.ftz"\})/;
  if (!entry.test(text)) throw new Error(`${bundlePath}: no models.default entry to update`);
  text = text.replace(entry, `$1${sha256}$2`);
  for (const [src, id] of [['reply', 'model.reply'], ['incoming', 'model.incoming']]) {
    const at = text.indexOf(`"id": "${id}"`);
    if (at < 0) throw new Error(`${bundlePath}: rule ${id} missing`);
    const line = text.indexOf('"labels": {', at);
    const end = text.indexOf('\n', line);
    const labels = Object.entries(thresholds[src]).map(([c, t]) => `"${c}": ${t}`).join(', ');
    text = `${text.slice(0, line)}"labels": {${labels}},${text.slice(end)}`;
  }
  JSON.parse(text);
  writeFileSync(bundlePath, text);
  console.log(`policies/default/default.ftz: ${bytes.length} bytes, sha256 ${sha256}`);
  console.log(`thresholds: ${JSON.stringify(thresholds)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
