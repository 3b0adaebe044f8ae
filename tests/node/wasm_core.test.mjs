// The wasm core as the extension uses it: start-up with the trimmed ICU data, the embedded default
// bundle, errors for bad bundles, hostile text, and a generated glue free of eval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadNodeCore, wasmBuildDir } from '../../wasm/js/node-loader.mjs';
import { createCore } from '../../wasm/js/core.mjs';

const core = await loadNodeCore();

test('the embedded default bundle loads and describes itself', () => {
  const loaded = core.defaultPolicy();
  assert.equal(loaded.ok, true, JSON.stringify(loaded.errors));
  assert.equal(loaded.info.id, 'replyguard.default');
  assert.ok(loaded.info.rules > 0);
  assert.deepEqual(core.policyInfo(loaded.handle), loaded.info);
});

test('the default bundle passes its own examples in wasm', () => {
  const { handle } = core.defaultPolicy();
  const report = core.runExamples(handle);
  assert.deepEqual(report.failed, []);
  assert.ok(report.passed > 0);
});

test('a bad bundle is rejected with JSON pointers', () => {
  const bad = core.loadPolicy(JSON.stringify({ format: 'replyguard-bundle/1', id: 'x', version: 0 }));
  assert.equal(bad.ok, false);
  assert.ok(bad.errors.length >= 2);
  for (const e of bad.errors) {
    assert.equal(typeof e.pointer, 'string');
    assert.ok(e.message.length > 0);
  }
  assert.ok(bad.errors.some((e) => e.pointer === '/version'), JSON.stringify(bad.errors));
});

test('malformed JSON is an error, not a crash', () => {
  const bad = core.loadPolicy('{"format": ');
  assert.equal(bad.ok, false);
  assert.ok(bad.errors[0].message.length > 0);
  // The module still works afterwards.
  assert.equal(core.defaultPolicy().ok, true);
});

test('hostile text: lone surrogates, NUL, a 1 MB paste', () => {
  const { handle } = core.defaultPolicy();
  for (const reply of ['', '\ud800', 'a\udc00b\u0000c', 'x'.repeat(1 << 20), '😀'.repeat(5000)]) {
    const r = core.check(handle, { reply });
    assert.ok(Array.isArray(r.findings));
    for (const f of r.findings) {
      assert.ok(f.begin >= 0 && f.begin <= f.end && f.end <= reply.length, JSON.stringify(f));
    }
  }
});

test('offsets are UTF-16 indices of the original text', () => {
  const { handle } = core.defaultPolicy();
  const reply = '😀 Ärger: you IDIOT';
  const r = core.check(handle, { reply, lang: 'de' });
  // The rules' finding (the classifier's spans the whole sentence, checked in its own tests).
  const hit = r.findings.find((f) => f.category === 'insult' && !f.words);
  assert.ok(hit, JSON.stringify(r));
  assert.equal(reply.slice(hit.begin, hit.end), 'IDIOT');
});

test('unknown handles give an error', () => {
  assert.throws(() => core.check(9999, { reply: 'x' }), /unknown policy handle/);
});

test('missing ICU data is refused clearly', async () => {
  const dir = wasmBuildDir();
  const { default: factory } = await import(path.join(dir, 'replyguard_core.mjs'));
  const wasmBinary = await readFile(path.join(dir, 'replyguard_core.wasm'));
  await assert.rejects(createCore({ factory, wasmBinary, icuData: new Uint8Array(4) }), /ICU data/);
});

test('the generated JS contains no eval and no new Function (CSP without unsafe-eval)', async () => {
  const glue = await readFile(path.join(wasmBuildDir(), 'replyguard_core.mjs'), 'utf8');
  assert.doesNotMatch(glue, /\beval\s*\(/);
  assert.doesNotMatch(glue, /new\s+Function\b/);
});
