// Rich editors from npm (Lexical, Draft.js, ProseMirror) in Firefox: the shared composer flow
// through each editor's own model and undo history, and offsets over emoji and paragraphs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../e2e/support/harness.mjs';
import { composerFlow, usePolicy, findingFor } from '../e2e/support/flow.mjs';
import { launchFirefox, probeFor, asFlowPage } from './support/firefox.mjs';

const EDITORS = [
  { id: 'lexical', composer: '#editor [contenteditable="true"]' },
  { id: 'draft', composer: '#editor [contenteditable="true"]' },
  { id: 'prosemirror', composer: '#editor .ProseMirror' },
];

test('Firefox rich editors', async (t) => {
  const server = await startServer();
  const ff = await launchFirefox();
  t.after(async () => { await ff.close(); await server.close(); });
  const probe = probeFor(ff);
  await usePolicy(ff.sw);
  const open = async (ed) => {
    const page = await ff.newPage(`${server.base}/editor.html?editor=${ed.id}`);
    await page.waitForSelector(ed.composer);
    return page;
  };

  for (const ed of EDITORS) {
    await t.test(ed.id, async () => {
      const page = await open(ed);
      const fp = asFlowPage(page);
      await composerFlow({
        page: fp, sw: ff.sw, probe, name: `firefox-editor-${ed.id}`, shots: ed.id === 'lexical',
        composer: fp.locator(ed.composer),
        editorText: () => page.evaluate(() => window.editorText()),
        send: () => page.click('#send'),
        sentCount: () => page.evaluate(() => window.sent.length),
      });
      await page.close();
    });
  }

  for (const ed of EDITORS) {
    await t.test(`${ed.id}: emoji, umlauts and paragraphs map to the right range`, async () => {
      const page = await open(ed);
      await page.click(ed.composer);
      await page.keyboard.type('Grüße 👍🏽 aus Köln.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Zweite Zeile 🇩🇪: Sie idiot!', { delay: 5 });
      const { state, drawn } = await findingFor(page, 'idiot', undefined, probe);
      const text = state.fields[0].text;
      assert.equal(text, 'Grüße 👍🏽 aus Köln.\nZweite Zeile 🇩🇪: Sie idiot!');
      assert.equal(drawn.begin, text.indexOf('idiot'));
      const model = await page.evaluate(() => window.editorText());
      assert.equal(model.replace(/\n+/g, '\n'), text, "the editor's model agrees");
      await page.close();
    });
  }
});
