// Audit entries as OpenTelemetry logs over OTLP/HTTP JSON (for an OpenTelemetry Collector's
// otlphttp receiver, POST /v1/logs). The payload is made by the OpenTelemetry JS SDK itself
// (sdk-logs records, otlp-transformer's JSON serializer: resourceLogs/scopeLogs/logRecords,
// 64-bit times as decimal strings, attributes as AnyValue), about 30 KB minified in the
// background script. Attribute names: docs/admin/delivery.md.
import { LoggerProvider, InMemoryLogRecordExporter, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { JsonLogsSerializer } from '@opentelemetry/otlp-transformer';

export const OTLP_CONTENT_TYPE = 'application/json';
export const SCOPE = 'replyguard.audit';
export const SCOPE_VERSION = '1';

// SeverityNumber (logs data model): INFO = 9, WARN = 13.
const SEVERITY = { override: [13, 'WARN'], escalate: [9, 'INFO'] };

/** The log record attributes of one queued entry (strings and string arrays only). */
export function auditAttributes(rec) {
  const e = rec.entry || {};
  const a = { 'log.record.uid': rec.id, 'replyguard.kind': String(e.kind || '') };
  const str = { site: 'replyguard.site', platform: 'replyguard.platform', textHash: 'replyguard.text_hash', policy: 'replyguard.policy',
    justification: 'replyguard.justification', member: 'replyguard.member', draft: 'replyguard.draft' };
  for (const [k, name] of Object.entries(str)) if (typeof e[k] === 'string' && e[k] !== '') a[name] = e[k];
  if (Array.isArray(e.rules)) a['replyguard.rules'] = e.rules.map(String);
  if (Array.isArray(e.targets) && e.targets.length) a['replyguard.targets'] = e.targets.map(String);
  return a;
}

/**
 * encoder({serviceVersion, instanceId}) → (records) → Uint8Array body. One provider per
 * encoder; each call drains the in-memory exporter, so a batch is exactly `records`.
 */
export function otlpEncoder({ serviceVersion = '', instanceId = '' } = {}) {
  const resource = { 'service.name': 'replyguard-extension', 'telemetry.sdk.language': 'webjs' };
  if (serviceVersion) resource['service.version'] = serviceVersion;
  if (instanceId) resource['service.instance.id'] = instanceId;
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource: resourceFromAttributes(resource),
    // No value is cut: a justification is kept whole (entries are small, bounded upstream).
    logRecordLimits: { attributeCountLimit: 64, attributeValueLengthLimit: Infinity },
    processors: [new SimpleLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger(SCOPE, SCOPE_VERSION);
  return (records) => {
    exporter.reset();
    for (const rec of records) {
      const e = rec.entry || {};
      const [severityNumber, severityText] = SEVERITY[e.kind] || [9, 'INFO'];
      const t = Date.parse(e.time);
      logger.emit({
        timestamp: Number.isFinite(t) ? t : rec.queuedAt,
        observedTimestamp: rec.queuedAt,
        severityNumber, severityText,
        eventName: `replyguard.audit.${e.kind || 'entry'}`,
        body: `ReplyGuard ${e.kind || 'entry'}${Array.isArray(e.rules) && e.rules.length ? `: ${e.rules.join(', ')}` : ''}`,
        attributes: auditAttributes(rec),
      });
    }
    const out = exporter.getFinishedLogRecords();
    if (out.length !== records.length) throw new Error(`OTLP encoding kept ${out.length} of ${records.length} records`);
    const body = JsonLogsSerializer.serializeRequest(out);
    exporter.reset();
    return body;
  };
}

/**
 * Records the receiver refused for good (OTLP partial success: 2xx with
 * {"partialSuccess":{"rejectedLogRecords":"N","errorMessage":…}}); 0 when all were accepted.
 */
export function rejectedByReceiver(bodyText) {
  try {
    const p = JSON.parse(bodyText || '{}')?.partialSuccess;
    const n = Number(p?.rejectedLogRecords || 0);
    return { rejected: Number.isFinite(n) ? n : 0, message: typeof p?.errorMessage === 'string' ? p.errorMessage : '' };
  } catch {
    return { rejected: 0, message: '' };
  }
}
