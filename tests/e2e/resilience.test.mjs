// Hardening: restarts and storage faults. Nothing crashes, leaks or gets lost:
// 1. the MV3 service worker stopped between keystrokes and while a check is pending
// 2. the browser closed and started again on the same profile
// 3. chrome.storage.local full (real quota) or failing while overrides are recorded
// 4. the offscreen document (core host) closed, also in the middle of a check; a crash of the
//    extension's renderer process (Chrome then unloads the whole extension) never holds sending
import test from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, extensionDir, isoEval, rgState, rgDialog, until, screenshot, SLOWDOWN } from './support/harness.mjs';
import { usePolicy } from './support/flow.mjs';

const E2E_POLICY = 'test.e2e@3'; // tests/e2e/fixtures/policy/e2e-bundle.json; the built-in default has no `insult.words`
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- helpers ------------------------------------------------------------------------------------

/** An extension page to read storage and stop the worker from (popup.html: small, no side effects). */
async function probePage(b) {
  const p = await b.context.newPage();
  await p.goto(`chrome-extension://${b.extensionId}/popup.html`);
  const cdp = await b.context.newCDPSession(p);
  const versions = new Map(); // versionId -> runningStatus of the extension's worker
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.endsWith('/background.js')) versions.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const allStopped = () => versions.size > 0 && [...versions.values()].every((s) => s === 'stopped');
  return {
    page: p,
    /** Stops the extension's service worker (as Chrome does after 30 s idle, or under memory pressure). */
    async stopWorker() {
      // A worker that is just starting ignores the request: ask again until it is down.
      for (let i = 0; i < 20; i++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        try { await until(allStopped, { timeout: 1000, message: 'service worker stopped' }); return; } catch { /* again */ }
      }
      throw new Error(`service worker did not stop: ${JSON.stringify([...versions])}`);
    },
    local: (keys) => p.evaluate((k) => chrome.storage.local.get(k), keys),
    session: (keys) => p.evaluate((k) => chrome.storage.session.get(k), keys),
    status: () => p.evaluate(() => chrome.runtime.sendMessage({ type: 'rg:status' })),
    async close() { await cdp.detach().catch(() => {}); await p.close(); },
  };
}

const auditOf = async (probe) => (await probe.local('audit')).audit || [];

/** The live service worker (a stopped worker's handle is dead; a restarted one is a new target),
 * started by a message when it is stopped. */
async function liveWorker(context) {
  return until(async () => {
    for (const w of context.serviceWorkers().reverse()) {
      if (!w.url().endsWith('/background.js')) continue;
      const ok = await Promise.race([w.evaluate(() => 1).then(() => true, () => false), sleep(1000).then(() => false)]);
      if (ok) return w;
    }
    // None runs: Chrome may stop the worker at any time (a stop asked for while it was starting
    // can also take effect late). A message from an extension page starts it again.
    const ext = context.pages().find((p) => p.url().startsWith('chrome-extension://'));
    await ext?.evaluate(() => chrome.runtime.sendMessage({ type: 'rg:status' }).catch(() => null)).catch(() => {});
    return null;
  }, { timeout: 20000, message: 'live service worker' });
}

/** An audit entry sent the way the content script sends it (sender = the tab); value: durable. */
const auditMsg = (page, justification, draft = 'Sorry, you idiot.') => isoEval(page, (a) => chrome.runtime.sendMessage(
  { type: 'rg:audit', kind: 'override', rules: ['insult.words'], draft: a.draft, platform: '', justification: a.justification })
  .then((r) => ({ ok: r?.ok, value: r?.value?.durable })),
{ justification, draft });

const field = async (page) => (await rgState(page))?.fields?.[0];

/** Waits until the field's current text is checked and carries the given rule. */
async function findingsFor(page, rule = 'insult.words', timeout = 8000) {
  return until(async () => {
    const f = await field(page);
    return f?.checked && f.findings.some((x) => x.rule === rule) && f;
  }, { timeout, message: `checked text with a ${rule} finding` });
}

/** Send → "send anyway" → justification → confirm, with the mouse, as a user does. Resolves once sent. */
async function overrideViaUi(page, justification) {
  const before = await page.evaluate(() => window.sent.length);
  await page.click('#send');
  const dlg = await until(() => rgDialog(page), { message: 'send dialog' });
  const anyway = dlg.items.find((i) => i.action === 'send-anyway');
  await page.mouse.click(anyway.x, anyway.y);
  const d2 = await until(async () => { const d = await rgDialog(page); return d?.items.find((i) => i.tag === 'textarea' && i.visible) && d; }, { message: 'justification box' });
  const ta = d2.items.find((i) => i.tag === 'textarea');
  await page.mouse.click(ta.x, ta.y);
  await page.keyboard.type(justification);
  const d3 = await until(async () => { const d = await rgDialog(page); const c = d?.items.find((i) => i.action === 'confirm-override'); return c && !c.disabled && d; }, { message: 'confirm enabled' });
  const c = d3.items.find((i) => i.action === 'confirm-override');
  await page.mouse.click(c.x, c.y);
  await until(async () => (await page.evaluate(() => window.sent.length)) === before + 1, { timeout: 4000, message: 'sent after override' });
}

async function writeDraft(page, text) {
  await page.fill('#reply', '');
  await page.click('#reply');
  await page.keyboard.type(text, { delay: 5 });
}

/** Browser-level CDP: the offscreen document's targets. */
async function offscreenTargets(bcdp) {
  return (await bcdp.send('Target.getTargets')).targetInfos.filter((t) => t.url.endsWith('/offscreen.html'));
}

// ---- 1. service worker restart ----------------------------------------------------------------

test('service worker stopped between keystrokes and mid-check: checking resumes with the imported policy; the audit log keeps every entry', async (t) => {
  const server = await startServer();
  const b = await launch();
  t.after(async () => { await b.close(); await server.close(); });
  await usePolicy(b.sw);
  const probe = await probePage(b);
  const page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  await writeDraft(page, 'Sorry, you idiot.');
  await findingsFor(page);
  for (let i = 0; i < 3; i++) assert.deepEqual(await auditMsg(page, `Earlier justification ${i}`), { ok: true, value: true });
  const before = await auditOf(probe);
  assert.equal(before.length, 3);

  await t.test('between keystrokes', async () => {
    await probe.stopWorker();
    await page.keyboard.type(' Another idiot', { delay: 5 });
    const f = await findingsFor(page);
    assert.equal(f.findings.filter((x) => x.rule === 'insult.words').length, 2, 'both insults found by the restarted worker');
    assert.equal((await rgState(page)).healthy, true);
  });

  await t.test('while checks are pending (worker stopped right after keystrokes, repeatedly)', async () => {
    // Close the core host first: the next check must re-create it and compile the wasm, so the
    // worker is certainly stopped while that check is pending.
    await (await liveWorker(b.context)).evaluate(() => chrome.offscreen.closeDocument());
    await page.keyboard.type(' x');
    await sleep(15);
    await probe.stopWorker();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.type(' y');
      await sleep(10 + 20 * i);
      await probe.stopWorker();
    }
    await page.keyboard.type(' You idiot.', { delay: 5 });
    const f = await findingsFor(page);
    assert.ok(f.text.endsWith('You idiot.'));
    assert.equal((await rgState(page)).healthy, true, 'checker healthy again');
  });

  await t.test('a check cut off by the stop is answered without further typing', async () => {
    // The core host is closed, so the next check re-creates it and compiles the wasm (slow):
    // the worker stops while that check is certainly pending, and the user types nothing more.
    const retriesBefore = (await rgState(page)).checkRetries;
    for (let i = 0; i < 3; i++) {
      await (await liveWorker(b.context)).evaluate(() => chrome.offscreen.closeDocument());
      const text = (await field(page)).text + ` idiot${i}`;
      await page.keyboard.type(` idiot${i}`);
      await sleep(80); // debounce (60 ms) over: the check is on its way
      await probe.stopWorker();
      await until(async () => { const f = await field(page); return f?.checked && f.text === text; }, { timeout: 5000, message: `"${text}" checked without another keystroke` });
    }
    assert.ok((await rgState(page)).checkRetries > retriesBefore, 'a check was cut off by the stop and asked again');
  });

  await t.test('the policy in force is still the imported bundle, and the audit log is intact', async () => {
    const st = await probe.status();
    assert.equal(st.ok, true);
    assert.equal(`${st.value.info.id}@${st.value.info.version}`, E2E_POLICY);
    assert.equal(st.value.core.ok, true);
    assert.deepEqual(await auditOf(probe), before, 'every entry written before the restarts is still there');
  });

  await t.test('the popup still shows the tab\'s findings after a restart (no typing since)', async () => {
    const f = await findingsFor(page);
    const blocks = f.findings.filter((x) => x.severity === 'block').length;
    const tabId = await probe.page.evaluate(async (u) => (await chrome.tabs.query({})).find((x) => (x.url || '').startsWith(u)).id, `${server.base}/textarea.html`);
    // The tab reports its counts when they change (at most every 400 ms): the worker to be stopped has them.
    await until(async () => {
      const r = await probe.page.evaluate((id) => chrome.runtime.sendMessage({ type: 'rg:tabInfo', tabId: id }), tabId);
      return r?.value?.count === f.findings.length && r.value.blocks === blocks;
    }, { message: 'the tab\'s counts reported' });
    await probe.stopWorker();
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
    await until(async () => /running/i.test(await popup.textContent('#core')), { message: 'core running' });
    // The popup fills its lines one after another (the core's status, delivery, then this tab).
    const shown = await until(() => popup.textContent('#findings'), { message: 'the tab\'s findings line' });
    assert.match(shown, new RegExp(`^${f.findings.length} findings, ${blocks} blocking`));
    await popup.close();
  });

  await t.test('an override right after a restart is recorded with the policy in force', async () => {
    await probe.stopWorker();
    assert.deepEqual(await auditMsg(page, 'Written right after a restart'), { ok: true, value: true });
    const log = await auditOf(probe);
    assert.equal(log.length, before.length + 1);
    assert.deepEqual(log.slice(0, before.length), before);
    assert.equal(log.at(-1).justification, 'Written right after a restart');
    assert.equal(log.at(-1).policy, E2E_POLICY, 'policy id@version known even when the worker just started');
  });

  await t.test('sending after a restart: held for the block finding, the override is sent and audited', async () => {
    await writeDraft(page, 'Calm down, you idiot.');
    await findingsFor(page);
    await probe.stopWorker();
    await overrideViaUi(page, 'Customer asked for the exact quote.');
    const log = await until(async () => { const l = await auditOf(probe); return l.length === before.length + 2 && l; }, { message: 'override audited' });
    assert.equal(log.at(-1).justification, 'Customer asked for the exact quote.');
    assert.equal(log.at(-1).policy, E2E_POLICY);
  });
  await probe.close();
});

// ---- 2. browser restart -----------------------------------------------------------------------

async function launchAt(userDataDir) {
  const ext = extensionDir();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false, locale: 'en-US', viewport: { width: 1100, height: 760 },
    env: { ...process.env, LANGUAGE: 'en_US', LANG: 'en_US.UTF-8' },
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--lang=en-US'],
  });
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15000 * SLOWDOWN });
  return { context, sw, extensionId: new URL(sw.url()).host };
}

test('browser restart on the same profile: the imported policy and the audit log survive, checks work', async (t) => {
  const server = await startServer();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'rg-e2e-restart-'));
  let b = null;
  t.after(async () => { await b?.context.close().catch(() => {}); await server.close(); await rm(profile, { recursive: true, force: true }); });

  b = await launchAt(profile);
  await usePolicy(b.sw);
  let page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  await writeDraft(page, 'Sorry, you idiot.');
  await findingsFor(page);
  await overrideViaUi(page, 'Before the browser restart.');
  assert.deepEqual(await auditMsg(page, 'Second entry before restart'), { ok: true, value: true });
  let probe = await probePage(b);
  const before = await auditOf(probe);
  assert.equal(before.length, 2);
  const policyBefore = (await probe.local('policy')).policy;
  const extensionId = b.extensionId;
  await b.context.close();

  b = await launchAt(profile);
  assert.equal(b.extensionId, extensionId, 'same extension');
  probe = await probePage(b);
  assert.deepEqual((await probe.local('policy')).policy, policyBefore, 'imported policy kept');
  assert.deepEqual(await auditOf(probe), before, 'audit log kept');
  const st = await probe.status();
  assert.equal(`${st.value.info.id}@${st.value.info.version}`, E2E_POLICY, 'the imported bundle is in force');
  page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  await writeDraft(page, 'Sorry, you idiot.');
  await findingsFor(page);
  await overrideViaUi(page, 'After the browser restart.');
  const log = await until(async () => { const l = await auditOf(probe); return l.length === 3 && l; }, { message: 'appended after restart' });
  assert.deepEqual(log.slice(0, 2), before);
  assert.equal(log[2].policy, E2E_POLICY);
});

// ---- 3. storage faults while overrides are recorded -----------------------------------------

test('storage full or failing while overrides are recorded: sending never blocked, nothing lost silently', async (t) => {
  const server = await startServer();
  const b = await launch();
  t.after(async () => { await b.close(); await server.close(); });
  await usePolicy(b.sw);
  const probe = await probePage(b);
  const page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  await writeDraft(page, 'Sorry, you idiot.');
  await findingsFor(page);

  await t.test('quota exceeded: the oldest entries are trimmed, the removal is recorded and shown in the options page', async () => {
    // A long history (1,500 old overrides with long justifications) plus other data filling the
    // rest of the 10 MB quota: the next entry does not fit.
    const info = await probe.page.evaluate(async () => {
      const old = Array.from({ length: 1500 }, (_, i) => ({ time: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString(), kind: 'override',
        site: 'example.com', platform: '', rules: ['insult.words'], textHash: i.toString(16).padStart(64, '0'), policy: 'test.e2e@3',
        justification: `Old justification ${i} `.padEnd(1500, '.') }));
      await chrome.storage.local.set({ audit: old });
      const area = chrome.storage.local;
      const used = await area.getBytesInUse(null);
      await area.set({ filler: 'x'.repeat(area.QUOTA_BYTES - used - 'filler'.length - 2 - 200) });
      return { quota: area.QUOTA_BYTES, used: await area.getBytesInUse(null), first: old[0].time };
    });
    assert.ok(info.quota - info.used <= 200, `storage nearly full (${info.used}/${info.quota})`);
    await screenshot(page, 'resilience-before-quota');
    await overrideViaUi(page, 'Sent while the storage is full.');
    const log = await until(async () => { const l = await auditOf(probe); return l.at(-1)?.justification === 'Sent while the storage is full.' && l; }, { message: 'newest entry stored' });
    const { auditMeta: meta } = await probe.local('auditMeta');
    assert.ok(meta?.trimmed > 0 && meta.trimmed < 20, `a few oldest entries trimmed (${meta?.trimmed})`);
    assert.equal(meta.reason, 'quota');
    assert.equal(log.length, 1500 - meta.trimmed + 1, 'only the trimmed ones are gone');
    assert.equal(log[0].textHash, meta.trimmed.toString(16).padStart(64, '0'), 'the oldest ones went');
    assert.ok(meta.trimmedUntil < log[0].time);
    assert.equal(log.at(-1).policy, E2E_POLICY);
    // The user is told that an export is partial.
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    const notice = await until(async () => { const n = options.locator('#audit-notice'); return (await n.isVisible()) && n.textContent(); }, { message: 'partial-log notice' });
    assert.match(notice, new RegExp(`older entries removed: ${meta.trimmed},`));
    assert.match(notice, /storage was full/);
    await options.locator('#audit-notice').scrollIntoViewIfNeeded();
    await screenshot(options, 'options-audit-trimmed');
    await options.close();
    await probe.page.evaluate(() => chrome.storage.local.remove('filler'));
  });

  await t.test('writes failing (not quota): entries are queued, written later, also across a worker restart; later writes are not stopped', async () => {
    const base = await auditOf(probe);
    const failWrites = async () => (await liveWorker(b.context)).evaluate(() => {
      const area = chrome.storage.local;
      globalThis.__rgRealSet ||= area.set.bind(area);
      area.set = async (items) => { if (items && 'audit' in items) throw new Error('IO error: disk unavailable'); return globalThis.__rgRealSet(items); };
    });
    await failWrites();
    await writeDraft(page, 'You idiot, again.');
    await findingsFor(page);
    await overrideViaUi(page, 'Queued while writes fail 1.'); // sending is not held by the failing write
    assert.equal((await auditOf(probe)).length, base.length, 'not written yet');
    let { auditPending: queued } = await probe.session('auditPending');
    assert.equal(queued?.length, 1, 'kept in session storage (survives a worker restart)');

    // Writes work again: the next entry writes both, in order (a failed write does not poison later ones).
    await (await liveWorker(b.context)).evaluate(() => { chrome.storage.local.set = globalThis.__rgRealSet; });
    assert.deepEqual(await auditMsg(page, 'After writes recovered 2'), { ok: true, value: true });
    let log = await auditOf(probe);
    assert.deepEqual(log.slice(base.length).map((e) => e.justification), ['Queued while writes fail 1.', 'After writes recovered 2']);
    assert.equal((await probe.session('auditPending')).auditPending, undefined, 'queue cleared');

    // Fails again, then the worker is stopped: the next start of the background writes the queue.
    await failWrites();
    assert.deepEqual(await auditMsg(page, 'Queued before a restart 3'), { ok: true, value: true });
    assert.deepEqual(await auditMsg(page, 'Queued before a restart 4'), { ok: true, value: true });
    ({ auditPending: queued } = await probe.session('auditPending'));
    assert.equal(queued?.length, 2);
    // The options page shows the queued entries and exports them with the rest.
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    await until(async () => /2 entries are waiting/.test(await options.textContent('#audit-notice') || ''), { message: 'pending notice' });
    const [dl] = await Promise.all([options.waitForEvent('download'), options.click('#export-json')]);
    const exported = JSON.parse(await readFile(await dl.path(), 'utf8'));
    assert.deepEqual(exported.slice(-2).map((e) => e.justification), ['Queued before a restart 3', 'Queued before a restart 4']);
    await options.close();

    await probe.stopWorker(); // the patched set() goes with the worker
    await probe.status(); // any event starts the background again
    log = await until(async () => { const l = await auditOf(probe); return l.length === base.length + 4 && l; }, { message: 'queue written after the restart' });
    assert.deepEqual(log.slice(base.length).map((e) => e.justification),
      ['Queued while writes fail 1.', 'After writes recovered 2', 'Queued before a restart 3', 'Queued before a restart 4']);
    assert.deepEqual(log.slice(0, base.length), base);
    await until(async () => (await probe.session('auditPending')).auditPending === undefined, { message: 'queue cleared after restart' });
    assert.equal(new Set(log.map((e) => `${e.time}${e.textHash}${e.justification}`)).size, log.length, 'no duplicates');
  });
  await probe.close();
});

// ---- 4. the offscreen document (core host) ------------------------------------------------------

test('offscreen document closed (also mid-check): the next check re-creates it with the same policy', async (t) => {
  const server = await startServer();
  const b = await launch();
  t.after(async () => { await b.close(); await server.close(); });
  await usePolicy(b.sw);
  const bcdp = await b.context.browser().newBrowserCDPSession();
  const page = await b.context.newPage();
  await page.goto(`${server.base}/textarea.html`);
  await writeDraft(page, 'Sorry, you idiot.');
  await findingsFor(page);
  assert.equal((await offscreenTargets(bcdp)).length, 1);

  await t.test('closed by the browser (target closed)', async () => {
    const [o] = await offscreenTargets(bcdp);
    await bcdp.send('Target.closeTarget', { targetId: o.targetId });
    await until(async () => (await offscreenTargets(bcdp)).length === 0, { message: 'offscreen gone' });
    await page.keyboard.type(' Idiot!', { delay: 5 });
    const f = await findingsFor(page);
    assert.equal(f.findings.filter((x) => x.rule === 'insult.words').length, 2, 'the imported bundle, not the default');
    const now = await offscreenTargets(bcdp);
    assert.equal(now.length, 1, 're-created once');
    assert.notEqual(now[0].targetId, o.targetId);
  });

  await t.test('closed while a check is pending: that text is checked without another keystroke', async () => {
    const retriesBefore = (await rgState(page)).checkRetries;
    for (let i = 0; i < 6 && (await rgState(page)).checkRetries - retriesBefore < 2; i++) {
      // With the host gone, the next check re-creates it and loads the wasm; the new host is
      // closed as soon as it appears, while that check waits for it.
      const [o] = await offscreenTargets(bcdp);
      if (o) await bcdp.send('Target.closeTarget', { targetId: o.targetId });
      const text = `${(await field(page)).text} idiot${i}`;
      await page.keyboard.type(` idiot${i}`);
      const [o2] = await until(async () => { const l = await offscreenTargets(bcdp); return l.length && l; }, { interval: 5, message: 're-created host' });
      await bcdp.send('Target.closeTarget', { targetId: o2.targetId }).catch(() => {});
      await until(async () => { const f = await field(page); return f?.checked && f.text === text && f.findings.some((x) => x.rule === 'insult.words'); },
        { timeout: 6000, message: `"${text}" checked` });
    }
    assert.ok((await rgState(page)).checkRetries > retriesBefore, 'at least one check was cut off and asked again');
    await page.keyboard.type(' idiot', { delay: 5 });
    await findingsFor(page);
    await until(async () => (await offscreenTargets(bcdp)).length === 1, { message: 'exactly one core host' });
  });

  await t.test('closed by the extension (chrome.offscreen.closeDocument)', async () => {
    await (await liveWorker(b.context)).evaluate(() => chrome.offscreen.closeDocument());
    await page.fill('#reply', '');
    await page.keyboard.type('No problem, idiot.', { delay: 5 });
    const f = await findingsFor(page, 'tone.problem');
    assert.ok(f.findings.some((x) => x.rule === 'insult.words'));
    const st = await (await liveWorker(b.context)).evaluate(async () => {
      const ctx = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      return ctx.length;
    });
    assert.equal(st, 1);
  });

  await t.test('the extension process crashes (Chrome unloads the whole extension): typing and sending go on, nothing held', async () => {
    const [o] = await offscreenTargets(bcdp);
    const { sessionId } = await bcdp.send('Target.attachToTarget', { targetId: o.targetId, flatten: false });
    await bcdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Page.crash' }) }).catch(() => {});
    await until(async () => (await offscreenTargets(bcdp)).length === 0, { message: 'crashed' });
    await writeDraft(page, 'You idiot.');
    await sleep(400);
    const f = await field(page);
    assert.ok(!f || f.findings.length === 0 || !f.checked, 'no stale findings for the new text');
    const before = await page.evaluate(() => window.sent.length);
    await page.click('#send');
    await until(async () => (await page.evaluate(() => window.sent.length)) === before + 1, { timeout: 3000, message: 'sent, not held' });
    assert.equal(await rgDialog(page), null, 'no dialog');
  });
});
