// Popup: is the checker running, which policy, how many findings on this tab, pause this site.
import { t, pick, localizePage } from '../shared/i18n.js';
import { getSettings, updateSettings, resolveLang } from '../shared/settings.js';

const $ = (id) => document.getElementById(id);
const ask = (msg) => chrome.runtime.sendMessage(msg).then((r) => (r?.ok ? r.value : null), () => null);

function age(ms, lang) {
  const mins = Math.round((Date.now() - ms) / 60000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (mins < 60) return rtf.format(-mins, 'minute');
  if (mins < 48 * 60) return rtf.format(-Math.round(mins / 60), 'hour');
  return rtf.format(-Math.round(mins / 1440), 'day');
}

async function render() {
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
    const when = status.source === 'file' && status.importedAt ? t(lang, 'popup_imported', age(status.importedAt, lang)) : t(lang, 'popup_builtin');
    $('policy').textContent = `${name} · v${status.info.version} · ${when}`;
  } else {
    $('policy').textContent = '—';
  }
  // Test builds can point the popup at a tab (opened as a page, the popup is its own tab).
  const forced = __TEST__ ? Number(new URLSearchParams(location.search).get('tab')) : 0;
  const tab = forced ? await chrome.tabs.get(forced) : (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
  let host = '';
  try { host = new URL(tab?.url || '').hostname; } catch { /* not a web page */ }
  const info = tab ? await ask({ type: 'rg:tabInfo', tabId: tab.id }) : null;
  $('findings').textContent = !info || !info.seen ? t(lang, 'popup_no_field') : t(lang, 'popup_findings', String(info.count), String(info.blocks));
  const pause = $('pause');
  pause.disabled = !host;
  pause.checked = !!settings.paused[host];
  $('site').textContent = host;
  pause.onchange = async () => {
    const s = await getSettings();
    const paused = { ...s.paused };
    if (pause.checked) paused[host] = true; else delete paused[host];
    await updateSettings({ paused });
  };
  $('options').onclick = () => chrome.runtime.openOptionsPage();
}

render();
