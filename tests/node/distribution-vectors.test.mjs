// The extension's verifier (extension/src/distribution/verify.js) on the shared signed-envelope
// vectors (tests/vectors/envelopes.json): the same file drives `replyguard verify` in
// tests/cli/envelope-vectors.test.mjs, so both give each envelope the same verdict. Also the
// BigInt fallback verifier (browsers without WebCrypto Ed25519) on the same cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

import { importTrustedKeys, verifySignedBundle, parseIsoInstant } from '../../extension/src/distribution/verify.js';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../vectors/envelopes.json');
const { cases } = JSON.parse(readFileSync(FILE, 'utf8'));
const noEd25519 = { digest: (a, d) => crypto.subtle.digest(a, d), importKey: async () => { throw new DOMException('no', 'NotSupportedError'); } };

async function verdict(c, subtle) {
  const trusted = await importTrustedKeys(c.trusted, { subtle });
  if (trusted.errors.length) return 'key_refused';
  const bytes = new Uint8Array(Buffer.from(c.envelope_b64, 'base64'));
  const r = await verifySignedBundle(bytes, trusted, { now: parseIsoInstant(c.now), minVersion: c.min_version, subtle });
  return r.status;
}

test(`${cases.length} shared envelope vectors: verify.js gives the expected verdict`, async () => {
  assert.ok(cases.length >= 60);
  const wrong = [];
  for (const c of cases) {
    const got = await verdict(c);
    if (got !== c.expect) wrong.push(`${c.name}: ${got}, expected ${c.expect}`);
  }
  assert.deepEqual(wrong, []);
});

test('the BigInt fallback verifier gives the same verdicts', async () => {
  const wrong = [];
  for (const c of cases) {
    const got = await verdict(c, noEd25519);
    if (got !== c.expect) wrong.push(`${c.name}: ${got}, expected ${c.expect}`);
  }
  assert.deepEqual(wrong, []);
});

test('an envelope given as a string (managed storage) is judged like its bytes', async () => {
  const wrong = [];
  for (const c of cases) {
    const bytes = Buffer.from(c.envelope_b64, 'base64');
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) continue;  // not UTF-8: cannot be a string
    const trusted = await importTrustedKeys(c.trusted);
    if (trusted.errors.length) continue;
    const r = await verifySignedBundle(text, trusted, { now: parseIsoInstant(c.now), minVersion: c.min_version });
    if (r.status !== c.expect) wrong.push(`${c.name}: ${r.status}, expected ${c.expect}`);
  }
  assert.deepEqual(wrong, []);
});
