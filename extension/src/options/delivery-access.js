// Options page: the state of audit/escalation delivery and, when the browser has not granted
// access to an endpoint's origin yet, a button that asks for it (optional host permissions need
// a user gesture; an endpoint that answers CORS for the extension's origin works without).
import { t } from '../shared/i18n.js';
import { deliveryText } from '../popup/delivery-status.js';

const $ = (id) => document.getElementById(id);
const ask = (msg) => chrome.runtime.sendMessage(msg).then((r) => (r?.ok ? r.value : null), () => null);

export async function renderDeliveryAccess(lang) {
  const d = await ask({ type: 'rg:deliveryStatus' });
  const origins = d?.origins || [];
  if (!d || (!d.enabled && !origins.length)) return;
  $('delivery-section').hidden = false;
  $('delivery-status').textContent = (deliveryText(lang, d) || []).map((l) => l.text).join(' · ') || t(lang, 'options_delivery_off');
  const missing = [];
  for (const o of origins) if (!(await chrome.permissions.contains({ origins: [o] }).catch(() => false))) missing.push(o);
  $('delivery-access').hidden = !missing.length;
  $('delivery-grant').hidden = !missing.length;
  if (!missing.length) return;
  $('delivery-access').textContent = t(lang, 'options_delivery_access', missing.join(', '));
  $('delivery-grant').onclick = async () => {
    const ok = await chrome.permissions.request({ origins: missing }).catch(() => false);
    if (ok) renderDeliveryAccess(lang);
  };
}
