// A German browser gets German UI texts (card, dialog) and German messages from the core.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, rgState, rgCard, rgDialog, until, screenshot } from './support/harness.mjs';
import { usePolicy } from './support/flow.mjs';

test('German UI', async (t) => {
  const server = await startServer();
  const b = await launch({ locale: 'de-DE', colorScheme: 'dark' });
  t.after(async () => { await b.close(); await server.close(); });
  await usePolicy(b.sw);
  const page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  await page.click('#reply');
  await page.keyboard.type('Sie Idiot!');
  const s = await until(async () => { const x = await rgState(page); return x?.fields?.[0]?.findings.length && x; }, { message: 'finding' });
  assert.equal(s.lang, 'de');
  await page.keyboard.press('Alt+Shift+R');
  const card = await until(() => rgCard(page), { message: 'card' });
  assert.equal(card.message, 'Beleidigendes Wort');
  assert.ok(card.buttons.some((x) => x.text === 'Ignorieren' || x.action === 'apply'));
  await page.keyboard.press('Escape');
  await page.click('#send');
  const d = await until(() => rgDialog(page), { message: 'dialog' });
  assert.equal(d.title, 'Vor dem Senden: bitte prüfen');
  assert.ok(d.items.some((i) => i.text === 'Trotzdem senden…'));
  await screenshot(page, 'send-dialog-de-dark');
});
