// One finding per span: overlapping findings of one rule merge into their union; replacements are
// kept for the part they stand for; findings of different rules, or merely touching, stay apart.
#include "engine_test_util.h"

using namespace rgtest;

TEST_CASE("merge: overlapping findings of one rule become one", "[engine][merge]") {
  auto p = load(bundleWith({rule("money", "terms", {{"terms", {"we'll refund", "refund the full", "full amount"}}}),
                            rule("other", "terms", {{"terms", {"full amount"}}})}));
  auto r = check(*p, "Don't worry, we'll refund the full amount");
  CHECK(spans(r) == Spans{"money@13-41", "other@30-41"});
  CHECK(r["findings"][0]["text"] == "we'll refund the full amount");
  // Touching, not overlapping: two findings.
  CHECK(spans(check(*p, "we'll refund full amount")) == Spans{"money@0-12", "money@13-24", "other@13-24"});
}

TEST_CASE("merge: replacements survive with the text around them", "[engine][merge]") {
  auto p = load(bundleWith({rule("r", "terms", {{"terms", {"no problem at", {{"text", "problem"}, {"replacement", "worry"}}}}})}));
  auto r = check(*p, "No problem at all");
  REQUIRE(r["findings"].size() == 1);
  CHECK(r["findings"][0]["begin"] == 0);
  CHECK(r["findings"][0]["end"] == 13);
  // The replacement stands for "problem" inside "No problem at": the rest is kept.
  CHECK(r["findings"][0]["replacements"] == json{"No worry at"});
}

TEST_CASE("merge: the default bundle gives one commitment.money finding per promise", "[engine][merge]") {
  rg::LoadResult d = rg::loadPolicy(rg::defaultBundleJson(), rg::defaultBundleFiles());
  REQUIRE(d.policy);
  auto r = check(*d.policy, "Don't worry, we'll refund the full amount");
  int money = 0;
  for (const json& f : r["findings"])
    if (f["rule"] == "commitment.money") {
      ++money;
      CHECK(f["text"] == "we'll refund");  // "we" then a pay-out verb (proximity rule)
    }
  CHECK(money == 1);
}
