// Retry delays: exponential backoff with jitter, capped. The server's Retry-After (429/503)
// wins when it asks for longer. Pure, so the queue tests drive it with a fixed random source.

export const BASE_MS = 5_000;
export const CAP_MS = 30 * 60_000;
/** Longest Retry-After honoured; a server asking for more is retried after this. */
export const MAX_RETRY_AFTER_MS = 6 * 60 * 60_000;

/**
 * Delay before attempt number `failures` (1 = after the first failure): a random point in the
 * upper half of min(cap, base·2^(failures-1)) ("equal jitter"), so clients that failed together
 * spread out but none retries much sooner than planned.
 */
export function backoffDelay(failures, { base = BASE_MS, cap = CAP_MS, random = Math.random } = {}) {
  const n = Math.max(1, failures);
  const ceiling = Math.min(cap, base * 2 ** Math.min(n - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After (RFC 9110: delay-seconds or an HTTP-date) in ms from `now`, or null. */
export function parseRetryAfter(value, now = Date.now()) {
  if (value == null || value === '') return null;
  const s = String(value).trim();
  if (/^\d+$/.test(s)) return Math.min(MAX_RETRY_AFTER_MS, Number(s) * 1000);
  const at = Date.parse(s);
  if (Number.isNaN(at)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - now));
}

/** When to try next after a failure: the later of the backoff and the server's Retry-After. */
export function nextAttemptDelay(failures, retryAfterMs, opts) {
  const d = backoffDelay(failures, opts);
  return retryAfterMs == null ? d : Math.max(d, retryAfterMs);
}
