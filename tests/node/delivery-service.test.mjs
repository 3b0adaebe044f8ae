// The background's delivery service (extension/src/background/delivery/service.js) with a fake
// chrome (storage.local, storage.managed, alarms) and a local HTTPS receiver: off by default,
// managed settings win over the bundle, the draft only when asked, an alarm planned after a
// failure, and a new service over the same storage (a restarted worker) delivering what is left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startReceiver } from './support/https-receiver.mjs';
import { memoryStorage, fetchTrusting } from './support/memory-storage.mjs';

let rx;
const alarms = [];
function fakeChrome(local, managed) {
  globalThis.chrome = {
    storage: { local, managed: { get: async () => structuredClone(managed.value) } },
    alarms: { create: async (name, o) => { alarms.push({ name, ...o }); }, onAlarm: { addListener() {} } },
    runtime: { getManifest: () => ({ version: '0.1.0' }) },
  };
}
let n = 0;
const load = async () => (await import(`../../extension/src/background/delivery/service.js?i=${++n}`)).createDeliveryService;
const entry = (i) => ({ time: new Date(Date.UTC(2026, 11, 1, 9, i)).toISOString(), kind: 'override', site: 'x.com', platform: 'x', rules: ['insult.words'],
  textHash: 'cd'.repeat(32), policy: 'acme@3', justification: `reason number ${i}` });

before(async () => { rx = await startReceiver(); globalThis.fetch = await fetchTrusting(rx.cert.cert); });
after(async () => { await rx.stop(); });

test('off by default: nothing queued, nothing sent', async () => {
  const local = memoryStorage();
  fakeChrome(local, { value: {} });
  const svc = (await load())({ storage: local, alarms: chrome.alarms });
  assert.deepEqual(await svc.onAudit(entry(1), 'secret draft'), { queued: false, off: true });
  assert.equal((await svc.status()).enabled, false);
  assert.equal([...local.data.keys()].some((k) => k.startsWith('dq.e.')), false);
});

test('managed OTLP delivery: header sent, stable id kept, managed settings win, the draft only when asked', async () => {
  rx.accepted.length = 0; rx.ids.clear();
  const local = memoryStorage();
  const managed = { value: { audit_delivery: { url: `${rx.url}/v1/logs`, headers: { Authorization: 'Bearer t' } } } };
  fakeChrome(local, managed);
  let bundleDelivery = { audit: { format: 'jsonl', url: 'https://elsewhere.example/' } };
  const bundleInfo = () => ({ delivery: bundleDelivery });
  const lastDraft = () => rx.accepted.at(-1).body.resourceLogs[0].scopeLogs[0].logRecords.at(-1).attributes.find((a) => a.key === 'replyguard.draft')?.value.stringValue;
  let svc = (await load())({ storage: local, alarms: chrome.alarms, bundleInfo });
  assert.equal((await svc.onAudit({ ...entry(2), id: 'fixed-id-0000000002' }, 'secret draft two')).queued, true);
  await svc.run({ force: true });
  assert.deepEqual([...rx.ids.keys()], ['fixed-id-0000000002'], 'the entry\'s own id is the stable id');
  assert.equal(rx.accepted[0].headers.authorization, 'Bearer t');
  assert.equal(rx.accepted[0].path, '/v1/logs', 'managed url and format (otlp) win over the bundle\'s');
  assert.equal(lastDraft(), undefined, 'nobody asked for the draft');
  // The policy asks for the draft: sent.
  bundleDelivery = { audit: { url: 'https://elsewhere.example/', include_draft: true } };
  svc = (await load())({ storage: local, alarms: chrome.alarms, bundleInfo });
  await svc.onAudit(entry(3), 'secret draft three');
  await svc.run({ force: true });
  assert.equal(lastDraft(), 'secret draft three');
  // The admin says no: not sent, whatever the bundle asks.
  managed.value.audit_delivery.include_draft = false;
  svc = (await load())({ storage: local, alarms: chrome.alarms, bundleInfo });
  await svc.onAudit(entry(4), 'secret draft four');
  await svc.run({ force: true });
  assert.equal(lastDraft(), undefined);
  assert.equal(rx.ids.size, 3);
  assert.deepEqual(rx.duplicates(), []);
});

test('receiver down: an alarm is planned; a restarted service delivers what is left, once', async () => {
  rx.accepted.length = 0; rx.ids.clear(); alarms.length = 0;
  const local = memoryStorage();
  fakeChrome(local, { value: { audit_delivery: { url: `${rx.url}/audit.jsonl`, format: 'jsonl' } } });
  rx.mode = 'fail';
  let svc = (await load())({ storage: local, alarms: chrome.alarms });
  for (let i = 0; i < 5; i++) await svc.onAudit(entry(10 + i), 'draft');
  await svc.run({ force: true });
  const st = await svc.status();
  assert.equal(st.queue.size, 5);
  assert.ok(st.state.failures >= 1);
  assert.ok(alarms.some((a) => a.name === 'replyguard-delivery' && a.when >= st.state.nextAttemptAt), 'woken by an alarm no earlier than planned');
  rx.mode = 'ok';
  svc = (await load())({ storage: local, alarms: chrome.alarms }); // the worker restarted
  await svc.run({ force: true });
  assert.equal((await svc.status()).queue.size, 0);
  assert.equal(rx.ids.size, 5);
  assert.deepEqual(rx.duplicates(), []);
});
