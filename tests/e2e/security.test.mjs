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
    runtime: typeof globalThis.chrome?.runtime?.sendMessage,
    editorDom: document.getElementById('reply').outerHTML,
  }));
  assert.equal(seen.shadow, null, 'closed shadow root');
  assert.equal(seen.hook, 'undefined', 'content script world not visible');
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
