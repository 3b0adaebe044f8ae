// The request contracts the local receivers enforce, written from the public specifications:
//   OTLP/HTTP JSON logs   opentelemetry-proto logs/v1 + common/v1 + resource/v1, proto3 JSON
//                         mapping (lowerCamelCase fields, 64-bit integers as decimal strings,
//                         ids as hex, AnyValue exactly one of its fields), unknown fields refused
//   Slack                 incoming webhook: text (string) and/or blocks (Block Kit), no unknown top-level keys
//   Teams                 workflow webhook: {type:"message", attachments:[{contentType: adaptive card, content: AdaptiveCard}]}
//   PagerDuty             Events API v2 enqueue: routing_key 32 chars, event_action trigger, dedup_key ≤ 255,
//                         payload {summary ≤ 1024, source, severity enum, timestamp ISO 8601, …}
// Each returns a list of problems ([] = valid).
const isObj = (v) => v && typeof v === 'object' && !Array.isArray(v);

function onlyKeys(o, allowed, at, errs) {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) errs.push(`${at}: unknown field "${k}"`);
}

// fixed64/uint64 in proto3 JSON: a decimal string (numbers are accepted by parsers, but ReplyGuard must send strings).
const u64 = (v, at, errs, { strict = true } = {}) => {
  if (typeof v === 'string' ? !/^\d{1,20}$/.test(v) : !(strict === false && Number.isInteger(v))) errs.push(`${at}: must be a decimal string (uint64), got ${JSON.stringify(v)}`);
};

function anyValue(v, at, errs, depth = 0) {
  if (!isObj(v)) { errs.push(`${at}: AnyValue must be an object`); return; }
  const keys = Object.keys(v);
  const kinds = ['stringValue', 'boolValue', 'intValue', 'doubleValue', 'arrayValue', 'kvlistValue', 'bytesValue'];
  if (keys.length !== 1 || !kinds.includes(keys[0])) { errs.push(`${at}: AnyValue must have exactly one of ${kinds.join(', ')}, has ${keys.join(', ') || 'none'}`); return; }
  const [k] = keys;
  const x = v[k];
  if (depth > 8) { errs.push(`${at}: nested too deep`); return; }
  if (k === 'stringValue' && typeof x !== 'string') errs.push(`${at}.stringValue: must be a string`);
  if (k === 'boolValue' && typeof x !== 'boolean') errs.push(`${at}.boolValue: must be a boolean`);
  if (k === 'intValue' && !(typeof x === 'string' ? /^-?\d{1,19}$/.test(x) : Number.isSafeInteger(x))) errs.push(`${at}.intValue: must be an int64`);
  if (k === 'doubleValue' && typeof x !== 'number') errs.push(`${at}.doubleValue: must be a number`);
  if (k === 'bytesValue' && !(typeof x === 'string' && /^[A-Za-z0-9+/_-]*=*$/.test(x))) errs.push(`${at}.bytesValue: must be base64`);
  if (k === 'arrayValue') {
    if (!isObj(x)) { errs.push(`${at}.arrayValue: must be an object`); return; }
    onlyKeys(x, ['values'], `${at}.arrayValue`, errs);
    (Array.isArray(x.values) ? x.values : []).forEach((e, i) => anyValue(e, `${at}.arrayValue.values[${i}]`, errs, depth + 1));
    if (x.values !== undefined && !Array.isArray(x.values)) errs.push(`${at}.arrayValue.values: must be an array`);
  }
  if (k === 'kvlistValue') {
    if (!isObj(x)) { errs.push(`${at}.kvlistValue: must be an object`); return; }
    onlyKeys(x, ['values'], `${at}.kvlistValue`, errs);
    keyValues(x.values ?? [], `${at}.kvlistValue.values`, errs, depth + 1);
  }
}

function keyValues(list, at, errs, depth = 0) {
  if (!Array.isArray(list)) { errs.push(`${at}: must be an array of KeyValue`); return; }
  list.forEach((kv, i) => {
    const p = `${at}[${i}]`;
    if (!isObj(kv)) { errs.push(`${p}: KeyValue must be an object`); return; }
    onlyKeys(kv, ['key', 'value'], p, errs);
    if (typeof kv.key !== 'string' || !kv.key) errs.push(`${p}.key: must be a non-empty string`);
    if (kv.value !== undefined) anyValue(kv.value, `${p}.value`, errs, depth);
  });
}

const uint32 = (v, at, errs) => { if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v < 2 ** 32)) errs.push(`${at}: must be a uint32 number`); };

/** ExportLogsServiceRequest. strict: 64-bit times as strings (what ReplyGuard must send). */
export function validateOtlpLogs(req, { strict = true } = {}) {
  const errs = [];
  if (!isObj(req)) return ['body: must be a JSON object'];
  onlyKeys(req, ['resourceLogs'], 'request', errs);
  if (!Array.isArray(req.resourceLogs)) return [...errs, 'resourceLogs: must be an array'];
  req.resourceLogs.forEach((rl, i) => {
    const p = `resourceLogs[${i}]`;
    if (!isObj(rl)) { errs.push(`${p}: must be an object`); return; }
    onlyKeys(rl, ['resource', 'scopeLogs', 'schemaUrl'], p, errs);
    if (rl.resource !== undefined) {
      if (!isObj(rl.resource)) errs.push(`${p}.resource: must be an object`);
      else {
        onlyKeys(rl.resource, ['attributes', 'droppedAttributesCount', 'entityRefs'], `${p}.resource`, errs);
        keyValues(rl.resource.attributes ?? [], `${p}.resource.attributes`, errs);
        uint32(rl.resource.droppedAttributesCount, `${p}.resource.droppedAttributesCount`, errs);
      }
    }
    if (!Array.isArray(rl.scopeLogs)) { errs.push(`${p}.scopeLogs: must be an array`); return; }
    rl.scopeLogs.forEach((sl, j) => {
      const q = `${p}.scopeLogs[${j}]`;
      if (!isObj(sl)) { errs.push(`${q}: must be an object`); return; }
      onlyKeys(sl, ['scope', 'logRecords', 'schemaUrl'], q, errs);
      if (sl.scope !== undefined) {
        if (!isObj(sl.scope)) errs.push(`${q}.scope: must be an object`);
        else {
          onlyKeys(sl.scope, ['name', 'version', 'attributes', 'droppedAttributesCount'], `${q}.scope`, errs);
          for (const k of ['name', 'version']) if (sl.scope[k] !== undefined && typeof sl.scope[k] !== 'string') errs.push(`${q}.scope.${k}: must be a string`);
          keyValues(sl.scope.attributes ?? [], `${q}.scope.attributes`, errs);
        }
      }
      if (!Array.isArray(sl.logRecords)) { errs.push(`${q}.logRecords: must be an array`); return; }
      sl.logRecords.forEach((r, k) => {
        const s = `${q}.logRecords[${k}]`;
        if (!isObj(r)) { errs.push(`${s}: must be an object`); return; }
        onlyKeys(r, ['timeUnixNano', 'observedTimeUnixNano', 'severityNumber', 'severityText', 'body', 'attributes', 'droppedAttributesCount',
          'flags', 'traceId', 'spanId', 'eventName'], s, errs);
        for (const t of ['timeUnixNano', 'observedTimeUnixNano']) if (r[t] !== undefined) u64(r[t], `${s}.${t}`, errs, { strict });
        if (r.severityNumber !== undefined && !(Number.isInteger(r.severityNumber) && r.severityNumber >= 0 && r.severityNumber <= 24)
          && !(typeof r.severityNumber === 'string' && /^SEVERITY_NUMBER_[A-Z0-9]+$/.test(r.severityNumber))) errs.push(`${s}.severityNumber: must be 0..24`);
        for (const t of ['severityText', 'eventName']) if (r[t] !== undefined && typeof r[t] !== 'string') errs.push(`${s}.${t}: must be a string`);
        if (r.body !== undefined) anyValue(r.body, `${s}.body`, errs);
        keyValues(r.attributes ?? [], `${s}.attributes`, errs);
        uint32(r.droppedAttributesCount, `${s}.droppedAttributesCount`, errs);
        uint32(r.flags, `${s}.flags`, errs);
        if (r.traceId !== undefined && r.traceId !== '' && !/^[0-9a-fA-F]{32}$/.test(r.traceId)) errs.push(`${s}.traceId: must be 32 hex digits`);
        if (r.spanId !== undefined && r.spanId !== '' && !/^[0-9a-fA-F]{16}$/.test(r.spanId)) errs.push(`${s}.spanId: must be 16 hex digits`);
      });
    });
  });
  return errs;
}

/** The log records of a valid request, flattened, with attributes as a plain object. */
export function otlpRecords(req) {
  const plain = (v) => (v == null ? v : 'stringValue' in v ? v.stringValue : 'boolValue' in v ? v.boolValue : 'intValue' in v ? Number(v.intValue)
    : 'doubleValue' in v ? v.doubleValue : 'arrayValue' in v ? (v.arrayValue.values || []).map(plain) : 'kvlistValue' in v
      ? Object.fromEntries((v.kvlistValue.values || []).map((kv) => [kv.key, plain(kv.value)])) : v.bytesValue);
  const out = [];
  for (const rl of req.resourceLogs) {
    const resource = Object.fromEntries((rl.resource?.attributes || []).map((kv) => [kv.key, plain(kv.value)]));
    for (const sl of rl.scopeLogs) for (const r of sl.logRecords) {
      out.push({ ...r, resource, scope: sl.scope, body: plain(r.body), attributes: Object.fromEntries((r.attributes || []).map((kv) => [kv.key, plain(kv.value)])) });
    }
  }
  return out;
}

/** JSON lines: each line an object with a string id. */
export function validateJsonl(text) {
  const errs = [];
  const lines = text.split('\n');
  if (lines.at(-1) !== '') errs.push('body: must end with a newline');
  const rows = [];
  lines.filter((l) => l !== '').forEach((l, i) => {
    try {
      const o = JSON.parse(l);
      if (!isObj(o) || typeof o.id !== 'string' || !o.id) errs.push(`line ${i + 1}: needs a string "id"`);
      else if (o.schema !== 'replyguard-audit/1') errs.push(`line ${i + 1}: schema must be "replyguard-audit/1"`);
      else rows.push(o);
    } catch { errs.push(`line ${i + 1}: not JSON`); }
  });
  if (!rows.length && !errs.length) errs.push('body: no lines');
  return { errs, rows };
}

const BLOCK_TYPES = ['header', 'section', 'context', 'divider', 'actions', 'image', 'rich_text'];
export function validateSlack(b) {
  const errs = [];
  if (!isObj(b)) return ['body: must be a JSON object'];
  onlyKeys(b, ['text', 'blocks', 'attachments', 'thread_ts', 'mrkdwn', 'username', 'icon_emoji', 'icon_url', 'unfurl_links', 'unfurl_media'], 'body', errs);
  if (b.text === undefined && b.blocks === undefined) errs.push('body: needs text or blocks');
  if (b.text !== undefined && (typeof b.text !== 'string' || !b.text)) errs.push('text: must be a non-empty string');
  if (b.text && b.text.length > 40_000) errs.push('text: over 40,000 characters');
  if (b.blocks !== undefined) {
    if (!Array.isArray(b.blocks) || b.blocks.length > 50) errs.push('blocks: must be an array of at most 50 blocks');
    else b.blocks.forEach((bl, i) => {
      if (!isObj(bl) || !BLOCK_TYPES.includes(bl.type)) { errs.push(`blocks[${i}]: unknown block type`); return; }
      if (bl.type === 'header' && !(bl.text?.type === 'plain_text' && typeof bl.text.text === 'string' && bl.text.text.length >= 1 && bl.text.text.length <= 150)) errs.push(`blocks[${i}]: header needs plain_text of 1–150 characters`);
      if (bl.type === 'section' && !(['plain_text', 'mrkdwn'].includes(bl.text?.type) && typeof bl.text.text === 'string' && bl.text.text.length >= 1 && bl.text.text.length <= 3000)) errs.push(`blocks[${i}]: section text must be 1–3000 characters`);
      if (bl.type === 'context' && !(Array.isArray(bl.elements) && bl.elements.length >= 1 && bl.elements.length <= 10)) errs.push(`blocks[${i}]: context needs 1–10 elements`);
    });
  }
  return errs;
}

export function validateTeams(b) {
  const errs = [];
  if (!isObj(b)) return ['body: must be a JSON object'];
  if (b.type !== 'message') errs.push('type: must be "message"');
  if (!Array.isArray(b.attachments) || !b.attachments.length) return [...errs, 'attachments: must be a non-empty array'];
  b.attachments.forEach((a, i) => {
    if (a?.contentType !== 'application/vnd.microsoft.card.adaptive') errs.push(`attachments[${i}].contentType: must be the adaptive card type`);
    const c = a?.content;
    if (!isObj(c) || c.type !== 'AdaptiveCard') { errs.push(`attachments[${i}].content: must be an AdaptiveCard`); return; }
    if (!/^1\.[0-6]$/.test(String(c.version))) errs.push(`attachments[${i}].content.version: must be 1.0–1.6`);
    if (!Array.isArray(c.body) || !c.body.length) errs.push(`attachments[${i}].content.body: must be a non-empty array`);
    else c.body.forEach((el, j) => {
      if (!isObj(el) || typeof el.type !== 'string') errs.push(`attachments[${i}].content.body[${j}]: needs a type`);
      if (el.type === 'TextBlock' && typeof el.text !== 'string') errs.push(`attachments[${i}].content.body[${j}]: TextBlock needs text`);
      if (el.type === 'FactSet' && !(Array.isArray(el.facts) && el.facts.every((f) => typeof f.title === 'string' && typeof f.value === 'string'))) errs.push(`attachments[${i}].content.body[${j}]: FactSet facts need title and value strings`);
    });
  });
  return errs;
}

const PD_SEVERITIES = ['critical', 'error', 'warning', 'info'];
export function validatePagerDuty(b) {
  const errs = [];
  if (!isObj(b)) return ['body: must be a JSON object'];
  onlyKeys(b, ['routing_key', 'event_action', 'dedup_key', 'payload', 'images', 'links', 'client', 'client_url'], 'body', errs);
  if (typeof b.routing_key !== 'string' || b.routing_key.length !== 32) errs.push('routing_key: must be the 32-character integration key');
  if (!['trigger', 'acknowledge', 'resolve'].includes(b.event_action)) errs.push('event_action: must be trigger, acknowledge or resolve');
  if (b.dedup_key !== undefined && (typeof b.dedup_key !== 'string' || !b.dedup_key || b.dedup_key.length > 255)) errs.push('dedup_key: must be 1–255 characters');
  if (b.event_action === 'trigger') {
    const p = b.payload;
    if (!isObj(p)) return [...errs, 'payload: required for trigger'];
    onlyKeys(p, ['summary', 'source', 'severity', 'timestamp', 'component', 'group', 'class', 'custom_details'], 'payload', errs);
    if (typeof p.summary !== 'string' || !p.summary || p.summary.length > 1024) errs.push('payload.summary: must be 1–1024 characters');
    if (typeof p.source !== 'string' || !p.source) errs.push('payload.source: required');
    if (!PD_SEVERITIES.includes(p.severity)) errs.push(`payload.severity: must be one of ${PD_SEVERITIES.join(', ')}`);
    if (p.timestamp !== undefined && Number.isNaN(Date.parse(p.timestamp))) errs.push('payload.timestamp: must be ISO 8601');
    for (const k of ['component', 'group', 'class']) if (p[k] !== undefined && typeof p[k] !== 'string') errs.push(`payload.${k}: must be a string`);
    if (p.custom_details !== undefined && !isObj(p.custom_details)) errs.push('payload.custom_details: must be an object');
  }
  if (b.links !== undefined && !(Array.isArray(b.links) && b.links.every((l) => typeof l.href === 'string'))) errs.push('links: must be [{href, text}]');
  return errs;
}

export function validateWebhook(b) {
  const errs = [];
  if (!isObj(b) || b.schema !== 'replyguard-escalation/1') return ['schema: must be "replyguard-escalation/1"'];
  if (typeof b.id !== 'string' || !b.id) errs.push('id: required');
  if (!Array.isArray(b.reasons)) errs.push('reasons: must be an array');
  if (!isObj(b.message) || typeof b.message.subject !== 'string') errs.push('message.subject: required');
  return errs;
}
