// Options: policy source (built-in or an imported bundle, validated by the core), per-site
// switches, extra sites (optional host permissions), language, member id, audit export.
import { t, pick, localizePage } from '../shared/i18n.js';
import { getSettings, updateSettings, resolveLang, KEYS } from '../shared/settings.js';
import { SITES } from '../content/sites/index.js';
import { toCsv } from './audit-export.js';

const $ = (id) => document.getElementById(id);
const ask = (msg) => chrome.runtime.sendMessage(msg).then((r) => r || { ok: false, error: 'no answer' }, (e) => ({ ok: false, error: String(e) }));
let lang = 'en';

const el = (tag, text, cls) => { const n = document.createElement(tag); if (text != null) n.textContent = text; if (cls) n.className = cls; return n; };

async function renderPolicy() {
  const r = await ask({ type: 'rg:status' });
  const s = r.ok ? r.value : null;
  const cur = $('policy-current');
  if (!s || s.core.ok !== true) { cur.className = 'error'; cur.textContent = t(lang, 'popup_core_failed', s?.core?.error || r.error || '—'); }
  else { cur.className = ''; cur.textContent = t(lang, 'options_policy_active', pick(lang, s.info?.name) || s.info?.id || '?', String(s.info?.version ?? '?'), s.fileName || t(lang, 'options_policy_default')); }
  const { [KEYS.policy]: p } = await chrome.storage.local.get(KEYS.policy);
  $('src-default').checked = !p || p.source !== 'file';
  $('src-file').checked = p?.source === 'file';
  $('src-file').disabled = !p?.file?.text;
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
  const { [KEYS.audit]: log = [] } = await chrome.storage.local.get(KEYS.audit);
  $('audit-count').textContent = t(lang, 'options_audit_count', String(log.length));
  return log;
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

  await Promise.all([renderPolicy(), renderSites(settings), renderAudit()]);
  chrome.storage.onChanged.addListener((c) => { if (c[KEYS.audit]) renderAudit(); });
}

main();
