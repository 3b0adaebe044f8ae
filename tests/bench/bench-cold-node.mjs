// Cold start in Node, a fresh process per round: the module (compile, instantiate, ICU), the
// default bundle with its model, the first check (a text without digits), then the first check
// of a text with a phone number (what libphonenumber's lazy set-up costs there). With
// RG_WASM_BASELINE=dir, that build runs in alternate rounds, so both see the same machine load.
// Prints medians; asserts nothing.
// Usage: node tests/bench/bench-cold-node.mjs [rounds]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadNodeCore, wasmBuildDir } from '../../wasm/js/node-loader.mjs';

if (process.argv[2] === '--child') {
  const t0 = performance.now();
  const core = await loadNodeCore(process.argv[3]);
  const t1 = performance.now();
  const d = core.defaultPolicy();
  const t2 = performance.now();
  core.check(d.handle, { reply: 'Danke für Ihre Geduld, wir melden uns morgen.' });
  const t3 = performance.now();
  const r = core.check(d.handle, { reply: 'Rufen Sie mich an: Telefon 030 1234567.' });
  const t4 = performance.now();
  if (!r.findings.some((f) => f.rule === 'pii.phone')) throw new Error('phone number not found');
  process.stdout.write(JSON.stringify({ module: t1 - t0, bundle: t2 - t1, first: t3 - t2, total: t3 - t0, phone: t4 - t3 }));
} else {
  const rounds = Number(process.argv[2] || 7);
  const builds = [['this', wasmBuildDir()]];
  if (process.env.RG_WASM_BASELINE) builds.unshift(['baseline', process.env.RG_WASM_BASELINE]);
  const runs = Object.fromEntries(builds.map(([n]) => [n, []]));
  const self = fileURLToPath(import.meta.url);
  for (let i = 0; i < rounds; i++)
    for (const [name, dir] of builds) runs[name].push(JSON.parse(execFileSync(process.execPath, [self, '--child', dir])));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`cold start in Node, fresh process, median of ${rounds} (ms): to the first result = module + default bundle with model + first check (no digits); then a first text with a phone number`);
  for (const [name, dir] of builds) {
    const m = (k) => median(runs[name].map((r) => r[k])).toFixed(1);
    console.log(`${name.padEnd(9)} first result ${m('total').padStart(7)}  module ${m('module').padStart(6)}  bundle ${m('bundle').padStart(6)}  first check ${m('first').padStart(6)}  phone text ${m('phone').padStart(6)}   (${dir})`);
  }
}
