// Internal helpers shared by the detectors (not part of the core's surface).
//
// Every detector scans a "folded" copy of the text in which full-width ASCII forms (U+FF01..U+FF5E,
// e.g. '１', '＠', 'Ａ') and the ideographic space become their ASCII counterparts. Folding is one
// code unit to one code unit, so offsets in the folded copy are offsets in the original text.
// Digits: ASCII and full-width only; other scripts' digits (Arabic-Indic, Devanagari...) are not
// accepted, because numbers in German and English replies are written with these.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "detect/detectors.h"

namespace rg::detect::scan {

inline char16_t foldUnit(char16_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return static_cast<char16_t>(c - 0xFF01 + 0x21);
  if (c == 0x3000) return u' ';
  return c;
}

std::u16string fold(std::u16string_view text);

inline bool isDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
inline bool isAsciiAlpha(char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
inline bool isAsciiAlnum(char16_t c) { return isDigit(c) || isAsciiAlpha(c); }
inline char16_t asciiUpper(char16_t c) { return (c >= u'a' && c <= u'z') ? static_cast<char16_t>(c - 32) : c; }
inline char16_t asciiLower(char16_t c) { return (c >= u'A' && c <= u'Z') ? static_cast<char16_t>(c + 32) : c; }
// Space-like separators inside numbers: space, no-break space, narrow no-break space.
inline bool isNumberSpace(char16_t c) { return c == u' ' || c == 0x00A0 || c == 0x202F; }

// The work counter behind codePointReads(); scanners that walk raw runs add what they read.
extern thread_local uint64_t reads;
inline void noteReads(size_t n) { reads += n; }

// Code point starting at i (a lone surrogate is returned as itself); len receives 1 or 2.
char32_t codePointAt(std::u16string_view s, size_t i, size_t* len = nullptr);
// Code point ending just before i (i > 0); len receives 1 or 2.
char32_t codePointBefore(std::u16string_view s, size_t i, size_t* len = nullptr);

// Unicode letter or digit (ICU u_isalnum) for the code point at an offset; false at the end.
bool alnumAt(std::u16string_view s, size_t i);
bool letterAt(std::u16string_view s, size_t i);
// Letter, digit or combining mark before i: the previous character belongs to a word ("é" may be
// "e" + U+0301), so nothing that must start a token starts at i.
bool wordCharBefore(std::u16string_view s, size_t i);

// Per-kind scanners over the folded text (detect_*.cpp).
std::vector<Hit> findEmails(std::u16string_view folded);
// Candidates of the scanner below, kept when libphonenumber finds them valid in one of `regions`.
std::vector<Hit> findPhones(std::u16string_view folded, std::span<const char* const> regions);
std::vector<Hit> findIbans(std::u16string_view folded);
std::vector<Hit> findCards(std::u16string_view folded);
std::vector<Hit> findUrls(std::u16string_view folded);
std::vector<Hit> findHandles(std::u16string_view folded);
std::vector<Hit> findTaxIds(std::u16string_view folded);
std::vector<Hit> findVatIds(std::u16string_view folded);
std::vector<Hit> findIdDocuments(std::u16string_view folded);
std::vector<Hit> findKvnrs(std::u16string_view folded);
std::vector<Hit> findRvnrs(std::u16string_view folded);

// An identifier written compact or in its usual groups: reads `want` ASCII letters/digits from i;
// after each count listed in `breaks` one separator out of `seps` may stand ("12 345 678 903").
// Returns the end offset when exactly `want` characters were read and no letter or digit follows
// (nor a separator and another one: the token goes on), else 0. `out` receives the characters.
size_t readGrouped(std::u16string_view s, size_t i, size_t want, std::initializer_list<size_t> breaks,
                   std::u16string_view seps, std::u16string& out);
// True when an identifier may start at i: not inside a word, and not the continuation of a
// digit group ("030 12345678903" is not a tax ID after a space).
bool idStart(std::u16string_view s, size_t i);

// Domain names (email, url, handle). Labels: Unicode letters/digits and inner hyphens. Returns the
// end of the longest "label(.label)+" starting at i whose last label is a plausible TLD (2+ ASCII
// letters or xn--...), trailing dots/hyphens excluded; or i when there is none. tldBegin receives
// the offset of the last label.
size_t scanDomain(std::u16string_view s, size_t i, size_t* tldBegin = nullptr);
// Common TLDs for bare domains ("example.com/help"), lower-case ASCII compare.
bool knownTld(std::u16string_view tld);

}  // namespace rg::detect::scan
