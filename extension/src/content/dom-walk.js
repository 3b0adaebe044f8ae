// DOM walks that cross shadow roots (an editor in a web component, its form in the page) and
// same-origin frames (an editor in an iframe, its Send button in the page around it).

/** Parent in the composed tree: across a shadow root to its host. */
export function composedParent(n) {
  const p = n.parentNode;
  return p && p.nodeType === 11 ? p.host || null : p; // nodeType, not instanceof: nodes of other frames
}

/** closest(sel) that continues past shadow roots. */
export function composedClosest(node, sel) {
  for (let n = node; n; n = composedParent(n)) {
    if (n.nodeType === 1) { try { if (n.matches(sel)) return n; } catch { return null; } }
  }
  return null;
}

/** a contains b in the composed tree (b may sit in shadow roots below a). */
export function composedContains(a, b) {
  for (let n = b; n; n = composedParent(n)) if (n === a) return true;
  return false;
}

/** The frame element a window is shown in, when the parent is same-origin; else null. */
export function frameElementOf(win) {
  try { return win.frameElement || null; } catch { return null; }
}

/** The ReplyGuard instances of same-origin child frames below `doc` (depth-first, bounded). */
export function childFrameApis(doc, depth = 0, out = []) {
  if (depth > 3) return out;
  let frames;
  try { frames = doc.querySelectorAll('iframe, frame'); } catch { return out; }
  for (const fr of frames) {
    let api = null, sub = null;
    try { api = fr.contentWindow?.__replyguardFrame || null; sub = fr.contentDocument; } catch { continue; } // cross-origin
    if (api) out.push({ frame: fr, api });
    if (sub) childFrameApis(sub, depth + 1, out);
  }
  return out;
}

/** The outermost same-origin ancestor frame that runs ReplyGuard (this one when none). */
export function topApi(own) {
  let best = own, w = self;
  try {
    while (w.parent && w.parent !== w) {
      w = w.parent;
      const a = w.__replyguardFrame;
      if (a) best = a;
    }
  } catch { /* a cross-origin ancestor: stop there */ }
  return best;
}

/** A rect of `win`'s viewport in the coordinates of `top`'s viewport. */
export function rectInTop(rect, win, top) {
  let x = 0, y = 0;
  for (let w = win; w && w !== top; w = w.parent) {
    const fe = frameElementOf(w);
    if (!fe) break;
    const r = fe.getBoundingClientRect();
    x += r.left + fe.clientLeft; y += r.top + fe.clientTop;
  }
  return { left: rect.left + x, right: rect.right + x, top: rect.top + y, bottom: rect.bottom + y, width: rect.width, height: rect.height };
}
