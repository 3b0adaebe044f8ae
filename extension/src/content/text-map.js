// The text of a contenteditable editor as one string, and the way back from a UTF-16 offset in
// that string to a DOM position. Blocks (p, div, li…) and <br> become "\n", like the text the
// user sees; the trailing <br> editors put into empty or last lines is not text.
const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TR', 'TD', 'TH', 'UL']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IMG', 'SVG', 'svg', 'VIDEO', 'AUDIO', 'CANVAS', 'IFRAME', 'OBJECT']);

function isTrailingBr(br) {
  for (let n = br.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 3 && n.data.length) return false;
    if (n.nodeType === 1 && !SKIP.has(n.tagName)) return false;
  }
  const p = br.parentElement;
  return !!p && (BLOCK.has(p.tagName) || p.isContentEditable && !p.parentElement?.isContentEditable);
}

/** @returns {{text: string, segs: {node: Text|null, start: number, len: number}[]}} */
export function buildTextMap(root) {
  const segs = [];
  let text = '';
  let pending = 0; // newlines owed by block boundaries, emitted only before further text

  const flush = () => {
    if (pending && text.length) {
      for (let i = 0; i < pending; i++) segs.push({ node: null, start: text.length + i, len: 1 });
      text += '\n'.repeat(pending);
    }
    pending = 0;
  };
  const walk = (el) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        if (!n.data.length) continue;
        flush();
        segs.push({ node: n, start: text.length, len: n.data.length });
        text += n.data;
      } else if (n.nodeType === 1) {
        const tag = n.tagName;
        if (tag === 'BR') {
          if (isTrailingBr(n)) {
            if (!n.previousSibling && n.parentElement !== root) pending = Math.max(pending, 1) + (text.length ? 1 : 0); // empty line
          } else { flush(); segs.push({ node: null, start: text.length, len: 1 }); text += '\n'; }
          continue;
        }
        if (SKIP.has(tag)) continue;
        const block = BLOCK.has(tag);
        if (block && text.length) pending = Math.max(pending, 1);
        walk(n);
        if (block && text.length) pending = Math.max(pending, 1);
      }
    }
  };
  walk(root);
  return { text, segs };
}

function segIndexAt(segs, offset) {
  let lo = 0, hi = segs.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].start <= offset) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
}

/** DOM position for `offset`; `forEnd` prefers the end of the text node before a boundary. */
export function positionAt(map, offset, forEnd) {
  const { segs } = map;
  if (!segs.length) return null;
  let i = segIndexAt(segs, offset);
  if (i < 0) i = 0;
  // At a boundary, a range end belongs to the node before, a range start to the node after.
  if (forEnd && i > 0 && segs[i].start === offset && segs[i - 1].node) i -= 1;
  let s = segs[i];
  if (!s.node) {
    // A virtual newline: start → next text node, end → previous text node.
    const step = forEnd ? -1 : 1;
    let j = i;
    while (segs[j] && !segs[j].node) j += step;
    if (!segs[j]) { j = i; while (segs[j] && !segs[j].node) j -= step; }
    if (!segs[j]) return null;
    s = segs[j];
    return { node: s.node, offset: j < i ? s.len : 0 };
  }
  return { node: s.node, offset: Math.max(0, Math.min(s.len, offset - s.start)) };
}

export function rangeFor(map, begin, end) {
  const a = positionAt(map, begin, false);
  const b = positionAt(map, end, true);
  if (!a || !b) return null;
  const r = a.node.ownerDocument.createRange();
  try {
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
  } catch { return null; }
  return r;
}

/** Offset in the map's text of a DOM position (e.g. the caret). */
export function offsetOf(map, node, nodeOffset) {
  for (const s of map.segs) {
    if (s.node === node) return s.start + Math.min(nodeOffset, s.len);
  }
  // An element position: the first text after it.
  const probe = node.ownerDocument.createRange();
  probe.setStart(node, nodeOffset);
  for (const s of map.segs) {
    if (s.node && probe.comparePoint(s.node, 0) >= 0) return s.start;
  }
  return map.text.length;
}
