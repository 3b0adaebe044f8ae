// Prints delivery figures (asserts nothing):
//  - entries per second through the batcher (queue in an in-memory chrome.storage stand-in,
//    OTLP JSON via the OpenTelemetry SDK and JSON lines), with a no-op sender and with a local
//    HTTPS receiver that checks every request against its contract;
//  - the extension's added package size: bytes the delivery code and the OpenTelemetry packages
//    take in the built scripts (esbuild's metafile), minified and in the store zip (deflate).
//   node tests/bench/bench-delivery.mjs [--entries N]
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { createQueue } from '../../extension/src/background/delivery/queue.js';
import { createBatcher } from '../../extension/src/background/delivery/batcher.js';
import { otlpEncoder } from '../../extension/src/background/delivery/otlp.js';
import { jsonlEncode } from '../../extension/src/background/delivery/jsonl.js';
import { post } from '../../extension/src/background/delivery/transport.js';
import { memoryStorage, fetchTrusting } from '../node/support/memory-storage.mjs';
import { startReceiver } from '../node/support/https-receiver.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const N = Number(process.argv.includes('--entries') ? process.argv[process.argv.indexOf('--entries') + 1] : 5000);
const entry = (i) => ({ time: new Date(Date.UTC(2026, 11, 1) + i * 1000).toISOString(), kind: 'override', site: 'x.com', platform: 'x',
  rules: ['refund.guarantee', 'legal.admission'], textHash: 'ab'.repeat(32), policy: 'acme@3', justification: `customer asked for it, case ${i}` });

async function run(label, encode, send) {
  const storage = memoryStorage();
  const queue = createQueue(storage, { maxEntries: N + 1 });
  const batcher = createBatcher({ queue, storage, encode, send, batchSize: 100 });
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await queue.enqueue({ id: `${label}-${i}`, entry: entry(i) });
  const t1 = performance.now();
  const r = await batcher.run();
  const t2 = performance.now();
  if (r.sent !== N) throw new Error(`${label}: sent ${r.sent} of ${N}`);
  console.log(`delivery: ${label.padEnd(34)} enqueue ${Math.round(N / ((t1 - t0) / 1000))} entries/s, batcher ${Math.round(N / ((t2 - t1) / 1000))} entries/s (${N} entries, batches of 100)`);
}

const ok = async () => ({ ok: true, status: 200, retryAfterMs: null, error: '', body: '{}' });
await run('OTLP JSON, no-op sender', otlpEncoder({ serviceVersion: '0.1.0' }), ok);
await run('JSON lines, no-op sender', jsonlEncode, ok);
const rx = await startReceiver();
const fetchImpl = await fetchTrusting(rx.cert.cert);
await run('OTLP JSON, local HTTPS receiver', otlpEncoder({ serviceVersion: '0.1.0' }),
  (body) => post(`${rx.url}/v1/logs`, { headers: { 'content-type': 'application/json' }, body, fetchImpl }));
await run('JSON lines, local HTTPS receiver', jsonlEncode,
  (body) => post(`${rx.url}/audit.jsonl`, { headers: { 'content-type': 'application/x-ndjson' }, body, fetchImpl }));
if (rx.invalid.length || rx.duplicates().length) throw new Error('receiver saw invalid or duplicate entries');
await rx.stop();

// Added package size: what the delivery code contributes to the scripts the build makes.
const entries = { background: 'src/background/main-chrome.js', content: 'src/content/main.js', popup: 'src/popup/popup.js', options: 'src/options/options.js' };
let added = 0, addedZip = 0, total = 0;
const parts = {};
for (const [name, entryPoint] of Object.entries(entries)) {
  const r = await esbuild.build({ entryPoints: [path.join(root, 'extension', entryPoint)], bundle: true, minifySyntax: true, write: false, metafile: true,
    format: name === 'background' ? 'esm' : 'iife', target: 'chrome116', logLevel: 'silent', legalComments: 'none',
    define: { __TEST__: 'false', __TARGET__: '"chrome"' }, alias: { '@core': path.join(root, 'wasm/js/core.mjs') }, external: ['./core/replyguard_core.mjs'] });
  const out = Object.values(r.metafile.outputs)[0];
  total += out.bytes;
  for (const [input, v] of Object.entries(out.inputs)) {
    const key = input.includes('@opentelemetry/') ? 'OpenTelemetry packages' : /delivery|delivery-panel|delivery-status|delivery-access/.test(input) ? 'ReplyGuard delivery code' : null;
    if (!key) continue;
    parts[key] = (parts[key] || 0) + v.bytesInOutput;
    added += v.bytesInOutput;
  }
  const text = r.outputFiles[0].text;
  parts[`_${name}`] = { bytes: out.bytes, deflated: deflateRawSync(Buffer.from(text), { level: 9 }).length };
}
const ratio = Object.keys(entries).reduce((n, k) => n + parts[`_${k}`].deflated, 0) / total;
addedZip = Math.round(added * ratio);
for (const [k, v] of Object.entries(parts)) if (!k.startsWith('_')) console.log(`package: ${k.padEnd(26)} ${v} bytes in the built scripts`);
console.log(`package: added by delivery ${added} bytes of ${total} script bytes (${(100 * added / total).toFixed(1)} %), about ${addedZip} bytes deflated in the zip (budget 2,000,000 for the whole package)`);
