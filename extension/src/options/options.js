// Options: policy source (built-in or an imported bundle, validated by the core), distribution
// (effective settings and where each comes from, the user's own bundle URL and key, "check
// now"), per-site switches, extra sites (optional host permissions), language, member id, audit
// export. The admin's locks disable what they forbid; the background enforces them too.
import { t, pick, localizePage } from '../shared/i18n.js';
import { getSettings, updateSettings, resolveLang, KEYS } from '../shared/settings.js';
import { warningItems, skippedItems, relativeAge, formatDate } from '../shared/dist-ui.js';
import { SITES } from '../content/sites/index.js';
import { toCsv } from './audit-export.js';
import { auditNotice } from './audit-notice.js';
import { renderDeliveryAccess } from './delivery-access.js';
import { readAudit, AUDIT_META_KEY, AUDIT_PENDING_KEY } from '../shared/audit-store.js';
import { EXAMPLES_KEY, toCorpusJsonl } from '../shared/examples.js';

const $ = (id) => document.getElementById(id);
const ask = (msg) => chrome.runtime.sendMessage(msg).then((r) => r || { ok: false, error: 'no answer' }, (e) => ({ ok: false, error: String(e) }));
let lang = 'en';
let dist = null; // the background's distribution info (origin, settings with origins, warnings)

const el = (tag, text, cls) => { const n = document.createElement(tag); if (text != null) n.textContent = text; if (cls) n.className = cls; return n; };

async function renderPolicy() {
  const r = await ask({ type: 'rg:status' });
  const s = r.ok ? r.value : null;
  dist = s?.distribution && !s.distribution.error ? s.distribution : null;
  const cur = $('policy-current');
  const origin = dist?.origin || (s?.source === 'file' ? 'imported' : 'default');
  cur.dataset.origin = origin;
  if (!s || s.core.ok !== true) { cur.className = 'error'; cur.textContent = t(lang, 'popup_core_failed', s?.core?.error || r.error || '—'); }
  else {
    const from = t(lang, `options_origin_${origin}`) + (origin === 'imported' && s.fileName ? `: ${s.fileName}` : '');
    cur.className = ''; cur.textContent = t(lang, 'options_policy_active', pick(lang, s.info?.name) || s.info?.id || '?', String(s.info?.version ?? '?'), from);
  }
  const locked = !!dist?.settings?.lockPolicy?.value;
  const { [KEYS.policy]: p } = await chrome.storage.local.get(KEYS.policy);
  $('src-default').checked = !p || p.source !== 'file';
  $('src-file').checked = p?.source === 'file';
  $('src-file').disabled = locked || !p?.file?.text;
  $('src-default').disabled = locked;
  $('policy-file').disabled = locked;
  $('policy-locked').hidden = !locked;
  renderDistribution();
}

const yesNo = (v) => t(lang, v ? 'options_yes' : 'options_no');

function renderDistribution() {
  const st = dist?.settings;
  const rows = !st ? [] : [
    ['bundle_urls', 'options_set_bundle_urls', st.bundleUrls, (v) => (v?.length ? v.join('\n') : '—')],
    ['public_keys', 'options_set_public_keys', st.publicKeys, (v) => (v?.length ? v.map((k) => k.key_id || '?').join(', ') : '—')],
    ['update_interval_minutes', 'options_set_interval', st.updateIntervalMinutes, (v) => String(v)],
    ['member_id', 'options_set_member', st.memberId, (v) => v || '—'],
    ['inline_bundle', 'options_set_inline', st.inlineBundle, (v) => yesNo(!!v)],
    ['lock_policy', 'options_set_lock_policy', st.lockPolicy, yesNo],
    ['lock_pause', 'options_set_lock_pause', st.lockPause, yesNo],
    ['lock_override', 'options_set_lock_override', st.lockOverride, yesNo],
  ];
  $('dist-settings').tBodies[0].replaceChildren(...rows.map(([key, label, setting, fmt]) => {
    const tr = el('tr');
    tr.dataset.setting = key;
    const from = el('td', t(lang, `options_from_${setting.origin}`));
    from.dataset.origin = setting.origin;
    tr.append(el('td', t(lang, label)), el('td', fmt(setting.value)), from);
    return tr;
  }));
  $('dist-warnings').replaceChildren(...warningItems(lang, dist?.warnings || []), ...skippedItems(lang, dist?.skipped));
  // The user's own URL and key: not with lock_policy, and pointless where the admin sets them.
  const urlManaged = st?.bundleUrls?.origin === 'managed' || !!st?.lockPolicy?.value;
  const keysManaged = st?.publicKeys?.origin === 'managed' || !!st?.lockPolicy?.value;
  $('bundle-url').disabled = urlManaged;
  $('public-key').disabled = keysManaged;
  $('dist-save').disabled = urlManaged && keysManaged;
  $('bundle-url').title = urlManaged ? t(lang, 'options_managed_field') : '';
  $('public-key').title = keysManaged ? t(lang, 'options_managed_field') : '';
  const memberManaged = st?.memberId?.origin === 'managed';
  $('member').disabled = memberManaged;
  if (memberManaged) { $('member').value = st.memberId.value; $('member').title = t(lang, 'options_managed_field'); }
  const u = dist?.update;
  $('last-update').textContent = u ? t(lang, 'options_last_update', u.lastSuccessAt ? relativeAge(u.lastSuccessAt, lang) : t(lang, 'options_never'),
    u.nextAttemptAt ? formatDate(u.nextAttemptAt, lang) : '—') : '';
  for (const cb of $('sites').querySelectorAll('input[type=checkbox]')) cb.disabled = !!st?.lockPause?.value;
}

function parseKeys(text) {
  if (!text.trim()) return [];
  let v;
  try { v = JSON.parse(text); } catch { return null; }
  const list = Array.isArray(v) ? v : [v];
  return list.every((k) => k && typeof k === 'object' && typeof k.key === 'string') ? list.map((k) => ({ key_id: k.key_id, key: k.key })) : null;
}

async function saveDistribution() {
  const out = $('dist-saved');
  const url = $('bundle-url').value.trim();
  if (url) {
    let ok = false;
    try { const u = new URL(url); ok = (u.protocol === 'https:' || u.protocol === 'file:') && !u.username && !u.password; } catch { /* invalid */ }
    if (!ok) { out.className = 'error'; out.textContent = t(lang, 'options_bad_url'); return; }
  }
  const keys = parseKeys($('public-key').value);
  if (keys === null) { out.className = 'error'; out.textContent = t(lang, 'options_bad_key'); return; }
  const patch = {};
  if (!$('bundle-url').disabled) patch.bundleUrl = url;
  if (!$('public-key').disabled) patch.publicKeys = keys;
  await updateSettings(patch);
  out.className = 'ok'; out.textContent = t(lang, 'options_saved');
  setTimeout(renderPolicy, 300);
}

function showPolicyResult(res) {
  const box = $('policy-result');
  box.replaceChildren();
  if (res.ok && res.value?.ok) {
    box.append(el('p', t(lang, 'options_policy_loaded', pick(lang, res.value.info?.name) || res.value.info?.id || ''), 'ok'));
    return;
  }
  const errors = res.value?.errors || [{ pointer: '', message: res.error || 'unknown error' }];
  box.append(el('p', t(lang, 'options_policy_rejected', String(errors.length)), 'error'));
  const ul = el('ul', null, 'errors');
  for (const e of errors.slice(0, 200)) {
    const li = el('li');
    li.append(el('code', e.pointer || '/'), document.createTextNode(` — ${e.message}`));
    ul.append(li);
  }
  box.append(ul);
}

async function renderSites(settings) {
  const box = $('sites');
  box.replaceChildren();
  for (const s of SITES) {
    const label = el('label');
    const cb = document.createElement('input');
    cb.type = 'checkbox';
    cb.checked = settings.sites[s.id] !== false;
    cb.disabled = !!dist?.settings?.lockPause?.value;
    cb.dataset.site = s.id;
    cb.onchange = async () => { const cur = await getSettings(); await updateSettings({ sites: { ...cur.sites, [s.id]: cb.checked } }); };
    label.append(cb, document.createTextNode(s.label));
    box.append(label);
  }
  const extra = await ask({ type: 'rg:syncSites' });
  const list = $('extra-list');
  list.replaceChildren(...(extra.ok ? extra.value : []).map((o) => {
    const li = el('li', o.replace(/^https:\/\/|\/\*$/g, '') + ' ');
    const rm = el('button', t(lang, 'options_remove'));
    rm.onclick = async () => { await chrome.permissions.remove({ origins: [o] }); await ask({ type: 'rg:syncSites' }); renderSites(await getSettings()); };
    li.append(rm);
    return li;
  }));
}

async function renderAudit() {
  // Stored entries plus any still waiting to be written; a notice when the export is partial.
  const audit = await readAudit();
  $('audit-count').textContent = t(lang, 'options_audit_count', String(audit.entries.length));
  const notice = auditNotice(lang, audit);
  $('audit-notice').textContent = notice;
  $('audit-notice').hidden = !notice;
  return audit.entries;
}

async function renderExamples() {
  const { [EXAMPLES_KEY]: list = [] } = await chrome.storage.local.get(EXAMPLES_KEY);
  const withText = list.filter((e) => typeof e.text === 'string').length;
  $('examples-count').textContent = t(lang, 'options_examples_count', String(list.length), String(withText));
  return list;
}

/** Runs fn with the page marked aria-busy (the initial render and "check now" fill it in parts). */
let busyCount = 0;
async function busy(fn) {
  const main = document.querySelector('main');
  busyCount++;
  main.setAttribute('aria-busy', 'true');
  try { return await fn(); } finally { if (--busyCount === 0) main.removeAttribute('aria-busy'); }
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url; a.download = name;
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function main() {
  const settings = await getSettings();
  lang = resolveLang(settings.lang);
  localizePage(lang);
  $('lang').value = settings.lang;
  $('member').value = settings.memberId;
  $('bundle-url').value = settings.bundleUrl || '';
  $('public-key').value = settings.publicKeys?.length ? JSON.stringify(settings.publicKeys.length === 1 ? settings.publicKeys[0] : settings.publicKeys) : '';
  $('dist-save').onclick = saveDistribution;
  $('update-now').onclick = () => busy(async () => {
    $('update-now').disabled = true;
    $('update-result').textContent = '…';
    const r = await ask({ type: 'rg:updateNow' });
    $('update-now').disabled = false;
    $('update-result').dataset.status = r.ok ? r.value.status : 'error';
    $('update-result').textContent = t(lang, 'options_update_status', r.ok ? r.value.status : r.error);
    await renderPolicy();
  });
  $('lang').onchange = async () => { await updateSettings({ lang: $('lang').value }); location.reload(); };
  $('member').onchange = () => updateSettings({ memberId: $('member').value.trim() });

  $('policy-file').onchange = async () => {
    const file = $('policy-file').files[0];
    if (!file) return;
    const text = await file.text();
    const res = await ask({ type: 'rg:setPolicy', source: 'file', text, fileName: file.name });
    showPolicyResult(res);
    await renderPolicy();
  };
  $('src-default').onchange = async () => { await ask({ type: 'rg:setPolicy', source: 'default' }); $('policy-result').replaceChildren(); await renderPolicy(); };
  $('src-file').onchange = async () => {
    showPolicyResult(await ask({ type: 'rg:setPolicy', source: 'file' }));
    await renderPolicy();
  };

  $('extra-add').onclick = async () => {
    const host = $('extra-host').value.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) return;
    // Must run in the click's user gesture.
    const granted = await chrome.permissions.request({ origins: [`https://${host}/*`] });
    if (granted) { await ask({ type: 'rg:syncSites' }); $('extra-host').value = ''; renderSites(await getSettings()); }
  };

  $('export-csv').onclick = async () => download('replyguard-audit.csv', 'text/csv', toCsv(await renderAudit()));
  $('export-json').onclick = async () => download('replyguard-audit.json', 'application/json', JSON.stringify(await renderAudit(), null, 2));
  $('export-examples').onclick = async () => download('replyguard-false-positives.jsonl', 'application/jsonl', toCorpusJsonl(await renderExamples()));

  await busy(async () => {
    await renderPolicy();
    await Promise.all([renderSites(settings), renderAudit(), renderExamples(), renderDeliveryAccess(lang).catch(() => {})]);
  });
  chrome.storage.onChanged.addListener((c) => {
    if (c[KEYS.audit] || c[AUDIT_META_KEY] || c[AUDIT_PENDING_KEY]) renderAudit();
    if (c[EXAMPLES_KEY]) renderExamples();
  });
}

main().finally(() => { if (!busyCount) document.querySelector('main').removeAttribute('aria-busy'); });
