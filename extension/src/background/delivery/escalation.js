// Escalation delivery, started by the responder in the escalation panel: one job per click,
// each target tried a few times (backoff + jitter, Retry-After honoured) and its state kept for
// the panel to show: sending | retrying (next attempt at) | delivered | failed (why); mailto:/tel:
// stay offered. Jobs, with the request each target still has to get, are mirrored to `store`
// (chrome.storage.session: memory only, so webhook URLs and routing keys never reach the disk):
// a worker stopped while a retry waits (the panel closed, nothing keeps it alive) resumes the
// job when it starts again, woken by an alarm at the next attempt. A request cut off by the
// stop is sent again; its dedup key / id is the same, so the receiver sees one escalation.
import { escalationPayload } from './escalation-payloads.js';
import { escalationEndpoint } from './config.js';
import { nextAttemptDelay } from './backoff.js';
import { post as httpPost } from './transport.js';

export const MAX_ATTEMPTS = 5;
export const ESCALATION_ALARM = 'replyguard-escalation';
export const JOBS_KEY = 'esc.jobs';
const RETRY = { base: 2_000, cap: 60_000 };
const MAX_WAIT_MS = 5 * 60_000; // a longer Retry-After: failed now, the panel says when to try
const KEEP_JOBS = 20;
const TERMINAL = new Set(['delivered', 'failed']);

export function createEscalationSender({ post = httpPost, now = Date.now, random = Math.random, sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
  store = null, alarms = null } = {}) {
  const jobs = new Map(); // id -> {id, targets: {targetId: state}, work: {targetId: {endpoint, body}}, done}
  const running = new Set(); // `${job}\u0001${target}` delivered by this worker right now
  const ready = store ? store.get(JOBS_KEY).then((r) => {
    for (const j of Array.isArray(r?.[JOBS_KEY]) ? r[JOBS_KEY] : []) if (j?.id && !jobs.has(j.id)) jobs.set(j.id, j);
  }, () => { /* unreadable: this worker's jobs only */ }) : Promise.resolve();

  let writing = null, dirty = false;
  function save() {
    // Wake a stopped worker at the earliest planned attempt (Chrome's minimum delay is 30 s).
    const next = Math.min(...[...jobs.values()].flatMap((j) => Object.values(j.targets)).filter((s) => s.state === 'retrying').map((s) => s.nextAt));
    if (Number.isFinite(next)) alarms?.create(ESCALATION_ALARM, { when: Math.max(next, now() + 30_000) })?.catch?.(() => {});
    else alarms?.clear(ESCALATION_ALARM)?.catch?.(() => {});
    if (!store) return Promise.resolve();
    dirty = true;
    writing ||= (async () => {
      while (dirty) {
        dirty = false;
        await store.set({ [JOBS_KEY]: [...jobs.values()].map(({ done, ...j }) => j) }).catch(() => {});
      }
      writing = null;
    })();
    return writing;
  }

  function forget() { // the oldest finished jobs; one with work left stays
    for (const [id, j] of jobs) {
      if (jobs.size <= KEEP_JOBS) return;
      if (!Object.keys(j.work).length) jobs.delete(id);
    }
  }

  async function deliverOne(job, target) {
    const key = `${job.id}\u0001${target}`;
    if (running.has(key)) return;
    running.add(key);
    try {
      const st = job.targets[target];
      const x = job.work[target];
      if (!x || TERMINAL.has(st.state)) return;
      if (st.state === 'retrying' && st.nextAt > now()) await sleep(st.nextAt - now());
      for (let attempt = (st.attempts || 0) + 1; ; attempt++) {
        Object.assign(st, { state: 'sending', attempts: attempt, nextAt: null });
        await save(); // an attempt that a stop cuts off is made again by the next worker
        const r = await post(x.endpoint.url, { headers: { ...x.endpoint.headers, 'content-type': 'application/json' }, body: JSON.stringify(x.body) });
        st.status = r.status;
        if (r.ok) { Object.assign(st, { state: 'delivered', error: '', at: now() }); break; }
        st.error = r.error;
        // 4xx other than 408/429: the request or the secret is wrong; repeating it cannot help.
        const permanent = r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429;
        const wait = nextAttemptDelay(attempt, r.retryAfterMs, { ...RETRY, random });
        if (permanent || attempt >= MAX_ATTEMPTS || wait > MAX_WAIT_MS) {
          Object.assign(st, { state: 'failed', retryAfterMs: r.retryAfterMs });
          break;
        }
        Object.assign(st, { state: 'retrying', nextAt: now() + wait });
        await save();
        await sleep(wait);
      }
      delete job.work[target];
      await save();
    } finally {
      running.delete(key);
    }
  }

  /** Continues every job a stopped worker left unfinished (at start and on the alarm). */
  async function resume() {
    await ready;
    for (const job of jobs.values()) {
      const left = Object.keys(job.work).filter((t) => !running.has(`${job.id}\u0001${t}`));
      if (left.length) job.done = Promise.all([job.done, ...left.map((t) => deliverOne(job, t))]);
    }
  }

  function status(id) {
    const job = jobs.get(id);
    if (!job) return null;
    return { id: job.id, targets: Object.values(job.targets).map((t) => ({ ...t })) };
  }

  if (store) resume();

  return {
    /**
     * Starts delivering. x: {id, deliveries (core), managed, message(withDraft) → core message,
     * esc, postUrl, site, member, policy, draft}. Returns the job's state.
     */
    async start(x) {
      await ready;
      const job = { id: `${x.id}:${now()}`, targets: {}, work: {} };
      for (const d of x.deliveries || []) {
        const st = { target: d.target, kind: d.kind, name: d.name || null, state: 'sending', attempts: 0, error: '' };
        job.targets[d.target] = st;
        const endpoint = escalationEndpoint(x.managed, d.target, d.kind);
        if (!endpoint) { Object.assign(st, { state: 'failed', error: 'no endpoint for this target in the managed settings (escalation_endpoints)' }); continue; }
        const withDraft = !!d.include_draft;
        const msg = await x.message(withDraft);
        const body = escalationPayload({ id: `${x.id}-${d.target}`.slice(0, 255), kind: d.kind, msg, esc: x.esc, routes: d.routes, severity: d.severity,
          postUrl: x.postUrl, site: x.site, member: x.member, policy: x.policy, time: now(), routingKey: endpoint.routingKey,
          draft: withDraft ? x.draft : undefined });
        job.work[d.target] = { endpoint, body };
      }
      jobs.set(job.id, job);
      forget();
      await save();
      job.done = Promise.all(Object.keys(job.work).map((t) => deliverOne(job, t)));
      return status(job.id);
    },
    async status(id) { await ready; return status(id); },
    resume,
    /** For tests: resolves when every target of the job has finished (in this worker). */
    async done(id) { await ready; return jobs.get(id)?.done; },
  };
}
