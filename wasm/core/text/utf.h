// UTF-8 <-> UTF-16 conversion that never fails: ill-formed input (lone surrogates, bad bytes)
// becomes U+FFFD, so the output is always valid and safe to put into JSON.
#pragma once
#include <string>
#include <string_view>

namespace rg::text {

std::string toUtf8(std::u16string_view s);
std::u16string toUtf16(std::string_view s);

// Code point at i (a lone surrogate is returned as itself); `len` receives 1 or 2.
inline char32_t codePointAt(std::u16string_view s, size_t i, size_t& len) {
  char16_t c = s[i];
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
    len = 2;
    return 0x10000 + ((char32_t(c) - 0xD800) << 10) + (char32_t(s[i + 1]) - 0xDC00);
  }
  len = 1;
  return c;
}

inline bool isSurrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

}  // namespace rg::text
