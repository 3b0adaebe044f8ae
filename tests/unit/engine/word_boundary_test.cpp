// The ASCII word boundaries a check decides without ICU (text/ascii_word_boundary.h) are ICU's:
// every offset they decide in every corpus text and in hand-made edge cases is compared with
// ICU's root word break iterator.
#include <filesystem>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "engine_test_util.h"
#include "text/ascii_word_boundary.h"

using namespace rgtest;

namespace {

// Offsets decided, and how many of them differ from ICU.
std::pair<size_t, size_t> compare(icu::BreakIterator& bi, const std::u16string& t) {
  UErrorCode st = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, t.data(), int64_t(t.size()), &st);
  bi.setText(&ut, st);
  size_t decided = 0, wrong = 0;
  for (size_t o = 0; o <= t.size(); ++o) {
    const int known = rg::text::asciiWordBoundary(t, o);
    if (known < 0) continue;
    ++decided;
    if ((known == 1) != bool(bi.isBoundary(int32_t(o)))) {
      ++wrong;
      UNSCOPED_INFO(rg::text::toUtf8(t) << " at " << o);
    }
  }
  utext_close(&ut);
  return {decided, wrong};
}

}  // namespace

TEST_CASE("ASCII word boundaries decided without ICU are ICU's") {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st));
  REQUIRE(U_SUCCESS(st));
  size_t decided = 0, wrong = 0, texts = 0;
  auto check = [&](const std::string& utf8) {
    auto [d, w] = compare(*bi, rg::text::toUtf16(utf8));
    decided += d;
    wrong += w;
    ++texts;
  };
  for (const char* t : {"can't stop", "e.g. this", "am 3.4. geplant", "a  b", "U.S.A (x)", "hello(world)", "x!y?z",
                        "Ticket 12: ok", "1,5 Mio", "a\u00a0b", "(a) b", "?? !! () )(", "sh!t id!ot", "a b\tc\nd",
                        "word's end", "x_y z", "a:b c", "10115 Berlin!", "émoji 👍 ok", "don\u2019t go"})
    check(t);
  const std::filesystem::path dir = std::filesystem::path(RG_SOURCE_DIR) / "tests/corpus";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".jsonl") continue;
    std::istringstream lines(readFile("tests/corpus/" + e.path().filename().string()));
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) check(json::parse(line).at("text").get<std::string>());
  }
  CHECK(texts > 1000);
  CHECK(decided > 100000);
  CHECK(wrong == 0);
}
