// CSV of the audit log. Cells that a spreadsheet would run as formulas are prefixed with '.
const COLUMNS = ['time', 'kind', 'site', 'platform', 'rules', 'textHash', 'policy', 'justification', 'targets', 'id'];

function cell(v) {
  let s = Array.isArray(v) ? v.join(' ') : v == null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(entries) {
  return [COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c])).join(','))].join('\r\n') + '\r\n';
}
