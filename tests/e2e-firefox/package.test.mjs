// The store package, not the test build: the .xpi that scripts/package.mjs makes from a fresh store
// build loads in Firefox and checks a reply on a supported site. x.com is served locally over
// https (DNS forced to 127.0.0.1 with network.dns.forceResolve, a self-signed certificate,
// acceptInsecureCerts); the store build has no test hook, so the test reads what a user and the
// popup see: the findings the background counted for the tab, a send held, a clean reply sent.
// web-ext lint of the same store build stays at 0 errors and 0 warnings.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServer, until, screenshot } from '../e2e/support/harness.mjs';
import { launchFirefox, asFlowPage } from './support/firefox.mjs';

const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'rg-ff-package-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

/** https on 127.0.0.1 for any host name, passing every request to the fixture server. */
async function httpsFront(fixtureBase) {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', path.join(tmp, 'tls.key'), '-out', path.join(tmp, 'tls.crt'), '-days', '1', '-subj', '/CN=x.com',
    '-addext', 'subjectAltName=DNS:x.com'], { stdio: 'ignore' });
  const target = new URL(fixtureBase);
  const server = createServer({ key: await readFile(path.join(tmp, 'tls.key')), cert: await readFile(path.join(tmp, 'tls.crt')) }, (req, res) => {
    const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method }, (r) => { res.writeHead(r.statusCode, r.headers); r.pipe(res); });
    up.on('error', (e) => res.writeHead(502).end(String(e.message)));
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

test('Firefox store package: web-ext lint 0/0; the .xpi loads and checks on x.com served locally', async (t) => {
  const dist = path.join(tmp, 'dist');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'extension/build.mjs'), '--out', dist], { encoding: 'utf8' });
  assert.equal(build.status, 0, `store build failed:\n${build.stderr}`);
  const pkg = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), '--dist', dist, '--out', path.join(tmp, 'pkg'), '--no-source'], { encoding: 'utf8' });
  assert.equal(pkg.status, 0, `package.mjs failed:\n${pkg.stdout}\n${pkg.stderr}`);
  const xpi = path.join(tmp, 'pkg', `replyguard-firefox-${version}.xpi`);

  await t.test('web-ext lint: 0 errors, 0 warnings', () => {
    const r = spawnSync('npx', ['--no-install', 'web-ext', 'lint', '--source-dir', path.join(dist, 'firefox'), '--no-config-discovery', '--output', 'json'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const out = JSON.parse(r.stdout);
    const msgs = [...out.errors, ...out.warnings].map((m) => `${m._type}: ${m.code} ${m.file || ''} ${m.message}`);
    assert.equal(out.errors.length, 0, msgs.join('\n'));
    assert.equal(out.warnings.length, 0, msgs.join('\n'));
    t.diagnostic(`web-ext lint: ${out.errors.length} errors, ${out.warnings.length} warnings, ${out.notices.length} notices`);
  });

  const server = await startServer();
  const front = await httpsFront(server.base);
  const ff = await launchFirefox({ xpi, acceptInsecureCerts: true, prefs: { 'network.dns.forceResolve': '127.0.0.1' } });
  t.after(async () => { await ff.close(); await front.close(); await server.close(); });

  await t.test('the packaged add-on is the store build', async () => {
    assert.equal(ff.addonId, 'replyguard@replyguard.example');
    const m = await ff.sw.evaluate(() => chrome.runtime.getManifest());
    assert.equal(m.version, version);
    assert.ok(!JSON.stringify(m.host_permissions).includes('127.0.0.1'), 'no test host in the store build');
    assert.ok(m.host_permissions.includes('https://x.com/*'));
  });

  await t.test('x.com: a reply is checked, sending held on the block finding, a clean reply sent', async () => {
    const url = `https://x.com:${front.port}/sites/x/`;
    const page = await ff.newPage(url);
    const composer = '[data-testid="tweetTextarea_0"]';
    await page.waitForSelector(composer);
    const tabId = await ff.sw.evaluate(async (u) => (await browser.tabs.query({})).find((x) => (x.url || '').startsWith(u))?.id, url);
    assert.ok(tabId, 'the x.com tab is visible to the extension (host permission)');
    const tabInfo = () => ff.sw.evaluate((id) => chrome.runtime.sendMessage({ type: 'rg:tabInfo', tabId: id }), tabId);
    // The content script attaches once the field is focused and it knows the policy.
    await until(async () => { await page.click(composer); return (await tabInfo())?.value?.seen !== undefined; }, { message: 'background answers' });
    await page.keyboard.type('Sorry, you idiot. We will look into it.', { delay: 5 });
    const info = await until(async () => { const r = await tabInfo(); return r?.ok && r.value.blocks >= 1 && r.value; },
      { timeout: 15000, message: 'a blocking finding counted for the x.com tab' });
    assert.ok(info.count >= 1);
    await screenshot(asFlowPage(page), 'firefox-xpi-x-com');
    const sent = () => page.evaluate(() => window.sent.length);
    await page.click('[data-testid="tweetButtonInline"]');
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(await sent(), 0, 'held: the insult is not sent');
    await page.keyboard.press('Escape');
    await page.click(composer);
    await page.keyboard.down('Control'); await page.keyboard.press('a'); await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('Thank you, we are on it.', { delay: 5 });
    await until(async () => { const r = await tabInfo(); return r?.ok && r.value.blocks === 0 && r.value; }, { timeout: 10000, message: 'no blocking finding left' });
    await page.click('[data-testid="tweetButtonInline"]');
    await until(async () => (await sent()) === 1, { message: 'clean reply sent' });
    assert.equal(await page.evaluate(() => window.sent[0]), 'Thank you, we are on it.');
  });
});
