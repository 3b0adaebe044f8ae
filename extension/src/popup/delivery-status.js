// The popup's line about audit delivery (only when the admin switched it on): all delivered,
// entries waiting (and why, when the next attempt is), or the queue is full and newer entries
// stay only in the local audit log.
import { t } from '../shared/i18n.js';
import { relativeAge } from '../shared/dist-ui.js';

const FORMAT = { otlp: 'OTLP', jsonl: 'JSON lines' };

export function deliveryText(lang, d) {
  if (!d?.enabled) return null;
  const fmt = FORMAT[d.format] || d.format;
  const q = d.queue || {};
  const s = d.state || {};
  const lines = [];
  if (q.full || (q.refused > 0 && q.size >= q.max * 0.9)) {
    lines.push({ code: 'full', text: t(lang, 'popup_delivery_full', String(q.max), String(q.refused || 0), q.refusedSince ? new Date(q.refusedSince).toLocaleString(lang) : '—') });
  }
  if (q.size && s.nextAttemptAt) {
    const when = new Date(s.nextAttemptAt).toLocaleTimeString(lang, { timeStyle: 'short' });
    lines.push({ code: 'waiting', text: t(lang, 'popup_delivery_waiting', fmt, String(q.size), when, s.lastError || '') });
  } else if (q.size) {
    lines.push({ code: 'pending', text: t(lang, 'popup_delivery_pending', fmt, String(q.size)) });
  } else if (!lines.length) {
    lines.push({ code: 'ok', text: t(lang, 'popup_delivery_ok', fmt) + (s.lastOkAt ? ` (${relativeAge(s.lastOkAt, lang)})` : '') });
  }
  if (s.rejected) lines.push({ code: 'rejected', text: t(lang, 'popup_delivery_rejected', String(s.rejected), s.rejectedMessage || '') });
  return lines;
}

export function renderDelivery(node, lang, d) {
  const lines = deliveryText(lang, d);
  node.hidden = !lines;
  if (!lines) return;
  node.dataset.state = lines[0].code;
  node.className = lines[0].code === 'full' ? 'warn' : 'hint';
  node.textContent = lines.map((l) => l.text).join(' · ');
}
