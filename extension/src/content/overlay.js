// Everything ReplyGuard draws lives in one closed shadow root outside the editor's DOM:
// underline bars, the card, the banner and the dialog. The page can neither read nor click into
// it. Underlines are bars here for every field kind, never CSS Custom Highlights: those sit in
// the page's CSS.highlights registry, where any page script could read the flagged ranges and
// their severity and so learn the company's policy.
import { UI_CSS } from './ui-styles.js';
import { findingRects } from './fields.js';

export const SEVERITIES = ['block', 'warn', 'info'];

export function el(tag, attrs = {}, ...children) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') n.className = v;
    else if (k === 'text') n.textContent = v; // untrusted strings only ever go through textContent
    else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v);
  }
  for (const c of children) if (c) n.append(c);
  return n;
}

export class Overlay {
  constructor() {
    this.host = document.createElement('replyguard-ui');
    for (const [k, v] of Object.entries({ position: 'fixed', top: '0', left: '0', width: '0', height: '0', 'z-index': '2147483647', display: 'block', contain: 'style' })) {
      this.host.style.setProperty(k, v, 'important');
    }
    this.root = this.host.attachShadow({ mode: 'closed' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(UI_CSS);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      this.root.append(el('style', { text: UI_CSS }));
    }
    this.bars = el('div', { class: 'layer' });
    this.measure = el('div', { class: 'layer' });
    this.ui = el('div', { class: 'layer' });
    this.root.append(this.measure, this.bars, this.ui);
    this.mounted = false;
  }

  mount() {
    if (this.mounted && this.host.isConnected) return;
    (document.documentElement || document.body).append(this.host);
    this.mounted = true;
  }

  /** paints[]: {field, findings, activeIndex}; returns what was drawn (for the test hook). */
  paint(paints) {
    this.mount();
    const bars = [];
    const drawn = [];
    for (const { field, findings, activeIndex } of paints) {
      const clip = field.el.getBoundingClientRect();
      findings.forEach((f, i) => {
        const active = i === activeIndex;
        const rects = findingRects(field, f);
        for (const rc of rects) {
          const left = Math.max(rc.left, clip.left), right = Math.min(rc.right, clip.right);
          const bottom = rc.bottom;
          if (right <= left || bottom < clip.top || bottom > clip.bottom + 2) continue;
          const b = el('div', { class: `bar ${f.severity}${active ? ' active' : ''}` });
          b.style.left = `${left}px`; b.style.width = `${right - left}px`;
          b.style.top = `${active ? rc.top : bottom - 2}px`;
          if (active) b.style.height = `${rc.height}px`;
          bars.push(b);
        }
        drawn.push({ rule: f.rule, begin: f.begin, end: f.end, severity: f.severity, via: 'overlay', rects: rects.length,
          at: rects[0] ? { x: rects[0].left + rects[0].width / 2, y: rects[0].top + rects[0].height / 2 } : null,
          rangeText: field.getText().slice(f.begin, f.end) });
      });
    }
    this.bars.replaceChildren(...bars);
    return drawn;
  }

  clearUi() { this.ui.replaceChildren(); }
}

/** A hidden copy of a textarea/input, laid over it, to measure where its text is drawn. */
export class Mirror {
  constructor(overlay) { this.overlay = overlay; this.div = el('div', { class: 'mirror' }); this.textNode = document.createTextNode(''); this.div.append(this.textNode); this.key = ''; }

  rects(field, props, b, e) {
    this.overlay.mount();
    if (!this.div.isConnected) this.overlay.measure.append(this.div);
    const cs = getComputedStyle(field);
    const r = field.getBoundingClientRect();
    const bl = parseFloat(cs.borderLeftWidth) || 0, bt = parseFloat(cs.borderTopWidth) || 0;
    const key = `${r.left},${r.top},${field.clientWidth},${field.clientHeight},${cs.font}`;
    if (key !== this.key) {
      for (const p of props) this.div.style[p] = cs[p];
      this.div.style.boxSizing = 'content-box';
      this.div.style.borderWidth = '0';
      this.div.style.left = `${r.left + bl}px`;
      this.div.style.top = `${r.top + bt}px`;
      this.div.style.width = `${field.clientWidth - (parseFloat(cs.paddingLeft) || 0) - (parseFloat(cs.paddingRight) || 0)}px`;
      this.div.style.height = `${field.clientHeight - (parseFloat(cs.paddingTop) || 0) - (parseFloat(cs.paddingBottom) || 0)}px`;
      this.div.classList.toggle('single', field instanceof HTMLInputElement);
      this.key = key;
    }
    // A trailing newline needs a character after it to take up a line, as in the textarea.
    const text = field.value + (field.value.endsWith('\n') ? '\u200b' : '');
    if (this.textNode.data !== text) this.textNode.data = text;
    this.div.scrollTop = field.scrollTop;
    this.div.scrollLeft = field.scrollLeft;
    const range = document.createRange();
    const len = this.textNode.data.length;
    range.setStart(this.textNode, Math.min(b, len));
    range.setEnd(this.textNode, Math.min(e, len));
    if (b === e) { const rc = range.getBoundingClientRect(); return rc.height ? [rc] : []; }
    return [...range.getClientRects()].filter((x) => x.width > 0.5);
  }

  remove() { this.div.remove(); }
}
