// Cold start of the wasm core in headless Chromium (the extension's engine), in parts: fetching
// and compiling the module, instantiating it with ICU's data, loading the default bundle with
// its model, the first check. Each round is a fresh browser context (no code cache shared with
// an earlier round's page). Prints figures; asserts nothing.
// Usage: node tests/bench/bench-cold-chromium.mjs [rounds]   (needs build/wasm and /usr/bin/chromium)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmDir = process.env.RG_WASM_DIR || path.join(root, 'build/wasm');
const rounds = Number(process.argv[2] || 5);
const types = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const page = `<!doctype html><script type="module">
const t0 = performance.now();
const [{ default: factory }, { createCore }, wasm, icu] = await Promise.all([
  import('/build/replyguard_core.mjs'), import('/js/core.mjs'),
  fetch('/build/replyguard_core.wasm').then((r) => r.arrayBuffer()), fetch('/build/icudata/icudt72l.dat').then((r) => r.arrayBuffer())]);
const t1 = performance.now();
const core = await createCore({ factory, wasmBinary: wasm, icuData: icu });
const t2 = performance.now();
const d = core.defaultPolicy();
const t3 = performance.now();
core.check(d.handle, { reply: 'Danke für Ihre Geduld, wir melden uns morgen.' });
const t4 = performance.now();
window.__cold = { fetch: t1 - t0, instantiate: t2 - t1, bundle: t3 - t2, check: t4 - t3, total: t4 - t0 };
</script>`;
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x').pathname;
  const file = url === '/' ? null : url.startsWith('/build/') ? path.join(wasmDir, url.slice(7)) : url.startsWith('/js/') ? path.join(root, 'wasm/js', url.slice(4)) : '';
  try {
    const body = file === null ? page : await readFile(file);
    res.writeHead(200, { 'content-type': file === null ? 'text/html' : types[path.extname(file)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-background-networking'] });
try {
  const rows = [];
  for (let i = 0; i < rounds; i++) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`http://127.0.0.1:${server.address().port}/`);
    rows.push(await p.waitForFunction(() => window.__cold, null, { timeout: 60000 }).then((h) => h.jsonValue()));
    await context.close();
  }
  const median = (k) => [...rows.map((r) => r[k])].sort((a, b) => a - b)[Math.floor(rows.length / 2)].toFixed(1);
  console.log(`Chromium cold start, median of ${rounds} fresh contexts (ms): fetch ${median('fetch')}, compile+instantiate+ICU ${median('instantiate')}, ` +
    `default bundle with model ${median('bundle')}, first check ${median('check')}, total to first result ${median('total')}`);
} finally {
  await browser.close();
  server.close();
}
