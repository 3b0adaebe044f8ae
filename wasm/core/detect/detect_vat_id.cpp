// VAT identification numbers (USt-IdNr, UID) of the countries whose check digit is defined:
//   DE + 9 digits: the 9th is the ISO 7064 MOD 11,10 check digit of the first eight (BZSt);
//   ATU + 8 digits: weights 1,2,1,2,1,2,1 (digit sums of the products), check = (10 - (sum + 4)
//   mod 10) mod 10 (BMF).
// Written compact or grouped with spaces, dashes or dots ("DE 136 695 976", "ATU 1358 5627");
// the country prefix in any case. Other countries' numbers are not reported: without a check digit
// a 9-12 digit group is no evidence.
#include "detect/scan.h"

namespace rg::detect {

namespace scan {
int mod11_10(std::u16string_view digits);  // detect_tax_id.cpp
}

namespace {

bool digitsOnly(std::u16string_view d) {
  for (char16_t c : d)
    if (!scan::isDigit(c)) return false;
  return !d.empty();
}

bool atCheck(std::u16string_view d) {  // 8 digits
  int sum = 0;
  for (size_t k = 0; k < 7; ++k) {
    const int p = (d[k] - u'0') * (k % 2 == 0 ? 1 : 2);
    sum += p / 10 + p % 10;
  }
  return (10 - (sum + 4) % 10) % 10 == d[7] - u'0';
}

}  // namespace

bool vatIdValid(std::u16string_view id) {
  using scan::asciiUpper;
  if (id.size() == 11 && asciiUpper(id[0]) == u'D' && asciiUpper(id[1]) == u'E') {
    const auto d = id.substr(2);
    return digitsOnly(d) && d[0] != u'0' && scan::mod11_10(d.substr(0, 8)) == d[8] - u'0';
  }
  if (id.size() == 11 && asciiUpper(id[0]) == u'A' && asciiUpper(id[1]) == u'T' && asciiUpper(id[2]) == u'U') {
    const auto d = id.substr(3);
    return digitsOnly(d) && atCheck(d);
  }
  return false;
}

namespace scan {

std::vector<Hit> findVatIds(std::u16string_view s) {
  std::vector<Hit> hits;
  std::u16string id;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const char16_t a = asciiUpper(s[i]), b = asciiUpper(s[i + 1]);
    size_t e = 0;
    if (a == u'D' && b == u'E' && idStart(s, i)) {
      e = readGrouped(s, i, 11, {2, 5, 8}, u" -.", id);
    } else if (a == u'A' && b == u'T' && i + 2 < s.size() && asciiUpper(s[i + 2]) == u'U' && idStart(s, i)) {
      e = readGrouped(s, i, 11, {3, 7}, u" -.", id);
    }
    if (e == 0 || !vatIdValid(id)) continue;
    hits.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e), 0.9});
    i = e - 1;
  }
  return hits;
}

}  // namespace scan
}  // namespace rg::detect
