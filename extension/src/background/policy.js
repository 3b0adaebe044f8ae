// Which policy is in force, and keeping it current: wires the signed-bundle distribution
// (src/distribution/) to the browser. Sources in precedence order: admin-managed settings >
// the user's bundle URL > an imported file > the built-in default (sources.js). The answer is
// cached and recomputed only when something it depends on changes (managed storage, settings,
// the imported file, the last-known-good store), so checks never pay for it.
import { createDistribution } from '../distribution/distribution.js';
import { storageAdapter, STORE_KEY } from '../distribution/store.js';
import { UPDATER_KEY } from '../distribution/updater.js';
import { getSettings, getPolicySource } from '../shared/settings.js';
import { fnv1a } from '../shared/hash.js';

export const ALARM = 'replyguard-update';
export { STORE_KEY, UPDATER_KEY };
/** The admin's settings as last read (answers while managed storage is not ready yet). */
export const MANAGED_CACHE_KEY = 'replyguard.managed.last';
// Chrome answers chrome.storage.managed only once its policy loader settled, about 3 s after the
// browser started; a check must not wait that long. Until then the last values read stand in.
const MANAGED_WAIT_MS = 300;
// A policy computed while the core could not be asked is computed again after this long.
const RETRY_MS = 30 * 1000;

/** Keys of the settings object that feed the distribution (a change forces an update round). */
export const DIST_SETTING_KEYS = ['bundleUrl', 'publicKeys', 'memberId'];

/**
 * coreTransport: the background's link to the core host (validate = the core's loadPolicy).
 * onManagedLate(): the live managed settings arrived after the cached ones were used, and differ.
 * Returns { current(), invalidate(), managedChanged(), update({force}), info() }.
 */
export function createPolicyService({ coreTransport, onManagedLate = () => {}, onRetry = () => {} }) {
  let distPromise = null;
  let managedLive = null;     // values read from chrome.storage.managed since the last change
  let managedPending = null;
  let answeredFromCache = false;

  function readManagedLive() {
    managedPending ||= Promise.resolve()
      .then(() => chrome.storage.managed?.get(null))
      .then((v) => v ?? {}, () => ({})) // Chrome without policy support, Firefox without policy
      .then(async (v) => {
        managedLive = v;
        // The cache is a convenience: a full or failing local storage must not lose the live values.
        try {
          const { [MANAGED_CACHE_KEY]: last } = await chrome.storage.local.get(MANAGED_CACHE_KEY);
          if (JSON.stringify(last ?? {}) !== JSON.stringify(v)) {
            if (answeredFromCache) { answeredFromCache = false; onManagedLate(); }
            await chrome.storage.local.set({ [MANAGED_CACHE_KEY]: v });
          }
        } catch { /* kept in memory; read live again after the next start */ }
        return v;
      });
    return managedPending;
  }

  /** Managed settings: live when ready within MANAGED_WAIT_MS, else the last values read. */
  const managedArea = {
    async get() {
      if (managedLive) return managedLive;
      const quick = await Promise.race([readManagedLive(), new Promise((r) => setTimeout(r, MANAGED_WAIT_MS))]);
      if (quick) return quick;
      answeredFromCache = true;
      try {
        const { [MANAGED_CACHE_KEY]: last } = await chrome.storage.local.get(MANAGED_CACHE_KEY);
        return last ?? {};
      } catch {
        return readManagedLive();
      }
    },
  };

  let cached = null;      // Promise<{ policy, settings, key }>
  let chain = Promise.resolve();
  const validated = new Map(); // fnv1a(text) -> {ok, errors} (the same text validates the same)
  let retryTimer = 0;

  async function validate(text) {
    const h = fnv1a(text);
    if (validated.has(h)) return validated.get(h);
    const r = await coreTransport({ op: 'validate', text });
    // Not the bundle's fault and not cached: the sources keep it as a candidate, and the policy
    // in force is computed again shortly (retryLater).
    if (!r?.ok) return { ok: false, transient: true, errors: [{ pointer: '', message: r?.error || 'core unavailable' }] };
    const v = { ok: !!r.value?.ok, errors: r.value?.errors || [] };
    if (validated.size > 32) validated.clear();
    validated.set(h, v);
    return v;
  }

  /** The core refused to load this text although it was chosen: never choose it again. */
  function rejected(text, errors) {
    validated.set(fnv1a(text), { ok: false, errors: errors?.length ? errors : [{ pointer: '', message: 'the checker refused the bundle' }] });
    invalidate();
  }

  function retryLater() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => { retryTimer = 0; invalidate(); onRetry(); }, RETRY_MS);
    retryTimer.unref?.(); // Node tests: a pending retry does not keep the process alive
  }

  async function readUserSettings() {
    const s = await getSettings();
    const keys = Array.isArray(s.publicKeys) ? s.publicKeys.filter((k) => k && typeof k.key === 'string') : [];
    return {
      member_id: s.memberId || undefined,
      bundle_url: s.bundleUrl || undefined,
      public_keys: keys.length ? keys.map((k) => ({ key_id: k.key_id, key: k.key })) : undefined,
    };
  }

  async function readImported() {
    const src = await getPolicySource();
    return src.source === 'file' ? src.text : null;
  }

  function dist() {
    distPromise ||= (async () => {
      const defaultBundle = await (await fetch(chrome.runtime.getURL('policy/default-bundle.json'))).text();
      return createDistribution({
        managedArea, storage: storageAdapter(chrome.storage.local),
        readUserSettings, readImported, fetch: (u, i) => fetch(u, i), clock: Date, defaultBundle, validate,
      });
    })().catch((e) => { distPromise = null; throw e; });
    return distPromise;
  }

  async function compute() {
    const d = await dist();
    const [policy, settings] = await Promise.all([d.policy(), d.settings()]);
    // The built-in default is compiled into the core: no need to hand it the text.
    const key = policy.origin === 'default' ? 'default' : `${policy.origin}:${fnv1a(policy.bundleText)}`;
    if (policy.warnings.some((w) => w.code === 'core_unavailable')) retryLater();
    return { policy, settings, key };
  }

  /** The policy in force and the effective settings (cached). */
  function current() {
    cached ||= compute().catch((e) => { cached = null; throw e; });
    return cached;
  }

  function invalidate() { cached = null; }

  /** chrome.storage.onChanged for "managed": read the admin's settings again. */
  function managedChanged() {
    managedLive = null;
    managedPending = null;
    invalidate();
  }

  /**
   * One update round (serialised), then re-arms the alarm. Returns { changed, update, key }.
   * force: settings changed or the user asked ("check now").
   */
  function update({ force = false } = {}) {
    const run = chain.then(async () => {
      const before = cached ? (await cached.catch(() => null))?.key : null;
      const d = await dist();
      let u;
      try {
        ({ update: u } = await d.update({ force }));
        if (Number.isFinite(u?.nextAttemptAt)) {
          await chrome.alarms.create(ALARM, { when: Math.max(Date.now() + 1000, u.nextAttemptAt) });
        }
      } finally {
        invalidate(); // settings read for this round are picked up even when the round failed
      }
      const { key } = await current();
      return { changed: before !== key, update: u, key };
    });
    chain = run.catch(() => {});
    return run;
  }

  /** What the popup and options page show: origin, details, age, warnings, settings with origins. */
  async function info() {
    const { policy, settings } = await current();
    const d = await dist();
    const up = await d.updater.state();
    const { [STORE_KEY]: st } = await chrome.storage.local.get(STORE_KEY);
    const entry = policy.detail?.keyId ? st?.entries?.[policy.detail.keyId] : null;
    const warnings = [...policy.warnings];
    // Downloads refused in the last round: the last good bundle stays; say why.
    for (const a of up.lastAttempts || []) {
      if (a.ok || ['updated', 'unchanged', 'not_modified'].includes(a.outcome)) continue;
      warnings.push({ kind: 'download', code: a.outcome === 'rejected' ? a.status : a.outcome, message: a.message || '', url: a.url });
    }
    if (up.storageError) warnings.push({ code: 'storage_error', message: up.storageError });
    for (const e of settings.keyErrors || []) warnings.push({ code: 'key_error', message: e.message, index: e.index });
    for (const e of settings.errors || []) warnings.push({ code: 'setting_error', message: `${e.key}: ${e.message}` });
    return {
      origin: policy.origin,
      detail: policy.detail,
      frozen: policy.frozen,
      warnings,
      skipped: policy.skipped,
      receivedAt: entry?.acceptedAt ?? null,
      issued: entry?.issued ?? null,
      update: { lastSuccessAt: up.lastSuccessAt ?? null, lastFailureAt: up.lastFailureAt ?? null,
                nextAttemptAt: up.nextAttemptAt || null, failures: up.failures || 0, attempts: up.lastAttempts || [] },
      settings,
    };
  }

  return { current, invalidate, managedChanged, update, info, rejected };
}
