// False-positive examples: a responder's "Not a problem here" on a card, kept on this device only
// (chrome.storage.local `examples`), exported from the options page as JSON Lines in the corpus
// format (tests/corpus/README.md) so an admin can tune or retrain, sign and ship a better bundle.
// The sentence is kept only when the bundle allows it (`collect_examples`); otherwise a keyed
// hash of it (the audit log's per-install secret), so nothing readable is collected by default.
export const EXAMPLES_KEY = 'examples';
export const MAX_EXAMPLES = 2000;

/** The sentence of `text` around the UTF-16 span [begin, end) (Intl.Segmenter, as ICU does). */
export function sentenceAt(text, begin, end, lang) {
  if (typeof Intl?.Segmenter !== 'function') return text.slice(Math.max(0, begin - 200), Math.min(text.length, end + 200)).trim();
  let from = 0, to = text.length;
  for (const s of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)) {
    const sEnd = s.index + s.segment.length;
    if (sEnd <= begin) { from = sEnd; continue; }
    if (s.index >= Math.max(end, begin + 1)) { to = s.index; break; }
  }
  return text.slice(from, to).trim();
}

/** The examples as corpus lines: only those with their sentence; categories [] (the flag was wrong). */
export function toCorpusJsonl(entries) {
  const counters = {};
  return entries.filter((e) => typeof e.text === 'string').map((e) => {
    const n = (counters[`${e.source}-${e.lang}`] = (counters[`${e.source}-${e.lang}`] || 0) + 1);
    return JSON.stringify({ id: `fp-${e.source === 'incoming' ? 'i' : 'r'}-${e.lang}-${String(n).padStart(3, '0')}`, source: e.source,
      lang: e.lang, text: e.text, categories: [], false_positive: { rule: e.rule, category: e.category }, policy: e.policy, time: e.time });
  }).join('\n') + (entries.some((e) => typeof e.text === 'string') ? '\n' : '');
}
