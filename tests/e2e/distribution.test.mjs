// Signed-bundle distribution end to end, the way an administrator deploys it: a Chromium managed
// policy (/etc/chromium/policies/managed/*.json, "3rdparty" settings for the extension) names a
// bundle URL and pins the public key; the extension downloads the signed bundle, verifies it and
// uses it (origin "managed"); a tampered and an older bundle are refused, the good one stays and
// the refusal is shown; the admin's locks hold (no "send anyway", no pause, no policy switch).
//
// Decisions (see extension/README.md, "Signed bundles in the e2e test"):
// - Extension id: Chromium derives an unpacked extension's id from its absolute path (SHA-256 of
//   the path, first 16 bytes as letters a–p); the test computes it from the build directory and
//   checks it against the service worker's URL. No "key" in any manifest.
// - Transport: the updater fetches only https: and file:, in the test build too. The test serves
//   https on 127.0.0.1 with a self-signed certificate made by openssl at test time and starts
//   Chromium with --ignore-certificate-errors (this test only). The server sends the CORS headers
//   docs/admin/README.md asks for (the extension has no host permission for it).
// - Keys and signatures: the admin CLI (build/native/replyguard keygen/sign); without the CLI the
//   node:crypto helpers of tests/node/distribution-helpers.mjs (also with RG_DIST_SIGNER=node).
// Needs root (writes under /etc); skipped otherwise.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile, readdir, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, extensionDir, startServer, isoEval, rgState, rgDialog, until, screenshot, auditLog, SLOWDOWN } from './support/harness.mjs';
import { distBundle, signer, tamper, startHttps, readPopup } from './support/distribution.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'replyguard-test.json');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Chromium's id of an unpacked extension: SHA-256 of the absolute path, 32 hex digits as a–p. */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

async function launchWithPolicy(ext) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'rg-e2e-dist-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: false, locale: 'en-US',
    viewport: { width: 1100, height: 760 }, env: { ...process.env, LANGUAGE: 'en_US', LANG: 'en_US.UTF-8' },
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--disable-sync', '--ignore-certificate-errors', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--lang=en-US'],
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15000 * SLOWDOWN });
  return { context, sw, extensionId: new URL(sw.url()).host,
    async close() { await context.close(); await rm(userDataDir, { recursive: true, force: true }); } };
}

test('signed bundle from a managed policy: used, tamper and rollback refused, locks enforced', { skip: !isRoot && 'needs root (writes /etc/chromium/policies/managed)' }, async (t) => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'rg-dist-'));
  const ext = extensionDir();
  const extensionId = unpackedExtensionId(ext);
  const sign = await signer(work);
  const good = await sign.sign(await distBundle(5), 'v5');
  const tampered = tamper(await sign.sign(await distBundle(6), 'v6'));
  const older = await sign.sign(await distBundle(4), 'v4');

  const https = await startHttps(work);
  https.state.body = good;
  const server = await startServer();
  const createdDirs = [];
  for (const d of ['/etc/chromium', '/etc/chromium/policies', POLICY_DIR]) if (!existsSync(d)) { await mkdir(d); createdDirs.unshift(d); }
  let b = null;
  try {
    // Exactly what docs/admin/README.md tells admins to write (the .pub content pasted as is).
    await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: {
      bundle_urls: [https.url], public_keys: [sign.pub], update_interval_minutes: 60,
      lock_policy: true, lock_pause: true, lock_override: true,
    } } } }, null, 2), { mode: 0o644 });
    b = await launchWithPolicy(ext);
    assert.equal(b.extensionId, extensionId, 'extension id derived from the build path');
    const base = `chrome-extension://${extensionId}`;

    const page = await b.context.newPage();
    await page.goto(`${server.base}/textarea.html`);
    const tabId = await b.sw.evaluate(async (u) => (await chrome.tabs.query({})).find((x) => (x.url || '').startsWith(u)).id, `${server.base}/textarea.html`);
    const popup = await b.context.newPage();
    await popup.setViewportSize({ width: 380, height: 520 });
    const popupState = async () => { await popup.goto(`${base}/popup.html?tab=${tabId}`); await popup.waitForFunction(() => document.getElementById('policy').textContent !== ''); return readPopup(popup); };

    await t.test('the managed signed bundle is downloaded, verified and in force', async () => {
      const p = await until(async () => { const s = await popupState(); return s.version === '5' && s.origin === 'managed' && s; },
        { timeout: 20000, interval: 300, message: 'popup shows com.example.dist v5 from the managed policy' });
      assert.equal(p.id, 'com.example.dist');
      assert.match(p.policy, /Distributed policy v5 · v5/);
      assert.match(p.originText, /company policy, set by your administrator · com\.example\.dist@5/);
      assert.match(p.age, /^Signed .*, valid until /);
      assert.deepEqual(p.warnings, []);
      assert.ok(https.state.requests.some((r) => r.method === 'GET'), 'downloaded over https');
      await screenshot(popup, 'popup-managed-bundle');
      // A rule that exists only in the distributed bundle finds its word.
      await page.click('#reply');
      await page.keyboard.type('We will zebracorn it.');
      await until(async () => (await rgState(page))?.fields?.[0]?.findings.some((f) => f.rule === 'dist.only' && f.text === 'zebracorn'), { message: 'dist.only finding' });
    });

    await t.test('lock_override: the send dialog offers fix and escalate, no "send anyway"', async () => {
      const sentBefore = await page.evaluate(() => window.sent.length);
      await page.click('#send');
      const dlg = await until(() => rgDialog(page), { message: 'send dialog' });
      const actions = dlg.items.map((i) => i.action);
      assert.ok(actions.includes('fix') && actions.includes('escalate'), `actions: ${actions}`);
      assert.ok(!actions.includes('send-anyway') && !actions.includes('confirm-override'), `no override: ${actions}`);
      assert.ok(!dlg.items.some((i) => i.tag === 'textarea'), 'no justification box');
      assert.match(dlg.text, /does not allow sending past this finding/);
      await screenshot(page, 'send-dialog-override-locked');
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(await page.evaluate(() => window.sent.length), sentBefore, 'held');
      await page.keyboard.press('Escape');
      await until(async () => !(await rgDialog(page)), { message: 'dialog closed' });
      // The background refuses an override even if the content script asks for one.
      const auditBefore = (await auditLog(b.sw)).length;
      const r = await isoEval(page, () => chrome.runtime.sendMessage({ type: 'rg:audit', kind: 'override', rules: ['dist.only'],
        draft: 'We will zebracorn it.', platform: '', justification: 'Quoting the customer verbatim.' }));
      assert.equal(r.ok, false);
      assert.match(r.error, /lock_override/);
      assert.equal((await auditLog(b.sw)).length, auditBefore, 'no override recorded');
    });

    await t.test('lock_pause and lock_policy: no pause in the popup, no policy switch in the options', async () => {
      const p = await popupState();
      assert.ok(p.pauseDisabled, 'pause switch disabled');
      assert.match(p.locks, /does not allow pausing/);
      const options = await b.context.newPage();
      await options.goto(`${base}/options.html`);
      await options.waitForFunction(() => document.querySelectorAll('#dist-settings tbody tr').length > 0);
      const o = await options.evaluate(() => ({
        importDisabled: document.getElementById('policy-file').disabled,
        defaultDisabled: document.getElementById('src-default').disabled,
        lockedHint: !document.getElementById('policy-locked').hidden,
        urlDisabled: document.getElementById('bundle-url').disabled,
        current: document.getElementById('policy-current').textContent,
        rows: Object.fromEntries([...document.querySelectorAll('#dist-settings tbody tr')].map((tr) =>
          [tr.dataset.setting, { value: tr.cells[1].textContent, origin: tr.cells[2].dataset.origin }])),
        siteSwitchesDisabled: [...document.querySelectorAll('#sites input')].every((i) => i.disabled),
      }));
      assert.ok(o.importDisabled && o.defaultDisabled && o.lockedHint && o.urlDisabled, JSON.stringify(o));
      assert.ok(o.siteSwitchesDisabled, 'site switches locked with lock_pause');
      assert.match(o.current, /version 5 \(company policy from your administrator\)/);
      assert.deepEqual(o.rows.bundle_urls, { value: https.url, origin: 'managed' });
      assert.deepEqual(o.rows.public_keys, { value: sign.pub.key_id, origin: 'managed' });
      assert.deepEqual(o.rows.lock_override, { value: 'yes', origin: 'managed' });
      assert.deepEqual(o.rows.member_id, { value: '—', origin: 'default' });
      await screenshot(options, 'options-distribution');
      // Enforced in the background, not only greyed out: an import is refused.
      const r = await options.evaluate((text) => chrome.runtime.sendMessage({ type: 'rg:setPolicy', source: 'file', text, fileName: 'x.json' }),
        await readFile(path.join(ROOT, 'tests/e2e/fixtures/policy/e2e-bundle.json'), 'utf8'));
      assert.equal(r.ok, false);
      assert.match(r.error, /lock_policy/);
      await options.close();
    });

    const updateNow = async () => {
      const options = await b.context.newPage();
      await options.goto(`${base}/options.html`);
      await options.waitForFunction(() => document.querySelectorAll('#dist-settings tbody tr').length > 0);
      await options.click('#update-now');
      const status = await until(() => options.evaluate(() => document.getElementById('update-result').dataset.status), { timeout: 15000, message: 'update result' });
      // The status is shown first, then the policy section (its warnings) is rendered again; the
      // page is aria-busy until then.
      await until(() => options.evaluate(() => !document.querySelector('main').hasAttribute('aria-busy')), { message: 'options rendered' });
      const warnings = await options.$$eval('#dist-warnings li', (lis) => lis.map((li) => li.dataset.code));
      await options.close();
      return { status, warnings };
    };

    const stillGood = async (word) => {
      await page.fill('#reply', '');
      await page.click('#reply');
      await page.keyboard.type(`Checking ${word} again.`);
      await until(async () => { const f = (await rgState(page))?.fields?.[0]; return f?.checked && f.text.includes(word) && f.findings.some((x) => x.rule === 'dist.only'); },
        { message: 'the good bundle is still checking' });
    };

    await t.test('a tampered bundle is refused; the good one stays and the refusal is shown', async () => {
      https.state.body = tampered;
      const u = await updateNow();
      assert.equal(u.status, 'failed');
      assert.ok(u.warnings.includes('bad_signature'), `options warnings: ${u.warnings}`);
      const p = await popupState();
      assert.equal(p.version, '5');
      assert.equal(p.origin, 'managed');
      const w = p.warnings.find((x) => x.code === 'bad_signature');
      assert.ok(w && w.kind === 'download', JSON.stringify(p.warnings));
      assert.match(w.text, /signature does not match/);
      assert.match(p.age, /An update was refused: the last good bundle \(received .*\) stays in force/);
      await screenshot(popup, 'popup-tampered-refused');
      await stillGood('zebracorn');
    });

    await t.test('an older signed version is refused as a rollback; the good one stays', async () => {
      https.state.body = older;
      const u = await updateNow();
      assert.equal(u.status, 'failed');
      assert.ok(u.warnings.includes('rollback'), `options warnings: ${u.warnings}`);
      const p = await popupState();
      assert.equal(p.version, '5');
      assert.equal(p.id, 'com.example.dist');
      const w = p.warnings.find((x) => x.code === 'rollback');
      assert.ok(w && /version is older than the one in use/.test(w.text) && /version 4 is lower than version 5/.test(w.text), JSON.stringify(p.warnings));
      assert.ok(!p.warnings.some((x) => x.code === 'bad_signature'), 'only the last round is reported');
      await stillGood('zebracorn');
    });

    await t.test('the good bundle again: revalidated with its ETag (304), no warning', async () => {
      https.state.body = good;
      const u = await updateNow();
      assert.equal(u.status, 'not_modified');
      assert.ok(https.state.requests.some((r) => r.method === 'GET' && r.ifNoneMatch), 'conditional request sent');
      const p = await popupState();
      assert.equal(p.version, '5');
      assert.deepEqual(p.warnings, []);
    });
    t.diagnostic(`keys and signatures via ${sign.via}`);
  } finally {
    await rm(POLICY_FILE, { force: true });
    for (const d of createdDirs) if (!(await readdir(d)).length) await rmdir(d);
    await b?.close();
    await server.close();
    await https.close();
    await rm(work, { recursive: true, force: true });
  }
});

test('the user\'s own bundle URL and key (no device management): a mistyped key_id is reported, the right key is used', async (t) => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'rg-dist-'));
  const ext = extensionDir();
  const sign = await signer(work);
  const https = await startHttps(work);
  https.state.body = await sign.sign(await distBundle(7), 'v7');
  const server = await startServer();
  const b = await launchWithPolicy(ext);
  t.after(async () => { await b.close(); await server.close(); await https.close(); await rm(work, { recursive: true, force: true }); });
  const base = `chrome-extension://${b.extensionId}`;
  const options = await b.context.newPage();
  await options.goto(`${base}/options.html`);
  await options.waitForFunction(() => document.querySelectorAll('#dist-settings tbody tr').length > 0);
  const rows = () => options.evaluate(() => Object.fromEntries([...document.querySelectorAll('#dist-settings tbody tr')].map((tr) =>
    [tr.dataset.setting, { value: tr.cells[1].textContent, origin: tr.cells[2].dataset.origin }])));
  assert.deepEqual((await rows()).bundle_urls, { value: '—', origin: 'default' });
  assert.equal(await options.isEnabled('#policy-file'), true, 'no lock without an admin');

  await t.test('not a key file: refused in the page', async () => {
    await options.fill('#bundle-url', https.url);
    await options.fill('#public-key', 'not json');
    await options.click('#dist-save');
    await until(async () => /Not a public key file/.test(await options.textContent('#dist-saved')), { message: 'key error shown' });
    await options.fill('#bundle-url', 'http://127.0.0.1/x.json');
    await options.fill('#public-key', '');
    await options.click('#dist-save');
    await until(async () => /Only https: or file:/.test(await options.textContent('#dist-saved')), { message: 'url error shown' });
  });

  await t.test('a key_id that does not belong to the key is reported; nothing is trusted', async () => {
    await options.fill('#bundle-url', https.url);
    await options.fill('#public-key', JSON.stringify({ ...sign.pub, key_id: '0000000000000000' }));
    await options.click('#dist-save');
    // key_error comes from the settings at once; unknown_key only once the download was tried.
    await until(async () => {
      await options.reload();
      const c = await options.$$eval('#dist-warnings li', (l) => l.map((x) => x.dataset.code));
      return c.includes('key_error') && c.includes('unknown_key');
    }, { timeout: 10000, interval: 300, message: 'key_error and unknown_key warnings' });
    const r = await rows();
    assert.deepEqual(r.bundle_urls, { value: https.url, origin: 'user' });
    const codes = await options.$$eval('#dist-warnings li', (l) => l.map((x) => x.dataset.code));
    assert.ok(codes.includes('unknown_key'), `download refused as unknown key: ${codes}`);
    assert.match(await options.textContent('#policy-current'), /built-in default/);
  });

  await t.test('the right key: the bundle from the user\'s URL is in force (origin "url")', async () => {
    await options.fill('#public-key', JSON.stringify(sign.pub));
    await options.click('#dist-save');
    await until(async () => { await options.reload(); return /version 7 \(your bundle URL\)/.test(await options.textContent('#policy-current')); },
      { timeout: 10000, interval: 300, message: 'v7 from the user URL' });
    assert.deepEqual((await rows()).public_keys, { value: sign.pub.key_id, origin: 'user' });
    const popup = await b.context.newPage();
    await popup.goto(`${base}/popup.html`);
    await popup.waitForFunction(() => document.getElementById('policy-origin').dataset.origin);
    const p = await readPopup(popup);
    assert.equal(p.origin, 'url');
    assert.equal(p.version, '7');
    assert.match(p.originText, /bundle URL from your settings · com\.example\.dist@7/);
    assert.equal(p.locks, '');
    const page = await b.context.newPage();
    await page.goto(`${server.base}/textarea.html`);
    await page.click('#reply');
    await page.keyboard.type('We will zebracorn it.');
    await until(async () => (await rgState(page))?.fields?.[0]?.findings.some((f) => f.rule === 'dist.only'), { message: 'dist.only finding' });
    await page.click('#send');
    const dlg = await until(() => rgDialog(page), { message: 'send dialog' });
    assert.ok(dlg.items.some((i) => i.action === 'send-anyway'), 'without lock_override "send anyway" is offered');
  });
});
