// `replyguard eval BUNDLE CORPUS --json`, parsed: evalReport for one corpus file, evalJsonl over
// several JSONL files at once (concatenated into a temporary file). Shared by the held-out,
// training-corpus, batch and threshold scripts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function evalReport(cli, bundle, corpus) {
  let out;
  try {
    out = execFileSync(cli, ['eval', bundle, corpus, '--json'], { maxBuffer: 1 << 28 });
  } catch (e) {
    if (!e.stdout?.length) throw e;
    out = e.stdout;  // eval exits 1 only for --min-* thresholds, which are not passed here
  }
  return JSON.parse(out.toString());
}

export function evalJsonl(cli, bundle, paths) {
  const work = mkdtempSync(join(tmpdir(), 'rg-eval-'));
  try {
    const all = join(work, 'all.jsonl');
    writeFileSync(all, paths.map((p) => readFileSync(p, 'utf8').trim()).join('\n') + '\n');
    return evalReport(cli, bundle, all);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
