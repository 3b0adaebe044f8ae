// Real editor libraries from npm, bundled with esbuild into the fixture page.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, rgState, until } from './support/harness.mjs';
import { composerFlow, usePolicy, findingFor } from './support/flow.mjs';

const EDITORS = [
  { id: 'lexical', composer: '#editor [contenteditable="true"]' },
  { id: 'draft', composer: '#editor [contenteditable="true"]' },
  { id: 'prosemirror', composer: '#editor .ProseMirror' },
  { id: 'quill', composer: '#editor .ql-editor', historyDelayMs: 1100 },
  { id: 'contenteditable', composer: '#editor' },
];

test('editors', async (t) => {
  const server = await startServer();
  const b = await launch();
  t.after(async () => { await b.close(); await server.close(); });
  await usePolicy(b.sw);
  for (const ed of EDITORS) {
    await t.test(ed.id, async () => {
      const page = await b.context.newPage();
      await page.goto(`${server.base}/editor.html?editor=${ed.id}`);
      await page.waitForSelector(ed.composer);
      await composerFlow({
        page, sw: b.sw, name: `editor-${ed.id}`, shots: ed.id === 'lexical', historyDelayMs: ed.historyDelayMs,
        composer: page.locator(ed.composer),
        editorText: () => page.evaluate(() => window.editorText()),
        send: () => page.click('#send'),
        sentCount: () => page.evaluate(() => window.sent.length),
      });
      await page.close();
    });
  }

  // Offsets are UTF-16 code units over the editor's text; paragraphs become "\n".
  for (const ed of EDITORS) {
    await t.test(`${ed.id}: emoji, umlauts and paragraphs map to the right DOM range`, async () => {
      const page = await b.context.newPage();
      await page.goto(`${server.base}/editor.html?editor=${ed.id}`);
      await page.click(ed.composer);
      await page.keyboard.type('Grüße 👍🏽 aus Köln.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Zweite Zeile 🇩🇪: Sie Depp!', { delay: 5 });
      const { state, drawn } = await findingFor(page, 'Depp');
      const text = state.fields[0].text;
      assert.equal(text, 'Grüße 👍🏽 aus Köln.\nZweite Zeile 🇩🇪: Sie Depp!');
      assert.equal(drawn.begin, text.indexOf('Depp'));
      // Lexical's getTextContent() separates paragraphs with "\n\n"; compare lines.
      const model = await page.evaluate(() => window.editorText());
      assert.equal(model.replace(/\n+/g, '\n'), text, "the editor's model agrees");
      await page.close();
    });
  }
});
