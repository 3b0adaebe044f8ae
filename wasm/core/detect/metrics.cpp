// Grapheme counting with an ASCII/Latin fast path, caps ratio, exclamation runs.
#include "detect/metrics.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>

namespace rg::metrics {
namespace {

// Below U+0300 no character extends or joins a cluster; only CR LF pairs.
bool belowCombiningMarks(std::u16string_view text) {
  for (char16_t c : text)
    if (c >= 0x0300) return false;
  return true;
}

icu::BreakIterator* characterIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> cached = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return cached.get();
}

// Walks grapheme boundaries; calls onBoundary(offset) for each boundary after 0 until it returns
// false. Without ICU data (a broken wasm build) it falls back to code points.
template <typename F>
void forEachBoundary(std::u16string_view text, F onBoundary) {
  if (text.empty()) return;
  if (belowCombiningMarks(text)) {
    for (size_t i = 0; i < text.size();) {
      i += (text[i] == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') ? 2 : 1;
      if (!onBoundary(i)) return;
    }
    return;
  }
  icu::BreakIterator* it = characterIterator();
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  if (it != nullptr && U_SUCCESS(status)) it->setText(&ut, status);
  if (it == nullptr || U_FAILURE(status)) {
    utext_close(&ut);
    for (size_t i = 0; i < text.size();) {
      i += (U16_IS_LEAD(text[i]) && i + 1 < text.size() && U16_IS_TRAIL(text[i + 1])) ? 2 : 1;
      if (!onBoundary(i)) return;
    }
    return;
  }
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next())
    if (!onBoundary(static_cast<size_t>(b))) break;
  // Detach from the caller's buffer so the cached iterator never holds a dangling text.
  UText empty = UTEXT_INITIALIZER;
  UErrorCode ignored = U_ZERO_ERROR;
  utext_openUChars(&empty, u"", 0, &ignored);
  it->setText(&empty, ignored);
  utext_close(&empty);
  utext_close(&ut);
}

}  // namespace

uint32_t graphemeCount(std::u16string_view text) {
  if (belowCombiningMarks(text)) {
    uint32_t n = static_cast<uint32_t>(text.size());
    for (size_t i = 0; i + 1 < text.size(); ++i)
      if (text[i] == u'\r' && text[i + 1] == u'\n') --n;
    return n;
  }
  uint32_t n = 0;
  forEachBoundary(text, [&](size_t) {
    ++n;
    return true;
  });
  return n;
}

uint32_t graphemeOffset(std::u16string_view text, uint32_t n) {
  if (n == 0) return 0;
  uint32_t seen = 0;
  size_t offset = text.size();
  forEachBoundary(text, [&](size_t b) {
    if (++seen == n) {
      offset = b;
      return false;
    }
    return true;
  });
  return static_cast<uint32_t>(offset);
}

CapsCount capsRatio(std::u16string_view text) {
  CapsCount count;
  for (size_t i = 0; i < text.size();) {
    UChar32 c;
    U16_NEXT(text.data(), i, text.size(), c);
    if (c < 0x80) {  // (ICU's answer for ASCII, without the calls)
      const bool upper = c >= 'A' && c <= 'Z';
      if (upper || (c >= 'a' && c <= 'z')) ++count.letters, count.upper += upper;
      continue;
    }
    if (u_isUAlphabetic(c)) {
      ++count.letters;
      if (u_isupper(c)) ++count.upper;
    }
  }
  return count;
}

namespace {

// Marks a run is made of: 0 = not part of a run, otherwise how many marks it counts for.
// exclaim receives whether it holds an exclamation mark.
uint32_t markWeight(char16_t c, bool* exclaim) {
  switch (c) {
    case u'!': case 0xFF01: case 0x2757: case 0x2755: *exclaim = true; return 1;  // ! ！ ❗ ❕
    case 0x203C: case 0x2049: case 0x2048: *exclaim = true; return 2;             // ‼ ⁉ ⁈
    case u'?': case 0xFF1F: case 0x2753: case 0x2754: *exclaim = false; return 1;  // ? ？ ❓ ❔
    case 0x2047: *exclaim = false; return 2;                                       // ⁇
    default: *exclaim = false; return 0;
  }
}

bool isVariationSelector(char16_t c) { return c == 0xFE0E || c == 0xFE0F; }

}  // namespace

std::vector<Span> exclamationRuns(std::u16string_view text, uint32_t max) {
  std::vector<Span> runs;
  size_t i = 0;
  while (i < text.size()) {
    bool exclaim = false;
    if (markWeight(text[i], &exclaim) == 0) {
      ++i;
      continue;
    }
    const size_t begin = i;
    uint32_t marks = 0;
    bool anyExclaim = false;
    while (i < text.size()) {
      const uint32_t w = markWeight(text[i], &exclaim);
      if (w == 0 && !isVariationSelector(text[i])) break;
      marks += w;
      anyExclaim = anyExclaim || exclaim;
      ++i;
    }
    if (anyExclaim && marks > max) runs.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(i)});
  }
  return runs;
}

}  // namespace rg::metrics
