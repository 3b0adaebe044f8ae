// Serves the ReplyGuard demo page on 127.0.0.1 and prints how to open it in Chromium with the
// extension loaded. The page is a support thread shaped like the Mastodon web app; the extension's
// TEST build (which also runs on http://127.0.0.1/* and maps /sites/mastodon/ there to its Mastodon
// adapter) is made in dist/chrome-test if missing or older than its sources. Ctrl+C stops it.
//
//   node scripts/demo/serve.mjs [--port N] [--no-build] [--rebuild]
//   RG_DEMO_PORT=N (default 8765; 0 = any free port)
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const PAGE = path.join(here, 'page');
const args = process.argv.slice(2);
const opt = (f, d) => (args.includes(f) ? args[args.indexOf(f) + 1] : d);
const port = Number(opt('--port', process.env.RG_DEMO_PORT ?? 8765));
const TEST_OUT = path.join(ROOT, 'dist/chrome-test');
const EXT = path.join(TEST_OUT, 'chrome');
const DEMO_PATH = '/sites/mastodon/';

// ---- the test build of the extension ---------------------------------------------------------------
function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(p)) if (e !== 'store') m = Math.max(m, newest(path.join(p, e)));
  return m;
}

function testBuildProblem() {
  const mf = path.join(EXT, 'manifest.json');
  if (!existsSync(mf)) return 'missing';
  const m = JSON.parse(readFileSync(mf, 'utf8'));
  if (!(m.host_permissions || []).includes('http://127.0.0.1/*')) return 'not a test build';
  const wasm = path.join(EXT, 'core/replyguard_core.wasm');
  if (!existsSync(wasm) || statSync(wasm).size < 1024) return 'built with a stand-in core';
  const sources = Math.max(newest(path.join(ROOT, 'extension')), newest(path.join(ROOT, 'policies/default')),
    newest(path.join(ROOT, 'build/wasm/replyguard_core.wasm')), newest(path.join(ROOT, 'package.json')));
  if (sources > statSync(mf).mtimeMs) return 'older than its sources';
  return '';
}

let extReady = false;
if (args.includes('--no-build')) {
  extReady = existsSync(path.join(EXT, 'manifest.json'));
} else {
  const problem = args.includes('--rebuild') ? 'rebuild requested' : testBuildProblem();
  if (problem) {
    console.log(`Test build of the extension (${problem}): node extension/build.mjs --test --out dist/chrome-test`);
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'extension/build.mjs'), '--test', '--out', TEST_OUT], { stdio: ['ignore', 'ignore', 'inherit'] });
      extReady = true;
    } catch {
      console.error('The extension could not be built (run scripts/build-wasm.sh first?). Serving the page anyway.');
    }
  } else {
    extReady = true;
  }
}

// ---- the server ------------------------------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8' };
const ROUTES = {
  [DEMO_PATH]: { file: path.join(PAGE, 'index.html') },
  '/assets/demo.css': { file: path.join(PAGE, 'demo.css') },
  '/assets/demo.js': { file: path.join(PAGE, 'demo.js') },
  // The example company policy with an on-call team, to import in ReplyGuard's settings.
  '/policies/telecom.json': { file: path.join(ROOT, 'policies/examples/telecom.json'), download: 'telecom.json' },
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { allow: 'GET, HEAD' }).end(); return; }
  if (url.pathname === '/' || url.pathname === '/sites/mastodon') {
    res.writeHead(302, { location: `${DEMO_PATH}${url.search}` }).end();
    return;
  }
  const route = ROUTES[url.pathname];
  if (!route) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
  try {
    const body = await readFile(route.file);
    const headers = { 'content-type': TYPES[path.extname(route.file)] || 'application/octet-stream', 'cache-control': 'no-store' };
    if (route.download) headers['content-disposition'] = `attachment; filename="${route.download}"`;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e.message));
  }
});

server.on('error', (e) => {
  if (e.code === 'EADDRINUSE') console.error(`Port ${port} is in use: set RG_DEMO_PORT to another port (e.g. RG_DEMO_PORT=8766).`);
  else console.error(e.message);
  process.exit(1);
});

server.listen(port, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const url = `${base}${DEMO_PATH}`;
  const q = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  // A separate profile: the test build never mixes with your own. As root Chromium needs --no-sandbox.
  const chromium = (lang) => [
    ...(lang === 'de' ? ['LANGUAGE=de'] : []), 'chromium', `--user-data-dir=${q(path.join(os.tmpdir(), `replyguard-demo-${lang}`))}`, '--no-first-run',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    // Google Chrome 137+ ignores --load-extension unless this feature is off; Chromium accepts both.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    `--disable-extensions-except=${q(EXT)}`, `--load-extension=${q(EXT)}`, ...(lang === 'de' ? ['--lang=de'] : []), q(`${url}?lang=${lang}`),
  ].join(' ');
  console.log(`\nReplyGuard demo: ${url}`);
  console.log(extReady
    ? `\nOpen it in Chromium with the extension (test build in ${path.relative(process.cwd(), EXT) || EXT}, which also runs on http://127.0.0.1/*):\n\n  ${chromium('en')}\n\nIn German (page, and ReplyGuard's messages through the browser language):\n\n  ${chromium('de')}\n`
    : '\nThe extension test build is missing: run `node extension/build.mjs --test --out dist/chrome-test`.\n');
  console.log('Other posts: ?post=outage|breach|question. The example company policy with an on-call team:');
  console.log(`${base}/policies/telecom.json (import it in ReplyGuard's settings to see who would be called).`);
  console.log('\nCtrl+C stops the server.');
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.log('\ndemo server stopped');
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  });
}
