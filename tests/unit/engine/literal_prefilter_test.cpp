// Literal prefilters are sound: whenever ICU finds a match, the pattern's requirement holds on the
// text. Checked for every pattern of the bundles in the repository against the corpus and every
// example; and the requirements read from typical patterns are the expected ones.
#include <algorithm>
#include <memory>
#include <sstream>

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "engine_test_util.h"
#include "policy/literal_prefilter.h"

using namespace rgtest;
using rg::policy::requirementOf;

namespace {

std::u16string fold(std::u16string_view t) {
  UErrorCode st = U_ZERO_ERROR;
  std::u16string f(t.size() * 3 + 4, u'\0');
  int32_t n = u_strFoldCase(reinterpret_cast<UChar*>(f.data()), int32_t(f.size()),
                            reinterpret_cast<const UChar*>(t.data()), int32_t(t.size()), U_FOLD_CASE_DEFAULT, &st);
  f.resize(size_t(n));
  return f;
}

bool holds(const rg::policy::PatternRequirement& r, std::u16string_view text) {
  const std::u16string f = r.caseInsensitive ? fold(text) : std::u16string(text);
  bool digit = false;
  for (char16_t c : text) digit |= u_charType(c) == U_DECIMAL_DIGIT_NUMBER || U16_IS_SURROGATE(c);
  for (const auto& clause : r.clauses) {
    bool any = false;
    for (const auto& l : clause) any |= l.digit ? digit : f.find(l.text) != std::u16string::npos;
    if (!any) return false;
  }
  return true;
}

std::vector<std::string> literalsOf(const char* pattern, uint32_t flags = 0) {
  std::vector<std::string> out;
  for (const auto& c : requirementOf(rg::text::toUtf16(pattern), flags).clauses) {
    std::string s;
    for (const auto& l : c) s += (s.empty() ? "" : "|") + (l.digit ? std::string("\\d") : rg::text::toUtf8(l.text));
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("prefilter: requirements of typical patterns", "[engine][prefilter]") {
  using V = std::vector<std::string>;
  CHECK(literalsOf("[\\p{L}.]+@[\\p{L}-]+\\.\\p{L}{2,}") == V{"@", "."});
  CHECK(literalsOf("\\b(order|bestellung)\\s*#?\\d{6,}", UREGEX_CASE_INSENSITIVE) == V{"order|bestellung", "\\d"});
  CHECK(literalsOf("(?i)Straße") == V{"strasse"});  // full case folding: also found in "STRASSE"
  CHECK(literalsOf("(?=[\\p{L}*#]*[*#])\\p{L}+") == V{"*|#"});
  CHECK(literalsOf("a?b*c{0,3}").empty());           // nothing is required
  CHECK(literalsOf("abc|\\w+").empty());              // one branch requires nothing
  CHECK(literalsOf("x(?!yz)") == V{"x"});             // a negative lookahead requires nothing
  CHECK(literalsOf("a b", UREGEX_COMMENTS).empty());  // x flag: not read
  CHECK(literalsOf("\\Qa.b\\E+") == V{"a.", "b"});
  CHECK(literalsOf("(unbalanced").empty());
}

TEST_CASE("prefilter: case-insensitive patterns still find folded spellings", "[engine][prefilter]") {
  auto p = load(bundleWith({rule("street", "pattern", {{"pattern", "straße \\d+"}, {"flags", {"i"}}}),
                            rule("order", "pattern", {{"pattern", "ORDER #\\d{6}"}})}));
  CHECK(spans(check(*p, "Hauptstrasse 5 und STRASSE 7")) == Spans{"street@5-14", "street@19-28"});
  CHECK(spans(check(*p, "order #123456")) == Spans{});
  CHECK(spans(check(*p, "ORDER #123456")) == Spans{"order@0-13"});
  CHECK(spans(check(*p, "ORDER #١٢٣٤٥٦")) == Spans{"order@0-13"});  // \d is any decimal digit
}

TEST_CASE("prefilter: sound for every pattern of the repository's bundles on corpus and examples", "[engine][prefilter]") {
  std::vector<std::u16string> texts;
  std::istringstream corpus(readFile("tests/corpus/corpus.jsonl"));
  for (std::string line; std::getline(corpus, line);)
    if (!line.empty()) texts.push_back(rg::text::toUtf16(json::parse(line)["text"].get<std::string>()));
  size_t patterns = 0, filtered = 0, matched = 0;
  for (const char* file : {"policies/default/bundle.json", "policies/examples/telecom.json", "tests/vectors/vectors_bundle.json"}) {
    json b = json::parse(readFile(file));
    for (const json& r : b["rules"]) {
      std::vector<std::pair<std::string, uint32_t>> srcs;
      auto add = [&](const json& m) {
        if (!m.contains("pattern")) return;
        uint32_t f = 0;
        for (const json& x : m.value("flags", json::array())) f |= x == "i" ? UREGEX_CASE_INSENSITIVE : UREGEX_COMMENTS;
        srcs.push_back({m["pattern"], f});
      };
      add(r);
      for (const char* k : {"trigger", "requires", "forbids"})
        if (r.contains(k)) add(r[k]);
      std::vector<std::u16string> mine = texts;
      for (const char* k : {"flag", "pass"})
        for (const json& e : r["examples"][k]) mine.push_back(rg::text::toUtf16(e.is_string() ? e.get<std::string>() : e["text"].get<std::string>()));
      for (const auto& [src, flags] : srcs) {
        ++patterns;
        const auto req = requirementOf(rg::text::toUtf16(src), flags);
        filtered += !req.clauses.empty();
        UErrorCode st = U_ZERO_ERROR;
        UParseError pe;
        std::unique_ptr<icu::RegexPattern> re(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(src), flags, pe, st));
        REQUIRE(U_SUCCESS(st));
        for (const std::u16string& t : mine) {
          icu::UnicodeString in(false, t.data(), int32_t(t.size()));
          std::unique_ptr<icu::RegexMatcher> m(re->matcher(in, st));
          m->setTimeLimit(200, st);
          if (m->find(st) && U_SUCCESS(st)) {
            ++matched;
            INFO(r["id"].get<std::string>() << ": " << rg::text::toUtf8(t));
            CHECK(holds(req, t));
          }
          st = U_ZERO_ERROR;
        }
      }
    }
  }
  CHECK(patterns >= 15);
  CHECK(filtered * 10 >= patterns * 8);  // most patterns have a prefilter
  CHECK(matched > 100);
}

namespace {

std::vector<std::string> startsOf(const char* pattern, uint32_t flags = 0) {
  std::vector<std::string> out;
  for (const auto& l : requirementOf(rg::text::toUtf16(pattern), flags).starts)
    out.push_back((l.back.empty() ? "" : rg::text::toUtf8(l.back) + " ") + (l.digit ? std::string("\\d") : rg::text::toUtf8(l.text)));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("prefilter: the literals every match starts with", "[engine][prefilter]") {
  using V = std::vector<std::string>;
  CHECK(startsOf("\\b(order|bestellung)\\s*#?\\d{6,}", UREGEX_CASE_INSENSITIVE) == V{"bestellung", "order"});
  CHECK(startsOf("(?<![\\w+])(?=\\d)\\(?0\\d+") == V{"(", "0"});  // assertions consume nothing; "(" is optional
  CHECK(startsOf("a?b") == V{"a", "b"});
  CHECK(startsOf("x|\\d{3}") == V{"\\d", "x"});
  CHECK(startsOf("(?i)Straße \\d") == V{"strasse "});
  CHECK(startsOf("[£$€]\\s?\\d") == V{"$", "£", "€"});
  CHECK(startsOf("\\w+x").empty());     // a class: may start almost anywhere
  CHECK(startsOf("a*").empty());        // may match nothing
  CHECK(startsOf("(?:a|)b").empty());  // an empty branch: conservatively anywhere
  CHECK(startsOf("abc|.x").empty());    // one branch may start anywhere
  CHECK(startsOf("a b", UREGEX_COMMENTS).empty());
}

TEST_CASE("prefilter: leading classes start a match in the run before the literal", "[engine][prefilter]") {
  using V = std::vector<std::string>;
  // A capital word that ends in a street word: tried only in letter runs that end at one.
  CHECK(startsOf("(?<![\\p{L}])\\p{Lu}[\\p{L}-]*(?:weg|str\\.)\\s+\\d") ==
        V{"[\\p{Lu}[\\p{L}-]] str.", "[\\p{Lu}[\\p{L}-]] weg"});
  CHECK(startsOf("\\b[A-Z]{1,2}\\d[A-Z]{2}|\\d{5}") == V{"[[A-Z]] \\d", "\\d"});
  CHECK(startsOf("[A-C][D-F]\\s?\\d") == V{"[[A-C][D-F][\\u0009-\\u000D\\u0085\\p{Z}\\p{WhiteSpace}]] \\d"});
  CHECK(startsOf("\\p{Lu}a?weg").empty());      // an optional literal after the class: anywhere
  CHECK(startsOf("\\p{Lu}[\\p{L}-]*").empty());   // nothing after the classes
  CHECK(startsOf("[\\w-]+weg").empty());         // \w is not read as a set
  CHECK(startsOf("[a-z&&[^x]]weg").empty());     // set operators are not read either
  CHECK(startsOf("\\p{Lu}(?:weg)?x").empty());  // the part after the classes must consume
}

// A pattern tried only where its start literals occur finds exactly what ICU's find() finds over
// the whole text: every pattern of the repository's bundles on every corpus line, on long texts of
// 40 lines each (many matches, starts inside earlier matches), and on the examples.
TEST_CASE("prefilter: patterns tried at their start literals find what find() finds", "[engine][prefilter]") {
  std::vector<std::u16string> texts;
  std::istringstream corpus(readFile("tests/corpus/corpus.jsonl"));
  std::u16string joined;
  size_t lines = 0;
  for (std::string line; std::getline(corpus, line);) {
    if (line.empty()) continue;
    texts.push_back(rg::text::toUtf16(json::parse(line)["text"].get<std::string>()));
    joined += texts.back() + u" ";
    if (++lines % 40 == 0) texts.push_back(std::move(joined)), joined.clear();
  }
  // Starts inside runs before the literal: hyphens, umlauts, several candidates in one word.
  for (const char* t : {"Bitte an die Karl-Marx-Straße 12a in 10115 Berlin.", "Der Brückenweg-Ring 7, Am Ring 5",
                        "UNTERWEGS 5, Weg 3 und Ringweg 44 b", "London SW1A 1AA and EC1A 1BB, AB12 3CD", "ÄußereStr. 9"})
    texts.push_back(rg::text::toUtf16(t));
  size_t withStarts = 0, matches = 0;
  for (const char* file : {"policies/default/bundle.json", "policies/examples/telecom.json", "tests/vectors/vectors_bundle.json"}) {
    json b = json::parse(readFile(file));
    for (const json& r : b["rules"]) {
      if (r["kind"] != "pattern") continue;
      uint32_t f = 0;
      for (const json& x : r.value("flags", json::array())) f |= x == "i" ? UREGEX_CASE_INSENSITIVE : UREGEX_COMMENTS;
      const std::string src = r["pattern"];
      if (requirementOf(rg::text::toUtf16(src), f).starts.empty()) continue;
      ++withStarts;
      auto p = load(bundleWith({rule("p", "pattern", {{"pattern", src}, {"flags", r.value("flags", json::array())}})}));
      UErrorCode st = U_ZERO_ERROR;
      UParseError pe;
      std::unique_ptr<icu::RegexPattern> re(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(src), f, pe, st));
      REQUIRE(U_SUCCESS(st));
      std::vector<std::u16string> mine = texts;
      for (const char* k : {"flag", "pass"})
        for (const json& e : r["examples"][k]) mine.push_back(rg::text::toUtf16(e.is_string() ? e.get<std::string>() : e["text"].get<std::string>()));
      for (const std::u16string& t : mine) {
        icu::UnicodeString in(false, t.data(), int32_t(t.size()));
        std::unique_ptr<icu::RegexMatcher> m(re->matcher(in, st));
        Spans expected;
        while (m->find(st) && U_SUCCESS(st))
          if (m->end(st) > m->start(st))
            expected.push_back("p@" + std::to_string(m->start(st)) + "-" + std::to_string(m->end(st)));
        REQUIRE(U_SUCCESS(st));
        matches += expected.size();
        json result = check(*p, t);
        INFO(r["id"].get<std::string>() << ": " << rg::text::toUtf8(t));
        CHECK(result["warnings"].empty());
        CHECK(spans(result) == expected);
      }
    }
  }
  CHECK(withStarts >= 8);
  CHECK(matches > 50);  // enough matches to compare (83 since commitment.deadline became a proximity rule)
}
