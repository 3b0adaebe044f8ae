// Email addresses: practical "local@domain.tld" (not RFC 5322 quoting). IDN letters are allowed in
// both parts; the domain needs 2+ labels and a TLD of 2+ letters, so "a@b" is no address.
#include <unicode/uchar.h>

#include "detect/scan.h"

namespace rg::detect::scan {
namespace {

constexpr size_t kMaxLocal = 64;

bool localChar(char32_t c) {
  if (c < 0x80) {
    const auto a = static_cast<char16_t>(c);
    return isAsciiAlnum(a) || a == u'.' || a == u'_' || a == u'%' || a == u'+' || a == u'-';
  }
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0;
}

}  // namespace

std::vector<Hit> findEmails(std::u16string_view s) {
  std::vector<Hit> hits;
  size_t floor = 0;  // hits never overlap: a local part starts at or after the previous hit's end
  for (size_t at = 0; at < s.size(); ++at) {
    if (s[at] != u'@') continue;
    size_t b = at;
    while (b > floor) {
      size_t len = 1;
      const char32_t c = codePointBefore(s, b, &len);
      if (!localChar(c) || at - (b - len) > 4 * kMaxLocal) break;
      b -= len;
    }
    // "@user@instance.social" is a Mastodon handle, not an address.
    if (b > 0 && s[b - 1] == u'@') continue;
    while (b < at && !isAsciiAlnum(s[b]) && !alnumAt(s, b)) ++b;  // leading dots, dashes...
    if (b == at || at - b > kMaxLocal || s[at - 1] == u'.') continue;
    if (std::u16string_view(s.data() + b, at - b).find(u"..") != std::u16string_view::npos) continue;
    size_t tld = 0;
    const size_t e = scanDomain(s, at + 1, &tld);
    if (e == at + 1) continue;
    if (e < s.size() && (s[e] == u'@' || s[e] == u'_')) continue;  // "a@b.com@c", "a@b.com_x"
    const double confidence = knownTld(std::u16string_view(s.data() + tld, e - tld)) ? 0.9 : 0.75;
    hits.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), confidence});
    floor = e;
    at = e - 1;
  }
  return hits;
}

}  // namespace rg::detect::scan
