// The schema contract: the same valid and invalid bundles (tests/vectors/schema_contract.json) go
// through the JSON Schema (policies/schema, validated with ajv) and the core's loader (wasm); the
// test fails when either disagrees with the case's verdict, i.e. when schema and loader disagree.
// The native loader is held to the same file by tests/unit/engine/schema_contract_test.cpp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { loadNodeCore } from '../../wasm/js/node-loader.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = async (p) => JSON.parse(await readFile(path.join(root, p), 'utf8'));

const [contract, bundleSchema, teamSchema] = await Promise.all([
  readJson('tests/vectors/schema_contract.json'),
  readJson('policies/schema/bundle.schema.json'),
  readJson('policies/schema/team.schema.json'),
]);
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(teamSchema);
const validate = ajv.compile(bundleSchema);
const core = await loadNodeCore();

function bundleOf(c) {
  const b = structuredClone(contract.base);
  if (c.rule) b.rules = [c.rule];
  if (c.bundle) Object.assign(b, c.bundle);
  return b;
}

test('the contract has cases of every verdict', () => {
  assert.ok(contract.cases.some((c) => c.valid) && contract.cases.some((c) => !c.valid && !c.loader_only));
  assert.ok(contract.cases.some((c) => c.loader_only));
});

for (const file of ['policies/default/bundle.json', 'policies/examples/telecom.json', 'tests/vectors/vectors_bundle.json']) {
  test(`schema and loader accept ${file}`, async () => {
    const text = await readFile(path.join(root, file), 'utf8');
    assert.equal(validate(JSON.parse(text)), true, ajv.errorsText(validate.errors));
    // The default bundle names its model as a file beside it: the core loads it with that file
    // embedded (defaultPolicy); the wrapper's loadPolicy takes self-contained bundles only.
    if (file === 'policies/default/bundle.json') {
      const { handle } = core.defaultPolicy();
      assert.ok(handle);
      return;
    }
    const loaded = core.loadPolicy(text);
    assert.equal(loaded.ok, true, JSON.stringify(loaded.errors));
    core.freePolicy(loaded.handle);
  });
}

for (const c of contract.cases) {
  test(`schema and loader agree: ${c.name}`, () => {
    const b = bundleOf(c);
    const schemaOk = validate(b);
    const loaded = core.loadPolicy(JSON.stringify(b));
    if (loaded.ok) core.freePolicy(loaded.handle);
    assert.equal(loaded.ok, c.valid, `loader: ${JSON.stringify(loaded.errors)}`);
    if (c.loader_only) {
      // Only what the schema's description lists as checked by the loader alone may differ.
      assert.ok(bundleSchema.description.includes(c.loader_only), `"${c.loader_only}" is not in the schema's list`);
      assert.equal(schemaOk, true, `schema rejects a loader-only case: ${ajv.errorsText(validate.errors)}`);
    } else {
      assert.equal(schemaOk, c.valid, `schema: ${ajv.errorsText(validate.errors)}`);
    }
  });
}
