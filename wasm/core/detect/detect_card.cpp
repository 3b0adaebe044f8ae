// Payment card numbers: 13-19 digits, compact or in groups separated by one space or dash,
// Luhn-valid, and in an issued IIN range with a length that scheme issues. A Luhn-valid number
// outside every range (a 13-digit millisecond timestamp "1748503543012" starts with 1; no scheme
// but UATP, with 15 digits, issues that) is not reported: a tenth of all digit runs pass Luhn.
#include <algorithm>

#include "detect/scan.h"

namespace rg::detect {

bool luhnValid(std::u16string_view digits) {
  if (digits.empty()) return false;
  unsigned sum = 0;
  bool twice = false;
  for (size_t k = digits.size(); k-- > 0;) {
    const char16_t c = scan::foldUnit(digits[k]);
    if (!scan::isDigit(c)) return false;
    unsigned d = c - u'0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

namespace {

unsigned prefix(std::u16string_view d, size_t n) {
  unsigned v = 0;
  for (size_t k = 0; k < n && k < d.size(); ++k) v = v * 10 + (d[k] - u'0');
  return v;
}

}  // namespace

// Issuer ranges of the schemes customers actually paste (Visa, Mastercard, Amex, Discover,
// Diners, JCB, UnionPay, Maestro, Mir, UATP) with the lengths each issues. Full-width digits
// count as digits, as in luhnValid: the detectors report them in the original text.
bool cardIssued(std::u16string_view raw) {
  const size_t n = raw.size();
  if (n < 13 || n > 19) return false;
  char16_t buffer[19];
  for (size_t k = 0; k < n; ++k) {
    buffer[k] = scan::foldUnit(raw[k]);
    if (!scan::isDigit(buffer[k])) return false;
  }
  const std::u16string_view d(buffer, n);
  const unsigned p1 = prefix(d, 1), p2 = prefix(d, 2), p3 = prefix(d, 3), p4 = prefix(d, 4);
  const bool len16to19 = n >= 16 && n <= 19;
  if (p1 == 4) return n == 13 || n == 16 || n == 19;                      // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n == 16;  // Mastercard
  if (p2 == 34 || p2 == 37) return n == 15;                               // Amex
  if (p4 >= 2200 && p4 <= 2204) return len16to19;                         // Mir
  if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) return len16to19;  // Discover
  if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) return n >= 14 && n <= 19;  // Diners
  if (p4 >= 3528 && p4 <= 3589) return len16to19;                         // JCB
  if (p2 == 62) return len16to19;                                         // UnionPay
  if (p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67) return n >= 13;  // Maestro
  if (p1 == 1) return n == 15;                                            // UATP (AirPlus)
  return false;
}

namespace {

struct Group {
  size_t begin, end;  // digits only
  char16_t sep;       // separator before this group (0 for the first)
};

struct Candidate {
  size_t first, last;  // group indices
  size_t digits;
  double confidence;
};

bool cardSeparator(char16_t c) { return scan::isNumberSpace(c) || c == u'-'; }
char16_t normalSeparator(char16_t c) { return scan::isNumberSpace(c) ? u' ' : c; }

}  // namespace

namespace scan {

std::vector<Hit> findCards(std::u16string_view s) {
  std::vector<Hit> hits;
  std::vector<Group> groups;
  std::vector<Candidate> candidates;
  std::u16string digits;
  size_t i = 0;
  while (i < s.size()) {
    if (!isDigit(s[i]) || wordCharBefore(s, i)) {
      ++i;
      continue;
    }
    // A run: digit groups joined by exactly one separator character.
    groups.clear();
    size_t e = i;
    while (true) {
      const size_t b = e;
      while (e < s.size() && isDigit(s[e])) ++e;
      noteReads(e - b + 1);
      groups.push_back({b, e, groups.empty() ? char16_t(0) : normalSeparator(s[b - 1])});
      if (e + 1 < s.size() && cardSeparator(s[e]) && isDigit(s[e + 1])) {
        ++e;
      } else {
        break;
      }
    }
    const size_t runEnd = e;
    // A run that continues a token begun with letters ("DE89 3704 0044 ...", an IBAN) or ends
    // in one ("4111...1111abc") is a code, not a card.
    const bool continues = i >= 2 && cardSeparator(s[i - 1]) && isDigit(s[i - 2]);
    i = runEnd;
    if (continues || alnumAt(s, runEnd)) continue;
    // Every valid candidate of consecutive groups; then the most confident ones win (ties: the
    // longer, then the earlier), so "030 4111 1111 1111 1111" yields the Visa number, not a
    // Luhn-valid accident that starts with the area code.
    candidates.clear();
    for (size_t a = 0; a < groups.size(); ++a) {
      digits.clear();
      for (size_t b = a; b < groups.size(); ++b) {
        const size_t len = groups[b].end - groups[b].begin;
        if (b > a) {  // grouped: every group 3-6 digits, one kind of separator
          const size_t firstLen = groups[a].end - groups[a].begin;
          if (len < 3 || len > 6 || firstLen < 3 || firstLen > 6 || groups[b].sep != groups[a + 1].sep) break;
        }
        digits.append(s.substr(groups[b].begin, len));
        if (digits.size() > 19) break;
        if (digits.size() < 13 || !luhnValid(digits) ||
            digits.find_first_not_of(digits[0]) == std::u16string::npos)
          continue;
        if (!cardIssued(digits)) continue;
        double confidence = 0.9;
        if (a > 0 || b + 1 < groups.size()) confidence -= 0.2;  // more digit groups around it
        candidates.push_back({a, b, digits.size(), confidence});
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
      if (x.confidence != y.confidence) return x.confidence > y.confidence;
      if (x.digits != y.digits) return x.digits > y.digits;
      return x.first < y.first;
    });
    const size_t before = hits.size();
    std::vector<bool> taken(groups.size(), false);
    for (const Candidate& c : candidates) {
      bool free = true;
      for (size_t k = c.first; k <= c.last; ++k) free = free && !taken[k];
      if (!free) continue;
      for (size_t k = c.first; k <= c.last; ++k) taken[k] = true;
      hits.push_back({static_cast<uint32_t>(groups[c.first].begin), static_cast<uint32_t>(groups[c.last].end),
                      c.confidence});
    }
    std::sort(hits.begin() + static_cast<std::ptrdiff_t>(before), hits.end(),
              [](const Hit& x, const Hit& y) { return x.begin < y.begin; });
  }
  return hits;
}

}  // namespace scan
}  // namespace rg::detect
