// Verifies "replyguard-signed/1" envelopes (policies/SIGNING.md) with WebCrypto Ed25519, the same
// rules as `replyguard verify` (wasm/cli/signed_bundle.cpp). Pure module: `subtle` is injected
// (defaults to globalThis.crypto.subtle) so Node tests and the service worker share one code path.
import { ed25519VerifyFallback } from './ed25519-fallback.js';

export const SIGNED_FORMAT = 'replyguard-signed/1';
// A client clock up to this much behind the signer's is tolerated for "issued".
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export const Status = Object.freeze({
  OK: 'ok',
  INVALID: 'invalid',              // not an envelope, bad base64/header, id/version mismatch
  BAD_SIGNATURE: 'bad_signature',  // tampered bytes, wrong key, digest mismatch
  UNKNOWN_KEY: 'unknown_key',      // key_id not among the trusted keys
  EXPIRED: 'expired',
  NOT_YET_VALID: 'not_yet_valid',
  ROLLBACK: 'rollback',            // version below the minimum (highest seen)
});

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict standard base64 → Uint8Array, or null. */
export function base64ToBytes(text) {
  if (typeof text !== 'string' || !B64.test(text)) return null;
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes) {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function bytesToHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function subtleOf(options) {
  const subtle = options?.subtle ?? globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto is not available');
  return subtle;
}

export async function sha256Hex(bytes, options) {
  return bytesToHex(new Uint8Array(await subtleOf(options).digest('SHA-256', bytes)));
}

/** Key id: hex of the first 8 bytes of SHA-256 over the raw 32-byte public key. */
export async function keyIdOf(rawKey, options) {
  return (await sha256Hex(rawKey, options)).slice(0, 16);
}

/**
 * Same grammar as the CLI: "YYYY-MM-DDTHH:MM[:SS[.fff]]" + "Z" or "±HH:MM". Returns ms or null.
 */
export function parseIsoInstant(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/.exec(
    typeof text === 'string' ? text : '');
  if (!m) return null;
  const [y, mo, d, h, mi, s = '0'] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v)));
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > dim) return null;
  let offset = 0;
  if (!m[8]) {
    const oh = Number(m[10]), om = Number(m[11]);
    if (oh > 23 || om > 59) return null;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);  // setUTCFullYear keeps years 0–99 literal
  t.setUTCHours(h, mi, Number(s), ms);
  return t.getTime() - offset * 60000;
}

/**
 * Imports trusted keys ([{key_id, key}], e.g. the managed setting public_keys). An entry whose
 * key_id is not the id of its key is refused (a typo must not silently trust nothing or another
 * key). Returns { keys: Map<keyId, {raw, cryptoKey|null}>, errors: [{index, message}] }.
 */
export async function importTrustedKeys(list, options) {
  const keys = new Map();
  const errors = [];
  const subtle = subtleOf(options);
  for (const [index, entry] of (Array.isArray(list) ? list : []).entries()) {
    const raw = base64ToBytes(entry?.key);
    if (!raw || raw.length !== 32) {
      errors.push({ index, message: 'key is not a base64 raw 32-byte Ed25519 public key' });
      continue;
    }
    const id = await keyIdOf(raw, options);
    if (entry.key_id !== undefined && entry.key_id !== id) {
      errors.push({ index, message: `key_id ${entry.key_id} does not belong to this key (its id is ${id})` });
      continue;
    }
    let cryptoKey = null;
    try {
      cryptoKey = await subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    } catch {
      cryptoKey = null;  // browser without WebCrypto Ed25519 (Chrome < 137): fallback verifier
    }
    keys.set(id, { raw, cryptoKey });
  }
  return { keys, errors };
}

async function ed25519Verify(key, signature, message, options) {
  if (key.cryptoKey) return subtleOf(options).verify({ name: 'Ed25519' }, key.cryptoKey, signature, message);
  return ed25519VerifyFallback(key.raw, signature, message, options);
}

function parseHeader(text) {
  let h;
  try {
    h = JSON.parse(text);
  } catch {
    return { field: 'header' };
  }
  if (!h || typeof h !== 'object' || Array.isArray(h)) return { field: 'header' };
  for (const f of ['bundle_id', 'issued', 'expires', 'sha256', 'key_id'])
    if (typeof h[f] !== 'string') return { field: f };
  if (!Number.isSafeInteger(h.version) || h.version < 1) return { field: 'version' };
  const issuedMs = parseIsoInstant(h.issued);
  if (issuedMs === null) return { field: 'issued' };
  const expiresMs = parseIsoInstant(h.expires);
  if (expiresMs === null || expiresMs <= issuedMs) return { field: 'expires' };
  if (!/^[0-9a-f]{64}$/.test(h.sha256)) return { field: 'sha256' };
  return {
    header: { bundleId: h.bundle_id, version: h.version, issued: h.issued, expires: h.expires,
              issuedMs, expiresMs, sha256: h.sha256, keyId: h.key_id },
  };
}

const fail = (status, message, extra = {}) => ({ ok: false, status, message, ...extra });

/**
 * Verifies an envelope text against trusted keys (from importTrustedKeys).
 * options: { now: ms (required), minVersion?: number, subtle? }.
 * Order as in the CLI: envelope → key → signature → header → digest → id/version → time →
 * rollback; nothing in the header is believed before the signature verified.
 * Returns { ok, status, message, header?, bundleText?, keyId? }.
 */
export async function verifySignedBundle(envelopeText, trusted, options) {
  let env;
  try {
    env = JSON.parse(envelopeText);
  } catch {
    return fail(Status.INVALID, 'not a signed bundle: the file is not JSON');
  }
  if (!env || typeof env !== 'object' || Array.isArray(env))
    return fail(Status.INVALID, 'not a signed bundle: the file is not a JSON object');
  if (env.format !== SIGNED_FORMAT) return fail(Status.INVALID, `not a signed bundle: "format" must be "${SIGNED_FORMAT}"`);
  for (const f of ['key_id', 'header', 'bundle', 'signature'])
    if (typeof env[f] !== 'string') return fail(Status.INVALID, `invalid signed bundle: "${f}" missing or not a string`);
  const bundle = base64ToBytes(env.bundle);
  if (!bundle) return fail(Status.INVALID, 'invalid signed bundle: "bundle" is not valid base64');
  const signature = base64ToBytes(env.signature);
  if (!signature || signature.length !== 64) return fail(Status.INVALID, 'invalid signed bundle: "signature" is not valid base64');

  const keyId = env.key_id;
  const key = trusted?.keys?.get(keyId);
  if (!key) return fail(Status.UNKNOWN_KEY, `unknown key: signed with key ${keyId}, which is not among the trusted keys`, { keyId });

  const headerBytes = new TextEncoder().encode(env.header);
  const message = new Uint8Array(headerBytes.length + 1 + bundle.length);
  message.set(headerBytes, 0);
  message[headerBytes.length] = 0x0a;
  message.set(bundle, headerBytes.length + 1);
  if (!(await ed25519Verify(key, signature, message, options)))
    return fail(Status.BAD_SIGNATURE, `bad signature: the header or bundle was altered, or not signed by key ${keyId}`, { keyId });

  const { header, field } = parseHeader(env.header);
  if (!header) return fail(Status.INVALID, `invalid signed header: field "${field}"`, { keyId });
  const withHeader = (status, msg) => fail(status, msg, { keyId, header });
  if (header.keyId !== keyId) return withHeader(Status.BAD_SIGNATURE, 'bad signature: the signed header names another key');
  if (header.sha256 !== (await sha256Hex(bundle, options)))
    return withHeader(Status.BAD_SIGNATURE, 'bad signature: the bundle does not match the signed sha256');
  let bundleText, parsed;
  try {
    bundleText = new TextDecoder('utf-8', { fatal: true }).decode(bundle);
    parsed = JSON.parse(bundleText);
  } catch {
    return withHeader(Status.INVALID, 'invalid signed bundle: the bundle is not UTF-8 JSON');
  }
  if (!parsed || parsed.id !== header.bundleId || parsed.version !== header.version)
    return withHeader(Status.INVALID, "invalid signed bundle: header bundle_id/version differ from the bundle's id/version");
  const now = options?.now;
  if (!Number.isFinite(now)) throw new TypeError('verifySignedBundle: options.now (ms) is required');
  if (now >= header.expiresMs) return withHeader(Status.EXPIRED, `expired: the signature was valid until ${header.expires}`);
  if (now + CLOCK_SKEW_MS < header.issuedMs)
    return withHeader(Status.NOT_YET_VALID, `not yet valid: issued ${header.issued}, which is in the future`);
  if (options.minVersion !== undefined && header.version < options.minVersion)
    return withHeader(Status.ROLLBACK, `rollback: version ${header.version} is lower than the minimum ${options.minVersion}`);
  return { ok: true, status: Status.OK, message: '', keyId, header, bundleText };
}

/** True when the text looks like a signed envelope (cheap check before choosing a code path). */
export function isSignedEnvelope(text) {
  try {
    return JSON.parse(text)?.format === SIGNED_FORMAT;
  } catch {
    return false;
  }
}
