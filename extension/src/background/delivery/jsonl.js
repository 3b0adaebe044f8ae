// Audit entries as JSON lines (application/x-ndjson): one object per line, each with its
// stable "id" for the receiver to drop duplicates. Field list: docs/admin/delivery.md.
export const JSONL_CONTENT_TYPE = 'application/x-ndjson';

const FIELDS = ['time', 'kind', 'site', 'platform', 'rules', 'textHash', 'policy', 'justification', 'targets', 'member', 'draft'];

export function jsonlLine(rec) {
  const o = { id: rec.id, schema: 'replyguard-audit/1' };
  for (const k of FIELDS) if (rec.entry?.[k] !== undefined && rec.entry[k] !== '') o[k] = rec.entry[k];
  o.queuedAt = new Date(rec.queuedAt).toISOString();
  return JSON.stringify(o);
}

export function jsonlEncode(records) {
  return new TextEncoder().encode(records.map(jsonlLine).join('\n') + '\n');
}
