// Text metrics for the `metric` rules (length, caps_ratio, exclamation_run) on the ORIGINAL text.
// All offsets are UTF-16 code units. Cheap enough to run on every keystroke: texts made only of
// characters below U+0300 (ASCII, Latin-1, Latin Extended: all of German and English) never touch
// ICU; other texts reuse one cached ICU character BreakIterator (the core is single-threaded in
// wasm; natively the cache is thread_local).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace rg::metrics {

struct Span {
  uint32_t begin;
  uint32_t end;
};

// User-perceived characters (extended grapheme clusters): "👩‍👩‍👧" and "🇩🇪" count 1, "e\u0301" counts
// 1, CR LF counts 1.
uint32_t graphemeCount(std::u16string_view text);

// UTF-16 offset where grapheme cluster n (0-based) starts; text.size() when n >= graphemeCount.
// The "beyond the limit" span of a length rule is [graphemeOffset(text, max), text.size()).
uint32_t graphemeOffset(std::u16string_view text, uint32_t n);

struct CapsCount {
  uint32_t letters = 0;  // code points with the Alphabetic property (u_isUAlphabetic)
  uint32_t upper = 0;    // of those, general category Lu (u_isupper)
  double ratio() const { return letters == 0 ? 0.0 : static_cast<double>(upper) / letters; }
};
CapsCount capsRatio(std::u16string_view text);

// Runs of exclamation marks longer than max marks. A run is a maximal sequence of '!' '?' and
// their full-width / emoji forms (！ ？ ‼ ⁉ ⁈ ⁇ ❗ ❕ ❓ ❔, variation selectors inside are kept)
// that holds at least one exclamation mark; "‼" and the other doubles count 2. "?!?!" is a
// run of 4, "???" is no exclamation run.
std::vector<Span> exclamationRuns(std::u16string_view text, uint32_t max);

}  // namespace rg::metrics
