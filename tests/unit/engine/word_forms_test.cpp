// Word forms: Snowball stems (match "stem"), German compounds (match "compound"), compound
// exceptions that cover a word's inflections.
#include "engine_test_util.h"
#include "morph/stemmer.h"

using namespace rgtest;
using rg::morph::Language;
using rg::morph::stem;

TEST_CASE("Snowball stems German and English inflections alike", "[engine][morph]") {
  for (const char16_t* w : {u"dumm", u"dumme", u"dummen", u"dummer", u"dummes"}) CHECK(stem(w, Language::German) == u"dumm");
  CHECK(stem(u"erstattung", Language::German) == stem(u"erstattungen", Language::German));
  CHECK(stem(u"garantieren", Language::German) == stem(u"garantiere", Language::German));
  for (const char16_t* w : {u"refund", u"refunds", u"refunded", u"refunding"}) CHECK(stem(w, Language::English) == u"refund");
  CHECK(stem(u"guarantees", Language::English) == stem(u"guaranteed", Language::English));
  CHECK(stem(u"stupide", Language::German) == u"stupid");  // German "stupide" (dull): why rules name their language
  CHECK(stem(u"", Language::English).empty());
}

TEST_CASE("stem: a term matches its inflections as whole words", "[engine][morph]") {
  auto p = load(bundleWith({rule("de", "terms", {{"terms", {"dumm", "erstattung garantieren"}}, {"match", "stem"},
                                                 {"language", "de"}}),
                            rule("en", "terms", {{"terms", {"refund", "guarantee"}}, {"match", "stem"},
                                                 {"language", "en"}})}));
  CHECK(spans(check(*p, "Das war dumm.")) == Spans{"de@8-12"});
  CHECK(spans(check(*p, "Eine dumme Idee, die Dummen")) == Spans{"de@5-10", "de@21-27"});
  CHECK(spans(check(*p, "Wir Erstattungen garantiere")) == Spans{"de@4-27"});
  CHECK(spans(check(*p, "We guaranteed refunds.")) == Spans{"en@3-13", "en@14-21"});
  CHECK(spans(check(*p, "Refunding is done")) == Spans{"en@0-9"});
  // Whole words only: no stem inside a longer word, nor a different word with a shared start.
  CHECK(spans(check(*p, "Dummy units and Dummheit")) == Spans{});
  CHECK(spans(check(*p, "prefunded")) == Spans{});
}

TEST_CASE("stem: without a language both stemmers apply; with one only its own", "[engine][morph]") {
  auto both = load(bundleWith({rule("s", "terms", {{"terms", {"stupid"}}, {"match", "stem"}})}));
  auto en = load(bundleWith({rule("s", "terms", {{"terms", {"stupid"}}, {"match", "stem"}, {"language", "en"}})}));
  CHECK(spans(check(*en, "Stupidly done")) == Spans{"s@0-8"});
  CHECK(spans(check(*both, "Stupidly done")) == Spans{"s@0-8"});
  // German "stupide" (dull) stems to "stupid" in German only.
  CHECK(spans(check(*both, "eine stupide Arbeit")) == Spans{"s@5-12"});
}

TEST_CASE("stem works on folded, obfuscated text and keeps original offsets", "[engine][morph]") {
  auto p = load(bundleWith({rule("s", "terms", {{"terms", {"blöd"}}, {"match", "stem"}, {"language", "de"},
                                                {"obfuscation", {"leet", "repeats"}}})}));
  CHECK(spans(check(*p, u"So bl\u00F6de!")) == Spans{"s@3-8"});
  CHECK(spans(check(*p, u"So BLOEDE")) == Spans{"s@3-9"});
  auto r = check(*p, u"So bl\u00F6\u00F6\u00F6deeen");
  REQUIRE(r["findings"].size() == 1);
  CHECK(r["findings"][0]["begin"] == 3);
  CHECK(r["findings"][0]["end"] == 13);
  CHECK(r["findings"][0]["confidence"] == 0.9);
}

TEST_CASE("compound: a term as modifier or inflected head of a German compound", "[engine][morph]") {
  auto p = load(bundleWith({rule("c", "terms", {{"terms", {"idiot", "pfosten", "garantie"}}, {"match", "compound"},
                                                {"language", "de"}})}));
  CHECK(spans(check(*p, "Vollidiot")) == Spans{"c@0-9"});
  CHECK(spans(check(*p, "die Vollidioten")) == Spans{"c@4-15"});
  CHECK(spans(check(*p, "Idiotenverein")) == Spans{"c@0-13"});
  CHECK(spans(check(*p, "Vollpfosten")) == Spans{"c@0-11"});
  CHECK(spans(check(*p, "Rückerstattungsgarantie")) == Spans{"c@0-23"});
  CHECK(spans(check(*p, "Idiot")) == Spans{"c@0-5"});
  // Inside a word, or followed by more than an inflection ending: not a compound part.
  CHECK(spans(check(*p, "Vollidiotwerk")) == Spans{});
  CHECK(spans(check(*p, "Garantiefall")) == Spans{"c@0-12"});
  CHECK(spans(check(*p, "Pfostenschuh Schidiotx")) == Spans{"c@0-12"});
}

TEST_CASE("compound: innocent compounds are excepted with their inflections", "[engine][morph]") {
  auto p = load(bundleWith({rule("c", "terms", {{"terms", {"idiot"}}, {"match", "compound"}, {"language", "de"},
                                                {"exceptions", {{{"text", "idiotensicher"}, {"match", "stem"}}}}})}));
  CHECK(spans(check(*p, "Das ist idiotensicher.")) == Spans{});
  CHECK(spans(check(*p, "Eine idiotensichere Lösung, idiotensicheren Geräten")) == Spans{});
  CHECK(spans(check(*p, "Ein Idiotenverein")) == Spans{"c@4-17"});
  // A prefix exception covers the whole word too (cheaper than a stem view).
  auto q = load(bundleWith({rule("c", "terms", {{"terms", {{{"text", "idiot"}, {"match", "substring"}}}},
                                                {"exceptions", {{{"text", "idiotensicher"}, {"match", "prefix"}}}}})}));
  CHECK(spans(check(*q, "Eine idiotensichere Lösung, idiotensicheren Geräten")) == Spans{});
  CHECK(spans(check(*q, "Vollidiot")) == Spans{"c@0-9"});
  // The bundle's allow list takes objects too.
  json b = bundleWith({rule("c", "terms", {{"terms", {{{"text", "idiot"}, {"match", "substring"}}}}})});
  b["allow"] = {{{"text", "idiotensicher"}, {"match", "prefix"}}, "idiotie"};
  auto a = load(b);
  CHECK(spans(check(*a, "idiotensicheren Idiotie Idioten")) == Spans{"c@24-31"});
}

TEST_CASE("stem, compound, language and the new obfuscation steps are validated", "[engine][morph]") {
  auto errs = errorsOf(bundleWith({rule("x", "terms", {{"terms", {"a1"}}, {"language", "fr"},
                                                       {"obfuscation", {"accents"}}})}).dump());
  CHECK(hasError(errs, "/rules/0/language", "must be one of"));
  CHECK(hasError(errs, "/rules/0/obfuscation/0", "must be one of"));
  auto e2 = errorsOf(bundleWith({rule("x", "pattern", {{"pattern", "a"}, {"language", "de"}})}).dump());
  CHECK(!e2.empty());
  load(bundleWith({rule("y", "substitution", {{"pairs", {{{"terms", {"problem"}}, {"replacement", "concern"}}}},
                                              {"match", "stem"}, {"language", "en"}})}));
}
