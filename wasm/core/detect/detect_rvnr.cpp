// Rentenversicherungsnummer (Sozialversicherungsnummer, § 147 SGB VI, VKVV § 4): area number
// (2 digits), date of birth DDMMYY (the day raised by 50 when the serial range is used up), the
// initial of the birth name, a 2-digit serial and the check digit; compact or "15 070649 C 103".
// Check: the letter becomes its two-digit ordinal (A=01 ... Z=26), the twelve digits are weighted
// 2 1 2 5 7 1 2 1 2 1 2 1, each product replaced by its digit sum, the sum mod 10 is the check.
#include "detect/scan.h"

namespace rg::detect {

bool rvnrValid(std::u16string_view id) {
  using scan::isDigit;
  if (id.size() != 12 || !scan::isAsciiAlpha(id[8])) return false;
  for (size_t k = 0; k < 12; ++k)
    if (k != 8 && !isDigit(id[k])) return false;
  auto two = [&](size_t k) { return (id[k] - u'0') * 10 + (id[k + 1] - u'0'); };
  const int area = two(0), day = two(2), month = two(4);
  if (area == 0 || month < 1 || month > 12) return false;
  if (!((day >= 1 && day <= 31) || (day >= 51 && day <= 81))) return false;
  const int letter = scan::asciiUpper(id[8]) - u'A' + 1;
  int digits[12];
  for (size_t k = 0; k < 8; ++k) digits[k] = id[k] - u'0';
  digits[8] = letter / 10;
  digits[9] = letter % 10;
  digits[10] = id[9] - u'0';
  digits[11] = id[10] - u'0';
  static constexpr int kWeights[12] = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};
  int sum = 0;
  for (size_t k = 0; k < 12; ++k) {
    const int p = digits[k] * kWeights[k];
    sum += p / 10 + p % 10;
  }
  return sum % 10 == id[11] - u'0';
}

namespace scan {

std::vector<Hit> findRvnrs(std::u16string_view s) {
  std::vector<Hit> hits;
  std::u16string id;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!isDigit(s[i]) || !idStart(s, i)) continue;
    const size_t e = readGrouped(s, i, 12, {2, 8, 9}, u" ", id);
    if (e == 0 || !rvnrValid(id)) {
      while (i + 1 < s.size() && isDigit(s[i + 1])) ++i;
      continue;
    }
    hits.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e), 0.8});
    i = e - 1;
  }
  return hits;
}

}  // namespace scan
}  // namespace rg::detect
