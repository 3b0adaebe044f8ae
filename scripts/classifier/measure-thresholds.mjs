// Old vs new threshold selection, measured on the TRAINING corpus only (never tests/heldout/): the
// own lines are split three ways, a model is trained on one part (unquantized, the default
// options), thresholds are chosen on the second (tune) and the combined system (rules ∪ model) is
// measured on the third, on which nothing was chosen. Old: one threshold per category for both
// sources, the model's best F1 alone (modelBestF1); new: train-default.mjs's per-source choice for
// the combined system (thresholdsFor); for comparison the same with hard recall floors, the
// per-category objective and the combined system's best F1 (what the precision target costs).
//   --split lines (default): own line i: i % 5 == 0 measures, i % 5 == 1 tunes, the rest trains.
//   --split batches: the last three batches (train-t21…t23) measure whole (text of authors the
//     model and the thresholds never saw); every fifth other own line tunes, the rest trains.
// GermEval's lines always train. --table FILE keeps the score table (and the model, FILE.bin) and
// reuses it when present; --check re-measures the new choice with `replyguard eval` (the engine).
// --precision P / --min-recall R try other targets on the tune lines (default train-default's).
// Usage: node scripts/classifier/measure-thresholds.mjs [--cli PATH] [--split lines|batches]
//        [--table FILE] [--check] [--precision P] [--min-recall R] [--json]
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseThresholds, evaluate, modelBestF1, precisionOf, recallOf } from './thresholds.mjs';
import { CATEGORIES, TARGET, TRAIN_OPTIONS, thresholdsFor } from './train-default.mjs';
import { corpusLines, rulesFindings, tableRows, trainAndScore } from './tune-data.mjs';
import { evalReport } from '../lib/eval-jsonl.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const cli = opt('--cli', join(root, 'build/native/replyguard'));
const split = opt('--split', 'lines');
const tableFile = opt('--table', null);
const bundlePath = join(root, 'policies/default/bundle.json');
const MEASURE_BATCHES = ['train-t21.jsonl', 'train-t22.jsonl', 'train-t23.jsonl'];

function parts() {
  const lines = corpusLines(root);
  const own = lines.filter((l) => !l.germeval);
  const role = new Map();
  if (split === 'lines') {
    own.forEach((l, i) => role.set(l, i % 5 === 0 ? 'measure' : i % 5 === 1 ? 'tune' : 'train'));
  } else if (split === 'batches') {
    const rest = own.filter((l) => !MEASURE_BATCHES.includes(l.file));
    for (const l of own) if (MEASURE_BATCHES.includes(l.file)) role.set(l, 'measure');
    rest.forEach((l, i) => role.set(l, i % 5 === 0 ? 'tune' : 'train'));
  } else {
    throw new Error(`--split ${split}: lines or batches`);
  }
  const of = (r) => lines.filter((l) => (role.get(l) ?? 'train') === r).map((l) => l.text);
  return { train: of('train'), tune: of('tune'), measure: of('measure') };
}

function table(work) {
  if (tableFile && existsSync(tableFile)) return JSON.parse(readFileSync(tableFile, 'utf8'));
  const { train, tune, measure } = parts();
  const scored = [...tune, ...measure];
  const { model, scores } = trainAndScore(cli, train, scored, work, TRAIN_OPTIONS);
  const rows = tableRows(scored, rulesFindings(cli, bundlePath, scored, work), scores);
  const t = { split, train: train.length, tune: rows.slice(0, tune.length), measure: rows.slice(tune.length) };
  if (tableFile) {
    writeFileSync(tableFile, JSON.stringify(t));
    copyFileSync(model, `${tableFile}.bin`);
  }
  return { ...t, model };
}

// The engine's figures for the measure lines with `thresholds` and the table's model.
function engineCheck(t, thresholds, work) {
  const model = t.model ?? `${tableFile}.bin`;
  const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
  copyFileSync(model, join(work, 'fit.bin'));
  bundle.models = { default: { sha256: createHash('sha256').update(readFileSync(model)).digest('hex'), file: 'fit.bin' } };
  for (const r of bundle.rules) if (r.kind === 'classifier') r.labels = thresholds[r.applies_to];
  writeFileSync(join(work, 'bundle.json'), JSON.stringify(bundle));
  const corpus = join(work, 'measure.jsonl');
  writeFileSync(corpus, `${t.measure.map((r) => r.line).join('\n')}\n`);
  return evalReport(cli, join(work, 'bundle.json'), corpus).modes.combined;
}

const f3 = (v) => v.toFixed(3);
const pr = (c) => `P ${f3(precisionOf(c))} R ${f3(recallOf(c))} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;

const work = mkdtempSync(join(tmpdir(), 'measure-thresholds-'));
try {
  const t = table(work);
  const old = modelBestF1(t.tune, [...new Set(Object.values(CATEGORIES).flat())]);
  const target = { ...TARGET, precision: Number(opt('--precision', TARGET.precision)), minRecall: Number(opt('--min-recall', TARGET.minRecall)) };
  const { thresholds: fresh } = thresholdsFor(t.tune, target);
  const variant = (options) => Object.fromEntries(Object.entries(CATEGORIES).map(([src, cats]) =>
    [src, chooseThresholds(t.tune.filter((r) => r.source === src), cats, { ...target, ...options }).thresholds]));
  const choices = {
    old: Object.fromEntries(Object.entries(CATEGORIES).map(([s, cats]) => [s, Object.fromEntries(cats.map((c) => [c, old[c]]))])),
    new: fresh,
    'new, hard floors': variant({ floor: 'hard' }),
    'new, per category': variant({ objective: 'category' }),
    'combined best F1': variant({ precision: null, beta: 1 }),
  };
  console.log(`split ${t.split}: ${t.train} train lines, ${t.tune.length} tune, ${t.measure.length} measure`);
  const figures = {};
  for (const src of Object.keys(CATEGORIES)) {
    const tune = t.tune.filter((r) => r.source === src), measure = t.measure.filter((r) => r.source === src);
    console.log(`\n${src}: ${tune.length} tune lines, ${measure.length} measure lines`);
    console.log(`  rules alone            measure ${pr(evaluate(measure, {}).micro)}`);
    figures[src] = {};
    for (const [name, th] of Object.entries(choices)) {
      const m = evaluate(measure, th[src]), tu = evaluate(tune, th[src]);
      figures[src][name] = { thresholds: th[src], measure: m, tune: tu.micro };
      console.log(`  ${name.padEnd(22)} measure ${pr(m.micro)} | tune ${pr(tu.micro)}`);
      console.log(`  ${''.padEnd(22)} thresholds ${JSON.stringify(th[src])}`);
    }
    console.log(`  category          n   recall, then precision: ${Object.keys(choices).join(' / ')}`);
    const cats = Object.keys(figures[src].old.measure.categories);
    for (const c of cats) {
      const k = Object.values(figures[src]).map((f) => f.measure.categories[c]);
      const n = k[0].tp + k[0].fn;
      if (!n && !k.some((x) => x.fp)) continue;
      const low = k.some((x) => recallOf(x) < TARGET.minRecall) ? '  < 0.70' : '';
      console.log(`  ${c.padEnd(15)} ${String(n).padStart(4)}   R ${k.map((x) => f3(recallOf(x))).join(' / ')}`
        + `   P ${k.map((x) => f3(precisionOf(x))).join(' / ')}${low}`);
    }
  }
  if (argv.includes('--check')) {
    const e = engineCheck(t, fresh, work);
    for (const src of Object.keys(CATEGORIES)) {
      const js = figures[src].new.measure.micro, en = e[src].micro;
      console.log(`engine check ${src}: replyguard eval tp ${en.tp} fp ${en.fp} fn ${en.fn}; table tp ${js.tp} fp ${js.fp} fn ${js.fn}`);
    }
  }
  if (argv.includes('--json')) console.log(JSON.stringify(figures));
} finally {
  rmSync(work, { recursive: true, force: true });
}
