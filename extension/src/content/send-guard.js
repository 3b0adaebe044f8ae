// Holds sending while block findings remain: the send button's click, Ctrl/Cmd+Enter and (where
// the site sends on Enter) Enter, all caught in the capture phase before the page sees them.
// The field may sit in a shadow root (its form in the page) or in a same-origin frame (its Send
// button in the page around the frame, as with TinyMCE). Any fault of ours (core down, check
// failing or slow) lets the send through.
import { composedClosest, composedContains, childFrameApis, frameElementOf } from './dom-walk.js';

// How long a held send waits for its check before our fault lets it through: longer for long
// texts, which are checked in windows (a long paste must be checked, not waved through).
export const checkWaitMs = (chars) => 1200 + Math.ceil(chars / 1000) * 5;
const ARMED_MS = 120_000; // "press Enter again": how long the released send waits for the user

export class SendGuard {
  /**
   * site: adapter. decide(field, release, {replays}) → Promise<'send'|'hold'>; on 'hold' the dialog
   * owns the send and calls release() if the user sends anyway; `replays` says whether release()
   * can send by itself (else the user is asked to press Enter again, see arm()).
   * fieldFor(target) → attached field or null; lastField() → the field last focused here.
   */
  constructor({ site, fieldFor, lastField, decide }) {
    Object.assign(this, { site, fieldFor, lastField, decide });
    this.bypass = false;
    this.armed = null;
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
      if (n?.nodeType !== 1) continue;
      if (n.matches(this.site.send)) return n;
      if (n === document.body) break;
    }
    return null;
  }

  /** Fields a send button in this document may belong to: ours, and those of same-origin child
   * frames, each with the element that stands for it in this document (the field or its frame). */
  candidates() {
    const out = [];
    const own = this.lastField();
    if (own && own.el.isConnected) out.push({ field: own, anchor: own.el });
    for (const { frame, api } of childFrameApis(document)) {
      let f = null;
      try { f = api.lastField(); } catch { /* that frame's script is gone */ }
      if (f && f.el.isConnected) {
        // The element of this document that holds the field: the outermost frame below us.
        let anchor = frame;
        for (let w = f.el.ownerDocument.defaultView; w && w !== self; w = w.parent) { const fe = frameElementOf(w); if (!fe) break; anchor = fe; }
        out.push({ field: f, anchor });
      }
    }
    return out.sort((a, b) => (b.field.focusedAt || 0) - (a.field.focusedAt || 0));
  }

  /** The field a send button belongs to: the last focused field sharing a form with it (generic
   * pages), or the last focused one (site adapters know their send buttons). */
  fieldForButton(btn) {
    for (const { field, anchor } of this.candidates()) {
      if (this.site.id !== 'generic') return field;
      const form = composedClosest(anchor, 'form');
      if (form && composedContains(form, btn)) return field;
    }
    return null;
  }

  hold(event, field, how) {
    event.preventDefault();
    event.stopImmediatePropagation();
    let decided = false;
    const release = () => this.release(how);
    const timer = setTimeout(() => { decided = true; release(); }, checkWaitMs(field.text.length) + 300); // never hang the user
    this.decide(field, release, { replays: this.replays(how) }).then((verdict) => {
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
    this.hold(event, field, { button: btn });
  }

  onKey(event) {
    if (this.bypass || !event.isTrusted || event.key !== 'Enter' || event.isComposing) return;
    const field = this.fieldFor(event.composedPath()[0]);
    if (!field) return;
    const mod = event.ctrlKey || event.metaKey;
    const sends = (mod && this.site.ctrlEnterSends) || (!mod && !event.shiftKey && !event.altKey && this.site.enterSends);
    if (!sends) return;
    if (this.consumeArmed(field, mod)) return; // the user sends what they chose to send anyway
    if (!field.needsHold()) return;
    this.hold(event, field, { key: { ctrlKey: event.ctrlKey, metaKey: event.metaKey }, field });
  }

  onSubmit(event) {
    if (this.bypass || this.site.id !== 'generic') return;
    const form = event.target;
    const c = this.candidates().find(({ anchor }) => composedContains(form, anchor));
    if (!c || !c.field.needsHold()) return;
    this.hold(event, c.field, { form, submitter: event.submitter });
  }

  /** The page's own send control for a key-started send: the adapter's button in the field's form
   * (across shadow roots), else in the form around the field's frame. */
  buttonForKey(field) {
    if (!this.site.send) return null;
    for (let n = field.el; n;) {
      const scope = composedClosest(n, 'form') || n.getRootNode();
      const btn = scope.querySelector?.(this.site.send);
      if (btn) return btn;
      n = frameElementOf(n.ownerDocument.defaultView); // up into the page around the frame
    }
    return null;
  }

  /** Whether release() sends by itself: a button click, a form submit, or a key send whose page has
   * a send button. Replaying Enter is not a send: editors ignore untrusted keys. */
  replays(how) { return !how.key || !!this.buttonForKey(how.field); }

  /** Lets a held send go through the page's own path, the way it was started. */
  release({ button, key, field, form, submitter }) {
    this.bypass = true;
    try {
      if (button) button.click();
      else if (form) form.requestSubmit(submitter || undefined);
      else if (key) this.buttonForKey(field)?.click();
    } finally {
      this.bypass = false;
    }
  }

  /** No way to send for the user: the next Enter in this field, on this text, goes through;
   * `onSent` runs then (and only then). */
  arm(field, onSent) {
    this.armed = { field, text: field.text, until: Date.now() + ARMED_MS, onSent };
  }

  consumeArmed(field, mod) {
    const a = this.armed;
    if (!a || a.field !== field) return false;
    this.armed = null;
    field.field.invalidate();
    if (Date.now() > a.until || field.field.getText() !== a.text) return false;
    a.onSent(mod);
    return true;
  }

  destroy() {
    removeEventListener('click', this.onClick, true);
    removeEventListener('keydown', this.onKey, true);
    removeEventListener('submit', this.onSubmit, true);
  }
}
