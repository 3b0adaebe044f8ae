// Presidio's recognizer vectors (tests/vectors/presidio, MIT) through the wasm core: the same
// agreement and the same documented differences as the native test
// (tests/unit/detect/presidio_vectors_test.cpp). "detector" runs a one-rule bundle of the suite's
// detector; "bundle" the embedded default bundle's personal-data findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';

const dir = new URL('../vectors/presidio/', import.meta.url);
const data = JSON.parse(await readFile(new URL('recognizer_vectors.json', dir), 'utf8'));
const listed = JSON.parse(await readFile(new URL('differences.json', dir), 'utf8'));
const core = await loadNodeCore();

function detectorBundle(detector) {
  return JSON.stringify({
    format: 'replyguard-bundle/1', id: 'test.presidio', version: 1, name: { en: 'Presidio' }, languages: ['en', 'de'],
    categories: { personal_data: { label: { en: 'Personal data' } } },
    rules: [{ id: 'd', kind: 'detector', category: 'personal_data', severity: 'block', detector,
              message: { en: 'm' }, examples: { flag: ['x'], pass: ['y'] } }],
  });
}

function spansOf(result) {
  const seen = new Map();
  for (const f of result.findings) if (f.category === 'personal_data') seen.set(`${f.begin},${f.end}`, [f.begin, f.end]);
  return [...seen.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

const matches = (vec, got) => ('count' in vec ? got.length === vec.count : JSON.stringify(vec.spans) === JSON.stringify(got));

test('Presidio vectors in wasm: agreement or the documented difference', () => {
  const bundle = core.defaultPolicy();
  assert.equal(bundle.ok, true);
  const used = new Set();
  for (const suite of data.suites) {
    const single = core.loadPolicy(detectorBundle(suite.detector));
    assert.equal(single.ok, true, JSON.stringify(single.errors));
    for (const vec of suite.vectors) {
      for (const [mode, handle] of [['detector', single.handle], ['bundle', bundle.handle]]) {
        const got = spansOf(core.check(handle, { reply: vec.text, lang: 'en' }));
        if (matches(vec, got)) continue;
        const k = listed.differences.findIndex((d) => d.suite === suite.name && d.text === vec.text && d.mode === mode);
        assert.ok(k >= 0, `${suite.name} [${mode}] ${JSON.stringify(vec.text)}: not listed; got ${JSON.stringify(got)}`);
        assert.deepEqual(got, listed.differences[k].ours, `${suite.name} [${mode}] ${JSON.stringify(vec.text)}`);
        used.add(k);
      }
    }
  }
  const stale = listed.differences.filter((_, k) => !used.has(k));
  assert.deepEqual(stale, [], 'listed differences that no longer happen');
});
