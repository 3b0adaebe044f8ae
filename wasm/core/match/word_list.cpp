#include "word_list.h"

#include <algorithm>

namespace rg::match {
namespace {

// A folded umlaut: one masked letter of "bl*d" may stand for the "oe" of "bloed".
bool isDigraph(char16_t a, char16_t b) { return b == u'e' && (a == u'a' || a == u'o' || a == u'u'); }

// Does token[i..] spell word[j..] (all of it), masks standing for one unit or a digraph?
// from[j..] receives the token unit behind each word unit.
bool spells(std::u16string_view token, size_t i, std::u16string_view word, size_t j, bool (*isMask)(char16_t),
            std::vector<uint32_t>& from) {
  while (i < token.size() && j < word.size()) {
    if (isMask(token[i])) {
      if (j + 1 < word.size() && isDigraph(word[j], word[j + 1]) && spells(token, i + 1, word, j + 2, isMask, from)) {
        from[j] = from[j + 1] = uint32_t(i);
        return true;
      }
    } else if (token[i] != word[j]) {
      return false;
    }
    from[j++] = uint32_t(i++);
  }
  return i == token.size() && j == word.size();
}

}  // namespace

void WordList::addKey(std::u16string_view key) {
  size_t i = 0;
  while (i < key.size()) {
    size_t j = key.find(u' ', i);
    if (j == std::u16string_view::npos) j = key.size();
    if (j - i >= 3) words_.emplace_back(key.substr(i, j - i));
    i = j + 1;
  }
}

void WordList::build() {
  std::sort(words_.begin(), words_.end(), [](const std::u16string& a, const std::u16string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  const size_t maxLen = words_.empty() ? 0 : words_.back().size();
  byLength_.assign(maxLen + 2, 0);
  for (const std::u16string& w : words_) ++byLength_[w.size() + 1];
  for (size_t l = 1; l < byLength_.size(); ++l) byLength_[l] += byLength_[l - 1];
}

size_t WordList::memoryBytes() const {
  size_t n = byLength_.capacity() * sizeof(uint32_t) + words_.capacity() * sizeof(std::u16string);
  for (const std::u16string& w : words_) n += w.capacity() * sizeof(char16_t);
  return n;
}

bool WordList::contains(std::u16string_view word) const {
  if (word.size() + 1 >= byLength_.size()) return false;
  auto first = words_.begin() + byLength_[word.size()], last = words_.begin() + byLength_[word.size() + 1];
  auto it = std::lower_bound(first, last, word, [](const std::u16string& a, std::u16string_view b) { return a < b; });
  return it != last && *it == word;
}

const std::u16string* WordList::unmask(std::u16string_view token, bool (*isMask)(char16_t), size_t& used,
                                       std::vector<uint32_t>& from) const {
  size_t masks = 0;
  for (char16_t c : token) masks += isMask(c);
  if (!masks || words_.empty()) return nullptr;
  // The word may be longer than the token (digraphs behind masks). Whole-token spellings first,
  // then the token less a trailing inflection of 1-2 plain letters ("a**holes").
  for (size_t cut = 0; cut <= 2 && cut < token.size(); ++cut) {
    std::u16string_view t = token.substr(0, token.size() - cut);
    if (cut && isMask(token[t.size()])) break;
    size_t m = 0;
    for (char16_t c : t) m += isMask(c);
    if (m == 0 || t.size() - m < 2 || m > t.size() - m) continue;  // at least 2 letters shown, no more masks
    for (size_t len = t.size(); len <= t.size() + m && len + 1 < byLength_.size(); ++len) {
      if (cut && len < 4) continue;
      for (uint32_t k = byLength_[len]; k < byLength_[len + 1]; ++k) {
        const std::u16string& w = words_[k];
        from.resize(w.size());
        if (spells(t, 0, w, 0, isMask, from)) {
          used = t.size();
          return &w;
        }
      }
    }
  }
  // A listed word may also start the token ("a*schl*ch": "arsch", a prefix term of German
  // compounds): the longest such word of at least 4 units, masked within itself.
  auto fair = [&](std::u16string_view t) {
    size_t m = 0;
    for (char16_t c : t) m += isMask(c);
    return m > 0 && t.size() - m >= 2 && m <= t.size() - m;
  };
  for (size_t len = std::min(token.size() - 1 + masks, byLength_.size() - 2); len >= 4 && len + 1 < byLength_.size(); --len) {
    for (uint32_t k = byLength_[len]; k < byLength_[len + 1]; ++k) {
      const std::u16string& w = words_[k];
      from.resize(w.size());
      for (size_t l = std::min(len, token.size() - 1); l + masks >= len && l >= 2; --l) {
        std::u16string_view t = token.substr(0, l);
        if (fair(t) && spells(t, 0, w, 0, isMask, from)) {
          used = l;
          return &w;
        }
      }
    }
  }
  return nullptr;
}

}  // namespace rg::match
