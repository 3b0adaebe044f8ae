#include "quotes.h"

#include <unicode/uchar.h>

namespace rg::eval {
namespace {

bool wordChar(char16_t c) { return u_isalnum(c) || (c >= 0xD800 && c <= 0xDFFF); }

// The closing marks that end a quotation opened by `open` (empty: `open` opens none).
std::u16string_view closersOf(char16_t open) {
  switch (open) {
    case u'\u201E': return u"\u201C\u201D\"";  // „…“ (German), „…” (Polish style), „…" (typed)
    case u'\u201C': return u"\u201D";        // “…”
    case u'\u00BB': return u"\u00AB";        // »…«
    case u'\u00AB': return u"\u00BB";        // «…»
    case u'\u201A': return u"\u2018\u2019";  // ‚…‘
    case u'\u2018': return u"\u2019";        // ‘…’
    case u'"': return u"\"";
    case u'\'': return u"'";
    default: return {};
  }
}

// Single marks double as apostrophes: one opens only before a word and after none, and closes
// only after a non-space and before no word ("'idiot'", not "don't").
bool singleMark(char16_t c) { return c == u'\'' || c == u'\u2019' || c == u'\u2018'; }

}  // namespace

std::vector<text::Span> quotations(std::u16string_view t) {
  std::vector<text::Span> out;
  const size_t n = t.size();
  for (size_t i = 0; i < n; ++i) {
    const std::u16string_view closers = closersOf(t[i]);
    if (closers.empty()) continue;
    if (singleMark(t[i]) && ((i > 0 && wordChar(t[i - 1])) || i + 1 >= n || !wordChar(t[i + 1]))) continue;
    for (size_t j = i + 1; j < n && j - i <= kMaxQuote && t[j] != u'\n'; ++j) {
      if (closers.find(t[j]) == std::u16string_view::npos) continue;
      if (singleMark(t[j]) && (u_isspace(t[j - 1]) || (j + 1 < n && wordChar(t[j + 1])))) continue;
      if (j > i + 1) out.push_back({uint32_t(i + 1), uint32_t(j)});
      i = j;
      break;
    }
  }
  return out;
}

}  // namespace rg::eval
