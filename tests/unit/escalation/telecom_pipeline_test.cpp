// End to end through the core API: load the telecom bundle, check a draft, escalate its findings.
#include <catch2/catch.hpp>

#include "api.h"
#include "esc_test_util.h"

using namespace esctest;

TEST_CASE("esc: telecom bundle: check findings feed escalate", "[escalation]") {
  json b = telecomBundle();
  auto loaded = rg::loadPolicy(b.dump());
  REQUIRE(loaded.errors.empty());
  REQUIRE(loaded.policy);
  rg::CheckRequest req;
  req.reply = u"Sie erhalten eine Gutschrift von 80 € auf die nächste Rechnung.";
  req.incoming = u"Mein Anwalt meldet sich am Montag bei Ihnen!";
  req.lang = "de";
  json checked = rg::check(*loaded.policy, req);
  INFO(checked.dump(1));
  json esc = rg::escalate(*loaded.policy, {{"findings", checked["findings"]},
                                           {"now", local("Europe/Berlin", "2026-03-06T19:30")},
                                           {"member", "anna"}, {"lang", "de"},
                                           {"draft", "Sie erhalten eine Gutschrift von 80 € auf die nächste Rechnung."},
                                           {"post_url", "https://social.example/p/42"}});
  INFO(esc.dump(1));
  REQUIRE(esc["escalate"] == true);
  CHECK(esc["route"] == "legal");  // the legal threat (block) outranks the goodwill amount (warn)
  std::vector<std::string> rules, targets;
  for (const auto& r : esc["reasons"]) rules.push_back(r["rule"]);
  for (const auto& t : esc["targets"]) targets.push_back(t["member"]);
  CHECK(std::find(rules.begin(), rules.end(), "legal.threat") != rules.end());
  CHECK(std::find(rules.begin(), rules.end(), "goodwill.amount") != rules.end());
  CHECK(targets == std::vector<std::string>{"deniz", "jonas"});  // goodwill's duty lead is deniz too
  CHECK(esc["more_routes"][0]["route"] == "goodwill");
  CHECK(esc["message"]["body"].get<std::string>().find("https://social.example/p/42") != std::string::npos);
  CHECK(rg::oncall(*loaded.policy, "duty", local("Europe/Berlin", "2026-03-06T19:30"))["on_call"]["member"] == "deniz");
}
