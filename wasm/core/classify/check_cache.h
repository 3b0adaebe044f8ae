// What the classifier keeps across checks of one model. A reply is checked again after every
// keystroke and most of its sentences are unchanged: a sentence's tokens, line sum and
// probabilities (and, once a hit needed them, its leave-one-out probabilities) are looked up by
// its source and text instead of being tokenized and added up again, and every word's rows' sum
// is decoded once. Each is a pure function of the key and the model, so a cached check finds
// exactly what an uncached one finds (tests/unit/classify/check_cache_test.cpp).
#pragma once
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "features.h"
#include "line_sums.h"

namespace rg::classify {

// A sentence as the classifier reads it.
struct AnalysedSentence {
  std::vector<Token> tokens;  // offsets relative to the sentence's start
  std::vector<float> probs;   // per label
  LineSums::Line line;        // word indices into the WordSums it was added up with
  std::vector<float> without; // leave-one-out probabilities (labels per token), once a hit needed them
};

class CheckCache {
 public:
  static constexpr size_t kSentences = 256;  // least recently used dropped beyond
  static constexpr size_t kWords = 8192;     // words kept (about 0.4 KB each): all dropped beyond, between checks

  std::mutex mutex;  // held for a whole check: a Model (and so its cache) is shared
  WordSums words;

  // At the start of a check (mutex held): drops everything once the word table is full, so word
  // indices never change during a check.
  void startCheck();
  std::shared_ptr<AnalysedSentence> find(Source source, std::u16string_view sentence);
  void put(Source source, std::u16string_view sentence, std::shared_ptr<AnalysedSentence> s);
  size_t sentences() const { return map_.size(); }
  void clear();

 private:
  using Entry = std::pair<std::u16string, std::shared_ptr<AnalysedSentence>>;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::u16string_view, std::list<Entry>::iterator> map_;  // views into lru_'s keys
};

}  // namespace rg::classify
