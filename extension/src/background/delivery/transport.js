// One HTTPS POST with a timeout, classified for the retry logic. Never throws.
import { parseRetryAfter } from './backoff.js';

export const TIMEOUT_MS = 30_000;

/**
 * Returns {ok, status, retryAfterMs, error, body}. ok = 2xx. status 0 = no answer (offline,
 * refused, TLS failure, timeout). body: the response text (at most 64 KB), for OTLP partial success.
 */
export async function post(url, { headers = {}, body, fetchImpl = globalThis.fetch, timeoutMs = TIMEOUT_MS, now = Date.now } = {}) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const res = await fetchImpl(url, { method: 'POST', headers, body, signal: ctl.signal, credentials: 'omit', redirect: 'error', cache: 'no-store' });
    let text = '';
    try { text = (await res.text()).slice(0, 65_536); } catch { /* body unreadable: status is enough */ }
    return { ok: res.ok, status: res.status, retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()), error: res.ok ? '' : `HTTP ${res.status}`, body: text };
  } catch (e) {
    const error = ctl.signal.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} s` : String(e?.message || e);
    return { ok: false, status: 0, retryAfterMs: null, error, body: '' };
  } finally {
    clearTimeout(timer);
  }
}
