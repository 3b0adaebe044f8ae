// The escalation panel's delivery rows: one per target the core named for the routes taken
// (Slack, Teams, PagerDuty, webhook), each sent only when the responder presses its button, with
// its state: sending / retrying (next attempt) / delivered / failed (why). The mailto:/tel:
// links above stay the fallback. Only trusted clicks act.
import { el } from './overlay.js';
import { t, pick } from '../shared/i18n.js';

const POLL_MS = 1000;
const TERMINAL = new Set(['delivered', 'failed']);

function stateText(lang, s) {
  if (s.state === 'retrying') return t(lang, 'esc_state_retrying', new Date(s.nextAt).toLocaleTimeString(lang, { timeStyle: 'short' }), String(s.attempts));
  if (s.state === 'failed') return t(lang, 'esc_state_failed', s.error || String(s.status || ''));
  return t(lang, `esc_state_${s.state}`);
}

/** api: {start(id, target) → job status, status(job) → job status}; both may resolve null. */
export function renderDeliveries(box, lang, esc, api) {
  if (!api || !esc?.delivery_id || !Array.isArray(esc.deliveries) || !esc.deliveries.length) return;
  const list = el('div', { class: 'deliveries', 'data-deliveries': '' });
  list.append(el('p', { class: 'hint', text: t(lang, 'esc_deliver_title') }));
  for (const d of esc.deliveries) {
    const label = pick(lang, d.name) || t(lang, `esc_kind_${d.kind}`) || d.kind;
    const state = el('span', { class: 'hint', 'data-state': 'idle', role: 'status', tabindex: '-1', text: '' });
    const button = el('button', { 'data-action': 'deliver', 'data-target': String(d.target), text: t(lang, 'esc_deliver_send', label) });
    const show = (s) => {
      state.dataset.state = s.state;
      state.textContent = stateText(lang, s);
      button.disabled = !TERMINAL.has(s.state) || s.state === 'delivered';
      if (s.state === 'failed') button.textContent = t(lang, 'esc_deliver_retry', label);
    };
    button.onclick = async (e) => {
      if (!e.isTrusted || button.disabled) return;
      // A disabled button drops the focus out of the dialog (Escape and Tab would reach the page):
      // it moves to this row's state, which is read out as it changes.
      if (button.getRootNode().activeElement === button) state.focus();
      button.disabled = true;
      show({ state: 'sending' });
      const job = await api.start(esc.delivery_id, d.target);
      let s = job?.targets?.find((x) => x.target === d.target);
      if (!s) { show({ state: 'failed', error: t(lang, 'esc_state_unreachable') }); return; }
      show(s);
      while (!TERMINAL.has(s.state) && box.isConnected) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const now = await api.status(job.id);
        s = now?.targets?.find((x) => x.target === d.target) || { state: 'failed', error: t(lang, 'esc_state_unreachable') };
        show(s);
      }
    };
    list.append(el('div', { class: 'row delivery', 'data-kind': d.kind, 'data-target': String(d.target) }, button, state));
  }
  list.append(el('p', { class: 'hint', text: t(lang, 'esc_deliver_fallback') }));
  box.append(list);
}
