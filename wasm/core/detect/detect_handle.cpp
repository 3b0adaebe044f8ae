// Social handles: "@name" (X, Instagram, Threads...) and Mastodon's "@user@instance.tld".
// An '@' glued to a preceding word is an email address, not a handle.
#include "detect/scan.h"

namespace rg::detect::scan {
namespace {

constexpr size_t kMaxName = 30;  // Instagram's limit; X allows 15

bool nameChar(char16_t c) { return isAsciiAlnum(c) || c == u'_' || c == u'.'; }

// Characters that glue an '@' to what precedes it (email local parts, URL paths, "@@").
bool gluedBefore(std::u16string_view s, size_t at) {
  if (at == 0) return false;
  const char16_t p = s[at - 1];
  return wordCharBefore(s, at) || p == u'_' || p == u'.' || p == u'%' || p == u'+' || p == u'-' ||
         p == u'@' || p == u'/' || p == u'\\' || p == u'=' || p == u'&';
}

}  // namespace

std::vector<Hit> findHandles(std::u16string_view s) {
  std::vector<Hit> hits;
  for (size_t at = 0; at < s.size(); ++at) {
    if (s[at] != u'@' || gluedBefore(s, at)) continue;
    size_t e = at + 1;
    while (e < s.size() && nameChar(s[e])) ++e;
    noteReads(e - at);
    const size_t runEnd = e;
    while (e > at + 1 && s[e - 1] == u'.') --e;  // sentence end: "thanks @anna."
    const std::u16string_view name(s.data() + at + 1, e - at - 1);
    bool letter = false;
    for (char16_t c : name) letter = letter || isAsciiAlpha(c);
    // Too long, no letter ("@10"), "..", or running into a non-ASCII letter ("@müller") → no handle.
    if (!letter || name.size() > kMaxName || name.find(u"..") != std::u16string_view::npos ||
        (runEnd == e && alnumAt(s, e))) {
      at = runEnd > at ? runEnd - 1 : at;
      continue;
    }
    double confidence = 0.6;
    if (runEnd == e && e < s.size() && s[e] == u'@') {
      const size_t d = scanDomain(s, e + 1);
      if (d > e + 1) {
        e = d;
        confidence = 0.85;
      }
    }
    hits.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(e), confidence});
    at = e - 1;
  }
  return hits;
}

}  // namespace rg::detect::scan
