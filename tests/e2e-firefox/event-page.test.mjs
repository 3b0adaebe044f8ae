// Firefox's MV3 event page hosts the core itself and is suspended when idle. Suspended between
// keystrokes, while a check is in flight (the core compiling again), while audit entries are on
// their way, and by Firefox's own idle timer: the next keystroke still gets findings, the policy
// in force is still the imported one, no audit entry is lost, sending is still held.
import test from 'node:test';
import assert from 'node:assert/strict';
import { startServer, until, auditLog } from '../e2e/support/harness.mjs';
import { usePolicy } from '../e2e/support/flow.mjs';
import { launchFirefox, probeFor, isoEval } from './support/firefox.mjs';

const E2E_POLICY = 'test.e2e@3'; // tests/e2e/fixtures/policy/e2e-bundle.json; the built-in default has no `insult.words`
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('Firefox event page suspended while the user types', async (t) => {
  const server = await startServer();
  const ff = await launchFirefox();
  t.after(async () => { await ff.close(); await server.close(); });
  const probe = probeFor(ff);
  await usePolicy(ff.sw);
  const page = await ff.newPage(`${server.base}/textarea.html`);
  const field = async () => (await probe.state(page))?.fields?.[0];
  const findingsFor = (rule = 'insult.words', timeout = 10000) => until(async () => {
    const f = await field();
    return f?.checked && f.findings.some((x) => x.rule === rule) && f;
  }, { timeout, message: `checked text with a ${rule} finding` });
  /** An audit entry sent the way the content script sends it (sender = the tab); the answer says
   *  whether it is durable (in the log or the write-ahead journal) and in the log itself. */
  const auditMsg = (justification) => isoEval(ff, page, (j) => chrome.runtime.sendMessage(
    { type: 'rg:audit', kind: 'override', rules: ['insult.words'], draft: 'Sorry, you idiot.', platform: '', justification: j })
    .then((r) => ({ ok: r?.ok, durable: r?.value?.durable, stored: r?.value?.stored })), justification);
  const RECORDED = { ok: true, durable: true, stored: true };
  const status = () => ff.sw.evaluate(() => chrome.runtime.sendMessage({ type: 'rg:status' }));
  const suspend = async () => assert.equal(await ff.suspendEventPage(), 'stopped');

  await page.click('#reply');
  await page.keyboard.type('Sorry, you idiot.', { delay: 5 });
  await findingsFor();
  for (let i = 0; i < 3; i++) assert.deepEqual(await auditMsg(`Earlier justification ${i}`), RECORDED);
  const before = await auditLog(ff.sw);
  assert.equal(before.length, 3);

  await t.test('between keystrokes', async () => {
    await suspend(); // stopped (any event may wake it again, as it would after an idle suspension)
    await page.keyboard.type(' Another idiot', { delay: 5 });
    const f = await findingsFor();
    assert.equal(f.findings.filter((x) => x.rule === 'insult.words').length, 2, 'both insults found by the woken event page');
    assert.equal(await ff.backgroundState(), 'running');
    assert.equal((await probe.state(page)).healthy, true);
  });

  await t.test('with a check in flight: the cut-off check is answered without further typing', async () => {
    const retriesBefore = (await probe.state(page)).checkRetries;
    for (let i = 0; i < 3; i++) {
      // Suspended first, so the next check wakes the page and waits for the core to compile:
      // the second suspension certainly lands while that check is pending.
      await suspend();
      const text = (await field()).text + ` idiot${i}`;
      await page.keyboard.type(` idiot${i}`);
      await sleep(90); // the 60 ms debounce is over: the check is on its way
      await suspend();
      await until(async () => { const f = await field(); return f?.checked && f.text === text; }, { timeout: 10000, message: `"${text}" checked without another keystroke` });
    }
    const s = await probe.state(page);
    assert.equal(s.healthy, true, 'checker healthy');
    t.diagnostic(`check retries after cut-off checks: ${s.checkRetries - retriesBefore}`);
    await page.keyboard.type(' You idiot.', { delay: 5 });
    const f = await findingsFor();
    assert.ok(f.text.endsWith('You idiot.'));
  });

  await t.test('the policy in force is still the imported bundle; the audit log is intact', async () => {
    await suspend();
    const st = await status();
    assert.equal(st.ok, true);
    assert.equal(`${st.value.info.id}@${st.value.info.version}`, E2E_POLICY);
    assert.equal(st.value.core.ok, true);
    assert.deepEqual(await auditLog(ff.sw), before, 'every entry written before the suspensions is still there');
  });

  /** Send → "send anyway" → justification → confirm, with the mouse; `cut` runs right after the confirm click. */
  async function overrideViaUi(justification, cut = async () => {}) {
    const sentBefore = await page.evaluate(() => window.sent.length);
    await page.click('#send');
    const dlg = await until(() => probe.dialog(page), { message: 'send dialog' });
    assert.equal(await page.evaluate(() => window.sent.length), sentBefore, 'held');
    const anyway = dlg.items.find((i) => i.action === 'send-anyway');
    await page.mouse.click(anyway.x, anyway.y);
    const d2 = await until(async () => { const d = await probe.dialog(page); return d?.items.find((i) => i.tag === 'textarea' && i.visible) && d; }, { message: 'justification box' });
    const ta = d2.items.find((i) => i.tag === 'textarea');
    await page.mouse.click(ta.x, ta.y);
    await page.keyboard.type(justification);
    const d3 = await until(async () => { const d = await probe.dialog(page); const c = d?.items.find((i) => i.action === 'confirm-override'); return c && !c.disabled && d; }, { message: 'confirm enabled' });
    const c = d3.items.find((i) => i.action === 'confirm-override');
    await page.mouse.click(c.x, c.y);
    await cut();
    await until(async () => (await page.evaluate(() => window.sent.length)) === sentBefore + 1, { timeout: 6000, message: 'sent after override' });
  }
  async function writeDraft(text) {
    await page.$eval('#reply', (e) => { e.value = ''; });
    await page.click('#reply');
    await page.keyboard.type(text, { delay: 5 });
    await findingsFor();
  }

  await t.test('an audit entry sent right after a suspension is recorded with the policy in force', async () => {
    await suspend();
    assert.deepEqual(await auditMsg('Written right after a suspension'), RECORDED);
    const log = await auditLog(ff.sw);
    assert.deepEqual(log.slice(0, before.length), before);
    assert.equal(log.at(-1).justification, 'Written right after a suspension');
    assert.equal(log.at(-1).policy, E2E_POLICY, 'policy id@version known even when the event page just woke');
  });

  await t.test('overrides confirmed while the event page is suspended again are sent and each audited once', async () => {
    const auditBefore = (await auditLog(ff.sw)).length;
    const want = [];
    for (const [i, ms] of [0, 20, 60, 150].entries()) {
      await writeDraft(`Calm down, you idiot ${i}.`);
      await suspend(); // the confirm wakes the page, which compiles the core before it writes
      const j = `Customer asked for the exact quote ${i}.`;
      want.push(j);
      await overrideViaUi(j, async () => { await sleep(ms); await ff.suspendEventPage(); });
    }
    const log = await until(async () => { const l = await auditLog(ff.sw); return l.length >= auditBefore + want.length && l; },
      { timeout: 8000, message: 'every override in the log' });
    const got = log.slice(auditBefore);
    assert.deepEqual(got.map((e) => e.justification), want, 'each override recorded once, in order');
    assert.ok(got.every((e) => e.kind === 'override' && e.policy === E2E_POLICY && /^[0-9a-f]{64}$/.test(e.textHash)));
  });

});

test('Firefox\'s own idle timer suspends the event page while the user pauses; typing on still checks', async (t) => {
  const server = await startServer();
  // The idle timeout is read at start-up; 2 s instead of 30 s.
  const ff = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 2000 } });
  t.after(async () => { await ff.close(); await server.close(); });
  const probe = probeFor(ff);
  await usePolicy(ff.sw);
  const page = await ff.newPage(`${server.base}/textarea.html`);
  await page.click('#reply');
  let text = '';
  for (let i = 0; i < 3; i++) {
    await until(async () => (await ff.backgroundState()) === 'stopped', { timeout: 20000, interval: 250, message: 'event page idle-suspended' });
    await page.keyboard.type(` Idiot ${i}.`, { delay: 5 });
    text += ` Idiot ${i}.`;
    const f = await until(async () => { const x = (await probe.state(page))?.fields?.[0]; return x?.checked && x.text === text && x; }, { timeout: 10000, message: 'checked after waking' });
    assert.equal(f.findings.filter((x) => x.rule === 'insult.words').length, i + 1);
  }
  const st = await ff.sw.evaluate(() => chrome.runtime.sendMessage({ type: 'rg:status' }));
  assert.equal(`${st.value.info.id}@${st.value.info.version}`, E2E_POLICY);
});
