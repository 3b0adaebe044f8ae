// Local HTTPS receivers on 127.0.0.1 (a self-signed certificate made with openssl for the run)
// standing in for an OpenTelemetry Collector, a JSON-lines webhook, Slack, Teams, PagerDuty and
// a generic webhook. Every request is checked against its contract (contracts.mjs); a request
// that breaks it gets 400 and is recorded in `invalid`. The receiver can be told to fail (500),
// hang (never answer), rate-limit (429 with Retry-After), refuse the body as too large (413),
// go down (port closed) and come back on the same port.
//   paths: /v1/logs (OTLP JSON)  /audit.jsonl  /slack  /teams  /pagerduty/v2/enqueue  /webhook
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { validateOtlpLogs, otlpRecords, validateJsonl, validateSlack, validateTeams, validatePagerDuty, validateWebhook } from './contracts.mjs';

/** A self-signed certificate for 127.0.0.1: {key, cert, spki} (spki: base64 SHA-256 of the public key, for Chromium's --ignore-certificate-errors-spki-list). */
export function selfSignedCert() {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-cert-'));
  try {
    const key = path.join(dir, 'key.pem'), cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert,
      '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const pub = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-pubkey']);
    const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: pub });
    return { key: readFileSync(key), cert: readFileSync(cert), spki: createHash('sha256').update(der).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CONTRACTS = {
  '/v1/logs': { type: /^application\/json\b/, check: (text) => {
    const body = JSON.parse(text);
    const errs = validateOtlpLogs(body);
    return { errs, ids: errs.length ? [] : otlpRecords(body).map((r) => r.attributes['log.record.uid']), body };
  } },
  '/audit.jsonl': { type: /^application\/x-ndjson\b/, check: (text) => { const { errs, rows } = validateJsonl(text); return { errs, ids: rows.map((r) => r.id), body: rows }; } },
  '/slack': { type: /^application\/json\b/, check: (text) => { const body = JSON.parse(text); return { errs: validateSlack(body), ids: [], body }; } },
  '/teams': { type: /^application\/json\b/, check: (text) => { const body = JSON.parse(text); return { errs: validateTeams(body), ids: [], body }; } },
  '/pagerduty/v2/enqueue': { type: /^application\/json\b/, check: (text) => { const body = JSON.parse(text); return { errs: validatePagerDuty(body), ids: body?.dedup_key ? [body.dedup_key] : [], body }; } },
  '/webhook': { type: /^application\/json\b/, check: (text) => { const body = JSON.parse(text); return { errs: validateWebhook(body), ids: body?.id ? [body.id] : [], body }; } },
};

// What each service answers on success.
const OK = {
  '/v1/logs': [200, 'application/json', '{}'],
  '/audit.jsonl': [204, 'text/plain', ''],
  '/slack': [200, 'text/plain', 'ok'],
  '/teams': [202, 'text/plain', ''],
  '/pagerduty/v2/enqueue': [202, 'application/json', null],
  '/webhook': [200, 'application/json', '{"ok":true}'],
};

export async function startReceiver({ cert = selfSignedCert(), port = 0 } = {}) {
  const r = {
    cert, port: 0, mode: 'ok', retryAfter: '2', maxRecords: Infinity,
    requests: [],     // {path, status, at}
    accepted: [],     // {path, body, ids, headers}
    invalid: [],      // {path, errs}
    ids: new Map(),   // accepted id -> times accepted
    hanging: [],
    onRequest: null,  // optional hook (path, text) -> void
  };
  const handler = (req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { text += c; });
    req.on('end', () => {
      const url = new URL(req.url, 'https://127.0.0.1');
      const c = CONTRACTS[url.pathname];
      const reply = (status, type = 'text/plain', body = '', headers = {}) => {
        r.requests.push({ path: url.pathname, status, at: Date.now() });
        res.writeHead(status, { 'content-type': type, ...headers });
        res.end(body);
      };
      r.onRequest?.(url.pathname, text);
      if (req.method !== 'POST' || !c) return reply(404);
      if (r.mode === 'hang') { r.hanging.push(res); r.requests.push({ path: url.pathname, status: 0, at: Date.now() }); return; }
      if (r.mode === 'fail') return reply(500, 'text/plain', 'receiver failing on purpose');
      if (r.mode === 'ratelimit') return reply(429, 'text/plain', 'slow down', { 'retry-after': r.retryAfter });
      if (!c.type.test(req.headers['content-type'] || '')) { r.invalid.push({ path: url.pathname, errs: [`content-type ${req.headers['content-type']}`] }); return reply(415); }
      let out;
      try { out = c.check(text); } catch (e) { out = { errs: [`body is not JSON: ${e.message}`], ids: [] }; }
      if (out.errs.length) { r.invalid.push({ path: url.pathname, errs: out.errs }); return reply(400, 'application/json', JSON.stringify({ errors: out.errs })); }
      if (out.ids.length > r.maxRecords) return reply(413, 'text/plain', 'too many records');
      r.accepted.push({ path: url.pathname, body: out.body, ids: out.ids, headers: req.headers });
      for (const id of out.ids) r.ids.set(id, (r.ids.get(id) || 0) + 1);
      const [status, type, body] = OK[url.pathname];
      return reply(status, type, body ?? JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: out.body.dedup_key }));
    });
  };
  let server = null;
  const sockets = new Set();
  r.start = () => new Promise((resolve, reject) => {
    server = https.createServer({ key: cert.key, cert: cert.cert }, handler);
    server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
    server.once('error', reject);
    server.listen(r.port || port, '127.0.0.1', () => { r.port = server.address().port; r.url = `https://127.0.0.1:${r.port}`; resolve(r); });
  });
  /** Port closed: connections are refused until start() again (same port). */
  r.stop = () => new Promise((resolve) => {
    if (!server) return resolve();
    for (const h of r.hanging.splice(0)) h.destroy();
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
    server = null;
  });
  r.releaseHanging = () => { for (const h of r.hanging.splice(0)) h.destroy(); };
  r.duplicates = () => [...r.ids].filter(([, n]) => n > 1).map(([id]) => id);
  await r.start();
  return r;
}
