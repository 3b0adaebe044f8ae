// Distribution modules (extension/src/distribution): signature checks, last-known-good store,
// updater (ETag, backoff, mirrors), source precedence, and a cross-check with the native CLI.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { importTrustedKeys, verifySignedBundle, parseIsoInstant, keyIdOf, Status, base64ToBytes } from '../../extension/src/distribution/verify.js';
import { ed25519VerifyFallback } from '../../extension/src/distribution/ed25519-fallback.js';
import { createPolicyStore, STORE_KEY } from '../../extension/src/distribution/store.js';
import { createUpdater, backoffDelay, isAllowedBundleUrl, UPDATER_KEY } from '../../extension/src/distribution/updater.js';
import { resolveSettings, resolvePolicy, normalizeManaged, readManagedStorage, Origin } from '../../extension/src/distribution/sources.js';
import { auditDeliveryConfig, DELIVERY_MANAGED_KEYS } from '../../extension/src/background/delivery/config.js';
import { createDistribution } from '../../extension/src/distribution/distribution.js';
import { makeKey, bundleText, envelope, memoryStorage, clockAt, fakeFetch, DAY, T0 } from './distribution-helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT = bundleText({ id: 'replyguard.default', version: 1 });
const keyA = makeKey();
const keyB = makeKey();
const trustA = await importTrustedKeys([keyA.entry]);
const trustAB = await importTrustedKeys([keyA.entry, keyB.entry]);

function flipByte(envText, field, index) {
  const env = JSON.parse(envText);
  if (field === 'header') {
    env.header = env.header.slice(0, index) + String.fromCharCode(env.header.charCodeAt(index) ^ 1) + env.header.slice(index + 1);
  } else {
    const bytes = Buffer.from(env[field], 'base64');
    bytes[index] ^= 1;
    env[field] = bytes.toString('base64');
  }
  return JSON.stringify(env);
}

describe('verify.js', () => {
  test('a good signature verifies and yields the exact bundle bytes', async () => {
    const b = bundleText({ extra: ' — Grüße' });
    const r = await verifySignedBundle(envelope(keyA, b), trustA, { now: T0 + DAY });
    assert.equal(r.status, Status.OK);
    assert.equal(r.bundleText, b);
    assert.equal(r.header.version, 1);
    assert.equal(r.keyId, keyA.keyId);
  });

  test('a bundle of several MiB verifies (the base64 check is linear, no regex backtracking)', async () => {
    const b = bundleText({ extra: 'x'.repeat(6 * 1024 * 1024) });
    const r = await verifySignedBundle(envelope(keyA, b), trustA, { now: T0 + DAY });
    assert.equal(r.status, Status.OK);
    assert.equal(r.bundleText.length, b.length);
  });

  test('a flipped byte in the bundle is a bad signature', async () => {
    const r = await verifySignedBundle(flipByte(envelope(keyA, bundleText()), 'bundle', 40), trustA, { now: T0 });
    assert.equal(r.status, Status.BAD_SIGNATURE);
  });

  test('a flipped byte in the header (version 1 → 0) is a bad signature', async () => {
    const env = envelope(keyA, bundleText());
    const at = JSON.parse(env).header.indexOf('"version":1') + '"version":'.length;
    const r = await verifySignedBundle(flipByte(env, 'header', at), trustA, { now: T0 });
    assert.equal(r.status, Status.BAD_SIGNATURE);
  });

  test('a flipped signature byte is a bad signature', async () => {
    const r = await verifySignedBundle(flipByte(envelope(keyA, bundleText()), 'signature', 10), trustA, { now: T0 });
    assert.equal(r.status, Status.BAD_SIGNATURE);
  });

  test('signed by another key but claiming a trusted key id: bad signature', async () => {
    const forged = envelope(keyB, bundleText(), { keyId: keyA.keyId, header: { key_id: keyA.keyId } });
    assert.equal((await verifySignedBundle(forged, trustA, { now: T0 })).status, Status.BAD_SIGNATURE);
  });

  test('a key that is not trusted is reported as unknown', async () => {
    const r = await verifySignedBundle(envelope(keyB, bundleText()), trustA, { now: T0 });
    assert.equal(r.status, Status.UNKNOWN_KEY);
    assert.match(r.message, new RegExp(keyB.keyId));
  });

  test('expired, not yet valid (beyond 5 min skew), and within the skew', async () => {
    const env = envelope(keyA, bundleText(), { issued: T0, expires: T0 + DAY });
    assert.equal((await verifySignedBundle(env, trustA, { now: T0 + DAY })).status, Status.EXPIRED);
    assert.equal((await verifySignedBundle(env, trustA, { now: T0 + DAY - 1 })).status, Status.OK);
    assert.equal((await verifySignedBundle(env, trustA, { now: T0 - 6 * 60000 })).status, Status.NOT_YET_VALID);
    assert.equal((await verifySignedBundle(env, trustA, { now: T0 - 4 * 60000 })).status, Status.OK);
  });

  test('a version below the minimum is a rollback; equal is fine', async () => {
    const env = envelope(keyA, bundleText({ version: 3 }));
    assert.equal((await verifySignedBundle(env, trustA, { now: T0, minVersion: 4 })).status, Status.ROLLBACK);
    assert.equal((await verifySignedBundle(env, trustA, { now: T0, minVersion: 3 })).status, Status.OK);
  });

  test('header id/version must match the bundle', async () => {
    const env = envelope(keyA, bundleText({ version: 2 }), { header: { version: 3 } });
    assert.equal((await verifySignedBundle(env, trustA, { now: T0 })).status, Status.INVALID);
  });

  test('malformed envelopes are invalid, never a crash', async () => {
    const good = JSON.parse(envelope(keyA, bundleText()));
    for (const text of ['', 'null', '[]', '{"format":"other"}', JSON.stringify({ ...good, bundle: 'not base64!' }),
                        JSON.stringify({ ...good, signature: 'AAAA' }), JSON.stringify({ ...good, header: 5 })])
      assert.equal((await verifySignedBundle(text, trustA, { now: T0 })).status, Status.INVALID, text.slice(0, 40));
  });

  test('a trusted key whose key_id does not match is refused', async () => {
    const r = await importTrustedKeys([{ key_id: keyB.keyId, key: keyA.entry.key }, { key: 'short' }, keyB.entry]);
    assert.equal(r.errors.length, 2);
    assert.deepEqual([...r.keys.keys()], [keyB.keyId]);
    assert.equal(await keyIdOf(keyA.raw), keyA.keyId);
  });

  test('the BigInt fallback verifier agrees with WebCrypto (used where Ed25519 is missing)', async () => {
    const noEd25519 = { digest: (a, d) => crypto.subtle.digest(a, d), importKey: async () => { throw new DOMException('no', 'NotSupportedError'); } };
    const trusted = await importTrustedKeys([keyA.entry], { subtle: noEd25519 });
    assert.equal(trusted.keys.get(keyA.keyId).cryptoKey, null);
    const env = envelope(keyA, bundleText());
    assert.equal((await verifySignedBundle(env, trusted, { now: T0, subtle: noEd25519 })).status, Status.OK);
    assert.equal((await verifySignedBundle(flipByte(env, 'bundle', 7), trusted, { now: T0, subtle: noEd25519 })).status, Status.BAD_SIGNATURE);
    const e = JSON.parse(env);
    const sig = base64ToBytes(e.signature);
    const msg = new TextEncoder().encode(e.header + '\n' + bundleText());
    assert.equal(await ed25519VerifyFallback(keyA.raw, sig, msg), true);
    assert.equal(await ed25519VerifyFallback(keyB.raw, sig, msg), false);
  });

  test('ISO instants: offsets, fractions; no offset or impossible dates are refused', () => {
    assert.equal(parseIsoInstant('2026-03-01T09:00:00Z'), Date.parse('2026-03-01T09:00:00Z'));
    assert.equal(parseIsoInstant('2026-03-01T10:30+01:30'), Date.parse('2026-03-01T09:00:00Z'));
    assert.equal(parseIsoInstant('2026-03-01T09:00:00.25Z'), Date.parse('2026-03-01T09:00:00.250Z'));
    for (const bad of ['2026-03-01T09:00:00', '2026-02-29T00:00Z', '2026-13-01T00:00Z', 'yesterday', ''])
      assert.equal(parseIsoInstant(bad), null, bad);
  });
});

describe('store.js', () => {
  const mk = (opts = {}) => {
    const storage = opts.storage ?? memoryStorage();
    const clock = opts.clock ?? clockAt(T0);
    return { storage, clock, store: createPolicyStore({ storage, clock, defaultBundle: DEFAULT, validate: opts.validate }) };
  };

  test('with nothing stored the built-in default is in force', async () => {
    const { store } = mk();
    const eff = await store.effective({ trusted: trustA });
    assert.equal(eff.origin, 'default');
    assert.equal(eff.bundleText, DEFAULT);
  });

  test('keeps the highest version; an older one is a rollback and changes nothing', async () => {
    const { store } = mk();
    const v1 = envelope(keyA, bundleText({ version: 1 }));
    const v2 = envelope(keyA, bundleText({ version: 2 }));
    assert.equal((await store.offer(v1, { trusted: trustA })).status, 'ok');
    assert.equal((await store.offer(v2, { trusted: trustA })).status, 'ok');
    const back = await store.offer(v1, { trusted: trustA });
    assert.equal(back.accepted, false);
    assert.equal(back.status, Status.ROLLBACK);
    assert.equal((await store.effective({ trusted: trustA })).version, 2);
    assert.deepEqual(await store.highestVersions(), { 'com.example.support': 2 });
    assert.equal((await store.offer(v2, { trusted: trustA })).status, 'unchanged');
  });

  test('a rejected update (tampered, wrong key, broken bundle) keeps the last good one', async () => {
    let core = { ok: true };
    // The core judges only the candidate v4; what it accepted before stays acceptable.
    const { store } = mk({ validate: async (text) => (JSON.parse(text).version === 4 ? core : { ok: true }) });
    await store.offer(envelope(keyA, bundleText({ version: 1 })), { trusted: trustA });
    assert.equal((await store.offer(flipByte(envelope(keyA, bundleText({ version: 2 })), 'bundle', 3), { trusted: trustA })).status, Status.BAD_SIGNATURE);
    assert.equal((await store.offer(envelope(keyB, bundleText({ version: 3 })), { trusted: trustA })).status, Status.UNKNOWN_KEY);
    core = { ok: false, errors: [{ pointer: '/rules/0/kind', message: 'unknown kind' }] };
    const broken = await store.offer(envelope(keyA, bundleText({ version: 4 })), { trusted: trustA });
    assert.equal(broken.status, 'invalid_bundle');
    assert.match(broken.message, /\/rules\/0\/kind/);
    const eff = await store.effective({ trusted: trustA });
    assert.equal(eff.version, 1);
    // The broken v4 did not raise the bar: a fixed v4 is still accepted.
    core = { ok: true };
    assert.equal((await store.offer(envelope(keyA, bundleText({ version: 4, extra: 'fixed' })), { trusted: trustA })).status, 'ok');
  });

  test('expiry freezes the last good bundle and reports it; an expired download is refused', async () => {
    const { store, clock } = mk();
    await store.offer(envelope(keyA, bundleText({ version: 5 }), { expires: T0 + 2 * DAY }), { trusted: trustA });
    clock.t = T0 + 3 * DAY;
    const eff = await store.effective({ trusted: trustA });
    assert.equal(eff.origin, 'signed');
    assert.equal(eff.version, 5);
    assert.equal(eff.frozen, true);
    assert.equal(eff.warnings[0].code, Status.EXPIRED);
    const stale = await store.offer(envelope(keyA, bundleText({ version: 6 }), { expires: T0 + 2 * DAY }), { trusted: trustA });
    assert.equal(stale.status, Status.EXPIRED);
    assert.equal((await store.effective({ trusted: trustA })).version, 5);
  });

  test('a re-signed same version (renewed expiry) is taken; same version, other content is refused', async () => {
    const { store, clock } = mk();
    const b = bundleText({ version: 2 });
    await store.offer(envelope(keyA, b, { expires: T0 + DAY }), { trusted: trustA });
    clock.t = T0 + 2 * DAY;
    const renewed = await store.offer(envelope(keyA, b, { issued: T0 + 2 * DAY, expires: T0 + 40 * DAY }), { trusted: trustA });
    assert.equal(renewed.status, 'ok');
    assert.equal((await store.effective({ trusted: trustA })).frozen, false);
    const other = await store.offer(envelope(keyA, bundleText({ version: 2, extra: 'x' }), { issued: T0 + 2 * DAY }), { trusted: trustA });
    assert.equal(other.accepted, false);
  });

  test('survives a restart; a tampered stored copy is dropped, never used', async () => {
    const { store, storage } = mk();
    await store.offer(envelope(keyA, bundleText({ version: 3 })), { trusted: trustA });
    const again = createPolicyStore({ storage, clock: clockAt(T0), defaultBundle: DEFAULT });
    assert.equal((await again.effective({ trusted: trustA })).version, 3);
    const saved = storage.map.get(STORE_KEY);
    saved.entries[keyA.keyId].envelope = flipByte(saved.entries[keyA.keyId].envelope, 'bundle', 5);
    const third = createPolicyStore({ storage, clock: clockAt(T0), defaultBundle: DEFAULT });
    const eff = await third.effective({ trusted: trustA });
    assert.equal(eff.origin, 'default');
    assert.equal(eff.warnings[0].code, 'stored_bundle_invalid');
  });

  test('another bundle id never replaces the one in force, even signed by a trusted key', async () => {
    const { store, clock } = mk();
    await store.offer(envelope(keyA, bundleText({ version: 7 })), { trusted: trustAB });
    clock.t = T0 + DAY;
    const other = await store.offer(envelope(keyB, bundleText({ id: 'com.example.test', version: 99 }), { issued: T0 + DAY }), { trusted: trustAB });
    assert.deepEqual([other.accepted, other.status], [false, 'wrong_bundle']);
    const eff = await store.effective({ trusted: trustAB });
    assert.deepEqual([eff.bundleId, eff.version], ['com.example.support', 7]);
    // The admin's pin decides where it is set: then only that id is accepted and in force.
    const pinned = await store.offer(envelope(keyA, bundleText({ id: 'com.example.test', version: 1 }), { issued: T0 + DAY }), { trusted: trustAB, pin: 'com.example.test' });
    assert.equal(pinned.status, 'ok');
    assert.equal((await store.effective({ trusted: trustAB, pin: 'com.example.test' })).bundleId, 'com.example.test');
  });

  test('rollback counts across keys: a lower version signed later by another trusted key is refused, the highest is in force', async () => {
    const { store, clock } = mk({ clock: clockAt(T0 + DAY) });
    assert.equal((await store.offer(envelope(keyB, bundleText({ version: 6 }), { issued: T0 + DAY }), { trusted: trustAB })).status, 'ok');
    assert.equal((await store.offer(envelope(keyA, bundleText({ version: 7 }), { issued: T0 }), { trusted: trustAB })).status, 'ok');
    clock.t = T0 + 2 * DAY;
    assert.equal((await store.effective({ trusted: trustAB })).version, 7, 'the highest version, not the latest issued');
    const lower = await store.offer(envelope(keyB, bundleText({ version: 5 }), { issued: T0 + 2 * DAY }), { trusted: trustAB });
    assert.equal(lower.status, Status.ROLLBACK);
    assert.equal((await store.effective({ trusted: trustAB })).version, 7);
    // Revocation: without key A its bundle stops counting; B's own last good one is in force.
    assert.deepEqual([(await store.effective({ trusted: await importTrustedKeys([keyB.entry]) })).version], [6]);
    assert.equal((await store.effective({ trusted: await importTrustedKeys([]) })).origin, 'default');
  });

  test('a stored bundle the core now rejects is not in force, and says so', async () => {
    let reject = false;
    const { store } = mk({ validate: async () => (reject ? { ok: false, errors: [{ pointer: '/rules/0', message: 'unknown kind' }] } : { ok: true }) });
    await store.offer(envelope(keyA, bundleText({ version: 3 })), { trusted: trustA });
    reject = true;
    const eff = await store.effective({ trusted: trustA });
    assert.equal(eff.origin, 'default');
    assert.equal(eff.warnings[0].code, 'stored_bundle_rejected');
    assert.match(eff.warnings[0].message, /unknown kind/);
  });

  test('storage that cannot be written (quota) keeps the accepted bundle in memory and reports it', async () => {
    const storage = memoryStorage();
    storage.set = async () => { throw new Error('QUOTA_BYTES quota exceeded'); };
    const { store } = mk({ storage });
    const r = await store.offer(envelope(keyA, bundleText({ version: 2 })), { trusted: trustA });
    assert.equal(r.accepted, true);
    const eff = await store.effective({ trusted: trustA });
    assert.equal(eff.version, 2);
    assert.equal(eff.warnings[0].code, 'storage_error');
  });
});

describe('updater.js', () => {
  const URL1 = 'https://policy.example.com/replyguard.signed.json';
  const URL2 = 'https://mirror.example.net/replyguard.signed.json';
  const setup = (routes, options) => {
    const storage = memoryStorage();
    const clock = clockAt(T0);
    const store = createPolicyStore({ storage, clock, defaultBundle: DEFAULT });
    const fetch = fakeFetch(routes);
    const updater = createUpdater({ fetch, store, storage, clock, random: () => 0.5, options });
    return { storage, clock, store, fetch, updater };
  };

  test('downloads, then revalidates with If-None-Match / If-Modified-Since (304)', async () => {
    const env = envelope(keyA, bundleText({ version: 2 }));
    const { fetch, updater, store, clock } = setup({ [URL1]: [
      { body: env, headers: { ETag: '"v2"', 'Last-Modified': 'Mon, 01 Jun 2026 10:00:00 GMT' } }, { status: 304 }] });
    const first = await updater.tick({ urls: [URL1], trusted: trustA, intervalMinutes: 30 });
    assert.equal(first.status, 'updated');
    assert.equal(first.nextAttemptAt, T0 + 30 * 60000);
    assert.equal((await store.effective({ trusted: trustA })).version, 2);
    assert.equal((await updater.tick({ urls: [URL1], trusted: trustA })).status, 'not_due');
    clock.t = first.nextAttemptAt;
    const second = await updater.tick({ urls: [URL1], trusted: trustA, intervalMinutes: 30 });
    assert.equal(second.status, 'not_modified');
    assert.deepEqual(fetch.calls[1].headers, { 'If-None-Match': '"v2"', 'If-Modified-Since': 'Mon, 01 Jun 2026 10:00:00 GMT' });
    assert.deepEqual(fetch.calls[0].headers, {});
  });

  test('failures back off exponentially (capped by the interval), success resets', async () => {
    const env = envelope(keyA, bundleText());
    let up = false;
    const { updater, clock } = setup({ [URL1]: () => (up ? { body: env } : { status: 503 }) },
                                     { backoffBaseMs: 60000 });
    const delays = [];
    for (let i = 0; i < 8; i++) {
      const r = await updater.tick({ urls: [URL1], trusted: trustA, intervalMinutes: 30 });
      assert.equal(r.status, 'failed');
      delays.push(r.nextAttemptAt - clock.t);
      clock.t = r.nextAttemptAt;
    }
    assert.deepEqual(delays.map((d) => d / 60000), [1, 2, 4, 8, 16, 30, 30, 30]);
    up = true;
    const ok = await updater.tick({ urls: [URL1], trusted: trustA, intervalMinutes: 30 });
    assert.equal(ok.status, 'updated');
    assert.equal(ok.failures, 0);
    assert.equal(backoffDelay(1, { backoffBaseMs: 1000, backoffMaxMs: 1e9 }, () => 0), 800);
    assert.equal(backoffDelay(1, { backoffBaseMs: 1000, backoffMaxMs: 1e9 }, () => 1), 1200);
  });

  test('mirrors are tried in turn: a down primary and a stale (rollback) mirror are skipped', async () => {
    const URL3 = 'https://third.example.org/b.json';
    const { updater, store, fetch } = setup({
      [URL1]: new TypeError('network down'),
      [URL2]: { body: envelope(keyA, bundleText({ version: 1 })) },
      [URL3]: { body: envelope(keyA, bundleText({ version: 3 })) },
    });
    await store.offer(envelope(keyA, bundleText({ version: 2 })), { trusted: trustA });
    const r = await updater.tick({ urls: [URL1, URL2, URL3], trusted: trustA });
    assert.deepEqual(r.attempts.map((a) => a.outcome), ['network_error', 'rejected', 'updated']);
    assert.equal(r.attempts[1].status, Status.ROLLBACK);
    assert.equal((await store.effective({ trusted: trustA })).version, 3);
    assert.deepEqual(fetch.calls.map((c) => c.url), [URL1, URL2, URL3]);
  });

  test('a server that refuses conditional requests (CORS preflight) still delivers: retried plainly', async () => {
    const env = envelope(keyA, bundleText({ version: 2 }));
    const { updater, fetch, clock } = setup({ [URL1]: (init) => (init.headers['If-None-Match']
      ? new TypeError('Failed to fetch') : { body: env, headers: { ETag: '"v2"' } }) });
    assert.equal((await updater.tick({ urls: [URL1], trusted: trustA })).status, 'updated');
    clock.t += 61 * 60000;
    assert.equal((await updater.tick({ urls: [URL1], trusted: trustA })).status, 'unchanged');
    clock.t += 61 * 60000;
    assert.equal((await updater.tick({ urls: [URL1], trusted: trustA })).status, 'unchanged');
    // first: plain; second: conditional (fails) + plain; third: plain only (remembered)
    assert.deepEqual(fetch.calls.map((c) => Object.keys(c.headers).length > 0), [false, true, false, false]);
  });

  test('only https: and file: URLs are fetched', async () => {
    const { updater, fetch } = setup({});
    const r = await updater.tick({ urls: ['http://insecure.example.com/b.json', 'javascript:alert(1)', 'https://u:p@x.example.com/b'], trusted: trustA });
    assert.equal(r.status, 'failed');
    assert.equal(fetch.calls.length, 0);
    assert.ok(isAllowedBundleUrl('file:///etc/replyguard/bundle.signed.json'));
    assert.ok(isAllowedBundleUrl(URL1));
  });

  test('storage that cannot be written: the round, its attempts and the backoff are still recorded', async () => {
    const { updater, storage } = setup({ [URL1]: [new TypeError('fetch failed')] });
    storage.set = async () => { throw new Error('QUOTA_BYTES quota exceeded'); };
    const r = await updater.tick({ urls: [URL1], trusted: trustA });
    assert.equal(r.status, 'failed');
    assert.match(r.storageError, /quota/i);
    const st = await updater.state();
    assert.equal(st.failures, 1);
    assert.equal(st.lastAttempts[0].outcome, 'network_error');
    assert.equal((await updater.tick({ urls: [URL1], trusted: trustA })).status, 'not_due', 'the backoff holds');
  });

  test('a verification that throws is a refused download with its reason, and backs off like any failure', async () => {
    const { updater, store } = setup({ [URL1]: [{ body: envelope(keyA, bundleText({ version: 2 })) }] });
    store.offer = async () => { throw new RangeError('Maximum call stack size exceeded'); };
    const r = await updater.tick({ urls: [URL1], trusted: trustA });
    assert.equal(r.status, 'failed');
    assert.deepEqual([r.attempts[0].outcome, r.attempts[0].status], ['rejected', 'invalid']);
    assert.match(r.attempts[0].message, /Maximum call stack/);
    assert.equal(r.failures, 1);
  });

  test('state persists in storage', async () => {
    const { updater, storage } = setup({ [URL1]: { status: 500 } });
    await updater.tick({ urls: [URL1], trusted: trustA });
    assert.equal(storage.map.get(UPDATER_KEY).failures, 1);
    assert.equal(storage.map.get(UPDATER_KEY).lastAttempts[0].message, 'HTTP 500');
  });
});

describe('sources.js', () => {
  const managed = (over = {}) => ({ bundle_urls: ['https://policy.example.com/b.json'], public_keys: [keyA.entry], ...over });

  test('managed values validated like the schema; bad ones reported and left out', () => {
    const { settings, errors } = normalizeManaged({ bundle_urls: ['http://x.example.com', 'https://ok.example.com'], update_interval_minutes: 2,
                                                    lock_policy: 'yes', member_id: 'anna', public_keys: 'nope' });
    assert.deepEqual(settings, { bundle_urls: ['https://ok.example.com'], member_id: 'anna' });
    assert.deepEqual(errors.map((e) => e.key).sort(), ['bundle_urls', 'lock_policy', 'public_keys', 'update_interval_minutes']);
  });

  test('each setting says where it came from; managed beats user; locks only from the admin', () => {
    const s = resolveSettings({ managed: { update_interval_minutes: 15, lock_override: true },
                                user: { bundle_url: 'https://team.example.com/b.json', update_interval_minutes: 120, member_id: 'ben', lock_override: false } });
    assert.deepEqual(s.updateIntervalMinutes, { value: 15, origin: 'managed' });
    assert.deepEqual(s.bundleUrls, { value: ['https://team.example.com/b.json'], origin: 'user' });
    assert.deepEqual(s.memberId, { value: 'ben', origin: 'user' });
    assert.deepEqual(s.lockOverride, { value: true, origin: 'managed' });
    assert.deepEqual(s.lockPause, { value: false, origin: 'default' });
    const locked = resolveSettings({ managed: { lock_policy: true }, user: { bundle_url: 'https://team.example.com/b.json' } });
    assert.deepEqual(locked.bundleUrls, { value: [], origin: 'default' });
  });

  test('readManagedStorage treats a rejecting managed area as "not managed"', async () => {
    assert.deepEqual(await readManagedStorage({ get: async () => { throw new Error('Managed storage manifest not found'); } }), {});
    assert.deepEqual(await readManagedStorage({ get: async () => ({ lock_pause: true }) }), { lock_pause: true });
    assert.deepEqual(await readManagedStorage(undefined), {});
  });

  async function policyFor({ managedRaw = {}, user = {}, imported, offer = [], validate, storeValidate }) {
    const settings = resolveSettings({ managed: managedRaw, user });
    const trusted = await importTrustedKeys(settings.publicKeys.value);
    const store = createPolicyStore({ storage: memoryStorage(), clock: clockAt(T0), defaultBundle: DEFAULT, validate: storeValidate ?? validate });
    for (const e of offer) await store.offer(e, { trusted, source: settings.bundleUrls.value[0], pin: settings.bundleId.value });
    return resolvePolicy({ settings, store, trusted, imported, defaultBundle: DEFAULT, now: T0, validate });
  }

  test('precedence: managed inline > managed URL > user URL > imported file > default', async () => {
    const inline = bundleText({ id: 'com.example.inline', version: 9 });
    const fromUrl = envelope(keyA, bundleText({ id: 'com.example.url', version: 4 }));
    const imported = bundleText({ id: 'com.example.mine', version: 1 });
    let p = await policyFor({ managedRaw: managed({ inline_bundle: inline }), offer: [fromUrl], imported });
    assert.equal(p.origin, Origin.MANAGED);
    assert.deepEqual(p.detail, { via: 'inline', signed: false });
    p = await policyFor({ managedRaw: managed(), offer: [fromUrl], imported });
    assert.equal(p.origin, Origin.MANAGED);
    assert.equal(p.detail.via, 'url');
    assert.equal(JSON.parse(p.bundleText).id, 'com.example.url');
    p = await policyFor({ user: { bundle_url: 'https://team.example.com/b.json', public_keys: [keyA.entry] }, offer: [fromUrl], imported });
    assert.equal(p.origin, Origin.URL);
    p = await policyFor({ managedRaw: managed(), imported });  // admin URL configured, nothing downloaded yet
    assert.equal(p.origin, Origin.IMPORTED);
    assert.equal(p.skipped[0].origin, Origin.MANAGED);
    p = await policyFor({});
    assert.equal(p.origin, Origin.DEFAULT);
    assert.equal(p.bundleText, DEFAULT);
  });

  test('lock_policy ignores the user file; a signed inline bundle is verified; core rejects fall through', async () => {
    const imported = bundleText({ id: 'com.example.mine' });
    let p = await policyFor({ managedRaw: managed({ lock_policy: true }), imported });
    assert.equal(p.origin, Origin.DEFAULT);
    assert.match(p.skipped.at(-1).reason, /lock_policy/);
    const signedInline = envelope(keyA, bundleText({ id: 'com.example.inline', version: 2 }));
    p = await policyFor({ managedRaw: managed({ inline_bundle: signedInline }) });
    assert.deepEqual([p.origin, p.detail.signed, p.detail.version], [Origin.MANAGED, true, 2]);
    const forged = envelope(keyB, bundleText({ id: 'com.example.inline' }));
    p = await policyFor({ managedRaw: managed({ inline_bundle: forged }), imported });
    assert.equal(p.origin, Origin.IMPORTED);
    p = await policyFor({ imported, validate: async () => ({ ok: false }) });
    assert.equal(p.origin, Origin.DEFAULT);
    assert.deepEqual(p.skipped.map((x) => x.code), ['file_rejected']);
  });

  test('a core that cannot be asked right now does not put the default in force', async () => {
    const fromUrl = envelope(keyA, bundleText({ id: 'com.example.url', version: 4 }));
    const down = async () => ({ ok: false, transient: true, errors: [{ pointer: '', message: 'core host did not answer' }] });
    let calls = 0;  // the core accepted the download, then went away
    let p = await policyFor({ managedRaw: managed(), offer: [fromUrl], storeValidate: async () => (calls++ ? down() : { ok: true }), validate: down });
    assert.equal(p.origin, Origin.MANAGED);
    assert.equal(JSON.parse(p.bundleText).id, 'com.example.url');
    assert.equal(p.warnings[0].code, 'core_unavailable');
    p = await policyFor({ imported: bundleText({ id: 'com.example.mine' }), validate: down });
    assert.equal(p.origin, Origin.IMPORTED);
  });

  test("the admin's bundle_id pins what may be in force; every source passed over says why", async () => {
    const other = envelope(keyA, bundleText({ id: 'com.example.other', version: 2 }));
    let p = await policyFor({ managedRaw: managed({ inline_bundle: other, bundle_id: 'com.example.support' }) });
    assert.equal(p.origin, Origin.DEFAULT);
    assert.deepEqual(p.skipped.map((x) => x.code), ['inline_wrong_bundle', 'no_download']);
    p = await policyFor({ managedRaw: managed({ bundle_id: 'com.example.support' }), offer: [other, envelope(keyA, bundleText({ version: 1 }))] });
    assert.deepEqual([p.origin, p.detail.bundleId], [Origin.MANAGED, 'com.example.support']);
  });
});

describe('distribution.js (what the background script calls)', () => {
  test('managed URL + keys: update downloads, verifies and puts the company bundle in force; a later bad download keeps it', async () => {
    const url = 'https://policy.example.com/replyguard.signed.json';
    let served = envelope(keyA, bundleText({ version: 2 }));
    const clock = clockAt(T0);
    const dist = createDistribution({
      managedArea: { get: async () => ({ bundle_urls: [url], public_keys: [keyA.entry], update_interval_minutes: 30 }) },
      storage: memoryStorage(), fetch: fakeFetch({ [url]: () => ({ body: served }) }), clock, defaultBundle: DEFAULT,
      random: () => 0.5,
    });
    assert.equal((await dist.policy()).origin, Origin.DEFAULT);
    const first = await dist.update();
    assert.equal(first.update.status, 'updated');
    assert.equal(first.policy.origin, Origin.MANAGED);
    assert.equal(first.policy.detail.version, 2);
    assert.equal(first.update.nextAttemptAt, T0 + 30 * 60000);
    served = flipByte(envelope(keyA, bundleText({ version: 3 })), 'bundle', 9);
    const second = await dist.update({ force: true });
    assert.equal(second.update.status, 'failed');
    assert.equal(second.update.attempts[0].status, Status.BAD_SIGNATURE);
    assert.equal(second.policy.detail.version, 2);
    assert.equal(second.update.nextAttemptAt, clock.now() + 60000);
  });

  test('no managed storage: the user\'s imported file, then the default; key errors are reported', async () => {
    const dist = createDistribution({
      managedArea: { get: async () => { throw new Error('Managed storage manifest not found'); } },
      storage: memoryStorage(), readUserSettings: async () => ({ public_keys: [{ key_id: 'ffffffffffffffff', key: keyA.entry.key }] }),
      readImported: async () => bundleText({ id: 'com.example.mine' }), fetch: fakeFetch({}), clock: clockAt(T0), defaultBundle: DEFAULT,
    });
    const r = await dist.update();
    assert.equal(r.update.status, 'no_urls');
    assert.equal(r.policy.origin, Origin.IMPORTED);
    assert.equal(r.settings.keyErrors.length, 1);
  });
});

describe('managed_schema.json and the admin examples', () => {
  const root = ROOT;
  const schema = JSON.parse(readFileSync(path.join(root, 'extension/managed_schema.json'), 'utf8'));
  const docs = readFileSync(path.join(root, 'docs/admin/README.md'), 'utf8');
  const jsonBlocks = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));

  test("follows Chrome's rules: object at the top, no top-level additionalProperties, one type per schema", () => {
    assert.equal(schema.type, 'object');
    assert.equal('additionalProperties' in schema, false);
    const walk = (s, where) => {
      assert.equal(('type' in s) + ('$ref' in s), 1, `${where} needs exactly one of type/$ref`);
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${where}.${k}`);
      if (s.items) walk(s.items, `${where}[]`);
    };
    walk(schema, 'schema');
  });

  test('declares exactly the settings the extension reads', () => {
    const sample = { bundle_urls: ['https://a.example.com/b'], public_keys: [keyA.entry], update_interval_minutes: 60,
                     inline_bundle: '{}', lock_policy: true, lock_pause: false, lock_override: true, member_id: 'anna', bundle_id: 'com.example.support' };
    const { settings, errors } = normalizeManaged(sample);
    assert.deepEqual(errors, []);
    // Delivery's settings are read by extension/src/background/delivery/config.js.
    const delivery = auditDeliveryConfig({ audit_delivery: { url: 'https://otel.example.com/v1/logs', format: 'otlp', headers: { Authorization: 'Bearer x' },
      include_draft: false, max_queue: 1000, batch_size: 50 } });
    assert.deepEqual(delivery.errors, []);
    assert.deepEqual([...Object.keys(settings), ...DELIVERY_MANAGED_KEYS].sort(), Object.keys(schema.properties).sort());
    assert.deepEqual(Object.keys(schema.properties.audit_delivery.properties).sort(), ['batch_size', 'format', 'headers', 'include_draft', 'max_queue', 'url']);
  });

  test('every JSON example in docs/admin is accepted, with a valid key', async () => {
    const settingsOf = (block) => block['3rdparty']?.extensions ? Object.values(block['3rdparty'].extensions)[0]
      : block.policies ? Object.values(block.policies['3rdparty'].Extensions)[0]
        : block.bundle_urls?.Value ? Object.fromEntries(Object.entries(block).map(([k, v]) => [k, v.Value]))
          : block;
    const examples = jsonBlocks.map(settingsOf).filter((s) => s.public_keys);
    assert.ok(examples.length >= 4, `found ${examples.length} examples`);
    for (const s of examples) {
      assert.deepEqual(normalizeManaged(s).errors, []);
      assert.deepEqual((await importTrustedKeys(s.public_keys)).errors, []);
    }
  });
});

// Cross-check: an envelope signed by the native CLI verifies here, and the CLI accepts ours.
const cli = process.env.RG_CLI ?? path.join(ROOT, 'build/native/replyguard');
describe('CLI ⇄ verify.js', { skip: existsSync(cli) ? false : `no CLI at ${cli} (set RG_CLI)` }, () => {
  test('a bundle signed by `replyguard sign` verifies in verify.js and the reverse', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rg-dist-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const run = (...args) => spawnSync(cli, args, { encoding: 'utf8' });
    const bundlePath = path.join(dir, 'bundle.json');
    const repoBundle = path.join(ROOT, 'policies/default/bundle.json');
    writeFileSync(bundlePath, readFileSync(repoBundle));
    // The model the bundle names beside itself (its SHA-256 is in the bundle).
    writeFileSync(path.join(dir, 'default.ftz'), readFileSync(path.join(ROOT, 'policies/default/default.ftz')));
    assert.equal(run('keygen', '--out', path.join(dir, 'k')).status, 0);
    const signed = run('sign', bundlePath, '--key', path.join(dir, 'k.key'), '--expires', '10', '--out', path.join(dir, 's.json'),
                       '--now', '2026-06-01T12:00:00Z');
    assert.equal(signed.status, 0, signed.stderr);
    const pub = JSON.parse(readFileSync(path.join(dir, 'k.pub'), 'utf8'));
    const trusted = await importTrustedKeys([pub]);
    const r = await verifySignedBundle(readFileSync(path.join(dir, 's.json'), 'utf8'), trusted, { now: T0 + DAY });
    assert.equal(r.status, Status.OK);
    // The signed bundle is the repository's with its model inlined: nothing needs to travel beside it.
    const expected = JSON.parse(readFileSync(repoBundle, 'utf8'));
    expected.models.default = { sha256: expected.models.default.sha256,
      data: readFileSync(path.join(ROOT, 'policies/default/default.ftz')).toString('base64') };
    assert.deepEqual(JSON.parse(r.bundleText), expected);
    assert.equal((await verifySignedBundle(readFileSync(path.join(dir, 's.json'), 'utf8'), trusted, { now: T0 + 11 * DAY })).status, Status.EXPIRED);

    writeFileSync(path.join(dir, 'a.pub'), JSON.stringify(keyA.entry));
    writeFileSync(path.join(dir, 'js.json'), envelope(keyA, bundleText({ version: 3 })));
    const v = run('verify', path.join(dir, 'js.json'), '--pub', path.join(dir, 'a.pub'), '--now', '2026-06-02T00:00:00Z');
    assert.equal(v.status, 0, v.stderr);
    const rollback = run('verify', path.join(dir, 'js.json'), '--pub', path.join(dir, 'a.pub'), '--now', '2026-06-02T00:00:00Z', '--min-version', '4');
    assert.equal(rollback.status, 8);
  });
});
