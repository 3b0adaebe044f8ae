// Multi-pattern matcher over UTF-16 code units (Aho–Corasick compiled to a DFA over a compact
// alphabet): one pass over the text whatever the number of keys.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rg::match {

class AhoCorasick {
 public:
  // Adds a key (before build()); equal keys get the same id. Empty keys are rejected (returns -1).
  int32_t add(std::u16string_view key);
  void build();

  size_t keyCount() const { return keyLength_.size(); }
  uint32_t keyLength(int32_t id) const { return keyLength_[size_t(id)]; }
  bool empty() const { return keyLength_.empty(); }
  size_t memoryBytes() const;

  // Calls onHit(keyId, endExclusive) for every occurrence, in order of end position.
  template <class F>
  void scan(std::u16string_view text, F&& onHit) const {
    if (keyLength_.empty()) return;
    uint32_t state = 0;
    const uint32_t* delta = delta_.data();
    const uint32_t width = width_;
    for (size_t i = 0; i < text.size(); ++i) {
      const uint32_t next = delta[size_t(state) * width + symbol(text[i])];
      state = next & ~kOutputBit;
      if (next & kOutputBit) {
        const uint32_t s = state;
        // Walk this state's key and the keys of its dictionary suffix chain.
        if (key_[s] >= 0) onHit(key_[s], i + 1);
        for (uint32_t d = dict_[s]; d != kNone; d = dict_[d]) onHit(key_[d], i + 1);
      }
    }
  }

 private:
  static constexpr uint32_t kOutputBit = 0x80000000u;  // set on states that end (or suffix-end) a key
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  uint32_t symbol(char16_t c) const {
    if (c < 128) return ascii_[c];
    // Non-ASCII symbols are few: binary search in the sorted list.
    size_t lo = 0, hi = wide_.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (wide_[mid] < c) lo = mid + 1; else hi = mid;
    }
    return (lo < wide_.size() && wide_[lo] == c) ? wideSym_[lo] : 0;
  }

  // Build-time trie: sparse children as (unit, child) pairs.
  struct Node {
    std::vector<std::pair<char16_t, uint32_t>> next;
  };
  std::vector<Node> trie_;

  uint16_t ascii_[128] = {};             // ASCII unit -> symbol (0 = not in any key)
  std::vector<char16_t> wide_;           // sorted non-ASCII units; symbol = wideSym_[index]
  std::vector<uint16_t> wideSym_;
  uint32_t width_ = 1;                   // alphabet size (symbols 1..width-1, 0 = other)
  std::vector<uint32_t> delta_;          // states x width; value = state | kOutputBit
  std::vector<int32_t> key_;             // key ending exactly at a state, or -1
  std::vector<uint32_t> dict_;           // next state on the failure chain that ends a key
  std::vector<uint32_t> keyLength_;
};

}  // namespace rg::match
