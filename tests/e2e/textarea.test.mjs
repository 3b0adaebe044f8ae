import test from 'node:test';
import assert from 'node:assert/strict';
import { rgState, rgDialog, rgCard, until, auditLog, screenshot } from './support/harness.mjs';
import { composerFlow, textareaSession } from './support/flow.mjs';

test('textarea: underline, card, fix, undo, typing, send hold, override audit; opt-outs skipped', async (t) => {
  const { server, b, page } = await textareaSession(t);

  await t.test('composer flow', async () => {
    await composerFlow({
      page, sw: b.sw, name: 'textarea', shots: true,
      composer: page.locator('#reply'),
      editorText: () => page.inputValue('#reply'),
      send: () => page.click('#send'),
      sentCount: () => page.evaluate(() => window.sent.length),
    });
  });

  await t.test('opted-out, read-only and password fields are not attached', async () => {
    for (const sel of ['#optout', '#ro', '#pw']) {
      await page.focus(sel);
      if (sel !== '#ro') await page.keyboard.type('you idiot');
    }
    await new Promise((r) => setTimeout(r, 300));
    const s = await rgState(page);
    assert.equal(s.fields.length, 1, 'only #reply is attached');
  });

  await t.test('fields inside iframes (all_frames)', async () => {
    const p2 = await b.context.newPage();
    await p2.goto(`${server.base}/frames.html`);
    const frame = await (await p2.waitForSelector('#fr')).contentFrame();
    await frame.waitForSelector('#reply');
    await composerFlow({
      page: p2, sw: b.sw, name: 'frame', frame, dialogFrame: undefined, // the dialog opens in the page around the frame
      composer: frame.locator('#reply'),
      editorText: () => frame.inputValue('#reply'),
      send: () => frame.click('#send'),
      sentCount: () => frame.evaluate(() => window.sent.length),
    });
    await p2.close();
  });

  await t.test('escalate from the send dialog: who is on call, with contact links and a prepared message', async () => {
    await b.sw.evaluate(async () => chrome.storage.local.set({ settings: { memberId: 'anna' } }));
    await page.fill('#reply', '');
    await page.focus('#reply');
    await page.keyboard.type('Calm down, you idiot.');
    await until(async () => (await rgState(page)).fields[0].findings.some((f) => f.severity === 'block'), { message: 'block finding' });
    await page.click('#send');
    const dlg = await until(() => rgDialog(page), { message: 'dialog' });
    const esc = dlg.items.find((i) => i.action === 'escalate');
    const before = (await auditLog(b.sw)).length;
    await page.mouse.click(esc.x, esc.y);
    const d = await until(async () => { const x = await rgDialog(page); return x?.targets?.length && x; }, { message: 'escalation targets' });
    assert.deepEqual(d.targets, ['greta']);
    assert.ok(d.items.some((i) => i.href === 'tel:+49305550107'), 'tel: link');
    assert.ok(d.items.some((i) => i.href === 'https://chat.example.com/dm/greta'), 'chat link');
    assert.ok(d.items.some((i) => i.href.startsWith('mailto:greta@example.com?subject=')), 'mailto: with subject');
    assert.match(d.text, /Anna Schmidt/, 'prepared message names the writer');
    await screenshot(page, 'send-dialog-escalation');
    const log = await until(async () => { const l = await auditLog(b.sw); return l.length > before && l; }, { message: 'escalation audited' });
    assert.equal(log.at(-1).kind, 'escalate');
    assert.deepEqual(log.at(-1).targets, ['greta']);
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => window.sent.length), 1, 'escalating does not send');
  });

  await t.test('something missing (empty span at the end) is marked and explained', async () => {
    await page.fill('#reply', '');
    await page.focus('#reply');
    const text = 'Thanks for your patience, the technician will be with you on Monday.';
    await page.keyboard.insertText(text);
    // The paint follows the check on the next frame: wait for the marker itself, not only for the check.
    const d = await until(async () => {
      const x = await rgState(page);
      return x.fields[0].checked && x.fields[0].text === text && x.drawn.find((m) => m.rule === 'style.signoff' && m.at);
    }, { message: 'checked and the marker drawn' });
    assert.ok(d && d.begin === text.length && d.end === text.length && d.rects === 1 && d.at, 'marker after the last character');
    await page.mouse.move(d.at.x, d.at.y);
    const card = await until(() => rgCard(page), { message: 'card on the marker' });
    assert.equal(card.message, 'Sign the reply with your initials');
    await page.keyboard.type(' ^AS');
    await until(async () => { const x = await rgState(page); return x.fields[0].checked && x.fields[0].text.endsWith('^AS') && !x.fields[0].findings.length; }, { message: 'signed: no finding' });
  });

  await t.test('underlines follow page scrolling and the textarea\'s own scrolling', async () => {
    await page.fill('#reply', '');
    await page.focus('#reply');
    await page.keyboard.insertText(`${'Line of text.\n'.repeat(12)}Last line, idiot.`);
    const at = async () => (await until(async () => { const x = await rgState(page); return x.fields[0].checked && x.drawn.find((d) => d.rangeText === 'idiot'); }, { message: 'drawn' })).at;
    const box = await page.locator('#reply').boundingBox();
    const a = await at();
    assert.ok(a.y > box.y && a.y < box.y + box.height, 'inside the visible textarea after it scrolled to the caret');
    await page.evaluate(() => { document.getElementById('reply').scrollTop = 0; });
    await until(async () => { const d = (await rgState(page)).drawn.find((x) => x.rangeText === 'idiot'); return d && d.at && d.at.y > a.y + 40; }, { message: 'moved down with textarea scroll' });
    await page.evaluate(() => { document.getElementById('reply').scrollTop = 1e6; });
    const b2 = await until(async () => { const d = (await rgState(page)).drawn.find((x) => x.rangeText === 'idiot'); return d && d.at.y < a.y + 40 && d.at; }, { message: 'back at the bottom' });
    await page.evaluate(() => window.scrollBy(0, 80));
    await until(async () => { const d = (await rgState(page)).drawn.find((x) => x.rangeText === 'idiot'); return d && Math.abs(d.at.y - (b2.y - 80)) < 2; }, { message: 'moved up with page scroll' });
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  await t.test('a clean reply is sent without a dialog', async () => {
    await page.fill('#reply', '');
    await page.focus('#reply');
    await page.keyboard.type('Thank you, we are on it.');
    await until(async () => (await rgState(page)).fields[0].checked);
    const before = await page.evaluate(() => window.sent.length);
    await page.click('#send');
    await until(async () => (await page.evaluate(() => window.sent.length)) === before + 1, { message: 'sent' });
  });
});
