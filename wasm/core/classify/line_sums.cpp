#include "line_sums.h"

#include <cmath>

#include <fasttext/vector.h>

#include "fasttext_parts.h"

namespace rg::classify {

struct LineSums::Scratch {
  fasttext::Vector acc;          // the line being added up
  fasttext::Model::State state;  // hidden and output, as fastText's predict fills them
  Scratch(int32_t dim, int32_t nlabels) : acc(dim), state(dim, nlabels, 0) {}
};

namespace {

// fastText's word separators (Dictionary::readWord).
bool separator(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c == '\0'; }

// fastText's word n-gram hash step (Dictionary::addWordNgrams): word hashes are int32, widened to 64 bits.
uint64_t combine(uint64_t h, int32_t next) { return h * 116049371 + uint64_t(int64_t(next)); }

}  // namespace

LineSums::LineSums(const Model& m, WordSums* shared)
    : model_(m),
      own_(shared ? nullptr : std::make_unique<WordSums>()),
      table_(shared ? *shared : *own_),
      index_(table_.index),
      words_(table_.words),
      sums_(table_.sums),
      scratch_(std::make_unique<Scratch>(m.parts().dim, m.parts().nlabels)) {}
LineSums::~LineSums() = default;

// A word's hash and its rows' sum, decoded once per table (a check, or the model's cache) however
// often the word occurs.
uint32_t LineSums::word(const std::string& text) {
  auto [it, fresh] = index_.try_emplace(text, uint32_t(words_.size()));
  if (!fresh) return it->second;
  const FastTextParts& p = model_.parts();
  const fasttext::Dictionary& d = *p.dict;
  const uint32_t h = d.hash(text);
  const int32_t wid = d.getId(text, h);
  const fasttext::entry_type type = wid < 0 ? d.getType(text) : d.getType(wid);
  Word w{int32_t(h), 0, uint32_t(sums_.size()), Word::Used};
  if (type == fasttext::entry_type::word) {
    rowIds_.clear();
    p.addSubwords(rowIds_, text, wid);
    fasttext::Vector& acc = scratch_->acc;
    acc.zero();
    for (int32_t r : rowIds_) p.input->addRowToVector(acc, r);
    w.rows = int32_t(rowIds_.size());
    sums_.insert(sums_.end(), acc.data(), acc.data() + p.dim);
  } else {
    w.kind = Word::Skipped;  // a label: fastText reads it but neither adds its rows nor hashes it
  }
  words_.push_back(w);
  return uint32_t(words_.size() - 1);
}

// A token's fastText words: normally the token itself; split where fastText would split it.
void LineSums::addWords(Line& out, const std::string& t, bool& summed) {
  auto add = [&](const std::string& w) {
    if (w == fasttext::Dictionary::EOS) summed = false;
    const uint32_t x = word(w);
    if (words_[x].kind == Word::Used) out.words.push_back(x);
  };
  bool plain = true;
  for (char c : t) plain = plain && !separator(c);
  if (plain) {
    if (!t.empty()) add(t);
    return;
  }
  std::string piece;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && !separator(t[i])) {
      piece += t[i];
      continue;
    }
    if (!piece.empty()) add(piece);
    piece.clear();
    if (i < t.size() && t[i] == '\n') summed = false;  // fastText reads "</s>" there and ends the line
  }
}

void LineSums::line(Source source, const std::vector<Token>& tokens, Line& out) {
  out.words.clear();
  out.tokenStart.clear();
  out.summed = true;
  addWords(out, std::string(sourceToken(source)), out.summed);
  for (const Token& t : tokens) {
    out.tokenStart.push_back(uint32_t(out.words.size()));
    addWords(out, t.text, out.summed);
  }
  out.tokenStart.push_back(uint32_t(out.words.size()));
  const uint32_t eos = word(fasttext::Dictionary::EOS);  // the line's "\n"
  if (words_[eos].kind == Word::Used) out.words.push_back(eos);
  if (out.summed) finish(out);
}

void LineSums::join(const std::vector<const Line*>& lines, Line& out) {
  out.words.clear();
  out.tokenStart.clear();
  out.summed = !lines.empty();
  if (!out.summed) return;
  const Line& first = *lines.front();
  out.words.assign(first.words.begin(), first.words.begin() + first.tokenStart.front());
  for (const Line* l : lines) {
    out.summed = out.summed && l->summed;
    const uint32_t shift = uint32_t(out.words.size()) - l->tokenStart.front();
    for (size_t k = 0; k + 1 < l->tokenStart.size(); ++k) out.tokenStart.push_back(l->tokenStart[k] + shift);
    out.words.insert(out.words.end(), l->words.begin() + l->tokenStart.front(), l->words.begin() + l->tokenStart.back());
  }
  out.tokenStart.push_back(uint32_t(out.words.size()));
  out.words.insert(out.words.end(), first.words.begin() + first.tokenStart.back(), first.words.end());
  if (out.summed) finish(out);
}

int32_t LineSums::ngramRow(uint64_t hash) {
  const FastTextParts& p = model_.parts();
  if (p.bucket == 0) return -1;
  rowIds_.clear();
  p.pushHash(rowIds_, int32_t(hash % p.bucket));  // -1 (none) when quantization pruned it
  return rowIds_.empty() ? -1 : rowIds_.front();
}

// Words first, then the word n-grams: the rows Dictionary::getLine lists for the line.
void LineSums::finish(Line& out) {
  const FastTextParts& p = model_.parts();
  fasttext::Vector& acc = scratch_->acc;
  acc.zero();
  out.rows = 0;
  for (uint32_t w : out.words) {
    const float* s = sums_.data() + words_[w].at;
    for (int32_t j = 0; j < p.dim; ++j) acc[j] += s[j];
    out.rows += words_[w].rows;
  }
  const size_t n = out.words.size(), order = size_t(std::max(p.wordNgrams, 1));
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = uint64_t(int64_t(words_[out.words[i]].hash));
    for (size_t j = i + 1; j < n && j < i + order; ++j) {
      h = combine(h, words_[out.words[j]].hash);
      if (int32_t r = ngramRow(h); r >= 0) {
        p.input->addRowToVector(acc, r);
        ++out.rows;
      }
    }
  }
  out.sum.assign(acc.data(), acc.data() + p.dim);
}

// Model::computeHidden's mean, the loss's sigmoid of output · hidden, and predictLine's probability.
void LineSums::predict(int32_t rows, std::vector<float>& out) {
  const FastTextParts& p = model_.parts();
  out.assign(size_t(p.nlabels), 0.0f);
  if (rows <= 0) return;  // fastText predicts nothing for a line without rows
  fasttext::Model::State& st = scratch_->state;
  for (int32_t j = 0; j < p.dim; ++j) st.hidden[j] = scratch_->acc[j];
  st.hidden.mul(1.0 / rows);
  p.loss->computeOutput(st);
  for (int32_t l = 0; l < p.nlabels; ++l) out[size_t(l)] = std::exp(p.model->std_log(st.output[l]));
}

void LineSums::probabilities(const Line& l, std::vector<float>& out) {
  fasttext::Vector& acc = scratch_->acc;
  for (size_t j = 0; j < l.sum.size(); ++j) acc[int64_t(j)] = l.sum[j];
  predict(l.rows, out);
}

// The line's sum less the token's words and the word n-grams that held them, plus the n-grams
// that now span the gap: what fastText reads from featureLine(source, tokens, k).
void LineSums::probabilitiesWithout(const Line& l, size_t k, std::vector<float>& out) {
  const FastTextParts& p = model_.parts();
  fasttext::Vector& acc = scratch_->acc;
  for (size_t j = 0; j < l.sum.size(); ++j) acc[int64_t(j)] = l.sum[j];
  int32_t rows = l.rows;
  const size_t a = l.tokenStart[k], b = l.tokenStart[k + 1], n = l.words.size();
  const size_t order = size_t(std::max(p.wordNgrams, 1));
  auto hashAt = [&](size_t i) { return words_[l.words[i]].hash; };
  for (size_t i = a; i < b; ++i) {
    const float* s = sums_.data() + words_[l.words[i]].at;
    for (int32_t j = 0; j < p.dim; ++j) acc[j] -= s[j];
    rows -= words_[l.words[i]].rows;
  }
  if (a < b && order > 1) {
    const size_t from = a >= order - 1 ? a - (order - 1) : 0;
    for (size_t i = from; i < b; ++i) {  // n-grams [i, j] that include a removed word
      uint64_t h = uint64_t(int64_t(hashAt(i)));
      for (size_t j = i + 1; j < n && j < i + order; ++j) {
        h = combine(h, hashAt(j));
        if (j < a) continue;
        if (int32_t r = ngramRow(h); r >= 0) {
          p.input->addRowToVector(acc, r, -1.0f);
          --rows;
        }
      }
    }
    for (size_t i = from; i < a; ++i) {  // n-grams that start before the gap and end after it
      uint64_t h = uint64_t(int64_t(hashAt(i)));
      size_t len = 1;
      for (size_t j = i + 1; len < order; ++j) {
        if (j == a) j = b;
        if (j >= n) break;
        h = combine(h, hashAt(j));
        ++len;
        if (j < b) continue;
        if (int32_t r = ngramRow(h); r >= 0) {
          p.input->addRowToVector(acc, r);
          ++rows;
        }
      }
    }
  }
  predict(rows, out);
}

}  // namespace rg::classify
