// Escalation delivery from the escalation panel, end to end with the real core: the bundle's team
// section names the targets of the legal route (Slack, PagerDuty, a webhook), the managed settings
// hold their secrets except the webhook's; local HTTPS receivers check the Slack and PagerDuty
// Events v2 contracts. PagerDuty first answers 429 with Retry-After: the panel shows "retrying",
// then "delivered"; the webhook without a secret shows "failed"; mailto:/tel: links stay. A retry
// planned when the panel is closed and the worker stopped is sent by the next worker, once.
import test from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { extensionDir, startServer, rgBanner, rgDialog, rgState, until, screenshot } from './support/harness.mjs';
import { E2E_BUNDLE, usePolicy } from './support/flow.mjs';
import { startReceiver } from '../node/support/https-receiver.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'replyguard-escalation-test.json');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const skip = (!isRoot && 'needs root (writes /etc/chromium/policies/managed)') || (process.env.RG_FAKE_CORE && 'needs the real core (escalation)');
const unpackedId = (dir) => [...createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32)]
  .map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
const ROUTING_KEY = 'R0123456789ABCDEF0123456789ABCDE';

test('escalation panel: Slack delivered, PagerDuty retrying after 429 then delivered, webhook without secret failed',
  { skip }, async (t) => {
  const rx = await startReceiver();
  const server = await startServer();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'rg-e2e-esc-'));
  const ext = extensionDir();
  await mkdir(POLICY_DIR, { recursive: true });
  await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [unpackedId(ext)]: { escalation_endpoints: {
    'legal-slack': { url: `${rx.url}/slack` },
    'legal-pager': { url: `${rx.url}/pagerduty/v2/enqueue`, routing_key: ROUTING_KEY } } } } } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: false, locale: 'en-US', viewport: { width: 1100, height: 760 },
    env: { ...process.env, LANGUAGE: 'en_US', LANG: 'en_US.UTF-8' },
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
      `--ignore-certificate-errors-spki-list=${rx.cert.spki}`, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--lang=en-US'],
  });
  t.after(async () => { await context.close().catch(() => {}); await server.close(); await rx.stop(); await rm(profile, { recursive: true, force: true }); await rm(POLICY_FILE, { force: true }); });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15000 });
  const bundle = JSON.parse(E2E_BUNDLE);
  bundle.team.delivery = {
    targets: { 'legal-slack': { kind: 'slack', name: { en: 'Legal channel', de: 'Rechtskanal' } }, 'legal-pager': { kind: 'pagerduty' }, soc: { kind: 'webhook' } },
    routes: { legal: ['legal-slack', 'legal-pager', 'soc'] },
  };
  await usePolicy(sw, JSON.stringify(bundle));
  // Managed settings are read about 3 s after the browser starts: wait until the background has them.
  await until(() => sw.evaluate(async () => !!(await chrome.storage.managed.get(null))?.escalation_endpoints), { timeout: 15000, interval: 300, message: 'managed settings' });

  const page = await context.newPage();
  await page.goto(`${server.base}/sites/x/`);
  const composer = page.locator('[data-testid="tweetTextarea_0"]');
  await composer.click();
  await page.keyboard.type('We will look into it.', { delay: 5 });
  await until(async () => (await rgState(page))?.fields?.[0]?.incoming?.some((f) => f.rule === 'legal.threat'), { timeout: 10000, message: 'incoming legal threat' });
  const banner = await until(() => rgBanner(page), { message: 'banner' });
  let pdCalls = 0;
  rx.retryAfter = '5'; // the retrying state lasts this long: several of the panel's 1 s polls see it on a loaded machine
  rx.onRequest = (p) => { rx.mode = p.startsWith('/pagerduty') && ++pdCalls === 1 ? 'ratelimit' : 'ok'; };
  await page.mouse.click(banner.escalate.x, banner.escalate.y);
  const d = await until(async () => { const x = await rgDialog(page); return x?.items.filter((i) => i.action === 'deliver').length === 3 && x; }, { message: 'three delivery buttons' });
  assert.ok(d.items.some((i) => i.href.startsWith('mailto:')), 'the mailto: fallback stays');
  assert.ok(d.items.some((i) => i.href.startsWith('tel:')), 'the tel: fallback stays');
  assert.equal(rx.requests.length, 0, 'nothing sent before the responder asks');
  assert.ok(d.items.some((i) => i.action === 'deliver' && /Legal channel/.test(i.text)), 'the target\'s name from the bundle');
  for (const i of d.items.filter((x) => x.action === 'deliver')) await page.mouse.click(i.x, i.y);
  const retrying = await until(async () => { const x = await rgDialog(page); return /Not accepted yet, next attempt/.test(x?.text || '') && x; }, { timeout: 10000, message: 'retrying shown' });
  assert.match(retrying.text, /no endpoint for this target in the managed settings/);
  await screenshot(page, 'escalation-delivery-retrying');
  const done = await until(async () => { const x = await rgDialog(page); return (x?.text.match(/Delivered/g) || []).length === 2 && x; }, { timeout: 20000, message: 'two delivered' });
  assert.match(done.text, /Failed: no endpoint/);
  await screenshot(page, 'escalation-delivery-done');
  assert.deepEqual(rx.invalid, [], 'Slack and PagerDuty contracts met');
  const slack = rx.accepted.find((a) => a.path === '/slack').body;
  const pd = rx.accepted.find((a) => a.path.startsWith('/pagerduty')).body;
  assert.equal(pd.routing_key, ROUTING_KEY);
  assert.equal(pd.event_action, 'trigger');
  assert.equal(pd.payload.severity, 'critical', 'block finding → critical');
  assert.equal(pdCalls, 2, 'one 429, one accepted');
  assert.ok(!JSON.stringify([slack, pd]).includes('We will look into it'), 'no draft without the policy\'s consent');

  // The responder closes the panel while PagerDuty asks to wait, and the browser stops the idle
  // worker meanwhile: the next worker sends the planned retry, once, with the same dedup key.
  await page.keyboard.press('Escape'); // the panel is taller than the window: its Close button is scrolled away
  await until(async () => !(await rgDialog(page)), { message: 'panel closed' });
  let pd2 = 0;
  rx.retryAfter = '10';
  rx.onRequest = (p) => { rx.mode = p.startsWith('/pagerduty') && ++pd2 === 1 ? 'ratelimit' : 'ok'; };
  const banner2 = await until(() => rgBanner(page), { message: 'banner again' });
  await page.mouse.click(banner2.escalate.x, banner2.escalate.y);
  const d2 = await until(async () => { const x = await rgDialog(page); return x?.items.filter((i) => i.action === 'deliver').length === 3 && x; }, { message: 'delivery buttons again' });
  const pdButton = d2.items.find((i) => i.action === 'deliver' && /PagerDuty/.test(i.text));
  await page.mouse.click(pdButton.x, pdButton.y);
  const waiting = await until(async () => { const x = await rgDialog(page); return /Not accepted yet, next attempt/.test(x?.text || '') && x; }, { timeout: 10000, message: 'retrying shown again' });
  assert.doesNotMatch(waiting.text, /Delivered/, 'a new panel: the first escalation\'s states are not shown');
  await page.keyboard.press('Escape');
  await until(async () => !(await rgDialog(page)), { message: 'panel closed again' });
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${new URL(sw.url()).host}/popup.html`);
  const cdp = await context.newCDPSession(probe);
  const versions = new Map();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => { for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) versions.set(v.versionId, v.runningStatus); });
  await cdp.send('ServiceWorker.enable');
  await until(async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    return versions.size > 0 && [...versions.values()].every((v) => v === 'stopped');
  }, { timeout: 10000, interval: 300, message: 'service worker stopped' });
  assert.equal(pd2, 1, 'stopped before the retry was due');
  await probe.close();
  await composer.click();
  await page.keyboard.type(' Thanks.', { delay: 5 }); // the next check starts a new worker
  await until(() => pd2 === 2 && rx.accepted.filter((a) => a.path.startsWith('/pagerduty')).length === 2, { timeout: 30000, message: 'the retry sent by the next worker' });
  const [first, second] = rx.accepted.filter((a) => a.path.startsWith('/pagerduty')).map((a) => a.body.dedup_key);
  assert.notEqual(first, second, 'a second escalation is a second incident');
  assert.equal(pd2, 2, 'one 429, one accepted: the retry was sent once');
});
