// Asks the background (and through it the core) to check a draft. Results are cached per
// text hash, so going back to an earlier text (undo) is instant.
import { fnv1a } from '../shared/hash.js';
import { cleanResult } from '../shared/messages.js';

const CACHE_MAX = 300;
const RETRY_MS = [150, 600];

export class Checker {
  constructor() { this.cache = new Map(); this.epoch = 0; this.healthy = true; this.lastError = ''; this.retries = 0; this.sent = { reply: 0, incoming: 0 }; }

  reset() { this.cache.clear(); this.epoch++; }

  key(req) { return fnv1a(`${req.lang}\u0001${req.platform}\u0001${req.incoming}\u0001${req.reply}`); }

  cached(req) { return this.cache.get(this.key(req)) || null; }

  /** stillWanted(): false once the text has moved on (a retry would be wasted). */
  async check(req, stillWanted = () => true) {
    const key = this.key(req);
    const hit = this.cache.get(key);
    if (hit) { this.cache.delete(key); this.cache.set(key, hit); return hit; }
    const epoch = this.epoch;
    let res;
    // A check can be cut off without any fault of the text: the service worker stopped (MV3) or
    // the core host was closed while it ran. Ask again a little later while the text is still
    // wanted, so the current text gets checked without another keystroke.
    for (let attempt = 0; ; attempt++) {
      try {
        this.sent[req.incoming ? 'incoming' : 'reply']++;
        res = await chrome.runtime.sendMessage({ type: 'rg:check', ...req });
      } catch (e) {
        res = { ok: false, error: String(e?.message || e) };
      }
      if (res?.ok || attempt >= RETRY_MS.length || epoch !== this.epoch || !stillWanted()) break;
      this.retries++;
      await new Promise((r) => setTimeout(r, RETRY_MS[attempt]));
      if (epoch !== this.epoch || !stillWanted()) break;
    }
    if (!res || !res.ok) {
      this.healthy = false;
      this.lastError = res?.error || 'no answer';
      return null; // our fault, never the user's: no findings, nothing held
    }
    this.healthy = true;
    this.lastMs = res.value.ms; // time inside the core, for the latency benchmark
    const result = cleanResult(res.value.result, req.reply.length);
    if (epoch === this.epoch) {
      this.cache.set(key, result);
      if (this.cache.size > CACHE_MAX) this.cache.delete(this.cache.keys().next().value);
    }
    return result;
  }
}

/** Moves findings along an edit (common prefix/suffix), so underlines stay put while typing. */
export function shiftFindings(findings, oldText, newText) {
  let p = 0;
  const max = Math.min(oldText.length, newText.length);
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  const oldEnd = oldText.length - s;
  const delta = newText.length - oldText.length;
  const out = [];
  for (const f of findings) {
    if (f.end <= p && !(f.begin === f.end && f.end === oldText.length)) out.push(f);
    else if (f.begin >= oldEnd && f.begin !== f.end) out.push({ ...f, begin: f.begin + delta, end: f.end + delta });
    // findings touching the edit wait for the next check
  }
  return out;
}
