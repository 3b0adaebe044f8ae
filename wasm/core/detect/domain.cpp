// Domain names as they appear in emails, URLs and Mastodon handles: Unicode (IDN) labels allowed.
#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "detect/scan.h"

namespace rg::detect::scan {
namespace {

constexpr size_t kMaxLabel = 63;
constexpr size_t kMaxDomain = 253;

// Letters, digits and combining marks (decomposed umlauts in IDN labels).
bool labelChar(char32_t c) {
  if (c < 0x80) return isAsciiAlnum(static_cast<char16_t>(c));
  if (u_isalnum(static_cast<UChar32>(c))) return true;
  const int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK;
}

// A top-level label: 2+ letters (ASCII or Unicode, no digits), or an ACE label "xn--...".
bool plausibleTld(std::u16string_view s, size_t b, size_t e) {
  if (e - b < 2) return false;
  if (e - b > 4 && asciiLower(s[b]) == u'x' && asciiLower(s[b + 1]) == u'n' && s[b + 2] == u'-' &&
      s[b + 3] == u'-')
    return true;
  for (size_t i = b; i < e;) {
    size_t len = 1;
    const char32_t c = codePointAt(s, i, &len);
    if (!u_isalpha(static_cast<UChar32>(c))) {
      const int8_t t = u_charType(static_cast<UChar32>(c));
      if (i == b || (t != U_NON_SPACING_MARK && t != U_COMBINING_SPACING_MARK)) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

size_t scanDomain(std::u16string_view s, size_t i, size_t* tldBegin) {
  // Label boundaries as [begin, end) pairs, greedy from i.
  std::array<std::pair<size_t, size_t>, 128> labels{};
  size_t count = 0;
  size_t pos = i;
  while (count < labels.size()) {
    const size_t b = pos;
    size_t e = pos;
    while (e < s.size()) {
      size_t len = 1;
      const char32_t c = codePointAt(s, e, &len);
      if (labelChar(c) || (c == u'-' && e > b)) {
        e += len;
      } else {
        break;
      }
      if (e - b > kMaxLabel + 1) break;  // bounded work per call: no domain continues
    }
    while (e > b && s[e - 1] == u'-') --e;  // a label never ends with a hyphen
    if (e == b || e - b > kMaxLabel || e - i > kMaxDomain) break;
    labels[count++] = {b, e};
    if (e + 1 < s.size() && s[e] == u'.') {
      pos = e + 1;
    } else {
      break;
    }
  }
  // The longest prefix of 2+ labels that ends in a plausible TLD.
  for (size_t n = count; n >= 2; --n) {
    if (plausibleTld(s, labels[n - 1].first, labels[n - 1].second)) {
      if (tldBegin) *tldBegin = labels[n - 1].first;
      return labels[n - 1].second;
    }
  }
  return i;
}

bool knownTld(std::u16string_view tld) {
  // Generic and country TLDs common in German/English customer conversations. Deliberately
  // excluded: TLDs that are also file extensions (py, rs, sh, md, zip, mov, pl is kept: Poland).
  static constexpr std::u16string_view kTlds[] = {
      u"ag",     u"ai",     u"app",    u"ar",    u"at",     u"au",    u"bayern", u"be",      u"berlin",
      u"bg",     u"biz",    u"blog",   u"br",    u"ca",     u"cc",    u"ch",     u"cloud",   u"cn",
      u"co",     u"com",    u"cz",     u"de",    u"dev",    u"dk",    u"edu",    u"ee",      u"email",
      u"es",     u"eu",     u"fi",     u"fm",    u"fr",     u"gg",    u"gmbh",   u"gov",     u"gr",
      u"hamburg", u"hr",    u"hu",     u"ie",    u"in",     u"info",  u"int",    u"io",      u"is",
      u"it",     u"jobs",   u"jp",     u"koeln", u"li",     u"link",  u"live",   u"lt",      u"lu",
      u"lv",     u"me",     u"mil",    u"mx",    u"net",    u"news",  u"nl",     u"no",      u"nrw",
      u"nz",     u"online", u"org",    u"pl",    u"pt",     u"ro",    u"ru",     u"se",      u"shop",
      u"si",     u"site",   u"sk",     u"social", u"store", u"swiss", u"tech",   u"to",      u"top",
      u"tr",     u"tv",     u"ua",     u"uk",    u"us",     u"vip",   u"web",    u"wien",    u"xyz",
      u"za",     u"zone",   u"ly",     u"gl",    u"ms",     u"so"};
  if (tld.size() < 2 || tld.size() > 8) return false;
  char16_t lower[8];
  for (size_t i = 0; i < tld.size(); ++i) lower[i] = asciiLower(tld[i]);
  const std::u16string_view key(lower, tld.size());
  return std::find(std::begin(kTlds), std::end(kTlds), key) != std::end(kTlds);
}

}  // namespace rg::detect::scan
