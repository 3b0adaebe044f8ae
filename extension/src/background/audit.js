// Local audit log of overrides and escalations: rule ids, time, site, text hash; never the text.
// Storage layout: ../shared/audit-store.js.
//
// Nothing is lost silently, and writing never holds up sending:
// - Every entry is queued first and the queue is written in one read-modify-write (serialised).
// - Storage full (quota): the oldest entries are removed, as few as needed, and the removal is
//   recorded in `auditMeta` (count, newest removed time, reason); the options page says the
//   export is partial. The same notice is recorded when the log reaches MAX_ENTRIES.
// - Any other failure (or quota with nothing old left to remove): the entries stay queued in
//   memory, in chrome.storage.session (survives service-worker restarts) and in the write-ahead
//   journal (IndexedDB, survives browser restarts: audit-journal.js), and are written on the next
//   entry, on the next start of the background, or by a retry timer. A failed write never stops
//   later writes.
// - appendAudit answers `durable` only once the entry is in the log or in the journal: the send
//   it belongs to is released only then. Entries carry an id; the same id is written once, so a
//   retried message (the worker stopped before answering) never duplicates an entry.
import { AUDIT_KEY, AUDIT_META_KEY, AUDIT_PENDING_KEY } from '../shared/audit-store.js';
import { createJournal } from './audit-journal.js';

export const MAX_ENTRIES = 5000;
const RETRY_MS = [2000, 10_000, 30_000, 60_000];

let pending = [];       // entries not yet in the stored log, oldest first
let restored = null;    // Promise: pending entries saved by an earlier service worker, merged in
let inSession = false;  // storage.session holds a copy of `pending`
let chain = Promise.resolve();
let retries = 0;
let retryTimer = 0;
let journal = createJournal();

const utf8 = (s) => new TextEncoder().encode(s).length;
const sizeOf = (key, value) => key.length + utf8(JSON.stringify(value));
const isQuota = (e) => /quota/i.test(String(e?.message || e));
// Same entry written twice (a retried message, a worker stopped between writing the log and
// clearing the queue): by id; entries from before ids by their content.
const sig = (e) => (e?.id ? `id:${e.id}` : `${e?.time}\u0001${e?.kind}\u0001${e?.textHash}\u0001${(e?.rules || []).join(' ')}`);

/** Tests: a stand-in for the IndexedDB journal (memoryJournal from audit-journal.js). */
export function useJournal(j) { journal = j; }

function restorePending() {
  restored ||= (async () => {
    const seen = new Set(pending.map(sig));
    const add = (list) => {
      const fresh = (Array.isArray(list) ? list : []).filter((e) => e && !seen.has(sig(e)));
      for (const e of fresh) seen.add(sig(e));
      return fresh;
    };
    let earlier = [];
    try {
      const saved = (await chrome.storage.session.get(AUDIT_PENDING_KEY))?.[AUDIT_PENDING_KEY];
      earlier = add(saved);
      if (earlier.length) inSession = true;
    } catch { /* no session storage */ }
    try {
      // After a browser restart only the journal still holds what could not be written.
      earlier = earlier.concat(add(await journal.all())).sort((a, b) => String(a.time).localeCompare(String(b.time)));
    } catch { /* no journal */ }
    pending = [...earlier, ...pending];
  })();
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
  const written = new Set(log.map(sig));
  const fresh = [];
  for (const e of batch) if (!written.has(sig(e))) { written.add(sig(e)); fresh.push(e); }
  const next = log.concat(fresh);
  const keepable = next.length - fresh.length; // old entries that may be removed; the new ones never
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
  const ids = batch.map((e) => e.id).filter(Boolean);
  if (ids.length) await journal.remove(ids).catch(() => { /* removed next time; written once by id */ });
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

/**
 * Queues one entry and writes it (with anything still queued). Resolves {stored, pending,
 * durable, error?}: durable when the entry is in the log or, the log failing, in the journal.
 */
export async function appendAudit(entry) {
  pending.push(entry);
  const r = await run();
  if (r.stored) return { ...r, durable: true };
  try {
    if (!entry.id) throw new Error('an entry without id cannot be journaled');
    await journal.put(entry);
    return { ...r, durable: true };
  } catch (e) {
    return { ...r, durable: false, error: `${r.error}; journal: ${String(e?.message || e)}` };
  }
}

/** Writes entries left queued by an earlier service worker (called when the background starts). */
export function resumeAudit() {
  return run();
}

// Imported only by the background: each start of it writes what an earlier worker left queued.
resumeAudit();
