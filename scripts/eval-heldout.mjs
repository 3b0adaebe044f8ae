// The held-out set (tests/heldout/*.jsonl, written blind by authors who never saw the rules or the
// training data; never trained or tuned on): `replyguard eval` of the default bundle over it,
// printed per source for the rules alone, the model alone and both, per category. Fails only on a
// regression against the committed figures (tests/heldout/figures.json): a combined micro
// precision or recall per source more than 0.02 lower, or a category's combined recall more than
// 0.05 lower. --record writes the current figures as the new reference (only after a deliberate
// change, never to tune anything). Prints figures only, never the lines.
// Usage: node scripts/eval-heldout.mjs [--cli PATH] [--record]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalJsonl } from './lib/eval-jsonl.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const cli = argv.includes('--cli') ? argv[argv.indexOf('--cli') + 1] : join(root, 'build/native/replyguard');
const dir = process.env.RG_HELDOUT_DIR || join(root, 'tests/heldout');
const figuresPath = join(root, 'tests/heldout/figures.json');  // committed beside the batches
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort() : [];
if (!files.length) {
  console.log('heldout: no tests/heldout/*.jsonl yet; nothing to measure');
  process.exit(0);
}
const result = evalJsonl(cli, join(root, 'policies/default/bundle.json'), files.map((f) => join(dir, f)));

const f3 = (v) => (v === null || v === undefined ? '  n/a' : v.toFixed(3));
const modes = result.modes || { combined: { all: result, reply: null, incoming: null } };
const figures = { examples: result.examples, files, sources: {} };
console.log(`heldout: ${result.examples} lines in ${files.length} files (${files.join(', ')})`);
for (const src of ['reply', 'incoming']) {
  const per = (m) => modes[m]?.[src];
  if (!per('combined')) continue;
  figures.sources[src] = {};
  console.log(`\n${src}: precision/recall       rules          model          combined       n`);
  const cats = Object.keys(per('combined').categories).filter((c) => {
    const k = per('combined').categories[c];
    return k.tp + k.fn + k.fp > 0;
  });
  for (const c of cats) {
    const row = ['rules', 'model', 'combined'].map((m) => {
      const k = per(m)?.categories[c];
      return k ? `${f3(k.precision)}/${f3(k.recall)}` : '        n/a';
    });
    const k = per('combined').categories[c];
    console.log(`  ${c.padEnd(22)} ${row.map((r) => r.padEnd(14)).join(' ')} ${k.tp + k.fn}`);
    figures.sources[src][c] = { recall: k.recall, precision: k.precision, n: k.tp + k.fn };
  }
  const micro = ['rules', 'model', 'combined'].map((m) => (per(m) ? `${f3(per(m).micro.precision)}/${f3(per(m).micro.recall)}` : 'n/a'));
  console.log(`  ${'micro'.padEnd(22)} ${micro.map((r) => r.padEnd(14)).join(' ')}`);
  console.log(`  ${'macro recall'.padEnd(22)} ${['rules', 'model', 'combined'].map((m) => f3(per(m)?.macro.recall).padEnd(14)).join(' ')}`);
  figures.sources[src].micro = { precision: per('combined').micro.precision, recall: per('combined').micro.recall };
}

if (argv.includes('--record')) {
  mkdirSync(dirname(figuresPath), { recursive: true });
  writeFileSync(figuresPath, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nheldout: recorded ${figuresPath}`);
  process.exit(0);
}
if (!existsSync(figuresPath)) {
  console.log('\nheldout: no committed figures (tests/heldout/figures.json); nothing to compare');
  process.exit(0);
}
const ref = JSON.parse(readFileSync(figuresPath, 'utf8'));
const regressions = [];
for (const [src, cats] of Object.entries(ref.sources || {})) {
  for (const [c, r] of Object.entries(cats)) {
    const now = figures.sources[src]?.[c];
    if (!now) continue;
    if (c === 'micro') {
      for (const k of ['precision', 'recall'])
        if (r[k] !== null && now[k] !== null && now[k] < r[k] - 0.02) regressions.push(`${src} micro ${k} ${f3(now[k])} < ${f3(r[k])}`);
    } else if (r.recall !== null && now.recall !== null && now.recall < r.recall - 0.05) {
      regressions.push(`${src} ${c} recall ${f3(now.recall)} < ${f3(r.recall)}`);
    }
  }
}
if (JSON.stringify(ref.files) !== JSON.stringify(files)) console.log('\nheldout: note: the set of files changed since the figures were recorded');
if (regressions.length) {
  console.log(`\nheldout: REGRESSION against tests/heldout/figures.json:\n  ${regressions.join('\n  ')}`);
  process.exit(1);
}
console.log('\nheldout: no regression against tests/heldout/figures.json');
