// The options page's warning when an audit export would not be complete: older entries removed
// (storage full, or the entry limit), or entries still waiting to be written (storage failing).
import { t } from '../shared/i18n.js';

export function auditNotice(lang, { meta, pending }) {
  const parts = [];
  if (meta?.trimmed > 0) {
    const until = meta.trimmedUntil ? new Date(meta.trimmedUntil).toLocaleString(lang) : '—';
    parts.push(t(lang, meta.reason === 'quota' ? 'options_audit_trimmed_quota' : 'options_audit_trimmed_limit', String(meta.trimmed), until));
  }
  if (pending > 0) parts.push(t(lang, 'options_audit_pending', String(pending)));
  return parts.join(' ');
}
