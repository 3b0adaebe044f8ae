// The classifier as it was before line sums (wasm/core/classify/line_sums.h): every line — each
// sentence, the whole text, each leave-one-out variant — built as text and read by fastText's own
// predictLine (Model::probabilities). Slow (O(words²) per hit sentence) but fastText's arithmetic
// exactly; the unit tests and classify_compare hold the fast path against it.
#pragma once
#include <algorithm>
#include <cmath>
#include <vector>

#include "classify/classify.h"

namespace rgref {

using namespace rg::classify;

struct RefSentence {
  Span span;
  std::vector<Token> tokens;
  std::vector<float> probs;
};

inline void refAnalyse(const Model& m, Breakers& b, std::u16string_view text, Source source,
                       std::vector<RefSentence>& out, std::vector<float>& whole) {
  out.clear();
  whole.clear();
  std::vector<Span> spans;
  sentences(*b.sentences, text, spans);
  std::vector<Token> all;
  for (const Span& s : spans) {
    RefSentence st{s, {}, {}};
    tokenize(*b.words, text, s, st.tokens);
    if (st.tokens.empty()) continue;
    m.probabilities(featureLine(source, st.tokens), st.probs);
    all.insert(all.end(), st.tokens.begin(), st.tokens.end());
    out.push_back(std::move(st));
  }
  if (out.size() > 1) m.probabilities(featureLine(source, all), whole);
}

inline void refScores(const Model& m, Breakers& b, std::u16string_view text, Source source, std::vector<float>& out) {
  std::vector<RefSentence> ss;
  std::vector<float> whole;
  refAnalyse(m, b, text, source, ss, whole);
  out = whole.empty() ? std::vector<float>(m.labels().size(), 0.0f) : whole;
  for (const RefSentence& s : ss)
    for (size_t i = 0; i < out.size(); ++i) out[i] = std::max(out[i], s.probs[i]);
}

inline bool refWordLike(const Token& t) {
  for (unsigned char c : t.text)
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  return false;
}

inline float refLogit(float p) {
  p = std::min(std::max(p, 1e-6f), 1.0f - 1e-6f);
  return std::log(p / (1.0f - p));
}

inline void refClassify(const Model& m, Breakers& b, std::u16string_view text, Source source,
                        const std::vector<LabelThreshold>& labels, std::vector<Hit>& out, size_t maxWords = 3) {
  std::vector<RefSentence> ss;
  std::vector<float> whole, without;
  refAnalyse(m, b, text, source, ss, whole);
  if (ss.empty()) return;
  for (size_t r = 0; r < labels.size(); ++r) {
    const size_t l = size_t(labels[r].label);
    const float th = float(labels[r].threshold);
    std::vector<size_t> hits;
    size_t best = 0;
    for (size_t i = 0; i < ss.size(); ++i) {
      if (ss[i].probs[l] >= th) hits.push_back(i);
      if (ss[i].probs[l] > ss[best].probs[l]) best = i;
    }
    if (hits.empty() && !whole.empty() && whole[l] >= th) hits.push_back(best);
    for (size_t i : hits) {
      const RefSentence& s = ss[i];
      Hit h{r, s.span, std::round(double(std::max(s.probs[l], whole.empty() ? 0.0f : whole[l])) * 100.0) / 100.0, {}};
      if (maxWords > 0 && s.tokens.size() > 1 && s.tokens.size() <= 64) {
        std::vector<std::pair<float, size_t>> drops;
        for (size_t k = 0; k < s.tokens.size(); ++k) {
          if (!refWordLike(s.tokens[k])) continue;
          m.probabilities(featureLine(source, s.tokens, k), without);
          const float d = refLogit(s.probs[l]) - refLogit(without[l]);
          if (d > 0.05f) drops.push_back({d, k});
        }
        std::stable_sort(drops.begin(), drops.end(), [](auto& a, auto& c) { return a.first > c.first; });
        for (size_t k = 0; k < drops.size() && k < maxWords; ++k)
          h.words.push_back({s.tokens[drops[k].second].begin, s.tokens[drops[k].second].end});
      } else if (s.tokens.size() == 1) {
        h.words.push_back({s.tokens[0].begin, s.tokens[0].end});
      }
      out.push_back(std::move(h));
    }
  }
}

}  // namespace rgref
