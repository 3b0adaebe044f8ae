// Helpers for the detector tests: hits as UTF-8 strings with their UTF-16 offsets, readable in
// Catch's failure output.
#pragma once
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detectors.h"
#include "text/utf.h"

namespace rg::detect::test {

inline std::string utf8(std::u16string_view s) { return rg::text::toUtf8(s); }

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
