// The background's delivery service: audit entries into the durable queue and out in batches
// (OTLP/HTTP JSON or JSON lines), escalations to Slack / Teams / PagerDuty / webhooks. The
// router calls onAudit(entry, draft) after an entry is in the local log, and passes page and
// content-script requests through. Retries wake the worker with a chrome.alarms alarm, so they
// survive a stopped worker and a browser restart; going back online tries at once.
import { createQueue } from './queue.js';
import { createBatcher } from './batcher.js';
import { post } from './transport.js';
import { otlpEncoder, rejectedByReceiver, OTLP_CONTENT_TYPE } from './otlp.js';
import { jsonlEncode, JSONL_CONTENT_TYPE } from './jsonl.js';
import { auditDeliveryConfig, originOf } from './config.js';
import { createEscalationSender, ESCALATION_ALARM } from './escalation.js';

export const ALARM = 'replyguard-delivery';
export const MANAGED_CACHE_KEY = 'replyguard.managed.last'; // kept by policy.js
const INSTANCE_KEY = 'dq.instance';
const CONFIG_KEY = 'dq.config'; // the endpoint last delivered to: a new endpoint starts without the old wait

/**
 * Managed settings, live when they answer within `waitMs`, else as policy.js last saw them.
 * Chrome answers only once its policy loader settled (about 3 s after the browser started); an
 * audit entry may wait for that (nothing is queued under a wrong "off"), the popup may not.
 */
async function readManaged(storage, waitMs = 300) {
  const live = await Promise.race([
    Promise.resolve().then(() => chrome.storage.managed?.get(null)).then((v) => v ?? {}, () => ({})),
    new Promise((r) => setTimeout(() => r(null), waitMs)),
  ]);
  if (live) return live;
  return (await storage.get(MANAGED_CACHE_KEY))[MANAGED_CACHE_KEY] || {};
}

/** bundleInfo(): the core's info of the policy in force (info.delivery), or null. */
export function createDeliveryService({ bundleInfo = () => null, version = '', storage = chrome.storage.local, alarms = chrome.alarms } = {}) {
  let config = null;
  let errors = [];
  const queue = createQueue(storage, { maxEntries: () => config?.maxQueue ?? 10_000 });
  let encoders = {};
  let instanceId = '';
  let timer = 0;

  async function current(waitMs) {
    const r = auditDeliveryConfig(await readManaged(storage, waitMs), bundleInfo()?.delivery || null);
    config = r.config;
    errors = r.errors;
    return config;
  }

  function encode(records) {
    const f = config.format;
    if (f === 'jsonl') return jsonlEncode(records);
    encoders.otlp ||= otlpEncoder({ serviceVersion: version, instanceId });
    return encoders.otlp(records);
  }

  function wake(at) {
    const delay = Math.max(0, at - Date.now());
    clearTimeout(timer);
    if (delay < 5 * 60_000) timer = setTimeout(() => run(), delay + 50); // precise while the worker lives
    alarms?.create(ALARM, { when: Math.max(at, Date.now() + 30_000) })?.catch?.(() => {}); // durable (Chrome's minimum is 30 s)
  }

  const batcher = createBatcher({
    queue, storage, encode, wake,
    batchSize: 100,
    send: (body) => post(config.url, { headers: { ...config.headers, 'content-type': config.format === 'jsonl' ? JSONL_CONTENT_TYPE : OTLP_CONTENT_TYPE }, body }),
    accepted: (r) => (config.format === 'otlp' ? rejectedByReceiver(r.body) : { rejected: 0, message: '' }),
  });

  async function ready(waitMs) {
    if (!instanceId) {
      const got = (await storage.get(INSTANCE_KEY))[INSTANCE_KEY];
      instanceId = got || crypto.randomUUID();
      if (!got) await storage.set({ [INSTANCE_KEY]: instanceId });
    }
    const c = await current(waitMs);
    if (c) {
      const last = (await storage.get(CONFIG_KEY))[CONFIG_KEY];
      if (last !== `${c.format} ${c.url}`) { await batcher.reset(); await storage.set({ [CONFIG_KEY]: `${c.format} ${c.url}` }); }
    }
    return c;
  }

  async function run(opts) {
    try {
      if (!(await ready())) return null; // off: what is queued waits (nothing is dropped by switching off)
      return await batcher.run(opts);
    } catch (e) {
      errors = [...errors, { key: 'delivery', message: String(e?.message || e) }];
      return null;
    }
  }

  chrome.alarms?.onAlarm.addListener((a) => { if (a.name === ALARM) run(); });
  globalThis.addEventListener?.('online', () => run({ force: true }));
  run(); // a new worker: deliver what an earlier one left, unless a retry is planned later

  // Escalation jobs outlive a stopped worker in session storage (memory only: the secrets they
  // carry never reach the disk); the alarm wakes the worker for a planned retry.
  const escalations = createEscalationSender({ store: chrome.storage?.session || null, alarms });
  chrome.alarms?.onAlarm.addListener((a) => { if (a.name === ESCALATION_ALARM) escalations.resume(); });

  return {
    /** An audit entry is in the local log: queue it for delivery (when configured). */
    async onAudit(entry, draft) {
      const c = await ready(5000).catch(() => null);
      if (!c) return { queued: false, off: true };
      const copy = { ...entry };
      if (c.includeDraft && typeof draft === 'string') copy.draft = draft;
      const id = typeof entry.id === 'string' && entry.id ? entry.id : crypto.randomUUID();
      const r = await queue.enqueue({ id, entry: copy });
      run();
      return r;
    },
    run,
    /** For the popup and options: {enabled, format, origin, url origin, queue, state, errors}. */
    async status() {
      const c = await ready().catch(() => null);
      const [q, s] = await Promise.all([queue.stats(), batcher.state()]);
      return { enabled: !!c, format: c?.format || null, origin: c?.origin || null, endpoint: c ? originOf(c.url) : '', includeDraft: !!c?.includeDraft,
        queue: q, state: s, errors };
    },
    /** Escalation targets: x as in escalation.js start(); the managed secrets are read here. */
    async escalate(x) { return escalations.start({ ...x, managed: await readManaged(storage) }); },
    escalationStatus: (id) => escalations.status(id),
    async managedOrigins() {
      const m = await readManaged(storage);
      const urls = [config?.url, ...Object.values(m?.escalation_endpoints || {}).map((e) => e?.url || (e?.routing_key ? 'https://events.pagerduty.com/' : ''))];
      return [...new Set(urls.filter(Boolean).map(originOf).filter(Boolean))];
    },
  };
}
