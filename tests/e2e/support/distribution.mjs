// Signed-bundle fixtures shared by the Chromium and Firefox distribution tests: a bundle only
// these tests have (a rule for "zebracorn"), keys and signatures (the admin CLI, else node:crypto),
// a tampered envelope, an https server on 127.0.0.1 with a throw-away certificate, the popup as
// the tests read it.
import { createServer } from 'node:https';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, until } from './harness.mjs';
import { makeKey, envelope } from '../../node/distribution-helpers.mjs';

export const CLI = path.join(ROOT, 'build/native/replyguard');

/** A bundle only this test has: the e2e bundle plus a rule for "zebracorn". */
export async function distBundle(version) {
  const b = JSON.parse(await readFile(path.join(ROOT, 'tests/e2e/fixtures/policy/e2e-bundle.json'), 'utf8'));
  b.id = 'com.example.dist';
  b.version = version;
  b.name = { en: `Distributed policy v${version}`, de: `Verteilte Richtlinie v${version}` };
  b.rules.push({ id: 'dist.only', kind: 'terms', category: 'legal', severity: 'block',
    message: { en: 'Only in the distributed bundle', de: 'Nur in der verteilten Richtlinie' },
    terms: ['zebracorn'], examples: { flag: [{ text: 'a zebracorn here', span: [2, 11] }], pass: ['a zebra'] } });
  return JSON.stringify(b, null, 1) + '\n';
}

/** Keys and signed bundles: the CLI when built, else node:crypto (same envelope format). */
export async function signer(dir) {
  if (existsSync(CLI) && process.env.RG_DIST_SIGNER !== 'node') {
    execFileSync(CLI, ['keygen', '--out', path.join(dir, 'company')], { stdio: 'ignore' });
    const pub = JSON.parse(await readFile(path.join(dir, 'company.pub'), 'utf8'));
    return { via: 'cli', pub, async sign(text, name) {
      const src = path.join(dir, `${name}.json`), out = path.join(dir, `${name}.signed.json`);
      await writeFile(src, text);
      execFileSync(CLI, ['sign', src, '--key', path.join(dir, 'company.key'), '--expires', '30', '--out', out], { stdio: 'ignore' });
      return readFile(out, 'utf8');
    } };
  }
  const key = makeKey();
  const now = Date.now();
  return { via: 'node', pub: { ...key.entry, algorithm: 'Ed25519' },
    async sign(text) { return envelope(key, text, { issued: now - 60_000, expires: now + 30 * 86400_000 }); } };
}

/** The signed bytes with one word of the bundle changed (header and signature untouched). */
export function tamper(envText) {
  const env = JSON.parse(envText);
  const bundle = Buffer.from(env.bundle, 'base64').toString('utf8').replace('zebracorn', 'zebracorm');
  return JSON.stringify({ ...env, bundle: Buffer.from(bundle).toString('base64') });
}

/** https on 127.0.0.1 with a throw-away self-signed certificate; CORS as the admin docs say. */
export async function startHttps(dir) {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', path.join(dir, 'tls.key'), '-out', path.join(dir, 'tls.crt'), '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const state = { body: '', requests: [] };
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'If-None-Match, If-Modified-Since',
    'access-control-expose-headers': 'ETag', 'access-control-allow-methods': 'GET' };
  const server = createServer({ key: await readFile(path.join(dir, 'tls.key')), cert: await readFile(path.join(dir, 'tls.crt')) }, (req, res) => {
    state.requests.push({ method: req.method, url: req.url, ifNoneMatch: req.headers['if-none-match'] || null });
    if (req.method === 'OPTIONS') { res.writeHead(204, cors).end(); return; }
    if (req.url !== '/replyguard.signed.json') { res.writeHead(404, cors).end(); return; }
    const etag = `"${createHash('sha256').update(state.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, { ...cors, etag }).end(); return; }
    res.writeHead(200, { ...cors, etag, 'content-type': 'application/json' }).end(state.body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { state, url: `https://127.0.0.1:${server.address().port}/replyguard.signed.json`, close: () => new Promise((r) => server.close(r)) };
}

/** Resolves once an extension page (popup, options) has filled in every part (aria-busy gone). */
export const rendered = (page) => until(() => page.evaluate(() => !document.querySelector('main[aria-busy]')), { message: 'page rendered (aria-busy gone)' });

/** The popup (opened as a page, pointed at a tab) as the test reads it, once fully rendered. */
export async function readPopup(popup) {
  await rendered(popup);
  return popup.evaluate(() => ({
    core: document.getElementById('core').textContent,
    policy: document.getElementById('policy').textContent,
    id: document.getElementById('policy').dataset.id,
    version: document.getElementById('policy').dataset.version,
    origin: document.getElementById('policy-origin').dataset.origin,
    originText: document.getElementById('policy-origin').textContent,
    age: document.getElementById('policy-age').textContent,
    warnings: [...document.querySelectorAll('#policy-warnings li')].map((li) => ({ code: li.dataset.code, kind: li.dataset.kind || '', text: li.textContent })),
    pauseDisabled: document.getElementById('pause').disabled,
    locks: document.getElementById('locks').textContent,
  }));
}

