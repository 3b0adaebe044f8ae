// Where the audit log lives, shared by the background (writes) and the options page (reads).
//   chrome.storage.local   `audit`        the log: [{time, kind, site, platform, rules, textHash, policy, …}]
//                          `auditMeta`    {trimmed, trimmedUntil, trimmedAt, reason}: older entries
//                                         removed (storage full, or the entry limit)
//   chrome.storage.session `auditPending` entries not yet in the log because writing failed; kept
//                                         across service-worker restarts and written when possible
//   IndexedDB replyguard-audit/pending    the same entries, written ahead: they survive a browser
//                                         restart (../background/audit-journal.js)
// Each entry has an id (written once by id). textHash is HMAC-SHA-256 of the draft under a
// per-install secret (`auditKey`), so a short draft cannot be confirmed by hashing guesses.
import { KEYS } from './settings.js';
import { createJournal } from '../background/audit-journal.js';

export const AUDIT_KEY = KEYS.audit;
export const AUDIT_META_KEY = 'auditMeta';
export const AUDIT_PENDING_KEY = 'auditPending';

/** The whole log as an export sees it: stored entries, then entries still waiting to be written. */
export async function readAudit() {
  const { [AUDIT_KEY]: log = [], [AUDIT_META_KEY]: meta = null } = await chrome.storage.local.get([AUDIT_KEY, AUDIT_META_KEY]);
  let pending = [];
  try { pending = (await chrome.storage.session.get(AUDIT_PENDING_KEY))[AUDIT_PENDING_KEY] || []; } catch { /* no session storage */ }
  try { pending = pending.concat(await createJournal().all()); } catch { /* no journal */ }
  const seen = new Set(log.map((e) => e.id).filter(Boolean));
  pending = pending.filter((e) => !e.id || (!seen.has(e.id) && seen.add(e.id)));
  return { entries: [...log, ...pending], stored: log.length, pending: pending.length, meta: meta && meta.trimmed > 0 ? meta : null };
}
