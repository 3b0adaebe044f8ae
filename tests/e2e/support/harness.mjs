// Shared e2e machinery: builds the TEST extension (store build + http://127.0.0.1/* + test hook),
// serves the fixture pages on 127.0.0.1, starts headless Chromium with the unpacked extension, and
// reads the content script's state through its isolated world (the UI's shadow root is closed).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.join(ROOT, 'tests/e2e/fixtures');
export const SHOTS = path.join(ROOT, 'artifacts/screenshots');
// Deadlines are hang guards, not claims about speed: a loaded machine (CI, shared build hosts)
// may take several times longer, so every wait's deadline is multiplied by RG_E2E_SLOWDOWN
// (scripts/test.sh sets 4; default 1). No test asserts how long something took.
export const SLOWDOWN = Math.max(1, Number(process.env.RG_E2E_SLOWDOWN) || 1);

let built = null;
/** Builds once per process (unless RG_EXT_DIR points at a ready test build). */
export function extensionDir() {
  if (process.env.RG_EXT_DIR) return process.env.RG_EXT_DIR;
  if (built) return built;
  // One build per test process, in its own directory (test files may run in parallel).
  const out = mkdtempSync(path.join(os.tmpdir(), 'rg-ext-test-'));
  process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  const args = [path.join(ROOT, 'extension/build.mjs'), '--test', '--out', out];
  if (process.env.RG_FAKE_CORE) args.push('--fake-core');
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  built = path.join(out, 'chrome');
  return built;
}

// ---- fixture server -------------------------------------------------------------------------
const bundleCache = new Map();
async function editorBundle(name) {
  if (!bundleCache.has(name)) {
    const entry = path.join(FIXTURES, 'editors', `${name}.js`);
    const r = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', minify: true,
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' }, logLevel: 'silent', loader: { '.js': 'jsx' }, jsx: 'automatic' });
    bundleCache.set(name, r.outputFiles[0].text);
  }
  return bundleCache.get(name);
}

export async function startServer() {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let m;
      if ((m = /^\/editors\/([a-z0-9-]+)\.js$/.exec(url.pathname))) {
        const js = await editorBundle(m[1]);
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
        return;
      }
      // The editor page under a site adapter's path (test builds pick the adapter by path).
      const pathname = url.pathname.replace(/^\/sites\/[a-z]+\/((?:editor|textarea)\.html)$/, '/$1');
      let file = path.normalize(path.join(FIXTURES, decodeURIComponent(pathname)));
      if (!file.startsWith(FIXTURES)) { res.writeHead(403).end(); return; }
      if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
      const body = await readFile(file);
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.css') ? 'text/css' : file.endsWith('.json') ? 'application/json' : 'text/javascript';
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch (e) {
      res.writeHead(404).end(String(e.message));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, close: () => new Promise((r) => server.close(r)) };
}

// ---- browser ----------------------------------------------------------------------------------
export async function launch({ locale = 'en-US', colorScheme = 'light', extDir } = {}) {
  const ext = extDir || extensionDir();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'rg-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: false,
    locale,
    colorScheme,
    viewport: { width: 1100, height: 760 },
    // Chromium on Linux takes its UI language (chrome.i18n.getUILanguage) from the environment.
    env: { ...process.env, LANGUAGE: locale.replace('-', '_'), LANG: `${locale.replace('-', '_')}.UTF-8` },
    args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, `--lang=${locale}`],
  });
  context.setDefaultTimeout(30000 * SLOWDOWN);  // Playwright's own waits (30 s by default)
  let [sw] = context.serviceWorkers();
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15000 * SLOWDOWN });
  const extensionId = new URL(sw.url()).host;
  return {
    context, sw, extensionId,
    async close() { await context.close(); await rm(userDataDir, { recursive: true, force: true }); },
  };
}

/** Evaluates `fn(arg)` in the content script's isolated world of the page's main frame (or `frame`). */
export async function isoEval(page, fn, arg, frame = page.mainFrame()) {
  if (!page.__rgCdp) {
    const cdp = await page.context().newCDPSession(page);
    const contexts = new Map();
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData?.type === 'isolated' && context.name === 'ReplyGuard') contexts.set(context.auxData.frameId, context.id);
    });
    cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
    await cdp.send('Runtime.enable');
    page.__rgCdp = { cdp, contexts };
  }
  const { cdp, contexts } = page.__rgCdp;
  const frameId = frame === page.mainFrame() ? (await cdp.send('Page.getFrameTree')).frameTree.frame.id : await frameIdOf(cdp, frame);
  for (let i = 0; i < 100 && !contexts.has(frameId); i++) await new Promise((r) => setTimeout(r, 50));
  const contextId = contexts.get(frameId);
  if (!contextId) throw new Error('content script world not found');
  const r = await cdp.send('Runtime.evaluate', { expression: `(${fn})(${JSON.stringify(arg ?? null)})`, contextId, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description || r.exceptionDetails.text);
  return r.result.value;
}

async function frameIdOf(cdp, frame) {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const url = frame.url();
  const walk = (t) => (t.frame.url === url ? t.frame.id : (t.childFrames || []).map(walk).find(Boolean));
  return walk(frameTree);
}

export const rgState = (page, frame) => isoEval(page, () => globalThis.__replyguardTest?.state(), null, frame);
export const rgCard = (page, frame) => isoEval(page, () => globalThis.__replyguardTest?.card(), null, frame);
export const rgDialog = (page, frame) => isoEval(page, () => globalThis.__replyguardTest?.dialog(), null, frame);
export const rgBanner = (page, frame) => isoEval(page, () => globalThis.__replyguardTest?.banner(), null, frame);

/** Polls `fn` until it returns a truthy value (or the deadline, times SLOWDOWN, passes). */
export async function until(fn, { timeout = 5000, interval = 40, message = 'condition' } = {}) {
  const end = Date.now() + timeout * SLOWDOWN;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${message}; last: ${JSON.stringify(last)}`);
}

/** The audit log as the extension stored it (read in the service worker). */
/** Opens the popup for a tab once the worker holds counts that `reported` accepts: the popup shows
 * the tab's counts as they were when it opened, and a page reports them at most every 400 ms. */
export async function openPopup(b, tabId, reported, { viewport } = {}) {
  const popup = await b.context.newPage();
  if (viewport) await popup.setViewportSize(viewport);
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
  await until(async () => {
    const r = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'rg:tabInfo', tabId: id }), tabId);
    return r?.ok && reported(r.value);
  }, { message: "the tab's counts reported" });
  await popup.reload();
  return popup;
}
export const auditLog = (sw) => sw.evaluate(async () => (await chrome.storage.local.get('audit')).audit || []);

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

export { existsSync, writeFile };
