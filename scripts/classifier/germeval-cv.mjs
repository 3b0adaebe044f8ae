// GermEval 2018 5-fold cross-validation of the classifier (OFFENSE vs OTHER, macro-F1), with the
// trainer the default model uses (`replyguard train`, quantized, check-time scoring). Only the
// training file is used; each fold's threshold is chosen on a split of its own training part, so
// the test fold decides nothing. --with FILE adds other corpus lines to every training part.
// Usage: node germeval-cv.mjs [--cli build/native-release/replyguard] [--with corpus.jsonl]
//        [--abuse MAPPING] [--folds 5] [-- train options...]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash < 0 ? argv : argv.slice(0, dash);
const trainOpts = dash < 0 ? [] : argv.slice(dash + 1);
const opt = (name, dflt) => (own.includes(name) ? own[own.indexOf(name) + 1] : dflt);
const cli = opt('--cli', join(root, 'build/native-release/replyguard'));
const folds = Number(opt('--folds', '5'));
const withFile = opt('--with', null);
const abuse = opt('--abuse', 'insult');
const germeval = opt('--germeval', '/work/shared/datasets/germeval2018/training.txt');

const convert = execFileSync('node', [join(here, 'germeval-jsonl.mjs'), germeval, '--abuse', abuse], { maxBuffer: 1 << 28 });
const lines = convert.toString().trim().split('\n');
const extra = withFile ? readFileSync(withFile, 'utf8').trim().split('\n') : [];

// Deterministic shuffle (32-bit LCG, seed 1).
let s = 1;
const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const order = lines.map((_, i) => i);
for (let i = order.length - 1; i > 0; i -= 1) {
  const j = Math.floor(rand() * (i + 1));
  [order[i], order[j]] = [order[j], order[i]];
}
const work = mkdtempSync(join(tmpdir(), 'germeval-cv-'));
const write = (name, rows) => {
  const p = join(work, name);
  writeFileSync(p, `${rows.join('\n')}\n`);
  return p;
};
const trainReport = (trainRows, reportRows, threshold) => {
  const out = JSON.parse(execFileSync(cli, ['train', write('train.jsonl', trainRows), '--out', join(work, 'm.ftz'),
    '--report', write('report.jsonl', reportRows), '--threshold', String(threshold), '--json', ...trainOpts],
  { maxBuffer: 1 << 26 }).toString());
  return out.report.categories;
};
const f1 = (c) => (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
const bestOf = (sweep, score) => sweep.reduce((b, c) => (score(c) > b.f ? { f: score(c), th: c.threshold } : b), { f: -1, th: 0.5 });
const at = (sweep, th) => sweep.find((c) => Math.abs(c.threshold - th) < 1e-9);
const macroF1 = (c) => {
  const f1o = (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
  const f1n = (2 * c.tn) / (2 * c.tn + c.fn + c.fp);
  return (f1o + f1n) / 2;
};

const scores = [];
const discrimination = [];
try {
  for (let k = 0; k < folds; k += 1) {
    const test = order.filter((_, j) => j % folds === k).map((i) => lines[i]);
    const train = order.filter((_, j) => j % folds !== k).map((i) => lines[i]);
    // Threshold: best macro-F1 on a quarter of the training part, trained on the rest.
    const inner = train.filter((_, j) => j % 4 === 0);
    const innerTrain = train.filter((_, j) => j % 4 !== 0);
    const innerCats = trainReport([...innerTrain, ...extra], inner, 0.5);
    const best = bestOf(innerCats.insult.sweep, macroF1);
    const cats = trainReport([...train, ...extra], test, 0.5);
    const c = at(cats.insult.sweep, best.th);
    const f = macroF1(c);
    // With ABUSE also labelled discrimination: can the model tell ABUSE from other offense?
    if (innerCats.discrimination && cats.discrimination) {
      const bd = bestOf(innerCats.discrimination.sweep, f1);
      const d = at(cats.discrimination.sweep, bd.th);
      discrimination.push(f1(d));
      console.log(`fold ${k + 1}: discrimination (= ABUSE) F1 ${f1(d).toFixed(4)} at ${bd.th} ` +
        `(P ${(d.tp / (d.tp + d.fp)).toFixed(3)} R ${(d.tp / (d.tp + d.fn)).toFixed(3)})`);
    }
    scores.push(f);
    console.log(`fold ${k + 1}: threshold ${best.th} (inner macro-F1 ${best.f.toFixed(4)}), test macro-F1 ${f.toFixed(4)} ` +
      `(offense P ${(c.tp / (c.tp + c.fp)).toFixed(3)} R ${(c.tp / (c.tp + c.fn)).toFixed(3)})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
if (discrimination.length) {
  console.log(`ABUSE as discrimination: ${folds}-fold CV F1 ${(discrimination.reduce((a, b) => a + b, 0) / folds).toFixed(4)}`);
}
console.log(`GermEval 2018 ${folds}-fold CV macro-F1 (OFFENSE vs OTHER): ${mean.toFixed(4)} ` +
  `(abuse -> ${abuse}${withFile ? `, with ${withFile}` : ''}; train options: ${trainOpts.join(' ') || 'defaults'})`);
