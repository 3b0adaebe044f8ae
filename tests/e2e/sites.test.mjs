// Pages imitating each platform's composer and thread (DOM shapes the adapters target), served on
// 127.0.0.1 under /sites/<id>/ (test builds map that path to the site's adapter).
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, rgState, rgBanner, rgDialog, until, screenshot, auditLog } from './support/harness.mjs';
import { composerFlow, usePolicy } from './support/flow.mjs';

const SITES = [
  { id: 'x', composer: '[data-testid="tweetTextarea_0"]', send: { click: '[data-testid="tweetButtonInline"]' }, incoming: 'legal.threat' },
  { id: 'x-keyboard', page: 'x', composer: '[data-testid="tweetTextarea_0"]', send: { key: 'Control+Enter' } },
  { id: 'facebook', composer: '#lexical-host [contenteditable="true"]', send: { key: 'Enter' } },
  { id: 'linkedin', composer: '.ql-editor', send: { click: '.comments-comment-box__submit-button' }, historyDelayMs: 1100 },
  { id: 'instagram', composer: 'textarea', send: { key: 'Enter' } },
  { id: 'youtube', composer: '#contenteditable-root', send: { click: '#submit-button button' } },
  { id: 'reddit', composer: 'shreddit-composer [contenteditable="true"]', send: { click: 'shreddit-composer button' }, shadow: true },
  { id: 'mastodon', composer: 'textarea', send: { key: 'Control+Enter' }, incoming: 'legal.threat' },
];

test('site adapters', async (t) => {
  const server = await startServer();
  const b = await launch();
  t.after(async () => { await b.close(); await server.close(); });
  await usePolicy(b.sw);
  for (const s of SITES) {
    await t.test(s.id, async () => {
      const page = await b.context.newPage();
      await page.goto(`${server.base}/sites/${s.page || s.id}/`);
      await page.waitForSelector(s.composer);
      // The content script attaches once the policy and settings are known (managed storage can be slow).
      const st = await until(async () => { const x = await rgState(page); return x?.active && x; }, { message: 'content script active' });
      assert.equal(st.active, true);
      await composerFlow({
        page, sw: b.sw, name: `site-${s.id}`, shots: s.id === 'x', historyDelayMs: s.historyDelayMs, shadow: s.shadow,
        composer: page.locator(s.composer),
        editorText: () => page.evaluate(() => window.editorText()),
        send: () => (s.send.click ? page.click(s.send.click) : page.keyboard.press(s.send.key)),
        sentCount: () => page.evaluate(() => window.sent.length),
      });
      if (s.incoming) {
        // The post being answered is triaged too: a banner names the finding and offers escalation.
        const state = await rgState(page);
        assert.ok(state.fields[0].incoming.some((f) => f.rule === s.incoming), 'incoming finding');
        const banner = await until(() => rgBanner(page), { message: 'banner' });
        assert.match(banner.text, /legal action|rechtlichen/i);
        if (s.id === 'x') {
          await screenshot(page, 'site-x-incoming-banner');
          const before = (await auditLog(b.sw)).length;
          await page.mouse.click(banner.escalate.x, banner.escalate.y);
          const d = await until(async () => { const x = await rgDialog(page); return x?.targets?.length && x; }, { message: 'escalation targets' });
          assert.ok(d.items.some((i) => i.href.startsWith('tel:')), 'a tel: link');
          assert.ok(d.items.some((i) => i.href.startsWith('mailto:')), 'a mailto: link');
          await screenshot(page, 'escalation-panel');
          const log = await until(async () => { const l = await auditLog(b.sw); return l.length > before && l; }, { message: 'escalation audited' });
          assert.equal(log.at(-1).kind, 'escalate');
          assert.ok(log.at(-1).rules.includes('legal.threat'));
          await page.keyboard.press('Escape');
        }
      }
      await page.close();
    });
  }
});
