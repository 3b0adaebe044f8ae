// The core host (extension/src/core-host/core-host.js) with a stand-in core: a bundle the core
// refuses is an error for the background to act on, never a silent switch to the built-in
// default; candidate bundles are validated in a separate, short-lived core instance, so the
// checking instance's wasm memory does not grow with them (wasm memory never shrinks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';

register('./fixtures/core-host-hooks.mjs', import.meta.url);
globalThis.fetch = async () => ({ arrayBuffer: async () => new ArrayBuffer(8) });
const { createCoreHost, runOp } = await import('../../extension/src/core-host/core-host.js');
const { instances } = await import('./fixtures/core-host-fake-core.mjs');

const bundle = (id, extra = {}) => JSON.stringify({ id, version: 2, ...extra });

test('a bundle the core refuses to load is an error with its reasons, not the default in its place', async () => {
  const host = createCoreHost((p) => `chrome-extension://rg/${p}`);
  const ok = await runOp(host, { op: 'ensure', key: 'a', text: bundle('com.example.a') });
  assert.deepEqual([ok.ok, ok.value.info.id], [true, 'com.example.a']);
  const r = await runOp(host, { op: 'ensure', key: 'b', text: bundle('com.example.b', { broken: true }) });
  assert.equal(r.ok, false);
  assert.equal(r.code, 'POLICY_REJECTED');
  assert.deepEqual(r.errors, [{ pointer: '/rules/0/kind', message: 'unknown rule kind' }]);
  // The policy loaded before stays; nothing was swapped behind the background's back.
  assert.equal((await runOp(host, { op: 'check', key: 'a', reply: 'x', incoming: '', platform: '', lang: 'en' })).ok, true);
  assert.equal((await runOp(host, { op: 'check', key: 'b', reply: 'x', incoming: '', platform: '', lang: 'en' })).code, 'NEED_POLICY');
});

test('validation runs in its own instance each time; the checking instance never loads candidates', async () => {
  const host = createCoreHost((p) => `chrome-extension://rg/${p}`);
  await runOp(host, { op: 'ensure', key: 'k', text: null });
  const checking = instances.at(-1);
  const before = instances.length;
  for (const id of ['com.example.big1', 'com.example.big2']) {
    const v = await runOp(host, { op: 'validate', text: bundle(id) });
    assert.deepEqual([v.ok, v.value.ok], [true, true]);
  }
  assert.equal(instances.length, before + 2, 'one short-lived instance per validation');
  assert.deepEqual(checking.loaded, [], 'the checking instance compiled no candidate');
  assert.equal((await runOp(host, { op: 'validate', text: bundle('com.example.bad', { broken: true }) })).value.ok, false);
});
