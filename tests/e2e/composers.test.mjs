// Composers whose send path is not beside the field: an editor in a shadow root with its form in
// the page, a textarea in a same-origin frame with the page's Send button; a one-line input with
// maxlength (a fix never exceeds it, never mangles the text, Ctrl+Z restores); and a reply too
// long for one check (checked in windows, held, never waved through).
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, rgState, rgCard, rgDialog, until, auditLog, openPopup } from './support/harness.mjs';
import { composerFlow, usePolicy, findingFor, E2E_BUNDLE } from './support/flow.mjs';

test('composers', async (t) => {
  const server = await startServer();
  const b = await launch();
  t.after(async () => { await b.close(); await server.close(); });
  await usePolicy(b.sw);

  await t.test('editor in a shadow root, form and Send button in the page', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.base}/shadow.html`);
    await composerFlow({
      page, sw: b.sw, name: 'shadow', shadow: true,
      composer: page.locator('reply-box [contenteditable]'),
      editorText: () => page.evaluate(() => window.editorText()),
      send: () => page.click('#send'),
      sentCount: () => page.evaluate(() => window.sent.length),
    });
    await page.close();
  });

  await t.test('textarea in a same-origin frame, the Send button in the page around it', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.base}/frame-send.html`);
    const frame = await (await page.waitForSelector('#fr')).contentFrame();
    await frame.waitForSelector('#reply');
    await composerFlow({
      page, sw: b.sw, name: 'frame-send', frame, dialogFrame: undefined,
      composer: frame.locator('#reply'),
      editorText: () => frame.inputValue('#reply'),
      send: () => page.click('#send'),
      sentCount: () => page.evaluate(() => window.sent.length),
    });
    await page.close();
  });

  await t.test('<input maxlength=40>: a fix that fits applies and undoes, one that does not is refused', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.base}/maxlength.html`);
    const value = () => page.inputValue('#reply');
    const applyFix = async () => {
      const { drawn } = await findingFor(page, 'idiot');
      await page.mouse.move(drawn.at.x, drawn.at.y);
      const card = await until(() => rgCard(page), { message: 'card' });
      const apply = card.buttons.find((x) => x.action === 'apply');
      await page.mouse.click(apply.x, apply.y);
    };
    await page.click('#reply');
    await page.keyboard.type('Sorry, you idiot.', { delay: 5 });
    await applyFix();
    await until(async () => (await value()) === 'Sorry, you person.', { message: 'fix applied' });
    await page.keyboard.press('Control+z');
    await until(async () => (await value()) === 'Sorry, you idiot.', { message: 'undo restores' });

    // 40 characters: "person" is one longer than "idiot", so the fix has no room.
    const full = `Sorry, you idiot. ${'x'.repeat(22)}`;
    assert.equal(full.length, 40);
    await page.fill('#reply', '');
    await page.click('#reply');
    await page.keyboard.type(full);
    assert.equal(await value(), full);
    await applyFix();
    const c = await until(async () => { const x = await rgCard(page); return x?.notice && x; }, { message: 'card notice' });
    assert.match(c.notice, /at most 40 characters/);
    assert.equal(await value(), full, 'text untouched');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    assert.ok((await value()).length <= 40);
    await page.close();
  });

  await t.test('the post being answered (20,000 characters) is checked once while the reply is typed; counts are not reported per keystroke', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.base}/sites/x/textarea.html?post=20000`);
    await page.click('#reply');
    const reply = 'Thanks for writing, we are looking into it';
    await page.keyboard.type(reply, { delay: 90 }); // slower than the debounce: one check per keystroke
    const s = await until(async () => { const x = await rgState(page); return x?.fields?.[0]?.checked && x.fields[0].text === reply && x; }, { message: 'checked' });
    assert.equal(s.fields[0].postLength, 20000, 'the post was read');
    assert.ok(s.checksSent.reply >= reply.length / 2, `the reply is checked as it is typed (${s.checksSent.reply})`);
    assert.equal(s.checksSent.incoming, 1, 'the post is checked once');
    assert.ok(s.reportsSent <= 3, `counts reported when they change, not per keystroke (${s.reportsSent})`);
    // A change of the post is checked again, once.
    await page.evaluate(() => { document.querySelector('[data-testid="tweetText"]').prepend('Edit: still nothing. '); });
    await until(async () => (await rgState(page)).checksSent.incoming === 2, { message: 'changed post checked again' });
    await page.keyboard.type(' today', { delay: 90 });
    await until(async () => { const x = await rgState(page); return x.fields[0].checked && x.fields[0].text.endsWith('today') && x; }, { message: 'rechecked' });
    assert.equal((await rgState(page)).checksSent.incoming, 2);
    await page.close();
  });

  await t.test("the core's warnings (a pattern that gave up on the text) reach the card and the popup", async () => {
    const bundle = JSON.parse(E2E_BUNDLE);
    bundle.version += 1;
    bundle.rules.push({ id: 'slow.pattern', kind: 'pattern', category: 'tone', severity: 'warn', message: { en: 'Slow pattern', de: 'Langsames Muster' },
      pattern: '(a+)+b', examples: { flag: ['aab'], pass: ['ccc'] } });
    await usePolicy(b.sw, JSON.stringify(bundle));
    const page = await b.context.newPage();
    await page.goto(`${server.base}/textarea.html`);
    await page.click('#reply');
    // The pattern's literal prefilter runs it only on a text with a "b" (bye); the run of a's then
    // backtracks past every bound.
    await page.keyboard.type(`You idiot, bye ${'a'.repeat(40)}`);
    const { drawn } = await findingFor(page, 'idiot');
    await page.mouse.move(drawn.at.x, drawn.at.y);
    const card = await until(async () => { const c = await rgCard(page); return c?.warnings && c; }, { message: 'card with the warning' });
    assert.match(card.warnings, /1 rule\(s\) of the policy could not run on this text/);
    const tabId = await b.sw.evaluate(async (u) => (await chrome.tabs.query({})).find((x) => (x.url || '').startsWith(u)).id, `${server.base}/textarea.html`);
    const popup = await openPopup(b, tabId, (info) => info.warnings > 0);
    await until(async () => /could not run/.test(await popup.textContent('#findings')), { message: 'popup names the warning' });
    await popup.close();
    await page.close();
    await usePolicy(b.sw);
  });

  await t.test('a reply longer than any check (over 5,000,000 characters) is held, never sent unchecked', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.base}/textarea.html`);
    await page.evaluate(() => {
      const el = document.querySelector('#reply');
      el.value = 'Thank you for your message. '.repeat(180_000);  // 5,040,000 characters
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.focus('#reply');
    await until(async () => (await rgState(page))?.fields?.length, { message: 'field attached' });
    await page.click('#send');
    const dlg = await until(() => rgDialog(page), { message: 'send held' });
    assert.equal(dlg.title, 'Too long to check');
    assert.match(dlg.text, /5,000,000/);
    assert.equal(await page.evaluate(() => window.sent.length), 0);
    assert.ok((await rgState(page)).healthy, 'the checker stays healthy for the other fields');
    await page.close();
  });

  await t.test('a reply of 150,000 characters with an insult at its end is checked in windows and held', async () => {
    const page = await b.context.newPage();
    await page.goto(`${server.base}/textarea.html`);
    const text = `${'Thank you for your message, we are looking into it. '.repeat(2900)}You idiot`;
    assert.ok(text.length > 150_000);
    await page.fill('#reply', text);
    await page.focus('#reply');
    const s = await until(async () => { const x = await rgState(page); const f = x?.fields?.[0]; return f?.checked && f.text.length === text.length && x; }, { timeout: 20000, message: 'checked' });
    assert.ok(s.healthy, 'the checker stays healthy');
    const f = s.fields[0].findings.find((x) => x.rule === 'insult.words');
    assert.ok(f, 'the insult at the end is found');
    assert.equal(f.begin, text.lastIndexOf('idiot'));
    await page.click('#send');
    const dlg = await until(() => rgDialog(page), { message: 'send held' });
    assert.equal(await page.evaluate(() => window.sent.length), 0);
    // Sending it anyway is audited like a short reply's override.
    const auditBefore = (await auditLog(b.sw)).length;
    const anyway = dlg.items.find((i) => i.action === 'send-anyway');
    await page.mouse.click(anyway.x, anyway.y);
    const d2 = await until(async () => { const d = await rgDialog(page); return d?.items.find((i) => i.tag === 'textarea' && i.visible) && d; }, { message: 'justification box' });
    const ta = d2.items.find((i) => i.tag === 'textarea');
    await page.mouse.click(ta.x, ta.y);
    await page.keyboard.type('Quoting the customer verbatim.');
    const d3 = await until(async () => { const d = await rgDialog(page); const c = d?.items.find((i) => i.action === 'confirm-override'); return c && !c.disabled && d; }, { message: 'confirm enabled' });
    const confirm = d3.items.find((i) => i.action === 'confirm-override');
    await page.mouse.click(confirm.x, confirm.y);
    await until(async () => (await page.evaluate(() => window.sent.length)) === 1, { message: 'sent after override' });
    const log = await until(async () => { const l = await auditLog(b.sw); return l.length > auditBefore && l; }, { message: 'audit entry' });
    assert.deepEqual(log.at(-1).rules, ['insult.words']);
    await page.close();
  });
});
