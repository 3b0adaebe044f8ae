// Phone numbers: the scanner below finds candidates in German, international and US formats
//   +49 30 1234567, +49 (0)30 1234567, 0049 30 1234567, +1 (415) 555-0132,
//   030 1234567, 030/1234567, 0171-1234567, (030) 1234567, (415)555-0132, 415.555.0132
// (a run of digit groups joined by short separators: space, - . /, parentheses) and rejects dates,
// prices, thousands, IP addresses, year ranges, codes glued to letters and runs continuing an
// IBAN-shaped start; libphonenumber then keeps those valid in one of the bundle's regions
// (phone_numbers.h) and names their type and region.
// Confidence of a valid candidate, by its form: international prefix 0.85 (compact 0.7), national
// (leading 0) formatted 0.8, US 3-3-4 0.75, other formatted runs 0.3; unformatted runs: a German
// mobile (015x-017x, 11-12 digits) 0.6, other leading 0 → 0.4, a Chinese mobile (1[3-9] + 9
// digits) 0.6, anything else 0.2 (order numbers are often valid numbers somewhere).
#include <algorithm>
#include <string>

#include "detect/phone_numbers.h"
#include "detect/scan.h"

namespace rg::detect {
namespace scan {
namespace {

constexpr size_t kMinDigits = 7;
constexpr size_t kMaxDigits = 15;  // E.164

struct Group {
  size_t begin, end;  // digits (without parentheses)
  bool paren;
  char16_t sep;       // the non-space separator before the group ('-', '.', '/'), ' ' or 0
};

bool isMark(char16_t c) { return c == u'-' || c == u'.' || c == u'/'; }

bool isCurrencyBefore(std::u16string_view s, size_t i) {
  size_t k = i;
  if (k > 0 && isNumberSpace(s[k - 1])) --k;
  if (k == 0) return false;
  const char16_t p = s[k - 1];
  return p == u'$' || p == u'€' || p == u'£' || p == u'¥';
}

bool isAmountAfter(std::u16string_view s, size_t e) {
  size_t k = e;
  if (k < s.size() && isNumberSpace(s[k])) ++k;
  if (k >= s.size()) return false;
  const char16_t c = s[k];
  if (c == u'€' || c == u'$' || c == u'£' || c == u'%' || c == u'¥') return true;
  for (std::u16string_view unit : {u"eur", u"euro", u"usd", u"chf", u"gbp"}) {
    if (s.size() - k < unit.size()) continue;
    bool same = true;
    for (size_t j = 0; j < unit.size(); ++j) same = same && asciiLower(s[k + j]) == unit[j];
    if (same && !alnumAt(s, k + unit.size())) return true;
  }
  return false;
}

size_t len(const Group& g) { return g.end - g.begin; }

bool looksLikeYear(std::u16string_view s, const Group& g) {
  return len(g) == 4 && ((s[g.begin] == u'1' && s[g.begin + 1] == u'9') || (s[g.begin] == u'2' && s[g.begin + 1] == u'0'));
}

// d.m.yyyy, dd/mm/yy, yyyy-mm-dd ... anywhere among the groups.
bool containsDate(const std::vector<Group>& g) {
  for (size_t k = 0; k + 2 < g.size(); ++k) {
    const char16_t sep = g[k + 1].sep;
    if (!isMark(sep) || g[k + 2].sep != sep || g[k].paren || g[k + 1].paren || g[k + 2].paren) continue;
    const size_t a = len(g[k]), b = len(g[k + 1]), c = len(g[k + 2]);
    if (a <= 2 && b <= 2 && (c == 2 || c == 4)) return true;
    if (a == 4 && b <= 2 && c <= 2) return true;
  }
  return false;
}

size_t beginOf(const std::vector<Group>& groups, bool plus) {
  return (plus || groups[0].paren) ? groups[0].begin - 1 : groups[0].begin;
}

// Confidence of the run of groups as a phone number, or -1 when it is none. end: after the last
// group (its ')' included).
double classify(std::u16string_view s, const std::vector<Group>& groups, bool plus, size_t end) {
  size_t digits = 0;
  for (const auto& g : groups) digits += len(g);
  const char16_t first = s[groups[0].begin];
  // "00" + country code; no country code starts with 0, so "0000 0001 ..." is no number at all.
  if (!plus && len(groups[0]) >= 3 && first == u'0' && s[groups[0].begin + 1] == u'0' && s[groups[0].begin + 2] == u'0')
    return -1;
  const bool intl = plus || (len(groups[0]) >= 3 && first == u'0' && s[groups[0].begin + 1] == u'0');
  const bool trunk = std::any_of(groups.begin(), groups.end(), [&](const Group& g) { return g.paren && len(g) == 1 && s[g.begin] == u'0'; });
  const bool national = !intl && first == u'0';
  const bool formatted = groups.size() > 1;
  bool dotted = false;
  for (size_t k = 1; k < groups.size(); ++k) dotted = dotted || groups[k].sep == u'.';

  const size_t hitBegin = beginOf(groups, plus);
  if (digits < kMinDigits || digits > kMaxDigits + (trunk ? 1 : 0)) return -1;
  if (isCurrencyBefore(s, hitBegin) || isAmountAfter(s, end)) return -1;
  if (hitBegin > 0 && (s[hitBegin - 1] == u'#' || s[hitBegin - 1] == u'_')) return -1;
  // Glued to more number-ish text: "1.299.000,00", "12345-AB", "10:30".
  if (end < s.size() && (s[end] == u',' || s[end] == u'.' || s[end] == u':' || s[end] == u'-') &&
      end + 1 < s.size() && alnumAt(s, end + 1))
    return -1;
  if (alnumAt(s, end)) return -1;
  if (containsDate(groups)) return -1;
  if (groups.size() == 2 && looksLikeYear(s, groups[0]) && looksLikeYear(s, groups[1])) return -1;
  if (!intl && formatted) {
    // Thousands: "1.299.000", "1 299 000" (first group 1-3 digits without leading 0, then triples).
    bool thousands = first != u'0' && len(groups[0]) <= 3;
    for (size_t k = 1; k < groups.size() && thousands; ++k)
      thousands = len(groups[k]) == 3 && (groups[k].sep == u'.' || groups[k].sep == u' ') && !groups[k].paren;
    if (thousands) return -1;
    if (dotted) {
      // Decimals and IP addresses: dotted numbers need 2+ digit groups and 3+ groups.
      bool ok = groups.size() >= 3;
      bool ip = groups.size() == 4;
      for (const auto& g : groups) {
        ok = ok && len(g) >= 2;
        ip = ip && len(g) <= 3;
      }
      if (!ok || ip) return -1;
    }
  }

  double confidence;
  if (intl) {
    confidence = formatted ? 0.85 : 0.7;
  } else if (national) {
    if (digits > 14) return -1;
    // A German mobile number (015x, 016x, 017x) is typed compact as often as not.
    const bool mobile = len(groups[0]) >= 3 && s[groups[0].begin + 1] == u'1' && s[groups[0].begin + 2] >= u'5' &&
                        s[groups[0].begin + 2] <= u'7' && (digits == 11 || digits == 12);
    confidence = formatted ? 0.8 : mobile ? 0.6 : 0.4;
  } else if (!formatted && digits == 11 && first == u'1' && s[groups[0].begin + 1] >= u'3') {
    confidence = 0.6;  // a Chinese mobile number: 1[3-9] and nine digits
  } else if (digits > 12) {
    return -1;  // long runs without a prefix are account, card or order numbers
  } else if (formatted) {
    // North American 3-3-4, optionally with the country code 1 in front ("1-555-123-4567").
    const size_t o = groups.size() == 4 && len(groups[0]) == 1 && first == u'1' ? 1 : 0;
    const bool us = groups.size() == 3 + o && len(groups[o]) == 3 && len(groups[o + 1]) == 3 &&
                    len(groups[o + 2]) == 4;
    confidence = us ? 0.75 : 0.3;
  } else {
    confidence = 0.2;
  }
  return confidence;
}

// The digits follow groups of four that start with a country code and two digits, as in the
// invalid IBAN "NL91 ABNA 0417 1643 01": a failed IBAN is no phone number.
bool continuesIban(std::u16string_view s, size_t i) {
  size_t k = i;
  for (int group = 0; group < 9; ++group) {
    size_t j = k;
    while (j > 0 && k - j < 2 && (isNumberSpace(s[j - 1]) || (j == k && s[j - 1] == u'-'))) --j;
    if (j == k) return false;
    size_t b = j;
    while (b > 0 && j - b < 5 && isAsciiAlnum(s[b - 1])) --b;
    if (j - b < 3 || j - b > 4) return false;
    if (j - b == 4 && isAsciiAlpha(s[b]) && isAsciiAlpha(s[b + 1]) && isDigit(s[b + 2]) && isDigit(s[b + 3]) &&
        !wordCharBefore(s, b))
      return true;
    if (j - b != 4) return false;
    k = b;
  }
  return false;
}

}  // namespace

}  // namespace scan

bool serviceNumber(std::u16string_view phone) {
  using namespace scan;
  std::string d;
  for (char16_t c : phone) {
    const char16_t f = foldUnit(c);
    if (isDigit(f)) d.push_back(static_cast<char>(f));
  }
  const char16_t lead = phone.empty() ? 0 : foldUnit(phone[0]);
  std::string cc = "49", nsn;  // a national number (leading 0) is read as German
  if (lead == u'+' || d.rfind("00", 0) == 0) {
    const std::string rest = lead == u'+' ? d : d.substr(2);
    cc.clear();
    for (const char* code : {"49", "43", "41", "44", "1"}) {
      if (rest.rfind(code, 0) == 0) {
        cc = code;
        nsn = rest.substr(cc.size());
        break;
      }
    }
    if (cc.empty()) return false;
    if (nsn.rfind('0', 0) == 0) nsn.erase(0, 1);  // "+49 (0)800 ..."
  } else if (!d.empty() && d[0] == '0') {
    nsn = d.substr(1);
  } else {
    cc = "1";  // NANP without the country code: "800-555-0199", "1-800-555-0199"
    nsn = d.size() == 11 && d[0] == '1' ? d.substr(1) : d;
    if (nsn.size() != 10) return false;
  }
  auto starts = [&](std::initializer_list<const char*> prefixes) {
    for (const char* p : prefixes)
      if (nsn.rfind(p, 0) == 0) return true;
    return false;
  };
  // Freephone, shared-cost, premium-rate and mass-call ranges of the national numbering plans.
  if (cc == "1") return starts({"800", "833", "844", "855", "866", "877", "888"});
  if (cc == "49") return starts({"800", "180", "137", "900"});
  if (cc == "43") return starts({"800", "810", "820", "821", "900", "901", "930", "931"});
  if (cc == "41") return starts({"800", "840", "842", "844", "848", "900", "901", "906"});
  return starts({"800", "808", "84", "87", "90", "91", "98"});  // 44
}

namespace scan {

std::vector<Hit> findPhones(std::u16string_view s, std::span<const char* const> regions) {
  std::vector<Hit> hits;
  std::vector<Group> groups;
  size_t i = 0;
  while (i < s.size()) {
    const bool plus = s[i] == u'+' && i + 1 < s.size() && isDigit(s[i + 1]);
    const bool open = s[i] == u'(' && i + 1 < s.size() && isDigit(s[i + 1]);
    if (!(plus || open || isDigit(s[i])) || wordCharBefore(s, i)) {
      ++i;
      continue;
    }
    // A run glued to a code before it ("RE-2026-000123", "A/1234567", "1,5 1234567") is lexed
    // (and skipped as a whole) but never a phone number.
    // So is a run right after "digit + separator": the rest of a token begun with letters, as in
    // the IBAN "BE68 5390 0754 7034".
    const bool glued =
        i >= 2 && (((s[i - 1] == u'-' || s[i - 1] == u'/' || s[i - 1] == u'_') && wordCharBefore(s, i - 1)) ||
                   ((s[i - 1] == u'.' || s[i - 1] == u',' || isNumberSpace(s[i - 1])) && isDigit(s[i - 2])));
    // Lex the run of groups.
    groups.clear();
    size_t e = plus ? i + 1 : i;
    char16_t sep = 0;
    bool unclosed = false;
    while (true) {
      const bool paren = s[e] == u'(';
      const size_t b = paren ? e + 1 : e;
      size_t d = b;
      while (d < s.size() && isDigit(s[d])) ++d;
      noteReads(d - b + 1);
      if (paren && (d >= s.size() || s[d] != u')')) {
        unclosed = true;
      }
      groups.push_back({b, d, paren && !unclosed, sep});
      e = (paren && !unclosed) ? d + 1 : d;
      if (unclosed) break;
      // Separator: up to three characters of spaces with at most one mark (" / ", "-", ". ").
      size_t k = e, marks = 0;
      sep = 0;
      while (k < s.size() && k - e < 3 && (isNumberSpace(s[k]) || isMark(s[k]))) {
        if (isMark(s[k])) {
          ++marks;
          sep = s[k];
        } else if (sep == 0) {
          sep = u' ';
        }
        ++k;
      }
      const bool next = k < s.size() && (isDigit(s[k]) || (s[k] == u'(' && k + 1 < s.size() && isDigit(s[k + 1])));
      // Without a separator only parentheses may join groups: "+49(0)30", "+1(555)".
      const bool joined = k > e || groups.back().paren || (k < s.size() && s[k] == u'(');
      if (marks > 1 || !next || !joined) break;
      e = k;
    }
    size_t end = groups.back().paren ? groups.back().end + 1 : groups.back().end;
    // "(07700 900456)": a parenthesis that does not close after the first group encloses the
    // whole number; lex again from the digit after it.
    if (unclosed && open && groups.size() == 1) {
      ++i;
      continue;
    }
    i = std::max(end, i + 1);  // never rescan a suffix of a rejected run

    if (unclosed || glued || continuesIban(s, beginOf(groups, plus))) continue;
    double confidence = classify(s, groups, plus, end);
    size_t digits = 0;
    for (const auto& g : groups) digits += len(g);
    if (confidence < 0 && digits > kMaxDigits) {
      // "030-12345-678 10115 Berlin": a run too long as a whole may end where the separator
      // style changes (marks → spaces); retry with the groups before that point.
      size_t cut = 2;
      while (cut < groups.size() && (groups[cut].sep == u' ') == (groups[1].sep == u' ')) ++cut;
      if (cut >= groups.size()) continue;
      groups.resize(cut);
      end = groups.back().paren ? groups.back().end + 1 : groups.back().end;
      confidence = classify(s, groups, plus, end);
    }
    if (confidence < 0) continue;
    const size_t hitBegin = beginOf(groups, plus);
    std::string candidate;  // ASCII but for the spaces isNumberSpace accepts
    for (size_t k = hitBegin; k < end; ++k) candidate.push_back(s[k] < 0x80 ? static_cast<char>(s[k]) : ' ');
    const auto valid = validatePhone(candidate, regions);
    if (!valid) continue;
    hits.push_back({static_cast<uint32_t>(hitBegin), static_cast<uint32_t>(end), confidence, valid->type, valid->region});
  }
  return hits;
}

}  // namespace scan
}  // namespace rg::detect
