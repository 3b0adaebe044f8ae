// Local audit log of overrides and escalations: rule ids, time, site, text hash; never the text.
// Storage layout: ../shared/audit-store.js.
//
// Nothing is lost silently, and writing never holds up sending:
// - Every entry is queued first and the queue is written in one read-modify-write (serialised).
// - Storage full (quota): the oldest entries are removed, as few as needed, and the removal is
//   recorded in `auditMeta` (count, newest removed time, reason); the options page says the
//   export is partial. The same notice is recorded when the log reaches MAX_ENTRIES.
// - Any other failure (or quota with nothing old left to remove): the entries stay queued in
//   memory and in chrome.storage.session (survives service-worker restarts, not browser
//   restarts) and are written on the next entry, on the next start of the background, or by a
//   retry timer. A failed write never stops later writes.
import { AUDIT_KEY, AUDIT_META_KEY, AUDIT_PENDING_KEY } from '../shared/audit-store.js';

export const MAX_ENTRIES = 5000;
const RETRY_MS = [2000, 10_000, 30_000, 60_000];

let pending = [];       // entries not yet in the stored log, oldest first
let restored = null;    // Promise: pending entries saved by an earlier service worker, merged in
let inSession = false;  // storage.session holds a copy of `pending`
let chain = Promise.resolve();
let retries = 0;
let retryTimer = 0;

const utf8 = (s) => new TextEncoder().encode(s).length;
const sizeOf = (key, value) => key.length + utf8(JSON.stringify(value));
const isQuota = (e) => /quota/i.test(String(e?.message || e));
// Same entry written twice (a worker stopped between writing the log and clearing the queue, or
// the content script resent a message whose answer was lost: same id).
const sig = (e) => e?.id ? `id\u0001${e.id}` : `${e?.time}\u0001${e?.kind}\u0001${e?.textHash}\u0001${(e?.rules || []).join(' ')}`;

function restorePending() {
  restored ||= chrome.storage.session.get(AUDIT_PENDING_KEY).then((r) => {
    const saved = r?.[AUDIT_PENDING_KEY];
    if (Array.isArray(saved) && saved.length) { pending = [...saved, ...pending]; inSession = true; }
  }, () => { /* no session storage: memory only */ });
  return restored;
}

async function savePending() {
  try {
    if (pending.length) { await chrome.storage.session.set({ [AUDIT_PENDING_KEY]: pending }); inSession = true; }
    else if (inSession) { await chrome.storage.session.remove(AUDIT_PENDING_KEY); inSession = false; }
  } catch { /* memory only */ }
}

/** How many of the oldest entries to drop so that `items` fits the quota (estimated from the bytes in use). */
async function dropForQuota(next, drop, keepable, items, attempt) {
  const area = chrome.storage.local;
  const quota = area.QUOTA_BYTES;
  let overflow = null;
  if (quota && typeof area.getBytesInUse === 'function') {
    try {
      const [all, ours] = await Promise.all([area.getBytesInUse(null), area.getBytesInUse([AUDIT_KEY, AUDIT_META_KEY])]);
      const want = Object.entries(items).reduce((n, [k, v]) => n + sizeOf(k, v), 0);
      overflow = all - ours + want - quota;
    } catch { /* estimate below */ }
  }
  if (overflow == null || overflow <= 0) return drop + Math.max(1, Math.ceil(keepable * 0.01 * 2 ** attempt)); // no estimate: 1 %, 2 %, 4 %, …
  let freed = 0;
  let d = drop;
  const target = overflow + 1024 + Math.ceil(overflow / 50); // a little headroom for the count's own estimate
  while (d < keepable && freed < target) freed += utf8(JSON.stringify(next[d++])) + 1;
  return d;
}

async function flush() {
  await restorePending();
  if (!pending.length) return;
  const batch = pending.slice();
  const got = await chrome.storage.local.get([AUDIT_KEY, AUDIT_META_KEY]);
  const log = Array.isArray(got[AUDIT_KEY]) ? got[AUDIT_KEY] : [];
  const meta = got[AUDIT_META_KEY] || null;
  const recent = new Set(log.slice(-(batch.length + 20)).map(sig));
  const next = log.concat(batch.filter((e) => !recent.has(sig(e))));
  const keepable = next.length - batch.length; // old entries that may be removed; the new ones never
  let drop = Math.max(0, next.length - MAX_ENTRIES);
  let reason = drop ? 'limit' : '';
  for (let attempt = 0; ; attempt++) {
    const items = { [AUDIT_KEY]: drop ? next.slice(drop) : next };
    if (drop) {
      items[AUDIT_META_KEY] = { trimmed: (meta?.trimmed || 0) + drop, trimmedUntil: next[drop - 1]?.time || '',
        trimmedAt: new Date().toISOString(), reason };
    }
    try {
      await chrome.storage.local.set(items);
      break;
    } catch (e) {
      if (!isQuota(e) || drop >= keepable || attempt >= 12) throw e;
      reason = 'quota';
      drop = Math.min(keepable, Math.max(drop + 1, await dropForQuota(next, drop, keepable, items, attempt)));
    }
  }
  pending.splice(0, batch.length); // entries queued meanwhile stay
  retries = 0;
  await savePending();
}

function scheduleRetry() {
  if (retryTimer) return;
  const delay = RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)];
  retryTimer = setTimeout(() => { retryTimer = 0; run(); }, delay);
}

/** Writes the queue; resolves {stored, pending, error?}; never rejects. */
function run() {
  const p = chain.then(flush).then(
    () => ({ stored: true, pending: pending.length }),
    async (e) => {
      await savePending();
      scheduleRetry();
      return { stored: false, pending: pending.length, error: String(e?.message || e) };
    },
  );
  chain = p;
  return p;
}

/** Queues one entry and writes it (with anything still queued). */
export function appendAudit(entry) {
  pending.push(entry);
  return run();
}

/** Writes entries left queued by an earlier service worker (called when the background starts). */
export function resumeAudit() {
  return run();
}

// Imported only by the background: each start of it writes what an earlier worker left queued.
resumeAudit();
