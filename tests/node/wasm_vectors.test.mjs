// Runs the shared check vectors (tests/vectors/check_vectors.json) against the WebAssembly build.
// The native Catch2 suite runs the same file against the native build, so both must agree with
// the expected results, and so with each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vectors = JSON.parse(await readFile(path.join(root, 'tests/vectors/check_vectors.json'), 'utf8'));
const core = await loadNodeCore();
const handles = new Map();

async function policyFor(bundlePath) {
  if (!handles.has(bundlePath)) {
    const loaded = core.loadPolicy(await readFile(path.join(root, bundlePath), 'utf8'));
    assert.equal(loaded.ok, true, `${bundlePath}: ${JSON.stringify(loaded.errors)}`);
    handles.set(bundlePath, loaded.handle);
  }
  return handles.get(bundlePath);
}

const text = (v, key) => (v[`${key}_utf16`] ? String.fromCharCode(...v[`${key}_utf16`]) : v[key] ?? '');

test('there are vectors to run', () => {
  assert.ok(Array.isArray(vectors) && vectors.length >= 10, 'expected at least 10 vectors');
});

for (const v of vectors) {
  test(`vector: ${v.name}`, async () => {
    const handle = await policyFor(v.bundle);
    const result = core.check(handle, {
      reply: text(v, 'reply'), incoming: text(v, 'incoming'), platform: v.platform ?? '', lang: v.lang ?? 'en',
    });
    assert.deepEqual(result, v.expect);
  });
}
