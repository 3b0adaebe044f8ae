// Two kinds of field behind one interface: plain text controls (textarea/input, whose text has
// no DOM) and contenteditable editors (whose text is spread over text nodes).
import { buildTextMap, rangeFor, offsetOf } from './text-map.js';

const MIRROR_PROPS = ['boxSizing', 'width', 'height', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth',
  'borderLeftWidth', 'borderStyle', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontFamily',
  'fontSize', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontKerning', 'fontFeatureSettings',
  'letterSpacing', 'lineHeight', 'textTransform', 'textIndent', 'textAlign', 'wordSpacing', 'tabSize', 'direction',
  'textRendering'];

export class PlainField {
  constructor(el) { this.el = el; this.kind = 'plain'; this.mirror = null; }
  getText() { return this.el.value; }
  invalidate() {}
  caret() { return this.el.selectionStart ?? 0; }
  selectRange(b, e) { this.el.focus(); this.el.setSelectionRange(b, e); }
  /** Client rects of [b, e) measured on a hidden copy of the control (set up by the overlay). */
  rectsFor(b, e) {
    if (!this.mirror) return [];
    return this.mirror.rects(this.el, MIRROR_PROPS, b, e);
  }
}

export class RichField {
  constructor(el) { this.el = el; this.kind = 'rich'; this.map = null; }
  getText() { return (this.map ||= buildTextMap(this.el)).text; }
  invalidate() { this.map = null; }
  range(b, e) { this.getText(); return rangeFor(this.map, b, e); }
  caret() {
    const sel = this.el.getRootNode().getSelection?.() || document.getSelection();
    if (!sel || !sel.rangeCount || !this.el.contains(sel.focusNode)) return -1;
    this.getText();
    return offsetOf(this.map, sel.focusNode, sel.focusOffset);
  }
  selectRange(b, e) {
    const r = this.range(b, e);
    if (!r) return false;
    this.el.focus({ preventScroll: true });
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
    return true;
  }
  rectsFor(b, e) {
    const r = this.range(b, e);
    if (!r) return [];
    if (b === e) { const rect = r.getBoundingClientRect(); return rect.height ? [rect] : []; }
    return [...r.getClientRects()].filter((x) => x.width > 0.5);
  }
}

/** Rects to draw and hit-test for a finding; an empty span (e.g. "something is missing at the
 * end") becomes a short marker after the caret position. */
export function findingRects(field, f) {
  const rects = field.rectsFor(f.begin, f.end);
  if (f.begin !== f.end) return rects;
  return rects.slice(0, 1).map((r) => ({ left: r.left, right: r.left + 12, top: r.top, bottom: r.bottom, width: 12, height: r.height }));
}

export function makeField(el) {
  return el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? new PlainField(el) : new RichField(el);
}
