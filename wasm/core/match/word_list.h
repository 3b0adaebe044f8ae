// The single words of an automaton's keys, as folded for its view kind. The masks pass looks
// masked or symbol-ended words of the text up here ("id*ot", "a$$"), so a word is only unmasked
// into a word some rule actually lists.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rg::match {

class WordList {
 public:
  // Adds every space-separated word of a key (words shorter than 3 units are not kept).
  void addKey(std::u16string_view key);
  void build();  // sorts and de-duplicates; call once after the last addKey
  bool empty() const { return words_.empty(); }
  size_t size() const { return words_.size(); }
  size_t memoryBytes() const;
  bool operator==(const WordList&) const = default;

  bool contains(std::u16string_view word) const;
  // A listed word that `token` spells with some units masked: a mask unit (isMask) stands for one
  // unit, or for the two units of a folded umlaut or sharp s (ae, oe, ue, ss). The token may be
  // longer than the word by an inflection of up to 2 letters ("a**holes"). Returns the word, or
  // null; `used` receives how many token units the word covers and `from[j]` the token unit that
  // word unit j stands for.
  const std::u16string* unmask(std::u16string_view token, bool (*isMask)(char16_t), size_t& used,
                               std::vector<uint32_t>& from) const;

 private:
  std::vector<std::u16string> words_;  // sorted by (length, text)
  std::vector<uint32_t> byLength_;     // index of the first word of each length (size maxLen + 2)
};

}  // namespace rg::match
