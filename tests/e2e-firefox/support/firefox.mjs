// Firefox e2e machinery: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core (no
// geckodriver, no browser download). The test build of the extension (dist/firefox next to the
// Chromium one the shared harness builds) is installed as a temporary add-on; its UUID is pinned
// by a pref so the tests know its moz-extension:// URLs.
// - moz-extension:// pages open only with --remote-allow-system-access, and only through a raw
//   BiDi browsingContext.navigate (puppeteer's goto never settles on them).
// - Content-script worlds are not exposed over BiDi: an extension tab ("probe") runs
//   browser.scripting.executeScript, which lands in the content scripts' sandbox where the test
//   hook lives. The probe also stands in for the Chromium suite's service-worker handle
//   (`sw.evaluate`), so the shared flows run unchanged.
// - The event page is stopped from the chrome scope (Extension.terminateBackground), as Firefox
//   does when it is idle.
// - A new profile costs Firefox about as long again as the start itself (it creates its
//   databases and caches), so each browser starts on a copy of one profile that Firefox has
//   already set up once (made on first use, kept per Firefox build and puppeteer version).
import puppeteer from 'puppeteer-core';
import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extensionDir, until } from '../../e2e/support/harness.mjs';

export const GECKO_ID = 'replyguard@replyguard.example';
export const UUID = '6f1d3c2a-8b4e-4f7a-9c0d-52e1a7b3c9f4';
export const EXT_BASE = `moz-extension://${UUID}`;
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

/** The Firefox test build (built once per process by the shared harness, beside the Chrome one). */
export const firefoxTestBuild = () => path.join(path.dirname(extensionDir()), 'firefox');

const PUPPETEER_VERSION = createRequire(import.meta.url)('puppeteer-core/package.json').version;
const BASE_PREFS = { 'datareporting.policy.dataSubmissionEnabled': false };

/** A profile Firefox has started on once (no add-on, no test data): its directory. */
let template = null;
function profileTemplate() {
  template ||= (async () => {
    const bin = realpathSync(FIREFOX);
    const { mtimeMs, size } = await stat(bin);
    const ini = await stat(path.join(path.dirname(bin), 'application.ini')).then((s) => s.mtimeMs, () => 0);
    const dir = path.join(os.tmpdir(), `rg-ff-profile-${PUPPETEER_VERSION}-${Math.round(mtimeMs)}-${size}-${Math.round(ini)}`);
    if (await stat(path.join(dir, 'times.json')).then(() => true, () => false)) return dir;
    const work = await mkdtemp(`${dir}.tmp-`);
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: work, extraPrefsFirefox: BASE_PREFS });
    await browser.close();
    for (const f of ['lock', '.parentlock']) await rm(path.join(work, f), { force: true });
    // Another test process may have made it meanwhile: theirs stays, ours goes.
    await rename(work, dir).catch(() => rm(work, { recursive: true, force: true }));
    return dir;
  })();
  return template;
}

async function newProfile() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rg-ff-'));
  await cp(await profileTemplate(), dir, { recursive: true });
  return dir;
}

/**
 * Starts headless Firefox. lang 'de' asks for German pages (navigator.languages); prefs are added
 * to the profile; extDir (default the test build) or the packaged `xpi` is installed as a
 * temporary add-on unless `install: false`. `profile` reuses a profile directory.
 */
export async function launchFirefox({ lang = 'en', prefs = {}, extDir, xpi, install = true, env, acceptInsecureCerts = false, profile } = {}) {
  const userDataDir = profile || await newProfile();
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir, acceptInsecureCerts,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, ...(env || {}) },
    defaultViewport: { width: 1100, height: 760 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'intl.accept_languages': lang === 'de' ? 'de-DE, de' : 'en-US, en',
      ...BASE_PREFS,
      ...prefs,
    },
  });
  let addonId = null;
  if (xpi) { // a packaged add-on (puppeteer's installExtension takes directories only)
    addonId = (await browser.connection.send('webExtension.install', { extensionData: { type: 'archivePath', path: xpi } })).result.extension;
  } else if (install) addonId = await browser.installExtension(extDir || firefoxTestBuild());
  const ff = {
    browser, addonId, userDataDir,
    /** Opens (or reuses) a tab on an extension page, navigated over raw BiDi. */
    async extPage(file, page) {
      const p = page || await browser.newPage();
      await browser.connection.send('browsingContext.navigate', { context: p.mainFrame()._id, url: `${EXT_BASE}/${file}`, wait: 'complete' });
      return p;
    },
    async newPage(url) {
      const p = await browser.newPage();
      if (url) await p.goto(url, { waitUntil: 'load' });
      return p;
    },
    /** Evaluates an expression in the browser's chrome scope (needs --remote-allow-system-access). */
    async chromeEval(expression) {
      const tree = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const context = tree.result.contexts[0].context;
      const r = (await browser.connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' })).result;
      if (r.type === 'exception') throw new Error(`chrome scope: ${r.exceptionDetails?.text}`);
      return r.result?.value;
    },
    backgroundState: () => ff.chromeEval(`WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)})?.extension?.backgroundState ?? 'none'`),
    /**
     * Suspends the event page as Firefox does when it is idle; resolves 'stopped' once it is.
     * Firefox keeps a busy page for one more round (a listener still answering, an event arriving
     * while it suspends), then stops it at the next idle timeout: so again until it is stopped.
     */
    async suspendEventPage() {
      return until(() => ff.chromeEval(`(async () => { const e = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
        if (e.backgroundState === 'running') await e.terminateBackground();
        return e.backgroundState === 'stopped' && e.backgroundState; })()`), { interval: 20, message: 'event page stopped' });
    },
    async close({ keepProfile = false } = {}) {
      await browser.close().catch(() => {});
      if (!keepProfile && !profile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
  // The probe: a quiet extension page (the popup has no timers) for storage and scripting.
  ff.probePage = await ff.extPage('popup.html');
  ff.sw = { evaluate: (fn, arg) => ff.probePage.evaluate(fn, arg) };
  return ff;
}

/** The tab id of a puppeteer page (the page is marked in its DOM, the content script world sees it). */
function tabIdOf(ff, page) {
  page.__rgTabId ??= findTab(ff, page); // a promise: concurrent callers share one look-up
  return page.__rgTabId;
}

async function findTab(ff, page) {
  const mark = `rg-${Math.random().toString(36).slice(2)}`;
  await page.evaluate((m) => { document.documentElement.dataset.rgTabMark = m; }, mark);
  const id = await ff.probePage.evaluate(async (m) => {
    for (const t of await browser.tabs.query({})) {
      if (!/^https?:/.test(t.url || '')) continue;
      try {
        const [r] = await browser.scripting.executeScript({ target: { tabId: t.id }, func: () => document.documentElement.dataset.rgTabMark });
        if (r?.result === m) return t.id;
      } catch { /* a tab without the content script's permission */ }
    }
    return null;
  }, mark);
  if (!id) { page.__rgTabId = null; throw new Error('tab of the page not found'); }
  return id;
}

/** Evaluates `fn(arg)` in the content scripts' sandbox of the page's top frame. */
export async function isoEval(ff, page, fn, arg) {
  if (page.raw) page = page.raw; // a flow page (asFlowPage)
  const tabId = await tabIdOf(ff, page);
  const expr = `browser.scripting.executeScript({ target: { tabId: ${tabId} }, func: ${fn}, args: [${JSON.stringify(arg ?? null)}] })
    .then((r) => r[0] && r[0].error ? Promise.reject(r[0].error) : r[0] && r[0].result)`;
  return ff.probePage.evaluate(expr);
}

/** What the shared flow reads through (Chromium: CDP isolated world; here: scripting API). */
export function probeFor(ff) {
  return {
    state: (page) => isoEval(ff, page, () => globalThis.__replyguardTest?.state()),
    card: (page) => isoEval(ff, page, () => globalThis.__replyguardTest?.card()),
    dialog: (page) => isoEval(ff, page, () => globalThis.__replyguardTest?.dialog()),
    banner: (page) => isoEval(ff, page, () => globalThis.__replyguardTest?.banner()),
  };
}

const KEY_NAMES = { Control: 'Control', Shift: 'Shift', Alt: 'Alt', Meta: 'Meta' };
/** Presses "Control+z"-style chords with puppeteer's keyboard (which takes one key at a time). */
async function chord(keyboard, combo) {
  const parts = combo.split('+');
  const key = parts.pop();
  for (const m of parts) await keyboard.down(KEY_NAMES[m] || m);
  await keyboard.press(key);
  for (const m of parts.reverse()) await keyboard.up(KEY_NAMES[m] || m);
}

/**
 * The puppeteer page seen through the few Playwright calls the shared composer flow makes
 * (keyboard.type/press with chords, mouse.move/click, screenshot, and a composer locator).
 */
export function asFlowPage(page) {
  return {
    keyboard: {
      type: (text, o) => page.keyboard.type(text, { delay: o?.delay ?? 0 }),
      press: (combo) => chord(page.keyboard, combo),
    },
    mouse: { move: (x, y) => page.mouse.move(x, y), click: (x, y) => page.mouse.click(x, y) },
    screenshot: (o) => page.screenshot(o),
    locator: (sel) => ({
      click: () => page.click(sel),
      press: async (combo) => { await page.focus(sel); await chord(page.keyboard, combo); },
    }),
    raw: page,
  };
}

export { chord };
