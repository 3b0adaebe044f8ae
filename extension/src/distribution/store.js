// Last-known-good store of signed bundles. The policy in force changes only to a verified bundle
// of the expected bundle id (the admin's pinned `bundle_id`, else the id of the first bundle
// accepted from these URLs) with a version at least as high as any seen for that id, whichever
// trusted key signed it. An expired bundle stays in force ("frozen") and is reported, because an
// old company policy protects better than none. Storage that cannot be written (quota) does not
// lose the state: it is kept in memory and the failure is reported. With nothing usable it
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
 *   validate?: async (bundleText) → { ok, transient?, errors? } — the core's loadPolicy; a signed
 *            bundle the core cannot load is rejected, so a broken update never replaces a working
 *            policy; transient: the core could not be asked (not the bundle's fault)
 *   subtle?: WebCrypto SubtleCrypto (tests inject; default globalThis.crypto.subtle)
 */
export function createPolicyStore({ storage, clock, defaultBundle, validate, subtle }) {
  if (typeof defaultBundle !== 'string' || !defaultBundle) throw new TypeError('defaultBundle is required');
  // { entries: {keyId: Entry}, highest: {bundleId: version}, first: {scope, bundleId} | null }
  let state = null;
  let saveError = null;  // the last failed write (kept in memory meanwhile)
  // Envelopes re-verified since start (storage is not trusted blindly: profile corruption or
  // tampering must not become the policy).
  const reverified = new Map();

  async function load() {
    if (state) return state;
    let saved = null;
    try {
      saved = await storage.get(STORE_KEY);
    } catch (e) {
      saveError = String(e?.message ?? e);
    }
    state = saved && typeof saved === 'object' && saved.entries && saved.highest
      ? { first: null, ...saved, highest: flattenHighest(saved.highest) }
      : { entries: {}, highest: {}, first: null };
    return state;
  }

  async function save() {
    try {
      await storage.set(STORE_KEY, state);
      saveError = null;
    } catch (e) {
      saveError = String(e?.message ?? e);
    }
  }

  /** The bundle id that may be in force: the pin, else the first accepted for this scope. */
  function expectedId({ pin, scope }) {
    if (pin) return pin;
    return state.first && state.first.scope === (scope ?? '') ? state.first.bundleId : null;
  }

  /**
   * Offers a downloaded/provided envelope (text or bytes). trusted: from importTrustedKeys;
   * pin: the admin's bundle_id; scope: what the first-accepted id is remembered for (the URL
   * list). Returns { accepted, status, message, header?, changed } — status 'unchanged' when it
   * is the bundle already in force.
   */
  async function offer(envelope, { trusted, source = '', pin = null, scope = '' } = {}) {
    await load();
    const now = clock.now();
    const r = await verifySignedBundle(envelope, trusted, { now, subtle });
    if (!r.ok) return { accepted: false, changed: false, status: r.status, message: r.message, header: r.header };
    const { header, keyId } = r;
    const expected = expectedId({ pin, scope });
    if (expected && header.bundleId !== expected)
      return { accepted: false, changed: false, status: 'wrong_bundle', header,
               message: `bundle ${header.bundleId} is not the bundle in force here (${expected})` };
    const highest = state.highest[header.bundleId] ?? 0;
    const current = state.entries[keyId];
    if (header.version < highest)
      return { accepted: false, changed: false, status: Status.ROLLBACK, header,
               message: `rollback: version ${header.version} is lower than version ${highest} already seen` };
    const sameVersion = Object.values(state.entries).find((e) => e.bundleId === header.bundleId && e.version === header.version);
    if (sameVersion && sameVersion.sha256 !== header.sha256)
      return { accepted: false, changed: false, status: Status.ROLLBACK, header,
               message: `version ${header.version} already seen with other content: the new bundle needs a higher version` };
    if (current && current.bundleId === header.bundleId && current.version === header.version && header.issuedMs <= current.issuedMs)
      return { accepted: true, changed: false, status: 'unchanged', message: '', header };
    // Otherwise new, or the same bundle re-signed later (a renewed expiry): take the fresher one.
    if (validate) {
      const v = await validate(r.bundleText);
      if (v?.transient)
        return { accepted: false, changed: false, status: 'core_unavailable', header,
                 message: `the checker could not be asked: ${(v.errors ?? []).map((e) => e.message).join('; ')}` };
      if (!v?.ok)
        return { accepted: false, changed: false, status: 'invalid_bundle', header,
                 message: `the core rejected the bundle: ${(v?.errors ?? []).map((e) => `${e.pointer}: ${e.message}`).join('; ')}` };
    }
    state.entries[keyId] = {
      envelope: envelopeString(envelope), bundleId: header.bundleId, version: header.version,
      issued: header.issued, issuedMs: header.issuedMs, expires: header.expires,
      expiresMs: header.expiresMs, sha256: header.sha256, source, acceptedAt: now,
    };
    state.highest[header.bundleId] = Math.max(highest, header.version);
    if (!pin && !expected) state.first = { scope: scope ?? '', bundleId: header.bundleId };
    reverified.set(state.entries[keyId].envelope, r.bundleText);
    await save();
    return { accepted: true, changed: true, status: Status.OK, message: '', header, saveError };
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
   * The bundle in force for these trusted keys: among keys still trusted (a key removed from the
   * trusted list stops counting: revocation) and bundles of the expected id, the highest version
   * (then the latest issued) that still verifies and that the core still loads; else the
   * built-in default. Result: { bundleText, origin, keyId?, bundleId?, version?, issued?,
   * expires?, frozen, warnings: [{code, message}] }.
   */
  async function effective({ trusted, pin = null, scope = '' } = {}) {
    await load();
    const now = clock.now();
    const warnings = [];
    if (saveError) warnings.push({ code: 'storage_error', message: `the last good bundle could not be saved: ${saveError}` });
    const expected = expectedId({ pin, scope });
    const candidates = Object.entries(state.entries)
      .filter(([keyId, e]) => trusted?.keys?.has(keyId) && (!expected || e.bundleId === expected))
      .sort(([, a], [, b]) => b.version - a.version || b.issuedMs - a.issuedMs);
    for (const [keyId, entry] of candidates) {
      const bundleText = await bundleTextOf(entry, trusted);
      if (bundleText === null) {
        warnings.push({ code: 'stored_bundle_invalid', message: `stored bundle of key ${keyId} failed re-verification and was dropped` });
        delete state.entries[keyId];
        await save();
        continue;
      }
      // Re-validated: a core updated since may refuse what an older one accepted.
      const v = validate ? await validate(bundleText) : { ok: true };
      if (v?.transient) warnings.push({ code: 'core_unavailable', message: (v.errors ?? []).map((e) => e.message).join('; ') });
      else if (!v?.ok) {
        warnings.push({ code: 'stored_bundle_rejected',
                        message: `bundle ${entry.bundleId} version ${entry.version}: ${(v?.errors ?? []).map((e) => `${e.pointer}: ${e.message}`).join('; ')}` });
        continue;
      }
      const frozen = now >= entry.expiresMs;
      if (frozen)
        warnings.push({ code: Status.EXPIRED,
                        message: `bundle ${entry.bundleId} version ${entry.version} expired ${entry.expires}; kept in force until a newer signed bundle arrives` });
      return { bundleText, origin: Origin.SIGNED, keyId, bundleId: entry.bundleId, version: entry.version,
               issued: entry.issued, expires: entry.expires, source: entry.source, frozen, warnings, acceptedAt: entry.acceptedAt };
    }
    return { bundleText: defaultBundle, origin: Origin.DEFAULT, frozen: false, warnings };
  }

  /** True when a bundle with this sha256 is stored (the updater sends ETags only then). */
  async function has(sha256) {
    await load();
    return Object.values(state.entries).some((e) => e.sha256 === sha256);
  }

  /** Highest version seen per bundle id (for diagnostics and the options page). */
  async function highestVersions() {
    await load();
    return structuredClone(state.highest);
  }

  return { offer, effective, has, highestVersions, saveError: () => saveError };
}

// Stores before the pin kept the highest version per key, then bundle id.
function flattenHighest(h) {
  const out = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    if (typeof v === 'number') out[k] = Math.max(out[k] ?? 0, v);
    else if (v && typeof v === 'object')
      for (const [id, ver] of Object.entries(v)) if (typeof ver === 'number') out[id] = Math.max(out[id] ?? 0, ver);
  }
  return out;
}

const envelopeString = (e) => (typeof e === 'string' ? e : new TextDecoder().decode(e));

/** Adapts a chrome.storage area (local) to the { get, set } interface used here. */
export function storageAdapter(area) {
  return {
    get: async (key) => (await area.get(key))?.[key],
    set: (key, value) => area.set({ [key]: value }),
  };
}
