// URLs: "http(s)://...", "www.example.de/...", and bare domains with a known TLD
// ("example.com/hilfe"; without a path only at lower confidence). Sentence punctuation and
// unbalanced closing brackets after a URL are not part of it.
#include <unicode/uchar.h>

#include "detect/scan.h"

namespace rg::detect::scan {
namespace {

bool startsWithNoCase(std::u16string_view s, size_t i, std::u16string_view lowerPrefix) {
  if (s.size() - i < lowerPrefix.size()) return false;
  for (size_t k = 0; k < lowerPrefix.size(); ++k)
    if (asciiLower(s[i + k]) != lowerPrefix[k]) return false;
  return true;
}

bool stopsUrl(char32_t c) {
  if (c < 0x80) {
    return c <= 0x20 || c == u'<' || c == u'>' || c == u'"' || c == u'`' || c == u'{' || c == u'}' ||
           c == u'|' || c == u'\\' || c == u'^' || c == 0x7F;
  }
  const auto u = static_cast<UChar32>(c);
  return u_isUWhiteSpace(u) || u_hasBinaryProperty(u, UCHAR_QUOTATION_MARK) ||
         u_charType(u) == U_OTHER_SYMBOL || u_charType(u) == U_CONTROL_CHAR ||
         u_hasBinaryProperty(u, UCHAR_EMOJI_PRESENTATION) || u_charType(u) == U_SURROGATE;
}

// End of the URL's path/query starting at i, with trailing punctuation trimmed.
size_t urlTail(std::u16string_view s, size_t i) {
  size_t e = i;
  while (e < s.size()) {
    size_t len = 1;
    const char32_t c = codePointAt(s, e, &len);
    if (stopsUrl(c)) break;
    e += len;
  }
  while (e > i) {
    const char16_t c = s[e - 1];
    if (c == u'.' || c == u',' || c == u';' || c == u':' || c == u'!' || c == u'?' || c == u'\'' ||
        c == u'*') {
      --e;
      continue;
    }
    if (c == u')' || c == u']') {  // keep "(Begriffsklärung)", drop the ")" closing a remark
      const char16_t open = c == u')' ? u'(' : u'[';
      int depth = 0;
      for (size_t k = i; k < e; ++k) depth += s[k] == open ? 1 : s[k] == c ? -1 : 0;
      if (depth < 0) {
        --e;
        continue;
      }
    }
    break;
  }
  return e;
}

// A bare domain or "www." must start a token: not glued to a word, an address or a path.
bool tokenStart(std::u16string_view s, size_t i) {
  if (i == 0) return true;
  const char16_t p = s[i - 1];
  return !wordCharBefore(s, i) && p != u'.' && p != u'@' && p != u'/' && p != u'-' && p != u'_' &&
         p != u':' && p != u'\\' && p != u'%' && p != u'+';
}

// English words that are also TLDs: a bare "it.It" or "look.at" needs a path to count.
bool wordLikeTld(std::u16string_view tld) {
  static constexpr std::u16string_view kWords[] = {u"as", u"am", u"be", u"by", u"do", u"go", u"in", u"is",
                                                   u"it", u"me", u"my", u"no", u"on", u"so", u"to", u"us"};
  for (auto w : kWords)
    if (tld == w) return true;
  return false;
}

bool allLowerAscii(std::u16string_view t) {
  for (char16_t c : t)
    if (!(c >= u'a' && c <= u'z')) return false;
  return true;
}

}  // namespace

std::vector<Hit> findUrls(std::u16string_view s) {
  std::vector<Hit> hits;
  for (size_t i = 0; i < s.size(); ++i) {
    const char16_t c = s[i];
    if (!(isAsciiAlnum(c) || c >= 0x80) || (i > 0 && isAsciiAlpha(s[i - 1]))) continue;
    size_t e = i;
    double confidence = 0;
    if (startsWithNoCase(s, i, u"https://") || startsWithNoCase(s, i, u"http://")) {
      const size_t hostBegin = i + (asciiLower(s[i + 4]) == u's' ? 8 : 7);
      if (!alnumAt(s, hostBegin)) continue;
      e = urlTail(s, hostBegin);
      confidence = 0.95;
    } else if (!tokenStart(s, i)) {
      continue;
    } else if (startsWithNoCase(s, i, u"www.")) {
      const size_t d = scanDomain(s, i + 4);
      if (d == i + 4) continue;
      e = (d < s.size() && (s[d] == u'/' || s[d] == u'?' || s[d] == u'#' || s[d] == u':')) ? urlTail(s, d) : d;
      confidence = 0.85;
    } else {
      size_t tld = 0;
      const size_t d = scanDomain(s, i, &tld);
      if (d == i) continue;
      const std::u16string_view t(s.data() + tld, d - tld);
      if (!allLowerAscii(t) || !knownTld(t) || (d < s.size() && (s[d] == u'@' || s[d] == u'_'))) {
        i = d - 1;
        continue;
      }
      if (d < s.size() && s[d] == u'/') {
        e = urlTail(s, d);
        confidence = 0.7;
      } else if (!wordLikeTld(t)) {
        e = d;
        confidence = 0.4;
      } else {
        i = d - 1;
        continue;
      }
    }
    if (e <= i) continue;
    hits.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e), confidence});
    i = e - 1;
  }
  return hits;
}

}  // namespace rg::detect::scan
