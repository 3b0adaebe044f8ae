// Drains the queue in batches: encode, POST, remove what the receiver accepted; on failure wait
// (backoff + jitter, or the server's Retry-After) and try again. The waiting state is stored
// (dq.state), so a browser restart or a stopped service worker resumes at the planned time
// (the caller turns `wake(at)` into a chrome.alarms alarm) instead of starting over.
//   dq.state {failures, nextAttemptAt, lastError, lastStatus, lastOkAt, delivered, rejected, rejectedMessage, batchLimit}
import { nextAttemptDelay } from './backoff.js';

export const STATE_KEY = 'dq.state';
export const DEFAULT_BATCH = 100;
export const MAX_BODY_BYTES = 1_000_000; // well below a Collector's default 20 MiB request limit

const initialState = () => ({ failures: 0, nextAttemptAt: 0, lastError: '', lastStatus: null, lastOkAt: null, delivered: 0, rejected: 0,
  rejectedMessage: '', batchLimit: 0 });

/**
 * queue: queue.js; storage: chrome.storage.local-like; encode(records) → Uint8Array;
 * send(body) → transport.post result; wake(atMs): ask to be called at that time (alarm);
 * accepted(result, n) → {rejected, message} (OTLP partial success), optional.
 */
export function createBatcher({ queue, storage, encode, send, wake = () => {}, accepted = () => ({ rejected: 0, message: '' }),
  batchSize = DEFAULT_BATCH, maxBodyBytes = MAX_BODY_BYTES, now = Date.now, random = Math.random }) {
  let running = null;
  let again = false; // asked to run while running: entries queued after the last peek
  let forceAgain = false;
  const load = async () => ({ ...initialState(), ...((await storage.get(STATE_KEY))[STATE_KEY] || {}) });
  const save = (s) => storage.set({ [STATE_KEY]: s });

  async function drain(force) {
    let s = await load();
    if (!force && s.nextAttemptAt > now()) { wake(s.nextAttemptAt); return { sent: 0, waiting: true, state: s }; }
    let sent = 0;
    for (;;) {
      const limit = Math.max(1, Math.min(batchSize, s.batchLimit || batchSize));
      let records = await queue.peek(limit);
      if (!records.length) break;
      let body = encode(records);
      // Too large for one request: halve until it fits (one entry always goes alone).
      while (body.byteLength > maxBodyBytes && records.length > 1) {
        records = records.slice(0, Math.ceil(records.length / 2));
        body = encode(records);
      }
      const r = await send(body);
      if (r.ok) {
        const acc = accepted(r, records.length);
        await queue.ack(records[records.length - 1].seq);
        sent += records.length;
        s = { ...s, failures: 0, nextAttemptAt: 0, lastError: '', lastStatus: r.status, lastOkAt: now(), delivered: s.delivered + records.length,
          rejected: s.rejected + acc.rejected, rejectedMessage: acc.rejected ? acc.message : s.rejectedMessage,
          batchLimit: s.batchLimit && s.batchLimit < batchSize ? Math.min(batchSize, s.batchLimit * 2) : 0 };
        await save(s);
        continue;
      }
      if (r.status === 413 && records.length > 1) { // the receiver's limit is lower: smaller batches, at once
        s = { ...s, batchLimit: Math.max(1, Math.floor(records.length / 2)), lastError: r.error, lastStatus: r.status };
        await save(s);
        continue;
      }
      const failures = s.failures + 1;
      const at = now() + nextAttemptDelay(failures, r.retryAfterMs, { random });
      s = { ...s, failures, nextAttemptAt: at, lastError: r.error, lastStatus: r.status };
      await save(s);
      wake(at);
      return { sent, waiting: true, state: s };
    }
    return { sent, waiting: false, state: s };
  }

  return {
    /** Delivers what is queued unless a retry is planned for later (force: now anyway, e.g. back online). */
    run({ force = false } = {}) {
      if (running) { again = true; forceAgain ||= force; return running; }
      running = (async () => {
        let r;
        let f = force;
        do {
          again = false;
          r = await drain(f);
          f = forceAgain; // a forced request that arrived meanwhile (back online) is not swallowed by a planned wait
          forceAgain = false;
        } while (again && (!r.waiting || f));
        return r;
      })().finally(() => { running = null; });
      return running;
    },
    state: load,
    /** Forgets the planned wait (the endpoint changed). */
    async reset() { const s = await load(); await save({ ...s, failures: 0, nextAttemptAt: 0, batchLimit: 0, lastError: '' }); },
  };
}
