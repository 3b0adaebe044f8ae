// The card for one finding: what is wrong, why, and one-click replacements. Opened by hovering
// or clicking an underline, or from the keyboard (Alt+Shift+R in the field). Keyboard: Tab moves
// through the buttons, ←/→ go to the previous/next finding, Escape returns to the text.
import { el } from './overlay.js';
import { t } from '../shared/i18n.js';

export class Card {
  constructor(overlay, { onApply, onDismiss, onClose, onNavigate }) {
    Object.assign(this, { overlay, onApply, onDismiss, onClose, onNavigate });
    this.node = null; this.finding = null; this.pinned = false;
  }

  get open() { return !!this.node; }

  show({ finding, index, total, anchor, lang, categoryLabel, focus, warnings = 0 }) {
    this.node?.remove(); // replaced, not closed: the finding stays active
    this.finding = finding;
    const f = finding;
    const sevLabel = t(lang, `severity_${f.severity}`);
    const nav = total > 1 ? el('span', { class: 'nav' },
      el('button', { 'aria-label': t(lang, 'card_prev'), text: '‹', onclick: (e) => e.isTrusted && this.onNavigate(-1) }),
      el('span', { text: `${index + 1}/${total}` }),
      el('button', { 'aria-label': t(lang, 'card_next'), text: '›', onclick: (e) => e.isTrusted && this.onNavigate(1) })) : null;
    const row = el('div', { class: 'row' });
    for (const rep of f.replacements) {
      row.append(el('button', { class: 'primary', 'data-action': 'apply', text: rep || t(lang, 'card_delete'),
        title: t(lang, 'card_replace_with', rep), onclick: (e) => e.isTrusted && this.onApply(f, rep) }));
    }
    // A block finding cannot be ignored here: it is resolved by a fix or, at send time, by a justified override.
    if (f.severity !== 'block') row.append(el('button', { 'data-action': 'dismiss', text: t(lang, 'card_dismiss'), onclick: (e) => e.isTrusted && this.onDismiss(f) }));
    if (f.link) row.append(el('a', { class: 'btn', href: f.link, target: '_blank', rel: 'noopener noreferrer', text: t(lang, 'card_guideline') }));
    this.node = el('div', { class: `panel card ${f.severity}`, role: 'dialog', 'aria-label': t(lang, 'card_label'), 'data-rule': f.rule },
      el('div', { class: 'head' }, el('span', { class: 'sev', text: sevLabel }), el('span', { text: categoryLabel || f.category }), nav),
      el('p', { class: 'msg', text: f.message }),
      f.text ? el('p', { class: 'quote' }, el('s', { text: f.text.length > 120 ? `${f.text.slice(0, 120)}…` : f.text })) : null,
      f.suggestion ? el('p', { class: 'sugg', text: f.suggestion }) : null,
      row,
      // The core could not run some rules on this text (e.g. a pattern hit its step limit).
      warnings ? el('p', { class: 'hint', 'data-warnings': String(warnings), text: t(lang, 'card_incomplete', String(warnings)) }) : null);
    this.node.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); this.close(true); }
      else if (e.key === 'ArrowRight' && total > 1) { e.preventDefault(); this.onNavigate(1); }
      else if (e.key === 'ArrowLeft' && total > 1) { e.preventDefault(); this.onNavigate(-1); }
      e.stopPropagation();
    });
    this.node.addEventListener('mouseenter', () => { this.hovered = true; });
    this.node.addEventListener('mouseleave', () => { this.hovered = false; });
    this.overlay.mount();
    this.overlay.ui.append(this.node);
    this.place(anchor);
    if (focus) (this.node.querySelector('button[data-action]') || this.node).focus();
  }

  /** Next to the finding without covering it, inside the viewport. In a small viewport (an
   * editor's iframe) the card gets narrower, puts its buttons first and scrolls the rest. */
  place(anchor) {
    this.anchor = anchor;
    if (!this.node || !anchor) return;
    const n = this.node;
    const vw = innerWidth, vh = innerHeight, m = 8, gap = 6;
    n.style.maxHeight = '';
    n.style.width = `${Math.min(320, vw - 2 * m)}px`;
    n.classList.remove('compact');
    let h = n.offsetHeight || 120;
    const w = n.offsetWidth || 320;
    const below = vh - anchor.bottom - gap - m, above = anchor.top - gap - m;
    let left = Math.min(Math.max(m, anchor.left), vw - w - m), top;
    if (h <= below) top = anchor.bottom + gap;
    else if (h <= above) top = anchor.top - h - gap;
    else {
      n.classList.add('compact');
      h = n.offsetHeight || h;
      const right = vw - anchor.right - gap - m, leftRoom = anchor.left - gap - m;
      if (Math.max(right, leftRoom) >= Math.min(w, 220)) {
        // Beside the word, as tall as the viewport allows.
        const cw = Math.min(w, Math.max(right, leftRoom));
        n.style.width = `${cw}px`;
        left = right >= leftRoom ? anchor.right + gap : anchor.left - gap - cw;
        n.style.maxHeight = `${vh - 2 * m}px`;
        top = Math.min(Math.max(m, anchor.top - 20), Math.max(m, vh - m - (n.offsetHeight || h)));
      } else {
        // Below or above the word, whichever has more room, scrolling inside.
        const room = Math.max(below, above, 60);
        n.style.maxHeight = `${room}px`;
        top = below >= above ? anchor.bottom + gap : Math.max(m, anchor.top - gap - Math.min(room, n.offsetHeight || room));
      }
    }
    n.style.left = `${left}px`;
    n.style.top = `${top}px`;
  }

  /** A line on the open card (e.g. the fix could not be applied); announced to screen readers. */
  notice(text) {
    if (!this.node) return;
    let n = this.node.querySelector('.notice');
    if (!n) { n = el('p', { class: 'notice', role: 'alert' }); this.node.append(n); }
    n.textContent = text;
    this.place(this.anchor);
  }

  close(returnFocus) {
    if (!this.node) return;
    this.node.remove();
    this.node = null; this.finding = null; this.pinned = false; this.hovered = false;
    this.onClose?.(returnFocus);
  }

  /** Rects of the card's controls, for the test hook (real clicks need coordinates). */
  describe() {
    if (!this.node) return null;
    const r = (n) => { const b = n.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2, text: n.textContent }; };
    return { rule: this.node.dataset.rule, message: this.node.querySelector('.msg')?.textContent,
      buttons: [...this.node.querySelectorAll('button, a')].map((n) => ({ action: n.dataset.action || n.tagName.toLowerCase(), ...r(n) })),
      notice: this.node.querySelector('.notice')?.textContent || null,
      warnings: this.node.querySelector('[data-warnings]')?.textContent || null,
      rect: (({ left, top, right, bottom }) => ({ left, top, right, bottom }))(this.node.getBoundingClientRect()),
      focused: this.overlay.root.activeElement?.textContent || null };
  }
}
