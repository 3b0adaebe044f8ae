// Folded "views" of a UTF-16 text. Matching runs on a view; every code unit of a view remembers
// the span of the ORIGINAL text it came from, so findings always carry original offsets.
//
// Base view (always): NFKC_Casefold per normalization segment, default-ignorables and leftover
// non-spacing marks removed, letters of other scripts that look like Latin letters folded to them
// (Cyrillic "а" -> "a"), German ä/ö/ü -> ae/oe/ue, lone surrogates -> U+FFFD.
// Optional passes on top of the base view (a rule opts in): leet, separators, repeats.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rg::text {

// Bit set of optional passes; 0 is the base view. Passes run in this order: leet, separators, repeats.
enum Obfuscation : uint8_t { kLeet = 1, kSeparators = 2, kRepeats = 4 };
using ViewKind = uint8_t;
constexpr int kViewKinds = 8;

struct Span {
  uint32_t begin;  // UTF-16 offsets into the original text
  uint32_t end;
};

struct View {
  std::u16string text;         // folded code units
  std::vector<Span> map;       // per folded unit: its original span
  std::vector<uint8_t> obf;    // per folded unit: 1 if an optional pass changed it (empty = none)

  void clear() { text.clear(); map.clear(); obf.clear(); }
  size_t size() const { return text.size(); }
  // True if unit k starts a new original span (not the 2nd unit of an expansion such as "ﬁ" -> "fi").
  bool startsSpan(size_t k) const { return k == 0 || map[k].begin != map[k - 1].begin; }
  bool endsSpan(size_t k) const { return k + 1 >= map.size() || map[k].end != map[k + 1].end; }
};

// Base folding (ICU normalizer + spoof checker are process-wide and immutable once created).
// Returns false only if ICU data is missing; `out` then holds a plain lower-cased copy.
bool foldBase(std::u16string_view original, View& out);

// Applies the optional passes of `kind` to `base`; `out` must differ from `base`.
void applyPasses(const View& base, ViewKind kind, View& out);
// Same without copying: returns `base` itself when no pass changes anything, else a or b.
const View& applyPasses(const View& base, ViewKind kind, View& a, View& b);

// Folds a term (or exception, allow phrase, context word) exactly as text is folded for `kind`.
std::u16string foldTerm(std::u16string_view term, ViewKind kind);

// The single passes, exposed for tests.
void leetPass(const View& in, View& out);
void separatorPass(const View& in, View& out);
void repeatPass(const View& in, View& out);

// Confusable folding of one code point of a non-Latin script: writes ASCII lower-case letters
// to `out` and returns their count, or 0 if the code point does not look like Latin letters.
int confusableToLatin(char32_t cp, char16_t out[8]);

}  // namespace rg::text
