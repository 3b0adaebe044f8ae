// The main job on the embedded default policy: checks sample replies and the posts they answer
// with the wasm core, as the extension would, and prints findings and escalation suggestions.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const samples = JSON.parse(await readFile(process.argv[2] || path.join(here, 'samples.json'), 'utf8'));
const core = await loadNodeCore();
const policy = core.defaultPolicy();
if (!policy.ok) {
  console.error('default policy failed to load:', policy.errors);
  process.exit(1);
}
const { info } = policy;
console.log(`Policy: ${info.name.en} (${info.id} v${info.version}), ${info.rules} rules\n`);

const mark = { block: 'BLOCK', warn: 'warn ', info: 'info ' };
let blocked = 0;
for (const [i, s] of samples.entries()) {
  const t0 = performance.now();
  const result = core.check(policy.handle, s);
  const ms = performance.now() - t0;
  console.log(`#${i + 1} [${s.platform}, ${s.lang}] (${ms.toFixed(2)} ms)`);
  if (s.incoming) console.log(`  post : ${s.incoming}`);
  console.log(`  reply: ${s.reply}`);
  if (result.findings.length === 0) console.log('  ✓ no findings');
  for (const f of result.findings) {
    const text = (f.source === 'incoming' ? s.incoming : s.reply).slice(f.begin, f.end);
    const fix = f.replacements?.length ? ` → ${f.replacements.join(' | ')}` : '';
    console.log(`  ${mark[f.severity]} ${f.source.padEnd(8)} ${f.category.padEnd(14)} "${text}" ${f.message}${fix}`);
  }
  if (result.findings.some((f) => f.severity === 'block' && f.source === 'reply')) blocked++;
  const esc = core.escalate(policy.handle, {
    findings: result.findings, now: Date.now(), lang: s.lang, draft: s.reply, incoming: s.incoming,
  });
  if (esc.escalate) {
    const who = esc.targets.length ? esc.targets.map((t) => t.name).join(', ') : esc.note;
    console.log(`  ⚑ escalate (${(esc.routes ?? [esc.route]).join(', ')}): ${who}`);
    console.log(`    ${esc.message.subject}`);
  }
  console.log();
}
console.log(`${samples.length} samples checked, ${blocked} replies would be held before sending.`);
