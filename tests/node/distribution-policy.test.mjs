// The background's policy service (extension/src/background/policy.js) against a fake chrome.*:
// which policy is in force when local storage is full, when the core cannot be asked, and when
// the core refuses the bundle chosen. Each case once silently put the built-in default in force
// or lost the admin's settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL, fileURLToPath } from 'node:url';
import path from 'node:path';
import { makeKey, bundleText, envelope, T0, DAY } from './distribution-helpers.mjs';

const POLICY_JS = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../extension/src/background/policy.js')).href;
const DEFAULT = bundleText({ id: 'replyguard.default', version: 1 });
const URL1 = 'https://policy.example.com/b.json';
const key = makeKey();
const clone = (v) => (v === undefined ? undefined : structuredClone(v));

/** chrome.storage.local that can be made full (every write fails with Chrome's quota error). */
function localArea() {
  const data = new Map();
  const a = {
    data, full: false,
    async get(keys) {
      const list = keys == null ? [...data.keys()] : [].concat(keys);
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, clone(data.get(k))]));
    },
    async set(items) {
      if (a.full) throw new Error('Resource::kQuotaBytes quota exceeded');
      for (const [k, v] of Object.entries(items)) data.set(k, clone(v));
    },
    async remove(k) { for (const x of [].concat(k)) data.delete(x); },
  };
  return a;
}

let instance = 0;
/** A fresh service worker: new module instance over the given browser state. */
async function start({ local, managed, served, core = async () => ({ ok: true, value: { ok: true } }) }) {
  globalThis.chrome = {
    storage: { local, managed: { get: async () => clone(managed) } },
    alarms: { create: async () => {} },
    runtime: { getURL: (p) => `chrome-extension://rg/${p}` },
  };
  globalThis.fetch = async (url) => {
    const body = url === 'chrome-extension://rg/policy/default-bundle.json' ? DEFAULT : url === URL1 ? served() : null;
    if (body === null) throw new TypeError('fetch failed');
    const bytes = new TextEncoder().encode(body);
    return { ok: true, status: 200, headers: { get: () => null }, text: async () => body, arrayBuffer: async () => bytes.buffer };
  };
  const { createPolicyService } = await import(`${POLICY_JS}?worker=${++instance}`);
  return createPolicyService({ coreTransport: (msg) => core(msg) });
}

const managedSettings = { bundle_urls: [URL1], public_keys: [key.entry], lock_override: true, update_interval_minutes: 30 };
const withClock = async (fn) => {
  const realNow = Date.now;
  Date.now = () => T0 + DAY;
  try { return await fn(); } finally { Date.now = realNow; }
};

test("full local storage at a worker start: the admin's settings and locks still apply, the round is recorded", () => withClock(async () => {
  const local = localArea();
  local.full = true;
  const served = () => envelope(key, bundleText({ version: 3 }));
  const policies = await start({ local, managed: managedSettings, served });
  const { settings } = await policies.current();
  assert.equal(settings.lockOverride.value, true, 'lock_override from the first computation on');
  const r = await policies.update({ force: true });
  assert.equal(r.update.status, 'updated');
  const info = await policies.info();
  assert.equal(info.origin, 'managed');
  assert.equal(info.detail.version, 3, 'the downloaded bundle is in force though it could not be saved');
  assert.ok(info.warnings.some((w) => w.code === 'storage_error'), JSON.stringify(info.warnings));
  assert.equal(info.update.attempts[0].outcome, 'updated');
}));

test('a core that cannot be asked keeps the last good bundle in force, not the built-in default', () => withClock(async () => {
  const local = localArea();
  let coreUp = true;
  const core = async () => (coreUp ? { ok: true, value: { ok: true } } : { ok: false, error: 'core host did not answer', code: 'CORE_ERROR' });
  let policies = await start({ local, managed: managedSettings, served: () => envelope(key, bundleText({ version: 4 })), core });
  await policies.update({ force: true });
  coreUp = false;
  policies = await start({ local, managed: managedSettings, served: () => envelope(key, bundleText({ version: 4 })), core });  // worker restart
  const { policy } = await policies.current();
  assert.equal(policy.origin, 'managed');
  assert.equal(JSON.parse(policy.bundleText).version, 4);
  assert.ok(policy.warnings.some((w) => w.code === 'core_unavailable'));
}));

test('a bundle the core refuses to load is passed over with its reason, never silently replaced', () => withClock(async () => {
  const local = localArea();
  const policies = await start({ local, managed: managedSettings, served: () => envelope(key, bundleText({ version: 5 })) });
  await policies.update({ force: true });
  const first = await policies.current();
  assert.equal(first.policy.origin, 'managed');
  policies.rejected(first.policy.bundleText, [{ pointer: '/rules/0/kind', message: 'unknown rule kind' }]);
  const { policy } = await policies.current();
  assert.equal(policy.origin, 'default');
  assert.deepEqual(policy.skipped.map((x) => x.code), ['stored_rejected']);
  assert.match(policy.skipped[0].reason, /unknown rule kind/);
}));
