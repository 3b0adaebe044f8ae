// Delivery settings from the admin. Off unless an endpoint is configured:
//   managed settings  audit_delivery {url, format, headers, include_draft, max_queue, batch_size}
//                     escalation_endpoints {target id: {url, routing_key?, headers?}}   (secrets)
//   signed bundle     team.delivery.audit {format, url?, include_draft?} and targets/routes,
//                     as the core reports them in the policy info (info.delivery)
// Managed values win over the bundle's; headers, webhook URLs and routing keys come only from
// managed settings. The draft is sent only when the admin's setting or the policy asks.
import { DEFAULT_MAX_ENTRIES } from './queue.js';
import { DEFAULT_BATCH } from './batcher.js';

export const FORMATS = ['otlp', 'jsonl'];
/** Managed settings read here (extension/managed_schema.json declares them next to distribution's). */
export const DELIVERY_MANAGED_KEYS = ['audit_delivery', 'escalation_endpoints'];
export const MIN_QUEUE = 100;
export const MAX_QUEUE = 50_000;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
// Headers fetch() refuses to set or that the request itself owns.
const FORBIDDEN_HEADERS = new Set(['content-type', 'content-length', 'host', 'cookie', 'origin', 'referer', 'connection']);

export const isHttpsUrl = (u) => {
  if (typeof u !== 'string' || u.length > 4000) return false;
  try { const x = new URL(u); return x.protocol === 'https:' && !!x.hostname && !x.username && !x.password; } catch { return false; }
};

function cleanHeaders(h, errors, key) {
  if (h === undefined) return {};
  if (!h || typeof h !== 'object' || Array.isArray(h)) { errors.push({ key, message: 'headers must be an object name -> value' }); return {}; }
  const out = {};
  for (const [k, v] of Object.entries(h)) {
    if (!HEADER_NAME.test(k) || FORBIDDEN_HEADERS.has(k.toLowerCase()) || typeof v !== 'string' || /[\r\n]/.test(v) || v.length > 8000)
      errors.push({ key, message: `header "${k}" is not allowed or not a single-line string` });
    else out[k] = v;
  }
  return out;
}

/**
 * The audit delivery in force, or null (off). managed: raw managed storage; bundle: info.delivery
 * from the core (or null). Returns {config, errors}.
 */
export function auditDeliveryConfig(managed = {}, bundle = null) {
  const errors = [];
  const m = managed?.audit_delivery;
  const b = bundle?.audit || null;
  if (m !== undefined && (!m || typeof m !== 'object' || Array.isArray(m))) {
    errors.push({ key: 'audit_delivery', message: 'must be an object' });
    return { config: null, errors };
  }
  const mm = m || {};
  let url = null;
  if (mm.url !== undefined) {
    if (isHttpsUrl(mm.url)) url = mm.url;
    else errors.push({ key: 'audit_delivery', message: 'url must be an https:// URL' });
  } else if (b?.url && isHttpsUrl(b.url)) url = b.url;
  // The format goes with the URL: the managed one's (default otlp) or the bundle's.
  const format = mm.format !== undefined ? mm.format : mm.url !== undefined ? 'otlp' : (b?.format || 'otlp');
  if (!FORMATS.includes(format)) errors.push({ key: 'audit_delivery', message: `format must be one of ${FORMATS.join(', ')}` });
  const int = (v, lo, hi, d, name) => {
    if (v === undefined) return d;
    if (Number.isInteger(v) && v >= lo && v <= hi) return v;
    errors.push({ key: 'audit_delivery', message: `${name} must be a whole number from ${lo} to ${hi}` });
    return d;
  };
  const maxQueue = int(mm.max_queue, MIN_QUEUE, MAX_QUEUE, DEFAULT_MAX_ENTRIES, 'max_queue');
  const batchSize = int(mm.batch_size, 1, 1000, DEFAULT_BATCH, 'batch_size');
  const headers = cleanHeaders(mm.headers, errors, 'audit_delivery');
  const includeDraft = typeof mm.include_draft === 'boolean' ? mm.include_draft : !!b?.include_draft;
  if (!url || !FORMATS.includes(format)) return { config: null, errors };
  return { config: { url, format, headers, includeDraft, maxQueue, batchSize, origin: mm.url !== undefined ? 'managed' : 'bundle' }, errors };
}

/** Secret endpoint of an escalation target (managed escalation_endpoints[id]), or null. */
export function escalationEndpoint(managed = {}, targetId, kind) {
  const all = managed?.escalation_endpoints;
  const e = all && typeof all === 'object' ? all[targetId] : null;
  if (!e || typeof e !== 'object') return null;
  const errors = [];
  const headers = cleanHeaders(e.headers, errors, 'escalation_endpoints');
  if (kind === 'pagerduty') {
    if (typeof e.routing_key !== 'string' || !/^[A-Za-z0-9]{20,64}$/.test(e.routing_key)) return null;
    // The Events API v2 endpoint; a company proxy or the EU service region may replace it.
    const url = e.url === undefined ? 'https://events.pagerduty.com/v2/enqueue' : e.url;
    return isHttpsUrl(url) ? { url, routingKey: e.routing_key, headers } : null;
  }
  return isHttpsUrl(e.url) ? { url: e.url, headers } : null;
}

/** Origins the delivery will POST to (for optional host permissions). */
export function originOf(url) {
  try { return `${new URL(url).origin}/*`; } catch { return ''; }
}
