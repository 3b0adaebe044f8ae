// check(): every rule kind, match modes, boundaries, exceptions and the allow list.
#include <memory>

#include <unicode/regex.h>

#include "check/regex_run.h"
#include "engine_test_util.h"

using namespace rgtest;

TEST_CASE("terms: whole words on ICU boundaries, no Scunthorpe", "[engine]") {
  auto p = load(bundleWith({rule("w", "terms", {{"terms", {"cunt", "idiot", "dumm"}}})}));
  CHECK(spans(check(*p, "Scunthorpe idiotic idiots")) == Spans{});
  CHECK(spans(check(*p, "You IDIOT, dumm!")) == Spans{"w@4-9", "w@11-15"});
  CHECK(spans(check(*p, "idiot")) == Spans{"w@0-5"});
  CHECK(spans(check(*p, "")) == Spans{});
}

TEST_CASE("terms: prefix, suffix and substring cover the whole word", "[engine]") {
  auto p = load(bundleWith({rule("m", "terms", {{"terms",
      {{{"text", "depp"}, {"match", "prefix"}}, {{"text", "idiot"}, {"match", "suffix"}},
       {{"text", "arsch"}, {"match", "substring"}}}}})}));
  CHECK(spans(check(*p, "Deppenverein")) == Spans{"m@0-12"});
  CHECK(spans(check(*p, "Vollidiot")) == Spans{"m@0-9"});
  CHECK(spans(check(*p, "Idioten")) == Spans{});
  CHECK(spans(check(*p, "Oberdepp")) == Spans{});
  CHECK(spans(check(*p, "Riesenarschloch ok")) == Spans{"m@0-15"});
}

TEST_CASE("terms: phrases, umlauts, sharp s and case folding", "[engine]") {
  auto p = load(bundleWith({rule("u", "terms", {{"terms", {"ärger", "strasse", "our fault"}}})}));
  CHECK(spans(check(*p, "Viel AERGER")) == Spans{"u@5-11"});
  CHECK(spans(check(*p, "Viel Ärger")) == Spans{"u@5-10"});
  CHECK(spans(check(*p, "Viel A\xCC\x88rger")) == Spans{"u@5-11"});  // a + combining diaeresis
  CHECK(spans(check(*p, "Die STRAẞE und Straße")) == Spans{"u@4-10", "u@15-21"});
  CHECK(spans(check(*p, "It was OUR   FAULT")) == Spans{});  // phrases match their exact spacing
  CHECK(spans(check(*p, "It was Our Fault.")) == Spans{"u@7-16"});
}

TEST_CASE("terms: homoglyphs, zero-width characters, fullwidth, emoji around", "[engine]") {
  auto p = load(bundleWith({rule("h", "terms", {{"terms", {"idiot"}}})}));
  CHECK(spans(check(*p, u"\u0456d\u0456\u043Et")) == Spans{"h@0-5"});           // Cyrillic і and о
  CHECK(spans(check(*p, u"id\u200Bi\u00ADot")) == Spans{"h@0-7"});              // ZWSP, soft hyphen
  CHECK(spans(check(*p, u"\uFF49\uFF44\uFF49\uFF4F\uFF54")) == Spans{"h@0-5"});  // fullwidth
  CHECK(spans(check(*p, u"\U0001F600idiot\U0001F600")) == Spans{"h@2-7"});
  CHECK(spans(check(*p, u"\u0130diot")) == Spans{"h@0-5"});
  auto r = check(*p, u"\u0456d\u0456\u043Et");
  CHECK(r["findings"][0]["text"] == "\xD1\x96" "d" "\xD1\x96\xD0\xBE" "t");
}

TEST_CASE("terms: obfuscation is opt-in and lowers confidence", "[engine]") {
  auto plain = load(bundleWith({rule("p", "terms", {{"terms", {"idiot", "stupid"}}})}));
  auto obf = load(bundleWith({rule("o", "terms", {{"terms", {"idiot", "stupid"}},
                                                  {"obfuscation", {"leet", "separators", "repeats"}}})}));
  for (const char* t : {"id1ot", "i.d.i.o.t", "i d i o t", "stuuuupid", "1.d.1.0.t"}) {
    INFO(t);
    CHECK(spans(check(*plain, t)) == Spans{});
    auto r = check(*obf, t);
    REQUIRE(r["findings"].size() == 1);
    CHECK(r["findings"][0]["begin"] == 0);
    CHECK(r["findings"][0]["end"] == std::strlen(t));
    CHECK(r["findings"][0]["confidence"] == 0.9);
  }
  CHECK(check(*obf, "idiot")["findings"][0]["confidence"] == 1.0);
  CHECK(spans(check(*obf, "He is an idiot!")) == Spans{"o@9-14"});
  CHECK(spans(check(*obf, "a b c d")) == Spans{});
}

TEST_CASE("terms: exceptions and the allow list suppress covered findings", "[engine]") {
  json b = bundleWith({rule("e", "terms", {{"terms", {"stupid", {{"text", "arsch"}, {"match", "substring"}}}},
                                           {"exceptions", {"stupid question"}}})});
  b["allow"] = {"Marsch"};
  auto p = load(b);
  CHECK(spans(check(*p, "No stupid question here")) == Spans{});
  CHECK(spans(check(*p, "A stupid answer")) == Spans{"e@2-8"});
  CHECK(spans(check(*p, "Ein Marsch")) == Spans{});
  CHECK(spans(check(*p, "Ein Arsch")) == Spans{"e@4-9"});
}

TEST_CASE("terms: replacements per term and per rule, in the request language", "[engine]") {
  auto p = load(bundleWith({rule("r", "terms", {{"terms", {"guaranteed", {{"text", "problem"}, {"replacement", "concern"}}}},
                                                {"replacement", {{"en", "possible"}, {"de", "möglich"}}}})}));
  auto r = check(*p, u"Guaranteed, no problem", "", u"", "de");
  REQUIRE(r["findings"].size() == 2);
  CHECK(r["findings"][0]["replacements"] == json{"Möglich"});  // capitalised like the found text
  CHECK(r["findings"][1]["replacements"] == json{"concern"});
  CHECK(r["findings"][0]["message"] == "Meldung r");
  CHECK(check(*p, u"guaranteed", "", u"", "en")["findings"][0]["replacements"] == json{"possible"});
}

TEST_CASE("substitution: each pair has its replacement", "[engine]") {
  auto p = load(bundleWith({rule("s", "substitution", {{"pairs", {{{"terms", {"problem"}}, {"replacement", "concern"}},
                                                                  {{"terms", {"beschwerde", "reklamation"}}, {"replacement", "Anliegen"}}}}})}));
  auto r = check(*p, "Ihre Reklamation, your problem");
  REQUIRE(r["findings"].size() == 2);
  CHECK(r["findings"][0]["replacements"] == json{"Anliegen"});
  CHECK(r["findings"][0]["text"] == "Reklamation");
  CHECK(r["findings"][1]["replacements"] == json{"concern"});
}

TEST_CASE("cooccurrence: requires and forbids, with terms and patterns", "[engine]") {
  auto p = load(bundleWith({
      rule("need", "cooccurrence", {{"trigger", {{"pattern", "\\d+\\s?(€|eur)"}, {"flags", {"i"}}}},
                                    {"requires", {{"terms", {"incl. vat", "inkl. mwst"}}}}}),
      rule("forbid", "cooccurrence", {{"trigger", {{"terms", {"acme"}}}}, {"forbids", {{"pattern", "\\bbetter\\b"}}}})}));
  CHECK(spans(check(*p, "It costs 5 EUR and 7€")) == Spans{"need@9-14", "need@19-21"});
  CHECK(spans(check(*p, "It costs 5 EUR inkl. MwSt.")) == Spans{});
  CHECK(spans(check(*p, "ACME is fine")) == Spans{});
  CHECK(spans(check(*p, "We are better than Acme")) == Spans{"forbid@19-23"});
}

TEST_CASE("pattern: ICU regex on the original text with flags", "[engine]") {
  auto p = load(bundleWith({rule("o", "pattern", {{"pattern", "\\b(order|bestellung)\\s*#?\\s*\\d{6,}"}, {"flags", {"i"}}})}));
  CHECK(spans(check(*p, "Bestellung 1234567 and ORDER #7654321")) == Spans{"o@0-18", "o@23-37"});
  CHECK(spans(check(*p, "order 123")) == Spans{});
}

TEST_CASE("pattern: catastrophic backtracking stops at its bound with a warning", "[engine]") {
  auto p = load(bundleWith({rule("slow", "pattern", {{"pattern", "(a+)+$"}}), rule("w", "terms", {{"terms", {"b"}}})}));
  std::string text(40, 'a');
  text += "!b";
  // Unbounded, this would take hours. ICU's limit counts backtracking steps, not time, so the
  // check ends on an idle and a loaded machine alike; only the limit's outcome has this message.
  auto r = check(*p, text.c_str());
  CHECK(spans(r) == Spans{"w@41-42"});
  REQUIRE(r["warnings"].size() == 1);
  CHECK(r["warnings"][0]["rule"] == "slow");
  CHECK(r["warnings"][0]["source"] == "reply");
  // Only a pattern that hit its bound warns; the outcomes of each bound, counted in ICU steps, are
  // asserted in regex_bounds_test.cpp.
}

TEST_CASE("detector: context raises confidence, min_confidence and allow_domains filter", "[engine]") {
  auto p = load(bundleWith({
      rule("mail", "detector", {{"detector", "email"}, {"allow_domains", {"example.com"}}}),
      rule("iban", "detector", {{"detector", "iban"}, {"context", {"iban", "konto"}}, {"min_confidence", 0.0}})}));
  CHECK(spans(check(*p, "a@gmail.com, b@example.com, c@shop.example.com")) == Spans{"mail@0-11"});
  auto plain = check(*p, "DE89 3704 0044 0532 0130 00");
  auto ctx = check(*p, "Mein Konto: DE89 3704 0044 0532 0130 00");
  REQUIRE(plain["findings"].size() == 1);
  REQUIRE(ctx["findings"].size() == 1);
  CHECK(ctx["findings"][0]["confidence"].get<double>() > plain["findings"][0]["confidence"].get<double>());
  auto strict = load(bundleWith({rule("iban", "detector", {{"detector", "iban"}, {"context", {"iban"}},
                                                           {"min_confidence", plain["findings"][0]["confidence"].get<double>() + 0.01}})}));
  CHECK(spans(check(*strict, "DE89 3704 0044 0532 0130 00")) == Spans{});
  CHECK(spans(check(*strict, "IBAN DE89 3704 0044 0532 0130 00")) == Spans{"iban@5-32"});
}

TEST_CASE("metric: length per platform in grapheme clusters", "[engine]") {
  auto p = load(bundleWith({rule("len", "metric", {{"metric", "length"}, {"max", 10}, {"platforms", {{"x", 3}}}})}));
  CHECK(spans(check(*p, "0123456789")) == Spans{});
  CHECK(spans(check(*p, "0123456789AB")) == Spans{"len@10-12"});
  // 4 emoji (8 code units) are 4 characters: beyond 3 on x starts at the 4th emoji
  CHECK(spans(check(*p, u"\U0001F600\U0001F600\U0001F600\U0001F600", "x")) == Spans{"len@6-8"});
  CHECK(spans(check(*p, u"e\u0301e\u0301e\u0301", "x")) == Spans{});
}

TEST_CASE("metric: caps ratio and exclamation runs", "[engine]") {
  auto p = load(bundleWith({rule("caps", "metric", {{"metric", "caps_ratio"}, {"max", 0.5}, {"min_letters", 5}}),
                            rule("ex", "metric", {{"metric", "exclamation_run"}, {"max", 2}})}));
  CHECK(spans(check(*p, "STOP THAT")) == Spans{"caps@0-9"});
  CHECK(spans(check(*p, "OK")) == Spans{});
  CHECK(spans(check(*p, "Wow!! Great!!!")) == Spans{"ex@11-14"});
}

TEST_CASE("required: missing sign-off gives an empty span at the end", "[engine]") {
  auto p = load(bundleWith({rule("sig", "required", {{"pattern", "\\^\\p{Lu}{2}\\s*$"}, {"min_length", 10}})}));
  CHECK(spans(check(*p, "Short")) == Spans{});
  CHECK(spans(check(*p, "A longer reply here")) == Spans{"sig@19-19"});
  CHECK(spans(check(*p, "A longer reply here ^AB")) == Spans{});
}

TEST_CASE("applies_to: incoming rules check the incoming post, findings carry the source", "[engine]") {
  auto p = load(bundleWith({rule("in", "terms", {{"terms", {"lawyer"}}, {"applies_to", "incoming"}}),
                            rule("both", "terms", {{"terms", {"idiot"}}, {"applies_to", "both"}}),
                            rule("out", "terms", {{"terms", {"refund"}}})}));
  auto r = check(*p, u"lawyer idiot refund", "", u"idiot refund lawyer");
  REQUIRE(r["findings"].size() == 4);
  // One order for both texts: begin, end, rule id (the source tells the texts apart).
  CHECK(spans(r) == Spans{"both@0-5", "both@7-12", "in@13-19", "out@13-19"});
  CHECK(r["findings"][0]["source"] == "incoming");
  CHECK(r["findings"][1]["source"] == "reply");
  CHECK(r["findings"][2]["source"] == "incoming");
  CHECK(r["findings"][3]["source"] == "reply");
}

TEST_CASE("disabled rules never flag", "[engine]") {
  auto p = load(bundleWith({rule("off", "terms", {{"terms", {"idiot"}}, {"enabled", false}})}));
  CHECK(spans(check(*p, "idiot")) == Spans{});
  CHECK(runExamples(*p)["passed"] == 0);
}

TEST_CASE("findings are sorted by begin, end, rule id and carry every field", "[engine]") {
  auto p = load(bundleWith({rule("b", "terms", {{"terms", {"idiot"}}, {"suggestion", {{"en", "Be kind"}}},
                                                {"link", "https://example.com/g"}}),
                            rule("a", "terms", {{"terms", {"idiot", "you idiot"}}})}));
  auto r = check(*p, "you idiot");
  CHECK(spans(r) == Spans{"a@0-9", "b@4-9"});  // "idiot" of rule a lies inside its "you idiot"
  const json& f = r["findings"][1];
  CHECK(f["category"] == "insult");
  CHECK(f["severity"] == "warn");
  CHECK(f["text"] == "idiot");
  CHECK(f["message"] == "Message b");
  CHECK(f["suggestion"] == "Be kind");
  CHECK(f["link"] == "https://example.com/g");
  CHECK_FALSE(r["findings"][0].contains("suggestion"));
}

TEST_CASE("hostile texts: NUL, lone surrogates, 1 MB", "[engine]") {
  json b = bundleWith({rule("w", "terms", {{"terms", {"idiot", "lorem"}}, {"obfuscation", {"leet", "separators", "repeats"}},
                                           {"exceptions", {"lorem ipsum"}}}),
                       rule("len", "metric", {{"metric", "length"}, {"max", 1000}})});
  b["allow"] = {"ipsum dolor"};
  auto p = load(b);
  std::u16string nul = u"a";
  nul.push_back(0);
  nul += u"idiot";
  nul.push_back(0xD800);
  auto r = check(*p, nul);
  CHECK(spans(r) == Spans{"w@2-7"});
  CHECK_NOTHROW(r.dump());
  std::u16string lone = u"idiot";
  lone.insert(lone.begin() + 2, char16_t(0xDC00));
  auto r2 = check(*p, lone);
  CHECK(r2.dump().find("\xEF\xBF\xBD") == std::string::npos);  // no finding spans it, nothing to print
  // 1 MB: every repetition's "i.d.i.o.t" is found, so the whole text was checked (the time it
  // takes is printed by tests/bench/bench_check, not asserted).
  const std::u16string_view unit = u"Lorem ipsum dolor sit amet, i.d.i.o.t stuuupid \u00E4rger ";
  std::u16string big;
  size_t repetitions = 0;
  for (; big.size() < (1u << 20); ++repetitions) big += unit;
  auto r3 = check(*p, big);
  size_t idiots = 0, lengths = 0;
  for (const json& f : r3["findings"]) (f["rule"] == "w" ? idiots : lengths) += 1;
  CHECK(idiots == repetitions);
  CHECK(lengths == 1);
  CHECK(r3.dump().find("\"lorem\"") == std::string::npos);  // every lorem is inside an exception
}

TEST_CASE("exceptions apply whichever occurrence is found first", "[engine]") {
  // The exception ends where the term ends, so it is found at the same position as the term.
  auto p = load(bundleWith({rule("a", "terms", {{"terms", {"x"}}}),
                            rule("k", "terms", {{"terms", {{{"text", "klage"}, {"match", "prefix"}}}},
                                                {"exceptions", {"grund zur klage"}}})}));
  CHECK(spans(check(*p, "Kein Grund zur Klage, x")) == Spans{"a@22-23"});
  CHECK(spans(check(*p, "Eine Klage, x")) == Spans{"k@5-10", "a@12-13"});
}
