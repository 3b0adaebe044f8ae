// Audit delivery end to end in Chromium, configured the way an admin does it: a Chromium managed
// policy (/etc/chromium/policies/managed, "3rdparty" settings of the extension: audit_delivery)
// names a local HTTPS receiver (self-signed, trusted through --ignore-certificate-errors-spki-list)
// that checks every request against the OTLP JSON (or JSON lines) contract. The receiver is down while overrides happen, the
// browser is closed and started again on the same profile, the receiver comes back, and every
// entry arrives exactly once, without the draft; the popup then says all entries were delivered.
import test from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { extensionDir, startServer, isoEval, until, screenshot } from './support/harness.mjs';
import { usePolicy } from './support/flow.mjs';
import { startReceiver } from '../node/support/https-receiver.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'replyguard-delivery-test.json');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const skip = !isRoot && 'needs root (writes /etc/chromium/policies/managed)';

/** Chromium's id of an unpacked extension: SHA-256 of the absolute path, 32 hex digits as a–p. */
const unpackedId = (dir) => [...createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32)]
  .map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');

async function setManaged(settings) {
  await mkdir(POLICY_DIR, { recursive: true });
  await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [unpackedId(extensionDir())]: settings } } }));
}

async function launchAt(userDataDir, spki) {
  const ext = extensionDir();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false, locale: 'en-US', viewport: { width: 1100, height: 760 },
    env: { ...process.env, LANGUAGE: 'en_US', LANG: 'en_US.UTF-8' },
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', `--ignore-certificate-errors-spki-list=${spki}`,
      `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--lang=en-US'],
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15000 });
  return { context, sw, extensionId: new URL(sw.url()).host };
}

/** An override entry sent the way the content script sends it (sender = the tab). */
const override = (page, justification, draft, id) => isoEval(page, (a) => chrome.runtime.sendMessage(
  { type: 'rg:audit', kind: 'override', rules: ['insult.words'], draft: a.draft, platform: '', justification: a.justification, id: a.id }),
{ justification, draft, id }).then((r) => { assert.equal(r?.ok, true, JSON.stringify(r)); assert.equal(r.value.durable, true); return r.value.id; });

const deliveryStatus = (page) => page.evaluate(() => chrome.runtime.sendMessage({ type: 'rg:deliveryStatus' }).then((r) => r.value));

test('receiver down during overrides, browser restarted, receiver back: every entry arrives exactly once', { skip }, async (t) => {
  const rx = await startReceiver();
  const server = await startServer();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'rg-e2e-delivery-'));
  let b = null;
  t.after(async () => { await b?.context.close().catch(() => {}); await server.close(); await rx.stop(); await rm(profile, { recursive: true, force: true }); await rm(POLICY_FILE, { force: true }); });
  await setManaged({ audit_delivery: { url: `${rx.url}/v1/logs`, format: 'otlp', headers: { Authorization: 'Bearer e2e-token' } } });
  await rx.stop(); // down from the start

  b = await launchAt(profile, rx.cert.spki);
  await usePolicy(b.sw);
  let page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  const sent = [];
  for (let i = 0; i < 6; i++) {
    const justification = `Customer escalation number ${i} handled`;
    const draft = `Sorry you idiot, secretword${i}`;
    const id = `e2e-delivery-entry-${i}`;
    assert.equal(await override(page, justification, draft, id), id);
    sent.push({ justification, draft, id });
  }
  let ext = await b.context.newPage();
  await ext.goto(`chrome-extension://${b.extensionId}/popup.html`);
  const waiting = await until(async () => { const s = await deliveryStatus(ext); return s.enabled && s.queue.size === 6 && s.state.failures >= 1 && s; },
    { timeout: 20000, interval: 200, message: 'six entries queued, a failed attempt recorded' });
  assert.equal(waiting.format, 'otlp');
  assert.equal(waiting.origin, 'managed');
  assert.ok(waiting.state.nextAttemptAt > Date.now() - 1000, 'a retry is planned');
  assert.equal(rx.accepted.length, 0);
  const popupText = await until(async () => { const n = ext.locator('#delivery'); await ext.reload(); return (await n.isVisible()) && n.textContent(); }, { message: 'popup delivery line' });
  assert.match(popupText, /6 entries waiting/);
  await screenshot(ext, 'delivery-popup-waiting');
  await b.context.close();

  await rx.start(); // back, on the same port
  b = await launchAt(profile, rx.cert.spki);
  await until(() => rx.ids.size === 6, { timeout: 60000, interval: 250, message: 'all six entries received after the restart' });
  assert.deepEqual(rx.invalid, [], 'every request met the OTLP contract');
  assert.deepEqual(rx.duplicates(), [], 'no entry twice');
  assert.deepEqual([...rx.ids.keys()].sort(), sent.map((x) => x.id).sort(), 'the content script\'s entry ids are the ids the receiver sees');
  const records = rx.accepted.flatMap((a) => a.body.resourceLogs.flatMap((rl) => rl.scopeLogs.flatMap((sl) => sl.logRecords)));
  const attr = (r, k) => r.attributes.find((x) => x.key === k)?.value?.stringValue;
  assert.deepEqual(records.map((r) => attr(r, 'replyguard.justification')).sort(), sent.map((s) => s.justification).sort());
  assert.ok(records.every((r) => /^\d+$/.test(r.timeUnixNano) && attr(r, 'replyguard.kind') === 'override' && attr(r, 'replyguard.policy')));
  assert.ok(rx.accepted.every((a) => a.headers.authorization === 'Bearer e2e-token'), 'the managed header is sent');
  assert.ok(!JSON.stringify(rx.accepted.map((a) => a.body)).includes('secretword'), 'the draft never left the browser');
  ext = await b.context.newPage();
  await ext.goto(`chrome-extension://${b.extensionId}/popup.html`);
  const done = await until(async () => { const s = await deliveryStatus(ext); return s.queue.size === 0 && s.state.delivered === 6 && s; }, { message: 'queue drained' });
  assert.equal(done.state.failures, 0);
  await ext.reload();
  const okText = await until(async () => { const n = ext.locator('#delivery'); return (await n.isVisible()) && n.textContent(); }, { message: 'popup says delivered' });
  assert.match(okText, /all entries delivered/);
  // One more entry with the receiver up: delivered at once, still exactly once each.
  page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  await override(page, 'One more after recovery', 'draft seven', 'e2e-delivery-entry-7');
  await until(() => rx.ids.size === 7, { timeout: 15000, message: 'seventh entry' });
  assert.deepEqual(rx.duplicates(), []);
});

test('a full queue says so in the popup (de) and keeps the entries it holds', { skip }, async (t) => {
  const rx = await startReceiver();
  const server = await startServer();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'rg-e2e-delivery-full-'));
  let b = null;
  t.after(async () => { await b?.context.close().catch(() => {}); await server.close(); await rx.stop(); await rm(profile, { recursive: true, force: true }); await rm(POLICY_FILE, { force: true }); });
  await rx.stop();
  await setManaged({ audit_delivery: { url: `${rx.url}/audit.jsonl`, format: 'jsonl', max_queue: 100 } });
  b = await launchAt(profile, rx.cert.spki);
  await usePolicy(b.sw);
  await b.sw.evaluate(async () => chrome.storage.local.set({ settings: { lang: 'de' } }));
  const page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  // The admin's bound (max_queue 100) is reached by filling the queue's count the way 100 entries would.
  await override(page, 'first entry before the fill', 'x', 'e2e-full-queue-entry-1');
  const ext = await b.context.newPage();
  await ext.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await until(async () => (await deliveryStatus(ext)).queue.size === 1, { message: 'one queued' });
  await ext.evaluate(async () => {
    const { 'dq.meta': m } = await chrome.storage.local.get('dq.meta');
    await chrome.storage.local.set({ 'dq.meta': { ...m, tail: m.head + 100 } }); // 99 placeholders: missing keys are skipped when sent
  });
  await override(page, 'refused: the queue is full', 'y', 'e2e-full-queue-entry-2');
  const st = await until(async () => { const s = await deliveryStatus(ext); return s.queue.refused === 1 && s; }, { message: 'refusal counted' });
  assert.equal(st.queue.full, true);
  await ext.reload();
  const text = await until(async () => { const n = ext.locator('#delivery'); return (await n.isVisible()) && n.textContent(); }, { message: 'popup full notice' });
  assert.match(text, /Warteschlange der Audit-Zustellung voll \(100 Einträge\)/);
  assert.match(text, /1 nicht eingereiht/);
  assert.equal(await ext.locator('#delivery').getAttribute('data-state'), 'full');
  await screenshot(ext, 'delivery-popup-full-de');
  // Both overrides are in the local log all the same.
  const log = await ext.evaluate(async () => (await chrome.storage.local.get('audit')).audit || []);
  assert.deepEqual(log.map((e) => e.justification), ['first entry before the fill', 'refused: the queue is full']);
});
