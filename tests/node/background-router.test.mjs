// The background's message router (extension/src/background/router.js) against a fake chrome.*
// and a recording core: escalation is fed by the core's findings of both texts and carries the
// post being answered; an audit entry says whether it is durable, is written once per id, and
// keeps a keyed hash of the draft, never a plain SHA-256.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { pathToFileURL, fileURLToPath } from 'node:url';
import path from 'node:path';
import { fakeIndexedDB } from './fake-indexeddb.mjs';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../extension/src/background');
const DEFAULT = JSON.stringify({ format: 'replyguard-bundle/1', id: 'replyguard.default', version: 1 });
const clone = (v) => (v === undefined ? undefined : structuredClone(v));

function area() {
  const data = new Map();
  return {
    data, fail: null,
    async get(keys) {
      const list = keys == null ? [...data.keys()] : [].concat(keys);
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, clone(data.get(k))]));
    },
    async set(items) { if (this.fail) throw new Error(this.fail); for (const [k, v] of Object.entries(items)) data.set(k, clone(v)); },
    async remove(k) { for (const x of [].concat(k)) data.delete(x); },
  };
}

/** Any chrome.* member not listed: events record listeners, calls resolve to undefined. */
function anything() {
  const fn = () => Promise.resolve(undefined);
  return new Proxy(fn, { get: (t, k) => (k === 'then' ? undefined : k === 'addListener' ? () => {} : anything()) });
}

let instance = 0;
async function startBackground({ core }) {
  const listeners = [];
  const local = area();
  globalThis.indexedDB = fakeIndexedDB();
  globalThis.chrome = new Proxy({
    runtime: new Proxy({ id: 'rg', getURL: (p) => `chrome-extension://rg/${p}`, getManifest: () => ({ content_scripts: [] }),
      onMessage: { addListener: (fn) => listeners.push(fn) } }, { get: (t, k) => (k in t ? t[k] : anything()) }),
    storage: { local, session: area(), managed: { get: async () => ({}) }, onChanged: { addListener: () => {} } },
    tabs: new Proxy({ query: async () => [] }, { get: (t, k) => (k in t ? t[k] : anything()) }),
    permissions: new Proxy({ getAll: async () => ({ origins: [] }) }, { get: (t, k) => (k in t ? t[k] : anything()) }),
    scripting: new Proxy({ getRegisteredContentScripts: async () => [] }, { get: (t, k) => (k in t ? t[k] : anything()) }),
  }, { get: (t, k) => (k in t ? t[k] : anything()) });
  globalThis.fetch = async (url) => ({ ok: true, status: 200, text: async () => DEFAULT, headers: { get: () => null } });
  const { startBackground: start } = await import(`${pathToFileURL(path.join(SRC, 'router.js')).href}?bg=${++instance}`);
  start(core);
  const send = (msg, sender = { id: 'rg', tab: { id: 7, url: 'https://x.com/status/1' }, frameId: 0 }) => new Promise((resolve) => {
    for (const l of listeners) l(msg, sender, resolve);
  });
  return { send, local };
}

function recordingCore(findings, info = {}) {
  const calls = [];
  const core = async (msg) => {
    calls.push(msg);
    if (msg.op === 'ensure') return { ok: true, value: { info: { id: 'replyguard.default', version: 1, categories: {}, ...info }, source: 'default', loadMs: 1 } };
    if (msg.op === 'check') return { ok: true, value: { result: { findings, warnings: [] }, ms: 1 } };
    if (msg.op === 'escalate') return { ok: true, value: { escalate: true, targets: [] } };
    if (msg.op === 'validate') return { ok: true, value: { ok: true } };
    return { ok: false, error: 'unknown op' };
  };
  core.calls = calls;
  return core;
}

test("escalation gets the core's findings of both texts and the post being answered", async () => {
  const coreFindings = [
    { rule: 'legal.lawyer', category: 'legal', severity: 'warn', begin: 3, end: 9, source: 'incoming' },
    { rule: 'legal.fault', category: 'legal', severity: 'block', begin: 6, end: 15, source: 'reply' },
    { rule: 'style.tone', category: 'style', severity: 'info', begin: 0, end: 2, source: 'reply' },
  ];
  const core = recordingCore(coreFindings);
  const { send } = await startBackground({ core });
  const pageFindings = [{ rule: 'made.up', category: 'legal', severity: 'block', begin: 0, end: 1 }];
  const r = await send({ type: 'rg:escalate', findings: pageFindings, draft: 'It is our fault', incoming: 'My lawyer will call.', platform: 'x' });
  assert.equal(r.ok, true, r.error);
  const check = core.calls.find((c) => c.op === 'check');
  assert.deepEqual([check.reply, check.incoming], ['It is our fault', 'My lawyer will call.']);
  const { request } = core.calls.find((c) => c.op === 'escalate');
  assert.equal(request.incoming, 'My lawyer will call.');
  assert.deepEqual(request.findings.map((f) => f.rule), ['legal.lawyer', 'legal.fault'], 'the core\'s, not the page\'s');
});

test('an audit entry answers durable, is written once per id, and hashes the draft with a per-install key', async () => {
  const { send, local } = await startBackground({ core: recordingCore([]) });
  const msg = { type: 'rg:audit', id: 'f'.repeat(32), kind: 'override', rules: ['insult.words'], draft: 'You idiot', justification: 'customer asked for it' };
  const first = await send(msg);
  assert.deepEqual([first.ok, first.value.durable, first.value.id], [true, true, 'f'.repeat(32)]);
  assert.equal((await send(msg)).value.durable, true, 'asked again (no answer the first time): still one entry');
  const log = local.data.get('audit');
  assert.equal(log.length, 1);
  const plain = createHash('sha256').update('You idiot').digest('hex');
  assert.match(log[0].textHash, /^[0-9a-f]{64}$/);
  assert.notEqual(log[0].textHash, plain, 'not confirmable by hashing a guess');
  assert.ok(typeof local.data.get('auditKey') === 'string', 'the per-install secret is kept');
});

test('"Not a problem here" keeps a false-positive example: the sentence only where the bundle allows it', async () => {
  const text = 'Thanks for waiting. That idiot of a router needs a restart! Anything else?';
  const msg = { type: 'rg:example', rule: 'insult.words', category: 'insult', source: 'reply', text, begin: 25, end: 30, lang: 'en' };
  let bg = await startBackground({ core: recordingCore([]) });
  assert.deepEqual((await bg.send(msg)).value, { kept: 'hash' });
  let [e] = bg.local.data.get('examples');
  assert.deepEqual([e.rule, e.category, e.source, e.text], ['insult.words', 'insult', 'reply', undefined]);
  assert.match(e.textHash, /^[0-9a-f]{64}$/);
  bg = await startBackground({ core: recordingCore([], { collect_examples: true }) });
  assert.deepEqual((await bg.send(msg)).value, { kept: 'sentence' });
  [e] = bg.local.data.get('examples');
  assert.equal(e.text, 'That idiot of a router needs a restart!');
  const { toCorpusJsonl } = await import('../../extension/src/shared/examples.js');
  const line = JSON.parse(toCorpusJsonl([e, { ...e, text: undefined, textHash: 'ab' }]).trim());
  assert.deepEqual([line.id, line.source, line.lang, line.text, line.categories], ['fp-r-en-001', 'reply', 'en', e.text, []]);
  assert.deepEqual(line.false_positive, { rule: 'insult.words', category: 'insult' });
});

test('escalation delivery: the panel\'s start and status questions are answered, also for a job the worker no longer knows', async () => {
  const core = recordingCore([{ rule: 'legal.threat', category: 'legal', severity: 'block', begin: 3, end: 9, source: 'incoming' }]);
  const withTargets = async (msg) => (msg.op === 'escalate'
    ? { ok: true, value: { escalate: true, targets: [], message: 'm', deliveries: [{ target: 'soc', kind: 'webhook', routes: ['legal'] }] } }
    : core(msg));
  const { send } = await startBackground({ core: withTargets });
  const esc = await send({ type: 'rg:escalate', findings: [], draft: 'We will look into it.', incoming: 'My lawyer will call.', platform: 'x' });
  assert.equal(esc.ok, true, esc.error);
  assert.ok(esc.value.delivery_id);
  const started = await send({ type: 'rg:deliverEscalation', id: esc.value.delivery_id, target: 'soc' });
  assert.equal(started.ok, true, started.error);
  const [st] = started.value.targets;
  assert.deepEqual([st.target, st.state], ['soc', 'failed'], 'no endpoint in the managed settings');
  const now = await send({ type: 'rg:escalationStatus', job: started.value.id });
  assert.equal(now.ok, true, now.error);
  assert.deepEqual(now.value.targets.map((x) => [x.target, x.state]), [['soc', 'failed']]);
  assert.deepEqual(await send({ type: 'rg:escalationStatus', job: 'forgotten' }), { ok: true, value: null }, 'a restarted worker knows no jobs: null, not an error');
});
