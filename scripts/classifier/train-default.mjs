// Trains the default bundle's model (policies/default/default.ftz) reproducibly: the training
// corpus (tests/corpus/*.jsonl), fixed hyper-parameters, one thread, seed 1. Thresholds, per source
// (model.reply, model.incoming) and category: five first (unquantized, for speed) models are each
// trained without a fifth of the own lines (GermEval's lines all train: they are not the text the
// bundle checks) and score it, and on these out-of-fold scores of each source thresholds.mjs picks the thresholds for the
// combined system (rules ∪ model): the best micro F1, each category's recall ≥ 0.70 where
// reachable (TARGET below). The shipped model is then trained on everything and quantized. Writes the model, its SHA-256 and the thresholds into policies/default/bundle.json.
// Never reads tests/heldout/. --thresholds-only prints the thresholds and writes nothing;
// --precision P: the highest micro recall at micro precision ≥ P instead. Usage:
// node scripts/classifier/train-default.mjs [--cli PATH] [--thresholds-only] [--precision P] [--tune-folds K]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseThresholds, evaluate, precisionOf, recallOf } from './thresholds.mjs';
import { corpusLines, rulesFindings, tableRows, trainAndScore, tuneSplit } from './tune-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const cli = argv.includes('--cli') ? argv[argv.indexOf('--cli') + 1] : join(root, 'build/native/replyguard');
// Word trigrams and char n-grams 3-6 (issue 11): GermEval 5-fold CV 0.7343 -> 0.7384 with the own corpus, own-corpus
// split unchanged (tests/corpus/README.md, GermEval section).
export const TRAIN_OPTIONS = ['--epoch', '25', '--lr', '0.5', '--dim', '16', '--word-ngrams', '3', '--minn', '3',
  '--maxn', '6', '--bucket', '100000', '--seed', '1', '--size-limit', '1000000'];
const REPLY = ['legal', 'commitment', 'breach', 'safety', 'insult', 'tone', 'confidential', 'competitor', 'discrimination'];
const INCOMING = ['legal', 'press', 'crisis', 'threat', 'self_harm', 'breach', 'safety', 'insult', 'discrimination'];

export const CATEGORIES = { reply: REPLY, incoming: INCOMING };
// The combined system's best F1 per source, each category's recall kept ≥ 0.70 where some threshold
// reaches it. Why not precision first (P ≥ 0.92, the issue's precision target): with today's model it
// costs about 0.08 recall on batches nothing was tuned on and drops tone, competitor, commitment and
// discrimination below 0.70 (tests/corpus/README.md, "Thresholds"); a missed problem costs a
// responder more than a second look. `--precision P` chooses precision first (floors give way when
// they alone keep precision below P).
export const TARGET = { precision: null, beta: 1, minRecall: 0.7, floor: 'hard' };
const PRECISION_FIRST = { minRecall: 0.7, floor: 'greedy', beta: 0.5 };

// Thresholds for both sources from a tune table (tune-data.mjs rows), with a summary to print: the
// tune figures of the choice, and what the precision target costs against the best-F1 choice.
export function thresholdsFor(rows, target = TARGET) {
  const thresholds = {}, summary = [];
  const f3 = (v) => v.toFixed(3);
  for (const [src, cats] of Object.entries(CATEGORIES)) {
    const part = rows.filter((r) => r.source === src);
    const chosen = chooseThresholds(part, cats, target);
    const f1 = chooseThresholds(part, cats, { ...target, precision: null, beta: 1 });
    const rules = evaluate(part, {}).micro;
    thresholds[src] = Object.fromEntries(cats.map((c) => [c, chosen.thresholds[c]]));
    summary.push(`${src}: ${part.length} tune lines; rules P ${f3(precisionOf(rules))} R ${f3(recallOf(rules))}; `
      + `combined P ${f3(precisionOf(chosen.micro))} R ${f3(recallOf(chosen.micro))}`
      + `${chosen.met || target.precision == null ? '' : ` (precision ${target.precision} not reached: best F0.5)`}; best F1 would be `
      + `P ${f3(precisionOf(f1.micro))} R ${f3(recallOf(f1.micro))}`
      + (chosen.floorMissed.length ? `; recall ${target.minRecall} unreachable: ${chosen.floorMissed.join(', ')}` : '')
      + (chosen.floorDropped.length ? `; recall floor given up for the precision: ${chosen.floorDropped.join(', ')}` : ''));
  }
  return { thresholds, summary };
}

function main() {
  const lines = corpusLines(root);
  const work = mkdtempSync(join(tmpdir(), 'train-default-'));
  try {
    // Out-of-fold scores for every own line: --tune-folds K (default 5) first models, each trained without one fold
    // of the own lines (GermEval's lines always train), score that fold. One split (a fifth) gave
    // thresholds that jumped between retrains with 1,800 more lines (incoming threat 0.28 -> 0.51,
    // reply confidential 0.88 -> 0.37); five folds choose on five times the lines.
    const own = lines.filter((l) => !l.germeval);
    const split = tuneSplit(own, argv.includes('--tune-folds') ? Number(argv[argv.indexOf('--tune-folds') + 1]) : 5);
    const tune = [], scores = [];
    for (const [k, fold] of split.entries()) {
      const tuneSet = new Set(fold);
      const fit = lines.filter((l) => !tuneSet.has(l)).map((l) => l.text);
      const part = fold.map((l) => l.text);
      tune.push(...part);
      scores.push(...trainAndScore(cli, fit, part, work, TRAIN_OPTIONS).scores);
      console.log(`tune fold ${k + 1}/${split.length}: ${part.length} own lines scored`);
    }
    const bundlePath = join(root, 'policies/default/bundle.json');
    const rows = tableRows(tune, rulesFindings(cli, bundlePath, tune, work), scores);
    const target = argv.includes('--precision') ? { ...PRECISION_FIRST, precision: Number(argv[argv.indexOf('--precision') + 1]) } : TARGET;
    const { thresholds, summary } = thresholdsFor(rows, target);
    if (argv.includes('--thresholds-only')) {
      for (const s of summary) console.log(s);
      console.log(`thresholds: ${JSON.stringify(thresholds)}`);
      return;
    }
    const model = join(root, 'policies/default/default.ftz');
    const all = join(work, 'all.jsonl');
    writeFileSync(all, `${lines.map((l) => l.text).join('\n')}\n`);
    const log = execFileSync(cli, ['train', all, '--out', model, ...TRAIN_OPTIONS]).toString();
    process.stdout.write(log);
    const bytes = readFileSync(model);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Edit the hand-formatted bundle in place: the model's hash and each classifier rule's labels line.
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
    for (const s of summary) console.log(s);
    console.log(`thresholds: ${JSON.stringify(thresholds)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
