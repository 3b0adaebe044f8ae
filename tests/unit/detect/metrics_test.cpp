#include <catch2/catch.hpp>

#include "detect/metrics.h"

using namespace rg::metrics;

TEST_CASE("graphemeCount fast path and CR LF", "[detect]") {
  CHECK(graphemeCount(u"") == 0);
  CHECK(graphemeCount(u"Hallo") == 5);
  CHECK(graphemeCount(u"Grüße") == 5);
  CHECK(graphemeCount(u"a\r\nb") == 3);
  CHECK(graphemeCount(u"a\n\rb") == 4);
}

TEST_CASE("graphemeCount with emoji, flags, combining marks", "[detect]") {
  CHECK(graphemeCount(u"👩‍👩‍👧‍👦") == 1);          // ZWJ family: 11 code units
  CHECK(graphemeCount(u"hi 👍🏽!") == 5);              // skin tone modifier
  CHECK(graphemeCount(u"🇩🇪🇺🇸") == 2);              // two flags, four regional indicators
  CHECK(graphemeCount(u"e\u0301e\u0301") == 2);       // decomposed é
  CHECK(graphemeCount(u"Z\u0351\u036b\u0343\u036a") == 1);
  CHECK(graphemeCount(u"❤️") == 1);                    // with variation selector
  CHECK(graphemeCount(u"한국어") == 3);
}

TEST_CASE("graphemeOffset gives the start of the n-th cluster", "[detect]") {
  const std::u16string_view t = u"a👩‍👩‍👧b🇩🇪c";
  CHECK(graphemeOffset(t, 0) == 0);
  CHECK(graphemeOffset(t, 1) == 1);
  CHECK(graphemeOffset(t, 2) == 9);   // after the 8-unit family
  CHECK(graphemeOffset(t, 3) == 10);  // flag: 4 units
  CHECK(graphemeOffset(t, 4) == 14);
  CHECK(graphemeOffset(t, 5) == 15);  // n == count: end of text
  CHECK(graphemeOffset(t, 99) == 15);
  CHECK(graphemeOffset(u"ab\r\ncd", 3) == 4);
  CHECK(graphemeOffset(u"abc", 2) == 2);
  CHECK(graphemeOffset(u"", 1) == 0);
}

TEST_CASE("capsRatio counts Unicode letters", "[detect]") {
  const CapsCount c = capsRatio(u"HALLO Welt! ÄÖÜ 123 😀");
  CHECK(c.letters == 12);
  CHECK(c.upper == 9);
  CHECK(c.ratio() == Approx(0.75));
  CHECK(capsRatio(u"ΑΒΓ δ").upper == 3);
  CHECK(capsRatio(u"1234 !!!").letters == 0);
  CHECK(capsRatio(u"").ratio() == 0.0);
  CHECK(capsRatio(u"straße").upper == 0);
}

TEST_CASE("exclamationRuns finds runs longer than max", "[detect]") {
  auto runs = exclamationRuns(u"Wow!! Really?!?! Ok! ??? ！！！", 2);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].begin == 12);
  CHECK(runs[0].end == 16);
  CHECK(runs[1].begin == 25);
  CHECK(runs[1].end == 28);
  CHECK(exclamationRuns(u"Wow!!", 2).empty());
  CHECK(exclamationRuns(u"What???", 1).empty());  // no exclamation mark
  runs = exclamationRuns(u"Hey‼‼", 3);            // each ‼ counts 2
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].begin == 3);
  CHECK(runs[0].end == 5);
  runs = exclamationRuns(u"Achtung❗️❗️", 1);      // emoji with variation selectors
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].begin == 7);
  CHECK(runs[0].end == 11);
  CHECK(exclamationRuns(u"", 0).empty());
  CHECK(exclamationRuns(u"!", 0).size() == 1);
}

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>
#include <random>

namespace {
uint32_t icuGraphemes(const std::u16string& s) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  REQUIRE(U_SUCCESS(status));
  const icu::UnicodeString text(false, s.data(), static_cast<int32_t>(s.size()));
  it->setText(text);
  uint32_t n = 0;
  while (it->next() != icu::BreakIterator::DONE) ++n;
  return n;
}
}  // namespace

TEST_CASE("graphemeCount fast path agrees with ICU below U+0300", "[detect]") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> unit(0, 0x2FF);
  for (int round = 0; round < 300; ++round) {
    std::u16string s;
    const int n = round % 40;
    for (int k = 0; k < n; ++k) s.push_back(static_cast<char16_t>(k % 5 == 0 ? (k % 2 ? u'\r' : u'\n') : unit(rng)));
    INFO("round " << round);
    CHECK(graphemeCount(s) == icuGraphemes(s));
    // Append a combining mark: now the ICU path runs and must agree as well.
    s.push_back(0x0301);
    CHECK(graphemeCount(s) == icuGraphemes(s));
  }
}
