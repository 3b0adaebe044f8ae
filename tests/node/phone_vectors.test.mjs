// Phone numbers through the wasm build's libphonenumber (metadata trimmed to
// scripts/phonenumber-wasm/regions.txt): the same findings, types and regions as the native build
// (tests/unit/detect/phone_vectors_test.cpp) on tests/vectors/phone_numbers.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';

const data = JSON.parse(await readFile(new URL('../vectors/phone_numbers.json', import.meta.url), 'utf8'));
const core = await loadNodeCore();

test('phone vectors in wasm: types and regions as listed', () => {
  const loaded = core.loadPolicy(JSON.stringify(data.bundle));
  assert.equal(loaded.ok, true, JSON.stringify(loaded.errors));
  assert.ok(data.cases.length >= 20);
  for (const c of data.cases) {
    const result = core.check(loaded.handle, { reply: c.reply, lang: 'en' });
    const got = result.findings.map((f) => [f.rule, f.text, f.detail?.phone_type, f.detail?.region]);
    assert.deepEqual(got, c.findings, c.reply);
  }
});
