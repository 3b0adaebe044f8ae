// Popup and options pages in Firefox, in an English and a German browser: texts in the browser's
// language, the imported policy, findings on the tab, pausing a site; the options import a
// bundle through the file picker (broken → JSON pointers), switch the language; in German the
// card and the send dialog on the page are German too.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, startServer, until, screenshot } from '../e2e/support/harness.mjs';
import { launchFirefox, probeFor, asFlowPage, chord } from './support/firefox.mjs';

const POLICY_DIR = path.join(ROOT, 'tests/e2e/fixtures/policy');
const TEXT = {
  en: { core: 'Checker running', policy: /^E2E test policy · v3 · imported /, findings: '2 findings, 1 blocking', pause: 'Pause on this site',
    title: 'ReplyGuard settings', active: /^Active: E2E test policy, version 3 \(.*e2e-bundle\.json\)$/, other: 'de', otherTitle: 'ReplyGuard-Einstellungen' },
  de: { core: 'Prüfung aktiv', policy: /^E2E-Testrichtlinie · v3 · importiert /, findings: '2 Hinweise, davon 1 blockierend', pause: 'Auf dieser Website pausieren',
    title: 'ReplyGuard-Einstellungen', active: /^Aktiv: E2E-Testrichtlinie, Version 3 \(.*e2e-bundle\.json\)$/, other: 'en', otherTitle: 'ReplyGuard settings' },
};

for (const lang of ['en', 'de']) {
  const x = TEXT[lang];
  test(`Firefox popup and options (${lang})`, async (t) => {
    const server = await startServer();
    const ff = await launchFirefox({ lang });
    t.after(async () => { await ff.close(); await server.close(); });
    const probe = probeFor(ff);
    const options = await ff.extPage('options.html');
    const text = (p, sel) => p.$eval(sel, (e) => e.textContent);

    await t.test('options: localized; a broken bundle is refused with JSON pointers; a valid one becomes active', async () => {
      assert.equal(await options.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await text(options, '[data-i18n="options_title"]'), x.title);
      const input = await options.$('#policy-file');
      await input.uploadFile(path.join(POLICY_DIR, 'broken-bundle.json'));
      await options.waitForSelector('#policy-result .errors li');
      const errors = await options.$$eval('#policy-result .errors li', (lis) => lis.map((li) => li.textContent));
      assert.ok(errors.length >= 1 && errors.every((e) => e.startsWith('/')), `pointers: ${errors.join(' | ')}`);
      const stored = await ff.sw.evaluate(async () => (await chrome.storage.local.get('policy')).policy);
      assert.ok(!stored || stored.source !== 'file', 'rejected bundle not stored');
      await input.uploadFile(path.join(POLICY_DIR, 'e2e-bundle.json'));
      await options.waitForSelector('#policy-result .ok');
      await until(async () => x.active.test(await text(options, '#policy-current')), { message: 'active policy shown' });
      await screenshot(asFlowPage(options), `firefox-options-${lang}`);
    });

    const page = await ff.newPage(`${server.base}/textarea.html`);
    await t.test('popup: localized status, policy, findings on the tab, pause this site', async () => {
      await page.click('#reply');
      await page.keyboard.type(lang === 'de' ? 'Sie idiot, das ist ein problem.' : 'You idiot, that is a problem.');
      await until(async () => (await probe.state(page))?.fields?.[0]?.findings.length === 2, { message: 'two findings' });
      const tabId = await ff.sw.evaluate(async (u) => (await browser.tabs.query({})).find((tb) => (tb.url || '').startsWith(u)).id, `${server.base}/textarea.html`);
      // The page reports its counts to the background (throttled); the popup shows them as they are when it opens.
      await until(async () => { const r = await ff.sw.evaluate((id) => chrome.runtime.sendMessage({ type: 'rg:tabInfo', tabId: id }), tabId); return r?.value?.count === 2 && r.value.blocks === 1; },
        { message: 'the background counted the findings of the tab' });
      const popup = await ff.extPage(`popup.html?tab=${tabId}`);
      await popup.setViewport({ width: 340, height: 320 });
      await until(async () => (await text(popup, '#core')) === x.core, { message: 'core running' });
      assert.match(await text(popup, '#policy'), x.policy);
      await until(async () => (await text(popup, '#findings')) === x.findings, { message: 'findings count' });
      assert.equal(await text(popup, '#site'), '127.0.0.1');
      assert.equal(await text(popup, '[data-i18n="popup_pause_site"]'), x.pause);
      await screenshot(asFlowPage(popup), `firefox-popup-${lang}`);
      await popup.click('#pause');
      await until(async () => (await probe.state(page)).active === false, { message: 'paused' });
      assert.equal((await probe.state(page)).fields.length, 0, 'fields detached while paused');
      await popup.click('#pause');
      await until(async () => (await probe.state(page)).active === true, { message: 'resumed' });
      await popup.close();
    });

    if (lang === 'de') {
      await t.test('German card and send dialog on the page', async () => {
        await page.click('#reply');
        await until(async () => (await probe.state(page))?.fields?.[0]?.findings.length, { message: 'attached again' });
        assert.equal((await probe.state(page)).lang, 'de');
        await chord(page.keyboard, 'Alt+Shift+R');
        const card = await until(() => probe.card(page), { message: 'card' });
        assert.equal(card.message, 'Beleidigendes Wort');
        await page.keyboard.press('Escape');
        await page.click('#send');
        const d = await until(() => probe.dialog(page), { message: 'dialog' });
        assert.equal(d.title, 'Vor dem Senden: bitte prüfen');
        assert.ok(d.items.some((i) => i.text === 'Trotzdem senden…'));
        await screenshot(asFlowPage(page), 'firefox-send-dialog-de');
        await page.keyboard.press('Escape');
      });
    }

    await t.test('options: the language chosen there wins over the browser\'s', async () => {
      // What puppeteer's select() does; a fresh tab (puppeteer's handles into a page it did not
      // navigate itself go stale).
      const o2 = await ff.extPage('options.html');
      await until(() => o2.evaluate(() => document.getElementById('lang').value !== ''), { message: 'options rendered' });
      await o2.evaluate(`(() => { const s = document.getElementById('lang'); s.value = ${JSON.stringify(x.other)}; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
      await until(async () => (await ff.sw.evaluate(async () => (await chrome.storage.local.get('settings')).settings?.lang)) === x.other, { message: 'language saved' });
      await until(async () => { await ff.extPage('options.html', o2); return (await text(o2, '[data-i18n="options_title"]')) === x.otherTitle; },
        { timeout: 8000, interval: 400, message: `options in ${x.other}` });
      assert.equal(await o2.evaluate(() => document.documentElement.lang), x.other);
    });
  });
}
