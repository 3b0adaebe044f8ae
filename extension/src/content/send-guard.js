// Holds sending while block findings remain: the send button's click, Ctrl/Cmd+Enter and (where
// the site sends on Enter) Enter, all caught in the capture phase before the page sees them.
// Any fault of ours (core down, check failing or slow) lets the send through.
const CHECK_WAIT_MS = 1500;

export class SendGuard {
  /**
   * site: adapter. decide(field, release) → Promise<'send'|'hold'>; on 'hold' the dialog owns
   * the send and calls release() if the user sends anyway. fieldFor(target) → attached field or null.
   */
  constructor({ site, fieldFor, lastField, decide }) {
    Object.assign(this, { site, fieldFor, lastField, decide });
    this.bypass = false;
    this.onClick = this.onClick.bind(this);
    this.onKey = this.onKey.bind(this);
    this.onSubmit = this.onSubmit.bind(this);
    addEventListener('click', this.onClick, true);
    addEventListener('keydown', this.onKey, true);
    addEventListener('submit', this.onSubmit, true);
  }

  sendButtonFor(event) {
    if (!this.site.send) return null;
    for (const n of event.composedPath()) {
      if (!(n instanceof Element)) continue;
      if (n.matches(this.site.send)) return n;
      if (n === document.body) break;
    }
    return null;
  }

  /** The field a send button belongs to: the last focused field sharing a container with it. */
  fieldForButton(btn) {
    const f = this.lastField();
    if (!f || !f.el.isConnected) return null;
    if (this.site.id !== 'generic') return f;
    const form = f.el.closest('form');
    return form && form.contains(btn) ? f : null;
  }

  hold(event, field, release) {
    event.preventDefault();
    event.stopImmediatePropagation();
    let decided = false;
    const timer = setTimeout(() => { decided = true; release(); }, CHECK_WAIT_MS); // never hang the user
    this.decide(field, release).then((verdict) => {
      if (decided) return;
      clearTimeout(timer);
      decided = true;
      if (verdict === 'send') release();
    }, () => { if (!decided) { clearTimeout(timer); decided = true; release(); } });
  }

  onClick(event) {
    if (this.bypass || !event.isTrusted) return;
    const btn = this.sendButtonFor(event);
    if (!btn) return;
    const field = this.fieldForButton(btn);
    if (!field || !field.needsHold()) return;
    this.hold(event, field, () => this.release({ button: btn }));
  }

  onKey(event) {
    if (this.bypass || !event.isTrusted || event.key !== 'Enter' || event.isComposing) return;
    const field = this.fieldFor(event.composedPath()[0]);
    if (!field) return;
    const mod = event.ctrlKey || event.metaKey;
    const sends = (mod && this.site.ctrlEnterSends) || (!mod && !event.shiftKey && !event.altKey && this.site.enterSends);
    if (!sends || !field.needsHold()) return;
    this.hold(event, field, () => this.release({ key: event, field }));
  }

  onSubmit(event) {
    if (this.bypass || this.site.id !== 'generic') return;
    const f = this.lastField();
    if (!f || !event.target.contains?.(f.el) || !f.needsHold()) return;
    this.hold(event, f, () => this.release({ form: event.target, submitter: event.submitter }));
  }

  /** Lets a held send go through, the way it was started. */
  release({ button, key, field, form, submitter }) {
    this.bypass = true;
    try {
      if (button) button.click();
      else if (form) form.requestSubmit(submitter || undefined);
      else if (key) {
        const scope = field.el.closest('form') || field.el.getRootNode();
        const btn = this.site.send ? scope.querySelector?.(this.site.send) : null;
        if (btn) btn.click();
        else field.el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true, composed: true, ctrlKey: key.ctrlKey, metaKey: key.metaKey }));
      }
    } finally {
      this.bypass = false;
    }
  }

  destroy() {
    removeEventListener('click', this.onClick, true);
    removeEventListener('keydown', this.onKey, true);
    removeEventListener('submit', this.onSubmit, true);
  }
}
