// What a page can and cannot do: it cannot see into the UI (closed shadow root), cannot reach the
// content script's world or the extension's messaging, and cannot confirm "send anyway" for the
// user with synthetic events.
import test from 'node:test';
import assert from 'node:assert/strict';
import { rgState, rgDialog, until, auditLog } from './support/harness.mjs';
import { textareaSession } from './support/flow.mjs';

test('page isolation', async (t) => {
  const { b, page } = await textareaSession(t);
  await page.click('#reply');
  await page.keyboard.type('You idiot');
  await until(async () => (await rgState(page))?.fields?.[0]?.findings.length === 1, { message: 'finding' });

  const seen = await page.evaluate(() => ({
    shadow: document.querySelector('replyguard-ui')?.shadowRoot ?? null,
    hook: typeof window.__replyguardTest,
    frameApi: typeof window.__replyguardFrame,
    runtime: typeof globalThis.chrome?.runtime?.sendMessage,
    editorDom: document.getElementById('reply').outerHTML,
  }));
  assert.equal(seen.shadow, null, 'closed shadow root');
  assert.equal(seen.hook, 'undefined', 'content script world not visible');
  assert.equal(seen.frameApi, 'undefined', 'the frames\' shared instance is not visible either');
  assert.equal(seen.runtime, 'undefined', 'no extension messaging from the page');
  assert.ok(!/replyguard/i.test(seen.editorDom), 'nothing added to the field');

  await page.click('#send');
  const dlg = await until(() => rgDialog(page), { message: 'dialog' });
  const anyway = dlg.items.find((i) => i.action === 'send-anyway');
  const auditBefore = (await auditLog(b.sw)).length;
  // The page tries to click "send anyway" and confirm by itself.
  await page.evaluate(({ x, y }) => {
    const host = document.elementFromPoint(x, y);
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
    host.click();
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  }, anyway);
  await new Promise((r) => setTimeout(r, 300));
  const d2 = await rgDialog(page);
  assert.ok(!d2.items.find((i) => i.tag === 'textarea')?.visible, 'justification box not opened by the page');
  assert.equal((await auditLog(b.sw)).length, auditBefore, 'no override recorded');
  assert.equal(await page.evaluate(() => window.sent.length), 0, 'still held');
});

// The page cannot use the extension as an oracle for the policy: for every field kind, nothing a
// page script can read (CSS.highlights, style sheets, the field's DOM) says what was flagged.
test('page scripts learn nothing about findings, for every field kind', async (t) => {
  const { server, b, page: first } = await textareaSession(t);
  await first.close();
  const kinds = [
    { url: '/textarea.html', composer: '#reply', kind: 'plain' },
    { url: '/editor.html?editor=contenteditable', composer: '#editor', kind: 'rich' },
    { url: '/editor.html?editor=lexical', composer: '#editor [contenteditable="true"]', kind: 'rich' },
    { url: '/shadow.html', composer: 'reply-box [contenteditable]', kind: 'rich (shadow root)' },
  ];
  for (const k of kinds) {
    const page = await b.context.newPage();
    await page.goto(`${server.base}${k.url}`);
    await page.click(k.composer);
    const before = await page.evaluate(() => document.styleSheets.length);
    await page.keyboard.type('You idiot, that is a problem', { delay: 5 });
    await until(async () => (await rgState(page))?.fields?.some((f) => f.findings.length === 2 && f.checked), { message: `${k.kind}: findings` });
    await until(async () => (await rgState(page)).drawn.length === 2, { message: `${k.kind}: drawn` });
    const seen = await page.evaluate((sel) => {
      const el = sel.startsWith('reply-box') ? document.querySelector('reply-box').shadowRoot.querySelector('[contenteditable]') : document.querySelector(sel);
      const sheets = [...document.styleSheets].map((s) => { try { return [...s.cssRules].map((r) => r.cssText).join('\n'); } catch { return ''; } }).join('\n');
      return {
        highlights: typeof CSS.highlights === 'undefined' ? 0 : CSS.highlights.size,
        names: typeof CSS.highlights === 'undefined' ? [] : [...CSS.highlights.keys()],
        sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length,
        mentions: /replyguard|idiot/i.test(sheets),
        markup: el.value ?? el.innerHTML,
        uiChildren: document.querySelector('replyguard-ui')?.childElementCount ?? null,
      };
    }, k.composer);
    assert.equal(seen.highlights, 0, `${k.kind}: no CSS highlights (${seen.names})`);
    assert.equal(seen.sheets, before, `${k.kind}: no style sheet added`);
    assert.equal(seen.adopted, 0, `${k.kind}: no adopted sheet in the page`);
    assert.ok(!seen.mentions, `${k.kind}: no rule names the finding`);
    assert.ok(!/replyguard|highlight|mark/i.test(seen.markup), `${k.kind}: nothing added to the field's DOM`);
    assert.equal(seen.uiChildren, 0, `${k.kind}: our host shows no children to the page (closed shadow root)`);
    await page.close();
  }
});
