// Regex bounds: step limits per match attempt (a long text does not exhaust a linear pattern), a
// per-pattern and a per-check budget (catastrophic patterns cannot stall a check), and the lint
// warning for patterns that backtrack catastrophically.
#include "engine_test_util.h"
#include "policy/pattern_lint.h"

using namespace rgtest;

namespace {

const char* kEmail = "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}";

}  // namespace

TEST_CASE("regex: a 200,000-character text still yields all 20 e-mail addresses", "[engine][regex]") {
  auto p = load(bundleWith({rule("mail", "pattern", {{"pattern", kEmail}, {"flags", {"i"}}})}));
  std::string text;
  int n = 0;
  while (text.size() < 200000) {
    text += "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ";
    if (text.size() > size_t(n + 1) * 9500 && n < 20) text += "Kontakt: person" + std::to_string(n++) + "@mail.example.org. ";
  }
  REQUIRE(n == 20);
  json r = check(*p, text.c_str());
  CHECK(r["findings"].size() == 20);
  CHECK(r["warnings"].empty());
}

TEST_CASE("regex: a runaway attempt is given up, the other matches are reported", "[engine][regex]") {
  // Only the attempt at the start backtracks catastrophically; the later "c" still matches.
  auto p = load(bundleWith({rule("bad", "pattern", {{"pattern", "^(x+x+)+y|c"}})}));
  json r = check(*p, (std::string(40, 'x') + " c").c_str());
  CHECK(spans(r) == Spans{"bad@41-42"});
  REQUIRE(r["warnings"].size() == 1);
  CHECK(r["warnings"][0]["message"].get<std::string>().find("gave up at some positions") != std::string::npos);
}

TEST_CASE("regex: catastrophic patterns exhaust the check's budget, not the check", "[engine][regex]") {
  json rules = json::array();
  for (int i = 0; i < 200; ++i)
    rules.push_back(rule("bt" + std::to_string(i), "pattern", {{"pattern", "(x+x+)+y|q{" + std::to_string(i) + "}z"}}));
  rules.push_back(rule("word", "terms", {{"terms", {"idiot"}}}));
  auto p = load(bundleWith(rules));
  json r = check(*p, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx idiot");
  CHECK(spans(r) == Spans{"word@31-36"});  // rules without patterns are unaffected
  int limit = 0, budget = 0;
  for (const json& w : r["warnings"]) {
    const std::string m = w["message"];
    limit += m.find("step limit") != std::string::npos;
    budget += m.find("budget for patterns ran out") != std::string::npos;
  }
  CHECK(limit >= 1);
  CHECK(budget >= 150);  // most patterns never ran: the budget was spent
  CHECK(limit + budget == 200);
}

TEST_CASE("lint: nested unbounded repetition is reported, delimited repetition is not", "[engine][regex][lint]") {
  using rg::policy::backtrackingRisk;
  CHECK(backtrackingRisk("(x+x+)+y"));
  CHECK(backtrackingRisk("(?:\\w+\\s?)*$"));
  CHECK(backtrackingRisk("((a*)b)*c"));
  CHECK(!backtrackingRisk("(?:\\.[a-z]+)*\\.[a-z]{2,}"));  // each repetition starts at a dot
  CHECK(!backtrackingRisk("(?>x+x+)+y"));                  // atomic
  CHECK(!backtrackingRisk("(x++x++)+y"));                  // possessive
  CHECK(!backtrackingRisk("(?:[\\s./-]?\\d{2,8}){1,4}"));  // bounded outer repetition
  CHECK(!backtrackingRisk("[(x+)+]"));                     // a character class, not groups
  rg::LoadResult r = rg::loadPolicy(bundleWith({rule("bt", "pattern", {{"pattern", "(x+x+)+y"}})}).dump());
  REQUIRE(r.policy);  // a warning, not an error
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].pointer == "/rules/0/pattern");
  rg::LoadResult d = rg::loadPolicy(rg::defaultBundleJson(), rg::defaultBundleFiles());
  CHECK(d.warnings.empty());
}
