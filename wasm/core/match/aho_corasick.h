// Multi-pattern matcher over UTF-16 code units: Aho–Corasick, one pass over the text whatever the
// number of keys. States are numbered breadth-first; the shallow ones (where a scan spends nearly
// all its time) get complete DFA rows over a compact alphabet, deeper ones keep sparse edges plus
// failure links, so memory stays bounded for 100,000-term lists.
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
  size_t stateCount() const { return fail_.size(); }
  size_t denseStates() const { return dense_; }
  size_t memoryBytes() const;

  // Calls onHit(keyId, endExclusive) for every occurrence, in order of end position.
  template <class F>
  void scan(std::u16string_view text, F&& onHit) const {
    if (keyLength_.empty()) return;
    uint32_t state = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      const uint32_t sym = symbol(text[i]);
      const uint32_t next = state < dense_ ? delta_[size_t(state) * width_ + sym] : slowNext(state, sym);
      state = next & ~kOutputBit;
      if (next & kOutputBit) {
        // This state's key and the keys of its dictionary suffix chain.
        if (key_[state] >= 0) onHit(key_[state], i + 1);
        for (uint32_t d = dict_[state]; d != kNone; d = dict_[d]) onHit(key_[d], i + 1);
      }
    }
  }

 private:
  static constexpr uint32_t kOutputBit = 0x80000000u;  // set on targets that end (or suffix-end) a key
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  static constexpr size_t kDenseBudget = size_t(2) << 20;  // DFA entries (4 bytes each)

  uint32_t symbol(char16_t c) const {
    if (c < 128) return ascii_[c];
    size_t lo = 0, hi = wide_.size();  // non-ASCII symbols are few: binary search
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (wide_[mid] < c) lo = mid + 1; else hi = mid;
    }
    return (lo < wide_.size() && wide_[lo] == c) ? wideSym_[lo] : 0;
  }
  uint32_t slowNext(uint32_t state, uint32_t sym) const;  // sparse edges, then failure links

  // Build-time trie: sparse children as (unit, child) pairs.
  struct Node {
    std::vector<std::pair<char16_t, uint32_t>> next;
  };
  std::vector<Node> trie_;

  uint16_t ascii_[128] = {};    // ASCII unit -> symbol (0 = in no key)
  std::vector<char16_t> wide_;  // sorted non-ASCII units of keys
  std::vector<uint16_t> wideSym_;
  uint32_t width_ = 1;          // alphabet size (symbols 1..width-1, 0 = other)
  uint32_t dense_ = 0;          // states [0, dense_) have complete rows in delta_
  std::vector<uint32_t> delta_;      // dense_ x width_; value = state | kOutputBit
  std::vector<uint32_t> edgeStart_;  // sparse edges of every state, sorted by symbol
  std::vector<uint16_t> edgeSym_;
  std::vector<uint32_t> edgeTo_;     // value = state | kOutputBit
  std::vector<uint32_t> fail_;
  std::vector<int32_t> key_;         // key ending exactly at a state, or -1
  std::vector<uint32_t> dict_;       // next state on the failure chain that ends a key
  std::vector<uint32_t> keyLength_;
};

}  // namespace rg::match
