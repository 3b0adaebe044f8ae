// Banner over the composer when the post being answered itself has findings (triage): it names
// them and offers escalation. The reply is not underlined for these.
import { el } from './overlay.js';
import { t } from '../shared/i18n.js';

export class Banner {
  constructor(overlay, { onEscalate }) { this.overlay = overlay; this.onEscalate = onEscalate; this.node = null; this.key = ''; this.closedKey = ''; }

  update(ctrl, lang, labelOf) {
    const list = ctrl ? ctrl.incoming : [];
    const key = list.map((f) => `${f.rule}:${f.begin}`).join('|');
    if (!list.length || key === this.closedKey) { this.hide(); return; }
    if (key !== this.key || !this.node) {
      this.hide();
      const worst = list.find((f) => f.severity === 'block') || list.find((f) => f.severity === 'warn') || list[0];
      const text = list.slice(0, 3).map((f) => `${labelOf(f.category) || f.category}: ${f.message}`).join(' · ');
      this.node = el('div', { class: `panel banner ${worst.severity}`, role: 'status', 'aria-live': 'polite' },
        el('span', { class: 'text' }, el('strong', { text: t(lang, 'banner_incoming') }), document.createTextNode(' '), el('span', { text })),
        el('button', { class: 'primary', 'data-action': 'banner-escalate', text: t(lang, 'dialog_escalate'), onclick: (e) => e.isTrusted && this.onEscalate(ctrl) }),
        el('button', { 'aria-label': t(lang, 'dialog_close'), text: '×', onclick: (e) => { if (e.isTrusted) { this.closedKey = key; this.hide(); } } }));
      this.key = key;
      this.overlay.mount();
      this.overlay.ui.append(this.node);
    }
    this.place(ctrl);
  }

  place(ctrl) {
    if (!this.node || !ctrl) return;
    const r = ctrl.el.getBoundingClientRect();
    const room = innerWidth - r.right - 16;
    if (room >= 260) {
      // Beside the composer: neither the post being answered nor the send button is covered.
      this.node.style.maxWidth = `${Math.min(380, room)}px`;
      this.node.style.left = `${r.right + 8}px`;
      this.node.style.top = `${Math.max(8, r.top)}px`;
      return;
    }
    const h = this.node.offsetHeight || 40;
    this.node.style.maxWidth = `${Math.max(260, r.width)}px`;
    this.node.style.left = `${Math.max(8, r.left)}px`;
    this.node.style.top = `${r.top - h - 6 >= 0 ? r.top - h - 6 : r.bottom + 6}px`;
  }

  hide() { this.node?.remove(); this.node = null; this.key = ''; }

  describe() {
    if (!this.node) return null;
    const b = this.node.querySelector('[data-action="banner-escalate"]').getBoundingClientRect();
    return { text: this.node.textContent, escalate: { x: b.left + b.width / 2, y: b.top + b.height / 2 } };
  }
}
