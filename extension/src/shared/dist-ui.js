// Texts for the distribution state (popup and options page): why a policy is in force, what was
// refused. Technical details (the verifier's English message) are shown as a second line.
import { t } from './i18n.js';

/** Localized headline of a warning from the background's distribution info. */
export function warningText(lang, w) {
  if (w.kind === 'download') {
    const key = `warn_dl_${w.code}`;
    const text = t(lang, key);
    return text === key ? t(lang, 'warn_dl') : text;
  }
  const key = `warn_${w.code}`;
  const text = t(lang, key);
  return text === key ? w.message || w.code : text;
}

/** An <li> per warning: headline + technical detail; data-code for tests and styling. */
export function warningItems(lang, warnings) {
  return warnings.map((w) => {
    const li = document.createElement('li');
    li.dataset.code = w.code;
    if (w.kind) li.dataset.kind = w.kind;
    li.append(document.createTextNode(warningText(lang, w)));
    const detail = [w.message, w.url].filter(Boolean).join(' — ');
    if (detail) {
      const span = document.createElement('span');
      span.className = 'hint';
      span.textContent = detail;
      li.append(span);
    }
    return li;
  });
}

/** Localized headline of a source passed over (resolvePolicy's skipped: {origin, code, reason}). */
export function skippedText(lang, x) {
  const code = /^file_(?!rejected)/.test(x.code ?? '') ? 'file_signature' : x.code;
  const key = `skip_${code}`;
  const text = t(lang, key);
  return text === key ? t(lang, 'warn_skipped', x.reason || x.code || '') : text;
}

/** An <li> per source passed over: why it is not in force, with the technical reason. */
export function skippedItems(lang, skipped) {
  return (skipped || []).map((x) => {
    const li = document.createElement('li');
    li.dataset.code = 'skipped';
    if (x.code) li.dataset.skip = x.code;
    li.dataset.origin = x.origin || '';
    li.append(document.createTextNode(skippedText(lang, x)));
    if (x.reason) {
      const span = document.createElement('span');
      span.className = 'hint';
      span.textContent = x.reason;
      li.append(span);
    }
    return li;
  });
}

export function relativeAge(ms, lang, now = Date.now()) {
  const mins = Math.round((now - ms) / 60000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (Math.abs(mins) < 60) return rtf.format(-mins, 'minute');
  if (Math.abs(mins) < 48 * 60) return rtf.format(-Math.round(mins / 60), 'hour');
  return rtf.format(-Math.round(mins / 1440), 'day');
}

export const formatDate = (iso, lang) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
};
