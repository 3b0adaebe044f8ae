// Popup: is the checker running, which policy (where it came from, how old, what was refused),
// how many findings on this tab, pause this site (unless the admin locked pausing).
import { t, pick, localizePage } from '../shared/i18n.js';
import { getSettings, updateSettings, resolveLang } from '../shared/settings.js';
import { warningItems, skippedItems, relativeAge, formatDate } from '../shared/dist-ui.js';
import { renderDelivery } from './delivery-status.js';

const $ = (id) => document.getElementById(id);
const ask = (msg) => chrome.runtime.sendMessage(msg).then((r) => (r?.ok ? r.value : null), () => null);

const age = (ms, lang) => relativeAge(ms, lang);

function renderDistribution(lang, status) {
  const dist = status?.distribution;
  const origin = dist?.origin || (status?.source === 'file' ? 'imported' : 'default');
  const originEl = $('policy-origin');
  originEl.dataset.origin = origin;
  const d = dist?.detail || {};
  // Which bundle (id@version) and from where: the admin, the user's URL, a file, the built-in default.
  originEl.textContent = [t(lang, `popup_origin_${origin}`), status?.info ? `${status.info.id}@${status.info.version}` : '', d.url || ''].filter(Boolean).join(' · ');
  const ageParts = [];
  if (dist?.issued && d.expires) ageParts.push(t(lang, 'popup_signed', age(Date.parse(dist.issued), lang), formatDate(d.expires, lang)));
  // An update was refused: say how old the last good bundle that stays in force is.
  const refused = (dist?.warnings || []).some((w) => w.kind === 'download');
  if (dist?.receivedAt && refused) ageParts.push(t(lang, 'popup_kept', age(dist.receivedAt, lang)));
  $('policy-age').textContent = ageParts.join(' · ');
  const frozen = $('policy-frozen');
  frozen.hidden = !dist?.frozen;
  frozen.textContent = dist?.frozen ? t(lang, 'popup_frozen', formatDate(d.expires, lang)) : '';
  const warnings = (dist?.warnings || []).filter((w) => !(dist.frozen && w.code === 'expired'));
  $('policy-warnings').replaceChildren(...warningItems(lang, warnings), ...skippedItems(lang, dist?.skipped));
  const s = dist?.settings;
  return { lockPause: !!s?.lockPause?.value, lockOverride: !!s?.lockOverride?.value };
}

/** The tab the popup is about and its counts, asked for at once (not after the policy and delivery lines). */
async function tabAndCounts() {
  // Test builds can point the popup at a tab (opened as a page, the popup is its own tab).
  const forced = __TEST__ ? Number(new URLSearchParams(location.search).get('tab')) : 0;
  const tab = forced ? await chrome.tabs.get(forced) : (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
  return { tab, info: tab ? await ask({ type: 'rg:tabInfo', tabId: tab.id }) : null };
}

async function render() {
  const counts = tabAndCounts().catch(() => ({ tab: null, info: null })); // a tab closed meanwhile: no counts
  const settings = await getSettings();
  const lang = resolveLang(settings.lang);
  localizePage(lang);
  const status = await ask({ type: 'rg:status' });
  const core = $('core');
  if (!status || status.core.ok !== true) {
    core.className = 'status bad';
    core.textContent = t(lang, 'popup_core_failed', status?.core?.error || '—');
  } else {
    core.className = 'status ok';
    core.textContent = t(lang, 'popup_core_ok');
  }
  if (status?.info) {
    const name = pick(lang, status.info.name) || status.info.id;
    const dist = status.distribution;
    const when = dist?.origin === 'managed' || dist?.origin === 'url'
      ? (dist.receivedAt ? t(lang, 'popup_received', age(dist.receivedAt, lang)) : status.info.id)
      : status.source === 'file' && status.importedAt ? t(lang, 'popup_imported', age(status.importedAt, lang)) : t(lang, 'popup_builtin');
    $('policy').textContent = `${name} · v${status.info.version} · ${when}`;
    $('policy').title = `${status.info.id}@${status.info.version}`;
    Object.assign($('policy').dataset, { id: status.info.id, version: String(status.info.version) });
  } else {
    $('policy').textContent = '—';
  }
  const locks = renderDistribution(lang, status);
  renderDelivery($('delivery'), lang, await ask({ type: 'rg:deliveryStatus' }));
  $('locks').replaceChildren(...[locks.lockPause && 'popup_pause_locked', locks.lockOverride && 'popup_override_locked'].filter(Boolean)
    .map((k) => Object.assign(document.createElement('span'), { textContent: `${t(lang, k)} ` })));
  const { tab, info } = await counts;
  let host = '';
  try { host = new URL(tab?.url || '').hostname; } catch { /* not a web page */ }
  $('findings').textContent = !info || !info.seen ? t(lang, 'popup_no_field') : t(lang, 'popup_findings', String(info.count), String(info.blocks))
    + (info?.warnings ? ` ${t(lang, 'popup_incomplete', String(info.warnings))}` : '');
  const pause = $('pause');
  pause.disabled = !host || locks.lockPause;
  pause.checked = !locks.lockPause && !!settings.paused[host];
  $('site').textContent = host;
  pause.onchange = async () => {
    if (locks.lockPause) return;
    const s = await getSettings();
    const paused = { ...s.paused };
    if (pause.checked) paused[host] = true; else delete paused[host];
    await updateSettings({ paused });
  };
  $('options').onclick = () => chrome.runtime.openOptionsPage();
}

// aria-busy until every part is filled in (the parts arrive one answer at a time).
render().finally(() => document.querySelector('main').removeAttribute('aria-busy'));
