// German identity card (Personalausweis since 11/2010) and passport (Reisepass) numbers: nine
// characters of the ICAO 9303 document-number charset Germany uses (digits and the consonants
// C F G H J K L M N P R T V W X Y Z, no vowels, no B D Q S), the first a letter (the authority
// code starts with one), the ninth the check digit: weights 7, 3, 1 repeating over the first eight,
// letters count A=10 ... Z=35, sum mod 10. At least one digit among the first eight, so no word
// of consonants is taken. The older card format (T + 8 digits, expired since 2020) is not reported.
#include "detect/scan.h"

namespace rg::detect {
namespace {

bool icaoLetter(char16_t c) {
  c = scan::asciiUpper(c);
  // (bits of A B D E I O Q S U, the letters the charset leaves out)
  constexpr uint32_t kLeftOut = 1u << 0 | 1u << 1 | 1u << 3 | 1u << 4 | 1u << 8 | 1u << 14 | 1u << 16 | 1u << 18 | 1u << 20;
  return c >= u'A' && c <= u'Z' && !((kLeftOut >> (c - u'A')) & 1);
}

int icaoValue(char16_t c) {
  c = scan::asciiUpper(c);
  return scan::isDigit(c) ? c - u'0' : c - u'A' + 10;
}

}  // namespace

bool idDocumentValid(std::u16string_view id) {
  if (id.size() != 9 || !icaoLetter(id[0]) || !scan::isDigit(id[8])) return false;
  static constexpr int kWeights[3] = {7, 3, 1};
  int sum = 0;
  bool digit = false;
  for (size_t k = 0; k < 8; ++k) {
    if (!scan::isDigit(id[k]) && !icaoLetter(id[k])) return false;
    digit = digit || scan::isDigit(id[k]);
    sum += icaoValue(id[k]) * kWeights[k % 3];
  }
  return digit && sum % 10 == id[8] - u'0';
}

namespace scan {

std::vector<Hit> findIdDocuments(std::u16string_view s) {
  std::vector<Hit> hits;
  std::u16string id;
  for (size_t i = 0; i + 8 < s.size(); ++i) {
    // The ninth character, the check digit, is a digit: the rarest condition, tested first.
    if (!isDigit(s[i + 8]) || !icaoLetter(s[i]) || !idStart(s, i)) continue;
    const size_t e = readGrouped(s, i, 9, {}, u"", id);
    if (e == 0 || !idDocumentValid(id)) continue;
    hits.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e), 0.6});
    i = e - 1;
  }
  return hits;
}

}  // namespace scan
}  // namespace rg::detect
