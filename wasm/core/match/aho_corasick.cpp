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
  uint16_t sym = 1;
  for (int c = 0; c < 128; ++c) ascii_[c] = asciiUsed[c] ? sym++ : 0;
  wide_ = wide;
  wideSym_.resize(wide.size());
  for (size_t i = 0; i < wide.size(); ++i) wideSym_[i] = sym++;
  width_ = sym;

  delta_.assign(states * width_, 0);
  dict_.assign(states, kNone);
  std::vector<uint32_t> fail(states, 0);
  std::vector<uint32_t> queue;
  queue.reserve(states);
  for (const auto& [c, child] : trie_[0].next) {
    delta_[symbol(c)] = child;
    queue.push_back(child);
  }
  for (size_t qi = 0; qi < queue.size(); ++qi) {
    const uint32_t u = queue[qi];
    const uint32_t f = fail[u];
    // Transitions missing from u are those of its failure state (already complete: BFS order).
    std::copy_n(&delta_[size_t(f) * width_], width_, &delta_[size_t(u) * width_]);
    for (const auto& [c, child] : trie_[u].next) {
      const uint32_t s = symbol(c);
      fail[child] = delta_[size_t(f) * width_ + s];
      delta_[size_t(u) * width_ + s] = child;
      const uint32_t fc = fail[child];
      dict_[child] = key_[fc] >= 0 ? fc : dict_[fc];
      queue.push_back(child);
    }
  }
  for (uint32_t& t : delta_)
    if (key_[t] >= 0 || dict_[t] != kNone) t |= kOutputBit;
  trie_.clear();
  trie_.shrink_to_fit();
}

size_t AhoCorasick::memoryBytes() const {
  return delta_.capacity() * sizeof(uint32_t) + key_.capacity() * sizeof(int32_t) +
         dict_.capacity() * sizeof(uint32_t) + keyLength_.capacity() * sizeof(uint32_t) +
         wide_.capacity() * sizeof(char16_t) + wideSym_.capacity() * sizeof(uint16_t) + sizeof(*this);
}

}  // namespace rg::match
