// Message shapes between content scripts, extension pages and the background. Everything that
// crosses a boundary is checked here: a page can only ever reach the content script's DOM
// listeners, but the content script still treats every reply as untrusted data.
export const MAX_TEXT = 100_000;
// A reply or post to check may be longer (a long paste): the background checks it in windows.
export const MAX_CHECK_TEXT = 5_000_000;

export const isStr = (v, max = MAX_TEXT) => typeof v === 'string' && v.length <= max;
export const isInt = (v) => Number.isInteger(v) && v >= 0;

const SEVERITIES = new Set(['info', 'warn', 'block']);
const SOURCES = new Set(['reply', 'incoming']);

/** A finding as returned by the core, with only the fields the UI uses, type-checked. */
export function cleanFinding(f, textLength) {
  if (!f || typeof f !== 'object') return null;
  if (!isStr(f.rule, 200) || !SEVERITIES.has(f.severity) || !isInt(f.begin) || !isInt(f.end) || f.end < f.begin) return null;
  const source = SOURCES.has(f.source) ? f.source : 'reply';
  if (source === 'reply' && textLength != null && f.end > textLength) return null;
  return {
    rule: f.rule,
    category: isStr(f.category, 200) ? f.category : '',
    severity: f.severity,
    begin: f.begin,
    end: f.end,
    text: isStr(f.text) ? f.text : '',
    message: isStr(f.message, 2000) ? f.message : f.rule,
    suggestion: isStr(f.suggestion, 2000) ? f.suggestion : '',
    link: isStr(f.link, 2000) && /^https:\/\//i.test(f.link) ? f.link : '',
    replacements: Array.isArray(f.replacements) ? f.replacements.filter((r) => isStr(r, 2000)).slice(0, 5) : [],
    confidence: typeof f.confidence === 'number' ? f.confidence : 1,
    source,
  };
}

export function cleanResult(r, textLength) {
  const findings = Array.isArray(r?.findings) ? r.findings.map((f) => cleanFinding(f, textLength)).filter(Boolean) : [];
  // The core's warnings ({rule, source, message}: a rule that could not run on this text).
  const warnings = (Array.isArray(r?.warnings) ? r.warnings : []).map((w) => (typeof w === 'string' ? { rule: '', source: 'reply', message: w } : w))
    .filter((w) => w && typeof w === 'object' && isStr(w.message, 2000))
    .map((w) => ({ rule: isStr(w.rule, 200) ? w.rule : '', source: SOURCES.has(w.source) ? w.source : 'reply', message: w.message }))
    .slice(0, 50);
  return { findings, warnings };
}

/** Only http(s), mailto and tel links leave the extension UI. */
export function safeHref(href) {
  if (typeof href !== 'string' || href.length > 8000) return '';
  return /^(https:|mailto:|tel:|sms:)/i.test(href.trim()) ? href.trim() : '';
}
