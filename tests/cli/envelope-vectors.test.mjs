// `replyguard verify` on the shared signed-envelope vectors (tests/vectors/envelopes.json): the
// same file drives the extension's verify.js in tests/node/distribution-vectors.test.mjs, so both
// verifiers give each envelope the same verdict. Binary: env RG_CLI, default build/native/replyguard.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = process.env.RG_CLI ?? path.resolve(here, '../../build/native/replyguard');
const { cases } = JSON.parse(readFileSync(path.resolve(here, '../vectors/envelopes.json'), 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'rg-vectors-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Exit codes of `replyguard verify` (wasm/cli/exit_codes.h) by verdict.
const EXIT = { ok: 0, invalid: 3, bad_signature: 4, unknown_key: 5, expired: 6, not_yet_valid: 7, rollback: 8 };

function verdict(c, i) {
  const pub = path.join(dir, `${i}.pub`);
  const env = path.join(dir, `${i}.signed.json`);
  writeFileSync(pub, JSON.stringify(c.trusted));
  writeFileSync(env, Buffer.from(c.envelope_b64, 'base64'));
  const args = ['verify', env, '--pub', pub, '--now', c.now, '--json'];
  if (c.min_version !== undefined) args.push('--min-version', String(c.min_version));
  const r = spawnSync(CLI, args, { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C.UTF-8' } });
  let out = null;
  try { out = JSON.parse(r.stdout); } catch { /* no JSON: refused before verifying */ }
  if (!out) return r.status === 3 && r.stderr.includes(pub) ? 'key_refused' : `exit ${r.status}: ${r.stderr.trim()}`;
  if (EXIT[out.status] !== r.status) return `${out.status} with exit ${r.status}`;
  return out.status;
}

test(`${cases.length} shared envelope vectors: replyguard verify gives the expected verdict and exit code`, () => {
  assert.ok(cases.length >= 60);
  const wrong = [];
  cases.forEach((c, i) => {
    const got = verdict(c, i);
    if (got !== c.expect) wrong.push(`${c.name}: ${got}, expected ${c.expect}`);
  });
  assert.deepEqual(wrong, []);
});
