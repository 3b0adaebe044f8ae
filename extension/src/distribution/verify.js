// Verifies "replyguard-signed/1" envelopes (policies/SIGNING.md) with WebCrypto Ed25519, the same
// rules as `replyguard verify` (wasm/cli/signed_bundle.cpp). Pure module: `subtle` is injected
// (defaults to globalThis.crypto.subtle) so Node tests and the service worker share one code path.
import { ed25519VerifyFallback, isAcceptablePublicKey } from './ed25519-fallback.js';

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

// Limits of the envelope specification (policies/SIGNING.md), checked before anything is parsed.
export const MAX_ENVELOPE_BYTES = 24 * 1024 * 1024;  // a 16 MiB bundle in base64 plus the rest
export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
export const MAX_HEADER_BYTES = 8 * 1024;
export const MAX_VERSION = Number.MAX_SAFE_INTEGER;  // 2^53 − 1: exact in JSON numbers everywhere

const isB64Char = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;

/**
 * Strict standard base64 (RFC 4648, padded, no whitespace) → Uint8Array, or null. A linear scan,
 * not a regular expression: V8's backtracking stack overflows on a few MiB of base64.
 */
export function base64ToBytes(text) {
  if (typeof text !== 'string' || text.length % 4 !== 0) return null;
  let pad = 0;
  if (text.endsWith('==')) pad = 2;
  else if (text.endsWith('=')) pad = 1;
  for (let i = 0; i < text.length - pad; i++) if (!isB64Char(text.charCodeAt(i))) return null;
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
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const dim = mo === 2 ? (leap ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d < 1 || d > dim) return null;  // no Date here: Date.UTC maps the years 0–99 to 1900–1999
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
 * key), and so is a key that is not a canonical point of large order (isAcceptablePublicKey).
 * Returns { keys: Map<keyId, {raw, cryptoKey|null}>, errors: [{index, message}] }.
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
    if (!isAcceptablePublicKey(raw)) {
      errors.push({ index, message: 'key is not usable: a small-order or non-canonical Ed25519 point' });
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

/**
 * JSON as both verifiers read it (I-JSON, RFC 7493): no lone surrogates in strings or names, no
 * number outside the double range (JSON.parse would make 1e400 Infinity where the CLI refuses).
 */
function isStrictJsonValue(root) {
  const stack = [root];  // iterative: nesting depth is not limited by JSON.parse either
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') { if (!wellFormed(v)) return false; }
    else if (typeof v === 'number') { if (!Number.isFinite(v)) return false; }
    else if (Array.isArray(v)) { for (const x of v) stack.push(x); }
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!wellFormed(k)) return false;
        stack.push(x);
      }
    }
  }
  return true;
}

// String.prototype.isWellFormed where the browser has it (Chrome 111, Firefox 119), else a
// lone surrogate is the only code point of category Cs a /u regular expression can see.
const wellFormed = (s) => (typeof s.isWellFormed === 'function' ? s.isWellFormed() : !/\p{Cs}/u.test(s));

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * The source text of the last top-level member `name` of a JSON object text (already known to
 * parse), so the header's version is judged by its spelling: 4.0 and 4e0 are not integers.
 */
function rawMember(text, name) {
  let i = 0;
  let found;
  const skipWs = () => { while (WS.has(text[i])) i++; };
  const skipString = () => { for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++; i++; };
  const skipValue = () => {  // to the ',' or '}' after the value
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        skipString();
        if (depth === 0) return;
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        if (depth === 0) return;
        if (--depth === 0) { i++; return; }
      } else if (depth === 0 && (c === ',' || WS.has(c))) return;
      i++;
    }
  };
  skipWs();
  if (text[i] !== '{') return undefined;
  i++;
  for (;;) {
    skipWs();
    if (text[i] !== '"') return found;
    const keyStart = i;
    skipString();
    const key = JSON.parse(text.slice(keyStart, i));
    skipWs();
    i++;  // ':'
    skipWs();
    const valueStart = i;
    skipValue();
    if (key === name) found = text.slice(valueStart, i);
    skipWs();
    if (text[i] !== ',') return found;
    i++;
  }
}

function parseHeader(text) {
  let h;
  try {
    h = JSON.parse(text);
  } catch {
    return { field: 'header' };
  }
  if (!h || typeof h !== 'object' || Array.isArray(h) || !isStrictJsonValue(h)) return { field: 'header' };
  for (const f of ['bundle_id', 'issued', 'expires', 'sha256', 'key_id'])
    if (typeof h[f] !== 'string') return { field: f };
  // An integer literal from 1 to 2^53 − 1: no fraction, no exponent, exact in every JSON reader.
  const rawVersion = rawMember(text, 'version');
  if (!/^[1-9][0-9]{0,15}$/.test(rawVersion ?? '') || !Number.isSafeInteger(h.version)) return { field: 'version' };
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
const utf8Length = (s) => (s.length * 3 <= MAX_ENVELOPE_BYTES ? s.length : new TextEncoder().encode(s).length);

/**
 * The envelope as text: from bytes (a download, a file) strict UTF-8 without a byte-order mark;
 * from a string (managed storage) well-formed UTF-16. { text } or { error }.
 */
function envelopeText(input) {
  if (typeof input === 'string') {
    if (utf8Length(input) > MAX_ENVELOPE_BYTES) return { error: `the file is larger than ${MAX_ENVELOPE_BYTES} bytes` };
    if (!wellFormed(input)) return { error: 'the text holds unpaired surrogates' };
    if (input.startsWith('\uFEFF')) return { error: 'the file starts with a byte-order mark' };
    return { text: input };
  }
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  if (!(bytes instanceof Uint8Array)) return { error: 'the file is not text' };
  if (bytes.length > MAX_ENVELOPE_BYTES) return { error: `the file is larger than ${MAX_ENVELOPE_BYTES} bytes` };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { error: 'the file starts with a byte-order mark' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { error: 'the file is not UTF-8' };
  }
}

/**
 * Verifies an envelope (a string, or the file's bytes) against trusted keys (importTrustedKeys).
 * options: { now: ms (required), minVersion?: number, subtle? }.
 * Order as in the CLI (policies/SIGNING.md): size → text → envelope → key → signature → header →
 * digest → id/version → time → rollback; nothing in the header is believed before the signature
 * verified. Returns { ok, status, message, header?, bundleText?, keyId? }.
 */
export async function verifySignedBundle(input, trusted, options) {
  const { text, error } = envelopeText(input);
  if (error) return fail(Status.INVALID, `not a signed bundle: ${error}`);
  let env;
  try {
    env = JSON.parse(text);
  } catch {
    return fail(Status.INVALID, 'not a signed bundle: the file is not JSON');
  }
  if (!env || typeof env !== 'object' || Array.isArray(env))
    return fail(Status.INVALID, 'not a signed bundle: the file is not a JSON object');
  if (!isStrictJsonValue(env)) return fail(Status.INVALID, 'not a signed bundle: unpaired surrogate or out-of-range number');
  if (env.format !== SIGNED_FORMAT) return fail(Status.INVALID, `not a signed bundle: "format" must be "${SIGNED_FORMAT}"`);
  for (const f of ['key_id', 'header', 'bundle', 'signature'])
    if (typeof env[f] !== 'string') return fail(Status.INVALID, `invalid signed bundle: "${f}" missing or not a string`);
  const headerBytes = new TextEncoder().encode(env.header);
  if (headerBytes.length > MAX_HEADER_BYTES)
    return fail(Status.INVALID, `invalid signed bundle: "header" is longer than ${MAX_HEADER_BYTES} bytes`);
  const bundle = base64ToBytes(env.bundle);
  if (!bundle) return fail(Status.INVALID, 'invalid signed bundle: "bundle" is not valid base64');
  if (bundle.length > MAX_BUNDLE_BYTES) return fail(Status.INVALID, `invalid signed bundle: the bundle is larger than ${MAX_BUNDLE_BYTES} bytes`);
  const signature = base64ToBytes(env.signature);
  if (!signature || signature.length !== 64) return fail(Status.INVALID, 'invalid signed bundle: "signature" is not valid base64');

  const keyId = env.key_id;
  const key = trusted?.keys?.get(keyId);
  if (!key) return fail(Status.UNKNOWN_KEY, `unknown key: signed with key ${keyId}, which is not among the trusted keys`, { keyId });

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
    bundleText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bundle);
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
