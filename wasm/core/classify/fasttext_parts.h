// The parts of a loaded fastText model that the check-time arithmetic (line_sums.cpp) uses
// directly. Only model.cpp and line_sums.cpp include this (and fastText's headers).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <fasttext/dictionary.h>
#include <fasttext/loss.h>
#include <fasttext/matrix.h>
#include <fasttext/model.h>

namespace rg::classify {

struct FastTextParts {
  std::shared_ptr<const fasttext::Dictionary> dict;
  std::shared_ptr<const fasttext::Matrix> input;  // one row per word, subword and word n-gram
  std::shared_ptr<const fasttext::Loss> loss;     // one-vs-all: sigmoid of output · hidden
  std::shared_ptr<const fasttext::Model> model;
  int32_t dim = 0, nlabels = 0, wordNgrams = 1;
  uint64_t bucket = 0;

  // fastText's own (protected) steps of Dictionary::getLine, so a line's rows are exactly the ones
  // fastText reads: a word's rows (itself and its character n-grams), and a word n-gram's row.
  void addSubwords(std::vector<int32_t>& rows, const std::string& word, int32_t wid) const;
  void pushHash(std::vector<int32_t>& rows, int32_t id) const;
};

}  // namespace rg::classify
