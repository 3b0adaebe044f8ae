// Periodic bundle updates from the admin's URLs. One tick() tries the mirrors in order (the first
// is preferred), uses ETag/Last-Modified so an unchanged bundle costs a 304, and hands every
// downloaded envelope to the store, which decides (a stale mirror's older version is refused as a
// rollback and the next mirror is tried). After a failed round the next attempt backs off
// exponentially; success returns to the configured interval. Time and network are injected:
// the background script calls tick() from chrome.alarms and re-arms the alarm at nextAttemptAt.
import { MAX_ENVELOPE_BYTES } from './verify.js';

export const UPDATER_KEY = 'replyguard.distribution.updater';
/** A download larger than this is not read (the envelope of a 16 MiB bundle, base64, fits). */
export const MAX_DOWNLOAD_BYTES = MAX_ENVELOPE_BYTES;

export const DEFAULTS = Object.freeze({
  intervalMinutes: 60,
  backoffBaseMs: 60 * 1000,          // first retry after about a minute
  backoffMaxMs: 6 * 60 * 60 * 1000,  // cap; also never longer than the regular interval
  timeoutMs: 30 * 1000,
});

/** Only https: (network) and file: (admin-provisioned local copy) are ever fetched. */
export function isAllowedBundleUrl(url) {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'file:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** Delay before the next attempt after `failures` consecutive failed rounds (≥ 1). */
export function backoffDelay(failures, { backoffBaseMs, backoffMaxMs }, random = Math.random) {
  const exp = Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.min(failures - 1, 30));
  // ±20 % jitter so hundreds of responders do not retry in lockstep after an outage.
  return Math.round(Math.min(backoffMaxMs, exp * (0.8 + 0.4 * random())));
}

/**
 * deps: { fetch, store (store.js), storage {get,set}, clock {now()}, random? , options? }
 */
export function createUpdater({ fetch, store, storage, clock, random = Math.random, options = {} }) {
  const cfg = { ...DEFAULTS, ...options };

  // The state as last computed: storage that cannot be read or written (quota) must not make
  // the updater forget its backoff or what the last round found.
  let memory = null;

  async function loadState() {
    let s;
    try {
      s = await storage.get(UPDATER_KEY);
    } catch {
      s = undefined;
    }
    if (memory && (!s || typeof s !== 'object' || (memory.savedAt ?? 0) > (s.savedAt ?? 0))) s = memory;
    return s && typeof s === 'object'
      ? { validators: {}, failures: 0, nextAttemptAt: 0, ...structuredClone(s) }
      : { validators: {}, failures: 0, nextAttemptAt: 0 };
  }

  async function saveState(state, now) {
    state.savedAt = now;
    delete state.storageError;
    memory = structuredClone(state);
    try {
      await storage.set(UPDATER_KEY, state);
    } catch (e) {
      memory.storageError = state.storageError = String(e?.message ?? e);
    }
  }

  async function fetchOne(url, { trusted, pin, scope }, state) {
    const headers = {};
    const v = state.validators[url];
    if (v && !v.plainOnly && (await store.has(v.sha256))) {
      if (v.etag) headers['If-None-Match'] = v.etag;
      if (v.lastModified) headers['If-Modified-Since'] = v.lastModified;
    }
    const get = (h) => fetch(url, {
      headers: h, cache: 'no-cache', credentials: 'omit', redirect: 'follow',
      signal: typeof AbortSignal?.timeout === 'function' ? AbortSignal.timeout(cfg.timeoutMs) : undefined,
    });
    let response;
    let plainOnly = v?.plainOnly ?? false;
    try {
      response = await get(headers);
    } catch (e) {
      // Conditional headers make a cross-origin request "non-simple" (CORS preflight). A server
      // that allows only simple requests then fails; retry plainly and remember it for this URL.
      if (!Object.keys(headers).length) return { url, outcome: 'network_error', message: String(e?.message ?? e) };
      try {
        response = await get({});
        plainOnly = true;
      } catch (e2) {
        return { url, outcome: 'network_error', message: String(e2?.message ?? e2) };
      }
    }
    if (response.status === 304) return { url, outcome: 'not_modified', ok: true };
    // file: URLs answer status 0 in some browsers; treat a readable body as success.
    if (!(response.ok || (response.status === 0 && url.startsWith('file:'))))
      return { url, outcome: 'http_error', message: `HTTP ${response.status}` };
    const length = Number(response.headers?.get?.('content-length') ?? 0);
    if (length > MAX_DOWNLOAD_BYTES) return { url, outcome: 'too_large', message: `${length} bytes` };
    let body;
    try {
      // Bytes, so the verifier judges the UTF-8 itself (text() would replace invalid sequences).
      body = typeof response.arrayBuffer === 'function' ? new Uint8Array(await response.arrayBuffer()) : await response.text();
    } catch (e) {
      return { url, outcome: 'network_error', message: String(e?.message ?? e) };
    }
    if (body.length > MAX_DOWNLOAD_BYTES) return { url, outcome: 'too_large', message: `${body.length} bytes` };
    const r = await store.offer(body, { trusted, source: url, pin, scope });
    if (!r.accepted) return { url, outcome: 'rejected', status: r.status, message: r.message };
    state.validators[url] = {
      etag: response.headers?.get?.('etag') ?? null,
      lastModified: response.headers?.get?.('last-modified') ?? null,
      sha256: r.header.sha256,
      ...(plainOnly ? { plainOnly: true } : {}),
    };
    return { url, outcome: r.changed ? 'updated' : 'unchanged', ok: true, version: r.header.version };
  }

  /**
   * One update round. settings: { urls: [..], trusted (importTrustedKeys result),
   * intervalMinutes? }. force: ignore nextAttemptAt (user pressed "update now", settings changed).
   * Returns { status: 'not_due'|'updated'|'unchanged'|'not_modified'|'failed'|'no_urls',
   *           attempts: [{url, outcome, status?, message?}], nextAttemptAt, failures }.
   */
  async function tick({ urls = [], trusted, intervalMinutes, pin = null, scope = '' } = {}, { force = false } = {}) {
    const state = await loadState();
    const now = clock.now();
    if (!force && now < state.nextAttemptAt)
      return { status: 'not_due', attempts: [], nextAttemptAt: state.nextAttemptAt, failures: state.failures };
    const interval = Math.max(1, Number(intervalMinutes) || cfg.intervalMinutes) * 60 * 1000;
    const attempts = [];
    let success = null;
    for (const url of urls) {
      if (!isAllowedBundleUrl(url)) {
        attempts.push({ url, outcome: 'url_not_allowed', message: 'only https: and file: URLs are fetched' });
        continue;
      }
      const a = await fetchOne(url, { trusted, pin, scope }, state);
      attempts.push(a);
      if (a.ok) {
        success = a;
        break;
      }
    }
    if (urls.length === 0) {
      state.failures = 0;
      state.nextAttemptAt = now + interval;
      await saveState(state, now);
      return { status: 'no_urls', attempts, nextAttemptAt: state.nextAttemptAt, failures: 0, storageError: state.storageError };
    }
    if (success) {
      state.failures = 0;
      state.lastSuccessAt = now;
      state.nextAttemptAt = now + interval;
    } else {
      state.failures += 1;
      state.lastFailureAt = now;
      // Retries come sooner than the regular interval, never later than it (or the 6 h cap).
      const backoffMaxMs = Math.min(cfg.backoffMaxMs, interval);
      state.nextAttemptAt = now + backoffDelay(state.failures, { ...cfg, backoffMaxMs }, random);
    }
    state.lastAttempts = attempts;
    await saveState(state, now);
    return { status: success ? success.outcome : 'failed', attempts, nextAttemptAt: state.nextAttemptAt, failures: state.failures,
             storageError: state.storageError };
  }

  return { tick, state: loadState };
}
