// Word boundaries that the two ASCII units around an offset decide alone under ICU's root word
// break rules (UAX #29), so the common cases of a check need no ICU call: none between two ASCII
// letters or digits (WB5, WB8-WB10), one between a letter, digit, space, "!", "?", "(" or ")"
// and a space or one of those punctuation marks (no rule joins them: WB999; two spaces are left
// to ICU, WB3d). Everything else (apostrophes, full stops, commas, non-ASCII) is ICU's to decide.
// tests/unit/engine/word_boundary_test.cpp compares every decided offset of the corpus with ICU.
#pragma once
#include <cstddef>
#include <string_view>

namespace rg::text {

// 1: a boundary, 0: none, -1: not decided here (also at the text's ends).
inline int asciiWordBoundary(std::u16string_view t, size_t offset) {
  if (offset == 0 || offset >= t.size()) return -1;
  const char16_t a = t[offset - 1], b = t[offset];
  if (a >= 0x80 || b >= 0x80) return -1;
  auto alnum = [](char16_t c) { return (c >= u'0' && c <= u'9') || ((c | 0x20) >= u'a' && (c | 0x20) <= u'z'); };
  auto apart = [](char16_t c) { return c == u' ' || c == u'!' || c == u'?' || c == u'(' || c == u')'; };
  if (alnum(a) && alnum(b)) return 0;
  if (a == u' ' && b == u' ') return -1;
  if ((apart(a) && (alnum(b) || apart(b))) || (alnum(a) && apart(b))) return 1;
  return -1;
}

}  // namespace rg::text
