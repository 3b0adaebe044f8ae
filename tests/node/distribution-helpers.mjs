// Test helpers for the distribution modules: Ed25519 keys and envelopes made with node:crypto,
// independently of the code under test, plus in-memory storage, a settable clock and a fake fetch.
import { generateKeyPairSync, sign, createHash } from 'node:crypto';

export const DAY = 86400 * 1000;
export const T0 = Date.parse('2026-06-01T12:00:00Z');

export function makeKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12);  // SPKI prefix is 12 bytes
  const keyId = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  return { privateKey, raw, keyId, entry: { key_id: keyId, key: raw.toString('base64') } };
}

export function bundleText({ id = 'com.example.support', version = 1, extra = '' } = {}) {
  return JSON.stringify({ format: 'replyguard-bundle/1', id, version, name: { en: 'Example' + extra },
                          languages: ['en'], categories: {}, rules: [] }, null, 2) + '\n';
}

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Builds a replyguard-signed/1 envelope; overrides let tests forge individual fields. */
export function envelope(key, bundle, { issued = T0, expires = T0 + 30 * DAY, header = {}, keyId } = {}) {
  const b = JSON.parse(bundle);
  const h = JSON.stringify({ bundle_id: b.id, version: b.version, issued: iso(issued), expires: iso(expires),
                             sha256: createHash('sha256').update(bundle).digest('hex'), key_id: key.keyId, ...header });
  const sig = sign(null, Buffer.concat([Buffer.from(h), Buffer.from('\n'), Buffer.from(bundle)]), key.privateKey);
  return JSON.stringify({ format: 'replyguard-signed/1', key_id: keyId ?? key.keyId, header: h,
                          bundle: Buffer.from(bundle).toString('base64'), signature: sig.toString('base64') });
}

export function memoryStorage(initial = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    get: async (k) => (map.has(k) ? structuredClone(map.get(k)) : undefined),
    set: async (k, v) => void map.set(k, structuredClone(v)),
  };
}

export function clockAt(ms) {
  const c = { t: ms, now: () => c.t };
  return c;
}

/** routes: url → array of responses (consumed in order; the last repeats) or a function. */
export function fakeFetch(routes) {
  const calls = [];
  const fn = async (url, init = {}) => {
    calls.push({ url, headers: { ...(init.headers ?? {}) } });
    let r = routes[url];
    if (typeof r === 'function') r = r(init);
    else if (Array.isArray(r)) r = r.length > 1 ? r.shift() : r[0];
    if (!r) throw new TypeError('fetch failed');
    if (r instanceof Error) throw r;
    const headers = new Map(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return { status: r.status ?? 200, ok: (r.status ?? 200) >= 200 && (r.status ?? 200) < 300,
             headers: { get: (k) => headers.get(k.toLowerCase()) ?? null }, text: async () => r.body ?? '' };
  };
  fn.calls = calls;
  return fn;
}
