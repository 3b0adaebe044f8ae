// Audit and escalation delivery (extension/src/background/delivery/) against local HTTPS
// receivers that check every request against its contract (support/contracts.mjs) and can
// fail, hang, rate-limit and go down. Storage is an in-memory chrome.storage stand-in; a
// "restart" is a new queue and batcher over the same storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startReceiver } from './support/https-receiver.mjs';
import { memoryStorage, fetchTrusting } from './support/memory-storage.mjs';
import { validateOtlpLogs, otlpRecords, validateSlack, validateTeams, validatePagerDuty } from './support/contracts.mjs';
import { createQueue, META_KEY } from '../../extension/src/background/delivery/queue.js';
import { createBatcher, STATE_KEY } from '../../extension/src/background/delivery/batcher.js';
import { backoffDelay, parseRetryAfter, nextAttemptDelay, CAP_MS } from '../../extension/src/background/delivery/backoff.js';
import { otlpEncoder, rejectedByReceiver } from '../../extension/src/background/delivery/otlp.js';
import { jsonlEncode } from '../../extension/src/background/delivery/jsonl.js';
import { post } from '../../extension/src/background/delivery/transport.js';
import { auditDeliveryConfig, escalationEndpoint } from '../../extension/src/background/delivery/config.js';
import { escalationPayload } from '../../extension/src/background/delivery/escalation-payloads.js';
import { createEscalationSender } from '../../extension/src/background/delivery/escalation.js';

let rx, fetchImpl;
before(async () => { rx = await startReceiver(); fetchImpl = await fetchTrusting(rx.cert.cert); });
after(async () => { await rx.stop(); });
const resetRx = () => { rx.mode = 'ok'; rx.requests.length = 0; rx.accepted.length = 0; rx.invalid.length = 0; rx.ids.clear(); rx.maxRecords = Infinity; };

const entry = (i, extra = {}) => ({ id: `entry-${String(i).padStart(6, '0')}`, time: new Date(Date.UTC(2026, 11, 1, 9, 0, i)).toISOString(), kind: i % 3 ? 'override' : 'escalate',
  site: 'x.com', platform: 'x', rules: ['refund.guarantee', 'legal.admission'], textHash: 'ab'.repeat(32), policy: 'acme@3', justification: `customer asked ${i}`, ...extra });

function pipeline(storage, { path = '/v1/logs', format = 'otlp', max = 1000, batchSize = 50, clock, timeoutMs = 2000, random = () => 0.5 } = {}) {
  const queue = createQueue(storage, { maxEntries: max, now: clock });
  const enc = format === 'otlp' ? otlpEncoder({ serviceVersion: '0.1.0', instanceId: 'test-install' }) : jsonlEncode;
  const woken = [];
  const batcher = createBatcher({ queue, storage, batchSize, now: clock, random, wake: (at) => woken.push(at),
    encode: enc,
    send: (body) => post(`${rx.url}${path}`, { headers: { 'content-type': format === 'otlp' ? 'application/json' : 'application/x-ndjson' }, body, fetchImpl, timeoutMs }),
    accepted: (r) => (format === 'otlp' ? rejectedByReceiver(r.body) : { rejected: 0, message: '' }) });
  return { queue, batcher, woken };
}

test('backoff: grows exponentially with jitter in the upper half, capped; Retry-After wins when longer', () => {
  assert.equal(backoffDelay(1, { random: () => 0 }), 2500);
  assert.equal(backoffDelay(1, { random: () => 1 }), 5000);
  assert.equal(backoffDelay(4, { random: () => 0 }), 20_000);
  assert.equal(backoffDelay(60, { random: () => 1 }), CAP_MS);
  const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(3)));
  assert.ok(spread.size > 10, 'jitter spreads clients');
  for (const d of spread) assert.ok(d >= 10_000 && d <= 20_000);
  assert.equal(parseRetryAfter('120'), 120_000);
  const now = Date.UTC(2026, 0, 1);
  assert.equal(parseRetryAfter(new Date(now + 90_000).toUTCString(), now), 90_000);
  assert.equal(parseRetryAfter('soon'), null);
  assert.equal(nextAttemptDelay(1, 600_000, { random: () => 0 }), 600_000);
  assert.equal(nextAttemptDelay(5, 1000, { random: () => 1 }), 80_000);
});

test('OTLP JSON: the SDK-made body meets the opentelemetry-proto shape (times as strings, AnyValue attributes, stable uid)', () => {
  const enc = otlpEncoder({ serviceVersion: '0.1.0', instanceId: 'i-1' });
  const recs = [0, 1, 2].map((i) => ({ id: entry(i).id, queuedAt: Date.UTC(2026, 11, 1, 10), entry: entry(i) }));
  const body = JSON.parse(new TextDecoder().decode(enc(recs)));
  assert.deepEqual(validateOtlpLogs(body), []);
  const out = otlpRecords(body);
  assert.equal(out.length, 3);
  assert.equal(out[1].timeUnixNano, String(BigInt(Date.parse(entry(1).time)) * 1_000_000n));
  assert.equal(out[1].observedTimeUnixNano, String(BigInt(Date.UTC(2026, 11, 1, 10)) * 1_000_000n));
  assert.equal(out[1].severityNumber, 13);
  assert.equal(out[0].severityText, 'INFO');
  assert.deepEqual(out.map((r) => r.attributes['log.record.uid']), recs.map((r) => r.id));
  assert.deepEqual(out[1].attributes['replyguard.rules'], ['refund.guarantee', 'legal.admission']);
  assert.equal(out[1].attributes['replyguard.text_hash'], 'ab'.repeat(32));
  assert.equal(out[1].attributes['replyguard.draft'], undefined, 'no draft unless asked');
  assert.equal(out[1].resource['service.name'], 'replyguard-extension');
  assert.equal(out[1].resource['service.instance.id'], 'i-1');
  assert.equal(out[1].scope.name, 'replyguard.audit');
  assert.equal(body.resourceLogs.length, 1);
  assert.equal(body.resourceLogs[0].scopeLogs.length, 1);
  // The next batch holds only its own records.
  const again = JSON.parse(new TextDecoder().decode(enc(recs.slice(0, 1))));
  assert.equal(otlpRecords(again).length, 1);
});

test('the OTLP contract check itself: refuses numeric times (strict), two AnyValue kinds, unknown fields, bad ids', () => {
  const good = { resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 's' } }] }, scopeLogs: [{ scope: { name: 'l', version: '1' },
    logRecords: [{ timeUnixNano: '1544712660300000000', severityText: 'Information', traceId: '5B8EFFF798038103D269B633813FC60C', spanId: 'EEE19B7EC3C1B174',
      body: { stringValue: 'x' }, attributes: [{ key: 'i', value: { intValue: '10' } }, { key: 'm', value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } } }] }] }] }] };
  assert.deepEqual(validateOtlpLogs(good), []);
  const numeric = structuredClone(good);
  numeric.resourceLogs[0].scopeLogs[0].logRecords[0].timeUnixNano = 1544712660300000000;
  assert.match(validateOtlpLogs(numeric).join(), /timeUnixNano: must be a decimal string/);
  assert.deepEqual(validateOtlpLogs(numeric, { strict: false }), [], 'proto3 JSON parsers accept numbers too');
  const two = structuredClone(good);
  two.resourceLogs[0].scopeLogs[0].logRecords[0].body = { stringValue: 'x', intValue: '1' };
  assert.match(validateOtlpLogs(two).join(), /exactly one/);
  const unknown = structuredClone(good);
  unknown.resourceLogs[0].scopeLogs[0].logRecords[0].time_unix_nano = '1';
  assert.match(validateOtlpLogs(unknown).join(), /unknown field "time_unix_nano"/);
  const badId = structuredClone(good);
  badId.resourceLogs[0].scopeLogs[0].logRecords[0].spanId = 'xyz';
  assert.match(validateOtlpLogs(badId).join(), /spanId/);
});

test('queue: durable across restarts, bounded (refusals counted), one entry per id, acked entries never resent', async () => {
  const storage = memoryStorage();
  let q = createQueue(storage, { maxEntries: 5 });
  for (let i = 0; i < 4; i++) assert.equal((await q.enqueue({ id: `e${i}`, entry: entry(i) })).queued, true);
  assert.equal((await q.enqueue({ id: 'e1', entry: entry(1) })).duplicate, true);
  const fifth = await q.enqueue({ id: 'e4', entry: entry(4) });
  assert.deepEqual([fifth.queued, fifth.full], [true, true]);
  const sixth = await q.enqueue({ id: 'e5', entry: entry(5) });
  assert.deepEqual([sixth.queued, sixth.full], [false, true]);
  q = createQueue(storage, { maxEntries: 5 }); // restart
  let st = await q.stats();
  assert.deepEqual([st.size, st.full, st.refused], [5, true, 1]);
  const batch = await q.peek(3);
  assert.deepEqual(batch.map((r) => r.id), ['e0', 'e1', 'e2']);
  // A worker stopped between moving the head and removing the entries: nothing is resent.
  storage.failRemove = () => true;
  await assert.rejects(q.ack(batch.at(-1).seq));
  storage.failRemove = null;
  q = createQueue(storage, { maxEntries: 5 });
  assert.deepEqual((await q.peek(10)).map((r) => r.id), ['e3', 'e4']);
  assert.equal([...storage.data.keys()].filter((k) => k.startsWith('dq.e.')).length, 2, 'delivered entries removed at the next start');
  st = await q.stats();
  assert.equal(st.full, false);
  assert.equal(storage.data.get(META_KEY).refused, 1, 'the refusal stays on record');
});

test('receiver down for a long stretch, worker restarts in between: every entry arrives exactly once, in order', async () => {
  resetRx();
  await rx.stop();
  const storage = memoryStorage();
  let t = Date.UTC(2026, 11, 1, 8);
  const clock = () => t;
  let p = pipeline(storage, { clock });
  for (let i = 0; i < 120; i++) await p.queue.enqueue({ id: entry(i).id, entry: entry(i) });
  let r = await p.batcher.run();
  assert.equal(r.sent, 0);
  assert.equal(r.waiting, true);
  const s1 = storage.data.get(STATE_KEY);
  assert.equal(s1.failures, 1);
  assert.ok(s1.nextAttemptAt >= t + 2500 && s1.nextAttemptAt <= t + 5000);
  assert.deepEqual(p.woken, [s1.nextAttemptAt], 'asks to be woken (alarm) at the planned time');
  // A day of failures: the wait grows to the cap, nothing is dropped.
  for (let k = 0; k < 40; k++) { t = storage.data.get(STATE_KEY).nextAttemptAt; await p.batcher.run(); }
  assert.ok(storage.data.get(STATE_KEY).nextAttemptAt - t <= CAP_MS);
  assert.ok(t - Date.UTC(2026, 11, 1, 8) > 12 * 3600_000, 'simulated more than half a day offline');
  assert.equal((await p.queue.stats()).size, 120);
  // Restart: the new worker honours the planned wait, then delivers after the receiver is back.
  p = pipeline(storage, { clock });
  r = await p.batcher.run();
  assert.equal(r.waiting, true);
  assert.equal(rx.requests.length, 0, 'no request before the planned time');
  await rx.start();
  t = storage.data.get(STATE_KEY).nextAttemptAt;
  r = await p.batcher.run();
  assert.equal(r.sent, 120);
  assert.equal(rx.invalid.length, 0, JSON.stringify(rx.invalid));
  assert.equal(rx.accepted.length, 3, '120 entries in batches of 50');
  assert.deepEqual(rx.accepted.flatMap((a) => a.ids), Array.from({ length: 120 }, (_, i) => entry(i).id));
  assert.deepEqual(rx.duplicates(), []);
  assert.equal((await p.queue.stats()).size, 0);
  assert.equal(storage.data.get(STATE_KEY).failures, 0);
});

test('429 with Retry-After: the next attempt waits at least that long; 500 and a hanging receiver are retried', async () => {
  resetRx();
  const storage = memoryStorage();
  let t = Date.UTC(2026, 11, 2);
  const p = pipeline(storage, { clock: () => t, timeoutMs: 300 });
  await p.queue.enqueue({ id: 'r1', entry: entry(1) });
  rx.mode = 'ratelimit';
  rx.retryAfter = '3600';
  await p.batcher.run();
  assert.ok(storage.data.get(STATE_KEY).nextAttemptAt >= t + 3600_000);
  assert.equal(storage.data.get(STATE_KEY).lastStatus, 429);
  rx.mode = 'fail';
  t = storage.data.get(STATE_KEY).nextAttemptAt;
  await p.batcher.run();
  assert.equal(storage.data.get(STATE_KEY).lastStatus, 500);
  rx.mode = 'hang';
  t = storage.data.get(STATE_KEY).nextAttemptAt;
  await p.batcher.run();
  assert.equal(storage.data.get(STATE_KEY).lastStatus, 0);
  assert.match(storage.data.get(STATE_KEY).lastError, /no answer/);
  rx.releaseHanging();
  assert.equal(rx.accepted.length, 0);
  rx.mode = 'ok';
  t = storage.data.get(STATE_KEY).nextAttemptAt;
  const r = await p.batcher.run();
  assert.equal(r.sent, 1);
  assert.deepEqual([...rx.ids.keys()], ['r1']);
});

test('413: batches halve until the receiver takes them; JSON lines carry each id once', async () => {
  resetRx();
  rx.maxRecords = 7;
  const storage = memoryStorage();
  const p = pipeline(storage, { path: '/audit.jsonl', format: 'jsonl', batchSize: 40 });
  for (let i = 0; i < 40; i++) await p.queue.enqueue({ id: entry(i).id, entry: entry(i) });
  const r = await p.batcher.run();
  assert.equal(r.sent, 40);
  assert.deepEqual(rx.invalid, []);
  assert.ok(rx.accepted.every((a) => a.ids.length <= 7));
  assert.deepEqual(rx.accepted.flatMap((a) => a.ids), Array.from({ length: 40 }, (_, i) => entry(i).id));
  assert.equal(rx.accepted[0].body[0].schema, 'replyguard-audit/1');
  assert.equal(rx.accepted[0].body[0].draft, undefined);
});

test('entries queued while a batch is in flight are delivered, none lost or doubled', async () => {
  resetRx();
  const storage = memoryStorage();
  const p = pipeline(storage, { batchSize: 5 });
  for (let i = 0; i < 5; i++) await p.queue.enqueue({ id: `f${i}`, entry: entry(i) });
  let injected = false;
  rx.onRequest = () => { if (!injected) { injected = true; p.queue.enqueue({ id: 'late', entry: entry(99) }).then(() => p.batcher.run()); } };
  await p.batcher.run();
  rx.onRequest = null;
  await p.batcher.run();
  assert.deepEqual([...rx.ids.keys()], ['f0', 'f1', 'f2', 'f3', 'f4', 'late']);
});

test('config: off by default; managed wins over the bundle; headers only from managed; draft only when asked', () => {
  assert.equal(auditDeliveryConfig({}, null).config, null);
  assert.equal(auditDeliveryConfig({}, { audit: { format: 'otlp' } }).config, null, 'a bundle without url and no managed url: off');
  const b = auditDeliveryConfig({}, { audit: { format: 'jsonl', url: 'https://siem.example/in', include_draft: true } }).config;
  assert.deepEqual([b.url, b.format, b.includeDraft, b.origin], ['https://siem.example/in', 'jsonl', true, 'bundle']);
  const m = auditDeliveryConfig({ audit_delivery: { url: 'https://otel.example/v1/logs', headers: { Authorization: 'Bearer x', Cookie: 'no', 'Bad\nName': 'v' }, include_draft: false } },
    { audit: { format: 'jsonl', url: 'https://siem.example/in', include_draft: true } });
  assert.deepEqual([m.config.url, m.config.format, m.config.includeDraft], ['https://otel.example/v1/logs', 'otlp', false], 'the format goes with the managed URL');
  assert.deepEqual(m.config.headers, { Authorization: 'Bearer x' });
  assert.equal(m.errors.length, 2);
  const bad = auditDeliveryConfig({ audit_delivery: { url: 'http://plain.example/', format: 'otlp' } });
  assert.equal(bad.config, null);
  assert.match(bad.errors[0].message, /https/);
  assert.equal(escalationEndpoint({ escalation_endpoints: { pd: { routing_key: 'short' } } }, 'pd', 'pagerduty'), null);
  assert.equal(escalationEndpoint({ escalation_endpoints: { pd: { routing_key: 'a'.repeat(32) } } }, 'pd', 'pagerduty').url, 'https://events.pagerduty.com/v2/enqueue');
  assert.equal(escalationEndpoint({}, 'slack', 'slack'), null);
});

// An escalation answer as the core gives it (shape of wasm/core/escalation/escalate.cpp).
const ESC = { escalate: true, route: 'legal', respond_by: Date.UTC(2026, 11, 1, 12), targets: [{ member: 'mia', name: 'Mia Berger' }],
  reasons: [{ rule: 'legal.admission', category: 'legal', severity: 'block', route: 'legal', limit: 'role agent may decide up to warn' }],
  deliveries: [{ target: 'legal-slack', kind: 'slack', routes: ['legal'], severity: 'block', include_draft: false },
    { target: 'legal-teams', kind: 'teams', routes: ['legal'], severity: 'block', include_draft: false },
    { target: 'legal-pager', kind: 'pagerduty', routes: ['legal'], severity: 'block', include_draft: true },
    { target: 'soc-hook', kind: 'webhook', routes: ['legal'], severity: 'block', include_draft: false }] };
const DRAFT = 'We admit we were negligent and will pay.';
const message = (withDraft) => ({ subject: 'Escalation: legal', body: withDraft ? `Why\n> ${DRAFT}` : 'Why (draft not included)' });

test('escalation payloads meet the Slack, Teams and PagerDuty Events v2 contracts; the draft only where the policy allows', () => {
  const base = { id: 'esc-1', esc: ESC, routes: ['legal'], severity: 'block', postUrl: 'https://x.com/acme/status/1', site: 'x.com', member: 'tom', policy: 'acme@3', time: Date.UTC(2026, 11, 1, 11) };
  const slack = escalationPayload({ ...base, kind: 'slack', msg: message(false) });
  assert.deepEqual(validateSlack(slack), []);
  assert.ok(!JSON.stringify(slack).includes(DRAFT));
  const teams = escalationPayload({ ...base, kind: 'teams', msg: message(false) });
  assert.deepEqual(validateTeams(teams), []);
  const pd = escalationPayload({ ...base, kind: 'pagerduty', msg: message(false), routingKey: 'k'.repeat(32) });
  assert.deepEqual(validatePagerDuty(pd), []);
  assert.deepEqual([pd.event_action, pd.dedup_key, pd.payload.severity], ['trigger', 'esc-1', 'critical']);
  assert.equal(pd.payload.custom_details.draft, undefined);
  assert.ok(!JSON.stringify(pd).includes(DRAFT));
  const pdDraft = escalationPayload({ ...base, kind: 'pagerduty', msg: message(true), routingKey: 'k'.repeat(32), draft: DRAFT });
  assert.equal(pdDraft.payload.custom_details.draft, DRAFT);
  assert.equal(escalationPayload({ ...base, severity: 'warn', kind: 'pagerduty', msg: message(false), routingKey: 'k'.repeat(32) }).payload.severity, 'warning');
  assert.match(validatePagerDuty({ ...pd, payload: { ...pd.payload, severity: 'block' } }).join(), /severity/, 'the contract check can fail');
  assert.match(validateSlack({ blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] }).join(), /header/);
});

test('escalation sender: delivered, retrying after 429 then delivered, failed on 4xx or a missing secret', async () => {
  resetRx();
  const managed = { escalation_endpoints: {
    'legal-slack': { url: `${rx.url}/slack` }, 'legal-teams': { url: `${rx.url}/teams` },
    'legal-pager': { url: `${rx.url}/pagerduty/v2/enqueue`, routing_key: 'R'.repeat(32) } } }; // soc-hook: no secret
  const seen = [];
  let pdCalls = 0;
  rx.onRequest = (path) => { if (path.startsWith('/pagerduty') && ++pdCalls === 1) rx.mode = 'ratelimit'; else rx.mode = 'ok'; };
  rx.retryAfter = '1';
  const sender = createEscalationSender({ post: (url, o) => post(url, { ...o, fetchImpl }), random: () => 0,
    sleep: async (ms) => { seen.push(ms); await new Promise((r) => setTimeout(r, 20)); } });
  const first = await sender.start({ id: 'esc-2', deliveries: ESC.deliveries, managed, message: async (d) => message(d), esc: ESC,
    postUrl: 'https://x.com/acme/status/1', site: 'x.com', member: 'tom', policy: 'acme@3', draft: DRAFT });
  assert.equal(first.targets.find((x) => x.target === 'soc-hook').state, 'failed');
  assert.match(first.targets.find((x) => x.target === 'soc-hook').error, /managed settings/);
  await sender.done(first.id);
  rx.onRequest = null;
  const st = Object.fromEntries((await sender.status(first.id)).targets.map((x) => [x.target, x]));
  assert.equal(st['legal-slack'].state, 'delivered');
  assert.equal(st['legal-teams'].state, 'delivered');
  assert.equal(st['legal-pager'].state, 'delivered');
  assert.equal(st['legal-pager'].attempts, 2);
  assert.ok(seen.includes(1000), 'waited for Retry-After');
  assert.deepEqual(rx.invalid, []);
  const pdBody = rx.accepted.find((a) => a.path.startsWith('/pagerduty')).body;
  assert.equal(pdBody.payload.custom_details.draft, DRAFT, 'this target allows the draft');
  assert.ok(!JSON.stringify(rx.accepted.find((a) => a.path === '/slack').body).includes(DRAFT));
  // A refused secret (404 from Slack: no_service) is not retried.
  const gone = createEscalationSender({ post: (url, o) => post(url, { ...o, fetchImpl }), sleep: async () => {} });
  const j = await gone.start({ id: 'esc-3', deliveries: [ESC.deliveries[0]], managed: { escalation_endpoints: { 'legal-slack': { url: `${rx.url}/nowhere` } } },
    message: async () => message(false), esc: ESC });
  await gone.done(j.id);
  const s = (await gone.status(j.id)).targets[0];
  assert.deepEqual([s.state, s.attempts, s.status], ['failed', 1, 404]);
});

test('escalation sender: a worker stopped while a retry waits, or mid-request, leaves the job to the next one; each target arrives once', async () => {
  resetRx();
  const store = memoryStorage();
  const alarms = { planned: null, create(name, o) { this.planned = { name, ...o }; return Promise.resolve(); }, clear() { this.planned = null; return Promise.resolve(); } };
  const managed = { escalation_endpoints: { 'legal-slack': { url: `${rx.url}/slack` }, 'legal-pager': { url: `${rx.url}/pagerduty/v2/enqueue`, routing_key: 'R'.repeat(32) } } };
  const deliveries = ESC.deliveries.filter((d) => managed.escalation_endpoints[d.target]);
  rx.retryAfter = '60';
  rx.mode = 'ratelimit';
  const never = () => new Promise(() => {}); // the stopped worker: its timers and requests never come back
  let now = Date.UTC(2026, 11, 1, 9);
  // The first worker: PagerDuty answers 429, the Slack request is cut off by the stop.
  const a = createEscalationSender({ post: (url, o) => (url.endsWith('/slack') ? never() : post(url, { ...o, fetchImpl })), store, alarms,
    now: () => now, random: () => 0, sleep: never });
  const job = await a.start({ id: 'esc-9', deliveries, managed, message: async (d) => message(d), esc: ESC, postUrl: 'https://x.com/acme/status/1', site: 'x.com', member: 'tom', policy: 'acme@3' });
  for (let i = 0; i < 500 && (await a.status(job.id)).targets.find((x) => x.target === 'legal-pager').state !== 'retrying'; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(alarms.planned.name, 'replyguard-escalation');
  assert.equal(alarms.planned.when, now + 60_000, 'woken for the attempt Retry-After asked for');
  assert.deepEqual((await a.status(job.id)).targets.map((x) => [x.target, x.state]).sort(), [['legal-pager', 'retrying'], ['legal-slack', 'sending']]);

  // The next worker, a minute later, with the receiver back: both targets delivered, once each.
  rx.mode = 'ok';
  now += 61_000;
  const b = createEscalationSender({ post: (url, o) => post(url, { ...o, fetchImpl }), store, alarms, now: () => now, random: () => 0 });
  await b.done(job.id);
  const st = Object.fromEntries((await b.status(job.id)).targets.map((x) => [x.target, x]));
  assert.deepEqual([st['legal-slack'].state, st['legal-slack'].attempts], ['delivered', 2], 'the cut-off request is made again');
  assert.deepEqual([st['legal-pager'].state, st['legal-pager'].attempts], ['delivered', 2]);
  assert.deepEqual(rx.accepted.map((x) => x.path).sort(), ['/pagerduty/v2/enqueue', '/slack']);
  assert.deepEqual(rx.invalid, []);
  assert.equal(alarms.planned, null, 'nothing left to wake for');
  assert.deepEqual((await store.get('esc.jobs'))['esc.jobs'][0].work, {}, 'no request (nor its secret) kept once delivered');
});
