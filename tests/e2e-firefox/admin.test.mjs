// Admin paths in Firefox, the way docs/admin/README.md tells administrators to deploy:
// 1. a policies file (/etc/firefox/policies/policies.json, "3rdparty" → "Extensions" → the gecko
//    id; needs root, skipped otherwise) names a signed-bundle URL on local https and pins the key;
//    the bundle is downloaded, verified and in force; the locks hold; a tampered and an older
//    bundle are refused while the good one stays (also after the event page was suspended);
// 2. without root: a managed-storage manifest in $HOME/.mozilla/managed-storage/<gecko id>.json.
// The options page shows every setting the administrator made, marked as theirs. Firefox reads
// policies only at start-up, so each case starts its own browser. The https server's certificate
// is self-signed (acceptInsecureCerts for this test only).
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile, readdir, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, until, screenshot, auditLog } from '../e2e/support/harness.mjs';
import { distBundle, signer, tamper, startHttps, readPopup, rendered } from '../e2e/support/distribution.mjs';
import { launchFirefox, probeFor, isoEval, asFlowPage, GECKO_ID } from './support/firefox.mjs';

const POLICIES_DIR = '/etc/firefox/policies';
const POLICIES_FILE = path.join(POLICIES_DIR, 'policies.json');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Keys, the good (v5), a tampered (v6) and an older (v4) signed bundle, served over https. */
async function bundles(work) {
  const sign = await signer(work);
  const good = await sign.sign(await distBundle(5), 'v5');
  const tampered = tamper(await sign.sign(await distBundle(6), 'v6'));
  const older = await sign.sign(await distBundle(4), 'v4');
  const https = await startHttps(work);
  https.state.body = good;
  return { sign, good, tampered, older, https };
}

/** What the administrator sets: the bundle URL, the pinned key, and the locks. */
const adminSettings = (b, extra = {}) => ({ bundle_urls: [b.https.url], public_keys: [b.sign.pub], update_interval_minutes: 60, ...extra });

/** The extension's pages and the test page, as the tests read them. */
function pages(ff, server) {
  const probe = probeFor(ff);
  const ui = {
    probe,
    async page() {
      ui.p ||= await ff.newPage(`${server.base}/textarea.html`);
      return ui.p;
    },
    async tabId() {
      await ui.page();
      return ff.sw.evaluate(async (u) => (await browser.tabs.query({})).find((x) => (x.url || '').startsWith(u)).id, `${server.base}/textarea.html`);
    },
    async popup() {
      const tab = await ui.tabId();
      ui.pp = await ff.extPage(`popup.html?tab=${tab}`, ui.pp);
      await until(() => ui.pp.evaluate(() => document.getElementById('policy').textContent !== ''), { message: 'popup rendered' });
      return readPopup(ui.pp);
    },
    async options() {
      ui.op = await ff.extPage('options.html', ui.op);
      await rendered(ui.op);
      return ui.op.evaluate(() => ({
        importDisabled: document.getElementById('policy-file').disabled,
        lockedHint: !document.getElementById('policy-locked').hidden,
        current: document.getElementById('policy-current').textContent,
        rows: Object.fromEntries([...document.querySelectorAll('#dist-settings tbody tr')].map((tr) =>
          [tr.dataset.setting, { value: tr.cells[1].textContent, origin: tr.cells[2].dataset.origin }])),
        siteSwitches: [...document.querySelectorAll('#sites input')].map((i) => i.disabled),
        warnings: [...document.querySelectorAll('#dist-warnings li')].map((li) => li.dataset.code),
      }));
    },
    async updateNow() {
      await ui.options();
      await ui.op.click('#update-now');
      const status = await until(() => ui.op.evaluate(() => document.getElementById('update-result').dataset.status), { timeout: 15000, message: 'update result' });
      return { status, warnings: (await ui.options()).warnings };
    },
    /** Types a reply with the word only the distributed bundle flags; resolves once it is found. */
    async distFinding(word = 'zebracorn') {
      const page = await ui.page();
      await page.bringToFront(); // the popup and options tabs took the focus
      await page.$eval('#reply', (e) => { e.value = ''; });
      await page.click('#reply');
      await page.keyboard.type(`We will ${word} it.`, { delay: 5 });
      return until(async () => { const f = (await probe.state(page))?.fields?.[0]; return f?.checked && f.text.includes(word) && f.findings.some((x) => x.rule === 'dist.only') && f; },
        { timeout: 10000, message: 'dist.only finding (the distributed bundle is checking)' });
    },
  };
  return ui;
}

test('Firefox policies.json: signed bundle over https in force, locks held, tamper and rollback refused', { skip: !isRoot && 'needs root (writes /etc/firefox/policies)' }, async (t) => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'rg-ff-admin-'));
  const b = await bundles(work);
  const server = await startServer();
  const created = [];
  for (const d of ['/etc/firefox', POLICIES_DIR]) if (!existsSync(d)) { await mkdir(d); created.unshift(d); }
  if (existsSync(POLICIES_FILE)) throw new Error(`${POLICIES_FILE} exists: not overwriting an administrator's file`);
  let ff = null;
  try {
    await writeFile(POLICIES_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]:
      adminSettings(b, { lock_policy: true, lock_pause: true, lock_override: true }) } } } }, null, 2), { mode: 0o644 });
    ff = await launchFirefox({ acceptInsecureCerts: true });
    const ui = pages(ff, server);

    await t.test('the managed signed bundle is downloaded, verified and in force', async () => {
      const p = await until(async () => { const s = await ui.popup(); return s.version === '5' && s.origin === 'managed' && s; },
        { timeout: 25000, interval: 400, message: 'popup shows com.example.dist v5 from the managed policy' });
      assert.equal(p.id, 'com.example.dist');
      assert.match(p.policy, /Distributed policy v5 · v5/);
      assert.match(p.originText, /company policy, set by your administrator · com\.example\.dist@5/);
      assert.match(p.age, /^Signed .*, valid until /);
      assert.deepEqual(p.warnings, []);
      assert.ok(b.https.state.requests.some((r) => r.method === 'GET'), 'downloaded over https');
      assert.ok(p.pauseDisabled, 'lock_pause: pause switch disabled');
      await screenshot(asFlowPage(ui.pp), 'firefox-popup-managed-bundle');
      await ui.distFinding();
    });

    await t.test('options show what the administrator set; lock_policy enforced in the background', async () => {
      const o = await ui.options();
      assert.ok(o.importDisabled && o.lockedHint, JSON.stringify(o));
      assert.ok(o.siteSwitches.length > 0 && o.siteSwitches.every(Boolean), `site switches locked with lock_pause: ${o.siteSwitches}`);
      assert.match(o.current, /version 5 \(company policy from your administrator\)/);
      assert.deepEqual(o.rows.bundle_urls, { value: b.https.url, origin: 'managed' });
      assert.deepEqual(o.rows.public_keys, { value: b.sign.pub.key_id, origin: 'managed' });
      assert.deepEqual(o.rows.update_interval_minutes, { value: '60', origin: 'managed' });
      for (const k of ['lock_policy', 'lock_pause', 'lock_override']) assert.deepEqual(o.rows[k], { value: 'yes', origin: 'managed' });
      assert.deepEqual(o.rows.member_id, { value: '—', origin: 'default' });
      await screenshot(asFlowPage(ui.op), 'firefox-options-managed');
      const r = await ui.op.evaluate(() => chrome.runtime.sendMessage({ type: 'rg:setPolicy', source: 'default' }));
      assert.equal(r.ok, false);
      assert.match(r.error, /lock_policy/);
    });

    await t.test('lock_override: no "send anyway", and the background refuses an override entry', async () => {
      const page = await ui.page();
      await page.bringToFront();
      await page.click('#send');
      const dlg = await until(() => ui.probe.dialog(page), { message: 'send dialog' });
      const actions = dlg.items.map((i) => i.action);
      assert.ok(actions.includes('fix') && actions.includes('escalate'), `actions: ${actions}`);
      assert.ok(!actions.includes('send-anyway'), `no override: ${actions}`);
      assert.match(dlg.text, /does not allow sending past this finding/);
      await page.keyboard.press('Escape');
      const before = (await auditLog(ff.sw)).length;
      const r = await isoEval(ff, page, () => chrome.runtime.sendMessage({ type: 'rg:audit', kind: 'override', rules: ['dist.only'],
        draft: 'We will zebracorn it.', platform: '', justification: 'Quoting the customer verbatim.' }));
      assert.equal(r.ok, false);
      assert.match(r.error, /lock_override/);
      assert.equal((await auditLog(ff.sw)).length, before);
    });

    await t.test('a tampered bundle is refused; the good one stays, also after the event page was suspended', async () => {
      b.https.state.body = b.tampered;
      const u = await ui.updateNow();
      assert.equal(u.status, 'failed');
      assert.ok(u.warnings.includes('bad_signature'), `options warnings: ${u.warnings}`);
      const p = await ui.popup();
      assert.equal(p.version, '5');
      assert.equal(p.origin, 'managed');
      const w = p.warnings.find((x) => x.code === 'bad_signature');
      assert.ok(w && w.kind === 'download', JSON.stringify(p.warnings));
      assert.match(p.age, /An update was refused: the last good bundle \(received .*\) stays in force/);
      await screenshot(asFlowPage(ui.pp), 'firefox-popup-tampered-refused');
      await ui.distFinding();
      assert.equal(await ff.suspendEventPage(), 'stopped');
      await ui.distFinding('zebracorn again'); // woken: the core loads the last good bundle again
      assert.equal((await ui.popup()).version, '5');
    });

    await t.test('an older signed version is refused as a rollback; the good one stays', async () => {
      b.https.state.body = b.older;
      const u = await ui.updateNow();
      assert.equal(u.status, 'failed');
      assert.ok(u.warnings.includes('rollback'), `options warnings: ${u.warnings}`);
      const p = await ui.popup();
      assert.equal(p.version, '5');
      const w = p.warnings.find((x) => x.code === 'rollback');
      assert.ok(w && /version 4 is lower than version 5/.test(w.text), JSON.stringify(p.warnings));
      await ui.distFinding();
    });

    await t.test('the good bundle again: revalidated with its ETag (304), no warning', async () => {
      b.https.state.body = b.good;
      const u = await ui.updateNow();
      assert.equal(u.status, 'not_modified');
      assert.ok(b.https.state.requests.some((r) => r.method === 'GET' && r.ifNoneMatch), 'conditional request sent');
      assert.deepEqual((await ui.popup()).warnings, []);
    });
    t.diagnostic(`keys and signatures via ${b.sign.via}`);
  } finally {
    await rm(POLICIES_FILE, { force: true });
    for (const d of created) if (!(await readdir(d)).length) await rmdir(d);
    await ff?.close();
    await server.close();
    await b.https.close();
    await rm(work, { recursive: true, force: true });
  }
});

test('Firefox managed-storage manifest in $HOME (no root): admin settings and signed bundle in force, shown in the options', async (t) => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'rg-ff-admin-'));
  const b = await bundles(work);
  const server = await startServer();
  const home = path.join(work, 'home');
  await mkdir(path.join(home, '.mozilla/managed-storage'), { recursive: true });
  // A native manifest of type "storage" (Firefox's managed storage without enterprise policies).
  await writeFile(path.join(home, '.mozilla/managed-storage', `${GECKO_ID}.json`), JSON.stringify({
    name: GECKO_ID, description: 'ReplyGuard settings from the administrator', type: 'storage',
    data: adminSettings(b, { member_id: 'anna', lock_pause: true }),
  }, null, 2));
  const ff = await launchFirefox({ acceptInsecureCerts: true, env: { HOME: home } });
  t.after(async () => { await ff.close(); await server.close(); await b.https.close(); await rm(work, { recursive: true, force: true }); });
  const ui = pages(ff, server);

  const p = await until(async () => { const s = await ui.popup(); return s.version === '5' && s.origin === 'managed' && s; },
    { timeout: 25000, interval: 400, message: 'popup shows v5 from the managed-storage manifest' });
  assert.ok(p.pauseDisabled, 'lock_pause from the manifest');
  const o = await ui.options();
  assert.deepEqual(o.rows.bundle_urls, { value: b.https.url, origin: 'managed' });
  assert.deepEqual(o.rows.member_id, { value: 'anna', origin: 'managed' });
  assert.deepEqual(o.rows.lock_pause, { value: 'yes', origin: 'managed' });
  assert.ok(o.siteSwitches.length > 0 && o.siteSwitches.every(Boolean), `site switches locked with lock_pause: ${o.siteSwitches}`);
  assert.deepEqual(o.rows.lock_override, { value: 'no', origin: 'default' });
  assert.ok(!o.importDisabled, 'no lock_policy: the import stays possible');
  await ui.distFinding();
  // An older bundle is refused here too.
  b.https.state.body = b.older;
  const u = await ui.updateNow();
  assert.equal(u.status, 'failed');
  assert.ok(u.warnings.includes('rollback'), `options warnings: ${u.warnings}`);
  assert.equal((await ui.popup()).version, '5');
});
