#include "aho_corasick.h"

#include <algorithm>

namespace rg::match {

int32_t AhoCorasick::add(std::u16string_view key) {
  if (key.empty()) return -1;
  if (trie_.empty()) {
    trie_.emplace_back();
    key_.push_back(-1);
  }
  uint32_t node = 0;
  for (char16_t c : key) {
    auto& next = trie_[node].next;
    auto it = std::find_if(next.begin(), next.end(), [c](const auto& p) { return p.first == c; });
    if (it != next.end()) {
      node = it->second;
    } else {
      uint32_t child = uint32_t(trie_.size());
      next.emplace_back(c, child);
      trie_.emplace_back();  // may reallocate: `next` is not used after this
      key_.push_back(-1);
      node = child;
    }
  }
  if (key_[node] < 0) {
    key_[node] = int32_t(keyLength_.size());
    keyLength_.push_back(uint32_t(key.size()));
  }
  return key_[node];
}

uint32_t AhoCorasick::slowNext(uint32_t state, uint32_t sym) const {
  for (;;) {
    if (state < dense_) return delta_[size_t(state) * width_ + sym];
    const uint16_t* b = edgeSym_.data() + edgeStart_[state];
    const uint16_t* e = edgeSym_.data() + edgeStart_[state + 1];
    const uint16_t* it = std::lower_bound(b, e, uint16_t(sym));
    if (it != e && *it == sym) return edgeTo_[size_t(it - edgeSym_.data())];
    state = fail_[state];
  }
}

void AhoCorasick::build() {
  if (trie_.empty()) return;
  const size_t states = trie_.size();

  // Alphabet: every unit on some edge, ASCII first.
  std::vector<char16_t> wide;
  bool asciiUsed[128] = {};
  for (const Node& n : trie_)
    for (const auto& [c, child] : n.next) {
      if (c < 128) asciiUsed[c] = true; else wide.push_back(c);
    }
  std::sort(wide.begin(), wide.end());
  wide.erase(std::unique(wide.begin(), wide.end()), wide.end());
  uint32_t sym = 1;
  for (int c = 0; c < 128; ++c) ascii_[c] = asciiUsed[c] ? uint16_t(sym++) : 0;
  wide_ = wide;
  wideSym_.resize(wide.size());
  for (size_t i = 0; i < wide.size(); ++i) wideSym_[i] = uint16_t(sym++);
  width_ = sym;  // at most 65,536 symbols: every UTF-16 unit value, plus "other"

  // Breadth-first numbering: a state's failure target always has a smaller number.
  std::vector<uint32_t> order;
  order.reserve(states);
  order.push_back(0);
  for (size_t i = 0; i < order.size(); ++i)
    for (const auto& [c, child] : trie_[order[i]].next) order.push_back(child);
  std::vector<uint32_t> id(states);
  for (size_t i = 0; i < states; ++i) id[order[i]] = uint32_t(i);

  // Sparse edges (new numbering), sorted by symbol.
  edgeStart_.assign(states + 1, 0);
  edgeSym_.clear();
  edgeTo_.clear();
  edgeSym_.reserve(states);
  edgeTo_.reserve(states);
  std::vector<std::pair<uint16_t, uint32_t>> edges;
  for (size_t s = 0; s < states; ++s) {
    edges.clear();
    for (const auto& [c, child] : trie_[order[s]].next) edges.emplace_back(uint16_t(symbol(c)), id[child]);
    std::sort(edges.begin(), edges.end());
    for (const auto& [sy, to] : edges) {
      edgeSym_.push_back(sy);
      edgeTo_.push_back(to);
    }
    edgeStart_[s + 1] = uint32_t(edgeSym_.size());
  }
  std::vector<int32_t> key(states);
  for (size_t s = 0; s < states; ++s) key[s] = key_[order[s]];
  key_ = std::move(key);
  trie_.clear();
  trie_.shrink_to_fit();

  dense_ = uint32_t(std::min(states, std::max<size_t>(1, kDenseBudget / width_)));
  delta_.assign(size_t(dense_) * width_, 0);
  fail_.assign(states, 0);
  dict_.assign(states, kNone);
  for (uint32_t u = 0; u < states; ++u) {
    const uint32_t f = fail_[u];
    if (u < dense_ && u != 0)  // transitions missing from u are those of its failure state
      std::copy_n(&delta_[size_t(f) * width_], width_, &delta_[size_t(u) * width_]);
    for (uint32_t e = edgeStart_[u]; e < edgeStart_[u + 1]; ++e) {
      const uint32_t s = edgeSym_[e], child = edgeTo_[e];
      const uint32_t fc = (u == 0) ? 0 : slowNext(f, s);  // all states below `child` are complete
      fail_[child] = fc;
      dict_[child] = key_[fc] >= 0 ? fc : dict_[fc];
      if (u < dense_) delta_[size_t(u) * width_ + s] = child;
    }
  }
  auto mark = [&](uint32_t& t) {
    if (key_[t] >= 0 || dict_[t] != kNone) t |= kOutputBit;
  };
  for (uint32_t& t : delta_) mark(t);
  for (uint32_t& t : edgeTo_) mark(t);
}

size_t AhoCorasick::memoryBytes() const {
  return delta_.capacity() * 4 + edgeStart_.capacity() * 4 + edgeSym_.capacity() * 2 + edgeTo_.capacity() * 4 +
         fail_.capacity() * 4 + key_.capacity() * 4 + dict_.capacity() * 4 + keyLength_.capacity() * 4 +
         wide_.capacity() * 2 + wideSym_.capacity() * 2 + sizeof(*this);
}

}  // namespace rg::match
