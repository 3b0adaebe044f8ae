#include "normalize.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

namespace rg::classify {
namespace {

// The code point of an HTML entity at text[i] (which is '&') and the entity's length, or 0.
size_t entity(std::u16string_view text, size_t i, size_t end, UChar32& c) {
  size_t semi = i + 1;
  while (semi < end && semi - i <= 10 && text[semi] != u';') ++semi;
  if (semi >= end || text[semi] != u';') return 0;
  const std::u16string_view name = text.substr(i + 1, semi - i - 1);
  static constexpr struct {
    std::u16string_view name;
    UChar32 c;
  } kNamed[] = {{u"amp", u'&'}, {u"lt", u'<'}, {u"gt", u'>'}, {u"quot", u'"'}, {u"apos", u'\''}, {u"nbsp", 0xA0}};
  for (const auto& n : kNamed)
    if (name == n.name) return c = n.c, semi - i + 1;
  if (name.size() < 2 || name[0] != u'#') return 0;
  const bool hex = name[1] == u'x' || name[1] == u'X';
  const size_t from = hex ? 2 : 1;
  if (from >= name.size() || name.size() - from > (hex ? 6u : 7u)) return 0;
  UChar32 v = 0;
  for (size_t k = from; k < name.size(); ++k) {
    const int d = u_digit(name[k], int8_t(hex ? 16 : 10));
    if (d < 0 || name[k] > 0x7F) return 0;
    v = v * (hex ? 16 : 10) + d;
  }
  if (v <= 0 || v > 0x10FFFF || U_IS_SURROGATE(v)) return 0;
  return c = v, semi - i + 1;
}

bool upper(UChar32 c) { return u_isupper(c) || u_istitle(c); }

}  // namespace

void normalize(std::u16string_view text, Span span, Normalized& out) {
  out.text.clear();
  out.at.clear();
  UChar32 last = U_SENTINEL;
  int run = 0;
  for (size_t i = span.begin; i < span.end;) {
    const uint32_t start = uint32_t(i);
    UChar32 c;
    if (size_t n = text[i] == u'&' ? entity(text, i, span.end, c) : 0) {
      i += n;
    } else {
      U16_NEXT(text.data(), i, span.end, c);
    }
    const UChar32 key = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    run = key == last ? run + 1 : 1;
    last = key;
    // Letters: two stay (German doubles: "Boot", "Kaffee"). Other symbols: three ("!!!" is shouting).
    const int keep = u_isalpha(c) ? 2 : (u_isdigit(c) || u_isUWhiteSpace(c)) ? run : 3;
    if (run > keep) continue;
    if (c <= 0xFFFF) {
      out.text += char16_t(c);
      out.at.push_back(start);
    } else {
      out.text += char16_t(U16_LEAD(c));
      out.text += char16_t(U16_TRAIL(c));
      out.at.push_back(start);
      out.at.push_back(start);
    }
  }
  out.at.push_back(span.end);
}

std::vector<std::u16string> hashtagWords(std::u16string_view body) {
  std::vector<std::u16string> parts;
  std::u16string cur;
  UChar32 prev = U_SENTINEL;
  for (size_t i = 0; i < body.size();) {
    UChar32 c;
    U16_NEXT(body.data(), i, body.size(), c);
    if (c == u'_') {
      if (!cur.empty()) parts.push_back(std::move(cur)), cur.clear();
      prev = U_SENTINEL;
      continue;
    }
    UChar32 next = U_SENTINEL;
    if (i < body.size()) {
      size_t j = i;
      U16_NEXT(body.data(), j, body.size(), next);
    }
    const bool split = prev != U_SENTINEL &&
                       ((u_islower(prev) && upper(c)) ||                                    // dieGrünen
                        (upper(prev) && upper(c) && next != U_SENTINEL && u_islower(next)) ||  // ARDFernsehen
                        (u_isdigit(prev) != u_isdigit(c)));                                 // Wahl2017
    if (split && !cur.empty()) parts.push_back(std::move(cur)), cur.clear();
    if (c <= 0xFFFF) {
      cur += char16_t(c);
    } else {
      cur += char16_t(U16_LEAD(c));
      cur += char16_t(U16_TRAIL(c));
    }
    prev = c;
  }
  if (!cur.empty()) parts.push_back(std::move(cur));
  // A lone letter joins the word before it ("Af" + "D"), or after it when first ("i" + "Phone").
  auto lone = [](const std::u16string& p) { return p.size() == 1 && u_isalpha(p[0]); };
  std::vector<std::u16string> words;
  for (size_t k = 0; k < parts.size(); ++k) {
    if (lone(parts[k]) && !words.empty() && !u_isdigit(words.back().back())) {
      words.back() += parts[k];
    } else if (lone(parts[k]) && k + 1 < parts.size() && !u_isdigit(parts[k + 1][0])) {
      parts[k + 1] = parts[k] + parts[k + 1];
    } else {
      words.push_back(std::move(parts[k]));
    }
  }
  return words;
}

}  // namespace rg::classify
