#include "compound.h"

#include <string_view>

#include <unicode/uchar.h>

#include "text/utf.h"

namespace rg::match {
namespace {

bool isLetter(char16_t c) {
  if (c < 0x80) return (c | 0x20) >= u'a' && (c | 0x20) <= u'z';
  return !text::isSurrogate(c) && u_isalpha(c);
}

// German and English inflection endings a compound's head may carry ("Vollidioten", "Deppen").
bool isInflection(std::u16string_view s) {
  static constexpr std::u16string_view kEndings[] = {u"", u"e", u"en", u"n", u"s", u"es", u"er", u"ern", u"em", u"ens", u"nen"};
  for (std::u16string_view e : kEndings)
    if (s == e) return true;
  return false;
}

}  // namespace

bool compoundPart(const text::View& v, size_t start, size_t end, bool startsWord) {
  if (startsWord) return true;
  // Not at the start: the occurrence must be the head, so only an inflection may follow it.
  if (start == 0 || !isLetter(v.text[start - 1])) return false;
  size_t e = end;
  while (e < v.size() && isLetter(v.text[e])) ++e;
  return e - end <= 3 && isInflection(std::u16string_view(v.text).substr(end, e - end));
}

}  // namespace rg::match
