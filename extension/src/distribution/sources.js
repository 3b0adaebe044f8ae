// Where settings and the policy come from, in precedence order:
//   admin-managed (chrome.storage.managed; Firefox: policies.json "3rdparty") >
//   bundle URL (set by the user, for teams without device management) >
//   user-imported file > built-in default.
// Every answer names its origin so the popup/options can say why a policy is in force.
import { isSignedEnvelope, Status, verifySignedBundle } from './verify.js';
import { isAllowedBundleUrl } from './updater.js';

export const Origin = Object.freeze({ MANAGED: 'managed', URL: 'url', IMPORTED: 'imported', DEFAULT: 'default' });
export const SettingOrigin = Object.freeze({ MANAGED: 'managed', USER: 'user', DEFAULT: 'default' });

export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;
export const DEFAULT_INTERVAL_MINUTES = 60;

/**
 * Reads managed storage. Chrome rejects when the browser has no policy support and Firefox when no
 * policy exists; both mean "not managed" here, never an error for the user.
 */
export async function readManagedStorage(area) {
  if (!area?.get) return {};
  try {
    return (await area.get(null)) ?? {};
  } catch {
    return {};
  }
}

/**
 * Validates raw managed values against extension/managed_schema.json. Chrome already drops
 * values that violate the schema, Firefox passes anything through, so the extension checks
 * itself. Returns { settings, errors: [{key, message}] }; invalid keys are left out.
 */
export function normalizeManaged(raw) {
  const settings = {};
  const errors = [];
  const bad = (key, message) => errors.push({ key, message });
  if (!raw || typeof raw !== 'object') return { settings, errors };
  if ('bundle_urls' in raw) {
    const v = raw.bundle_urls;
    if (!Array.isArray(v) || !v.every((u) => typeof u === 'string')) bad('bundle_urls', 'must be an array of URLs');
    else {
      const allowed = v.filter(isAllowedBundleUrl);
      for (const u of v) if (!isAllowedBundleUrl(u)) bad('bundle_urls', `${u}: only https: and file: URLs are allowed`);
      if (allowed.length) settings.bundle_urls = allowed;
    }
  }
  if ('public_keys' in raw) {
    const v = raw.public_keys;
    if (!Array.isArray(v) || !v.every((k) => k && typeof k === 'object' && typeof k.key === 'string'))
      bad('public_keys', 'must be an array of {key_id, key}');
    else settings.public_keys = v.map((k) => ({ key_id: k.key_id, key: k.key }));
  }
  if ('update_interval_minutes' in raw) {
    const v = raw.update_interval_minutes;
    if (!Number.isInteger(v) || v < MIN_INTERVAL_MINUTES || v > MAX_INTERVAL_MINUTES)
      bad('update_interval_minutes', `must be a whole number from ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES}`);
    else settings.update_interval_minutes = v;
  }
  for (const key of ['lock_policy', 'lock_pause', 'lock_override']) {
    if (!(key in raw)) continue;
    if (typeof raw[key] !== 'boolean') bad(key, 'must be true or false');
    else settings[key] = raw[key];
  }
  for (const key of ['inline_bundle', 'member_id', 'bundle_id']) {
    if (!(key in raw)) continue;
    if (typeof raw[key] !== 'string' || raw[key] === '') bad(key, 'must be a non-empty string');
    else settings[key] = raw[key];
  }
  return { settings, errors };
}

const pick = (managed, user, fallback) =>
  managed !== undefined ? { value: managed, origin: SettingOrigin.MANAGED }
    : user !== undefined ? { value: user, origin: SettingOrigin.USER }
      : { value: fallback, origin: SettingOrigin.DEFAULT };

/**
 * Effective settings, each { value, origin }. managed: raw managed storage; user: the options
 * page's values { bundle_url?, public_keys?, update_interval_minutes?, member_id? }. Locks can
 * only come from the admin.
 */
export function resolveSettings({ managed = {}, user = {} } = {}) {
  const { settings: m, errors } = normalizeManaged(managed);
  const userUrl = typeof user.bundle_url === 'string' && isAllowedBundleUrl(user.bundle_url) ? [user.bundle_url] : undefined;
  const userInterval = Number.isInteger(user.update_interval_minutes)
    ? Math.min(MAX_INTERVAL_MINUTES, Math.max(MIN_INTERVAL_MINUTES, user.update_interval_minutes)) : undefined;
  const lock = (key) => (m[key] !== undefined ? { value: m[key], origin: SettingOrigin.MANAGED } : { value: false, origin: SettingOrigin.DEFAULT });
  const lockPolicy = lock('lock_policy');
  // With lock_policy the user's own URL and keys are ignored, so only the admin's sources count.
  const userAllowed = !lockPolicy.value;
  return {
    managedActive: Boolean(m.inline_bundle || m.bundle_urls),
    bundleUrls: pick(m.bundle_urls, userAllowed ? userUrl : undefined, []),
    publicKeys: pick(m.public_keys, userAllowed && Array.isArray(user.public_keys) ? user.public_keys : undefined, []),
    updateIntervalMinutes: pick(m.update_interval_minutes, userInterval, DEFAULT_INTERVAL_MINUTES),
    memberId: pick(m.member_id, typeof user.member_id === 'string' && user.member_id ? user.member_id : undefined, null),
    inlineBundle: pick(m.inline_bundle, undefined, null),
    // The only bundle id that may be in force from signed sources (else the first one accepted).
    bundleId: pick(m.bundle_id, undefined, null),
    lockPolicy,
    lockPause: lock('lock_pause'),
    lockOverride: lock('lock_override'),
    errors,
  };
}

/** What the store remembers the first-accepted bundle id for: the list of bundle URLs. */
export const scopeOf = (settings) => JSON.stringify(settings.bundleUrls.value);

const coreErrors = (v) => (v?.errors ?? []).map((e) => (e.pointer ? `${e.pointer}: ${e.message}` : e.message)).join('; ');

/**
 * The policy in force. deps:
 *   settings: resolveSettings(...) result
 *   store: store.js instance
 *   trusted: importTrustedKeys(settings.publicKeys.value) result
 *   imported?: text of a user-imported bundle (plain bundle or signed envelope)
 *   defaultBundle: built-in bundle text
 *   now: ms; validate?: async (bundleText) → {ok, transient?, errors?}; subtle?
 * Returns { bundleText, origin, detail, frozen, warnings: [{code, message}],
 *           skipped: [{origin, code, reason}] }: every source passed over says why (code for the
 *           popup's localized text, reason the technical detail).
 */
export async function resolvePolicy({ settings, store, trusted, imported, defaultBundle, now, validate, subtle }) {
  const warnings = [];
  const skipped = [];
  const skip = (origin, code, reason) => skipped.push({ origin, code, reason });
  // A core that cannot be asked right now is not the bundle's fault: it stays a candidate (the
  // core host loads it when it is back) instead of silently putting the default in force.
  const check = async (text) => {
    if (!validate) return { ok: true };
    const v = await validate(text);
    if (v?.transient) warnings.push({ code: 'core_unavailable', message: coreErrors(v) });
    return { ok: !!v?.ok || !!v?.transient, errors: coreErrors(v) };
  };
  const keysFrom = settings.publicKeys.origin;
  const pin = settings.bundleId?.value ?? null;

  // 1. Admin-managed: an inline bundle wins over the admin's URLs.
  const inline = settings.inlineBundle.value;
  if (inline) {
    if (isSignedEnvelope(inline)) {
      const r = await verifySignedBundle(inline, trusted, { now, subtle });
      // An admin's own inline bundle that expired stays in force (frozen) with a warning.
      const text = r.header ? (r.bundleText ?? decodeBundle(inline)) : null;
      if (!(r.ok || r.status === Status.EXPIRED) || !r.header) skip(Origin.MANAGED, `inline_${r.status}`, r.message);
      else if (pin && r.header.bundleId !== pin) skip(Origin.MANAGED, 'inline_wrong_bundle', `${r.header.bundleId} ≠ bundle_id ${pin}`);
      else {
        const v = await check(text);
        if (v.ok) {
          if (!r.ok) warnings.push({ code: r.status, message: r.message });
          return { bundleText: text, origin: Origin.MANAGED, frozen: !r.ok,
                   detail: { via: 'inline', signed: true, keyId: r.keyId, bundleId: r.header.bundleId, version: r.header.version, expires: r.header.expires },
                   warnings, skipped };
        }
        skip(Origin.MANAGED, 'inline_rejected', v.errors);
      }
    } else {
      const v = await check(inline);
      if (v.ok) return { bundleText: inline, origin: Origin.MANAGED, frozen: false, detail: { via: 'inline', signed: false }, warnings, skipped };
      skip(Origin.MANAGED, 'inline_rejected', v.errors);
    }
  }
  const urls = settings.bundleUrls;
  if (urls.value.length) {
    const eff = await store.effective({ trusted, pin, scope: scopeOf(settings) });
    warnings.push(...eff.warnings);
    if (eff.origin === 'signed') {
      const origin = urls.origin === SettingOrigin.MANAGED && keysFrom === SettingOrigin.MANAGED ? Origin.MANAGED : Origin.URL;
      return { bundleText: eff.bundleText, origin, frozen: eff.frozen,
               detail: { via: 'url', url: eff.source, keyId: eff.keyId, bundleId: eff.bundleId, version: eff.version, expires: eff.expires },
               warnings, skipped };
    }
    const rejected = eff.warnings.some((w) => w.code === 'stored_bundle_rejected');
    skip(urls.origin === SettingOrigin.MANAGED ? Origin.MANAGED : Origin.URL, rejected ? 'stored_rejected' : 'no_download',
         rejected ? eff.warnings.find((w) => w.code === 'stored_bundle_rejected').message : 'no verified bundle downloaded yet');
  }

  // 2. The user's own file, unless the admin locked the policy.
  if (imported) {
    if (settings.lockPolicy.value) {
      skip(Origin.IMPORTED, 'lock_policy', 'lock_policy: the administrator does not allow imported bundles');
    } else {
      let text = imported;
      let detail = { via: 'file', signed: false };
      if (isSignedEnvelope(imported)) {
        const r = await verifySignedBundle(imported, trusted, { now, subtle });
        text = r.ok ? r.bundleText : null;
        detail = r.ok ? { via: 'file', signed: true, keyId: r.keyId, version: r.header.version } : detail;
        if (!r.ok) skip(Origin.IMPORTED, `file_${r.status}`, r.message);
      }
      if (text !== null) {
        const v = await check(text);
        if (v.ok) return { bundleText: text, origin: Origin.IMPORTED, frozen: false, detail, warnings, skipped };
        skip(Origin.IMPORTED, 'file_rejected', v.errors);
      }
    }
  }

  // 3. Always something: the built-in default.
  return { bundleText: defaultBundle, origin: Origin.DEFAULT, frozen: false, detail: { via: 'built-in' }, warnings, skipped };
}

function decodeBundle(envelopeText) {
  const bytes = Uint8Array.from(atob(JSON.parse(envelopeText).bundle), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
