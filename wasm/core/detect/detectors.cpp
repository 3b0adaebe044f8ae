// Entry points of the detectors: name lookup, folding, dispatch to the per-kind scanners.
#include "detect/detectors.h"

#include <algorithm>

#include <unicode/uchar.h>

#include "detect/phone_numbers.h"
#include "detect/scan.h"

namespace rg::detect {

std::optional<Kind> kindFromName(std::string_view name) {
  if (name == "email") return Kind::Email;
  if (name == "phone") return Kind::Phone;
  if (name == "iban") return Kind::Iban;
  if (name == "card") return Kind::Card;
  if (name == "url") return Kind::Url;
  if (name == "handle") return Kind::Handle;
  if (name == "de_tax_id") return Kind::DeTaxId;
  if (name == "vat_id") return Kind::VatId;
  if (name == "de_id_document") return Kind::DeIdDocument;
  if (name == "de_kvnr") return Kind::DeKvnr;
  if (name == "de_rvnr") return Kind::DeRvnr;
  return std::nullopt;
}

std::vector<Hit> find(Kind kind, std::u16string_view text, std::span<const char* const> phoneRegions) {
  std::u16string buffer;
  return findFolded(kind, foldForDetectors(text, buffer), phoneRegions);
}

std::u16string_view foldForDetectors(std::u16string_view text, std::u16string& buffer) {
  // (most texts have no full-width form: then the text is read as it is, without a copy)
  for (size_t i = 0; i < text.size(); ++i)
    if (scan::foldUnit(text[i]) != text[i]) {
      buffer = scan::fold(text);
      return buffer;
    }
  return text;
}

std::vector<Hit> findFolded(Kind kind, std::u16string_view folded, std::span<const char* const> phoneRegions) {
  switch (kind) {
    case Kind::Email: return scan::findEmails(folded);
    case Kind::Phone: return scan::findPhones(folded, phoneRegions.empty() ? std::span<const char* const>(kPhoneRegions) : phoneRegions);
    case Kind::Iban: return scan::findIbans(folded);
    case Kind::Card: return scan::findCards(folded);
    case Kind::Url: return scan::findUrls(folded);
    case Kind::Handle: return scan::findHandles(folded);
    case Kind::DeTaxId: return scan::findTaxIds(folded);
    case Kind::VatId: return scan::findVatIds(folded);
    case Kind::DeIdDocument: return scan::findIdDocuments(folded);
    case Kind::DeKvnr: return scan::findKvnrs(folded);
    case Kind::DeRvnr: return scan::findRvnrs(folded);
  }
  return {};
}

namespace scan {
thread_local uint64_t reads = 0;

std::u16string fold(std::u16string_view text) {
  std::u16string out(text);
  for (char16_t& c : out) c = foldUnit(c);
  return out;
}

char32_t codePointAt(std::u16string_view s, size_t i, size_t* len) {
  ++reads;
  char32_t c = s[i];
  size_t l = 1;
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
    c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
    l = 2;
  }
  if (len) *len = l;
  return c;
}

char32_t codePointBefore(std::u16string_view s, size_t i, size_t* len) {
  ++reads;
  char32_t c = s[i - 1];
  size_t l = 1;
  if (c >= 0xDC00 && c <= 0xDFFF && i >= 2 && s[i - 2] >= 0xD800 && s[i - 2] <= 0xDBFF) {
    c = 0x10000 + ((static_cast<char32_t>(s[i - 2]) - 0xD800) << 10) + (c - 0xDC00);
    l = 2;
  }
  if (len) *len = l;
  return c;
}

// ICU's u_isalnum for ASCII, without the call (the detectors ask at nearly every offset).
inline bool asciiAlnum(UChar32 c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

bool alnumAt(std::u16string_view s, size_t i) {
  if (i >= s.size()) return false;
  const auto c = static_cast<UChar32>(codePointAt(s, i));
  return c < 0x80 ? asciiAlnum(c) : u_isalnum(c);
}

bool wordCharBefore(std::u16string_view s, size_t i) {
  if (i == 0 || i > s.size()) return false;
  const auto c = static_cast<UChar32>(codePointBefore(s, i));
  if (c < 0x80) return asciiAlnum(c);  // (no ASCII character is a mark)
  if (u_isalnum(c)) return true;
  const int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

size_t readGrouped(std::u16string_view s, size_t i, size_t want, std::initializer_list<size_t> breaks,
                   std::u16string_view seps, std::u16string& out) {
  out.clear();
  size_t e = i;
  while (e < s.size() && out.size() < want) {
    if (isAsciiAlnum(s[e])) {
      out.push_back(s[e++]);
      continue;
    }
    const bool atBreak = std::find(breaks.begin(), breaks.end(), out.size()) != breaks.end();
    if (!atBreak || out.empty() || seps.find(s[e]) == std::u16string_view::npos || e + 1 >= s.size() ||
        !isAsciiAlnum(s[e + 1]))
      break;
    ++e;
  }
  noteReads(e - i + 1);
  if (out.size() != want || alnumAt(s, e)) return 0;
  if (e + 1 < s.size() && (s[e] == u'-' || s[e] == u'.' || s[e] == u'/' || s[e] == u'_') && isAsciiAlnum(s[e + 1]))
    return 0;  // "12345678995-7": one token that is longer
  return e;
}

bool idStart(std::u16string_view s, size_t i) {
  if (wordCharBefore(s, i)) return false;
  // The rest of a digit group: "0 12345678903", "030-12345678903".
  if (i >= 2 && (isNumberSpace(s[i - 1]) || s[i - 1] == u'-' || s[i - 1] == u'/' || s[i - 1] == u'.') &&
      isDigit(s[i - 2]))
    return false;
  return true;
}

bool letterAt(std::u16string_view s, size_t i) {
  return i < s.size() && u_isalpha(static_cast<UChar32>(codePointAt(s, i)));
}

}  // namespace scan

uint64_t codePointReads() { return scan::reads; }

}  // namespace rg::detect
