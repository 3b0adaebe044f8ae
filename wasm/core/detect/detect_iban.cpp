// IBANs: country code, check digits, BBAN; written compact or in groups of four separated by spaces
// or dashes, in upper or lower case. Only hits whose
// length fits the country (SWIFT IBAN registry) and whose ISO 7064 mod-97 checksum is 1.
#include <algorithm>

#include "detect/scan.h"

namespace rg::detect {
namespace {

struct CountryLength {
  char16_t code[3];
  uint8_t length;
};

// SWIFT IBAN registry (2024) plus territories that are listed under their parent's format.
constexpr CountryLength kLengths[] = {
    {u"AD", 24}, {u"AE", 23}, {u"AL", 28}, {u"AT", 20}, {u"AX", 18}, {u"AZ", 28}, {u"BA", 20},
    {u"BE", 16}, {u"BG", 22}, {u"BH", 22}, {u"BI", 27}, {u"BL", 27}, {u"BR", 29}, {u"BY", 28},
    {u"CH", 21}, {u"CR", 22}, {u"CY", 28}, {u"CZ", 24}, {u"DE", 22}, {u"DJ", 27}, {u"DK", 18},
    {u"DO", 28}, {u"EE", 20}, {u"EG", 29}, {u"ES", 24}, {u"FI", 18}, {u"FK", 18}, {u"FO", 18},
    {u"FR", 27}, {u"GB", 22}, {u"GE", 22}, {u"GF", 27}, {u"GG", 22}, {u"GI", 23}, {u"GL", 18},
    {u"GP", 27}, {u"GR", 27}, {u"GT", 28}, {u"HN", 28}, {u"HR", 21}, {u"HU", 28}, {u"IE", 22},
    {u"IL", 23}, {u"IM", 22}, {u"IQ", 23}, {u"IS", 26}, {u"IT", 27}, {u"JE", 22}, {u"JO", 30},
    {u"KW", 30}, {u"KZ", 20}, {u"LB", 28}, {u"LC", 32}, {u"LI", 21}, {u"LT", 20}, {u"LU", 20},
    {u"LV", 21}, {u"LY", 25}, {u"MC", 27}, {u"MD", 24}, {u"ME", 22}, {u"MF", 27}, {u"MK", 19},
    {u"MN", 20}, {u"MQ", 27}, {u"MR", 27}, {u"MT", 31}, {u"MU", 30}, {u"NC", 27}, {u"NI", 28},
    {u"NL", 18}, {u"NO", 15}, {u"OM", 23}, {u"PF", 27}, {u"PK", 24}, {u"PL", 28}, {u"PM", 27},
    {u"PS", 29}, {u"PT", 25}, {u"QA", 29}, {u"RE", 27}, {u"RO", 24}, {u"RS", 22}, {u"RU", 33},
    {u"SA", 24}, {u"SC", 31}, {u"SD", 18}, {u"SE", 24}, {u"SI", 19}, {u"SK", 24}, {u"SM", 27},
    {u"SO", 23}, {u"ST", 25}, {u"SV", 28}, {u"TF", 27}, {u"TL", 23}, {u"TN", 24}, {u"TR", 26},
    {u"UA", 29}, {u"VA", 22}, {u"VG", 24}, {u"WF", 27}, {u"XK", 20}, {u"YE", 30}, {u"YT", 27},
};

// 0 for a country without IBANs.
size_t ibanLength(char16_t a, char16_t b) {
  a = scan::asciiUpper(a);
  b = scan::asciiUpper(b);
  for (const auto& c : kLengths)
    if (c.code[0] == a && c.code[1] == b) return c.length;
  return 0;
}

}  // namespace

bool ibanValid(std::u16string_view iban) {
  using namespace scan;
  if (iban.size() < 5 || !isAsciiAlpha(foldUnit(iban[0])) || !isAsciiAlpha(foldUnit(iban[1])) ||
      !isDigit(foldUnit(iban[2])) || !isDigit(foldUnit(iban[3])))
    return false;
  if (ibanLength(foldUnit(iban[0]), foldUnit(iban[1])) != iban.size()) return false;
  // Move the first four characters to the end, letters become 10..35, then mod 97 digit by digit.
  unsigned rest = 0;
  for (size_t k = 0; k < iban.size(); ++k) {
    const char16_t c = asciiUpper(foldUnit(iban[(k + 4) % iban.size()]));
    if (isDigit(c)) {
      rest = (rest * 10 + (c - u'0')) % 97;
    } else if (c >= u'A' && c <= u'Z') {
      rest = (rest * 100 + (c - u'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return rest == 1;
}

namespace scan {

std::vector<Hit> findIbans(std::u16string_view s) {
  std::vector<Hit> hits;
  std::u16string compact;
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    // (the check digits first: digits are the rarest units of a text)
    if (!isDigit(s[i + 2]) || !isDigit(s[i + 3]) || !isAsciiAlpha(s[i]) || !isAsciiAlpha(s[i + 1]) ||
        wordCharBefore(s, i))
      continue;
    const size_t length = ibanLength(s[i], s[i + 1]);
    if (length == 0) continue;
    // Collect alphanumerics; one space or dash may separate groups of four ("DE89 3704 ...",
    // "AL47-2121-1009-..."), the same one throughout.
    compact.clear();
    size_t e = i;
    char16_t sep = 0;
    while (e < s.size() && compact.size() < length) {
      if (isAsciiAlnum(s[e])) {
        compact.push_back(s[e++]);
      } else if ((isNumberSpace(s[e]) || s[e] == u'-') && (sep == 0 || (s[e] == u'-') == (sep == u'-')) &&
                 compact.size() % 4 == 0 && e + 1 < s.size() && isAsciiAlnum(s[e + 1])) {
        sep = s[e++];
      } else {
        break;
      }
    }
    noteReads(e - i + 1);
    if (compact.size() != length || alnumAt(s, e) || !ibanValid(compact)) continue;
    hits.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e), 0.95});
    i = e - 1;
  }
  return hits;
}

}  // namespace scan
}  // namespace rg::detect
