#include "classify.h"

#include <algorithm>
#include <cmath>

#include <unicode/uchar.h>

#include "check_cache.h"
#include "line_sums.h"

namespace rg::classify {
namespace {

// A sentence of this check: where it is, and how the classifier reads it (maybe from the cache).
struct Sentence {
  Span span;
  std::shared_ptr<AnalysedSentence> a;
};

// Sentences with their tokens and probabilities, plus the whole text's (empty when one sentence).
void analyse(const Model& m, LineSums& sums, CheckCache* cache, Breakers& b, std::u16string_view text, Source source,
             std::vector<Sentence>& out, std::vector<float>& whole) {
  out.clear();
  whole.clear();
  std::vector<Span> spans;
  sentences(*b.sentences, text, spans);
  for (const Span& s : spans) {
    const std::u16string_view body = text.substr(s.begin, s.end - s.begin);
    std::shared_ptr<AnalysedSentence> a = cache ? cache->find(source, body) : nullptr;
    if (!a) {
      a = std::make_shared<AnalysedSentence>();
      tokenize(*b.words, text, s, a->tokens);  // reads text[s] alone, so the sentence's text is the key
      for (Token& t : a->tokens) t.begin -= s.begin, t.end -= s.begin;
      if (!a->tokens.empty()) {
        sums.line(source, a->tokens, a->line);
        if (a->line.summed)
          sums.probabilities(a->line, a->probs);
        else
          m.probabilities(featureLine(source, a->tokens), a->probs);
      }
      if (cache) cache->put(source, body, a);
    }
    if (a->tokens.empty()) continue;
    out.push_back({s, std::move(a)});
  }
  if (out.size() <= 1) return;
  std::vector<const LineSums::Line*> lines;
  for (const Sentence& st : out) lines.push_back(&st.a->line);
  LineSums::Line all;
  sums.join(lines, all);
  if (all.summed) return sums.probabilities(all, whole);
  std::vector<Token> tokens;
  for (const Sentence& st : out) tokens.insert(tokens.end(), st.a->tokens.begin(), st.a->tokens.end());
  m.probabilities(featureLine(source, tokens), whole);
}

// The model's cache, locked for the check, or none.
struct CacheUse {
  CheckCache* cache = nullptr;
  std::unique_lock<std::mutex> lock;
  CacheUse(const Model& m, bool cached) {
    if (!cached) return;
    cache = &m.checkCache();
    lock = std::unique_lock<std::mutex>(cache->mutex);
    cache->startCheck();
  }
  WordSums* words() { return cache ? &cache->words : nullptr; }
};

bool wordLike(const Token& t) {
  for (unsigned char c : t.text)
    if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
  return false;
}

double round2(double x) { return std::round(x * 100.0) / 100.0; }

// Log-odds: unlike the probability it does not saturate, so a word's weight stays visible at 0.99.
float logit(float p) {
  p = std::min(std::max(p, 1e-6f), 1.0f - 1e-6f);
  return std::log(p / (1.0f - p));
}

// Each word-like token's leave-one-out probabilities (all labels), computed once per sentence.
void leaveOneOut(const Model& m, LineSums& sums, Source source, AnalysedSentence& s) {
  if (!s.without.empty()) return;
  const size_t labels = m.labels().size();
  s.without.assign(s.tokens.size() * labels, 0.0f);
  std::vector<float> p;
  for (size_t k = 0; k < s.tokens.size(); ++k) {
    if (!wordLike(s.tokens[k])) continue;
    if (s.line.summed)
      sums.probabilitiesWithout(s.line, k, p);
    else
      m.probabilities(featureLine(source, s.tokens, k), p);
    std::copy(p.begin(), p.end(), s.without.begin() + std::ptrdiff_t(k * labels));
  }
}

}  // namespace

std::string textFeatureLine(Breakers& b, std::u16string_view text, Source source) {
  std::vector<Span> spans;
  sentences(*b.sentences, text, spans);
  std::vector<Token> all, tokens;
  for (const Span& s : spans) {
    tokenize(*b.words, text, s, tokens);
    all.insert(all.end(), tokens.begin(), tokens.end());
  }
  return featureLine(source, all);
}

void scores(const Model& m, Breakers& b, std::u16string_view text, Source source, std::vector<float>& out, bool cached) {
  std::vector<Sentence> ss;
  std::vector<float> whole;
  CacheUse use(m, cached);
  LineSums sums(m, use.words());
  analyse(m, sums, use.cache, b, text, source, ss, whole);
  out = whole.empty() ? std::vector<float>(m.labels().size(), 0.0f) : whole;
  for (const Sentence& s : ss)
    for (size_t i = 0; i < out.size(); ++i) out[i] = std::max(out[i], s.a->probs[i]);
}

void classify(const Model& m, Breakers& b, std::u16string_view text, Source source,
              const std::vector<LabelThreshold>& labels, std::vector<Hit>& out, size_t maxWords, bool cached) {
  std::vector<Sentence> ss;
  std::vector<float> whole;
  CacheUse use(m, cached);
  LineSums sums(m, use.words());
  analyse(m, sums, use.cache, b, text, source, ss, whole);
  if (ss.empty()) return;
  for (size_t r = 0; r < labels.size(); ++r) {
    const size_t l = size_t(labels[r].label);
    const float th = float(labels[r].threshold);
    std::vector<size_t> hits;
    size_t best = 0;
    for (size_t i = 0; i < ss.size(); ++i) {
      if (ss[i].a->probs[l] >= th) hits.push_back(i);
      if (ss[i].a->probs[l] > ss[best].a->probs[l]) best = i;
    }
    if (hits.empty() && !whole.empty() && whole[l] >= th) hits.push_back(best);
    for (size_t i : hits) {
      AnalysedSentence& s = *ss[i].a;
      const uint32_t at = ss[i].span.begin;  // s's offsets are relative to it
      Hit h{r, ss[i].span, round2(std::max(s.probs[l], whole.empty() ? 0.0f : whole[l])), {}};
      // Leave-one-out: how much the log-odds drop without each word (long sentences skipped).
      if (maxWords > 0 && s.tokens.size() > 1 && s.tokens.size() <= 64) {
        leaveOneOut(m, sums, source, s);
        std::vector<std::pair<float, size_t>> drops;
        for (size_t k = 0; k < s.tokens.size(); ++k) {
          if (!wordLike(s.tokens[k])) continue;
          const float d = logit(s.probs[l]) - logit(s.without[k * m.labels().size() + l]);
          if (d > 0.05f) drops.push_back({d, k});
        }
        std::stable_sort(drops.begin(), drops.end(), [](auto& a, auto& c) { return a.first > c.first; });
        for (size_t k = 0; k < drops.size() && k < maxWords; ++k)
          h.words.push_back({at + s.tokens[drops[k].second].begin, at + s.tokens[drops[k].second].end});
      } else if (s.tokens.size() == 1) {
        h.words.push_back({at + s.tokens[0].begin, at + s.tokens[0].end});
      }
      out.push_back(std::move(h));
    }
  }
}

}  // namespace rg::classify
