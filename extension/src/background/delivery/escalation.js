// Escalation delivery, started by the responder in the escalation panel: one job per click,
// each target tried a few times (backoff + jitter, Retry-After honoured) and its state kept for
// the panel to show: sending | retrying (next attempt at) | delivered | failed (why). Jobs live in
// memory (the panel asks every second, which keeps the worker alive); mailto:/tel: stay offered.
import { escalationPayload } from './escalation-payloads.js';
import { escalationEndpoint } from './config.js';
import { nextAttemptDelay } from './backoff.js';
import { post as httpPost } from './transport.js';

export const MAX_ATTEMPTS = 5;
const RETRY = { base: 2_000, cap: 60_000 };
const MAX_WAIT_MS = 5 * 60_000; // a longer Retry-After: failed now, the panel says when to try
const KEEP_JOBS = 20;

export function createEscalationSender({ post = httpPost, now = Date.now, random = Math.random, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) } = {}) {
  const jobs = new Map(); // id -> {id, targets: {targetId: state}}

  async function deliverOne(job, d, x) {
    const st = job.targets[d.target];
    for (let attempt = 1; ; attempt++) {
      Object.assign(st, { state: 'sending', attempts: attempt, nextAt: null });
      const r = await post(x.endpoint.url, { headers: { ...x.endpoint.headers, 'content-type': 'application/json' }, body: JSON.stringify(x.body) });
      st.status = r.status;
      if (r.ok) { Object.assign(st, { state: 'delivered', error: '', at: now() }); return; }
      st.error = r.error;
      // 4xx other than 408/429: the request or the secret is wrong; repeating it cannot help.
      const permanent = r.status >= 400 && r.status < 500 && r.status !== 408 && r.status !== 429;
      const wait = nextAttemptDelay(attempt, r.retryAfterMs, { ...RETRY, random });
      if (permanent || attempt >= MAX_ATTEMPTS || wait > MAX_WAIT_MS) {
        Object.assign(st, { state: 'failed', retryAfterMs: r.retryAfterMs });
        return;
      }
      Object.assign(st, { state: 'retrying', nextAt: now() + wait });
      await sleep(wait);
    }
  }

  return {
    /**
     * Starts delivering. x: {id, deliveries (core), managed, message(withDraft) → core message,
     * esc, postUrl, site, member, policy, draft}. Returns the job's state.
     */
    async start(x) {
      const job = { id: `${x.id}:${now()}`, targets: {} };
      jobs.set(job.id, job);
      while (jobs.size > KEEP_JOBS) jobs.delete(jobs.keys().next().value);
      const work = [];
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
        work.push(deliverOne(job, d, { endpoint, body }));
      }
      job.done = Promise.all(work);
      return this.status(job.id);
    },
    status(id) {
      const job = jobs.get(id);
      if (!job) return null;
      return { id: job.id, targets: Object.values(job.targets).map((t) => ({ ...t })) };
    },
    /** For tests: resolves when every target of the job has finished. */
    done(id) { return jobs.get(id)?.done; },
  };
}
