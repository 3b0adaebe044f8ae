// The send dialog (block findings remain) and the escalation panel. Modal, in the closed shadow
// root; only trusted (user) events act, so a page cannot click "send anyway" for the user.
import { el } from './overlay.js';
import { t, pick } from '../shared/i18n.js';
import { safeHref } from '../shared/messages.js';
import { renderDeliveries } from './delivery-panel.js';

export const MIN_JUSTIFICATION = 10;

export class Dialog {
  constructor(overlay) { this.overlay = overlay; this.node = null; this.returnFocus = null; }

  get open() { return !!this.node; }

  mountModal(panel, onEscape) {
    this.close();
    this.returnFocus = document.activeElement;
    const backdrop = el('div', { class: 'backdrop' }, panel);
    backdrop.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') { e.preventDefault(); onEscape(); }
      if (e.key === 'Tab') { // keep focus inside the dialog
        const f = [...panel.querySelectorAll('button:not([disabled]), a[href], textarea')].filter((n) => n.getClientRects().length);
        if (!f.length) return;
        const i = f.indexOf(this.overlay.root.activeElement);
        if (e.shiftKey && i <= 0) { e.preventDefault(); f[f.length - 1].focus(); }
        else if (!e.shiftKey && i === f.length - 1) { e.preventDefault(); f[0].focus(); }
      }
    });
    // Keys typed in the dialog must not reach the page's shortcuts.
    for (const type of ['keyup', 'keypress', 'input', 'beforeinput']) backdrop.addEventListener(type, (e) => e.stopPropagation());
    this.overlay.mount();
    this.overlay.ui.append(backdrop);
    this.node = backdrop;
    (panel.querySelector('button.primary') || panel.querySelector('button'))?.focus();
  }

  close() {
    if (!this.node) return;
    this.node.remove();
    this.node = null;
  }

  /**
   * blocks: block findings of the draft. handlers: fix(), escalate() → Promise<escalation>,
   * override(justification) → Promise, cancel(). allowOverride false (the admin's lock_override):
   * no "send anyway", only fix or escalate.
   */
  showSendHold({ lang, blocks, fix, escalate, override, cancel, allowOverride = true }) {
    const list = el('ul');
    for (const f of blocks.slice(0, 8)) list.append(el('li', {}, el('strong', { text: f.text ? `${t(lang, 'quote', f.text)} ` : '' }), el('span', { text: `— ${f.message}` })));
    const just = el('textarea', { 'aria-label': t(lang, 'dialog_justification'), placeholder: t(lang, 'dialog_justification_ph') });
    const confirm = el('button', { class: 'danger', 'data-action': 'confirm-override', text: t(lang, 'dialog_send_anyway_confirm'), disabled: '' });
    const auditFailed = el('p', { class: 'error', role: 'alert', 'data-error': 'audit', hidden: '', text: t(lang, 'dialog_audit_failed') });
    const overrideBox = el('div', { hidden: '' },
      el('label', { class: 'hint', text: t(lang, 'dialog_justification_hint', String(MIN_JUSTIFICATION)) }), just,
      el('div', { class: 'row' }, confirm), auditFailed);
    just.addEventListener('input', () => { confirm.disabled = just.value.trim().length < MIN_JUSTIFICATION; });
    confirm.addEventListener('click', async (e) => {
      if (!e.isTrusted || just.value.trim().length < MIN_JUSTIFICATION) return;
      confirm.disabled = true;
      // false: the audit entry could not be recorded, so nothing is sent; the user may try again.
      if ((await override(just.value.trim())) === false) { auditFailed.hidden = false; confirm.disabled = false; }
    });
    const escBox = el('div');
    const panel = el('div', { class: 'panel dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-label': t(lang, 'dialog_title') },
      el('h2', { text: t(lang, 'dialog_title') }),
      el('p', { text: t(lang, 'dialog_intro') }),
      list,
      el('div', { class: 'row' },
        el('button', { class: 'primary', 'data-action': 'fix', text: t(lang, 'dialog_fix'), onclick: (e) => e.isTrusted && fix() }),
        el('button', { 'data-action': 'escalate', text: t(lang, 'dialog_escalate'), onclick: async (e) => {
          if (!e.isTrusted) return;
          escBox.replaceChildren(el('p', { class: 'hint', text: t(lang, 'esc_loading') }));
          this.renderEscalation(escBox, lang, await escalate(), true);
        } }),
        allowOverride ? el('button', { 'data-action': 'send-anyway', text: t(lang, 'dialog_send_anyway'), onclick: (e) => {
          if (!e.isTrusted) return;
          overrideBox.hidden = false; just.focus();
        } }) : null,
        el('button', { 'data-action': 'cancel', text: t(lang, 'dialog_cancel'), onclick: (e) => e.isTrusted && cancel() })),
      allowOverride ? overrideBox : el('p', { class: 'hint', 'data-locked': 'override', text: t(lang, 'dialog_override_locked') }), escBox);
    this.mountModal(panel, cancel);
  }

  /** A message with one button (e.g. "press Enter again to send"). */
  showInfo({ lang, title, text, close }) {
    const panel = el('div', { class: 'panel dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-label': title },
      el('h2', { text: title }), el('p', { 'data-info': '', text }),
      el('div', { class: 'row' }, el('button', { class: 'primary', 'data-action': 'close', text: t(lang, 'dialog_close'), onclick: (e) => e.isTrusted && close() })));
    this.mountModal(panel, close);
  }

  /** The escalation panel on its own (from the incoming-post banner). */
  showEscalation({ lang, escalate, cancel }) {
    const box = el('div', {}, el('p', { class: 'hint', text: t(lang, 'esc_loading') }));
    const panel = el('div', { class: 'panel dialog', role: 'dialog', 'aria-modal': 'true', 'aria-label': t(lang, 'esc_title') },
      el('h2', { text: t(lang, 'esc_title') }), box,
      el('div', { class: 'row' }, el('button', { 'data-action': 'close', text: t(lang, 'dialog_close'), onclick: (e) => e.isTrusted && cancel() })));
    this.mountModal(panel, cancel);
    escalate().then((r) => this.renderEscalation(box, lang, r));
  }

  renderEscalation(box, lang, esc, heading = false) {
    box.replaceChildren();
    box.setAttribute('data-escalation', '');
    if (!esc || esc.error || esc.failed) {
      box.append(el('p', { class: 'hint', text: esc?.error === 'no team' || /team/i.test(esc?.error || '') ? t(lang, 'esc_no_team') : t(lang, 'esc_failed') }));
      return;
    }
    if (!esc.escalate) { box.append(el('p', { text: t(lang, 'esc_not_needed') })); return; }
    if (heading) box.append(el('h2', { text: t(lang, 'esc_title') }));
    const reasons = el('ul');
    for (const r of esc.reasons || []) {
      reasons.append(el('li', { text: [r.excerpt ? t(lang, 'quote', r.excerpt) : '', this.labelOf?.(r.category) || r.category, lang === 'de' ? r.limit_de || r.limit : r.limit].filter(Boolean).join(' — ') }));
    }
    box.append(reasons);
    // A policy without a team says where to escalate but not to whom (the core's note, in `lang`).
    if (esc.team === false && esc.note) box.append(el('p', { class: 'hint', 'data-note': 'no-team', text: String(esc.note) }));
    if (typeof esc.respond_by === 'number') {
      box.append(el('p', { class: 'hint', text: t(lang, 'esc_respond_by', new Date(esc.respond_by).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' })) }));
    }
    const levelName = pick(lang, esc.level?.name);
    if (levelName) box.append(el('p', { class: 'hint', text: levelName }));
    for (const target of esc.targets || []) {
      const links = (esc.links || []).filter((l) => l.member && l.member === target.member);
      const row = el('div', { class: 'row' });
      for (const l of links) {
        const href = safeHref(l.href);
        if (href) row.append(el('a', { class: 'btn', href, target: l.kind === 'chat' ? '_blank' : '_self', rel: 'noopener noreferrer', 'data-kind': l.kind, text: t(lang, `esc_link_${l.kind}`) || l.kind }));
      }
      const roles = Array.isArray(target.roles) ? target.roles.join(', ') : '';
      box.append(el('div', { class: 'target', 'data-member': String(target.member || '') },
        el('div', { class: 'name', text: String(target.name || target.member || '') }),
        el('div', { class: 'hint', text: [roles, target.on_call_until ? t(lang, 'esc_on_call_until', new Date(target.on_call_until).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' })) : ''].filter(Boolean).join(' · ') }),
        row));
    }
    for (const g of esc.gaps || []) box.append(el('p', { class: 'hint', text: t(lang, 'esc_gap', String(g.schedule || g.role || g.level || '')) }));
    const mail = (esc.links || []).find((l) => l.kind === 'mailto');
    if (esc.message) {
      box.append(el('p', { class: 'hint', text: t(lang, 'esc_message') }));
      box.append(el('pre', { class: 'msgbody', text: `${esc.message.subject || ''}\n\n${esc.message.body || ''}` }));
      const row = el('div', { class: 'row' });
      row.append(el('button', { 'data-action': 'copy', text: t(lang, 'esc_copy'), onclick: async (e) => {
        if (!e.isTrusted) return;
        try { await navigator.clipboard.writeText(`${esc.message.subject || ''}\n\n${esc.message.body || ''}`); e.target.textContent = t(lang, 'esc_copied'); } catch { /* clipboard blocked */ }
      } }));
      if (mail && safeHref(mail.href)) row.append(el('a', { class: 'btn', href: safeHref(mail.href), 'data-kind': 'mailto', text: t(lang, 'esc_link_mailto') }));
      box.append(row);
    }
    renderDeliveries(box, lang, esc, this.delivery); // Slack / Teams / PagerDuty / webhook, user-initiated
  }

  describe() {
    if (!this.node) return null;
    const items = [...this.node.querySelectorAll('button, a, textarea')].map((n) => {
      const b = n.getBoundingClientRect();
      return { tag: n.tagName.toLowerCase(), action: n.dataset.action || n.dataset.kind || '', href: n.getAttribute('href') || '', text: n.textContent, disabled: !!n.disabled, visible: b.width > 0, x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    const active = this.overlay.root.activeElement;
    return { title: this.node.querySelector('h2')?.textContent, text: this.node.textContent, items,
      focused: active ? active.dataset.action || active.tagName.toLowerCase() : null,
      escalation: !!this.node.querySelector('[data-escalation] .target, [data-escalation] p'),
      targets: [...this.node.querySelectorAll('.target')].map((n) => n.dataset.member) };
  }
}
