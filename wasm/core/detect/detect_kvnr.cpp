// Krankenversichertennummer (KVNR, the unchangeable part on the eGK, § 290 SGB V): a letter and
// nine digits, the last the check digit. Check (GKV-Spitzenverband, Anlage 1): the letter becomes
// its two-digit ordinal (A=01 ... Z=26), followed by the first eight digits; these ten digits are
// weighted 1, 2, 1, 2 ..., products above 9 replaced by their digit sum, the sum mod 10 is the check.
#include "detect/scan.h"

namespace rg::detect {

bool kvnrValid(std::u16string_view id) {
  if (id.size() != 10 || !scan::isAsciiAlpha(id[0])) return false;
  const int letter = scan::asciiUpper(id[0]) - u'A' + 1;
  int digits[10] = {letter / 10, letter % 10};
  for (size_t k = 1; k < 10; ++k) {
    if (!scan::isDigit(id[k])) return false;
    if (k < 9) digits[k + 1] = id[k] - u'0';
  }
  int sum = 0;
  for (size_t k = 0; k < 10; ++k) {
    const int p = digits[k] * (k % 2 == 0 ? 1 : 2);
    sum += p / 10 + p % 10;
  }
  return sum % 10 == id[9] - u'0';
}

namespace scan {

std::vector<Hit> findKvnrs(std::u16string_view s) {
  std::vector<Hit> hits;
  std::u16string id;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (!isDigit(s[i + 1]) || !isAsciiAlpha(s[i]) || !idStart(s, i)) continue;  // (the digit: rarer)
    const size_t e = readGrouped(s, i, 10, {}, u"", id);
    if (e == 0 || !kvnrValid(id)) continue;
    hits.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e), 0.7});
    i = e - 1;
  }
  return hits;
}

}  // namespace scan
}  // namespace rg::detect
