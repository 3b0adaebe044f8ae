// VAT identification numbers of the countries whose check digit is defined (the issuers' rules, as
// python-stdnum and the EU's VIES documentation describe them):
//   DE + 9 digits: the 9th is the ISO 7064 MOD 11,10 check digit of the first eight (BZSt);
//   ATU + 8 digits: weights 1,2,1,2,1,2,1 (digit sums), check = (10 - (sum + 4) mod 10) mod 10;
//   FR + 2-digit key + SIREN (9 digits): key = (12 + 3 * (SIREN mod 97)) mod 97;
//   IT + 11 digits: Luhn;  BE + 10 digits (0 or 1 first): last two = 97 - (first eight mod 97);
//   NL + 9 digits + B + 2 digits: weights 9..2 mod 11 (the old form) or, since 2020, the whole ID
//   with letters as numbers (A = 10 ...) mod 97 = 1;  PL + 10 digits: weights 6,5,7,2,3,4,5,6,7 mod 11;
//   CHE + 9 digits (Swiss UID): weights 5,4,3,2,7,6,5,4, check = 11 - sum mod 11.
// Written compact or grouped with spaces, dashes or dots ("DE 136 695 976", "CHE-116.281.710"),
// the prefix in any case. Other countries' numbers are not reported: without a check digit a 9-12
// digit group is no evidence.
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

int digit(char16_t c) { return c - u'0'; }

int weightedMod(std::u16string_view d, std::initializer_list<int> weights, int mod) {
  int sum = 0;
  size_t k = 0;
  for (int w : weights) sum += digit(d[k++]) * w;
  return sum % mod;
}

bool deCheck(std::u16string_view d) { return d[0] != u'0' && scan::mod11_10(d.substr(0, 8)) == digit(d[8]); }

bool atCheck(std::u16string_view d) {
  int sum = 0;
  for (size_t k = 0; k < 7; ++k) {
    const int p = digit(d[k]) * (k % 2 == 0 ? 1 : 2);
    sum += p / 10 + p % 10;
  }
  return (10 - (sum + 4) % 10) % 10 == digit(d[7]);
}

bool frCheck(std::u16string_view d) {
  int64_t siren = 0;
  for (char16_t c : d.substr(2)) siren = siren * 10 + digit(c);
  return digit(d[0]) * 10 + digit(d[1]) == (12 + 3 * (siren % 97)) % 97;
}

bool itCheck(std::u16string_view d) {  // Luhn over 11 digits
  int sum = 0;
  for (size_t k = 0; k < 11; ++k) {
    int x = digit(d[k]);
    if (k % 2 == 1) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
    sum += x;
  }
  return sum % 10 == 0;
}

bool beCheck(std::u16string_view d) {
  if (d[0] != u'0' && d[0] != u'1') return false;
  int64_t head = 0;
  for (char16_t c : d.substr(0, 8)) head = head * 10 + digit(c);
  return 97 - head % 97 == digit(d[8]) * 10 + digit(d[9]);
}

bool plCheck(std::u16string_view d) {
  const int r = weightedMod(d, {6, 5, 7, 2, 3, 4, 5, 6, 7}, 11);
  return r != 10 && r == digit(d[9]);
}

bool chCheck(std::u16string_view d) {
  const int r = 11 - weightedMod(d, {5, 4, 3, 2, 7, 6, 5, 4}, 11);
  return r != 10 && (r == 11 ? 0 : r) == digit(d[8]);
}

// d: "123456782B01". Old form: the first nine digits, weights 9..2 mod 11; new form (2020): "NL" and
// the rest, letters as 10..35, read as one number mod 97 == 1.
bool nlCheck(std::u16string_view d) {
  if (!digitsOnly(d.substr(0, 9)) || scan::asciiUpper(d[9]) != u'B' || !digitsOnly(d.substr(10))) return false;
  const int r = weightedMod(d, {9, 8, 7, 6, 5, 4, 3, 2}, 11);
  if (r != 10 && r == digit(d[8])) return true;
  int mod = 0;
  auto add = [&mod](int v) { mod = (v >= 10 ? mod * 100 + v : mod * 10 + v) % 97; };
  add(23), add(21);  // N, L
  for (char16_t c : d) add(scan::isDigit(c) ? digit(c) : scan::asciiUpper(c) - u'A' + 10);
  return mod == 1;
}

struct Country {
  std::u16string_view prefix;
  size_t body;                            // characters after the prefix
  std::initializer_list<size_t> breaks;   // where a separator may stand (offsets in the whole ID)
  bool (*check)(std::u16string_view body);
  bool digitsBody;                        // the body is digits only (NL has its 'B')
};

const Country kCountries[] = {
    {u"DE", 9, {2, 5, 8}, deCheck, true},        {u"ATU", 8, {3, 7}, atCheck, true},
    {u"FR", 11, {2, 4, 7, 10}, frCheck, true},   {u"IT", 11, {2}, itCheck, true},
    {u"BE", 10, {2, 6, 9}, beCheck, true},       {u"NL", 12, {2, 11}, nlCheck, false},
    {u"PL", 10, {2, 5, 7, 8, 9, 10}, plCheck, true}, {u"CHE", 9, {3, 6, 9}, chCheck, true},
};

bool prefixAt(std::u16string_view s, size_t i, std::u16string_view prefix) {
  if (i + prefix.size() > s.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k)
    if (scan::asciiUpper(s[i + k]) != prefix[k]) return false;
  return true;
}

const Country* countryOf(std::u16string_view id) {
  for (const Country& c : kCountries)
    if (id.size() == c.prefix.size() + c.body && prefixAt(id, 0, c.prefix)) return &c;
  return nullptr;
}

}  // namespace

bool vatIdValid(std::u16string_view id) {
  const Country* c = countryOf(id);
  if (!c) return false;
  const auto body = id.substr(c->prefix.size());
  if (c->digitsBody && !digitsOnly(body)) return false;
  return c->check(body);
}

namespace scan {

std::vector<Hit> findVatIds(std::u16string_view s) {
  std::vector<Hit> hits;
  std::u16string id;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (!isAsciiAlpha(s[i])) continue;
    size_t e = 0;
    for (const Country& c : kCountries) {
      if (!prefixAt(s, i, c.prefix) || !idStart(s, i)) continue;
      e = readGrouped(s, i, c.prefix.size() + c.body, c.breaks, u" -.", id);
      if (e != 0 && vatIdValid(id)) break;
      e = 0;
    }
    if (e == 0) continue;
    hits.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e), 0.9});
    i = e - 1;
  }
  return hits;
}

}  // namespace scan
}  // namespace rg::detect
