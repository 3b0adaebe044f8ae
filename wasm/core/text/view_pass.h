// Internal helpers shared by the view passes (views.cpp, optin_passes.cpp): character classes of
// folded units and the output writer that keeps every unit's original span.
#pragma once
#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/uspoof.h>

#include "utf.h"
#include "views.h"

namespace rg::text::pass {

inline bool isAsciiLetter(char16_t c) { return (c | 0x20) >= u'a' && (c | 0x20) <= u'z'; }

// Letters and digits of a view (non-ASCII units: BMP letters; surrogates count as non-letters).
inline bool isLetter(char16_t c) {
  if (c < 0x80) return isAsciiLetter(c);
  return !isSurrogate(c) && u_isalpha(c);
}
inline bool isDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
inline bool isSpace(char16_t c) {
  return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || (c >= 0x80 && !isSurrogate(c) && u_isUWhiteSpace(c));
}

// Output of a pass, written through raw indices (no per-unit push_back); grows when a pass
// writes more units than it reads (æ -> ae, a mask standing for an umlaut).
class Writer {
 public:
  Writer(const View& in, View& out) : in_(in), out_(out) {
    out.text.resize(in.size());
    out.map.resize(in.size());
    out.obf.resize(in.size());
  }
  ~Writer() {
    out_.text.resize(n_);
    out_.map.resize(n_);
    out_.obf.resize(n_);
  }
  void copy(size_t k, uint8_t changed = 0) { put(in_.text[k], k, changed); }
  void copyRange(size_t from, size_t to, uint8_t changed = 0) {
    for (size_t k = from; k < to; ++k) copy(k, changed);
  }
  void put(char16_t c, size_t k, uint8_t changed) { put(c, in_.map[k], uint8_t(changed | (in_.obf.empty() ? 0 : in_.obf[k]))); }
  void put(char16_t c, Span span, uint8_t obf) {
    if (n_ == out_.text.size()) {
      const size_t m = n_ * 2 + 8;
      out_.text.resize(m);
      out_.map.resize(m);
      out_.obf.resize(m);
    }
    out_.text[n_] = c;
    out_.map[n_] = span;
    out_.obf[n_] = obf;
    ++n_;
  }
  // The last `count` units written end at `end` (a kept letter spans the run it stands for).
  void extendEnd(uint32_t end, size_t count = 1) {
    for (size_t k = n_ - count; k < n_; ++k) out_.map[k].end = end;
  }

 private:
  const View& in_;
  View& out_;
  size_t n_ = 0;
};

// Leet characters that are punctuation at a word's end ("idiot!") unless a listed word needs them ("a$$").
constexpr char16_t finalSymbolOf(char16_t c) { return c == u'$' ? u's' : c == u'@' ? u'a' : c == u'!' ? u'i' : 0; }
constexpr bool isMaskChar(char16_t c) { return c == u'*' || c == u'#' || c == u'_' || c == u'%'; }
// Units of a token the masks pass looks at.
inline bool maskTokenChar(char16_t c) { return isLetter(c) || isDigit(c) || isMaskChar(c) || finalSymbolOf(c); }

// ICU's spoof checker, opened once (views.cpp).
const USpoofChecker* sharedSpoofChecker();

// Pre-checks of the opt-in passes (optin_passes.cpp).
bool lookalikesMayApply(const View& v);
bool masksMayApply(const View& v, const match::WordList& words, bool masks, bool finalSymbols);
bool hasLetter(const View& v);

}  // namespace rg::text::pass
