// One attached editable field: keeps its text, findings and pending check, and tells the
// content script when something needs repainting. Checks run on input (debounced) and on DOM
// mutations of rich editors; no polling. The post being answered is read and checked once per
// change of it (a MutationObserver on it), not with every keystroke of the reply.
import { makeField, findingRects } from './fields.js';
import { Mirror } from './overlay.js';
import { shiftFindings } from './checker.js';
import { MAX_CHECK_TEXT } from '../shared/messages.js';

export const DEBOUNCE_MS = 60;
const MAX_INCOMING = 20_000;

export class FieldController {
  constructor(el, { overlay, checker, site, getLang, onChange }) {
    this.field = makeField(el);
    if (this.field.kind === 'plain') this.field.mirror = new Mirror(overlay);
    Object.assign(this, { checker, site, getLang, onChange });
    this.findings = [];       // reply findings for this.text
    this.incoming = [];       // findings on the post being answered
    this.warnings = [];       // the core's warnings for the reply ({rule, source, message})
    this.incomingWarnings = [];
    this.incomingKey = null;  // lang + text of the post the incoming findings belong to
    this.post = null;         // {node, text, mo}: the post being answered, while unchanged
    this.text = this.field.getText();
    this.checkedText = null;  // text the current findings belong to (null: never checked)
    this.dismissed = new Set();
    this.active = -1;
    this.timer = 0;
    this.inflight = null;
    this.onInput = () => this.changed();
    el.addEventListener('input', this.onInput);
    if (this.field.kind === 'rich') {
      // Editors also change text without input events (paste handlers, collaborative edits).
      this.mo = new MutationObserver(() => this.changed());
      this.mo.observe(el, { characterData: true, childList: true, subtree: true });
    } else {
      this.onScroll = () => this.onChange('layout');
      el.addEventListener('scroll', this.onScroll, { passive: true });
    }
    this.ro = new ResizeObserver(() => this.onChange('layout'));
    this.ro.observe(el);
  }

  get el() { return this.field.el; }

  incomingText() {
    if (this.post?.node.isConnected && !this.post.dirty) return this.post.text;
    this.post?.mo.disconnect();
    this.post = null;
    const sels = this.site.incoming || [];
    for (const sel of sels) {
      let nodes;
      try { nodes = [...document.querySelectorAll(sel)]; } catch { continue; }
      if (!nodes.length) continue;
      // The post above the composer: the last match before it in document order, else the first.
      const before = nodes.filter((n) => n.compareDocumentPosition(this.el) & Node.DOCUMENT_POSITION_FOLLOWING);
      const n = before.length ? before[before.length - 1] : nodes[0];
      const text = (n.innerText || n.textContent || '').trim().slice(0, MAX_INCOMING);
      const post = { node: n, text, dirty: false, mo: new MutationObserver(() => {
        post.dirty = true;
        clearTimeout(this.postTimer);
        this.postTimer = setTimeout(() => this.checkIncoming(), DEBOUNCE_MS);
      }) };
      post.mo.observe(n, { characterData: true, childList: true, subtree: true });
      this.post = post;
      return text;
    }
    return '';
  }

  request() {
    return { reply: this.text, incoming: '', platform: this.site.platform || '', lang: this.getLang() };
  }

  /** Checks the post being answered when it (or the language) changed since its last check. */
  checkIncoming() {
    const incoming = this.incomingText();
    const lang = this.getLang();
    const key = `${lang}\u0001${incoming}`;
    if (key === this.incomingKey) return;
    this.incomingKey = key;
    if (!incoming) {
      if (this.incoming.length || this.incomingWarnings.length) { this.incoming = []; this.incomingWarnings = []; this.onChange('findings'); }
      return;
    }
    const req = { reply: '', incoming, platform: this.site.platform || '', lang };
    this.checker.check(req, () => this.incomingKey === key).then((r) => {
      if (!r || this.incomingKey !== key) { if (!r && this.incomingKey === key) this.incomingKey = null; return; } // failed: try again next time
      this.incoming = r.findings.filter((f) => f.source === 'incoming');
      this.incomingWarnings = r.warnings.filter((w) => w.source === 'incoming');
      this.onChange('findings');
    });
  }

  /** Forget what was checked (policy or language changed) and check both texts again. */
  recheck() {
    this.checkedText = null;
    this.incomingKey = null;
    return this.check();
  }

  changed() {
    this.field.invalidate();
    const text = this.field.getText();
    if (text === this.text) return;
    // Keep underlines on unchanged text while the new check runs.
    this.findings = shiftFindings(this.findings, this.text, text);
    this.text = text;
    this.onChange('text');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), DEBOUNCE_MS);
  }

  /** Checks the current text now; resolves when findings for it are known (or the check failed). */
  check() {
    clearTimeout(this.timer);
    this.field.invalidate();
    this.text = this.field.getText();
    this.checkIncoming();
    const req = this.request();
    // Longer than the background accepts: not sent (it would only fail and mark the checker
    // unhealthy for every field); the send guard holds such a text instead.
    if (req.reply.length > MAX_CHECK_TEXT) return Promise.resolve(null);
    const hit = this.checker.cached(req);
    if (hit) { this.apply(req.reply, hit); return Promise.resolve(hit); }
    const p = this.checker.check(req, () => this.field.getText() === req.reply).then((result) => {
      if (result && this.field.getText() === req.reply) this.apply(req.reply, result);
      return result;
    });
    this.inflight = p;
    return p;
  }

  apply(text, result) {
    this.findings = result.findings.filter((f) => f.source === 'reply');
    this.warnings = result.warnings.filter((w) => w.source === 'reply');
    this.checkedText = text;
    if (this.active >= this.visible().length) this.active = -1;
    this.onChange('findings');
  }

  visible() { return this.findings.filter((f) => !this.dismissed.has(`${f.rule}\u0001${f.text}`)); }

  blocks() { return this.findings.filter((f) => f.severity === 'block'); }

  /** Sync answer for the send guard: hold when blocks remain, or when the current text is unchecked. */
  needsHold() {
    this.field.invalidate();
    const text = this.field.getText();
    if (text.length > MAX_CHECK_TEXT) return true; // too long for any check: the dialog says so
    if (!this.checker.healthy) return false;
    if (!text.trim()) return false;
    if (text !== this.checkedText) return true; // the decision waits for a fresh check
    return this.blocks().length > 0;
  }

  /** Findings for exactly the current text (checking first if needed); null when the check failed. */
  async fresh() {
    this.field.invalidate();
    if (this.field.getText() === this.checkedText) return this.findings;
    const r = await this.check();
    return r ? this.findings : null;
  }

  /** The finding under the point; where underlines overlap (a rule's words inside a classifier's
   * sentence), the narrowest one: its card names the exact words and can offer their fix. */
  hitTest(x, y) {
    const vis = this.visible();
    let best = null;
    for (let i = 0; i < vis.length; i++) {
      const width = vis[i].end - vis[i].begin;
      if (best && width >= best.width) continue;
      for (const rc of findingRects(this.field, vis[i])) {
        if (x >= rc.left && x <= rc.right && y >= rc.top - 2 && y <= rc.bottom + 3) { best = { index: i, rect: rc, width }; break; }
      }
    }
    return best && { index: best.index, rect: best.rect };
  }

  destroy() {
    clearTimeout(this.timer);
    clearTimeout(this.postTimer);
    this.el.removeEventListener('input', this.onInput);
    if (this.onScroll) this.el.removeEventListener('scroll', this.onScroll);
    this.mo?.disconnect();
    this.post?.mo.disconnect();
    this.ro.disconnect();
    this.field.mirror?.remove();
  }
}
