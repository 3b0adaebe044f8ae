// When the core cannot load, ReplyGuard says so in the popup and otherwise stays out of the way:
// no underlines, and sending is never held because of our own fault.
import test from 'node:test';
import assert from 'node:assert/strict';
import { cp, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, extensionDir, rgState, until, screenshot } from './support/harness.mjs';

test('a broken core never blocks typing or sending', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rg-broken-'));
  await cp(extensionDir(), dir, { recursive: true });
  await writeFile(path.join(dir, 'core/replyguard_core.wasm'), 'this is not WebAssembly');
  const server = await startServer();
  const b = await launch({ extDir: dir });
  t.after(async () => { await b.close(); await server.close(); await rm(dir, { recursive: true, force: true }); });

  const page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  await page.click('#reply');
  await page.keyboard.type('You idiot.');
  await new Promise((r) => setTimeout(r, 500));
  const s = await rgState(page);
  assert.ok(!s.fields.length || s.fields.every((f) => f.findings.length === 0), 'no findings without a core');
  const before = await page.evaluate(() => window.sent.length);
  await page.click('#send');
  await until(async () => (await page.evaluate(() => window.sent.length)) === before + 1, { message: 'sent without a hold' });

  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 340, height: 300 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await until(async () => /failed to start/i.test(await popup.textContent('#core')), { message: 'popup reports the failure' });
  await screenshot(popup, 'popup-core-failed');
});
