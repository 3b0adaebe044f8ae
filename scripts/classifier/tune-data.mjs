// The score table thresholds.mjs chooses from, built with the native CLI: per corpus line what the
// bundle's rules report (`replyguard eval` of the bundle without its classifier rules) and the
// model's per-label text scores (`replyguard train --report FILE --json --scores`).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evalReport } from '../lib/eval-jsonl.mjs';
import { rulesOnly } from '../lib/rules-only.mjs';

// Every line of the training corpus (tests/corpus/*.jsonl, files sorted: corpus.jsonl,
// germeval2018.jsonl, train-*.jsonl) as { file, text, germeval }.
export function corpusLines(root) {
  const dir = join(root, 'tests/corpus');
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').filter((t) => t.trim())
      .map((text) => ({ file, text, germeval: file === 'germeval2018.jsonl' })));
}

// The own lines that score each first model, fold by fold: line i in fold i % folds, so every own
// line is scored exactly once by a model that did not train on it. folds = 1: every fifth line only
// (the former single tune split).
export function tuneSplit(own, folds) {
  if (!Number.isInteger(folds) || folds < 1 || folds > 10) throw new Error('--tune-folds: an integer from 1 to 10');
  if (folds === 1) return [own.filter((_, i) => i % 5 === 0)];
  return Array.from({ length: folds }, (_, k) => own.filter((_, i) => i % folds === k));
}

// The categories the rules (no classifier rule, no model) report per line of `lines` (JSON text
// lines in the corpus format), for the line's own source.
export function rulesFindings(cli, bundlePath, lines, work) {
  const bundleFile = join(work, 'rules-only.json');
  writeFileSync(bundleFile, JSON.stringify(rulesOnly(JSON.parse(readFileSync(bundlePath, 'utf8')))));
  const corpusFile = join(work, 'rules-lines.jsonl');
  writeFileSync(corpusFile, `${lines.join('\n')}\n`);
  const report = evalReport(cli, bundleFile, corpusFile);
  // eval lists the lines whose findings differ from their labels; the others report exactly them.
  const found = lines.map((l) => JSON.parse(l).categories.slice());
  for (const e of report.errors) {
    const i = e.line - 1;
    found[i] = [...found[i].filter((c) => !e.missed.includes(c)), ...e.false_positive];
  }
  return found;
}

// Trains a model on `fitLines` (unquantized, `options` as `replyguard train` takes them) and scores
// every line of `scoreLines`: [{category: score}] in their order.
export function trainAndScore(cli, fitLines, scoreLines, work, options) {
  const fit = join(work, 'fit.jsonl'), scored = join(work, 'scored.jsonl');
  writeFileSync(fit, `${fitLines.join('\n')}\n`);
  writeFileSync(scored, `${scoreLines.join('\n')}\n`);
  const model = join(work, 'fit.bin');
  const out = JSON.parse(execFileSync(cli, ['train', fit, '--out', model, '--report', scored, '--json', '--scores',
    '--no-quantize', ...options], { maxBuffer: 1 << 28 }).toString());
  if (out.report.lines.length !== scoreLines.length) throw new Error('replyguard train --scores: line count differs');
  return { model, scores: out.report.lines.map((l) => l.scores) };
}

// Rows for thresholds.mjs: one per line, with its source and (to re-check with the engine) the line.
export function tableRows(lines, rules, scores) {
  return lines.map((line, i) => {
    const e = JSON.parse(line);
    return { id: e.id, source: e.source, labels: e.categories, rules: rules[i], scores: scores[i], line };
  });
}
