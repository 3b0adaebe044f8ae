// Last-known-good store of signed bundles. Per signing key it keeps the highest accepted version
// and refuses anything older (rollback) or broken; an expired bundle stays in force ("frozen") and
// is reported, because an old company policy protects better than none. With nothing usable it
// answers the built-in default bundle: effective() never returns "no policy".
import { Status, verifySignedBundle } from './verify.js';

export const STORE_KEY = 'replyguard.distribution.store';

export const Origin = Object.freeze({ SIGNED: 'signed', DEFAULT: 'default' });

/**
 * deps:
 *   storage: { get(key) → Promise<value|undefined>, set(key, value) → Promise } (chrome.storage.local
 *            via storageAdapter below, or a Map in tests)
 *   clock:   { now() → ms }
 *   defaultBundle: string, the built-in bundle JSON
 *   validate?: async (bundleText) → { ok, errors? } — the core's loadPolicy; a signed bundle the
 *            core cannot load is rejected like a bad signature, so a broken update never replaces
 *            a working policy
 *   subtle?: WebCrypto SubtleCrypto (tests inject; default globalThis.crypto.subtle)
 */
export function createPolicyStore({ storage, clock, defaultBundle, validate, subtle }) {
  if (typeof defaultBundle !== 'string' || !defaultBundle) throw new TypeError('defaultBundle is required');
  let state = null;  // { entries: {keyId: Entry}, highest: {keyId: {bundleId: version}} }
  // Envelopes re-verified since start (storage is not trusted blindly: profile corruption or
  // tampering must not become the policy).
  const reverified = new Map();

  async function load() {
    if (state) return state;
    const saved = await storage.get(STORE_KEY);
    state = saved && typeof saved === 'object' && saved.entries && saved.highest
      ? saved
      : { entries: {}, highest: {} };
    return state;
  }

  async function save() {
    await storage.set(STORE_KEY, state);
  }

  /**
   * Offers a downloaded/provided envelope. trusted: from importTrustedKeys. Returns
   * { accepted, status, message, header?, changed } — status 'unchanged' when it is the
   * bundle already in force.
   */
  async function offer(envelopeText, { trusted, source = '' } = {}) {
    await load();
    const now = clock.now();
    const r = await verifySignedBundle(envelopeText, trusted, { now, subtle });
    if (!r.ok) return { accepted: false, changed: false, status: r.status, message: r.message, header: r.header };
    const { header, keyId } = r;
    const highest = state.highest[keyId]?.[header.bundleId] ?? 0;
    const current = state.entries[keyId];
    if (header.version < highest)
      return { accepted: false, changed: false, status: Status.ROLLBACK, header,
               message: `rollback: version ${header.version} is lower than version ${highest} already seen` };
    if (current && current.bundleId === header.bundleId && current.version === header.version) {
      if (current.sha256 !== header.sha256)
        return { accepted: false, changed: false, status: Status.ROLLBACK, header,
                 message: `version ${header.version} already seen with other content: the new bundle needs a higher version` };
      if (header.issuedMs <= current.issuedMs)
        return { accepted: true, changed: false, status: 'unchanged', message: '', header };
      // Same bundle re-signed later (typically a renewed expiry): take the fresher signature.
    }
    if (validate) {
      const v = await validate(r.bundleText);
      if (!v?.ok)
        return { accepted: false, changed: false, status: 'invalid_bundle', header,
                 message: `the core rejected the bundle: ${(v?.errors ?? []).map((e) => `${e.pointer}: ${e.message}`).join('; ')}` };
    }
    state.entries[keyId] = {
      envelope: envelopeText, bundleId: header.bundleId, version: header.version,
      issued: header.issued, issuedMs: header.issuedMs, expires: header.expires,
      expiresMs: header.expiresMs, sha256: header.sha256, source, acceptedAt: now,
    };
    state.highest[keyId] = { ...state.highest[keyId], [header.bundleId]: header.version };
    reverified.set(envelopeText, r.bundleText);
    await save();
    return { accepted: true, changed: true, status: Status.OK, message: '', header };
  }

  async function bundleTextOf(entry, trusted) {
    if (reverified.has(entry.envelope)) return reverified.get(entry.envelope);
    // Signature only: expiry is judged by effective(), rollback was judged when accepted.
    const r = await verifySignedBundle(entry.envelope, trusted, { now: entry.issuedMs, subtle });
    if (!r.ok) return null;
    reverified.set(entry.envelope, r.bundleText);
    return r.bundleText;
  }

  /**
   * The bundle in force for these trusted keys: the most recently issued last-known-good among
   * keys still trusted (a key removed from the trusted list stops counting: revocation), else the
   * built-in default. Result: { bundleText, origin, keyId?, bundleId?, version?, issued?, expires?,
   * frozen, warnings: [{code, message}] }.
   */
  async function effective({ trusted } = {}) {
    await load();
    const now = clock.now();
    const warnings = [];
    const candidates = Object.entries(state.entries)
      .filter(([keyId]) => trusted?.keys?.has(keyId))
      .sort(([, a], [, b]) => b.issuedMs - a.issuedMs);
    for (const [keyId, entry] of candidates) {
      const bundleText = await bundleTextOf(entry, trusted);
      if (bundleText === null) {
        warnings.push({ code: 'stored_bundle_invalid', message: `stored bundle of key ${keyId} failed re-verification and was dropped` });
        delete state.entries[keyId];
        await save();
        continue;
      }
      const frozen = now >= entry.expiresMs;
      if (frozen)
        warnings.push({ code: Status.EXPIRED,
                        message: `bundle ${entry.bundleId} version ${entry.version} expired ${entry.expires}; kept in force until a newer signed bundle arrives` });
      return { bundleText, origin: Origin.SIGNED, keyId, bundleId: entry.bundleId, version: entry.version,
               issued: entry.issued, expires: entry.expires, source: entry.source, frozen, warnings };
    }
    return { bundleText: defaultBundle, origin: Origin.DEFAULT, frozen: false, warnings };
  }

  /** True when a bundle with this sha256 is stored (the updater sends ETags only then). */
  async function has(sha256) {
    await load();
    return Object.values(state.entries).some((e) => e.sha256 === sha256);
  }

  /** Highest version seen per key id and bundle id (for diagnostics and the options page). */
  async function highestVersions() {
    await load();
    return structuredClone(state.highest);
  }

  return { offer, effective, has, highestVersions };
}

/** Adapts a chrome.storage area (local) to the { get, set } interface used here. */
export function storageAdapter(area) {
  return {
    get: async (key) => (await area.get(key))?.[key],
    set: (key, value) => area.set({ [key]: value }),
  };
}
