// Helpers for the detector tests: hits as UTF-8 strings with their UTF-16 offsets, readable in
// Catch's failure output.
#pragma once
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detectors.h"

namespace rg::detect::test {

inline std::string utf8(std::u16string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size()) c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// "text@[begin,end)" for every hit.
inline std::vector<std::string> hits(Kind kind, std::u16string_view text) {
  std::vector<std::string> out;
  for (const Hit& h : find(kind, text)) {
    std::ostringstream s;
    s << utf8(text.substr(h.begin, h.end - h.begin)) << "@[" << h.begin << "," << h.end << ")";
    out.push_back(s.str());
  }
  return out;
}

// Matched texts only.
inline std::vector<std::string> texts(Kind kind, std::u16string_view text) {
  std::vector<std::string> out;
  for (const Hit& h : find(kind, text)) out.push_back(utf8(text.substr(h.begin, h.end - h.begin)));
  return out;
}

inline double confidenceOf(Kind kind, std::u16string_view text) {
  const auto found = find(kind, text);
  return found.size() == 1 ? found[0].confidence : -1.0;
}

using Strings = std::vector<std::string>;

}  // namespace rg::detect::test
