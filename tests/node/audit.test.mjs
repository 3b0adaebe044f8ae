// The audit log writer (extension/src/background/audit.js) against a fake chrome.storage with a
// byte quota: trimming with a recorded notice, queueing on failures, restarts, no duplicates.
// The e2e side (real Chromium storage, options page notice) is tests/e2e/resilience.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL, fileURLToPath } from 'node:url';
import path from 'node:path';
import { fakeIndexedDB } from './fake-indexeddb.mjs';

const AUDIT_JS = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../extension/src/background/audit.js')).href;
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
const bytes = (k, v) => k.length + Buffer.byteLength(JSON.stringify(v));

/** A storage area like Chrome's: values cloned, optional byte quota, optional injected failure. */
function area({ quota = 0, bytesInUse = true } = {}) {
  const data = new Map();
  const a = {
    data, fail: null, sets: 0,
    async get(keys) {
      const list = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, clone(data.get(k))]));
    },
    async set(items) {
      a.sets++;
      if (a.fail) throw new Error(a.fail);
      if (quota) {
        let total = 0;
        for (const [k, v] of data) if (!(k in items)) total += bytes(k, v);
        for (const [k, v] of Object.entries(items)) total += bytes(k, v);
        if (total > quota) throw new Error('Resource::kQuotaBytes quota exceeded');
      }
      for (const [k, v] of Object.entries(items)) data.set(k, clone(v));
    },
    async remove(k) { for (const x of [].concat(k)) data.delete(x); },
  };
  if (quota) a.QUOTA_BYTES = quota;
  if (quota && bytesInUse) {
    a.getBytesInUse = async (keys) => {
      const list = keys == null ? [...data.keys()] : [].concat(keys);
      return list.filter((k) => data.has(k)).reduce((n, k) => n + bytes(k, data.get(k)), 0);
    };
  }
  return a;
}

let instance = 0;
/** A fresh background (module instance) over the given storage: like a service-worker start. */
async function start(storage, idb = fakeIndexedDB()) {
  globalThis.chrome = { storage };
  globalThis.indexedDB = idb;
  const mod = await import(`${AUDIT_JS}?start=${++instance}`);
  await mod.resumeAudit();
  return mod;
}

const entry = (i, extra = {}) => ({ time: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), kind: 'override', site: 'example.com',
  platform: '', rules: ['insult.words'], textHash: i.toString(16).padStart(64, '0'), policy: 'test@1', justification: `because ${i}`, ...extra });

test('appends in order; at the 5,000-entry limit the oldest go and the removal is recorded', async () => {
  const storage = { local: area(), session: area() };
  storage.local.data.set('audit', Array.from({ length: 5000 }, (_, i) => entry(i)));
  const audit = await start(storage);
  for (const i of [5000, 5001, 5002]) assert.deepEqual(await audit.appendAudit(entry(i)), { stored: true, pending: 0, durable: true });
  const log = storage.local.data.get('audit');
  assert.equal(log.length, 5000);
  assert.equal(log[0].textHash, entry(3).textHash);
  assert.equal(log.at(-1).textHash, entry(5002).textHash);
  const meta = storage.local.data.get('auditMeta');
  assert.equal(meta.trimmed, 3);
  assert.equal(meta.reason, 'limit');
  assert.equal(meta.trimmedUntil, entry(2).time);
});

for (const bytesInUse of [true, false]) {
  test(`quota exceeded: as few of the oldest entries as needed are removed (${bytesInUse ? 'estimated from bytes in use' : 'no getBytesInUse, as in Firefox'})`, async () => {
    const old = Array.from({ length: 1000 }, (_, i) => entry(i, { justification: 'x'.repeat(500) }));
    const size = bytes('audit', old);
    const storage = { local: area({ quota: size + 5000 + 300, bytesInUse }), session: area() };
    storage.local.data.set('audit', old);
    storage.local.data.set('other', 'y'.repeat(5000 - 10));
    const audit = await start(storage);
    const r = await audit.appendAudit(entry(1000, { justification: 'z'.repeat(1500) }));
    assert.equal(r.stored, true);
    const log = storage.local.data.get('audit');
    const meta = storage.local.data.get('auditMeta');
    assert.equal(meta.reason, 'quota');
    assert.ok(meta.trimmed >= 2 && meta.trimmed <= (bytesInUse ? 6 : 40), `trimmed ${meta.trimmed}`);
    assert.equal(log.length, 1000 - meta.trimmed + 1);
    assert.equal(log.at(-1).textHash, entry(1000).textHash);
    assert.equal(meta.trimmedUntil, entry(meta.trimmed - 1).time);
    assert.equal(storage.local.data.get('other').length, 4990, 'other data untouched');
    // The next entry: stored, trimming again only if needed; the count adds up.
    assert.equal((await audit.appendAudit(entry(1001, { justification: 'z'.repeat(1500) }))).stored, true);
    const meta2 = storage.local.data.get('auditMeta');
    assert.equal(storage.local.data.get('audit').length, 1000 - meta2.trimmed + 2);
    if (bytesInUse) assert.ok(meta2.trimmed > meta.trimmed, 'a second, minimal trim');
  });
}

test('quota with nothing old left to remove: the entry is queued, not lost, and written once there is room', async () => {
  const storage = { local: area({ quota: 2000 }), session: area() };
  storage.local.data.set('other', 'y'.repeat(1900));
  const audit = await start(storage);
  const r = await audit.appendAudit(entry(1));
  assert.equal(r.stored, false);
  assert.equal(r.pending, 1);
  assert.deepEqual(storage.session.data.get('auditPending'), [entry(1)]);
  await storage.local.remove('other');
  assert.deepEqual(await audit.appendAudit(entry(2)), { stored: true, pending: 0, durable: true });
  assert.deepEqual(storage.local.data.get('audit'), [entry(1), entry(2)]);
  assert.equal(storage.session.data.has('auditPending'), false);
  assert.equal(storage.local.data.has('auditMeta'), false, 'nothing trimmed');
});

test('a failed write never stops later writes; queued entries survive a restart and are written once', async () => {
  const storage = { local: area(), session: area() };
  let audit = await start(storage);
  storage.local.fail = 'IO error';
  const r1 = await audit.appendAudit(entry(1));
  const r2 = await audit.appendAudit(entry(2));
  assert.equal(r1.stored, false);
  assert.deepEqual([r2.stored, r2.pending], [false, 2]);
  storage.local.fail = null;
  assert.equal((await audit.appendAudit(entry(3))).stored, true);
  assert.deepEqual(storage.local.data.get('audit').map((e) => e.justification), ['because 1', 'because 2', 'because 3']);

  // Failing again, then the worker stops: the next start writes the queue.
  storage.local.fail = 'IO error';
  await audit.appendAudit(entry(4));
  storage.local.fail = null;
  audit = await start(storage);
  assert.deepEqual(storage.local.data.get('audit').map((e) => e.justification), ['because 1', 'because 2', 'because 3', 'because 4']);
  assert.equal(storage.session.data.has('auditPending'), false);

  // Stopped after writing the log but before clearing the queue: no duplicate on the next start.
  storage.session.data.set('auditPending', [entry(4)]);
  audit = await start(storage);
  assert.equal(storage.local.data.get('audit').length, 4);
  assert.equal(storage.session.data.has('auditPending'), false);
});

test('concurrent appends are serialised: none overwrites another', async () => {
  const storage = { local: area(), session: area() };
  const audit = await start(storage);
  const rs = await Promise.all(Array.from({ length: 25 }, (_, i) => audit.appendAudit(entry(i))));
  assert.ok(rs.every((r) => r.stored));
  assert.deepEqual(storage.local.data.get('audit').map((e) => e.textHash), Array.from({ length: 25 }, (_, i) => entry(i).textHash));
});

test('a browser restart while storage writes still fail loses nothing: the journal keeps the entries', async () => {
  const idb = fakeIndexedDB();
  const local = area();
  let audit = await start({ local, session: area() }, idb);
  local.fail = 'IO error';
  const r = await audit.appendAudit(entry(1, { id: 'a'.repeat(32) }));
  assert.deepEqual([r.stored, r.durable], [false, true], 'durable in the journal before the send is released');
  audit = await start({ local, session: area() }, idb);  // browser restart: session storage is empty
  assert.equal(local.data.has('audit'), false);
  local.fail = null;
  audit = await start({ local, session: area() }, idb);
  assert.deepEqual(local.data.get('audit').map((e) => e.id), ['a'.repeat(32)]);
  assert.equal(idb.dbs.get('replyguard-audit').get('pending').data.size, 0, 'the journal is emptied once written');
});

test('idempotent by entry id: a retried message is written once', async () => {
  const storage = { local: area(), session: area() };
  const audit = await start(storage);
  const e = entry(1, { id: 'b'.repeat(32) });
  assert.equal((await audit.appendAudit(e)).durable, true);
  assert.equal((await audit.appendAudit({ ...e, time: entry(2).time })).durable, true);  // the same id, asked again later
  assert.equal(storage.local.data.get('audit').length, 1);
});

test('neither the log nor the journal can be written: not durable, so the send stays held', async () => {
  const idb = fakeIndexedDB();
  idb.fail = 'disk full';
  const storage = { local: area(), session: area() };
  storage.local.fail = 'IO error';
  const audit = await start(storage, idb);
  const r = await audit.appendAudit(entry(1, { id: 'c'.repeat(32) }));
  assert.equal(r.durable, false);
  assert.match(r.error, /journal: disk full/);
  storage.local.fail = null;  // the retry timer then writes it and stops
});

test('a resent entry (same id, later time) is recorded once; entries with other ids all are', async () => {
  const storage = { local: area(), session: area() };
  const audit = await start(storage);
  await audit.appendAudit(entry(1, { id: 'a1' }));
  // The content script resent the message because the answer was lost (event page stopped):
  // a new background receives it again, with a new time.
  const again = await start(storage);
  await again.appendAudit(entry(2, { id: 'a1' }));
  await again.appendAudit(entry(3, { id: 'b2' }));
  await again.appendAudit(entry(4)); // no id: told apart by time, kind, hash and rules as before
  const log = storage.local.data.get('audit');
  assert.deepEqual(log.map((e) => e.id ?? null), ['a1', 'b2', null]);
  assert.equal(log[0].time, entry(1).time, 'the first write stays');
});
