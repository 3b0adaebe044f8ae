// Steuerliche Identifikationsnummer (German tax ID, §§ 139a-139e AO): 11 digits, compact or in the
// usual groups "12 345 678 903". The BZSt issues only numbers whose first ten digits start with 1-9
// and hold one digit twice or three times (never three in a row) and every other digit at most
// once; the 11th digit is the ISO 7064 MOD 11,10 check digit.
#include "detect/scan.h"

namespace rg::detect {

namespace scan {
int mod11_10(std::u16string_view digits) {
  int product = 10;
  for (char16_t c : digits) {
    int sum = (c - u'0' + product) % 10;
    if (sum == 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const int check = 11 - product;
  return check == 10 ? 0 : check;
}
}  // namespace scan

bool taxIdValid(std::u16string_view d) {
  if (d.size() != 11 || d[0] == u'0') return false;
  for (char16_t c : d)
    if (!scan::isDigit(c)) return false;
  int count[10] = {};
  for (size_t k = 0; k < 10; ++k) ++count[d[k] - u'0'];
  int repeated = 0;
  for (int n : count) {
    if (n > 3) return false;
    if (n > 1) ++repeated;
  }
  if (repeated != 1) return false;
  for (size_t k = 2; k < 10; ++k)
    if (d[k] == d[k - 1] && d[k] == d[k - 2]) return false;
  return scan::mod11_10(d.substr(0, 10)) == d[10] - u'0';
}

namespace scan {

std::vector<Hit> findTaxIds(std::u16string_view s) {
  std::vector<Hit> hits;
  std::u16string id;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!isDigit(s[i]) || !idStart(s, i)) continue;
    const size_t e = readGrouped(s, i, 11, {2, 5, 8}, u" ", id);
    if (e == 0 || !taxIdValid(id)) {
      while (i + 1 < s.size() && isDigit(s[i + 1])) ++i;  // a digit run is one candidate
      continue;
    }
    hits.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e), 0.7});
    i = e - 1;
  }
  return hits;
}

}  // namespace scan
}  // namespace rg::detect
