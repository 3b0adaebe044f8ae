// A text too long for one check is checked in pieces: windows that end at sentence boundaries
// (Intl.Segmenter, the same UAX #29 rules as the core's ICU), each checked on its own, their
// findings moved to offsets of the whole text and merged. Nothing here knows what a rule means:
// only spans, and one artifact of cutting (a zero-width finding at a cut, e.g. "something is
// missing at the end", belongs to the end of the whole text, which only the last window has).
export const WINDOW_CHARS = 20_000;

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;

/** [{begin, end}] covering `text`, each at most `max` UTF-16 units, cut after a sentence when
 * one ends in the window, else after a space, else between code points. */
export function sentenceWindows(text, max = WINDOW_CHARS, lang = 'en') {
  if (text.length <= max) return [{ begin: 0, end: text.length }];
  const ends = [];
  try {
    for (const s of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)) if (s.index) ends.push(s.index);
  } catch { /* no Segmenter: spaces only */ }
  const out = [];
  let begin = 0, i = 0;
  while (text.length - begin > max) {
    const limit = begin + max;
    while (i < ends.length && ends[i] <= begin) i++;
    let cut = -1;
    for (let j = i; j < ends.length && ends[j] <= limit; j++) cut = ends[j];
    if (cut <= begin) {
      const sp = text.lastIndexOf(' ', limit - 1);
      cut = sp > begin + max / 2 ? sp + 1 : limit;
      if (isHigh(text.charCodeAt(cut - 1))) cut -= 1; // never split a surrogate pair
    }
    out.push({ begin, end: cut });
    begin = cut;
  }
  out.push({ begin, end: text.length });
  return out;
}

/** Merges per-window results ({findings, warnings} with window offsets) into one for the text. */
export function mergeWindowResults(parts, windows, source) {
  const findings = [], warnings = [], seen = new Set(), seenW = new Set();
  const last = windows.length - 1;
  parts.forEach((r, k) => {
    const { begin, end } = windows[k];
    for (const f of r?.findings || []) {
      if (f.source !== source) continue;
      if (k < last && f.begin === f.end && f.begin === end - begin) continue; // the cut is not the text's end
      const g = { ...f, begin: f.begin + begin, end: f.end + begin };
      const key = `${g.rule}\u0001${g.begin}\u0001${g.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(g);
    }
    for (const w of r?.warnings || []) {
      const key = JSON.stringify(w);
      if (!seenW.has(key)) { seenW.add(key); warnings.push(w); }
    }
  });
  findings.sort((a, b) => a.begin - b.begin || a.end - b.end);
  return { findings, warnings };
}

/** Checks reply and incoming, each in windows when longer than `max`; one core call when both fit.
 * run(req) → {result, ms}. Returns {result, ms} like a single check (ms: the sum). */
export async function checkInWindows(run, { reply, incoming, platform, lang }, max = WINDOW_CHARS) {
  if (reply.length <= max && incoming.length <= max) return run({ reply, incoming, platform, lang });
  let ms = 0;
  const part = async (text, source) => {
    const wins = sentenceWindows(text, max, lang);
    const parts = [];
    for (const w of wins) {
      const piece = text.slice(w.begin, w.end);
      const r = await run(source === 'reply' ? { reply: piece, incoming: '', platform, lang } : { reply: '', incoming: piece, platform, lang });
      ms += r.ms || 0;
      parts.push(r.result);
    }
    return mergeWindowResults(parts, wins, source);
  };
  const a = await part(reply, 'reply');
  const b = incoming ? await part(incoming, 'incoming') : { findings: [], warnings: [] };
  return { result: { findings: [...a.findings, ...b.findings], warnings: [...a.warnings, ...b.warnings] }, ms };
}
