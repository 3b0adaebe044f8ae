// Per-sentence classification of one text: which labels cross their thresholds, in which sentence,
// and which words weighed most. A text's score for a label is the highest of its sentences' and
// the whole text's probabilities, so a signal spread over sentences is still found.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "features.h"
#include "model.h"

namespace rg::classify {

struct LabelThreshold {
  int label;         // index into Model::labels()
  double threshold;  // a sentence (or the whole text) at or above it is a finding
};

struct Hit {
  size_t rule;         // index into the LabelThreshold list
  Span sentence;       // UTF-16 offsets of the original text
  double probability;  // rounded to 2 decimals
  std::vector<Span> words;  // the words whose removal lowers the probability most, most first
};

// The whole text's feature line, as the model sees it at check time (training uses this).
std::string textFeatureLine(Breakers& b, std::u16string_view text, Source source);

// Per-label text scores (index as Model::labels()).
// `cached`: sentences and word sums are looked up in and added to the model's cache across checks
// (check_cache.h; the same results either way).
void scores(const Model& m, Breakers& b, std::u16string_view text, Source source, std::vector<float>& out,
            bool cached = true);

// Hits of every label whose text score reaches its threshold: the sentences at or above it, or,
// when only the whole text is, its most probable sentence. `maxWords` words per hit are named.
void classify(const Model& m, Breakers& b, std::u16string_view text, Source source,
              const std::vector<LabelThreshold>& labels, std::vector<Hit>& out, size_t maxWords = 3, bool cached = true);

}  // namespace rg::classify
