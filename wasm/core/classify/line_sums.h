// A check's feature lines (features.h) as sums of the model's input rows. fastText's hidden vector
// is the mean of a line's rows (each word with its character n-grams, then the word n-grams), and
// everything up to the sigmoid is linear in it: so a sentence, the whole text and each
// leave-one-out variant of a sentence are added up from per-word sums decoded once per check,
// instead of every line being read and its quantized rows decoded again (O(words²) per sentence).
// Sums are added in another order than fastText's, so a probability may differ from
// Model::probabilities(featureLine(...)) by float rounding (tests/unit/classify compares them).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "features.h"
#include "model.h"

namespace rg::classify {

// Words decoded to their rows' sums. A check makes its own, or borrows the one its model's cache
// keeps across checks (check_cache.h); entries are never removed one by one, so a Line's word
// indices stay valid until the whole table is cleared (between checks).
struct WordSums {
  struct Word {
    int32_t hash;  // fastText's word hash, for word n-grams
    int32_t rows;
    uint32_t at;   // its rows' sum: sums[at, at + dim)
    enum Kind : uint8_t { Used, Skipped, EndOfLine } kind;
  };
  std::unordered_map<std::string, uint32_t> index;  // word → words
  std::vector<Word> words;
  std::vector<float> sums;
  void clear() {
    index.clear();
    words.clear();
    sums.clear();
  }
};

class LineSums {
 public:
  // With `shared`, words are looked up in and added to it; otherwise to a table of this object's.
  explicit LineSums(const Model& m, WordSums* shared = nullptr);
  ~LineSums();

  struct Line {
    std::vector<uint32_t> words;       // the line's fastText words: the source, the tokens', "</s>"
    std::vector<uint32_t> tokenStart;  // token k's words are words[tokenStart[k], tokenStart[k + 1])
    std::vector<float> sum;            // all its rows added
    int32_t rows = 0;
    // false when fastText would read the line otherwise than word by word (a token holds a line
    // break or "</s>", which end a line): then use Model::probabilities(featureLine(...)).
    bool summed = false;
  };

  // featureLine(source, tokens) as a sum.
  void line(Source source, const std::vector<Token>& tokens, Line& out);
  // The lines' tokens in one line (the whole text); all lines of the same source.
  void join(const std::vector<const Line*>& lines, Line& out);

  // As Model::probabilities(featureLine(...)) of a summed line, and of it without token k.
  void probabilities(const Line& l, std::vector<float>& out);
  void probabilitiesWithout(const Line& l, size_t k, std::vector<float>& out);

 private:
  using Word = WordSums::Word;
  struct Scratch;  // fastText vectors

  uint32_t word(const std::string& text);  // index into words_
  void addWords(Line& out, const std::string& tokenText, bool& summed);
  void finish(Line& out);  // the sum of out.words and their word n-grams
  int32_t ngramRow(uint64_t hash);
  void predict(int32_t rows, std::vector<float>& out);  // from the scratch accumulator

  const Model& model_;
  std::unique_ptr<WordSums> own_;  // when no shared table is given
  WordSums& table_;
  std::unordered_map<std::string, uint32_t>& index_;  // word → words_
  std::vector<Word>& words_;
  std::vector<float>& sums_;
  std::vector<int32_t> rowIds_;
  std::unique_ptr<Scratch> scratch_;
};

}  // namespace rg::classify
