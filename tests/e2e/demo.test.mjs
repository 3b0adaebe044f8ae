// The demo page (scripts/demo/serve.mjs) with the test build in headless Chromium: the whole job on
// the built-in default policy — a reply is underlined while typed, the card explains it, sending is
// held, the post being answered is triaged; then with the example company policy the escalation panel
// names who is on call. Screenshots: artifacts/screenshots/demo-*.png (1280×800, store size).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, launch, rgState, rgCard, rgDialog, rgBanner, until, auditLog, screenshot, SLOWDOWN } from './support/harness.mjs';
import { findingFor } from './support/flow.mjs';

const REPLY_EN = 'So sorry, this is entirely our fault. We guarantee a full refund by tomorrow. Call me directly at +49 171 2345678.';
const REPLY_DE = 'Das tut uns leid, das war ganz klar unser Verschulden. Wir garantieren Ihnen eine volle Erstattung bis morgen.';

/** Starts serve.mjs on a free port; resolves with its URL and a stop() that sends SIGINT (Ctrl+C). */
async function startDemo() {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/demo/serve.mjs')], {
    env: { ...process.env, RG_DEMO_PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  const url = await until(() => /ReplyGuard demo: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out)?.[1], { timeout: 15000, message: 'demo server URL' });
  return {
    url, output: () => out,
    async stop() { if (child.exitCode === null) child.kill('SIGINT'); return exited; },
  };
}

const field0 = async (page) => (await rgState(page))?.fields?.[0];

test('demo page: underline, card, send hold, triage and escalation on the built-in policy', async (t) => {
  const demo = await startDemo();
  const b = await launch();
  t.after(async () => { await b.close(); await demo.stop(); });

  await t.test('serve.mjs prints how to open the page with the extension and serves only the demo', async () => {
    assert.match(demo.output(), /--load-extension=\S*dist\/chrome-test\/chrome/);
    assert.match(demo.output(), /Ctrl\+C/);
    const base = new URL(demo.url).origin;
    const root = await fetch(`${base}/?lang=de`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/sites/mastodon/?lang=de');
    assert.equal((await fetch(`${base}/../../package.json`)).status, 404);
    assert.equal((await fetch(`${base}/policies/telecom.json`)).status, 200);
  });

  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${demo.url}?lang=en`);
  await until(async () => (await rgState(page))?.active, { message: 'content script active on the demo page' });

  await t.test('typing a reply that breaks the default policy underlines it', async () => {
    await page.click('#reply');
    await page.keyboard.type(REPLY_EN, { delay: 2 });
    const { state, drawn } = await findingFor(page, 'our fault');
    assert.equal(drawn.severity, 'block');
    assert.equal(drawn.via, 'overlay', 'textarea: bars drawn over a mirror copy');
    const rules = state.fields[0].findings.map((f) => f.rule);
    for (const r of ['legal.fault', 'pii.phone']) assert.ok(rules.includes(r), `${r} in ${rules}`);
    assert.ok(rules.some((r) => r.startsWith('commitment.')), `a commitment finding in ${rules}`);
    // The post being answered is triaged: the legal threat in it asks for escalation.
    assert.ok(state.fields[0].incoming.some((f) => f.rule === 'incoming.legal'), 'incoming legal threat');
    const banner = await until(() => rgBanner(page), { message: 'triage banner' });
    assert.ok(banner.text.length > 10);
    await screenshot(page, 'demo-underline');
  });

  await t.test('hovering the underline opens the card', async () => {
    const { drawn } = await findingFor(page, 'our fault');
    await page.mouse.move(drawn.at.x, drawn.at.y);
    const card = await until(() => rgCard(page), { message: 'card' });
    assert.equal(card.rule, 'legal.fault');
    await screenshot(page, 'demo-card');
  });

  await t.test('sending is held; the dialog offers fix, escalate and send anyway', async () => {
    await page.mouse.move(5, 790);
    await page.click('#publish');
    const dlg = await until(() => rgDialog(page), { message: 'send dialog' });
    assert.match(dlg.text, /our fault/);
    for (const a of ['fix', 'escalate', 'send-anyway']) assert.ok(dlg.items.some((i) => i.action === a), a);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await page.evaluate(() => window.sent.length), 0, 'held: nothing sent');
    await page.evaluate(() => scrollTo(0, 0));
    await new Promise((r) => setTimeout(r, 100));
    await screenshot(page, 'demo-send-dialog');

    // The built-in policy has no team: escalating says so (a company bundle names people).
    const esc = dlg.items.find((i) => i.action === 'escalate');
    await page.mouse.click(esc.x, esc.y);
    const d2 = await until(async () => { const d = await rgDialog(page); return d?.escalation && d; }, { message: 'escalation answer' });
    assert.ok(d2.text.length > dlg.text.length);
    assert.match(d2.text, /Escalation: Legal/, 'the route and a ready message');
    assert.match(d2.text, /names no team/, 'says it cannot name a person');
    assert.ok(d2.items.some((i) => i.action === 'mailto' && i.href.startsWith('mailto:?subject=')), 'mail link without recipient');

    // Send anyway, with a justification: sent, and audited without the text.
    const before = (await auditLog(b.sw)).length;
    const anyway = d2.items.find((i) => i.action === 'send-anyway');
    await page.mouse.click(anyway.x, anyway.y);
    const d3 = await until(async () => { const d = await rgDialog(page); return d?.items.find((i) => i.tag === 'textarea' && i.visible) && d; }, { message: 'justification box' });
    const ta = d3.items.find((i) => i.tag === 'textarea');
    await page.mouse.click(ta.x, ta.y);
    await page.keyboard.type('Approved by the duty lead for this case.');
    const d4 = await until(async () => { const d = await rgDialog(page); const c = d?.items.find((i) => i.action === 'confirm-override'); return c && !c.disabled && d; }, { message: 'confirm enabled' });
    const confirm = d4.items.find((i) => i.action === 'confirm-override');
    await page.mouse.click(confirm.x, confirm.y);
    await until(async () => (await page.evaluate(() => window.sent.length)) === 1, { message: 'sent after override' });
    const log = await until(async () => { const l = await auditLog(b.sw); return l.length > before && l; }, { message: 'audit entry' });
    const entry = log.at(-1);
    assert.equal(entry.kind, 'override');
    assert.ok(entry.rules.includes('legal.fault'));
    assert.equal(entry.platform, 'mastodon');
    assert.match(entry.textHash, /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(log).includes('our fault'), 'the audit log never holds the text');
    await screenshot(page, 'demo-sent');
  });

  await t.test('a sample reply inserted with one click is checked too; the clean one sends at once', async () => {
    await page.click('button[data-sample="3"]');
    await findingFor(page, 'DE89 3704 0044 0532 0130 00');
    await page.click('button[data-sample="4"]');
    await until(async () => { const f = await field0(page); return f?.checked && f.text.endsWith('^AS') && !f.findings.length; }, { message: 'clean sample: no findings' });
    await page.click('#publish');
    await until(async () => (await page.evaluate(() => window.sent.length)) === 2, { message: 'clean reply sent without a dialog' });
  });

  await t.test('German page and messages', async () => {
    await b.sw.evaluate(async () => chrome.storage.local.set({ settings: { lang: 'de' } }));
    const de = await b.context.newPage();
    await de.setViewportSize({ width: 1280, height: 800 });
    await de.goto(`${demo.url}?lang=de`);
    assert.equal(await de.getAttribute('html', 'lang'), 'de');
    await until(async () => { const s = await rgState(de); return s?.active && s.lang === 'de'; }, { message: 'content script in German' });
    await de.click('#reply');
    await de.keyboard.type(REPLY_DE, { delay: 2 });
    const { drawn } = await findingFor(de, 'unser Verschulden');
    await de.mouse.move(drawn.at.x, drawn.at.y);
    const card = await until(() => rgCard(de), { message: 'card (de)' });
    assert.equal(card.rule, 'legal.fault');
    await screenshot(de, 'demo-de-card');
    await de.close();
    await b.sw.evaluate(async () => chrome.storage.local.set({ settings: { lang: 'en' } }));
  });

  await t.test('with the example company policy, the escalation panel names who is on call', async () => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await options.setInputFiles('#policy-file', path.join(ROOT, 'policies/examples/telecom.json'));
    await options.waitForSelector('#policy-result .ok', { timeout: 10000 * SLOWDOWN });
    await b.sw.evaluate(async () => chrome.storage.local.set({ settings: { lang: 'en', memberId: 'anna' } }));
    await options.close();

    await page.goto(`${demo.url}?lang=en`);
    await until(async () => (await rgState(page))?.active, { message: 'content script' });
    await page.click('#reply');
    await page.keyboard.type('We are looking into it and will get back to you today. ^AS', { delay: 2 });
    const banner = await until(() => rgBanner(page), { timeout: 8000, message: 'triage banner (company policy)' }).catch(() => null);
    if (!banner) { t.diagnostic('the example policy does not flag this post: no escalation panel'); return; }
    await page.mouse.click(banner.escalate.x, banner.escalate.y);
    const d = await until(async () => { const x = await rgDialog(page); return x?.escalation && x; }, { message: 'escalation panel' });
    if (!d.targets.length) t.diagnostic(`nobody on call right now: ${d.text.slice(0, 200)}`);
    await screenshot(page, 'demo-escalation');
    await page.keyboard.press('Escape');
  });

  await t.test('Ctrl+C stops the server', async () => {
    const { code } = await demo.stop();
    assert.equal(code, 0);
    assert.match(demo.output(), /demo server stopped/);
  });
});
