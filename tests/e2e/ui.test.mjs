// Popup and options page: status, policy, findings count, pause per site, policy import with
// errors shown by JSON pointer, audit export.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { startServer, launch, rgState, until, screenshot, ROOT, openPopup } from './support/harness.mjs';
import { usePolicy, composerFlow } from './support/flow.mjs';

const POLICY_DIR = path.join(ROOT, 'tests/e2e/fixtures/policy');

test('popup and options', async (t) => {
  const server = await startServer();
  const b = await launch();
  t.after(async () => { await b.close(); await server.close(); });
  const ext = `chrome-extension://${b.extensionId}`;

  const options = await b.context.newPage();
  await options.goto(`${ext}/options.html`);

  await t.test('options: a broken bundle is rejected with JSON pointers; the active policy stays', async () => {
    await options.setInputFiles('#policy-file', path.join(POLICY_DIR, 'broken-bundle.json'));
    await options.waitForSelector('#policy-result .errors li');
    const errors = await options.$$eval('#policy-result .errors li', (lis) => lis.map((li) => li.textContent));
    assert.ok(errors.length >= 1);
    assert.ok(errors.every((e) => e.startsWith('/')), `pointers: ${errors.join(' | ')}`);
    const stored = await b.sw.evaluate(async () => (await chrome.storage.local.get('policy')).policy);
    assert.ok(!stored || stored.source !== 'file', 'rejected bundle not stored');
    await screenshot(options, 'options-policy-errors');
  });

  await t.test('options: a valid bundle is imported and becomes active', async () => {
    await options.setInputFiles('#policy-file', path.join(POLICY_DIR, 'e2e-bundle.json'));
    await options.waitForSelector('#policy-result .ok');
    await until(async () => /E2E test policy|version 3/.test(await options.textContent('#policy-current')), { message: 'active policy shown' });
    const stored = await b.sw.evaluate(async () => (await chrome.storage.local.get('policy')).policy);
    assert.equal(stored.source, 'file');
    assert.equal(stored.file.fileName, 'e2e-bundle.json');
    await options.fill('#member', 'anna');
    await options.press('#member', 'Tab');
    await until(async () => (await b.sw.evaluate(async () => (await chrome.storage.local.get('settings')).settings?.memberId)) === 'anna', { message: 'member id saved' });
  });

  const page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  await t.test('popup: core status, policy, findings on the tab, pause this site', async () => {
    await page.click('#reply');
    await page.keyboard.type('You idiot, that is a problem.');
    await until(async () => (await rgState(page))?.fields?.[0]?.findings.length === 2, { message: 'two findings' });
    const tabId = await b.sw.evaluate(async (u) => (await chrome.tabs.query({})).find((x) => (x.url || "").startsWith(u)).id, `${server.base}/textarea.html`);
    const popup = await openPopup(b, tabId, (info) => info.count === 2, { viewport: { width: 340, height: 300 } });
    await until(async () => /running/i.test(await popup.textContent('#core')), { message: 'core running' });
    assert.match(await popup.textContent('#policy'), /E2E test policy · v3 · imported/);
    await until(async () => /2 findings, 1 blocking/.test(await popup.textContent('#findings')), { message: 'findings count' });
    assert.equal(await popup.textContent('#site'), '127.0.0.1');
    await screenshot(popup, 'popup');
    await popup.check('#pause');
    await until(async () => (await rgState(page)).active === false, { message: 'paused' });
    const s = await rgState(page);
    assert.equal(s.fields.length, 0, 'fields detached while paused');
    assert.equal(s.drawn.length, 0, 'no underlines while paused');
    // Paused: sending is not held.
    const before = await page.evaluate(() => window.sent.length);
    await page.click('#send');
    await until(async () => (await page.evaluate(() => window.sent.length)) === before + 1, { message: 'sent while paused' });
    await popup.uncheck('#pause');
    await until(async () => (await rgState(page)).active === true, { message: 'resumed' });
    await popup.close();
  });

  await t.test('switching the policy re-checks open tabs', async () => {
    await page.click('#reply'); // sending moved the focus to the button
    await until(async () => (await rgState(page)).fields[0]?.findings.length === 2, { message: 'attached again' });
    await options.check('#src-default');
    // The built-in default flags the insult with its own rules and has no such tone rule.
    await until(async () => {
      const f = (await rgState(page)).fields[0];
      // The default policy's rules (its classifier, model.*, may add a sentence finding of its own).
      const rules = (f?.findings || []).filter((x) => !x.rule.startsWith('model.'));
      return f?.checked && rules.length >= 1 && rules.every((x) => x.rule.startsWith('insult.') && x.rule !== 'insult.words');
    }, { message: 'findings of the default policy' });
    await options.check('#src-file');
    await until(async () => (await rgState(page)).fields[0]?.findings.length === 2, { message: 'back to the imported bundle' });
  });

  await t.test('options: audit log export (JSON and CSV) holds rule ids and hashes, not text', async () => {
    await page.fill('#reply', '');
    await composerFlow({ page, sw: b.sw, name: 'ui', composer: page.locator('#reply'),
      editorText: () => page.inputValue('#reply'), send: () => page.click('#send'), sentCount: () => page.evaluate(() => window.sent.length) });
    await options.reload();
    await until(async () => /^[1-9]/.test(await options.textContent('#audit-count')), { message: 'audit count' });
    const [dl] = await Promise.all([options.waitForEvent('download'), options.click('#export-json')]);
    const json = JSON.parse(await readFile(await dl.path(), 'utf8'));
    assert.ok(json.some((e) => e.kind === 'override' && e.rules.includes('insult.words') && /^[0-9a-f]{64}$/.test(e.textHash)));
    assert.ok(!JSON.stringify(json).includes('idiot'));
    const [dl2] = await Promise.all([options.waitForEvent('download'), options.click('#export-csv')]);
    const csv = await readFile(await dl2.path(), 'utf8');
    assert.match(csv.split('\r\n')[0], /^time,kind,site,platform,rules,textHash/);
    assert.match(csv, /override,127\.0\.0\.1,,insult\.words,[0-9a-f]{64}/);
    await screenshot(options, 'options');
  });
});
