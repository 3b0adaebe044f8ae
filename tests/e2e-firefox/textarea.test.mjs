// The textarea composer in Firefox: the shared composer flow (underline at the word, card, fix,
// Ctrl+Z, typing, send held, override with justification audited), then escalation from the send
// dialog with who is on call.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer, until, auditLog, screenshot } from '../e2e/support/harness.mjs';
import { composerFlow, usePolicy } from '../e2e/support/flow.mjs';
import { launchFirefox, probeFor, asFlowPage } from './support/firefox.mjs';

test('Firefox textarea: composer flow and escalation', async (t) => {
  const server = await startServer();
  const ff = await launchFirefox();
  t.after(async () => { await ff.close(); await server.close(); });
  const probe = probeFor(ff);
  await usePolicy(ff.sw);
  const page = await ff.newPage(`${server.base}/textarea.html`);
  const fp = asFlowPage(page);
  const sent = () => page.evaluate(() => window.sent.length);

  await t.test('composer flow', async () => {
    await composerFlow({
      page: fp, sw: ff.sw, probe, name: 'firefox-textarea', shots: true,
      composer: fp.locator('#reply'),
      editorText: () => page.$eval('#reply', (e) => e.value),
      send: () => page.click('#send'),
      sentCount: sent,
    });
  });

  await t.test('escalate from the send dialog: who is on call, contact links, a prepared message', async () => {
    await ff.sw.evaluate(async () => chrome.storage.local.set({ settings: { memberId: 'anna' } }));
    await page.$eval('#reply', (e) => { e.value = ''; });
    await page.click('#reply');
    await page.keyboard.type('Calm down, you idiot.');
    await until(async () => (await probe.state(page))?.fields?.[0]?.findings.some((f) => f.severity === 'block' && f.text === 'idiot'), { message: 'block finding' });
    const sentBefore = await sent();
    await page.click('#send');
    const dlg = await until(() => probe.dialog(page), { message: 'dialog' });
    const esc = dlg.items.find((i) => i.action === 'escalate');
    const before = (await auditLog(ff.sw)).length;
    await page.mouse.click(esc.x, esc.y);
    const d = await until(async () => { const x = await probe.dialog(page); return x?.targets?.length && x; }, { message: 'escalation targets' });
    assert.deepEqual(d.targets, ['greta']);
    assert.ok(d.items.some((i) => i.href === 'tel:+49305550107'), 'tel: link');
    assert.ok(d.items.some((i) => i.href === 'https://chat.example.com/dm/greta'), 'chat link');
    assert.ok(d.items.some((i) => i.href.startsWith('mailto:greta@example.com?subject=')), 'mailto: with subject');
    assert.match(d.text, /Anna Schmidt/, 'prepared message names the writer');
    await screenshot(fp, 'firefox-send-dialog-escalation');
    const log = await until(async () => { const l = await auditLog(ff.sw); return l.length > before && l; }, { message: 'escalation audited' });
    assert.equal(log.at(-1).kind, 'escalate');
    assert.deepEqual(log.at(-1).targets, ['greta']);
    await page.keyboard.press('Escape');
    assert.equal(await sent(), sentBefore, 'escalating does not send');
  });

  await t.test('a clean reply is sent without a dialog', async () => {
    await page.$eval('#reply', (e) => { e.value = ''; });
    await page.click('#reply');
    await page.keyboard.type('Thank you, we are on it.');
    await until(async () => { const f = (await probe.state(page))?.fields?.[0]; return f?.checked && f.text === 'Thank you, we are on it.'; }, { message: 'checked' });
    const before = await sent();
    await page.click('#send');
    await until(async () => (await sent()) === before + 1, { message: 'sent' });
    assert.equal(await probe.dialog(page), null);
  });
});
